"""The web app (``pourparler serve``) in a real browser: every page loads without console
errors and shows the library's numbers (forecasts, the agreement zone); an invalid upload names
the field and the line; a what-if changes the forecast shown; the evidence browser shows script
payloads as text and never runs them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from browser_driver import console_errors
from browser_support import (
    IMG_PAYLOAD,
    SCRIPT_PAYLOAD,
    assert_payloads_inert,
    click_and_wait,
    library_forecasts,
    require_module,
)
from live_server import live_server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

    from pourparler.scenario import Scenario

pytestmark = [pytest.mark.browser, pytest.mark.timeout(180)]


# Each forecast cell of the page: issue, model, exact value, shown text.
FORECAST_CELLS = """
return Array.from(document.querySelectorAll('#forecast-table [data-field=forecast][data-model]'))
  .map((el) => [el.closest('tr').dataset.issue, el.dataset.model, el.dataset.value,
                el.textContent.trim()]);
"""

# An uploaded scenario whose second stance holds a position off the 0-100 scale.
BAD_UPLOAD = """\
id: bad-upload
title: Two sides and a border
date: '2025-06-02'
actors:
- {id: A, name: Side A, kind: belligerent, capability: 0.5, veto: true}
- {id: B, name: Side B, kind: belligerent, capability: 0.5, veto: true}
issues:
- id: border
  name: Border
  status_quo: 40
  options:
  - {value: 0, label: old line}
  - {value: 100, label: new line}
stances:
- {actor: A, issue: border, position: 20, salience: 0.5}
- actor: B
  issue: border
  position: 150
  salience: 0.5
"""


@pytest.fixture(scope="module")
def app_url(xss_store: Path) -> Iterator[str]:
    """The app served with the payload evidence store, for the whole module."""
    for module in ("starlette", "uvicorn", "jinja2", "python_multipart"):
        require_module(module)
    with live_server("--db", str(xss_store)) as base:
        yield base


def page_errors(chrome: WebDriver) -> list[str]:
    """SEVERE console entries (chromium's own request of ``/favicon.ico`` included: the app
    serves an icon)."""
    return console_errors(chrome)


def _open(chrome: WebDriver, url: str) -> None:
    chrome.get(url)


def _submit(chrome: WebDriver, button_id: str, until_id: str) -> None:
    """Click a form's button and wait for the page that answers (an element ``until_id``)."""
    click_and_wait(chrome, chrome.find_element("id", button_id), until_id)


def _forecast_shown(chrome: WebDriver) -> dict[tuple[str, str], tuple[float, str]]:
    cells = chrome.execute_script(FORECAST_CELLS)
    shown = {(issue, model): (float(value), text) for issue, model, value, text in cells}
    assert len(shown) == len(cells), "a forecast appears twice"
    return shown


def _expected_forecast(chrome: WebDriver, sc: Scenario) -> dict[tuple[str, str], float]:
    """Every model's forecast of ``sc`` by the library, with the seed and draws the page
    states."""
    params = chrome.find_element("id", "forecast-parameters")
    seed = int(params.get_attribute("data-seed") or "")
    draws = int(params.get_attribute("data-draws") or "")
    return library_forecasts(sc, draws=draws, seed=seed)


def _assert_forecast_is(chrome: WebDriver, expected: dict[tuple[str, str], float]) -> None:
    shown = _forecast_shown(chrome)
    assert {k: value for k, (value, _) in shown.items()} == expected
    for key, (value, text) in shown.items():
        assert text == format(value, ".3g"), key


def test_home_lists_the_builtins_and_loads_clean(browser: WebDriver, app_url: str):
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names

    _open(browser, app_url + "/")
    items = browser.find_elements("css selector", "#builtins li.builtin")
    assert [li.get_attribute("data-name") for li in items] == list(builtin_names())
    for li in items:
        sc = load_scenario(li.get_attribute("data-name"))
        assert li.get_attribute("data-key") == sc.digest()
        assert sc.title in li.text
    assert browser.find_element("id", "upload-file").get_attribute("type") == "file"
    assert browser.find_element("id", "evidence").get_attribute("href").endswith("/evidence")
    assert page_errors(browser) == []


