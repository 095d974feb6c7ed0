"""The web app's evidence pages: the claims of the store the server was started with
(``--db``), a page at a time and one by one with their review history; with ``--review`` the
forms that accept, reject and correct claims and add articles; and a scenario's updates from
the evidence. The work itself is in :mod:`~pourparler.web.evidence_view` (reading),
:mod:`~pourparler.web.evidence_review`, :mod:`~pourparler.web.evidence_add` (writing) and
:mod:`~pourparler.web.evidence_suggest`; these handlers parse requests and render pages."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pourparler.errors import InputError
from pourparler.web import render as r
from pourparler.web.context import html, link_flags, off_loop, same_origin, scenario_of, state_of
from pourparler.web.evidence_add import MAX_ARTICLES_BYTES
from pourparler.web.evidence_review import ReviewForm
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.web.evidence_review import EvidenceReviewer
    from pourparler.web.evidence_view import EvidenceReader


JOB_GONE = "no such reading job here (jobs are kept in memory, the most recent 50)"


async def evidence_page(request: Request) -> Response:
    from pourparler.scenario import DEFAULT_SCENARIO
    from pourparler.web.evidence_add import MAX_FILES

    state = state_of(request)
    reader = _evidence(request)
    actor, issue, status, document = _filters(request)
    page_no = _whole(request.query_params.get("page") or "1", "page")
    page = await off_loop(state, lambda: reader.page(actor, issue, page_no, status, document))
    feeds = await off_loop(state, reader.feeds)
    return html(
        r.render(
            "evidence.html",
            page=page,
            feeds=feeds,
            review=state.reviewer is not None,
            llm_model=state.jobs.model("llm") if state.jobs is not None else None,
            public_only=state.jobs is None or state.jobs.public_only,
            builtins=tuple(state.builtins),
            default_scenario=DEFAULT_SCENARIO,
            max_files=MAX_FILES,
            max_bytes=MAX_ARTICLES_BYTES,
        )
    )


def claims_download(fmt: str) -> Callable[[Request], Awaitable[Response]]:
    """The claims the list shows with the query's filters, every page, as JSON (the object
    ``pourparler evidence claims --json`` prints) or formula-safe CSV (needs pandas)."""

    async def handler(request: Request) -> Response:
        from pourparler.report.evidence import ClaimsReport
        from pourparler.web.downloads import download, need_pandas, result_text

        state = state_of(request)
        reader = _evidence(request)
        actor, issue, status, document = _filters(request)
        if fmt == "csv":
            need_pandas()

        def make() -> str:
            claims = reader.all_claims(actor, issue, status, document)
            return result_text(ClaimsReport(claims), fmt)

        text = await off_loop(state, make)
        kind = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
        return download(text, kind, f"evidence-claims.{fmt}")

    return handler


async def next_claim(request: Request) -> Response:
    """One pending claim at a time: the page of the next pending claim (after ``after``, with
    the list's filters), whose review forms come back here for the one after it."""
    from pourparler.web.evidence_view import address

    state = state_of(request)
    reader = _evidence(request)
    actor, issue, _, document = _filters(request)
    after = _whole(request.query_params.get("after") or "0", "after")
    found = await off_loop(state, lambda: reader.next_pending(after, actor, issue, document))
    filters = {"actor": actor, "issue": issue, "document": document}
    if found is None:  # nothing left to review: the list, filtered as the walk was
        return RedirectResponse(address("/evidence", **filters, status="pending"), status_code=303)
    back = address("/evidence/next", **filters, after=found)
    return RedirectResponse(address(f"/evidence/claim/{found}", back=back, walk=1), status_code=303)


async def documents_page(request: Request) -> Response:
    """The stored documents with their claims counted, 50 a page."""
    state = state_of(request)
    reader = _evidence(request)
    page_no = _whole(request.query_params.get("page") or "1", "page")
    page = await off_loop(state, lambda: reader.documents(page_no))
    return html(r.render("evidence_documents.html", page=page, review=state.reviewer is not None))


async def remove_document_page(request: Request) -> Response:
    """What removing a document would take with it, and the button that does it."""
    _reviewer(request)
    reader = _evidence(request)
    document_id: int = request.path_params["document"]
    doc = await off_loop(state_of(request), lambda: reader.document(document_id))
    return html(r.render("evidence_remove.html", doc=doc, removed=False))


async def remove_document(request: Request) -> Response:
    """Remove a document with its claims and their review history (``evidence remove``); one
    with reviewed claims only when the form's ``force`` box is ticked."""
    same_origin(request)
    reviewer = _reviewer(request)
    document_id: int = request.path_params["document"]
    fields = dict(await _form(request, 4))
    force = fields.get("force") == "yes"
    doc = await off_loop(state_of(request), lambda: reviewer.remove(document_id, force))
    return html(r.render("evidence_remove.html", doc=doc, removed=True))


def _filters(request: Request) -> tuple[str | None, str | None, str | None, int | None]:
    """The evidence list's filters in the request's query: actor, issue, review status and
    document id (None: any)."""
    q = request.query_params
    raw_document = q.get("document") or None
    document = None if raw_document is None else _whole(raw_document, "document")
    return q.get("actor") or None, q.get("issue") or None, q.get("status") or None, document


def _whole(raw: str, name: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise PageError(400, f"{name}: {raw[:40]!r}: not a whole number") from None


async def scenario_evidence(request: Request) -> Response:
    """The updates to a scenario that the store's claims about it support."""
    from pourparler.web.evidence_suggest import SuggestParams, suggestions

    key, sc = scenario_of(request)
    state = state_of(request)
    reader = _evidence(request)
    params = SuggestParams.parse(dict(request.query_params))
    found = await off_loop(state, lambda: suggestions(reader, sc, params))
    return html(
        r.render(
            "scenario_evidence.html",
            key=key,
            sc=sc,
            found=found,
            **link_flags(request),
        )
    )


async def apply_evidence(request: Request) -> Response:
    """The scenario with the updates the evidence supports, opened for analysis."""
    from pourparler.web.evidence_suggest import SuggestParams, suggestions, updated_scenario

    same_origin(request)
    key, sc = scenario_of(request)
    state = state_of(request)
    reader = _evidence(request)
    fields = dict(await _form(request, 8))
    params = SuggestParams.parse(fields)
    changed = await off_loop(state, lambda: updated_scenario(sc, suggestions(reader, sc, params)))
    new_key = state.scenarios.add(changed)
    return RedirectResponse(f"/scenario/{new_key}/analysis?from={key}", status_code=303)


async def add_articles(request: Request) -> Response:
    """Store the uploaded articles, and the pages at the addresses given, with the claims the
    reader finds in them. Uploads read by the rules reader are read at once; pages to fetch and
    files for the language model go to a job (:mod:`pourparler.web.evidence_jobs`)."""
    from pourparler.web.evidence_add import ArticleForm, add_uploads, check_files, parse_addresses

    same_origin(request)
    state = state_of(request)
    reviewer = _reviewer(request)
    files, fields = await _read_articles(request)
    addresses = parse_addresses(fields.get("addresses", ""))
    check_files(files, addresses)
    readers = tuple(state.jobs.readers) if state.jobs is not None else ("rules",)
    form = ArticleForm.parse(fields, tuple(state.builtins), readers)
    if state.jobs is not None and (addresses or form.reader != "rules"):
        job = state.jobs.start(files, form, addresses)
        return RedirectResponse(f"/evidence/jobs/{job.id}", status_code=303)
    added = await off_loop(state, lambda: add_uploads(reviewer.path, files, form))
    return html(r.render("evidence_added.html", added=added, form=form, job=None))


async def read_feeds(request: Request) -> Response:
    """Read again the feeds followed for the form's scenario, as a job: what they list that
    is not stored yet."""
    from pourparler.evidence.followed import followed
    from pourparler.web.evidence_add import ArticleForm
    from pourparler.web.evidence_review import open_store

    same_origin(request)
    state = state_of(request)
    reviewer = _reviewer(request)
    fields = dict(await _form(request, 4))
    form = ArticleForm.parse({"scenario": fields.get("scenario", "")}, tuple(state.builtins))

    def urls() -> list[str]:
        with open_store(reviewer.path) as store:
            return [f.url for f in followed(store, form.scenario)]

    addresses = await off_loop(state, urls)
    if not addresses:
        raise PageError(400, f"scenario: {form.scenario}: no feeds followed for it")
    assert state.jobs is not None  # there with --review
    job = state.jobs.start([], form, addresses)
    return RedirectResponse(f"/evidence/jobs/{job.id}", status_code=303)


async def unfollow_feed(request: Request) -> Response:
    """Stop following a feed (what was stored from it stays)."""
    from pourparler.evidence.followed import unfollow
    from pourparler.web.evidence_review import open_store

    same_origin(request)
    reviewer = _reviewer(request)
    fields = dict(await _form(request, 4))
    raw = fields.get("feed", "")
    if not raw.isdigit() or len(raw) > 18:
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
    """Ask a reading job to stop after the article it reads now; back to its page."""
    same_origin(request)
    _reviewer(request)
    jobs = state_of(request).jobs
    job_id = request.path_params["job"]
    if jobs is None or jobs.stop(job_id) is None:
        raise PageError(404, JOB_GONE)
    return RedirectResponse(f"/evidence/jobs/{job_id}", status_code=303)


async def reading_job(request: Request) -> Response:
    """How far a job reading articles (fetched pages, or files for the language model) has got;
    when it is done, what became of each."""
    jobs = state_of(request).jobs
    job = jobs.get(request.path_params["job"]) if jobs is not None else None
    if job is None:
        raise PageError(404, JOB_GONE)
    return html(r.render("evidence_added.html", added=list(job.added), form=job.form, job=job))


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


def _evidence(request: Request) -> EvidenceReader:
    reader = state_of(request).evidence
    if reader is None:
        raise PageError(404, "no evidence store: start the server with --db")
    return reader


def _reviewer(request: Request) -> EvidenceReviewer:
    state = state_of(request)
    _evidence(request)
    if state.reviewer is None:
        raise PageError(
            403, "changes to the evidence store are off: start the server with --db DB --review"
        )
    return state.reviewer


async def claim_page(request: Request) -> Response:
    state = state_of(request)
    reader = _evidence(request)
    claim_id: int = request.path_params["claim"]
    view = await off_loop(state, lambda: reader.claim(claim_id))
    return html(
        r.render(
            "evidence_claim.html",
            view=view,
            review=state.reviewer is not None,
            back=_back(request.query_params.get("back"), claim_id),
            walk=request.query_params.get("walk") == "1",
        )
    )


async def review_claim(request: Request) -> Response:
    same_origin(request)
    reviewer = _reviewer(request)
    claim_id: int = request.path_params["claim"]
    fields = dict(await _form(request, 16))
    review = ReviewForm.parse(fields)
    await off_loop(state_of(request), lambda: reviewer.apply(claim_id, review))
    return RedirectResponse(_back(fields.get("back"), claim_id), status_code=303)


async def review_page(request: Request) -> Response:
    """Accept or reject every claim the form lists (the pending claims of a page)."""
    from pourparler.web.evidence_review import MAX_CLAIMS

    same_origin(request)
    reviewer = _reviewer(request)
    items = await _form(request, MAX_CLAIMS + 4)
    raw_ids = [v for k, v in items if k == "claim"]
    action = next((v for k, v in items if k == "action"), "")
    back = next((v for k, v in items if k == "back"), "")
    try:
        ids = [int(v) for v in raw_ids]
    except ValueError:
        raise PageError(400, "claim: expected claim ids (whole numbers)") from None
    await off_loop(state_of(request), lambda: reviewer.apply_all(ids, action))
    return RedirectResponse(_back(back, 0, "/evidence"), status_code=303)


async def _form(request: Request, max_fields: int) -> list[tuple[str, str]]:
    """The text fields of a posted form (no files, each at most 8 KiB); a form over those
    limits, or one that cannot be parsed, is one line of bad input."""
    from starlette.exceptions import HTTPException

    try:
        async with request.form(max_fields=max_fields, max_files=0, max_part_size=8 * 1024) as form:
            return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    except HTTPException as exc:
        raise PageError(400, f"form: {exc.detail}") from None


def _back(target: str | None, claim_id: int, default: str | None = None) -> str:
    """Where a review returns to: a page of the evidence browser named by the form (never
    another site), else the claim's own page."""
    if target and target.startswith("/evidence") and "//" not in target and "\\" not in target:
        return target
    return default or f"/evidence/claim/{claim_id}"
