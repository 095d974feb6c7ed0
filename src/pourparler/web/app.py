"""The web app: pick or upload a scenario, see it, change it, forecast it, analyse its deals,
simulate the talks month by month, download the results, browse and review the evidence and
apply the scenario updates it supports. Built by
:func:`create_app`; served by ``pourparler serve``.

Work that takes CPU (reading uploads, forecasts, deals, evidence queries) runs on a bounded
thread pool, never on the event loop; a request waits for it at most ``timeout`` seconds.
Every failure is one error page with one line (and, for an invalid scenario, its problems by
field and line); no traceback is shown.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
from collections.abc import AsyncIterator, Collection
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from pourparler.errors import InputError
from pourparler.web import render as r
from pourparler.web.analyses import (
    ANALYSIS_SECONDS,
    ForecastParams,
)
from pourparler.web.cache import Busy, ResultCache, ScenarioStore
from pourparler.web.context import (
    KEY,
    WebState,
    deals_of,
    file_text,
    forecast_of,
    html,
    link_flags,
    off_loop,
    same_origin,
    scenario_of,
    simulation_of,
    state_of,
)
from pourparler.web.downloads import ANALYSES, FORMATS, html_report, result_download, scenario_yaml
from pourparler.web.evidence_intake_pages import (
    add_articles,
    read_again,
    read_feeds,
    reading_job,
    remove_document,
    remove_document_page,
    stop_job,
    unfollow_feed,
)
from pourparler.web.evidence_pages import (
    apply_evidence,
    claim_page,
    claims_download,
    documents_page,
    evidence_page,
    form_fields,
    next_claim,
    review_claim,
    review_page,
    scenario_evidence,
    timeline_download,
    timeline_page,
)
from pourparler.web.evidence_review import EvidenceReviewer
from pourparler.web.failures import PageError, error_for_path, on_error
from pourparler.web.guards import MAX_BODY_BYTES, guarded
from pourparler.web.security import (
    BODY_SECONDS,
    BodyTimeout,
    BodyTooLarge,
)
from pourparler.web.upload import MAX_UPLOAD_BYTES, TOO_LARGE

if TYPE_CHECKING:
    from pourparler.report.deals import DealsReport
    from pourparler.report.forecast import ForecastReport
    from pourparler.scenario import Scenario

log = logging.getLogger("pourparler.web")

DEFAULT_WORKERS = 2


# -- pages -----------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    state = state_of(request)
    builtins = [(name, key, state.scenarios.get(key)) for name, key in state.builtins.items()]
    return html(
        r.render(
            "home.html",
            builtins=builtins,
            max_upload=MAX_UPLOAD_BYTES,
            evidence=state.evidence is not None,
        )
    )


async def builtin(request: Request) -> Response:
    key = state_of(request).builtins.get(request.path_params["name"])
    if key is None:
        raise PageError(404, "no such built-in scenario")
    return RedirectResponse(f"/scenario/{key}", status_code=303)


async def upload(request: Request) -> Response:
    from pourparler.web.upload import scenario_from_upload

    same_origin(request)
    state = state_of(request)
    raw, filename = await _read_upload(request)
    # the same bytes under the same name read the same: read once (a failure is not kept);
    # the name counts, since a table's id and title are made of it (one user's file name is
    # not shown to another who uploads the same bytes)
    digest = hashlib.sha256(raw).hexdigest()
    sc: Scenario = await state.results.get(
        ("upload", digest, filename or ""),
        lambda: scenario_from_upload(raw, filename),
        state.timeout,
        state.quick,
    )
    key = state.scenarios.add(sc)
    return RedirectResponse(f"/scenario/{key}", status_code=303)


async def _read_upload(request: Request) -> tuple[bytes, str | None]:
    """The bytes and file name of the form's ``file`` field, held in memory only."""
    from starlette.datastructures import UploadFile
    from starlette.formparsers import MultiPartException, MultiPartParser

    class InMemory(MultiPartParser):
        spool_max_size = MAX_BODY_BYTES  # never spooled to disk

    if not request.headers.get("content-type", "").startswith("multipart/form-data"):
        raise PageError(400, "file: expected a multipart/form-data upload")
    parser = InMemory(
        request.headers, request.stream(), max_files=1, max_fields=8, max_part_size=64 * 1024
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise PageError(400, f"file: {exc.message}") from None
    try:
        part = form.get("file")
        if not isinstance(part, UploadFile):
            raise PageError(400, "file: no file chosen")
        raw = await part.read(MAX_UPLOAD_BYTES + 1)
        if len(raw) > MAX_UPLOAD_BYTES:
            raise PageError(413, TOO_LARGE)
        return raw, part.filename
    finally:
        await form.close()


async def scenario_page(request: Request) -> Response:
    from pourparler.web.whatif_form import field_value

    key, sc = scenario_of(request)
    flags = link_flags(request)

    def page() -> str:
        positions = [(a, [(i, sc.stance(a.id, i.id)) for i in sc.issues]) for a in sc.actors]
        return r.render(
            "scenario.html",
            key=key,
            sc=sc,
            positions=positions,
            field_value=field_value,
            **flags,
        )

    # a large scenario's page is a large table: rendered once, off the event loop
    return html(await file_text(request, ("scenario.html", key), page))


async def whatif(request: Request) -> Response:
    from pourparler.web.whatif_form import MAX_FIELDS, apply_form

    same_origin(request)
    key, sc = scenario_of(request)
    state = state_of(request)
    items = await form_fields(request, MAX_FIELDS + 4)
    changed = await off_loop(state, lambda: apply_form(sc, items))
    new_key = state.scenarios.add(changed)
    return RedirectResponse(f"/scenario/{new_key}/analysis?from={key}", status_code=303)


async def simulate_page(request: Request) -> Response:
    from pourparler.web.simulation import MAX_RUNS, SimulationParams, simulation_view

    key, sc = scenario_of(request)
    result = await simulation_of(request, sc, key)
    return html(
        r.render(
            "simulate.html",
            key=key,
            sc=sc,
            view=simulation_view(sc, result),
            max_runs=MAX_RUNS,
            sim_query=SimulationParams.parse(dict(request.query_params)).query(),
            **link_flags(request),
        )
    )


async def forecast_page(request: Request) -> Response:
    key, sc = scenario_of(request)
    report = await forecast_of(request, sc, key)
    return html(
        r.render(
            "forecast.html",
            key=key,
            sc=sc,
            report=report,
            rows=r.forecast_rows(report),
            query=ForecastParams.parse(dict(request.query_params)).query(),
            **link_flags(request),
        )
    )


async def deals_page(request: Request) -> Response:
    key, sc = scenario_of(request)
    report = await deals_of(request, sc, key)
    return html(
        r.render(
            "deals.html",
            key=key,
            sc=sc,
            deals=r.deals_view(report.to_data()),
            **link_flags(request),
        )
    )


async def analysis_page(request: Request) -> Response:
    key, sc = scenario_of(request)
    state = state_of(request)
    base = request.query_params.get("from", "")
    parent = state.scenarios.get(base) if KEY.match(base) else None
    if parent is not None and parent.id != sc.id:  # not what this one was changed from
        parent = None
    compared = parent is not None and base != key

    async def analyses(s: Scenario, k: str) -> tuple[ForecastReport, DealsReport]:
        return await asyncio.gather(forecast_of(request, s, k), deals_of(request, s, k))

    deals_before = None
    if parent is not None and compared:
        # the scenario it was changed from, side by side and with the same seed and draws: the
        # change is the scenario's, not the draws'
        (forecast, deals), (was, was_deals) = await asyncio.gather(
            analyses(sc, key), analyses(parent, base)
        )
        rows = r.forecast_rows(forecast)
        r.add_before(rows, r.forecast_rows(was))
        deals_before = r.deals_view(was_deals.to_data())
    else:
        forecast, deals = await analyses(sc, key)
        rows = r.forecast_rows(forecast)
    return html(
        r.render(
            "analysis.html",
            key=key,
            sc=sc,
            parent=base if parent is not None else None,
            compared=compared,
            report=forecast,
            rows=rows,
            deals=r.deals_view(deals.to_data()),
            deals_before=deals_before,
            query=ForecastParams.parse(dict(request.query_params)).query(),
            **link_flags(request),
        )
    )


# -- static files and errors -----------------------------------------------------------------


async def stylesheet(request: Request) -> Response:
    return Response(
        _style(), media_type="text/css", headers={"cache-control": "public, max-age=3600"}
    )


def _style() -> str:
    from importlib.resources import files

    return files("pourparler.web").joinpath("static/style.css").read_text(encoding="utf-8")


async def body_too_slow(request: Request, exc: Exception) -> Response:
    return error_for_path(request.url.path, 408, f"request too slow: {exc}")


async def health(request: Request) -> Response:
    return Response("ok\n", media_type="text/plain")


async def favicon(request: Request) -> Response:
    from pourparler.web.favicon import favicon_bytes

    return Response(
        favicon_bytes(),
        media_type="image/x-icon",
        headers={"cache-control": "public, max-age=86400"},
    )


def _report_available() -> bool:
    """Whether ``pourparler.report.html`` and what it needs (the ``report`` extra) are here."""
    import importlib.util

    try:
        return all(
            importlib.util.find_spec(m) is not None
            for m in ("pourparler.report.html", "vl_convert", "jinja2")
        )
    except ImportError:
        return False


def create_app(
    *,
    db: Path | None = None,
    review: bool = False,
    llm: bool = False,
    fetch_internal: bool = False,
    read_feeds_every: float | None = None,
    read_feeds_with: str = "rules",
    workers: int = DEFAULT_WORKERS,
    timeout: float = ANALYSIS_SECONDS,
    body_timeout: float = BODY_SECONDS,
    allowed_hosts: Collection[str] | None = (),
) -> Any:
    """The ASGI app. ``db``: the evidence store to browse (given by the operator, never by a
    request); ``review``: whether the browser may accept, reject and correct its claims and
    add articles; ``llm``: whether added articles may be read by the language model;
    ``fetch_internal``: whether the add form may fetch pages from internal addresses (the
    server's own machine and network), for a server no one else can reach;
    ``read_feeds_every``: seconds between readings of the feeds followed for the built-in
    scenarios, the first at start-up (None: only when asked), by ``read_feeds_with``
    (``rules``, or ``llm`` with ``llm``);
    ``workers``: threads for the analyses; ``timeout``: seconds a request waits;
    ``body_timeout``: seconds a request's body may take to arrive (then 408);
    ``allowed_hosts``: the names, besides addresses and ``localhost``, that a request may call
    the server by (others are refused, see :func:`security.safe_host`; by default none, so that
    ``uvicorn --factory`` serves addresses and localhost only; None: any name, for a server
    behind a proxy that checks them itself)."""
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names
    from pourparler.web.evidence_view import EvidenceReader

    if workers < 1:
        raise InputError(f"--workers: must be at least 1, got {workers}")
    if not timeout > 0:
        raise InputError(f"--timeout: must be positive, got {timeout}")
    if not body_timeout > 0:
        raise InputError(f"body_timeout: must be positive, got {body_timeout}")
    if review and db is None:
        raise InputError("--review: needs --db, the evidence store to review")
    evidence = EvidenceReader(db) if db is not None else None
    reviewer = EvidenceReviewer(db) if review and db is not None else None
    if llm and reviewer is None:
        raise InputError("--llm: needs --db and --review (the model's claims are stored)")
    if fetch_internal and reviewer is None:
        raise InputError("--fetch-internal: needs --db and --review (fetched pages are stored)")
    if read_feeds_every is not None and reviewer is None:
        raise InputError("--read-feeds-every: needs --db and --review (read articles are stored)")
    if read_feeds_every is not None and not read_feeds_every > 0:
        raise InputError(f"--read-feeds-every: must be positive, got {read_feeds_every}")
    jobs = None
    if reviewer is not None:
        from pourparler.evidence.readers import make_reader
        from pourparler.web.evidence_jobs import ReadingJobs

        readers = ("rules", "llm") if llm else ("rules",)
        jobs = ReadingJobs(
            reviewer.path, {name: make_reader(name) for name in readers}, not fetch_internal
        )
    if jobs is not None and read_feeds_every is not None:
        jobs.read_followed_every(read_feeds_every, builtin_names(), read_feeds_with)
    executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pourparler-web")
    # the evidence pages, reviews, uploads and downloads' text never wait behind analyses
    quick = ThreadPoolExecutor(max_workers=max(2, workers), thread_name_prefix="pourparler-quick")
    scenarios = ScenarioStore()
    builtins = {name: scenarios.pin(load_scenario(name)) for name in builtin_names()}
    state = WebState(
        scenarios=scenarios,
        results=ResultCache(executor),
        executor=executor,
        quick=quick,
        builtins=builtins,
        evidence=evidence,
        reviewer=reviewer,
        jobs=jobs,
        timeout=timeout,
        report_available=_report_available(),
    )
    routes = [
        Route("/", home),
        Route("/healthz", health),
        Route("/static/style.css", stylesheet),
        Route("/favicon.ico", favicon),
        Route("/builtin/{name}", builtin),
        Route("/upload", upload, methods=["POST"]),
        Route("/scenario/{key}", scenario_page),
        Route("/scenario/{key}/whatif", whatif, methods=["POST"]),
        Route("/scenario/{key}/analysis", analysis_page),
        Route("/scenario/{key}/forecast", forecast_page),
        Route("/scenario/{key}/deals", deals_page),
        Route("/scenario/{key}/simulate", simulate_page),
        Route("/scenario/{key}/scenario.yaml", scenario_yaml),
        *(
            Route(f"/scenario/{{key}}/{kind}.{fmt}", result_download(kind, fmt))
            for kind in ANALYSES
            for fmt in FORMATS
        ),
        Route("/scenario/{key}/report.html", html_report),
        Route("/scenario/{key}/evidence", scenario_evidence),
        Route("/scenario/{key}/evidence/apply", apply_evidence, methods=["POST"]),
        Route("/evidence", evidence_page),
        Route("/evidence/documents", documents_page),
        Route("/evidence/document/{document:int}/remove", remove_document_page),
        Route("/evidence/document/{document:int}/remove", remove_document, methods=["POST"]),
        Route("/evidence/claims.csv", claims_download("csv")),
        Route("/evidence/claims.json", claims_download("json")),
        Route("/evidence/next", next_claim),
        Route("/evidence/timeline", timeline_page),
        Route("/evidence/timeline.csv", timeline_download("csv")),
        Route("/evidence/timeline.json", timeline_download("json")),
        Route("/evidence/review", review_page, methods=["POST"]),
        Route("/evidence/add", add_articles, methods=["POST"]),
        Route("/evidence/jobs/{job}", reading_job),
        Route("/evidence/jobs/{job}/stop", stop_job, methods=["POST"]),
        Route("/evidence/jobs/{job}/again", read_again, methods=["POST"]),
        Route("/evidence/feeds/read", read_feeds, methods=["POST"]),
        Route("/evidence/feeds/unfollow", unfollow_feed, methods=["POST"]),
        Route("/evidence/claim/{claim:int}", claim_page),
        Route("/evidence/claim/{claim:int}/review", review_claim, methods=["POST"]),
    ]
    handlers: dict[Any, Any] = {Exception: on_error, HTTPException: on_error}
    for kind in (PageError, InputError, BodyTooLarge, Busy, TimeoutError, ClientDisconnect):
        handlers[kind] = on_error
    handlers[BodyTimeout] = body_too_slow

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        yield
        executor.shutdown(wait=False, cancel_futures=True)
        quick.shutdown(wait=False, cancel_futures=True)
        if jobs is not None:
            jobs.shutdown()

    app = Starlette(routes=routes, exception_handlers=handlers, lifespan=lifespan)
    app.state.web = state

    changes = {  # the routes that change the evidence store: reviewer_of refuses them
        remove_document,
        review_page,
        add_articles,
        stop_job,
        read_again,
        read_feeds,
        unfollow_feed,
        review_claim,
    }
    return guarded(
        app,
        routes,
        changes,
        has_store=evidence is not None,
        review=reviewer is not None,
        allowed_hosts=allowed_hosts,
        body_timeout=body_timeout,
    )
