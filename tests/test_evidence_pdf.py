"""PDF articles: the text layer read without page furniture, the same claims as the text the
PDF was printed from, each claim's page, folders of articles, and clear errors on PDFs that
cannot be read."""

from __future__ import annotations

import importlib.util
import io
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.errors import InputError
from pourparler.evidence.ingest import article_files, read_article
from pourparler.evidence.pdf_text import PAGE_BREAK, PdfText, paragraphs
from pourparler.evidence.readers.rules import RulesReader
from pourparler.scenario import load_scenario

pypdf = pytest.importorskip("pypdf")

DATA = Path(__file__).parent / "data"
PDFS = DATA / "evidence_pdf"


def _prints() -> tuple[tuple[str, str], ...]:
    spec = importlib.util.spec_from_file_location("make_pdfs", PDFS / "make_pdfs.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return tuple(module.PRINTS)


PRINTS = _prints()


def _pdf_of(source: str, layout: str) -> Path:
    return PDFS / f"{Path(source).stem}.{layout}.pdf"


def _claims(path: Path) -> set[tuple[str, str, str, str]]:
    """Each claim's actor, issue, stance and quote (spaces and a typesetter's apostrophes
    aside: groff sets ' as ’ and a space before a comma; the words must match)."""
    art = read_article(path)
    sc = load_scenario("istanbul-2025")
    reading = RulesReader().read(art.clean.text, sc, published=art.clean.date)
    return {
        (c.actor, c.issue, c.stance, "".join(c.quote.split()).replace("’", "'"))
        for c in reading.claims
    }


WORD = re.compile(r"[^\W\d_]+")


def _flat(text: str) -> str:
    return " ".join(text.replace("ﬁ", "fi").replace("ﬀ", "ff").replace("ﬂ", "fl").split())


# --- a PDF reads as the text it was printed from -------------------------------------------


@pytest.mark.parametrize(("source", "layout"), PRINTS, ids=[f"{s}:{x}" for s, x in PRINTS])
def test_a_printed_text_gives_the_claims_of_the_text(source, layout):
    pdf = _pdf_of(source, layout)
    assert len(pypdf.PdfReader(pdf).pages) >= 2  # the text runs over pages
    from_text = _claims(DATA / source)
    assert from_text  # the comparison says something
    assert _claims(pdf) == from_text


def test_the_printed_texts_lose_headers_footers_and_ligatures():
    for source, layout in PRINTS:
        art = read_article(_pdf_of(source, layout))
        text = art.clean.text
        assert art.format == "pdf" and len(art.pages) >= 2
        for furniture in ("file://", "Page 1 of", "Open Government Licence v3.0"):
            assert furniture not in text, (source, furniture)
        assert not any(ch in text for ch in "ﬀﬁﬂﬃﬄ\f"), source
        broken = re.compile(r"\w[-\u2010] \w")  # a word left broken at a line end
        original = read_article(DATA / source).clean.text
        assert len(broken.findall(text)) == len(broken.findall(original)), source
        # no word split by a space, joined across a line end or left with a soft hyphen's
        # hyphen: every word of the PDF's text is a word of the text it was printed from
        words = set(WORD.findall(original.replace("’", "'")))
        assert set(WORD.findall(text.replace("’", "'"))) <= words, source


def test_each_claim_of_a_pdf_is_on_the_page_it_names(tmp_path, capsys):
    source, layout = PRINTS[6]
    pdf = _pdf_of(source, layout)
    db = tmp_path / "e.db"
    code, out, err = run_cli(capsys, ["evidence", "add", str(pdf), "--db", str(db)])
    assert code == 0, err
    code, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    claims = json.loads(out)["claims"]
    art = read_article(pdf)
    pages = [*art.pages, len(art.raw) + 1]
    assert {c["page"] for c in claims} == {1, 2, 3}
    for c in claims:
        page_text = art.raw[pages[c["page"] - 1] : pages[c["page"]]]
        assert c["raw_start"] >= pages[c["page"] - 1]
        first_words = " ".join(c["sentence"].split()[:3])
        assert first_words in _flat(page_text), (c["page"], first_words)
    code, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db)])
    assert code == 0 and " p.2" in out


# --- the cleaning, on text laid out by hand -----------------------------------------------


