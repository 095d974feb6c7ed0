"""The web app's evidence pages: the claims of the store the server was started with
(``--db``), a page at a time and one by one with their review history; with ``--review`` the
forms that accept, reject and correct claims; and a scenario's updates from the evidence
(adding articles, reading jobs, followed feeds and removing documents:
:mod:`~pourparler.web.evidence_intake_pages`). The work itself is in
:mod:`~pourparler.web.evidence_view` (reading), :mod:`~pourparler.web.evidence_review`,
:mod:`~pourparler.web.evidence_add` (writing) and :mod:`~pourparler.web.evidence_suggest`;
these handlers parse requests and render pages."""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from pourparler.web import render as r
from pourparler.web.context import html, link_flags, off_loop, same_origin, scenario_of, state_of
from pourparler.web.evidence_add import MAX_ARTICLES_BYTES
from pourparler.web.evidence_query import ClaimFilter
from pourparler.web.evidence_review import ReviewForm
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.web.evidence_review import EvidenceReviewer
    from pourparler.web.evidence_timeline import Timeline
    from pourparler.web.evidence_view import EvidenceReader


async def evidence_page(request: Request) -> Response:
    from pourparler.scenario import DEFAULT_SCENARIO
    from pourparler.web.evidence_add import MAX_FILES

    state = state_of(request)
    reader = evidence_of(request)
    filters = _filters(request)
    page_no = _whole(request.query_params.get("page") or "1", "page")
    page = await off_loop(state, lambda: reader.page(filters, page_no))
    feeds = await off_loop(state, reader.feeds)
    jobs = await off_loop(state, state.jobs.recent) if state.jobs is not None else []
    return html(
        r.render(
            "evidence.html",
            page=page,
            feeds=feeds,
            jobs=jobs,
            review=state.reviewer is not None,
            llm_model=state.jobs.model("llm") if state.jobs is not None else None,
            public_only=state.jobs is None or state.jobs.public_only,
            builtins=tuple(state.builtins),
            default_scenario=DEFAULT_SCENARIO,
            voices={a.id: a.name for sc in state.builtin_scenarios().values() for a in sc.actors},
            max_files=MAX_FILES,
            max_bytes=MAX_ARTICLES_BYTES,
            ocr=state.reviewer is not None and _ocr_ready(),
        )
    )


def _ocr_ready() -> bool:
    """Whether a scanned PDF added here would be read by OCR (the extra and Tesseract)."""
    from pourparler.evidence.ocr import missing

    return missing() is None


def claims_download(fmt: str) -> Callable[[Request], Awaitable[Response]]:
    """The claims the list shows with the query's filters, every page, as JSON (the object
    ``pourparler evidence claims --json`` prints) or formula-safe CSV (needs pandas)."""

    async def handler(request: Request) -> Response:
        from pourparler.report.evidence import ClaimsReport
        from pourparler.web.downloads import download, need_pandas, result_text

        state = state_of(request)
        reader = evidence_of(request)
        filters = _filters(request)
        if fmt == "csv":
            need_pandas()

        def make() -> str:
            claims = reader.all_claims(filters)
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
    reader = evidence_of(request)
    walked = dataclasses.replace(_filters(request), status=None)
    after = _whole(request.query_params.get("after") or "0", "after")
    found = await off_loop(state, lambda: reader.next_pending(after, walked))
    if found is None:  # nothing left to review: the list, filtered as the walk was
        pending = {**walked.link(), "status": "pending"}
        return RedirectResponse(address("/evidence", **pending), status_code=303)
    back = address("/evidence/next", **walked.link(), after=found)
    return RedirectResponse(address(f"/evidence/claim/{found}", back=back, walk=1), status_code=303)


