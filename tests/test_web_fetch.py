"""Articles at web addresses added from the web app (``serve --db DB --review``, the add form's
addresses): pages and feeds are read in a job as ``pourparler evidence add URL`` reads them,
only public addresses are fetched unless the server was started with ``--fetch-internal``
(every page the job fetches, a feed's articles included), and a bad address stores nothing.

The pages come from a local server on 127.0.0.1, an internal address. Tests that need it
fetched either start the app with ``fetch_internal`` or declare 127.0.0.1 public, so that
127.0.0.2 stands for an internal host behind it."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from _web_support import TestClient, error_message, follow  # skips without the web extra
from cli_run import run_cli
from local_site import Page
from local_site import site as serving
from pourparler.evidence import fetch as fetch_module
from pourparler.evidence.fetch import is_public
from pourparler.evidence.store import Store
from pourparler.web import create_app

PAGE = b"""<!doctype html><html><head><title>Kyiv presses for a truce</title>
<meta property="article:published_time" content="2025-05-16T09:00:00Z"></head>
<body><article><h1>Kyiv presses for a truce</h1>
<p>Ukraine insists on an unconditional 30-day ceasefire before any talks on territory.</p>
<p>The Kremlin rejected the ceasefire on Friday.</p></article></body></html>"""
TURN = b"""<html><head><title>A turn in Moscow</title></head><body><article>
<p>Russia demands an unconditional 30-day ceasefire, its foreign ministry said.</p>
</article></body></html>"""
FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example wire</title>
<item><title>Moscow's turn (wire)</title><link>/news/turn.html</link>
<pubDate>Tue, 20 May 2025 08:00:00 +0000</pubDate></item>
<item><title>Inside</title><link>{inside}/news/turn.html</link></item>
</channel></rss>"""
CONSENT = b"<html><body><p>We value your privacy.</p></body></html>"


class _Handler(Page):
    asked: ClassVar[list[str]] = []
    inside: ClassVar[str] = "http://127.0.0.2:9"

    def do_GET(self) -> None:
        _Handler.asked.append(f"{self.server.server_address[0]}{self.path}")
        if self.path == "/news/truce.html":
            self.send("text/html", PAGE)
        elif self.path == "/news/turn.html":
            self.send("text/html", TURN)
        elif self.path == "/feed.xml":
            self.send("application/rss+xml", FEED.format(inside=_Handler.inside).encode())
        elif self.path == "/consent":
            self.send("text/html", CONSENT)
        elif self.path == "/slow-feed.xml":  # five articles that take their time
            items = "".join(f"<item><link>/slow/{k}.html</link></item>" for k in range(5))
            self.send(
                "application/rss+xml",
                f'<rss version="2.0"><channel>{items}</channel></rss>'.encode(),
            )
        elif self.path.startswith("/slow/"):
            time.sleep(0.3)
            self.send("text/html", TURN.replace(b"Moscow", self.path.encode()))
        else:
            self.send_error(404)


@pytest.fixture
def site() -> Iterator[str]:
    _Handler.asked.clear()
    with serving(_Handler) as base:
        yield base


NO_FILE = [("file", ("", b"", "application/octet-stream"))]  # a browser's form, no file chosen


