"""A followed feed's voice: the actor whose "we" its articles are (a government's own feed of
statements that never names the government), kept with the feed (``evidence feeds --follow URL
--voice ACTOR``, ``evidence add FEED --follow --voice ACTOR``) and given to the reader for each
article the feed lists, from the command line and from the web app."""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_run import run_cli
from local_site import WE_ARTICLE, News, news_site
from pourparler.evidence import followed as following
from pourparler.evidence.store import MIGRATIONS, Store

SCENARIO = "istanbul-2025"
NO_FILE = [("file", ("", b"", "application/octet-stream"))]  # a form posted with no file chosen


@pytest.fixture
def site() -> Iterator[str]:
    with news_site(listed=2) as base:
        News.article = WE_ARTICLE
        yield base


def _claims(db: Path) -> set[tuple[str, str, str]]:
    with Store(db) as store:
        return {(c.actor, c.issue, c.stance) for c in store.claims()}


def test_a_followed_feeds_voice_is_kept_and_listed(db, site, capsys):
    feed = f"{site}/feed.xml"
    code, _, err = run_cli(
        capsys, ["evidence", "feeds", "--follow", feed, "--voice", "Britain", "--db", str(db)]
    )
    assert code == 0, err
    with Store(db) as store:
        assert [(f.url, f.voice) for f in following.followed(store)] == [(feed, "UK")]
    code, out, _ = run_cli(capsys, ["evidence", "feeds", "--db", str(db)])
    assert re.search(r"voice\s+address", out) and re.search(rf"\bUK\s+{re.escape(feed)}", out)
    code, out, _ = run_cli(capsys, ["evidence", "feeds", "--db", str(db), "--json"])
    assert json.loads(out)["feeds"][0]["voice"] == "UK"
    # following again without --voice keeps it; with one, changes it
    run_cli(capsys, ["evidence", "feeds", "--follow", feed, "--db", str(db)])
    with Store(db) as store:
        assert following.voices(store, SCENARIO) == {feed: "UK"}
    run_cli(capsys, ["evidence", "feeds", "--follow", feed, "--voice", "FR", "--db", str(db)])
    with Store(db) as store:
        assert following.voices(store, SCENARIO) == {feed: "FR"}


def test_articles_of_a_followed_feed_are_read_in_its_voice(db, site, capsys):
    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], SCENARIO, "UK")
    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", str(db), "--json"])
    assert code == 0, err
    documents = json.loads(out)["documents"]
    assert [d["voice"] for d in documents] == ["UK", "UK"]
    assert ("UK", "ceasefire", "demand") in _claims(db)


def test_without_a_voice_the_same_articles_give_no_claim(db, site, capsys):
    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], SCENARIO)
    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", str(db), "--json"])
    assert code == 0, err
    assert [d["claims_added"] for d in json.loads(out)["documents"]] == [0, 0]


def test_add_follow_keeps_the_voice_given(db, site, capsys):
    feed = f"{site}/feed.xml"
    code, _, err = run_cli(
        capsys, ["evidence", "add", feed, "--follow", "--voice", "UK", "--db", str(db)]
    )
    assert code == 0, err
    with Store(db) as store:
        assert following.voices(store, SCENARIO) == {feed: "UK"}
    assert ("UK", "ceasefire", "demand") in _claims(db)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--voice", "UK"], "--voice: needs --follow"),
        (["--follow", "http://127.0.0.1:9/feed.xml", "--voice", "Atlantis"], "--voice: 'Atlantis'"),
    ],
)
def test_a_bad_voice_is_one_line_and_follows_nothing(db, capsys, args, message):
    code, _, err = run_cli(capsys, ["evidence", "feeds", *args, "--db", str(db)])
    assert code == 2 and len(err.strip().splitlines()) == 1 and message in err
    assert not db.exists() or not following.followed(Store(db))