def _pdf(pages: list[list[str]], geometry: bool = False) -> PdfText:
    """A PdfText of these pages' lines; with ``geometry`` every line 12 points below the last
    in size 10, and 24 below after a line ending in '¶' (a paragraph gap; the mark dropped)."""
    raw, starts, shape = "", [], {}
    for lines in pages:
        starts.append(len(raw))
        y = 800.0
        for k, line in enumerate(lines):
            gap = line.endswith("¶")
            shape[len(raw)] = (y, 10.0)
            raw += line.removesuffix("¶") + ("\n" if k + 1 < len(lines) else "")
            y -= 24 if gap else 12
        raw += PAGE_BREAK
    raw = raw.removesuffix(PAGE_BREAK)
    return PdfText(raw, tuple(starts), None, shape if geometry else {})


BODY = "The talks resumed on Monday with both delegations present in the room and a long"


def test_running_heads_page_numbers_and_print_furniture_are_dropped():
    pages = [
        [
            "Daily Brief — 2 June 2025",
            f"{BODY} agenda to get through before the evening.",
            "Page 1 of 3",
        ],
        [
            "Daily Brief — 2 June 2025",
            "Russia rejected the ceasefire again and said its terms were unchanged.",
            "6/2/25, 9:14 AM Daily Brief",
            "https://example.org/brief 2/3",
        ],
        ["Daily Brief — 2 June 2025", "Ukraine demanded a ceasefire.", "- 3 -"],
    ]
    text, index = paragraphs(_pdf(pages))
    assert "Daily Brief" not in text and "Page 1" not in text and "example.org" not in text
    assert "- 3 -" not in text
    assert "Russia rejected the ceasefire" in text and text.endswith("demanded a ceasefire.")
    assert len(index) == len(text)


def test_a_line_repeated_in_the_body_is_kept():
    # the same line on three pages, but in the middle of each: not a running head
    line = "We will not recognise the annexation."
    pages = [[f"{BODY} {k}.{j}." if j != 4 else line for j in range(9)] for k in range(3)]
    text, _ = paragraphs(_pdf(pages))
    assert text.count(line) == 3


def test_ligatures_are_spelled_out_with_each_letter_traced_to_its_glyph():
    pdf = _pdf([["The eﬀort for a ceaseﬁre ﬂagged."]])
    text, index = paragraphs(pdf)
    assert text == "The effort for a ceasefire flagged."
    at = text.index("ff")
    assert index[at] == index[at + 1] == pdf.raw.index("ﬀ")


def test_a_word_broken_at_a_line_end_is_rejoined():
    lines = [
        "The negotiations went on. Both sides said the negoti-",
        "ations would go on in a large-",
        "scale format with a 30-",
        "day truce and some large-scale exchanges of prisoners.",
    ]
    text, _ = paragraphs(_pdf([lines]))
    assert "the negotiations would go on" in text  # spelled whole elsewhere: hyphen dropped
    assert "a large-scale format" in text  # spelled with the hyphen elsewhere: kept
    assert "a 30-day truce" in text


def test_paragraphs_from_the_space_between_lines():
    lines = [
        "Ceasefire talks stall¶",  # a heading: a gap below it
        "Russia said on Monday that it would not agree to a ceasefire before",
        "the withdrawal of Ukrainian forces from the four regions it claims.¶",
        "Ukraine said it was ready for an unconditional ceasefire of thirty",
        "days.",
    ]
    with_geometry, _ = paragraphs(_pdf([lines], geometry=True))
    assert with_geometry.split("\n") == [
        "Ceasefire talks stall",
        "Russia said on Monday that it would not agree to a ceasefire before the withdrawal of "
        "Ukrainian forces from the four regions it claims.",
        "Ukraine said it was ready for an unconditional ceasefire of thirty days.",
    ]


def test_paragraphs_from_the_text_alone():
    lines = [
        "Ceasefire talks stall",
        "Russia said on Monday that it would not agree to a ceasefire before the",
        "withdrawal.",
        "1. Ukraine said it was ready for an unconditional ceasefire.",
        "2. The United States said it would keep up the pressure on Moscow.",
    ]
    text, _ = paragraphs(_pdf([lines]))
    assert text.split("\n") == [
        "Ceasefire talks stall",
        "Russia said on Monday that it would not agree to a ceasefire before the withdrawal.",
        "1. Ukraine said it was ready for an unconditional ceasefire.",
        "2. The United States said it would keep up the pressure on Moscow.",
    ]


def test_a_paragraph_runs_on_across_a_page_break():
    pages = [
        [BODY, BODY, "and the delegations said that they would"],
        ["meet again in Istanbul.", BODY + "."],
    ]
    text, _ = paragraphs(_pdf(pages))
    assert "they would meet again in Istanbul." in text


