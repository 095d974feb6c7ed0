"""Articles read by a language model from the web app (``pourparler serve --db DB --review
--llm``): a model can take minutes over a document, far longer than a request waits, so the
files go to a job that reads them one after another on a thread of its own, and the page that
follows it shows how far it has got until it is done.

One job reads at a time (a local model server answers one request at a time anyway); the
others wait their turn. Jobs live in memory, the most recent :data:`KEPT` of them: what they
stored stays in the store, whatever becomes of the job.
"""

from __future__ import annotations

import logging
import secrets
import threading
from collections import OrderedDict
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.web.evidence_add import AddedFile, ArticleForm, add_uploads
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.readers.base import Extractor

log = logging.getLogger("pourparler.web")
KEPT = 50  # jobs remembered, the oldest forgotten first


@dataclass
class ReadingJob:
    """Uploaded files being read and stored: their names, what became of each so far, and
    whether the job is over (``error``: why it stopped before the end)."""

    id: str
    files: tuple[str, ...]
    form: ArticleForm
    model: str | None
    added: list[AddedFile] = field(default_factory=list)
    finished: bool = False
    error: str | None = None

    @property
    def done(self) -> int:
        return len(self.added)


class ReadingJobs:
    """The jobs of one server, read one at a time by ``reader`` into the store at ``db``."""

    def __init__(self, db: Path, reader: Extractor) -> None:
        self.db = db
        self.reader = reader
        self._jobs: OrderedDict[str, ReadingJob] = OrderedDict()
        self._lock = threading.Lock()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="pourparler-reader")

    def start(self, files: Sequence[tuple[str | None, bytes]], form: ArticleForm) -> ReadingJob:
        """A new job reading ``files``; it starts when the jobs before it are done."""
        from pourparler.web.evidence_add import check_files
        from pourparler.web.upload import display_name

        check_files(files)
        job = ReadingJob(
            secrets.token_hex(16),
            tuple(display_name(name) for name, _ in files),
            form,
            self.reader.model,
        )
        with self._lock:
            self._jobs[job.id] = job
            while len(self._jobs) > KEPT:
                self._jobs.popitem(last=False)
        self._executor.submit(self._run, job, list(files))
        return job

    def get(self, job_id: str) -> ReadingJob | None:
        with self._lock:
            return self._jobs.get(job_id)

    def _run(self, job: ReadingJob, files: list[tuple[str | None, bytes]]) -> None:
        try:
            add_uploads(self.db, files, job.form, self.reader, on_file=job.added.append)
        except (InputError, PageError) as exc:
            job.error = exc.message if isinstance(exc, PageError) else str(exc)
        except Exception:  # the page says so, the log has the rest; the server goes on
            log.exception("internal error in reading job %s", job.id)
            job.error = "internal error: the server could not read these files"
        finally:
            job.finished = True

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)
