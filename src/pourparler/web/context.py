"""What every request handler of the web app shares: the app's state, the scenario a request
names, work on the worker pool, and the analyses kept with the results (each computed once per
scenario and parameters)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from starlette.requests import Request
from starlette.responses import HTMLResponse

from pourparler.web.analyses import ForecastParams, run_forecast
from pourparler.web.cache import ResultCache, ScenarioStore
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.report.deals import DealsReport
    from pourparler.report.forecast import ForecastReport
    from pourparler.report.simulation import SimulationResult
    from pourparler.scenario import Scenario
    from pourparler.web.evidence_jobs import ReadingJobs
    from pourparler.web.evidence_review import EvidenceReviewer
    from pourparler.web.evidence_view import EvidenceReader

T = TypeVar("T")
KEY = re.compile(r"^[0-9a-f]{64}$")


@dataclass
class WebState:
    """What the app holds while it runs."""

    scenarios: ScenarioStore
    results: ResultCache
    executor: ThreadPoolExecutor  # the analyses
    quick: ThreadPoolExecutor  # the store's reads and writes, uploads, downloads' text
    builtins: dict[str, str]  # name -> digest
    evidence: EvidenceReader | None
    reviewer: EvidenceReviewer | None  # with serve --review: reviews write to the store
    jobs: ReadingJobs | None  # with serve --review: pages fetched, files read by the model
    timeout: float
    report_available: bool

    def builtin_scenarios(self) -> dict[str, Scenario]:
        """The built-in scenarios by name, as the app pinned them at start (not read again)."""
        pinned = {name: self.scenarios.get(key) for name, key in self.builtins.items()}
        return {name: sc for name, sc in pinned.items() if sc is not None}


def state_of(request: Request) -> WebState:
    state: WebState = request.app.state.web
    return state


async def off_loop(state: WebState, fn: Callable[[], T]) -> T:
    """``fn()`` on the pool of quick work (never queued behind the analyses), waited for at
    most the app's time limit."""
    loop = asyncio.get_running_loop()
    try:
        return await asyncio.wait_for(loop.run_in_executor(state.quick, fn), state.timeout)
    except TimeoutError:
        raise PageError(
            503, f"the server did not answer within {state.timeout:g} s; try again shortly"
        ) from None


def link_flags(request: Request) -> dict[str, bool]:
    """What the scenario pages' links offer besides the analyses: the HTML report (when its
    extra is here) and the evidence updates (with ``--db``)."""
    state = state_of(request)
    return {
        "report_available": state.report_available,
        "evidence_available": state.evidence is not None,
    }


def html(body: str, status: int = 200) -> HTMLResponse:
    return HTMLResponse(body, status_code=status)


def scenario_of(request: Request) -> tuple[str, Scenario]:
    key = request.path_params["key"]
    sc = state_of(request).scenarios.get(key) if KEY.match(key) else None
    if sc is None:
        raise PageError(
            404,
            "no such scenario here: uploaded and changed scenarios are kept in memory only, "
            "the most recent ones; upload it again",
        )
    return key, sc


def same_origin(request: Request) -> None:
    """Refuse a form posted from another site: browsers name the posting page's origin in
    ``Origin`` (``null`` from a sandboxed or opaque one; the pages' ``Referrer-Policy:
    same-origin`` keeps it for their own forms). A client that sends no ``Origin`` (a script,
    curl) is let through."""
    origin = request.headers.get("origin")
    if origin is None:
        return
    host = request.headers.get("host", "")
    if origin == "null" or origin.split("://", 1)[-1] != host:
        raise PageError(403, "form posted from another site")


async def forecast_of(request: Request, sc: Scenario, key: str) -> ForecastReport:
    params = ForecastParams.parse(dict(request.query_params))
    report: ForecastReport = await state_of(request).results.get(
        ("forecast", key, params), lambda: run_forecast(sc, params), state_of(request).timeout
    )
    return report


async def deals_of(request: Request, sc: Scenario, key: str) -> DealsReport:
    from pourparler.web.deals_size import checked_deals

    report: DealsReport = await state_of(request).results.get(
        ("deals", key), lambda: checked_deals(sc), state_of(request).timeout
    )
    return report


async def simulation_of(request: Request, sc: Scenario, key: str) -> SimulationResult:
    from pourparler.web.simulation import SimulationParams, run_simulation

    params = SimulationParams.parse(dict(request.query_params))
    result: SimulationResult = await state_of(request).results.get(
        ("simulate", key, params), lambda: run_simulation(sc, params), state_of(request).timeout
    )
    return result


async def file_text(request: Request, name: Hashable, make: Callable[[], str]) -> str:
    """A download's text, made once on the pool of quick work (the analysis it shows is done)
    and kept with the results."""
    state = state_of(request)
    text: str = await state.results.get(name, make, state.timeout, state.quick)
    return text
