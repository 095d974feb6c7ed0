"""Articles read by a language model from the web app (``pourparler serve --db DB --review
--llm``): a model can take minutes over a document, far longer than a request waits, so the
files go to a job that reads them one after another on a thread of its own, and the page that
follows it shows how far it has got until it is done.

Each reader reads one job at a time (a local model server answers one request at a time
anyway) and the others wait their turn; the readers work side by side, so pages fetched for
the rules reader do not wait behind a model's long read.

Each job is kept in the store too (table ``reading_jobs``), written when it starts, after each
article and when it ends, so its page and what became of each article outlive the server. A
job left unfinished when the server stopped is marked interrupted when a server next starts on
the store: its page says which articles were not read, and the addresses it was given can be
read again with one button (what was stored is not fetched again). The store keeps the most
recent :data:`KEPT` jobs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.evidence.store import utc_now
from pourparler.web.evidence_add import AddedFile, ArticleForm, add_addresses, add_uploads
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.readers.base import Extractor
    from pourparler.evidence.store import Store

log = logging.getLogger("pourparler.web")
KEPT = 200  # jobs the store keeps, the oldest forgotten first; and jobs held in memory
LISTED = 10  # jobs the evidence page lists


@dataclass
class ReadingJob:
    """Uploaded files and web addresses being read and stored: their names (a feed's address
    gives way to its articles' once it is fetched), what became of each so far, and whether the
    job is over (``error``: why it stopped before the end)."""

    id: str
    files: list[str]
    form: ArticleForm
    model: str | None
    added: list[AddedFile] = field(default_factory=list)
    finished: bool = False
    error: str | None = None
    stop_asked: bool = False  # the analyst asked it to stop: it does after the article read now
    stopped: bool = False  # it stopped when asked, before the end
    addresses: list[str] = field(default_factory=list)  # the web addresses it was given
    started_at: str = field(default_factory=utc_now)
    finished_at: str | None = None
    running: bool = False  # its reader has taken it up
    interrupted: bool = False  # the server stopped before it was done
    origin: str = "form"  # what started it: "form", "feeds" (the button) or "schedule"
    on_change: Callable[[ReadingJob], None] | None = field(default=None, repr=False)

    @property
    def done(self) -> int:
        return len(self.added)

    @property
    def state(self) -> str:
        """waiting, reading, done, stopped (when asked), failed or interrupted."""
        if self.interrupted:
            return "interrupted"
        if not self.finished:
            return "reading" if self.running else "waiting"
        return "stopped" if self.stopped else "failed" if self.error else "done"

    @property
    def quiet(self) -> bool:
        """A scheduled read that ended with nothing new and nothing wrong: not worth keeping
        (the followed feeds' "last read" says it happened)."""
        return (
            self.origin == "schedule"
            and self.state == "done"
            and not any(a.new or a.error for a in self.added)
        )

    @property
    def unread(self) -> list[str]:
        """The files and addresses it had not read when it ended."""
        return self.files[self.done :]

    def changed(self) -> None:
        """Tell whoever keeps the job (the store) that it changed."""
        if self.on_change is not None:
            self.on_change(self)

    def record(self, added: AddedFile) -> None:
        """What became of one more file or address; then stop if asked to."""
        self.added.append(added)
        self.changed()
        if self.stop_asked:
            raise _Stop

    @property
    def next(self) -> str | None:
        """The name of the file or address read now (None: none left)."""
        files, done = self.files, self.done  # one look at each: the reading thread moves on
        return files[done] if done < len(files) else None

    def feed_read(self, url: str, articles: list[str]) -> None:
        """The feed at ``url`` stands for ``articles``: they take its place in the list."""
        at = self.files.index(url) if url in self.files else len(self.files)
        self.files = [*self.files[:at], *articles, *self.files[at + 1 :]]
        self.changed()

    def as_json(self) -> str:
        """The job as the store keeps it (:func:`job_from_row` reads it back)."""
        form = dataclasses.asdict(self.form)
        form["date"] = self.form.date.isoformat() if self.form.date else None
        return json.dumps(
            {
                "files": self.files,
                "addresses": self.addresses,
                "form": form,
                "model": self.model,
                "added": [dataclasses.asdict(a) for a in self.added],
                "error": self.error,
                "stopped": self.stopped,
                "origin": self.origin,
            },
            ensure_ascii=False,
        )


def job_from_row(row: Sequence[Any]) -> ReadingJob:
    """A job as the store keeps it: (id, state, job, started_at, finished_at)."""
    job_id, state, body, started_at, finished_at = row
    data = json.loads(body)
    form = dict(data["form"])
    form["date"] = dt.date.fromisoformat(form["date"]) if form.get("date") else None
    return ReadingJob(
        job_id,
        list(data["files"]),
        ArticleForm(**form),
        data.get("model"),
        [AddedFile(**a) for a in data["added"]],
        finished=state not in ("waiting", "reading"),
        error=data.get("error"),
        stopped=bool(data.get("stopped")),
        addresses=list(data.get("addresses", [])),
        started_at=started_at,
        finished_at=finished_at,
        running=state == "reading",
        interrupted=state == "interrupted",
        origin=data.get("origin", "form"),
    )


_JOB_COLUMNS = "id, state, job, started_at, finished_at"


def save_job(store: Store, job: ReadingJob) -> None:
    """Write ``job`` to the store (the oldest beyond the most recent :data:`KEPT` go)."""
    with store.transaction() as c:
        c.execute(
            "INSERT OR REPLACE INTO reading_jobs "
            "(id, scenario, reader, state, job, started_at, finished_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                job.id,
                job.form.scenario,
                job.form.reader,
                job.state,
                job.as_json(),
                job.started_at,
                job.finished_at,
            ),
        )
        c.execute(
            "DELETE FROM reading_jobs WHERE id NOT IN "
            "(SELECT id FROM reading_jobs ORDER BY started_at DESC, rowid DESC LIMIT ?)",
            (KEPT,),
        )


def _readable(row: Sequence[Any]) -> ReadingJob | None:
    """The job of a stored row; None (and a line in the log) for a row that cannot be read
    (edited by hand, or written by a later version), which is then passed over."""
    try:
        return job_from_row(row)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        log.warning("reading job %s: unreadable in the store (%s)", str(row[0])[:64], exc)
        return None


def stored_job(store: Store, job_id: str) -> ReadingJob | None:
    rows = store.rows(f"SELECT {_JOB_COLUMNS} FROM reading_jobs WHERE id = ?", (job_id,))
    return _readable(rows[0]) if rows else None


def stored_jobs(store: Store, limit: int = LISTED) -> list[ReadingJob]:
    """The most recent jobs that can be read, the latest first."""
    rows = store.rows(
        f"SELECT {_JOB_COLUMNS} FROM reading_jobs ORDER BY started_at DESC, rowid DESC LIMIT ?",
        (limit,),
    )
    return [job for r in rows if (job := _readable(r)) is not None]


def _unread_schedule(body: str) -> bool:
    """Whether the stored job ``body`` is a scheduled read that had not read an article."""
    try:
        data = json.loads(body)
        return bool(data.get("origin") == "schedule" and not data.get("added"))
    except (ValueError, AttributeError):
        return False


def interrupt_unfinished(store: Store) -> int:
    """Mark the jobs the store holds as waiting or reading interrupted (the server that read
    them has stopped); returns how many. A scheduled read that had not read an article is
    taken out instead: it would only say that nothing was read, and the schedule reads the
    feeds again."""
    with store.transaction() as c:
        unfinished = c.execute(
            "SELECT id, job FROM reading_jobs WHERE state IN ('waiting', 'reading')"
        ).fetchall()
        idle = [(job_id,) for job_id, body in unfinished if _unread_schedule(body)]
        c.executemany("DELETE FROM reading_jobs WHERE id = ?", idle)
        return c.execute(
            "UPDATE reading_jobs SET state = 'interrupted', finished_at = ? "
            "WHERE state IN ('waiting', 'reading')",
            (utc_now(),),
        ).rowcount


class _Stop(Exception):
    """The analyst asked the job to stop."""


class ReadingJobs:
    """The jobs of one server, read one at a time into the store at ``db`` by the reader the
    form names (``readers``: by name); pages are fetched only from public addresses unless
    ``public_only`` is off."""

    def __init__(
        self, db: Path, readers: Mapping[str, Extractor], public_only: bool = True
    ) -> None:
        from pourparler.web.evidence_review import open_store

        self.db = db
        self.readers = dict(readers)
        self.public_only = public_only
        self._jobs: OrderedDict[str, ReadingJob] = OrderedDict()
        self._lock = threading.Lock()
        self._executors = {  # one thread a reader
            name: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"pourparler-{name}")
            for name in self.readers
        }
        self._closing = threading.Event()
        with open_store(db) as store:  # a server before this one stopped while reading
            if n := interrupt_unfinished(store):
                log.warning("%d reading job(s) left unfinished by a stopped server", n)

    def _save(self, job: ReadingJob, store: Store | None = None) -> None:
        """Keep ``job`` in ``store`` (default: the store, opened for it); a store that cannot
        be written (locked for longer than a write waits) is logged, and the job goes on."""
        from pourparler.web.evidence_review import open_store

        try:
            if store is not None:
                save_job(store, job)
                return
            with open_store(self.db) as opened:
                save_job(opened, job)
        except (InputError, PageError):
            log.warning("reading job %s: could not be written to the store", job.id)

    def model(self, reader: str) -> str | None:
        """The model the reader named ``reader`` reads with (None: no model, or no such
        reader here)."""
        found = self.readers.get(reader)
        return found.model if found is not None else None

    def start(
        self,
        files: Sequence[tuple[str | None, bytes]],
        form: ArticleForm,
        addresses: Sequence[str] = (),
        origin: str = "form",
    ) -> ReadingJob:
        """A new job reading ``files``, then the pages at ``addresses``; it starts when the
        jobs before it for the same reader are done."""
        from pourparler.web.evidence_add import check_files
        from pourparler.web.upload import display_name

        check_files(files, addresses)
        job = ReadingJob(
            secrets.token_hex(16),
            [*(display_name(name) for name, _ in files), *addresses],
            form,
            self.model(form.reader),
            addresses=list(addresses),
            origin=origin,
        )
        self._save(job)
        job.on_change = self._save
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
        self._executors[form.reader].submit(self._run, job, list(files), list(addresses))
        return job

    def get(self, job_id: str) -> ReadingJob | None:
        """The job ``job_id``: this server's, or one the store keeps (None: neither)."""
        with self._lock:
            job = self._jobs.get(job_id)
        if job is not None or len(job_id) > 64:
            return job
        from pourparler.web.evidence_review import open_store

        with open_store(self.db) as store:
            return stored_job(store, job_id)

    def recent(self, limit: int = LISTED) -> list[ReadingJob]:
        """The most recent jobs the store keeps, the latest first; this server's as they
        stand now."""
        from pourparler.web.evidence_review import open_store

        with open_store(self.db) as store:
            kept = stored_jobs(store, limit)
        with self._lock:
            return [self._jobs.get(j.id, j) for j in kept]

    def again(self, job_id: str) -> ReadingJob | None:
        """A new job reading the addresses of job ``job_id`` again, with its form (what was
        stored already is not fetched again); None when there is no such job. A job with
        no addresses, or one still reading, is bad input."""
        job = self.get(job_id)
        if job is None:
            return None
        if not job.finished:
            raise InputError(f"reading job {job_id}: still reading")
        if not job.addresses:
            raise InputError(
                f"reading job {job_id}: it read uploaded files only, which are not kept: "
                "add them again"
            )
        if job.form.reader not in self.readers:
            raise InputError(f"reader: {job.form.reader!r}: not offered here")
        return self.start([], job.form, job.addresses, job.origin)

    def read_followed(
        self, scenario: str, origin: str = "feeds", reader: str = "rules"
    ) -> list[ReadingJob]:
        """Jobs reading what the feeds followed for ``scenario`` list that is not stored yet,
        by ``reader``, :data:`~pourparler.web.evidence_add.MAX_FILES` feeds a job; none when
        no feed is followed for it."""
        from pourparler.evidence.followed import followed
        from pourparler.web.evidence_add import MAX_FILES, ArticleForm
        from pourparler.web.evidence_review import open_store

        with open_store(self.db) as store:
            urls = [f.url for f in followed(store, scenario)]
        form = ArticleForm(scenario, reader=reader)
        return [
            self.start([], form, urls[at : at + MAX_FILES], origin)
            for at in range(0, len(urls), MAX_FILES)
        ]

    def read_followed_every(
        self, seconds: float, scenarios: Sequence[str], reader: str = "rules"
    ) -> None:
        """Read the followed feeds of each of ``scenarios`` with ``reader`` now and then every
        ``seconds``, on a thread of its own, until :meth:`shutdown`; a scenario whose last
        scheduled jobs are not done yet is passed over that time."""
        if reader not in self.readers:
            raise InputError(f"--read-feeds-with: {reader!r}: not offered here (start with --llm)")
        thread = threading.Thread(
            target=self._schedule,
            args=(seconds, list(scenarios), reader),
            name="pourparler-feeds",
        )
        thread.daemon = True
        thread.start()

    def _schedule(self, seconds: float, scenarios: list[str], reader: str) -> None:
        pending: dict[str, list[ReadingJob]] = {}
        while True:
            for scenario in scenarios:
                if any(not j.finished for j in pending.get(scenario, [])):
                    continue
                try:
                    pending[scenario] = self.read_followed(scenario, "schedule", reader)
                except Exception:  # a store locked past the wait: the next round tries again
                    log.exception("scheduled reading of the feeds of %s", scenario)
            if self._closing.wait(seconds):
                return

    def stop(self, job_id: str) -> ReadingJob | None:
        """Ask job ``job_id`` to stop after the article it reads now (what it stored stays);
        None when there is no such job."""
        with self._lock:  # only this server's jobs can be stopped by it
            job = self._jobs.get(job_id)
        if job is not None and not job.finished:
            job.stop_asked = True
        return job

    def _run(
        self, job: ReadingJob, files: list[tuple[str | None, bytes]], addresses: list[str]
    ) -> None:
        from pourparler.evidence.store import Store, StoreError
        from pourparler.web.evidence_review import WAIT_SECONDS

        reader = self.readers[job.form.reader]
        kept: Store | None = None  # the job's writes, after each article, on one connection
        try:
            kept = Store(self.db, wait=WAIT_SECONDS)
            job.on_change = functools.partial(self._save, store=kept)
        except StoreError:  # each write then opens the store, and says if it cannot
            pass
        try:
            if job.stop_asked:  # asked before its turn came
                raise _Stop
            job.running = True
            job.changed()
            if files:
                add_uploads(self.db, files, job.form, reader, on_file=job.record)
            if addresses:
                add_addresses(
                    self.db,
                    addresses,
                    job.form,
                    reader,
                    public_only=self.public_only,
                    follow=job.form.follow,
                    on_file=job.record,
                    on_feed=job.feed_read,
                )
        except _Stop:
            job.stopped = True
        except (InputError, PageError) as exc:
            job.error = exc.message if isinstance(exc, PageError) else str(exc)
        except Exception:  # the page says so, the log has the rest; the server goes on
            log.exception("internal error in reading job %s", job.id)
            job.error = "internal error: the server could not read these files"
        finally:
            job.finished = True
            job.finished_at = utc_now()
            job.changed()
            job.on_change = self._save
            if kept is not None:
                kept.close()
            if job.quiet:
                self._forget(job)

    def _forget(self, job: ReadingJob) -> None:
        """Take ``job`` out of the store and of this server's list."""
        from pourparler.web.evidence_review import open_store

        with self._lock:
            self._jobs.pop(job.id, None)
        try:
            with open_store(self.db) as store, store.transaction() as c:
                c.execute("DELETE FROM reading_jobs WHERE id = ?", (job.id,))
        except (InputError, PageError):
            log.warning("reading job %s: could not be taken out of the store", job.id)

    def shutdown(self) -> None:
        self._closing.set()
        for executor in self._executors.values():
            executor.shutdown(wait=False, cancel_futures=True)
