"""Articles read by a language model from the web app (``pourparler serve --db DB --review
--llm``): a model can take minutes over a document, far longer than a request waits, so the
files go to a job that reads them one after another on a thread of its own, and the page that
follows it shows how far it has got until it is done.

Each reader reads one job at a time (a local model server answers one request at a time
anyway) and the others wait their turn; the readers work side by side, so pages fetched for
the rules reader do not wait behind a model's long read. Jobs live in memory, the most
recent :data:`KEPT` of them: what they stored stays in the store, whatever becomes of the job.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.web.evidence_add import AddedFile, ArticleForm, add_addresses, add_uploads
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.readers.base import Extractor

log = logging.getLogger("pourparler.web")
KEPT = 50  # jobs remembered, the oldest forgotten first


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

    @property
    def done(self) -> int:
        return len(self.added)

    def record(self, added: AddedFile) -> None:
        """What became of one more file or address; then stop if asked to."""
        self.added.append(added)
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


class _Stop(Exception):
    """The analyst asked the job to stop."""


class ReadingJobs:
    """The jobs of one server, read one at a time into the store at ``db`` by the reader the
    form names (``readers``: by name); pages are fetched only from public addresses unless
    ``public_only`` is off."""

    def __init__(
        self, db: Path, readers: Mapping[str, Extractor], public_only: bool = True
    ) -> None:
        self.db = db
        self.readers = dict(readers)
        self.public_only = public_only
        self._jobs: OrderedDict[str, ReadingJob] = OrderedDict()
        self._lock = threading.Lock()
        self._executors = {  # one thread a reader
            name: ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"pourparler-{name}")
            for name in self.readers
        }

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
        )
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
        self._executors[form.reader].submit(self._run, job, list(files), list(addresses))
        return job

    def get(self, job_id: str) -> ReadingJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def stop(self, job_id: str) -> ReadingJob | None:
        """Ask job ``job_id`` to stop after the article it reads now (what it stored stays);
        None when there is no such job."""
        job = self.get(job_id)
        if job is not None and not job.finished:
            job.stop_asked = True
        return job

    def _run(
        self, job: ReadingJob, files: list[tuple[str | None, bytes]], addresses: list[str]
    ) -> None:
        reader = self.readers[job.form.reader]
        try:
            if job.stop_asked:  # asked before its turn came
                raise _Stop
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

    def shutdown(self) -> None:
        for executor in self._executors.values():
            executor.shutdown(wait=False, cancel_futures=True)
