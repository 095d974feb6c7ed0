"""Followed feeds read by the web app (``serve --db DB --review``): the read button reads any
number of followed feeds, twenty to a job, and ``--read-feeds-every MINUTES`` reads them at
start-up and then on a schedule, with no request, fetching only what is not stored yet."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from _web_support import TestClient, follow  # skips without the web extra
from cli_run import run_cli
from local_site import News, news_site
from pourparler.evidence import followed as following
from pourparler.evidence.store import Store
from pourparler.web import create_app


@pytest.fixture
def site() -> Iterator[str]:
    with news_site() as base:
        yield base


def _stored(db: Path) -> list[str]:
    with Store(db) as store:
        return sorted(str(d.locator) for d in store.document_list())


def test_the_read_button_reads_more_feeds_than_one_job_takes(db, site):
    feeds = [f"{site}/feed{k}.xml" for k in range(1, 26)]
    with Store(db) as store:
        following.follow(store, feeds, "istanbul-2025")
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        r = c.post(
            "/evidence/feeds/read", data={"scenario": "istanbul-2025"}, follow_redirects=False
        )
        assert r.status_code == 303 and r.headers["location"] == "/evidence#jobs"
        listed = c.get("/evidence").text
        jobs = re.findall(r'class="job-row" data-job="([0-9a-f]{32})"', listed)
        assert len(jobs) == 2
        pages = [follow(c, f"/evidence/jobs/{j}") for j in jobs]
    files = sorted(int(re.search(r'data-files="(\d+)"', p)[1]) for p in pages)
    assert files == [5, 20]  # 25 feeds of one article each, 20 to a job
    assert len(_stored(db)) == 25


def test_followed_feeds_are_read_on_a_schedule_without_a_request(db, site):
    with Store(db) as store:
        following.follow(store, [f"{site}/feed.xml"], "istanbul-2025")
    app = create_app(db=db, review=True, fetch_internal=True, read_feeds_every=0.3)
    with TestClient(app) as c:
        deadline = time.monotonic() + 20
        while len(_stored(db)) < 2:
            assert time.monotonic() < deadline, "the feed was not read at start-up"
            time.sleep(0.05)
        News.listed = 3  # the feed lists one more article
        while len(_stored(db)) < 3:
            assert time.monotonic() < deadline, "the feed was not read again"
            time.sleep(0.05)
        time.sleep(1.0)  # a few more rounds
        listed = c.get("/evidence").text
    articles = [p for p in News.asked if p.startswith("/news/")]
    assert sorted(articles) == ["/news/-0.html", "/news/-1.html", "/news/-2.html"]  # each once
    assert News.asked.count("/feed.xml") >= 3
    assert 'class="job-origin">schedule<' in listed
    for thread in threading.enumerate():  # the job under way finishes after the server stops
        if thread.name.startswith("pourparler-"):
            thread.join(timeout=20)
    with Store(db) as store:  # only the reads that found something are kept: not the quiet ones
        kept = [job for (job,) in store.rows("SELECT job FROM reading_jobs")]
    found = [job for job in kept if '"new": true' in job]
    assert len(found) == 2  # the first read, and the one that found the new article
    assert len(kept) - len(found) <= 1  # at most a read queued when the server stopped
    with TestClient(create_app(db=db, review=True)):  # the next start takes that one out
        pass
    with Store(db) as store:
        assert sorted(job for (job,) in store.rows("SELECT job FROM reading_jobs")) == sorted(found)
    assert 2 <= listed.count('class="job-origin">schedule<') <= 3
    with Store(db) as store:
        (feed,) = following.followed(store)
        assert feed.read_at is not None


def test_a_schedule_needs_review_and_a_sensible_interval(db, capsys):
    with pytest.raises(Exception, match="--read-feeds-every: needs --db and --review"):
        create_app(db=db, read_feeds_every=60)
    for value in ("0.5", "nan", "inf", "20000"):
        code, _, err = run_cli(
            capsys, ["serve", "--db", str(db), "--review", "--read-feeds-every", value]
        )
        assert code == 2 and err.count("\n") == 1
        assert "--read-feeds-every: from 1 to 10080 minutes (a week)" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--read-feeds-with", "llm"], "--read-feeds-with: only with --read-feeds-every"),
        (["--read-feeds-every", "5", "--read-feeds-with", "xyz"], "'xyz': rules or llm"),
        (["--read-feeds-every", "5", "--read-feeds-with", "llm"], "not offered here"),
    ],
)
def test_the_scheduled_reader_is_checked(db, capsys, args, message):
    code, _, err = run_cli(capsys, ["serve", "--db", str(db), "--review", *args])
    assert code == 2 and message in err and err.count("\n") == 1
