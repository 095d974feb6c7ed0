"""Followed news feeds (``evidence feeds``, ``evidence add --follow`` and ``--followed``),
against a local web server: a feed is checked when followed, ``--followed`` reads what the
scenario's feeds list and fetches only what is new, each read is recorded, and bad input is one
line that changes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from cli_run import run_cli
from local_site import Page
from local_site import site as serving
from pourparler.evidence.followed import followed
from pourparler.evidence.store import Store

PAGE = b"""<html><head><title>Kyiv presses for a truce</title></head><body><article>
<p>Ukraine insists on an unconditional 30-day ceasefire before any talks on territory.</p>
</article></body></html>"""
TURN = b"""<html><head><title>A turn in Moscow</title></head><body><article>
<p>Russia demands an unconditional 30-day ceasefire, its foreign ministry said.</p>
</article></body></html>"""

WEATHER = (
    b"<html><head><title>Weather</title></head><body><article>"
    + b"<p>Rain is expected over the coast this weekend, with sun later in the week.</p>" * 20
    + b"</article></body></html>"
)


class _Handler(Page):
    asked: ClassVar[list[str]] = []
    items: ClassVar[list[str]] = ["/news/truce.html"]

    def do_GET(self) -> None:
        _Handler.asked.append(self.path)
        if self.path == "/feed.xml":
            items = "".join(f"<item><title>T</title><link>{i}</link></item>" for i in self.items)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            self.send("application/rss+xml", body.encode())
        elif self.path == "/news/truce.html":
            self.send("text/html", PAGE)
        elif self.path == "/news/turn.html":
            self.send("text/html", TURN)
        elif self.path == "/news/weather.html":  # an article with nothing to claim
            self.send("text/html", WEATHER)
        else:
            self.send_error(404)


@pytest.fixture
def site() -> Iterator[str]:
    _Handler.asked.clear()
    _Handler.items = ["/news/truce.html"]
    with serving(_Handler) as base:
        yield base


def feeds_of(db: Path) -> list[tuple[int, str, str, bool]]:
    with Store(db) as store:
        return [(f.id, f.url, f.scenario, f.read_at is not None) for f in followed(store)]


def test_a_followed_feed_is_read_again_for_what_is_new(site, tmp_path, capsys):
    db = str(tmp_path / "e.db")
    code, out, _ = run_cli(capsys, ["evidence", "feeds", "--db", db])
    assert code == 0 and out.startswith("no feeds followed")
    code, out, err = run_cli(
        capsys, ["evidence", "feeds", "--follow", f"{site}/feed.xml", "--db", db]
    )
    assert code == 0, err
    assert feeds_of(tmp_path / "e.db") == [(1, f"{site}/feed.xml", "istanbul-2025", False)]
    assert "never" in out and f"{site}/feed.xml" in out

    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", db])
    assert code == 0, err
    assert f"{site}/news/truce.html: document 1 added" in out
    assert feeds_of(tmp_path / "e.db")[0][3]  # the read is recorded

    _Handler.asked.clear()
    _Handler.items = ["/news/turn.html", "/news/truce.html"]  # one new article
    code, out, err = run_cli(capsys, ["evidence", "add", "--followed", "--db", db])
    assert code == 0, err
    assert _Handler.asked == ["/feed.xml", "/news/turn.html"]  # the old one is not fetched
    assert f"{site}/news/turn.html: document 2 added" in out


def test_feeds_among_added_addresses_are_followed_with_follow(site, tmp_path, capsys):
    db = str(tmp_path / "e.db")
    page = f"{site}/news/turn.html"
    code, _, err = run_cli(
        capsys, ["evidence", "add", f"{site}/feed.xml", page, "--follow", "--db", db]
    )
    assert code == 0, err
    assert [f[1] for f in feeds_of(tmp_path / "e.db")] == [f"{site}/feed.xml"]  # not the page
    code, out, _ = run_cli(capsys, ["evidence", "feeds", "--db", db, "--json"])
    assert code == 0
    [feed] = json.loads(out)["feeds"]
    assert (feed["url"], feed["scenario"]) == (f"{site}/feed.xml", "istanbul-2025")
    assert feed["read_at"] >= feed["added_at"]  # read when it was followed


def test_unfollowing_keeps_what_was_stored(site, tmp_path, capsys):
    db = str(tmp_path / "e.db")
    assert run_cli(capsys, ["evidence", "add", f"{site}/feed.xml", "--follow", "--db", db])[0] == 0
    code, out, _ = run_cli(capsys, ["evidence", "feeds", "--unfollow", "1", "--db", db])
    assert code == 0 and f"no longer following feed 1 ({site}/feed.xml)" in out
    assert feeds_of(tmp_path / "e.db") == []
    with Store(tmp_path / "e.db") as store:
        assert len(store.document_list()) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ["evidence", "feeds", "--follow", "{site}/news/truce.html"],
            "not a news feed (RSS or Atom)",
        ),
        (["evidence", "feeds", "--follow", "{site}/missing.xml"], "fetch: HTTP 404"),
        (["evidence", "feeds", "--follow", "feed.xml"], "--follow: 'feed.xml': not an http or"),
        (["evidence", "feeds", "--unfollow", "7"], "feed 7: no such followed feed"),
        (["evidence", "add", "--followed", "--scenario", "istanbul-2022"], "--followed: no feeds"),
        (["evidence", "add"], "give files, folders or addresses to read, or --followed"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(site, tmp_path, capsys, args, message):
    db = str(tmp_path / "e.db")
    assert (
        run_cli(capsys, ["evidence", "feeds", "--follow", f"{site}/feed.xml", "--db", db])[0] == 0
    )
    before = feeds_of(tmp_path / "e.db")
    code, out, err = run_cli(capsys, [a.format(site=site) for a in args] + ["--db", db])
    assert code == 2 and out == "" and err.startswith("pourparler: error: "), err
    assert message in err and err.count("\n") == 1
    assert feeds_of(tmp_path / "e.db") == before


def test_an_article_read_without_claims_is_not_fetched_again(site, tmp_path, capsys):
    db = str(tmp_path / "e.db")
    _Handler.items = ["/news/weather.html"]
    args = ["evidence", "add", f"{site}/feed.xml", "--db", db]
    code, out, err = run_cli(capsys, args)
    assert code == 0 and "document 1 added, 0 claims added" in out, err
    _Handler.asked.clear()
    code, out, _ = run_cli(capsys, args)
    assert code == 0 and "not fetched again" in out
    assert _Handler.asked == ["/feed.xml"]  # read once, found nothing: not fetched again
