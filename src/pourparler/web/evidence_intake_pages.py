"""The evidence pages that change what the store holds (``pourparler serve --db DB
--review``): adding articles from uploads and web addresses, the reading jobs that fetch and
read them, the followed feeds, and removing a document."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pourparler.errors import InputError
from pourparler.web import render as r
from pourparler.web.context import html, off_loop, same_origin, state_of
from pourparler.web.evidence_add import MAX_ARTICLES_BYTES
from pourparler.web.evidence_pages import evidence_of, form_fields, reviewer_of
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.web.evidence_jobs import ReadingJob, ReadingJobs

JOB_GONE = (
    "no such reading job here (the evidence store keeps the most recent 200, but not the "
    "scheduled reads that found nothing new)"
)


async def remove_document_page(request: Request) -> Response:
    """What removing a document would take with it, and the button that does it."""
    reviewer_of(request)
    reader = evidence_of(request)
    document_id: int = request.path_params["document"]
    doc = await off_loop(state_of(request), lambda: reader.document(document_id))
    return html(r.render("evidence_remove.html", doc=doc, removed=False))


async def remove_document(request: Request) -> Response:
    """Remove a document with its claims and their review history (``evidence remove``); one
    with reviewed claims only when the form's ``force`` box is ticked."""
    same_origin(request)
    reviewer = reviewer_of(request)
    document_id: int = request.path_params["document"]
    fields = dict(await form_fields(request, 4))
    force = fields.get("force") == "yes"
    doc = await off_loop(state_of(request), lambda: reviewer.remove(document_id, force))
    return html(r.render("evidence_remove.html", doc=doc, removed=True))


async def add_articles(request: Request) -> Response:
    """Store the uploaded articles, and the pages at the addresses given, with the claims the
    reader finds in them. Uploads read by the rules reader are read at once; pages to fetch and
    files for the language model go to a job (:mod:`pourparler.web.evidence_jobs`)."""
    from pourparler.web.evidence_add import ArticleForm, add_uploads, check_files, parse_addresses

    same_origin(request)
    state = state_of(request)
    reviewer = reviewer_of(request)
    files, fields = await _read_articles(request)
    addresses = parse_addresses(fields.get("addresses", ""))
    check_files(files, addresses)
    readers = tuple(state.jobs.readers) if state.jobs is not None else ("rules",)
    form = ArticleForm.parse(fields, state.builtin_scenarios(), readers)
    jobs = state.jobs
    slow = addresses or form.reader != "rules"
    if jobs is not None and (slow or await off_loop(state, lambda: _scans(files))):
        job = await off_loop(state, lambda: jobs.start(files, form, addresses))
        return RedirectResponse(f"/evidence/jobs/{job.id}", status_code=303)
    added = await off_loop(state, lambda: add_uploads(reviewer.path, files, form))
    return html(r.render("evidence_added.html", added=added, form=form, job=None))


def _scans(files: list[tuple[str | None, bytes]]) -> bool:
    """Whether any of the uploads is a scanned PDF that OCR will read (seconds a page: read
    in the background, as a job)."""
    from pourparler.evidence.ingest import is_pdf
    from pourparler.evidence.ocr import missing
    from pourparler.evidence.pdf_text import looks_scanned

    if missing() is not None:  # no OCR here: the PDF is refused at once, in one line
        return False
    return any(is_pdf(Path(name or ""), data) and looks_scanned(data) for name, data in files)


async def read_feeds(request: Request) -> Response:
    """Read again the feeds followed for the form's scenario, as jobs of up to 20 feeds each:
    what they list that is not stored yet. To the job's page, or with several jobs to the
    list of jobs."""
    from pourparler.web.evidence_add import ArticleForm

    same_origin(request)
    state = state_of(request)
    reviewer_of(request)
    fields = dict(await form_fields(request, 4))
    form = ArticleForm.parse({"scenario": fields.get("scenario", "")}, state.builtin_scenarios())
    jobs = state.jobs
    assert jobs is not None  # there with --review
    started = await off_loop(state, lambda: jobs.read_followed(form.scenario))
    if not started:
        raise PageError(400, f"scenario: {form.scenario}: no feeds followed for it")
    where = f"/evidence/jobs/{started[0].id}" if len(started) == 1 else "/evidence#jobs"
    return RedirectResponse(where, status_code=303)