# --- folders -------------------------------------------------------------------------------


def test_a_folder_gives_its_articles_and_those_of_its_subfolders(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b.txt", "a.md", "sub/c.pdf", "sub/d.html", "notes.odt", ".hidden.txt"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    (tmp_path / ".git" / "e.txt").write_text("x", encoding="utf-8")
    got = [p.relative_to(tmp_path).as_posix() for p in article_files(tmp_path)]
    assert got == ["a.md", "b.txt", "sub/c.pdf", "sub/d.html"]
    (tmp_path / "only_notes").mkdir()
    (tmp_path / "only_notes" / "n.odt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match=r"only_notes: path: a folder with no article files"):
        article_files(tmp_path / "only_notes")


def test_evidence_add_reads_a_folder_of_text_and_pdf(tmp_path, capsys):
    folder = tmp_path / "week"
    (folder / "pdf").mkdir(parents=True)
    source, layout = PRINTS[3]
    (folder / "pdf" / "printed.pdf").write_bytes(_pdf_of(source, layout).read_bytes())
    (folder / "wire.txt").write_text("Kyiv insists on a 30-day ceasefire.\n", encoding="utf-8")
    db = tmp_path / "e.db"
    code, out, err = run_cli(capsys, ["evidence", "add", str(folder), "--db", str(db)])
    assert code == 0, err
    assert "printed.pdf: document 1 added" in out and "wire.txt: document 2 added" in out
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, err = run_cli(capsys, ["evidence", "add", str(empty), "--db", str(db)])
    assert code == 2 and err.count("\n") == 1
    assert f"{empty}: path: a folder with no article files" in err


# --- PDFs that cannot be read: one line, exit 2, nothing stored ------------------------------


def _bad_pdfs(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    source, layout = PRINTS[0]
    good = _pdf_of(source, layout).read_bytes()
    out = {}
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good[: len(good) // 3])
    out["truncated"] = (truncated, "content: not a readable PDF")
    text = tmp_path / "renamed.pdf"
    text.write_text("Kyiv insists on a ceasefire.\n", encoding="utf-8")
    out["renamed"] = (text, "content: not a PDF (no %PDF- header")
    writer = pypdf.PdfWriter(clone_from=io.BytesIO(good))
    writer.encrypt("secret")
    locked = tmp_path / "locked.pdf"
    with locked.open("wb") as f:
        writer.write(f)
    out["locked"] = (locked, "content: the PDF is encrypted and needs a password")
    if importlib.util.find_spec("cryptography"):  # pypdf needs it to write AES
        aes = pypdf.PdfWriter(clone_from=io.BytesIO(good))
        aes.encrypt("secret", algorithm="AES-256")
        locked_aes = tmp_path / "locked_aes.pdf"
        with locked_aes.open("wb") as f:
            aes.write(f)
        out["locked_aes"] = (locked_aes, "content: the PDF is encrypted and needs a password")
    blank = pypdf.PdfWriter()
    blank.add_blank_page(width=300, height=400)
    scanned = tmp_path / "scanned.pdf"
    with scanned.open("wb") as f:
        blank.write(f)
    out["scanned"] = (scanned, "content: the PDF has no text layer (scanned pages?)")
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    out["empty"] = (empty, "content: file is empty")
    return out


def test_a_pdf_that_cannot_be_read_is_one_line_and_leaves_the_store_alone(tmp_path, capsys):
    db = tmp_path / "e.db"
    good = tmp_path / "good.txt"
    good.write_text("Kyiv insists on a 30-day ceasefire.\n", encoding="utf-8")
    assert run_cli(capsys, ["evidence", "add", str(good), "--db", str(db)])[0] == 0
    before = sqlite3.connect(db).execute("SELECT COUNT(*) FROM claims").fetchone()
    for name, (path, message) in _bad_pdfs(tmp_path).items():
        code, _, err = run_cli(capsys, ["evidence", "add", str(path), "--db", str(db)])
        assert code == 2, name
        assert err.startswith(f"pourparler: error: {path}: {message}"), (name, err)
        assert err.count("\n") == 1 and "Traceback" not in err, name
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT COUNT(*) FROM claims").fetchone() == before
    assert conn.execute("SELECT COUNT(*) FROM documents").fetchone() == (1,)


def test_a_pdf_locked_only_against_changes_is_read(tmp_path):
    source, layout = PRINTS[0]
    writer = pypdf.PdfWriter(clone_from=_pdf_of(source, layout))
    writer.encrypt(user_password="", owner_password="owner")  # opens without a password
    locked = tmp_path / "no_printing.pdf"
    with locked.open("wb") as f:
        writer.write(f)
    assert _claims(locked) == _claims(DATA / source)


def test_without_pypdf_a_pdf_names_the_extra(tmp_path, capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "pypdf", None)  # import pypdf raises ImportError
    source, layout = PRINTS[0]
    code, _, err = run_cli(
        capsys, ["evidence", "add", str(_pdf_of(source, layout)), "--db", str(tmp_path / "e.db")]
    )
    assert code == 2
    assert "format: a PDF; reading PDFs needs the pdf extra (pip install 'pourparler[pdf]')" in err


def test_the_timeline_and_the_report_name_the_page(tmp_path, capsys):
    source, layout = PRINTS[6]
    db = tmp_path / "e.db"
    assert (
        run_cli(capsys, ["evidence", "add", str(_pdf_of(source, layout)), "--db", str(db)])[0] == 0
    )
    code, out, _ = run_cli(capsys, ["evidence", "timeline", "UA", "ceasefire", "--db", str(db)])
    assert code == 0 and ", p. 1]" in out
    code, out, _ = run_cli(
        capsys, ["evidence", "timeline", "UA", "ceasefire", "--db", str(db), "--json"]
    )
    assert {e["page"] for e in json.loads(out)["timeline"]} <= {1, 2, 3}
    html = tmp_path / "r.html"
    code, _, err = run_cli(capsys, ["report", "istanbul-2025", "--db", str(db), "--to", str(html)])
    assert code == 0, err
    assert re.search(r"Ukraine, p\. [123]</td>", html.read_text(encoding="utf-8"))


def test_an_update_from_a_pdf_names_the_pages_of_its_claims(tmp_path, capsys):
    db, to = tmp_path / "e.db", tmp_path / "updated.yaml"
    folder = [str(_pdf_of(s, x)) for s, x in PRINTS]
    assert run_cli(capsys, ["evidence", "add", *folder, "--db", str(db)])[0] == 0
    args = ["evidence", "suggest", "istanbul-2025", "--db", str(db), "--include-unreviewed"]
    code, _, err = run_cli(capsys, [*args, "--apply", "--to", str(to)])
    assert code == 0, err
    updated = load_scenario(str(to))
    notes = [
        c.note
        for st in updated.stances
        for c in st.cites
        if c.source.startswith("evidence-doc") and "Evidence:" in c.note
    ]
    assert notes and all(re.search(r"\((?:p\. \d|pp\. \d+(?:, \d+)+)\)\.$", n) for n in notes)
    pdf_sources = [s for s in updated.sources if s.id.startswith("evidence-doc")]
    assert all(s.locator.endswith(".pdf") for s in pdf_sources)


def test_a_typeset_text_that_hyphenates_words_has_them_joined():
    # two breaks show the habit (the words are spelled whole elsewhere); the others follow it
    lines = [
        "A ceasefire and security were discussed. Both ses-",
        "sions dealt with the cease-",
        "fire and with the secu-",
        "rity of the in-",
        "terim line, and of the U.S.-",
        "led monitoring of a 30-",
        "day pause.",
    ]
    text, _ = paragraphs(_pdf([lines]))
    assert (
        "Both sessions dealt with the ceasefire and with the security of the interim line" in text
    )
    assert "of the U.S.-led monitoring of a 30-day pause." in text
    soft = _pdf([["Russia continues to re\u00ad", "ject the proposal."]])
    assert paragraphs(soft)[0] == "Russia continues to reject the proposal."


def test_spaces_a_typesetter_put_inside_words_are_taken_out():
    from pourparler.evidence.pdf_text import mend_words

    text = "The ne gotiations in K yiv w ould go on Monday , Russia’ s envoy said: a way out."
    words = frozenset({"The", "negotiations", "in", "Kyiv", "would", "go", "on", "a", "way"})
    mended, index = mend_words(text, list(range(len(text))), words)
    assert mended == "The negotiations in Kyiv would go on Monday, Russia’s envoy said: a way out."
    assert [text[i] for i in index] == list(mended)  # each character still traced


def test_a_pdf_typeset_by_groff_reads_as_its_text():
    source, layout = next((s, x) for s, x in PRINTS if x == "groff")
    art = read_article(_pdf_of(source, layout))
    for word in ("negotiations", "Turkish", "sessions", "interim", "would", "extended"):
        assert word in art.clean.text, word
