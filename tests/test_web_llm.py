"""Articles read by the language model from the web app (``pourparler serve --db DB --review
--llm``), against the local chat-completions server of the reader's own tests: the read runs
as a job whose page shows how far it has got and then what became of each file; the claims are
stored with the reader and model; a server that fails is reported per file; and the reader is
offered only with ``--llm``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _web_support import TestClient, error_message, follow  # skips without the web extra

pytest.importorskip("httpx")

from pourparler.errors import InputError
from pourparler.evidence.store import Store
from pourparler.web import create_app
from test_evidence_llm import ARTICLE, FakeServer, server  # noqa: F401 - a fixture


@pytest.fixture
def db(tmp_path: Path, server: FakeServer, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """An empty store, and the language-model settings pointed at the local server."""
    conf = tmp_path / "llm.toml"
    conf.write_text("request_timeout = 2\nattempts = 2\nbackoff = 0.01\n", encoding="utf-8")
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", str(conf))
    monkeypatch.setenv("POURPARLER_LLM_URL", server.url)
    monkeypatch.setenv("POURPARLER_LLM_MODEL", "test-model")
    monkeypatch.setenv("POURPARLER_LLM_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "e.db"
    with Store(path):
        pass
    return path


def test_articles_read_by_the_model_in_a_job(db, server):  # noqa: F811
    files = [("file", ("article.txt", ARTICLE.read_bytes(), "text/plain"))]
    with TestClient(create_app(db=db, review=True, llm=True), raise_server_exceptions=False) as c:
        form = c.get("/evidence").text
        assert '<option value="llm">llm (test-model)</option>' in form
        server.script = [("sleep", 1.0)]  # a model taking its time: the job is seen under way
        r = c.post("/evidence/add", files=files, data={"reader": "llm"}, follow_redirects=False)
        assert r.status_code == 303 and re.fullmatch(
            r"/evidence/jobs/[0-9a-f]{32}", r.headers["location"]
        )
        under_way = c.get(r.headers["location"]).text
        assert 'data-finished="false" data-done="0" data-files="1"' in under_way
        assert '<meta http-equiv="refresh" content="2">' in under_way
        page = follow(c, r.headers["location"])
        assert 'data-done="1" data-files="1"' in page
        row = re.search(r'class="added-file" data-name="article.txt" data-document="(\d+)"', page)
        assert row and 'data-error="no"' in page
        # the rules reader is still the default, and answers at once
        r = c.post("/evidence/add", files=files, data={"reader": "rules"}, follow_redirects=False)
        assert r.status_code == 200 and 'id="job"' not in r.text
    with Store(db) as store:
        by_reader = {(c.reader, c.model) for c in store.claims()}
        llm_claims = [c for c in store.claims() if c.reader == "llm"]
    assert by_reader == {("llm", "test-model"), ("rules", None)}
    assert {(c.actor, c.issue, c.stance) for c in llm_claims} >= {("UA", "ceasefire", "demand")}
    assert server.requests >= 1


def test_a_model_server_that_fails_is_reported_per_file(db, server):  # noqa: F811
    server.script = [("status", 500, {})]
    files = [
        ("file", ("article.txt", ARTICLE.read_bytes(), "text/plain")),
        ("file", ("junk.pdf", b"not a pdf", "application/pdf")),
    ]
    with TestClient(create_app(db=db, review=True, llm=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", files=files, data={"reader": "llm"}, follow_redirects=False)
        page = follow(c, r.headers["location"])
    errors = re.findall(
        r'data-name="([^"]+)" data-document="" data-claims="0" data-error="yes"', page
    )
    assert errors == ["article.txt", "junk.pdf"]
    assert "not added: llm reader:" in page and "not added: content: not a PDF" in page
    with Store(db) as store:
        assert store.claims() == [] and store.counts()[0] == 0  # nothing of a failed read


def test_the_model_is_offered_only_with_llm(db):
    files = [("file", ("article.txt", ARTICLE.read_bytes(), "text/plain"))]
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        assert 'id="add-reader"' not in c.get("/evidence").text
        r = c.post("/evidence/add", files=files, data={"reader": "llm"})
        assert r.status_code == 400
        assert (
            "reader: &#39;llm&#39;: not offered here (start the server with --llm)"
            in error_message(r.text)
        )
        assert c.get("/evidence/jobs/" + "0" * 32).status_code == 404
    with pytest.raises(InputError, match="--llm: needs --db and --review"):
        create_app(db=db, llm=True)
    with Store(db) as store:
        assert store.claims() == []


def test_no_model_configured_is_refused_at_start_up(tmp_path, monkeypatch):
    monkeypatch.delenv("POURPARLER_LLM_URL", raising=False)
    monkeypatch.delenv("POURPARLER_LLM_MODEL", raising=False)
    monkeypatch.setenv("POURPARLER_LLM_SETTINGS", str(tmp_path / "none.toml"))
    db = tmp_path / "e.db"
    with Store(db):
        pass
    with pytest.raises(InputError, match="POURPARLER_LLM_SETTINGS: no such settings file"):
        create_app(db=db, review=True, llm=True)


def test_pages_for_the_rules_reader_do_not_wait_behind_the_model(db, server):  # noqa: F811
    from local_site import Page, site

    class Talks(Page):
        def do_GET(self) -> None:
            self.send("text/html", b"<p>Russia rejected the ceasefire on Friday.</p>")

    files = [("file", ("article.txt", ARTICLE.read_bytes(), "text/plain"))]
    app = create_app(db=db, review=True, llm=True, fetch_internal=True)
    with site(Talks) as base, TestClient(app, raise_server_exceptions=False) as c:
        server.script = [("sleep", 3.0)]  # the model takes its time over the upload
        slow = c.post("/evidence/add", files=files, data={"reader": "llm"}, follow_redirects=False)
        quick = c.post(
            "/evidence/add",
            files=[("file", ("", b"", "application/octet-stream"))],
            data={"addresses": f"{base}/news/talks.html"},
            follow_redirects=False,
        )
        page = follow(c, quick.headers["location"], wait_s=2.5)  # before the model answers
        assert 'data-done="1"' in page and 'data-error="no"' in page
        assert 'data-finished="false"' in c.get(slow.headers["location"]).text
        follow(c, slow.headers["location"])


def test_followed_feeds_read_on_a_schedule_by_the_model(db, server):  # noqa: F811
    import time

    from local_site import news_site
    from pourparler.evidence import followed as following

    server.script = ["echo"]  # one claim quoting the start of each article
    with news_site(listed=2) as site:
        with Store(db) as store:
            following.follow(store, [f"{site}/feed.xml"], "istanbul-2025")
        app = create_app(
            db=db,
            review=True,
            llm=True,
            fetch_internal=True,
            read_feeds_every=60,
            read_feeds_with="llm",
        )
        with TestClient(app):
            deadline = time.monotonic() + 30
            while True:
                with Store(db) as store:
                    read = store.rows("SELECT reader, model FROM readings")
                if len(read) == 2 or time.monotonic() > deadline:
                    break
                time.sleep(0.05)
    assert read == [("llm", "test-model")] * 2
    with Store(db) as store:
        assert {c.reader for c in store.claims()} == {"llm"}
    with pytest.raises(Exception, match="--read-feeds-with: 'llm': not offered here"):
        create_app(db=db, review=True, read_feeds_every=60, read_feeds_with="llm")
