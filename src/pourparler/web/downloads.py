"""The web app's downloads: the scenario as YAML, each analysis as JSON (``to_data()``) or
formula-safe CSV (``to_frame()``), and the self-contained HTML report; each made once on the
worker pool and kept with the results."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import TYPE_CHECKING

from starlette.requests import Request
from starlette.responses import Response

from pourparler.report._data import json_text
from pourparler.web.analyses import ForecastParams
from pourparler.web.context import (
    deals_of,
    file_text,
    forecast_of,
    scenario_of,
    simulation_of,
    state_of,
)
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.report.result import Result
    from pourparler.scenario import Scenario


def download(text: str, media_type: str, filename: str) -> Response:
    return Response(
        text,
        media_type=media_type,
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


async def scenario_yaml(request: Request) -> Response:
    from pourparler.scenario.yaml_io import dump_yaml

    _key, sc = scenario_of(request)
    return download(dump_yaml(sc), "application/yaml; charset=utf-8", f"{sc.id}.yaml")


def result_text(report: Result, fmt: str) -> str:
    """``report`` as a download's text: JSON from ``to_data()``, or (``fmt`` ``"csv"``)
    formula-safe CSV from ``to_frame()``."""
    if fmt != "csv":
        return json_text(report.to_data())
    from pourparler.report.csv import csv_text

    return csv_text(report.to_frame())


def need_pandas() -> None:
    import importlib.util

    if importlib.util.find_spec("pandas") is None:
        raise PageError(404, "CSV needs pandas on the server: pip install 'pourparler[pandas]'")


async def _result_file(
    request: Request,
    result: Result,
    sc: Scenario,
    name: str,
    cache_key: tuple[Hashable, ...],
) -> Response:
    """``result`` as the download ``name`` (``forecast.json``, ``deals.csv``...): JSON from
    ``to_data()``, formula-safe CSV from ``to_frame()``, made once and kept with the results."""
    fmt = name.rsplit(".", 1)[-1]
    text = await file_text(request, (name, *cache_key), lambda: result_text(result, fmt))
    kind = "text/csv; charset=utf-8" if fmt == "csv" else "application/json"
    return download(text, kind, f"{sc.id}-{name}")


ANALYSES = ("forecast", "deals", "simulation")
FORMATS = ("json", "csv")


async def _analysis(
    request: Request, sc: Scenario, key: str, kind: str
) -> tuple[Result, tuple[Hashable, ...]]:
    """The analysis ``kind`` of the request's scenario (computed once, kept with the results)
    and the key its downloads are kept under."""
    from pourparler.web.simulation import SimulationParams

    query = dict(request.query_params)
    if kind == "forecast":
        return await forecast_of(request, sc, key), (key, ForecastParams.parse(query))
    if kind == "deals":
        return await deals_of(request, sc, key), (key,)
    return await simulation_of(request, sc, key), (key, SimulationParams.parse(query))


def result_download(kind: str, fmt: str) -> Callable[[Request], Awaitable[Response]]:
    """The handler of ``/scenario/{key}/KIND.FMT``: the analysis ``kind`` (one of
    :data:`ANALYSES`) as JSON or CSV."""
    if kind not in ANALYSES or fmt not in FORMATS:
        raise ValueError(f"no download {kind}.{fmt}")

    async def handler(request: Request) -> Response:
        key, sc = scenario_of(request)
        if fmt == "csv":
            need_pandas()
        result, cache_key = await _analysis(request, sc, key, kind)
        return await _result_file(request, result, sc, f"{kind}.{fmt}", cache_key)

    return handler


async def html_report(request: Request) -> Response:
    key, sc = scenario_of(request)
    state = state_of(request)
    if not state.report_available:
        raise PageError(404, "the HTML report is not available in this installation")

    def build() -> str:
        from pourparler.report.html import render_report  # type: ignore[import-not-found,unused-ignore]
        from pourparler.web.analyses import check_size
        from pourparler.web.deals_size import check_deals_size

        check_size(sc)  # the report runs the forecast and the deals: the same bounds
        check_deals_size(sc)
        return str(render_report(sc, seed=0, db=None).html)

    text: str = await state.results.get(("report", key), build, state.timeout)
    return download(text, "text/html; charset=utf-8", f"{sc.id}-report.html")
