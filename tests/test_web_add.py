"""Adding articles from the web app (``pourparler serve --db DB --review``, ``POST
/evidence/add``): the files are stored with the claims ``pourparler evidence add`` stores for
them, a file that cannot be read is named with its one line while the others go in, bad fields
change nothing, and nothing is written without ``--review``."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest

from _web_support import TestClient, error_message  # skips without the web extra
from pourparler.evidence import review
from pourparler.evidence.store import Store
from pourparler.web import create_app
from pourparler.web.evidence_add import MAX_ARTICLES_BYTES, MAX_FILES

DATA = Path(__file__).parent / "data"
PDF = next((DATA / "evidence_pdf").glob("a12_*.pdf"))
HOSTILE = "<script>alert(1)</script>"
TEXTS = sorted((DATA / "evidence_written").glob("*.txt"))[:2]


def upload(*paths: Path) -> list[tuple[str, tuple[str, bytes, str]]]:
    return [("file", (p.name, p.read_bytes(), "application/octet-stream")) for p in paths]


def claims_of(db: Path) -> list[tuple[str, str, str, str, str | None, str]]:
    with Store(db) as store:
        return sorted(
            (c.file_name, c.actor, c.issue, c.stance, c.date, c.sentence) for c in store.claims()
        )


def test_added_articles_have_the_claims_evidence_add_gives_them(db, tmp_path):
    from typer.testing import CliRunner

    from pourparler.cli.app import build_app

    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post(
            "/evidence/add",
            files=upload(*TEXTS, PDF),
            data={"date": "2025-05-20", "scenario": "istanbul-2025"},
        )
        assert r.status_code == 200
        rows = re.findall(r'class="added-file" data-name="([^"]+)" data-document="(\d+)"', r.text)
        assert [name for name, _ in rows] == [p.name for p in (*TEXTS, PDF)]
    by_cli = tmp_path / "cli.db"
    out = CliRunner().invoke(
        build_app(),
        ["evidence", "add", *map(str, (*TEXTS, PDF)), "--db", str(by_cli), "--date", "2025-05-20"],
    )
    assert out.exit_code == 0, out.output
    assert claims_of(db) == claims_of(by_cli) and len(claims_of(db)) > 10
    with Store(db) as store:
        assert {c.status for c in store.claims()} == {"pending"}
        pages = {c.page for c in store.claims() if c.file_name == PDF.name}
    assert pages and None not in pages  # the PDF's claims know their pages


def test_a_file_that_cannot_be_read_is_named_and_the_others_go_in(db):
    files = [
        *upload(TEXTS[0]),
        ("file", ("junk.pdf", b"not a pdf at all", "application/pdf")),
        ("file", ("../../etc/passwd", b"", "text/plain")),
        ("file", ("binary.txt", b"\x00\x01\x02 hello", "text/plain")),
    ]
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", files=files)
        assert r.status_code == 200
        rows = re.findall(
            r'class="added-file" data-name="([^"]+)" data-document="(\d*)" data-claims="(\d+)" '
            r'data-error="(\w+)"',
            r.text,
        )
        assert [(n, e) for n, _, _, e in rows] == [
            (TEXTS[0].name, "no"),
            ("junk.pdf", "yes"),
            ("passwd", "yes"),  # the name reduced to its last part: no path from a request
            ("binary.txt", "yes"),
        ]
        assert "not added: content: not a PDF" in r.text
        summary = re.search(
            r'id="added-summary" data-files="4" data-new="1" data-failed="3"', r.text
        )
        assert summary
        # added again: already stored, nothing new
        again = c.post("/evidence/add", files=upload(TEXTS[0])).text
        assert 'data-new="0"' in again and "already stored as document 1" in again
        # the document's claims, linked from the page, are the list filtered by document
        listed = c.get("/evidence?document=1").text
        assert 'id="document-filter" data-document="1"' in listed
        total = int(re.search(r'data-total="(\d+)"', listed).group(1))
    with Store(db) as store:
        assert total == len(store.claims()) and store.counts()[0] == 1


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({"date": "20-05-2025"}, "date: &#39;20-05-2025&#39;: not a date (YYYY-MM-DD)"),
        ({"date": "2205-05-20"}, "date: 2205-05-20: after today"),
        ({"scenario": "nowhere"}, "scenario: &#39;nowhere&#39;: not a built-in scenario"),
        ({"title": "x" * 301}, "title: longer than 300 characters"),
        ({"outlet": "x" * 301}, "outlet: longer than 300 characters"),
    ],
)
def test_a_bad_field_is_one_line_and_stores_nothing(db, data, expected):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", files=upload(TEXTS[0]), data=data)
    assert r.status_code == 400 and expected in error_message(r.text)
    assert claims_of(db) == []


def test_no_file_too_many_files_and_too_many_bytes_are_refused(db):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", files=[("file", ("", b"", "application/octet-stream"))])
        assert r.status_code == 400 and error_message(r.text) == "file: no file chosen"
        many = [
            ("file", (f"a{k}.txt", b"Russia demands a ceasefire.", "text/plain"))
            for k in range(MAX_FILES + 1)
        ]
        r = c.post("/evidence/add", files=many)
        assert r.status_code == 400 and "file: Too many files" in error_message(r.text)
        big = [("file", ("big.txt", b"a" * (MAX_ARTICLES_BYTES + 1), "text/plain"))]
        r = c.post("/evidence/add", files=big)
        assert r.status_code == 413 and "33,554,432 bytes" in error_message(r.text)
        r = c.post("/evidence/add", data={"date": "2025-05-20"})
        assert r.status_code == 400 and "multipart/form-data" in error_message(r.text)
        # the scenario upload keeps its own, smaller limit
        r = c.post("/upload", files=[("file", ("s.yaml", b"a" * (3 << 20), "text/yaml"))])
        assert r.status_code == 413 and "2,097,152 bytes" in error_message(r.text)
    assert claims_of(db) == []


def test_adding_needs_the_review_flag_and_a_page_from_this_site(db):
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        assert 'id="add-form"' not in c.get("/evidence").text
        r = c.post("/evidence/add", files=upload(TEXTS[0]))
        assert r.status_code == 403 and "--review" in error_message(r.text)
        # without --review the larger limit does not apply either: a body over the smaller
        # one is refused from its length, unread, and for what it asks, not for its size
        for size in (3 << 20, MAX_ARTICLES_BYTES + 1):
            big = [("file", ("big.txt", b"a" * size, "text/plain"))]
            r = c.post("/evidence/add", files=big)
            assert r.status_code == 403 and "--review" in error_message(r.text)
            assert r.headers["connection"] == "close"  # the body is not waited for
        r = c.post("/evidence/review", content=b"x" * (3 << 20))
        assert r.status_code == 403 and "--review" in error_message(r.text)
        # a large body elsewhere is still refused for its size
        assert c.post("/upload", content=b"x" * (3 << 20)).status_code == 413
    with TestClient(create_app(), raise_server_exceptions=False) as c:  # no store at all
        r = c.post("/evidence/add", files=big)
        assert r.status_code == 404 and "--db" in error_message(r.text)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        assert 'id="add-form"' in c.get("/evidence").text
        r = c.post(
            "/evidence/add",
            files=upload(TEXTS[0]),
            headers={"origin": "https://elsewhere.example"},
        )
        assert r.status_code == 403
    assert claims_of(db) == []


def test_a_locked_store_is_503_naming_no_file_of_the_server(db, monkeypatch):
    import pourparler.web.evidence_review as web_review

    monkeypatch.setattr(web_review, "WAIT_SECONDS", 0.2)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        holder = sqlite3.connect(db, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            r = c.post("/evidence/add", files=upload(TEXTS[0]))
        finally:
            holder.execute("ROLLBACK")
            holder.close()
    assert r.status_code == 503 and "evidence store" in error_message(r.text)
    assert str(db) not in r.text and str(db.parent) not in r.text
    assert claims_of(db) == []


def test_the_documents_page_lists_the_store_a_page_at_a_time(db, monkeypatch):
    import pourparler.web.evidence_view as view

    monkeypatch.setattr(view, "DOCUMENTS_PAGE_SIZE", 2)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        empty = c.get("/evidence/documents")
        assert empty.status_code == 200 and 'data-total="0"' in empty.text
        c.post("/evidence/add", files=upload(*TEXTS, PDF), data={"outlet": f"Wire {HOSTILE}"})
        with Store(db) as store:  # one claim reviewed: the counts follow
            first = store.claims()[0]
            review.apply(store, [first], "accept")
            want = [(d.id, d.claims, d.reviewed) for d in store.document_list()]
        got = []
        for page in (1, 2):
            html = c.get(f"/evidence/documents?page={page}").text
            got += [
                (int(i), int(n), int(k))
                for i, n, k in re.findall(
                    r'class="document" data-document="(\d+)" data-claims="(\d+)" '
                    r'data-reviewed="(\d+)"',
                    html,
                )
            ]
            assert "&lt;script&gt;" in html and HOSTILE not in html
        assert got == want and len(want) == 3 and sum(k for *_, k in want) == 1
        past = c.get("/evidence/documents?page=9").text  # past the end: the last page
        assert 'data-page="2"' in past
        assert c.get("/evidence/documents?page=0").status_code == 400
        assert c.get("/evidence/documents?page=x").status_code == 400
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        assert c.get("/evidence/documents").status_code == 404