def test_scenario_page_shows_its_positions(browser: WebDriver, app_url: str):
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    _open(browser, app_url + "/")
    browser.find_element("id", "builtin-istanbul-2025").click()
    title = browser.find_element("id", "scenario-title")
    assert title.get_attribute("data-scenario") == sc.id
    assert title.get_attribute("data-key") == sc.digest()
    fields = browser.execute_script(
        "return Array.from(document.querySelectorAll('#positions input.position'))"
        ".map((el) => [el.name, el.value]);"
    )
    shown = {name: float(value) for name, value in fields}
    expected = {f"position:{s.actor}:{s.issue}": s.position for s in sc.stances}
    assert shown == expected
    assert page_errors(browser) == []


def test_forecast_page_shows_the_library_forecast(browser: WebDriver, app_url: str):
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    _open(browser, f"{app_url}/scenario/{sc.digest()}")
    browser.find_element("id", "link-forecast").click()
    assert browser.find_element("id", "scenario-title").get_attribute("data-scenario") == sc.id
    _assert_forecast_is(browser, _expected_forecast(browser, sc))
    status_quo = browser.execute_script(
        "return Array.from(document.querySelectorAll('#forecast-table tbody tr'))"
        ".map((tr) => [tr.dataset.issue,"
        " tr.querySelector('[data-field=status_quo]').dataset.value]);"
    )
    assert {i: float(v) for i, v in status_quo} == {i.id: i.status_quo for i in sc.issues}
    assert page_errors(browser) == []


@pytest.mark.parametrize("name", ["istanbul-2025", "istanbul-2022"])
def test_deals_page_shows_the_zone(browser: WebDriver, app_url: str, name: str):
    from pourparler.deals import analyse_space, build_space
    from pourparler.scenario import load_scenario
    from pourparler.web.analyses import DEALS_SEED

    sc = load_scenario(name)
    zone = analyse_space(build_space(sc), seed=DEALS_SEED).to_data()["zone"]
    _open(browser, f"{app_url}/builtin/{name}")
    browser.find_element("id", "link-deals").click()
    shown = browser.find_element("id", "deals-zone")
    assert shown.get_attribute("data-empty") == ("true" if zone["empty"] else "false")
    assert shown.get_attribute("data-size") == ("" if zone["size"] is None else str(zone["size"]))
    status = shown.find_element("tag name", "strong").text
    assert status == ("empty" if zone["empty"] else "not empty")
    if zone["size"]:
        assert f"{zone['size']:,} packages" in shown.text
    assert page_errors(browser) == []


def test_upload_with_an_error_shows_the_field_and_the_line(
    browser: WebDriver, app_url: str, tmp_path: Path
):
    upload = tmp_path / "bad-scenario.yaml"
    upload.write_text(BAD_UPLOAD, encoding="utf-8")
    line = BAD_UPLOAD.splitlines().index("  position: 150") + 1
    _open(browser, app_url + "/")
    browser.find_element("id", "upload-file").send_keys(str(upload))
    _submit(browser, "upload-submit", "error-status")
    assert browser.find_element("id", "error-status").get_attribute("data-status") == "422"
    problems = [
        (p.get_attribute("data-field"), p.get_attribute("data-line"), p.text)
        for p in browser.find_elements("css selector", "#problems tr.problem")
    ]
    assert [(field, at) for field, at, _ in problems] == [("stances[1].position", str(line))]
    assert upload.name in problems[0][2] and "150" in problems[0][2]
    # the page's own status is the only console error
    assert [e for e in page_errors(browser) if "/upload - " not in e or " 422 " not in e] == []


