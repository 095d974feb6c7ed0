"""Followed feeds asked whether they changed: what a feed's server said at the last read that
read every article it lists (its ETag) is sent back the next time, and a feed that has not
changed is not downloaded again (HTTP 304), from the command line and from the web app. A read
that left an article unread forgets it, so the next read downloads the feed whole and tries
that article again."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from cli_run import run_cli
from local_site import News, news_site
from pourparler.evidence import followed as following
from pourparler.evidence.store import Store


@pytest.fixture
def site() -> Iterator[str]:
    with news_site(listed=2) as base:
        News.validators = True
        yield base


def _add(capsys, db: Path) -> tuple[int, dict, str]:
    News.asked.clear()
    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", str(db), "--json"])
    return code, json.loads(out) if out else {}, err


def test_an_unchanged_feed_is_not_downloaded_again(db, site, capsys):
    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], "istanbul-2025")
    code, first, err = _add(capsys, db)
    assert code == 0, err
    assert len(first["documents"]) == 2 and first["feeds_unchanged"] == []
    with Store(db) as store:
        (kept,) = following.followed(store)
        assert following.validators(store, "istanbul-2025") == {kept.url: ('"-2"', None)}
    code, second, _ = _add(capsys, db)
    assert code == 0 and second["documents"] == []
    assert second["feeds_unchanged"] == [f"{site}/feed.xml"]
    assert News.asked == ["/feed.xml", "/feed.xml 304"]  # nothing else asked
    code, out, _ = run_cli(capsys, ["evidence", "add", "--followed", "--db", str(db)])
    assert out.endswith("feed.xml: not changed since its last read (nothing fetched)\n")
    News.listed = 3  # the feed lists a new article: its ETag changes
    code, third, _ = _add(capsys, db)
    assert code == 0 and [d["new"] for d in third["documents"]] == [False, False, True]
    assert [p for p in News.asked if p.startswith("/news/")] == ["/news/-2.html"]


def test_a_read_that_missed_an_article_downloads_the_feed_whole_next_time(db, site, capsys):
    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], "istanbul-2025")
    News.missing = {"/news/-1.html"}
    code, first, _ = _add(capsys, db)
    assert code == 2 and len(first["documents"]) == 1  # one article failed
    with Store(db) as store:
        assert following.validators(store, "istanbul-2025") == {}  # forgotten
    News.missing = set()
    code, second, _ = _add(capsys, db)
    assert code == 0 and second["feeds_unchanged"] == []
    assert "/news/-1.html" in News.asked and "/news/-0.html" not in News.asked
    code, third, _ = _add(capsys, db)
    assert third["feeds_unchanged"] == [f"{site}/feed.xml"]  # whole now: asked, unchanged


def test_the_web_app_shows_an_unchanged_feed(db, site):
    from _web_support import TestClient, follow  # skips without the web extra
    from pourparler.web import create_app

    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], "istanbul-2025")
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        pages = []
        for _ in range(2):
            r = c.post(
                "/evidence/feeds/read", data={"scenario": "istanbul-2025"}, follow_redirects=False
            )
            pages.append(follow(c, r.headers["location"]))
    assert 'data-unchanged="0"' in pages[0] and 'data-new="2"' in pages[0]
    assert 'data-unchanged="1"' in pages[1] and 'data-new="0"' in pages[1]
    assert "the feed has not changed since its last read: nothing fetched" in pages[1]
    assert News.asked.count("/feed.xml 304") == 1
