"""Scanned PDFs (no text layer) read by OCR (:mod:`pourparler.evidence.ocr`): a PDF made of the
page images of a text PDF gives, through Tesseract, the claims the text PDF gives, flagged as
read by OCR; without the ocr extra or the Tesseract program, or with languages Tesseract does
not have, adding it is one line naming what is missing, and nothing is stored."""

from __future__ import annotations

import importlib.util
import json
import shutil
from collections import Counter
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.evidence import ocr
from pourparler.evidence.store import Store

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("pypdf")

TEXT_PDF = (
    Path(__file__).parent
    / "data"
    / "evidence_pdf"
    / "08_lords_nato_g7_statement_30mar2022.hyphenated.pdf"
)
needs_tesseract = pytest.mark.skipif(
    shutil.which("tesseract") is None, reason="the Tesseract program is not installed"
)


def scan(pdf: Path) -> bytes:
    """``make_pdfs.scan``: a PDF of the page images of ``pdf``, without a text layer."""
    spec = importlib.util.spec_from_file_location("make_pdfs", TEXT_PDF.parent / "make_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return bytes(module.scan(pdf))


@pytest.fixture(scope="module")
def scanned(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scans") / "statement-scan.pdf"
    path.write_bytes(scan(TEXT_PDF))
    return path


def _claims(db: Path) -> Counter[tuple[str, str, str]]:
    with Store(db) as store:
        return Counter((c.actor, c.issue, c.stance) for c in store.claims())


def test_the_scan_has_no_text_layer(scanned):
    import pypdf

    reader = pypdf.PdfReader(str(scanned))
    assert len(reader.pages) >= 2
    assert not any((p.extract_text() or "").strip() for p in reader.pages)


@needs_tesseract
def test_a_scanned_pdf_gives_the_claims_of_its_text_flagged_as_read_by_ocr(
    scanned, tmp_path, capsys
):
    code, out, err = run_cli(
        capsys, ["evidence", "add", str(scanned), "--db", str(tmp_path / "s.db"), "--json"]
    )
    assert code == 0, err
    assert "statement-scan.pdf: no text layer: its text was read by OCR" in err
    (doc,) = json.loads(out)["documents"]
    assert doc["ocr"] is True and doc["new"]
    code, _, err = run_cli(
        capsys, ["evidence", "add", str(TEXT_PDF), "--db", str(tmp_path / "t.db")]
    )
    assert code == 0 and "OCR" not in err
    from_scan, from_text = _claims(tmp_path / "s.db"), _claims(tmp_path / "t.db")
    assert from_text.total() >= 8
    assert (from_scan & from_text).total() >= 0.8 * from_text.total()  # claim for claim
    with Store(tmp_path / "s.db") as store:
        assert {c.page for c in store.claims()} >= {1, 2}  # each claim on its page


def test_without_tesseract_a_scan_is_one_line_naming_it(scanned, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    db = tmp_path / "e.db"
    code, _, err = run_cli(capsys, ["evidence", "add", str(scanned), "--db", str(db)])
    assert code == 2 and err.count("\n") == 1
    assert (
        "the PDF has no text layer (scanned pages?); reading it by OCR needs the Tesseract" in err
    )
    with Store(db) as store:
        assert store.document_list() == []


def test_without_the_ocr_extra_the_line_names_it(scanned, tmp_path, capsys, monkeypatch):
    real = ocr.importlib.util.find_spec
    monkeypatch.setattr(
        ocr.importlib.util, "find_spec", lambda name: None if name == "pypdfium2" else real(name)
    )
    code, _, err = run_cli(
        capsys, ["evidence", "add", str(scanned), "--db", str(tmp_path / "e.db")]
    )
    assert code == 2 and "pip install 'pourparler[ocr]'" in err and err.count("\n") == 1


@needs_tesseract
@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("eng; rm -rf", "POURPARLER_OCR_LANGUAGES: 'eng; rm -rf': not Tesseract language names"),
        ("xyzq", "OCR of page 1 failed (tesseract: "),
    ],
)
def test_languages_tesseract_cannot_read_are_one_line(
    scanned, tmp_path, capsys, monkeypatch, languages, message
):
    monkeypatch.setenv("POURPARLER_OCR_LANGUAGES", languages)
    code, _, err = run_cli(
        capsys, ["evidence", "add", str(scanned), "--db", str(tmp_path / "e.db")]
    )
    assert code == 2 and message in err and err.count("\n") == 1


@needs_tesseract
def test_more_pages_than_ocr_reads_is_one_line(scanned, tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(ocr, "MAX_PAGES", 1)
    code, _, err = run_cli(
        capsys, ["evidence", "add", str(scanned), "--db", str(tmp_path / "e.db")]
    )
    assert code == 2 and "scanned pages, over the 1 read by OCR" in err


def test_the_add_form_says_whether_scans_are_read(db, monkeypatch):
    from _web_support import TestClient  # skips without the web extra
    from pourparler.web import create_app

    with TestClient(create_app(db=db, review=True)) as c:
        monkeypatch.setattr(ocr, "missing", lambda: None)
        ready = c.get("/evidence").text
        monkeypatch.setattr(ocr, "missing", lambda: "the Tesseract program")
        absent = c.get("/evidence").text
    assert "scanned ones read by OCR" in ready and "scanned ones read by OCR" not in absent


def test_a_huge_page_is_rendered_within_the_pixel_limit():
    a4 = ocr.render_scale(595, 842)
    assert a4 == pytest.approx(300 / 72)  # an ordinary page at 300 dpi
    giant = ocr.render_scale(14_400, 14_400)  # 200 inches square, the format's limit
    assert (14_400 * giant) ** 2 <= ocr.MAX_PIXELS * 1.0001
    assert ocr.render_scale(0, 0) == pytest.approx(300 / 72)  # no size: nothing to scale down


@needs_tesseract
def test_a_scan_uploaded_in_the_browser_is_read_in_the_background(db, scanned):
    from _web_support import TestClient, follow  # skips without the web extra
    from pourparler.web import create_app

    with TestClient(create_app(db=db, review=True)) as c:
        r = c.post(
            "/evidence/add",
            files=[("file", (scanned.name, scanned.read_bytes(), "application/pdf"))],
            follow_redirects=False,
        )
        assert r.status_code == 303 and r.headers["location"].startswith("/evidence/jobs/")
        page = follow(c, r.headers["location"])
        text_pdf = c.post(
            "/evidence/add",
            files=[("file", (TEXT_PDF.name, TEXT_PDF.read_bytes(), "application/pdf"))],
            follow_redirects=False,
        )
    assert "its text was read by OCR" in page and 'data-new="1"' in page
    assert text_pdf.status_code == 200  # a PDF with its text is read at once, as before
