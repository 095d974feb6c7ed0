"""The HTML report (``pourparler report``) in a real browser: it loads with no console or page
error, every chart is drawn, the forecast numbers in its DOM are ``forecast_report``'s, and
script payloads from an evidence store are shown as text and never run.

Each report is opened once; what the browser saw is kept (:class:`ReportView`) and each test
checks one part of it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_driver import console_errors, file_url, open_alert_text
from browser_support import (
    DIALOG_WAIT_S,
    IMG_PAYLOAD,
    SCRIPT_PAYLOAD,
    library_forecasts,
    require_module,
    run_cli,
)

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

    from pourparler.scenario import Scenario

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]

SHARED_DECIDE = Path(__file__).resolve().parents[3] / "shared" / "data" / "decide"
SECTIONS = ("scenario", "forecasts", "sensitivity", "deals", "provenance")
CHART_WAIT_S = 30
SEED = 0

# What the page shows once its charts are drawn: every chart container and those holding a
# drawn svg or canvas, those showing the render script's failure note, the sections, each
# forecast cell of the forecasts section (issue, model, exact value, shown text), the text of
# the evidence section, and whether a payload ran.
READ_PAGE = """
const charts = Array.from(document.querySelectorAll('[data-chart]'));
const evidence = document.getElementById('evidence');
return {
  charts: charts.length,
  drawn: charts.filter((el) => el.querySelector('svg, canvas')).length,
  failed: charts.filter((el) => el.textContent.includes('Chart not drawn')).length,
  sections: Array.from(document.querySelectorAll('section[id]')).map((s) => s.id),
  cells: Array.from(document.querySelectorAll('#forecasts [data-issue][data-model][data-value]'))
    .map((el) => [el.dataset.issue, el.dataset.model, el.dataset.value, el.textContent.trim()]),
  evidence: evidence === null ? null : evidence.innerText,
  dynamics_charts: Array.from(document.querySelectorAll('#dynamics [data-chart]'))
    .map((el) => el.querySelector('svg') !== null),
  dynamics_cells: Array.from(document.querySelectorAll('#dynamics td[data-series]'))
    .map((el) => [el.dataset.month, el.dataset.series, el.dataset.value]),
  pwned: typeof window.__pwned,
};
"""


@dataclass(frozen=True)
class ReportView:
    """A report as the browser showed it."""

    scenario: Scenario
    console_errors: list[str]
    dialog: str | None
    page: dict[str, Any]


def _decide_file() -> Path:
    """A Decide file of ``../shared/data/decide`` (the sample first)."""
    files = sorted(SHARED_DECIDE.glob("*"), key=lambda p: (p.name != "sample_data.txt", p.name))
    if not files:
        pytest.skip(f"no Decide input files in {SHARED_DECIDE}")
    return files[0]


def _view(chrome: WebDriver, sc: Scenario, path: Path) -> ReportView:
    """Open the report at ``path``, wait for its charts, and keep what the browser saw."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    chrome.get("about:blank")
    console_errors(chrome)
    chrome.get(file_url(path))

    def settled(driver: WebDriver) -> bool:
        page = driver.execute_script(READ_PAGE)
        return bool(page["drawn"] + page["failed"] == page["charts"])

    WebDriverWait(chrome, CHART_WAIT_S).until(settled, "the charts were not drawn in time")
    try:
        WebDriverWait(chrome, DIALOG_WAIT_S).until(expected_conditions.alert_is_present())
        dialog = open_alert_text(chrome)
        chrome.switch_to.alert.dismiss()
    except TimeoutException:
        dialog = None
    page = chrome.execute_script(READ_PAGE)
    return ReportView(sc, console_errors(chrome), dialog, page)


@pytest.fixture(scope="module")
def istanbul_report(
    chrome: WebDriver, tmp_path_factory: pytest.TempPathFactory, xss_store: Path
) -> ReportView:
    """istanbul-2025's report (``render_report``) with the payload evidence store."""
    require_module("jinja2")
    require_module("vl_convert")
    from pourparler.report.html import render_report
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    path = tmp_path_factory.mktemp("report") / "istanbul-2025-report.html"
    path.write_text(render_report(sc, seed=SEED, db=xss_store).html, encoding="utf-8")
    return _view(chrome, sc, path)


@pytest.fixture(scope="module")
def decide_report(chrome: WebDriver, tmp_path_factory: pytest.TempPathFactory) -> ReportView:
    """A Decide file's report, written by ``pourparler report FILE --to``."""
    require_module("jinja2")
    require_module("vl_convert")
    from pourparler.scenario import load_scenario

    source = _decide_file()
    path = tmp_path_factory.mktemp("report") / "decide-report.html"
    run_cli("report", str(source), "--to", str(path), "--seed", str(SEED))
    return _view(chrome, load_scenario(source), path)


@pytest.fixture(params=["istanbul-2025", "decide"])
def report(request: pytest.FixtureRequest) -> Iterator[ReportView]:
    name = "istanbul_report" if request.param == "istanbul-2025" else "decide_report"
    yield request.getfixturevalue(name)


def test_report_loads_without_console_errors(report: ReportView):
    assert report.console_errors == []
    assert report.dialog is None


def test_report_draws_every_chart(report: ReportView):
    page = report.page
    assert page["charts"] >= len(report.scenario.issues)  # a position map per issue at least
    assert page["failed"] == 0
    assert page["drawn"] == page["charts"]


def test_report_has_its_sections(report: ReportView, request: pytest.FixtureRequest):
    with_evidence = report.page["evidence"] is not None
    assert set(SECTIONS) <= set(report.page["sections"])
    assert with_evidence == (request.node.callspec.params["report"] == "istanbul-2025")


def test_report_forecast_numbers_are_forecast_reports(report: ReportView):
    from pourparler.report import html

    expected = library_forecasts(report.scenario, rounds=html.ROUNDS, draws=html.DRAWS, seed=SEED)
    cells = report.page["cells"]
    shown = {(issue, model): float(value) for issue, model, value, _ in cells}
    assert len(shown) == len(cells), "a forecast appears twice"
    assert shown == expected
    for issue, model, _, text in cells:
        assert text == format(expected[issue, model], ".3g"), (issue, model)


def test_report_shows_evidence_payloads_as_text(istanbul_report: ReportView):
    evidence = istanbul_report.page["evidence"]
    assert evidence is not None, "the report rendered with --db has no evidence section"
    assert SCRIPT_PAYLOAD in evidence
    assert IMG_PAYLOAD in evidence
    assert istanbul_report.page["pwned"] == "undefined"
    assert istanbul_report.dialog is None


def test_report_draws_the_dynamics_chart_with_the_simulations_numbers(
    istanbul_report: ReportView,
):
    from pourparler.dynamics.simulate import simulate
    from pourparler.report.dynamics_section import MONTHS, RUNS, SERIES

    page = istanbul_report.page
    assert page["dynamics_charts"] and all(page["dynamics_charts"])  # each an svg
    shown = {(int(m), series): v for m, series, v in page["dynamics_cells"]}
    data = simulate(istanbul_report.scenario, months=MONTHS, runs=RUNS, seed=SEED).to_data()
    for m in data["months"]:
        for key, _ in SERIES:
            assert float(shown[m["month"], key]) == m[key]["p"], (m["month"], key)
    assert istanbul_report.console_errors == []
