"""Word documents: the body's paragraphs as the article, headers, footers and footnotes left
out, the title from the document's properties, and clear errors on files that are not one."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.errors import InputError
from pourparler.evidence.docx_text import MAX_PART_BYTES
from pourparler.evidence.ingest import read_article

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CORE = (
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>UK statement to '
    "the OSCE on the Istanbul talks</dc:title></cp:coreProperties>"
)


def run(text: str) -> str:
    return f"<w:r><w:t xml:space='preserve'>{text}</w:t></w:r>"


def body(*paragraphs: str) -> str:
    return f"<w:document {W}><w:body>{''.join(paragraphs)}</w:body></w:document>"


# as Word writes them: a word split over runs, proofing marks, a bookmark, a table, a text box
DOCUMENT = body(
    "<w:p><w:bookmarkStart w:id='0' w:name='top'/>" + run("Thank you, Mister Chair.") + "</w:p>",
    "<w:p>" + run("The UK welcomes the talks. Russia continues to rej") + "<w:proofErr/>"
    + run("ect a complete, unconditional ceasefire.") + "</w:p>",
    "<w:tbl><w:tr><w:tc><w:p>" + run("Ukraine insists on an unconditional 30-day ceasefire.")
    + "</w:p></w:tc></w:tr></w:tbl>",
    "<w:p>" + run("We will") + "<w:tab/>" + run("stand with Ukraine.")
    + "<w:r><w:pict><w:txbxContent><w:p>" + run("Boxed note.") + "</w:p></w:txbxContent>"
    "</w:pict></w:r></w:p>",
)  # fmt: skip


def docx(path: Path, document: str = DOCUMENT, core: str | None = CORE) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", document)
        z.writestr(
            "word/header1.xml", f"<w:hdr {W}><w:p>{run('OFFICIAL — Russia rejects')}</w:p></w:hdr>"
        )
        z.writestr(
            "word/footnotes.xml",
            f"<w:footnotes {W}><w:footnote><w:p>{run('Russia demands X.')}</w:p></w:footnote>"
            "</w:footnotes>",
        )
        if core is not None:
            z.writestr("docProps/core.xml", core)
    return path


def test_the_body_paragraphs_are_the_article(tmp_path):
    art = read_article(docx(tmp_path / "statement.docx"))
    assert art.format == "docx"
    assert art.clean.text.split("\n") == [
        "Thank you, Mister Chair.",
        "The UK welcomes the talks. Russia continues to reject a complete, unconditional "
        "ceasefire.",
        "Ukraine insists on an unconditional 30-day ceasefire.",
        "We will stand with Ukraine.",
        "Boxed note.",
    ]
    assert "OFFICIAL" not in art.raw and "demands X" not in art.raw  # header and footnote
    assert art.clean.title == "UK statement to the OSCE on the Istanbul talks"
    start = art.clean.text.index("Ukraine insists")
    a, b = art.clean.raw_span(start, start + 15)
    assert art.raw[a:b] == "Ukraine insists"


def test_hidden_runs_are_not_the_article(tmp_path):
    hidden = "<w:r><w:rPr><w:vanish/></w:rPr><w:t>Russia accepted NATO membership.</w:t></w:r>"
    shown = "<w:r><w:rPr><w:vanish w:val='0'/></w:rPr><w:t> Shown again.</w:t></w:r>"
    document = body("<w:p>" + run("Talks resumed.") + hidden + shown + "</w:p>")
    art = read_article(docx(tmp_path / "hidden.docx", document))
    assert art.clean.text == "Talks resumed. Shown again."


def test_a_word_document_gives_claims(tmp_path, capsys):
    db = tmp_path / "e.db"
    path = docx(tmp_path / "statement.docx")
    assert run_cli(capsys, ["evidence", "add", str(tmp_path), "--db", str(db)])[0] == 0
    _, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    got = {(c["actor"], c["issue"], c["stance"]) for c in json.loads(out)["claims"]}
    assert {("RU", "ceasefire", "reject"), ("UA", "ceasefire", "demand")} <= got
    assert path.exists()


def _zip(entries: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"Kyiv insists on a ceasefire.", "content: not a readable Word document"),
        (_zip({"notes.txt": b"x"}), "content: not a Word document (no word/document.xml in it)"),
        (_zip({"word/document.xml": b"<w:document"}), "content: not a readable Word document"),
        (
            _zip({"word/document.xml": body("<w:p/>").encode()}),
            "content: the Word document has no text",
        ),
        (b"", "content: file is empty"),
    ],
)
def test_a_file_that_is_not_a_readable_word_document_is_one_error(tmp_path, content, message):
    path = tmp_path / "bad.docx"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_article(path)
    assert str(err.value).startswith(f"{path}: {message}")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<" + b" " * (MAX_PART_BYTES + 10))
    assert path.stat().st_size < 200_000
    with pytest.raises(InputError, match=r"size: its word/document\.xml unpacks to"):
        read_article(path)


def test_a_damaged_or_absurdly_nested_document_is_one_error(tmp_path):
    good = docx(tmp_path / "good.docx").read_bytes()
    damaged = tmp_path / "damaged.docx"
    at = good.index(b"word/document.xml") + 40  # inside its compressed data
    damaged.write_bytes(good[:at] + bytes(b ^ 0xFF for b in good[at : at + 64]) + good[at + 64 :])
    deep = tmp_path / "deep.docx"
    nested = "<w:r>" * 5000 + run("x") + "</w:r>" * 5000
    docx(deep, body(f"<w:p>{nested}</w:p>"))
    for path, message in ((damaged, "not a readable Word document"), (deep, "nested too deeply")):
        with pytest.raises(InputError) as err:
            read_article(path)
        assert str(err.value).startswith(f"{path}: content: ") and message in str(err.value)