def _whatif_scenario(sc: Scenario, actor: str, issue: str, position: float) -> Scenario:
    from pourparler.scenario.yaml_io import scenario_from_data

    data: dict[str, Any] = sc.to_data()
    for stance in data["stances"]:
        if (stance["actor"], stance["issue"]) == (actor, issue):
            stance["position"] = position
    return scenario_from_data(data, "what-if")


def test_whatif_changes_the_forecast_shown(browser: WebDriver, app_url: str):
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2022")
    issue = sc.issues[0].id
    weight = {a.id: a.capability for a in sc.actors}
    stance = max(
        (s for s in sc.stances if s.issue == issue), key=lambda s: weight[s.actor] * s.salience
    )
    moved = 0.0 if stance.position >= 50 else 100.0
    changed = _whatif_scenario(sc, stance.actor, issue, moved)

    _open(browser, f"{app_url}/builtin/{sc.id}")
    field = browser.find_element("css selector", f'input[name="position:{stance.actor}:{issue}"]')
    field.clear()
    field.send_keys(repr(moved))
    _submit(browser, "whatif-submit", "forecast-table")

    note = browser.find_element("id", "whatif-note")
    assert note.get_attribute("data-from") == sc.digest()
    assert browser.find_element("id", "scenario-title").get_attribute("data-key") == (
        changed.digest()
    )
    before = _expected_forecast(browser, sc)
    after = _expected_forecast(browser, changed)
    assert after[issue, "ensemble"] != before[issue, "ensemble"]  # the change matters
    _assert_forecast_is(browser, after)
    assert page_errors(browser) == []


def test_evidence_browser_shows_payloads_as_text(browser: WebDriver, app_url: str):
    _open(browser, app_url + "/")
    browser.find_element("id", "evidence").click()
    assert browser.find_element("id", "claims-count").get_attribute("data-total") == "2"
    claims = browser.find_elements("css selector", "#claims tr.claim")
    sentences = " ".join(c.find_element("class name", "sentence").text for c in claims)
    assert SCRIPT_PAYLOAD in sentences and IMG_PAYLOAD in sentences
    sources = " ".join(c.find_element("class name", "source").text for c in claims)
    assert f"{SCRIPT_PAYLOAD} Istanbul" in sources and f"Wire {IMG_PAYLOAD}" in sources
    assert_payloads_inert(browser)
    assert page_errors(browser) == []


SIMULATION_CELLS = """
return Array.from(document.querySelectorAll('#simulation-table td[data-series]'))
  .map((el) => [el.dataset.month, el.dataset.series, el.dataset.value, el.dataset.low,
                el.dataset.high]);
"""


def test_simulate_page_shows_the_library_simulation(browser: WebDriver, app_url: str):
    from pourparler.dynamics.simulate import simulate
    from pourparler.scenario import load_scenario
    from pourparler.web.simulation import MONTHS, SERIES, SHOWN_MONTHS

    sc = load_scenario("istanbul-2022")
    _open(browser, f"{app_url}/scenario/{sc.digest()}")
    browser.find_element("id", "link-simulate").click()
    runs = browser.find_element("id", "simulate-runs")
    runs.clear()
    runs.send_keys("1000")  # ten full batches: the fewest that give 80% intervals
    _submit(browser, "simulate-submit", "simulation-table")
    params = browser.find_element("id", "simulation-parameters")
    assert params.get_attribute("data-runs") == "1000"
    seed = int(params.get_attribute("data-seed") or "")
    data = simulate(sc, months=MONTHS, runs=1000, seed=seed).to_data()
    shown = {
        (int(m), s): (v, lo, hi) for m, s, v, lo, hi in browser.execute_script(SIMULATION_CELLS)
    }
    for m in data["months"]:
        if m["month"] not in SHOWN_MONTHS:
            continue
        for key, _ in SERIES:
            value, low, high = shown[m["month"], key]
            assert float(value) == m[key]["p"]
            assert [float(low), float(high)] == m[key]["interval"]
    assert page_errors(browser) == []