def test_a_store_of_the_previous_schema_gains_the_column(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE schema_version (version INTEGER NOT NULL);")
    for script in MIGRATIONS[:-1]:
        conn.executescript(script)
    conn.execute("INSERT INTO schema_version (version) VALUES (?)", (len(MIGRATIONS) - 1,))
    conn.execute(
        "INSERT INTO feeds (url, scenario, added_at) VALUES ('http://a/feed', ?, '2025-05-16')",
        (SCENARIO,),
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        (feed,) = following.followed(store)
        assert feed.url == "http://a/feed" and feed.voice is None


def test_the_web_app_reads_a_followed_feed_in_its_voice(db, site):
    from _web_support import TestClient, follow
    from pourparler.web import create_app

    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], SCENARIO, "UK")
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        assert '<td class="voice">UK</td>' in c.get("/evidence").text
        r = c.post("/evidence/feeds/read", data={"scenario": SCENARIO}, follow_redirects=False)
        assert r.status_code == 303
        (job,) = re.findall(r'class="job-row" data-job="([0-9a-f]{32})"', c.get("/evidence").text)
        follow(c, f"/evidence/jobs/{job}")
    assert ("UK", "ceasefire", "demand") in _claims(db)


def test_the_web_add_form_reads_uploads_in_the_voice_given(db):
    from _web_support import TestClient
    from pourparler.web import create_app

    statement = WE_ARTICLE.replace(b"{n}", b"1")
    files = [("file", ("statement.html", statement, "text/html"))]
    with TestClient(create_app(db=db, review=True)) as c:
        page = c.get("/evidence").text
        assert 'id="add-voice"' in page and '<option value="UK">' in page
        r = c.post("/evidence/add", files=files, data={"voice": "united kingdom"})
        assert r.status_code == 200, r.text
    assert ("UK", "ceasefire", "demand") in _claims(db)


def test_the_web_add_form_refuses_an_unknown_voice_and_stores_nothing(db):
    from _web_support import TestClient, error_message
    from pourparler.web import create_app

    files = [("file", ("statement.html", WE_ARTICLE, "text/html"))]
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        r = c.post("/evidence/add", files=files, data={"voice": "Atlantis"})
    assert r.status_code == 400 and error_message(r.text).startswith(
        "voice: &#39;Atlantis&#39;: not an actor of istanbul-2025"
    )
    assert _claims(db) == set()


def test_a_feed_followed_from_the_web_form_keeps_the_voice_given(db, site):
    from _web_support import TestClient, follow
    from pourparler.web import create_app

    feed = f"{site}/feed.xml"
    data = {"addresses": feed, "follow": "yes", "voice": "UK"}
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        r = c.post("/evidence/add", data=data, files=NO_FILE, follow_redirects=False)
        assert r.status_code == 303
        page = follow(c, r.headers["location"])
    assert 'in the voice of <span class="voice">UK</span>' in page
    with Store(db) as store:
        assert following.voices(store, SCENARIO) == {feed: "UK"}
    assert ("UK", "ceasefire", "demand") in _claims(db)


def test_a_feed_voice_the_scenario_no_longer_has_is_named_and_left_out(db, site, capsys):
    feed = f"{site}/feed.xml"
    with Store(db) as store:
        following.follow(store, [feed], SCENARIO, "UK")
    with sqlite3.connect(db) as conn:  # as if the scenario had dropped the actor since
        conn.execute("UPDATE feeds SET voice = 'XX'")
    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", str(db), "--json"])
    assert code == 0, err
    voiced = [line for line in err.splitlines() if "its voice" in line]
    assert voiced == [  # once, not for each article; the others warn of articles without claims
        f"pourparler: warning: {feed}: its voice 'XX' is not an actor of {SCENARIO}: its "
        "articles are read without one ('evidence feeds --follow URL --voice ACTOR' sets another)"
    ]
    assert "Traceback" not in err
    documents = json.loads(out)["documents"]
    assert [(d["new"], d["voice"]) for d in documents] == [(True, None), (True, None)]