async def documents_page(request: Request) -> Response:
    """The stored documents with their claims counted, 50 a page."""
    state = state_of(request)
    reader = evidence_of(request)
    page_no = _whole(request.query_params.get("page") or "1", "page")
    text = _words(request.query_params.get("text"))
    page = await off_loop(state, lambda: reader.documents(page_no, text))
    return html(r.render("evidence_documents.html", page=page, review=state.reviewer is not None))


MAX_SEARCH = 200  # characters of the words searched for


def _filters(request: Request) -> ClaimFilter:
    """The evidence list's filters in the request's query (empty: any)."""
    q = request.query_params

    def whole(name: str) -> int | None:
        raw = q.get(name) or None
        return None if raw is None else _whole(raw, name)

    return ClaimFilter(
        q.get("actor") or None,
        q.get("issue") or None,
        q.get("status") or None,
        whole("document"),
        whole("since"),
        _words(q.get("text")),
    )


def _words(raw: str | None) -> str | None:
    """The words of a ``text`` field (None: none), at most :data:`MAX_SEARCH` characters."""
    text = " ".join((raw or "").split()) or None
    if text is not None and len(text) > MAX_SEARCH:
        raise PageError(400, f"text: longer than {MAX_SEARCH} characters")
    return text


def _whole(raw: str, name: str) -> int:
    from pourparler.web.analyses import shown_number, whole_number

    value = whole_number(raw)
    if value is None:
        raise PageError(400, f"{name}: {raw[:40]!r}: not a whole number")
    if abs(value) > 2**63 - 1:  # beyond any id or page the store can hold
        raise PageError(400, f"{name}: {shown_number(raw, value)}: too large")
    return value


async def scenario_evidence(request: Request) -> Response:
    """The updates to a scenario that the store's claims about it support."""
    from pourparler.web.evidence_suggest import SuggestParams, suggestions

    key, sc = scenario_of(request)
    state = state_of(request)
    reader = evidence_of(request)
    params = SuggestParams.parse(dict(request.query_params))
    found = await off_loop(state, lambda: suggestions(reader, sc, params))
    return html(
        r.render(
            "scenario_evidence.html",
            key=key,
            sc=sc,
            found=found,
            builtin=sc.id in state.builtins,
            **link_flags(request),
        )
    )


async def apply_evidence(request: Request) -> Response:
    """The scenario with the updates the evidence supports, opened for analysis."""
    from pourparler.web.evidence_suggest import SuggestParams, suggestions, updated_scenario

    same_origin(request)
    key, sc = scenario_of(request)
    state = state_of(request)
    reader = evidence_of(request)
    fields = dict(await form_fields(request, 8))
    params = SuggestParams.parse(fields)
    changed = await off_loop(state, lambda: updated_scenario(sc, suggestions(reader, sc, params)))
    new_key = state.scenarios.add(changed)
    return RedirectResponse(f"/scenario/{new_key}/analysis?from={key}", status_code=303)


NO_STORE = "no evidence store: start the server with --db"
REVIEW_OFF = "changes to the evidence store are off: start the server with --db DB --review"


def evidence_of(request: Request) -> EvidenceReader:
    reader = state_of(request).evidence
    if reader is None:
        raise PageError(404, NO_STORE)
    return reader


def reviewer_of(request: Request) -> EvidenceReviewer:
    state = state_of(request)
    evidence_of(request)
    if state.reviewer is None:
        raise PageError(403, REVIEW_OFF)
    return state.reviewer


async def timeline_page(request: Request) -> Response:
    """One actor's stances on one issue over time (``actor``, ``issue``; ``scenario``, a
    built-in one, labels the chart: default the default scenario)."""
    found = await _timeline(request)
    return html(r.render("evidence_timeline.html", t=found))


