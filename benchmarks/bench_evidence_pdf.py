"""Speed and fidelity of reading PDF articles.

Run: .venv/bin/python benchmarks/bench_evidence_pdf.py [--repeats N] [PDF...]

For the ten PDFs of tests/data/evidence_pdf (printed by chromium or typeset by groff from
tuning texts; see make_pdfs.py there) prints, per file, its pages, the median time to read it
(pypdf's text layer, furniture, paragraphs, cleaning) against the time to read the text it was
made from, and whether the rules reader finds the same claims in both. Then the same timing
for any other PDFs given (real documents: a manual, a report), with their pages and claims.
Then ``evidence add`` on the folder of the ten PDFs into a fresh store, as a separate
process with default flags. Medians over the repeats (default 5).

Last, where the ocr extra and Tesseract are installed, three of the ten PDFs scanned into page
images (``make_pdfs.scan``, 200 dpi, no text layer) are read by OCR: the time a page (median
of 3) and the claims found against those of the text layer.
"""

from __future__ import annotations

import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pourparler.evidence.ingest import read_article
from pourparler.evidence.readers.rules import RulesReader
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
PDFS = DATA / "evidence_pdf"


def _prints() -> list[tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("make_pdfs", PDFS / "make_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.PRINTS)


def _median_ms(path: Path, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        read_article(path)
        times.append(time.perf_counter() - t)
    return 1000 * statistics.median(times)


def _claims(path: Path) -> set[tuple[str, str, str, str]]:
    art = read_article(path)
    reading = RulesReader().read(art.clean.text, load_scenario("istanbul-2025"))
    # the quote's words: spaces and a typesetter's apostrophes aside, as the tests compare them
    return {
        (c.actor, c.issue, c.stance, "".join(c.quote.split()).replace("’", "'"))
        for c in reading.claims
    }


def main(argv: list[str]) -> None:
    if "--help" in argv or "-h" in argv:
        print(__doc__)
        return
    repeats = 5
    if "--repeats" in argv:
        k = argv.index("--repeats")
        repeats = int(argv[k + 1])
        argv = argv[:k] + argv[k + 2 :]
    unknown = [a for a in argv if a.startswith("-")]
    if unknown:
        sys.exit(f"unknown option {unknown[0]} (see --help)")
    print(f"{'file':62} pages  pdf ms  text ms  claims  same")
    same = 0
    prints = _prints()
    for source, layout in prints:
        pdf = PDFS / f"{Path(source).stem}.{layout}.pdf"
        pages = len(read_article(pdf).pages)
        got, want = _claims(pdf), _claims(DATA / source)
        same += got == want
        print(
            f"{pdf.name[:62]:62} {pages:5} {_median_ms(pdf, repeats):7.1f} "
            f"{_median_ms(DATA / source, repeats):8.1f} {len(got):7} "
            f"{'yes' if got == want else 'NO'}"
        )
    print(f"same claims as the printed text: {same} of {len(prints)}")
    for extra in argv:
        path = Path(extra)
        art = read_article(path)
        claims = len(_claims(path))
        per_page = _median_ms(path, repeats) / max(len(art.pages), 1)
        print(
            f"{path.name[:62]:62} {len(art.pages):5} pages, {per_page:.1f} ms a page, "
            f"{len(art.clean.text):,} characters, {claims} claims"
        )
    with tempfile.TemporaryDirectory() as tmp:
        times = []
        for k in range(repeats):
            db = Path(tmp) / f"e{k}.db"
            t = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "pourparler", "evidence", "add", str(PDFS), "--db", str(db)],
                check=True,
                capture_output=True,
            )
            times.append(time.perf_counter() - t)
    print(f"evidence add on the folder of {len(prints)} PDFs: {statistics.median(times):.2f} s")
    _ocr(prints[:3])


def _ocr(prints: list[tuple[str, str]]) -> None:
    """Three PDFs scanned into page images, read by OCR."""
    import shutil

    if importlib.util.find_spec("pypdfium2") is None or shutil.which("tesseract") is None:
        print("OCR: skipped (needs pip install 'pourparler[ocr]' and the tesseract program)")
        return
    spec = importlib.util.spec_from_file_location("make_pdfs", PDFS / "make_pdfs.py")
    assert spec and spec.loader
    make_pdfs = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_pdfs)
    with tempfile.TemporaryDirectory() as tmp:
        for source, layout in prints:
            pdf = PDFS / f"{Path(source).stem}.{layout}.pdf"
            scanned = Path(tmp) / f"{pdf.stem}.scan.pdf"
            scanned.write_bytes(make_pdfs.scan(pdf))
            pages = len(read_article(scanned).pages)
            per_page = _median_ms(scanned, 3) / pages
            got = {c[:3] for c in _claims(scanned)}
            want = {c[:3] for c in _claims(pdf)}
            print(
                f"OCR {scanned.name[:58]:58} {pages:2} pages, {per_page / 1000:.2f} s a page, "
                f"{len(got & want)} of {len(want)} (actor, issue, stance) of the text layer"
            )


if __name__ == "__main__":
    main(sys.argv[1:])
