"""Removing a document from the web app (``serve --db DB --review``: the documents page's
"remove" links, ``/evidence/document/ID/remove``): a confirmation page says what goes, the post
removes the document with its claims and their review history exactly as ``evidence remove``
does, a document with reviewed claims needs the form's box ticked, and nothing is removed
without ``--review``, from another site or for an unknown document."""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path

import pytest

from _web_support import TestClient, error_message  # skips without the web extra
from cli_run import run_cli
from pourparler.evidence import review
from pourparler.evidence.ingest import add_article
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.web import create_app

TEXTS = sorted((Path(__file__).parent / "data" / "evidence_written").glob("*.txt"))[:3]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """Three documents with claims; one of the second's claims accepted."""
    path = tmp_path / "e.db"
    sc = load_scenario("istanbul-2025")
    with Store(path) as store:
        for text in TEXTS:
            add_article(store, text, sc)
        second = [c for c in store.claims() if c.document_id == 2]
        assert second and all(
            len([c for c in store.claims() if c.document_id == d]) for d in (1, 3)
        )
        review.apply(store, second[:1], "accept", "checked")
    return path


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        return {
            t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("documents", "claims", "reviews")
        }
    finally:
        conn.close()


def test_a_document_is_removed_as_evidence_remove_removes_it(db, tmp_path, capsys):
    twin = tmp_path / "twin.db"
    shutil.copyfile(db, twin)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        listing = c.get("/evidence/documents").text
        assert re.findall(r'class="document-remove" href="([^"]+)"', listing) == [
            f"/evidence/document/{i}/remove" for i in (1, 2, 3)
        ]
        page = c.get("/evidence/document/3/remove").text
        claims = len([x for x in tables(db)["claims"] if x[1] == 3])
        assert f'data-document="3" data-claims="{claims}" data-reviewed="0"' in page
        assert 'id="remove-force"' not in page  # nothing reviewed: no box to tick
        assert tables(db) == tables(twin)  # the confirmation page removes nothing
        done = c.post("/evidence/document/3/remove", data={})
    assert done.status_code == 200 and f'data-claims="{claims}"' in done.text
    assert "Document removed" in done.text
    code, _, err = run_cli(capsys, ["evidence", "remove", "3", "--db", str(twin)])
    assert code == 0, err
    assert tables(db) == tables(twin)
    assert [d[0] for d in tables(db)["documents"]] == [1, 2]


def test_a_document_with_reviewed_claims_needs_the_box_ticked(db):
    before = tables(db)
    assert before["reviews"]
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        page = c.get("/evidence/document/2/remove").text
        assert 'data-reviewed="1"' in page and 'id="remove-force"' in page
        refused = c.post("/evidence/document/2/remove", data={})
        assert refused.status_code == 400
        assert error_message(refused.text) == (
            "force: document 2: 1 of its claims have been reviewed; tick the box to remove them "
            "and their review history too"
        )
        assert tables(db) == before
        done = c.post("/evidence/document/2/remove", data={"force": "yes"})
    assert done.status_code == 200 and "and their review history" in done.text
    after = tables(db)
    assert [d[0] for d in after["documents"]] == [1, 3]
    assert after["reviews"] == [] and all(x[1] != 2 for x in after["claims"])


@pytest.mark.parametrize("document", ["99", str(2**70)])
def test_an_unknown_document_is_a_404(db, document):
    before = tables(db)
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        for r in (
            c.get(f"/evidence/document/{document}/remove"),
            c.post(f"/evidence/document/{document}/remove", data={"force": "yes"}),
        ):
            assert r.status_code == 404
            assert error_message(r.text) == (
                f"document {document}: no such document in the evidence store"
            )
    assert tables(db) == before


def test_nothing_is_removed_without_review_or_from_another_site(db):
    before = tables(db)
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        assert "document-remove" not in c.get("/evidence/documents").text
        for r in (
            c.get("/evidence/document/1/remove"),
            c.post("/evidence/document/1/remove", data={"force": "yes"}),
        ):
            assert r.status_code == 403 and "start the server with --db DB --review" in r.text
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post(
            "/evidence/document/1/remove",
            data={"force": "yes"},
            headers={"origin": "https://elsewhere.example"},
        )
        assert r.status_code == 403 and error_message(r.text) == "form posted from another site"
    assert tables(db) == before