async def unfollow_feed(request: Request) -> Response:
    """Stop following a feed (what was stored from it stays)."""
    from pourparler.evidence.followed import unfollow
    from pourparler.web.evidence_review import open_store

    same_origin(request)
    reviewer = reviewer_of(request)
    fields = dict(await form_fields(request, 4))
    raw = fields.get("feed", "")
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 18:  # "²" is a digit to isdigit
        raise PageError(400, f"feed: {raw[:20]!r}: not a feed id")

    def remove() -> None:
        with open_store(reviewer.path) as store:
            try:
                unfollow(store, [int(raw)])
            except InputError:
                raise PageError(404, f"feed {raw}: no such followed feed") from None

    await off_loop(state_of(request), remove)
    return RedirectResponse("/evidence#feeds", status_code=303)


async def stop_job(request: Request) -> Response:
    """Ask a reading job to stop after the article it reads now; back to its page. A job that
    ended already (one an earlier server left interrupted, say) has nothing to stop: its page
    says how it ended."""
    same_origin(request)
    reviewer_of(request)
    jobs = state_of(request).jobs
    job_id = request.path_params["job"]
    if jobs is None or jobs.stop(job_id) is None:
        await _job(request, lambda jobs, job_id: jobs.get(job_id))  # 404 when there is none
    return RedirectResponse(f"/evidence/jobs/{job_id}", status_code=303)


async def reading_job(request: Request) -> Response:
    """How far a job reading articles (fetched pages, or files for the language model) has got;
    when it is done, what became of each; when the server stopped before it was done, what was
    not read."""
    job = await _job(request, lambda jobs, job_id: jobs.get(job_id))
    return html(r.render("evidence_added.html", added=list(job.added), form=job.form, job=job))


async def read_again(request: Request) -> Response:
    """Read the addresses of a job that ended (an interrupted one, say) again, as a new job:
    what was stored already is not fetched again."""
    same_origin(request)
    reviewer_of(request)
    job = await _job(request, lambda jobs, job_id: jobs.again(job_id))
    return RedirectResponse(f"/evidence/jobs/{job.id}", status_code=303)


async def _job(
    request: Request, find: Callable[[ReadingJobs, str], ReadingJob | None]
) -> ReadingJob:
    """The job that ``find`` gives for the request's job id, off the event loop (it may read
    the store); 404 when there is none, or no jobs here."""
    state = state_of(request)
    jobs = state.jobs
    job_id = request.path_params["job"]
    job = await off_loop(state, lambda: find(jobs, job_id)) if jobs is not None else None
    if job is None:
        raise PageError(404, JOB_GONE)
    return job


async def _read_articles(request: Request) -> tuple[list[tuple[str | None, bytes]], dict[str, str]]:
    """The files (name, bytes) and text fields of an article upload, held in memory only."""
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartException, MultiPartParser

    from pourparler.web.evidence_add import (
        ARTICLES_TOO_LARGE,
        MAX_ARTICLES_BODY_BYTES,
        MAX_FILES,
    )

    class InMemory(MultiPartParser):
        spool_max_size = MAX_ARTICLES_BODY_BYTES  # never spooled to disk

    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise PageError(400, "file: expected a multipart/form-data upload")
    parser = InMemory(
        request.headers,
        request.stream(),
        max_files=MAX_FILES,
        max_fields=8,
        max_part_size=64 * 1024,
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise PageError(400, f"file: {exc.message}") from None
    try:
        files: list[tuple[str | None, bytes]] = []
        size = 0
        for part in form.getlist("file"):
            if not isinstance(part, UploadFile):
                continue
            data = await part.read(MAX_ARTICLES_BYTES + 1)
            size += len(data)
            if size > MAX_ARTICLES_BYTES:
                raise PageError(413, ARTICLES_TOO_LARGE)
            if part.filename or data:  # a form sent with no file chosen has one empty part
                files.append((part.filename, data))
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        return files, fields
    finally:
        await form.close()
