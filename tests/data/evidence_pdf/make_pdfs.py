"""Print tuning texts to PDF with chromium, the way an analyst saves a page to read later.

Run: python tests/data/evidence_pdf/make_pdfs.py [CHROMIUM]

Each PDF is one tuning text (real ones from tests/data/evidence_real_tuning*, licences in each
folder's SOURCES.md; texts written for the tests from tests/data/evidence_written) laid out as
a web page and printed by chromium in large type, so that the text runs over several pages
with what real PDFs bring: the browser's print header and footer (a time stamp with the title,
the file's address with "2/4"), or running heads and "Page 2 of 4" set by the page's own style;
ligatures in the embedded fonts; justified text with words hyphenated across lines; two
columns. Two texts are typeset by groff instead: justified, hyphenated the way a typesetter
does it, with letters placed apart where it kerns. tests/test_evidence_pdf.py checks that the
reader finds in each PDF the claims it finds in the text it was printed from.
"""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent

BASE = "body{font-family:'DejaVu Serif',serif;font-size:21pt;line-height:1.35}h1{font-size:26pt}"
LAYOUTS = {
    # the browser's own header and footer, plain paragraphs
    "browser": ("@page{margin:14mm 12mm}", True),
    # justified, hyphenated by the browser
    "hyphenated": ("@page{margin:14mm 12mm}body{text-align:justify;hyphens:auto}", True),
    # running head and "Page 2 of 4" from the page's own style, no browser header
    "running-head": (
        "@page{margin:18mm 12mm;"
        "@top-right{content:'Open Government Licence v3.0';font-size:8pt}"
        "@bottom-center{content:'Page ' counter(page) ' of ' counter(pages);font-size:8pt}}",
        False,
    ),
    # two columns on a wider page
    "columns": ("@page{margin:12mm}body{columns:2;column-gap:10mm;font-size:15pt}", True),
}
# (source text, layout)
PRINTS = (
    ("evidence_real_tuning_b/13_joint_statement_peace_for_ukraine_15dec2025.txt", "browser"),
    ("evidence_real_tuning/08_lords_nato_g7_statement_30mar2022.txt", "hyphenated"),
    ("evidence_real_tuning_e/02_zelenskyy_paris_summit_sanctions_27mar2025.txt", "columns"),
    ("evidence_written/b04_commons_uq_russian_memorandum_4jun2025.txt", "running-head"),
    ("evidence_written/a07_envoy_kellogg_press_remarks_riyadh_26mar2025.txt", "browser"),
    ("evidence_written/b07_crs_in_focus_istanbul_rounds_jun2025.txt", "hyphenated"),
    ("evidence_written/a12_joint_statement_kyiv_leaders_10may2025.txt", "running-head"),
    ("evidence_written/a10_wire_geneva_peace_plan_24nov2025.txt", "columns"),
    # typeset by groff (-ms, justified and hyphenated, letters placed apart): needs groff's pdf
    # device (Debian's groff package, not groff-base)
    ("evidence_written/b07_crs_in_focus_istanbul_rounds_jun2025.txt", "groff"),
    ("evidence_written/d10_newspaper_analysis_istanbul_memoranda_3jun2025.txt", "groff"),
)


def roff(text: str) -> str:
    """The text as a groff -ms document: a title, then one paragraph a line."""
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]

    def escaped(line: str) -> str:
        line = line.replace("\\", "\\e")
        return "\\&" + line if line[:1] in ".'" else line

    body = "".join(f".PP\n{escaped(ln)}\n" for ln in lines[1:])
    # small pages, so the text runs over several with ms's "- 2 -" page numbers
    setup = ".pl 4.5i\n.nr LL 4.2i\n.nr PO 0.6i\n.nr HM 0.6i\n.nr FM 0.6i\n"
    return f"{setup}.TL\n{escaped(lines[0])}\n.LP\n{body}"


def page(text: str, layout: str) -> str:
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()]
    style, _ = LAYOUTS[layout]
    title = html.escape(lines[0])
    body = "".join(f"<p>{html.escape(ln)}</p>" for ln in lines[1:])
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<style>{BASE}{style}</style></head><body><h1>{title}</h1>{body}</body></html>"
    )


def scan(pdf: Path, dpi: int = 200) -> bytes:
    """A PDF of the page images of ``pdf``, as a scanner gives them: no text layer (needs
    pypdfium2). For the OCR tests and benchmark; nothing is written here."""
    import io

    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    out = pdfium.PdfDocument.new()
    for k in range(len(doc)):
        width, height = doc[k].get_size()
        image = pdfium.PdfImage.new(out)
        image.set_bitmap(doc[k].render(scale=dpi / 72, grayscale=True))
        image.set_matrix(pdfium.PdfMatrix().scale(width, height))
        page = out.new_page(width, height)
        page.insert_obj(image)
        page.gen_content()
    buffer = io.BytesIO()
    out.save(buffer)
    return buffer.getvalue()


def main(chromium: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for source, layout in PRINTS:
            src = DATA / source
            name = f"{src.stem}.{layout}"
            if layout == "groff":
                out = HERE / f"{name}.pdf"
                typeset = subprocess.run(
                    ["groff", "-ms", "-Tpdf", "-Kutf8"],
                    input=roff(src.read_text(encoding="utf-8")).encode("utf-8"),
                    check=True,
                    capture_output=True,
                )
                out.write_bytes(typeset.stdout)
                print(out.relative_to(HERE), out.stat().st_size, "bytes")
                continue
            page_file = Path(tmp) / f"{name}.html"
            page_file.write_text(page(src.read_text(encoding="utf-8"), layout), encoding="utf-8")
            out = HERE / f"{name}.pdf"
            header = [] if LAYOUTS[layout][1] else ["--no-pdf-header-footer"]
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    *header,
                    f"--print-to-pdf={out}",
                    page_file.as_uri(),
                ],
                check=True,
                capture_output=True,
            )
            print(out.relative_to(HERE), out.stat().st_size, "bytes")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else shutil.which("chromium") or "chromium")