def add(client: TestClient, addresses: str, **fields: str) -> str:
    """The job page, once done, of the add form posted with ``addresses``."""
    r = client.post(
        "/evidence/add",
        data={"addresses": addresses, **fields},
        files=NO_FILE,
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    assert re.fullmatch(r"/evidence/jobs/[0-9a-f]{32}", r.headers["location"])
    return follow(client, r.headers["location"])


def rows(page: str) -> list[tuple[str, str, str]]:
    """(name, document, error?) of each row of a job's page."""
    return re.findall(
        r'class="added-file" data-name="([^"]+)" data-document="(\d*)" data-claims="\d+" '
        r'data-error="(yes|no)"',
        page,
    )


def stored(db: Path) -> list[tuple[str | None, str, str, str, str | None]]:
    with Store(db) as store:
        return sorted((c.locator, c.actor, c.issue, c.stance, c.date) for c in store.claims())


def test_pages_and_feeds_are_read_as_evidence_add_reads_them(db, site, tmp_path, capsys):
    addresses = f"{site}/news/truce.html\n\n  {site}/feed.xml  \n{site}/news/truce.html\n"
    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        page = add(c, addresses, scenario="istanbul-2025")
    assert 'id="job-error"' not in page
    found = rows(page)
    assert [name for name, _, _ in found] == [
        f"{site}/news/truce.html",
        f"{site}/news/turn.html",  # the feed's articles take the feed's place
        f"{_Handler.inside}/news/turn.html",
    ]
    assert [e for _, _, e in found] == ["no", "no", "yes"]  # nothing listens at the last
    assert 'data-files="3"' in page and 'data-done="3"' in page
    by_cli = tmp_path / "cli.db"
    code, _, err = run_cli(
        capsys,
        ["evidence", "add", f"{site}/news/truce.html", f"{site}/feed.xml", "--db", str(by_cli)],
    )
    assert code == 2 and "127.0.0.2:9/news/turn.html: fetch:" in err  # the same article fails
    assert stored(db) == stored(by_cli) and len(stored(db)) >= 3
    with Store(db) as store:
        docs = {d["locator"]: d for d in store.documents()}
    assert docs[f"{site}/news/turn.html"]["title"] == "Moscow's turn (wire)"  # the feed's title
    assert docs[f"{site}/news/turn.html"]["date"] == "2025-05-20"  # and its date


def test_an_internal_address_is_not_fetched_by_default(db, site):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        assert "public addresses only" in c.get("/evidence").text
        page = add(c, f"{site}/news/truce.html")
    assert rows(page) == [(f"{site}/news/truce.html", "", "yes")]
    assert (
        "not added: address: 127.0.0.1 is an internal address (127.0.0.1); "
        "this server fetches only public addresses" in page
    )
    assert _Handler.asked == [] and stored(db) == []


def test_a_feed_on_a_public_host_cannot_lead_inside(db, site, monkeypatch):
    monkeypatch.setattr(fetch_module, "is_public", lambda ip: ip == "127.0.0.1" or is_public(ip))
    _Handler.inside = f"http://127.0.0.2:{site.rsplit(':', 1)[1]}"
    try:
        with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
            page = add(c, f"{site}/feed.xml")
    finally:
        _Handler.inside = "http://127.0.0.2:9"
    (outside, _, ok), (inside, _, refused) = rows(page)
    assert (ok, refused) == ("no", "yes") and inside.startswith("http://127.0.0.2:")
    assert "127.0.0.2 is an internal address (127.0.0.2)" in page
    assert all(not a.startswith("127.0.0.2") for a in _Handler.asked)
    assert {locator for locator, *_ in stored(db)} == {outside}


def test_a_feed_added_again_fetches_only_what_is_new(db, site):
    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        add(c, f"{site}/feed.xml")
        first = list(_Handler.asked)
        page = add(c, f"{site}/feed.xml")
    assert "/news/turn.html" in "".join(first)
    assert _Handler.asked[len(first) :] == ["127.0.0.1/feed.xml"]  # the feed, not its article
    assert "(by its address, not fetched again)" in page
    assert '<details id="fetched-before" data-count="1">' in page  # out of the way


def test_a_short_page_without_claims_is_flagged(db, site):
    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        page = add(c, f"{site}/consent")
        assert '<span class="warning">no claims in only' in page and "paywall" in page
        [remove] = re.findall(r'class="document-remove" href="([^"]+)"', page)
        assert "Remove document" in c.get(remove).text
        assert c.post(remove, data={}).status_code == 200
    with Store(db) as store:
        assert store.documents() == []  # removed from the link its warning came with


@pytest.mark.parametrize(
    ("addresses", "message"),
    [
        ("https://e.org/a\nftp://e.org/b", "addresses: line 2: 'ftp://e.org/b': not an http"),
        ("example.org/page", "addresses: line 1: 'example.org/page': not an http"),
        ("http://", "addresses: line 1: 'http://': not an http or https address"),
        ("http://exa mple.org/", "addresses: line 1: 'http://exa mple.org/': not an http"),
        ("http://[::1/", "addresses: line 1: 'http://[::1/': Invalid IPv6 URL"),
        ("http://e.org:99999/", "addresses: line 1: 'http://e.org:99999/': the port is not a"),
        ("http://e.org:-1/", "addresses: line 1: 'http://e.org:-1/': the port is not a number"),
        ("http://me:pw@e.org/", "addresses: line 1: 'http://me:pw@e.org/': a user name or"),
        ("https://e.org/" + "a" * 2000, "addresses: line 1: longer than 2000 characters"),
        ("http://e.org/a\x00b", "addresses: line 1: 'http://e.org/a\\x00b': holds a control"),
        ("\n".join(f"https://e.org/{i}" for i in range(21)), "addresses: more than 20 at once"),
        ("  \n \n", "file: no file chosen"),
    ],
)
def test_a_bad_address_is_one_line_and_stores_nothing(db, addresses, message):
    before = sqlite3.connect(db).execute("select count(*) from documents").fetchone()
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", data={"addresses": addresses}, files=NO_FILE)
    assert r.status_code == 400 and error_message(r.text).startswith(message.replace("'", "&#39;"))
    assert sqlite3.connect(db).execute("select count(*) from documents").fetchone() == before


def test_fetch_internal_needs_review(db):
    from pourparler.errors import InputError

    with pytest.raises(InputError, match="--fetch-internal: needs --db and --review"):
        create_app(db=db, fetch_internal=True)


def test_feeds_followed_from_the_form_are_read_again_and_unfollowed(db, site):
    from pourparler.evidence.followed import follow as follow_feeds
    from pourparler.evidence.followed import followed
    from pourparler.evidence.followed import unfollow as unfollow_feeds

    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        assert 'data-feeds="0"' in c.get("/evidence").text
        add(c, f"{site}/feed.xml\n{site}/news/truce.html", follow="yes")
        with Store(db) as store:
            [feed] = followed(store)
        assert (feed.url, feed.scenario) == (f"{site}/feed.xml", "istanbul-2025")  # not the page
        assert feed.read_at is not None
        page = c.get("/evidence").text
        assert f'class="feed" data-feed="{feed.id}" data-scenario="istanbul-2025"' in page
        assert 'class="read-feeds" data-scenario="istanbul-2025"' in page

        _Handler.asked.clear()
        r = c.post(
            "/evidence/feeds/read", data={"scenario": "istanbul-2025"}, follow_redirects=False
        )
        assert r.status_code == 303
        again = follow(c, r.headers["location"])
        assert "(by its address, not fetched again)" in again
        assert _Handler.asked == ["127.0.0.1/feed.xml"]  # the feed, and nothing it listed again

        for data, status, message in (
            ({"feed": "x1"}, 400, "feed: 'x1': not a feed id"),
            ({"feed": "99"}, 404, "feed 99: no such followed feed"),
        ):
            r = c.post("/evidence/feeds/unfollow", data=data)
            assert r.status_code == status and error_message(r.text) == message.replace(
                "'", "&#39;"
            )
        r = c.post("/evidence/feeds/unfollow", data={"feed": str(feed.id)}, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"] == "/evidence#feeds"
        assert 'data-feeds="0"' in c.get("/evidence").text
        r = c.post("/evidence/feeds/read", data={"scenario": "istanbul-2025"})
        assert r.status_code == 400
        assert error_message(r.text) == "scenario: istanbul-2025: no feeds followed for it"
        with Store(db) as store:  # followed for a scenario file: read from the command line
            follow_feeds(store, [f"{site}/feed.xml"], "my-own-scenario")
        page = c.get("/evidence").text
        assert 'class="read-feeds-elsewhere muted" data-scenario="my-own-scenario"' in page
        assert 'class="read-feeds"' not in page
        with Store(db) as store:
            unfollow_feeds(store, [f.id for f in followed(store)])
    with Store(db) as store:
        assert followed(store) == [] and len(store.document_list()) == 2  # what was read stays


def test_feeds_cannot_be_changed_without_review(db):
    from pourparler.evidence.followed import follow as follow_feeds

    with Store(db) as store:
        follow_feeds(store, ["https://example.org/feed.xml"], "istanbul-2025")
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        page = c.get("/evidence").text  # listed, with no button
        assert 'data-feeds="1"' in page and "https://example.org/feed.xml" in page
        assert "unfollow-form" not in page and "read-feeds-form" not in page
        for path, data in (
            ("/evidence/feeds/read", {"scenario": "istanbul-2025"}),
            ("/evidence/feeds/unfollow", {"feed": "1"}),
        ):
            assert c.post(path, data=data).status_code == 403


def test_a_job_stops_when_asked_keeping_what_it_read(db, site):
    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.post(
            "/evidence/add",
            data={"addresses": f"{site}/slow-feed.xml"},
            files=NO_FILE,
            follow_redirects=False,
        )
        job = r.headers["location"]
        assert 'id="stop-job"' in c.get(job).text
        deadline = time.monotonic() + 10
        while 'data-done="0"' in c.get(job).text:  # let it read one article
            assert time.monotonic() < deadline
            time.sleep(0.05)
        stopped = c.post(f"{job}/stop", follow_redirects=False)
        assert stopped.status_code == 303 and stopped.headers["location"] == job
        page = follow(c, job)
        assert c.post(f"{job[:-4]}0000/stop").status_code == 404  # no such job
        cross = c.post(f"{job}/stop", headers={"origin": "https://elsewhere.example"})
        assert cross.status_code == 403
    assert 'id="job-stopped"' in page and 'id="stop-job"' not in page
    done = int(re.search(r'data-done="(\d+)"', page).group(1))
    assert 1 <= done < 5
    with Store(db) as store:
        assert len(store.document_list()) == done  # what it read is stored, nothing more


def test_a_jobs_new_claims_are_one_link_away(db, site):
    old = Path(__file__).parent / "data" / "evidence_written"
    first = sorted(old.glob("*.txt"))[0]
    app = create_app(db=db, review=True, fetch_internal=True)
    with TestClient(app, raise_server_exceptions=False) as c:
        c.post("/evidence/add", files=[("file", (first.name, first.read_bytes(), "text/plain"))])
        page = add(c, f"{site}/news/truce.html\n{site}/news/turn.html")
        m = re.search(r'id="new-claims" data-since="(\d+)" data-claims="(\d+)"', page)
        assert m, "no link to the job's new claims"
        since, new = int(m.group(1)), int(m.group(2))
        with Store(db) as store:
            fetched = [c for c in store.claims() if c.locator and c.locator.startswith(site)]
            assert since == min(c.document_id for c in fetched) and new == len(fetched) > 0
            assert any(c.document_id < since for c in store.claims())  # the upload's stay out
        listed = c.get(f"/evidence?status=pending&since={since}").text
        assert f'data-total="{new}"' in listed and 'id="since-filter"' in listed
        walk = c.get(f"/evidence/next?since={since}", follow_redirects=False)
        assert walk.status_code == 303
        claim = int(re.search(r"/evidence/claim/(\d+)", walk.headers["location"]).group(1))
        assert claim in {x.id for x in fetched} and "since%3D" in walk.headers["location"]
        data = c.get(f"/evidence/claims.json?since={since}").json()["claims"]
        assert sorted(x["id"] for x in data) == sorted(x.id for x in fetched)
        bad = c.get("/evidence?since=x1")
        assert bad.status_code == 400 and error_message(bad.text).startswith("since: ")
