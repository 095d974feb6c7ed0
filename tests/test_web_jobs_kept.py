"""Reading jobs outlive the server (``serve --db DB --review``): each job is kept in the
evidence store as it goes, so its page, and what became of each article, are there after a
restart; a job the server was killed in the middle of is marked interrupted when a server next
starts on the store, says which articles it did not read, and reads its addresses again with
one button, fetching only what was not stored. The evidence page lists the last jobs."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from _web_support import TestClient, follow  # skips without the web extra
from local_site import News, news_site
from pourparler.evidence.store import Store
from pourparler.web import create_app
from pourparler.web.evidence_add import AddedFile, ArticleForm
from pourparler.web.evidence_jobs import KEPT, ReadingJob, save_job, stored_jobs

NO_FILE = [("file", ("", b"", "application/octet-stream"))]  # a form with no file chosen


@pytest.fixture
def site() -> Iterator[str]:
    with news_site(listed=6) as base:
        yield base


def _rows(page: str) -> list[tuple[str, str]]:
    return re.findall(r'class="added-file" data-name="([^"]+)" data-document="(\d*)"', page)


def test_a_finished_jobs_page_is_the_same_after_a_restart(db, site):
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        r = c.post(
            "/evidence/add",
            data={"addresses": f"{site}/feed.xml"},
            files=NO_FILE,
            follow_redirects=False,
        )
        job = r.headers["location"]
        before = follow(c, job)
    assert len(_rows(before)) == 6 and 'id="job-interrupted"' not in before
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        after = c.get(job).text  # a new server: the job comes from the store
        listed = c.get("/evidence").text
        # a stop asked from a page left open across the restart: back to the job's page
        stopped = c.post(f"{job}/stop", follow_redirects=False)
        assert stopped.status_code == 303 and stopped.headers["location"] == job
        assert c.post(f"{job[:-4]}0000/stop").status_code == 404  # no such job
    assert _rows(after) == _rows(before)
    summary = re.compile(r'<p id="added-summary"[^>]*>')
    assert summary.search(after).group(0) == summary.search(before).group(0)
    assert 'data-finished="true"' in after and 'id="read-again"' not in after  # done: no button
    row = re.search(
        rf'class="job-row" data-job="{job.rsplit("/", 1)[1]}" data-state="(\w+)"', listed
    )
    assert row and row.group(1) == "done" and 'id="jobs"' in listed
    assert "6 of 6" in listed


def _serve(db: Path, port: int) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "pourparler", "serve", "--db", str(db), "--review"]
    proc = subprocess.Popen(
        [*command, "--fetch-internal", "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:  # the start-up lines, then "serving on ..."
        if line.startswith("serving on"):
            return proc
    raise AssertionError(f"the server did not start: {proc.wait()}")


def test_a_job_the_server_was_killed_in_is_interrupted_and_read_again(db, site):
    import httpx

    from test_serve_command import free_port

    News.delay = 0.6  # six articles that take their time
    port = free_port()
    proc = _serve(db, port)
    try:
        base = f"http://127.0.0.1:{port}"
        r = httpx.post(
            f"{base}/evidence/add",
            data={"addresses": f"{site}/feed.xml"},
            files=NO_FILE,
            headers={"origin": base},
        )
        assert r.status_code == 303, r.text
        job = r.headers["location"]
        assert re.fullmatch(r"/evidence/jobs/[0-9a-f]{32}", job)
        deadline = time.monotonic() + 30
        while not re.search(r'data-done="[2-5]"', httpx.get(f"{base}{job}").text):
            assert time.monotonic() < deadline, "the job read nothing"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)  # no chance to write anything more
        proc.wait(timeout=30)
    with Store(db) as store:
        stored = len(store.document_list())
    assert 2 <= stored < 6
    News.asked.clear()
    News.delay = 0.0
    with TestClient(create_app(db=db, review=True, fetch_internal=True)) as c:
        page = c.get(job).text
        assert 'id="job-interrupted"' in page and 'data-finished="true"' in page
        unread = int(re.search(r'id="job-interrupted" class="error" data-unread="(\d+)"', page)[1])
        done = int(re.search(r'data-done="(\d+)"', page).group(1))
        assert done + unread == 6 and done <= stored
        assert '<meta http-equiv="refresh"' not in page  # not waiting for a dead server
        assert 'data-state="interrupted"' in c.get("/evidence").text
        assert (
            c.post(f"{job}/again", headers={"origin": "https://elsewhere.example"}).status_code
            == 403
        )
        again = c.post(f"{job}/again", follow_redirects=False)
        assert again.status_code == 303 and again.headers["location"] != job
        second = follow(c, again.headers["location"])
    fetched = [p for p in News.asked if p.startswith("/news/")]
    assert len(fetched) == 6 - stored  # only what the killed server had not stored
    assert f'data-new="{6 - stored}"' in second
    with Store(db) as store:
        assert len(store.document_list()) == 6


def test_a_job_of_uploads_cut_short_says_which_files_to_add_again(db):
    job = ReadingJob(
        "a" * 32,
        ["one.txt", "two.txt", "three.txt"],
        ArticleForm("istanbul-2025", reader="rules"),
        None,
        [AddedFile("one.txt", 1, True, 2)],
        running=True,
    )
    with Store(db) as store:
        save_job(store, job)
    with TestClient(create_app(db=db, review=True)) as c:  # starting marks it interrupted
        page = c.get(f"/evidence/jobs/{'a' * 32}").text
        assert c.post(f"/evidence/jobs/{'a' * 32}/again").status_code == 400
    assert "Not read: two.txt, three.txt." in page and 'id="upload-again"' in page
    assert 'id="read-again"' not in page


def test_the_store_keeps_the_most_recent_jobs(db):
    with Store(db) as store:
        for k in range(KEPT + 5):
            save_job(
                store,
                ReadingJob(
                    f"{k:032x}",
                    [],
                    ArticleForm("istanbul-2025"),
                    None,
                    finished=True,
                    started_at=f"2026-01-01T00:{k // 60:02d}:{k % 60:02d}Z",
                ),
            )
        assert store.rows("SELECT COUNT(*) FROM reading_jobs") == [(KEPT,)]
        latest = stored_jobs(store, 3)
    assert [j.id for j in latest] == [f"{k:032x}" for k in (KEPT + 4, KEPT + 3, KEPT + 2)]
    with TestClient(create_app(db=db, review=True)) as c:
        assert c.get(f"/evidence/jobs/{0:032x}").status_code == 404  # forgotten
        assert c.get(f"/evidence/jobs/{KEPT + 4:032x}").status_code == 200


def test_a_job_the_store_cannot_read_is_passed_over(db):
    with Store(db) as store:
        save_job(store, ReadingJob("d" * 32, [], ArticleForm("istanbul-2025"), None, finished=True))
        with store.transaction() as c:
            c.execute(
                "INSERT INTO reading_jobs (id, scenario, reader, state, job, started_at) "
                "VALUES (?, 'istanbul-2025', 'rules', 'done', ?, '2026-01-01T00:00:00Z')",
                ("e" * 32, '{"files": "not a list", "form": {"nope": 1}}'),
            )
    with TestClient(create_app(db=db, review=True)) as c:
        listed = c.get("/evidence")
        gone = c.get(f"/evidence/jobs/{'e' * 32}")
        kept = c.get(f"/evidence/jobs/{'d' * 32}")
    assert listed.status_code == 200 and 'data-jobs="1"' in listed.text
    assert gone.status_code == 404 and kept.status_code == 200


def test_a_scheduled_read_that_read_nothing_is_taken_out_at_the_next_start(db):
    form = ArticleForm("istanbul-2025")
    feed = ["http://feeds.example/a.xml"]
    idle = ReadingJob("a" * 32, feed, form, None, origin="schedule", running=True)
    partial = ReadingJob(
        "b" * 32, ["http://n.example/1", "http://n.example/2"], form, None, origin="schedule"
    )
    partial.added.append(AddedFile("http://n.example/1", 1, True, 2))
    asked = ReadingJob("c" * 32, feed, form, None, origin="form")
    with Store(db) as store:
        for job in (idle, partial, asked):
            save_job(store, job)
    with TestClient(create_app(db=db, review=True)):
        pass
    with Store(db) as store:
        kept = {job.id: job.state for job in stored_jobs(store)}
    assert kept == {"b" * 32: "interrupted", "c" * 32: "interrupted"}
