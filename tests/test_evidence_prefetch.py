"""Pages fetched ahead of the reader (:mod:`pourparler.evidence.prefetch`): each address gives
what fetching it gives, in the caller's order, errors included; at most so many fetches run at
once, and at most so many from one host; no more than the window is fetched ahead; and a feed
read by ``evidence add`` gets the same documents, sooner, as read one page at a time."""

from __future__ import annotations

import threading
import time
from collections import Counter

import pytest

from cli_run import run_cli
from local_site import News, news_site
from pourparler.errors import InputError
from pourparler.evidence import prefetch
from pourparler.evidence.prefetch import fetched_ahead
from pourparler.evidence.store import Store


class _Fetcher:
    """A fetch that takes ``delay`` seconds and counts what runs at once, per host too."""

    def __init__(self, delay: float = 0.05) -> None:
        self.delay = delay
        self.lock = threading.Lock()
        self.running: Counter[str] = Counter()
        self.most = 0
        self.most_per_host = 0
        self.started: list[str] = []

    def __call__(self, url: str) -> str:
        host = url.split("/")[2]
        with self.lock:
            self.started.append(url)
            self.running[host] += 1
            self.most = max(self.most, sum(self.running.values()))
            self.most_per_host = max(self.most_per_host, self.running[host])
        time.sleep(self.delay)
        with self.lock:
            self.running[host] -= 1
        if url.endswith("/bad"):
            raise InputError(f"{url}: fetch: HTTP 404 Not Found")
        return url.upper()


URLS = [f"http://{host}.example/{k}" for k in range(6) for host in ("a", "b", "c")]


def test_each_address_gives_its_page_in_order_within_the_limits():
    fetch = _Fetcher()
    with fetched_ahead(URLS, fetch, workers=4, per_host=2, window=8) as page_of:
        got = [page_of(u) for u in URLS]
    assert got == [u.upper() for u in URLS]
    assert sorted(fetch.started) == sorted(URLS)  # each fetched once
    assert 2 <= fetch.most <= 4 and fetch.most_per_host <= 2


def test_one_host_is_asked_for_two_pages_at_most_at_once():
    fetch = _Fetcher()
    urls = [f"http://only.example/{k}" for k in range(8)]
    with fetched_ahead(urls, fetch, workers=4, per_host=2) as page_of:
        assert [page_of(u) for u in urls] == [u.upper() for u in urls]
    assert fetch.most == fetch.most_per_host == 2


def test_an_error_is_raised_for_its_own_address_only():
    urls = ["http://a.example/1", "http://a.example/bad", "http://a.example/3"]
    with fetched_ahead(urls, _Fetcher()) as page_of:
        assert page_of(urls[0]) == urls[0].upper()
        with pytest.raises(InputError, match="bad: fetch: HTTP 404"):
            page_of(urls[1])
        assert page_of(urls[2]) == urls[2].upper()
        assert page_of("http://z.example/elsewhere") == "HTTP://Z.EXAMPLE/ELSEWHERE"


def _settles_at(fetch: _Fetcher, n: int) -> bool:
    """Whether ``n`` fetches have started, and no more a moment later."""
    deadline = time.monotonic() + 5
    while len(fetch.started) < n and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)
    return len(fetch.started) == n


def test_no_more_than_the_window_is_fetched_ahead():
    fetch = _Fetcher(delay=0.0)
    with fetched_ahead(URLS, fetch, workers=4, window=3) as page_of:
        page_of(URLS[0])  # the reader takes its time over the first page
        assert _settles_at(fetch, 4)  # the page read and the three after it
        page_of(URLS[1])
        assert _settles_at(fetch, 5)
    assert _settles_at(fetch, 5)  # the block left early: the rest is never fetched


def test_a_feed_read_ahead_stores_what_a_page_at_a_time_stores(capsys, tmp_path, monkeypatch):
    def add(db: str) -> list[tuple[str, str, str, str]]:
        News.asked.clear()
        News.most_busy = 0
        code, _, err = run_cli(capsys, ["evidence", "add", f"{base}/feed.xml", "--db", db])
        assert code == 0, err
        assert sorted(p for p in News.asked if p.startswith("/news/")) == [
            f"/news/-{k}.html" for k in range(8)
        ]  # each article fetched once
        with Store(db) as store:
            return sorted((str(c.locator), c.actor, c.issue, c.stance) for c in store.claims())

    with news_site(listed=8, delay=0.1) as base:
        by_ahead = add(str(tmp_path / "ahead.db"))
        assert News.most_busy == 2  # two pages at a time from the one host
        monkeypatch.setattr(prefetch, "WORKERS", 1)
        monkeypatch.setattr(prefetch, "WINDOW", 0)
        by_one = add(str(tmp_path / "one.db"))
        assert News.most_busy == 1
    assert by_ahead == by_one and len(by_one) == 8
