"""Speed of the evidence pipeline with the rules reader on 100 articles.

Run: .venv/bin/python benchmarks/bench_evidence_speed.py [--repeats N]

The 100 articles are the five seed articles (../shared/seeds, when present) and the five test
articles in tests/gold/evidence, each copied with a numbered first line so that every copy is a
new document. Prints the median over the repeats of:

* ``evidence add`` on the 100 files into a fresh store, default flags, as a separate process
  (start-up, reading, cleaning, the rules reader, SQLite), the figure to hold under 10 s;
* the rules reader alone on the 100 cleaned texts (no files, no store).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted((ROOT.parent / "shared" / "seeds").glob("*.txt")),
    *sorted((ROOT / "tests" / "gold" / "evidence").glob("heldout_*.*")),
]
ARTICLES = 100


def write_articles(folder: Path) -> list[Path]:
    """100 article files, copies of the sources each with its own first line."""
    sources = [p for p in SOURCES if p.suffix in (".txt", ".md", ".html")]
    out = []
    for n in range(ARTICLES):
        src = sources[n % len(sources)]
        text = src.read_text(encoding="utf-8")
        if src.suffix == ".html":
            text = text.replace("<body>", f"<body><p>Benchmark copy {n}.</p>", 1)
        else:
            text = f"Benchmark copy {n}.\n\n{text}"
        path = folder / f"{n:03d}_{src.name}"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def time_add(files: list[Path], folder: Path, run: int) -> float:
    db = folder / f"bench{run}.db"
    env = dict(os.environ, COLUMNS="200")
    t0 = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pourparler", "evidence", "add", *map(str, files), "--db", str(db)],
        check=True,
        stdout=subprocess.DEVNULL,
        env=env,
    )
    return time.perf_counter() - t0


def time_reader(texts: list[str]) -> tuple[float, int]:
    from pourparler.evidence.readers.rules import RulesReader
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    reader = RulesReader()
    t0 = time.perf_counter()
    claims = sum(len(reader.read(t, sc).claims) for t in texts)
    return time.perf_counter() - t0, claims


def main(argv: list[str]) -> None:
    repeats = int(argv[argv.index("--repeats") + 1]) if "--repeats" in argv else 5
    from pourparler.evidence.ingest import read_article

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_articles(folder)
        chars = sum(len(read_article(f).clean.text) for f in files)
        print(f"{len(files)} articles, {chars:,} characters of article text")
        adds = [time_add(files, folder, r) for r in range(repeats)]
        texts = [read_article(f).clean.text for f in files]
        reads = [time_reader(texts) for _ in range(repeats)]
    print(
        f"evidence add, 100 files into a fresh store: median {statistics.median(adds):.2f} s "
        f"(runs {', '.join(f'{t:.2f}' for t in adds)}; target under 10 s)"
    )
    print(
        f"rules reader alone, 100 texts: median {statistics.median(r[0] for r in reads):.2f} s, "
        f"{reads[0][1]} claims"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