def timeline_download(fmt: str) -> Callable[[Request], Awaitable[Response]]:
    """The timeline's claims as JSON (the object ``pourparler evidence timeline --json``
    prints) or formula-safe CSV (needs pandas)."""

    async def handler(request: Request) -> Response:
        from pourparler.report.evidence import TimelineEvent, TimelineReport
        from pourparler.web.downloads import download, need_pandas, result_text

        if fmt == "csv":
            need_pandas()
        t = await _timeline(request)
        events = tuple(TimelineEvent.of(c) for c in t.claims)
        text = result_text(TimelineReport(t.actor, t.issue, events, t.rejected), fmt)
        kind = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
        return download(text, kind, f"evidence-timeline-{t.actor}-{t.issue}.{fmt}")

    return handler


async def _timeline(request: Request) -> Timeline:
    """The timeline the request's query asks for (bad input: 400 naming the field)."""
    from pourparler.scenario import DEFAULT_SCENARIO, load_scenario
    from pourparler.web.evidence_timeline import check_names, timeline

    state = state_of(request)
    reader = evidence_of(request)
    q = request.query_params
    actor, issue = (q.get("actor") or "").strip(), (q.get("issue") or "").strip()
    check_names(actor, issue)
    name = q.get("scenario") or DEFAULT_SCENARIO
    if name not in state.builtins:
        raise PageError(
            400,
            f"scenario: {name[:40]!r}: not a built-in scenario (known: "
            f"{', '.join(state.builtins)})",
        )
    return await off_loop(state, lambda: timeline(reader, actor, issue, load_scenario(name)))


async def claim_page(request: Request) -> Response:
    state = state_of(request)
    reader = evidence_of(request)
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
    reviewer = reviewer_of(request)
    claim_id: int = request.path_params["claim"]
    fields = dict(await form_fields(request, 16))
    review = ReviewForm.parse(fields)
    await off_loop(state_of(request), lambda: reviewer.apply(claim_id, review))
    return RedirectResponse(_back(fields.get("back"), claim_id), status_code=303)


async def review_page(request: Request) -> Response:
    """Accept or reject every claim the form lists (the pending claims of a page)."""
    from pourparler.web.evidence_review import MAX_CLAIMS

    same_origin(request)
    reviewer = reviewer_of(request)
    items = await form_fields(request, MAX_CLAIMS + 4)
    raw_ids = [v for k, v in items if k == "claim"]
    action = next((v for k, v in items if k == "action"), "")
    back = next((v for k, v in items if k == "back"), "")
    try:
        ids = [int(v) for v in raw_ids]
    except ValueError:
        raise PageError(400, "claim: expected claim ids (whole numbers)") from None
    await off_loop(state_of(request), lambda: reviewer.apply_all(ids, action))
    return RedirectResponse(_back(back, 0, "/evidence"), status_code=303)


FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


async def form_fields(request: Request, max_fields: int) -> list[tuple[str, str]]:
    """The text fields of a posted form (no files, each at most 8 KiB); a form over those
    limits, one that cannot be parsed, or a body of another type (JSON, say, which would
    read as an empty form) is one line of bad input."""
    from starlette.exceptions import HTTPException

    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media and media not in FORM_TYPES:
        raise PageError(400, f"form: {media[:60]!r}: expected {' or '.join(FORM_TYPES)}")
    try:
        async with request.form(max_fields=max_fields, max_files=0, max_part_size=8 * 1024) as form:
            return [(k, v) for k, v in form.multi_items() if isinstance(v, str)]
    except HTTPException as exc:
        raise PageError(400, f"form: {exc.detail}") from None


def _back(target: str | None, claim_id: int, default: str | None = None) -> str:
    """Where a review returns to: a page of the evidence browser named by the form (never
    another site, nor a page outside the browser: ``/evidence/../`` is the site's root, and
    ``%2e%2e`` is decoded before a browser resolves it), else the claim's own page."""
    if target and "//" not in target and "\\" not in target:
        from urllib.parse import unquote

        path = unquote(target.split("?", 1)[0].split("#", 1)[0])
        segments = path.split("/")
        if segments[:2] == ["", "evidence"] and not {".", ".."} & set(segments):
            return target
    return default or f"/evidence/claim/{claim_id}"
