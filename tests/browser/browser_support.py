"""What the browser tests share beside their fixtures: skipping (or, under ``CI_BROWSER=1``,
failing) when something they need is missing, running the command line, the script payloads
and the checks that none of them ran, following a link or a form to the next page, and the
library's forecasts the pages must show."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.remote.webelement import WebElement

    from pourparler.scenario import Scenario

CLI_TIMEOUT_S = 120
DIALOG_WAIT_S = 1.0
PAGE_WAIT_S = 60  # an analysis page waits for the forecast and the deals
OLD_PAGE_MARK = "__pourparlerOldPage"  # set on a page before a form on it is submitted

# Shown as text wherever they are displayed: neither may run.
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1;alert(1)">'

XSS_ARTICLE = f"""Talks resume in Istanbul

Russia rejects an unconditional ceasefire {SCRIPT_PAYLOAD} before any talks on territory.
Ukraine demands a full ceasefire {IMG_PAYLOAD} and the return of prisoners.
"""


def click_and_wait(chrome: WebDriver, element: WebElement, until_id: str) -> None:
    """Click ``element`` (a form's button, a link) and wait for the page that answers (an
    element ``until_id``).

    The old page is marked with a window property rather than watched through an element
    reference: chromedriver may answer a question about an element of a page being unloaded
    with "Node with given id does not belong to the document" instead of a stale-element error,
    and ``staleness_of`` lets that escape."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    def left_old_page(driver: WebDriver) -> bool:
        try:
            return bool(driver.execute_script(f"return window.{OLD_PAGE_MARK} !== true"))
        except WebDriverException:  # mid-navigation: ask again
            return False

    chrome.execute_script(f"window.{OLD_PAGE_MARK} = true")
    element.click()
    WebDriverWait(chrome, PAGE_WAIT_S).until(left_old_page)
    WebDriverWait(chrome, PAGE_WAIT_S).until(
        expected_conditions.presence_of_element_located(("id", until_id))
    )


def unavailable(reason: str) -> NoReturn:
    """Skip for ``reason``; fail when ``CI_BROWSER=1`` says the browser tests must run."""
    if os.environ.get("CI_BROWSER") == "1":
        pytest.fail(f"{reason}; CI_BROWSER=1 requires the browser tests to run", pytrace=False)
    pytest.skip(reason)


def require_module(name: str) -> None:
    """Skip (fail under ``CI_BROWSER=1``) when ``name`` cannot be imported."""
    try:
        __import__(name)
    except ImportError as exc:
        unavailable(f"{name} cannot be imported ({exc})")


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """``pourparler ARGS`` in a subprocess; fails the test with its stderr when it fails."""
    done = subprocess.run(
        [sys.executable, "-m", "pourparler", *args],
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT_S,
        cwd=cwd,
    )
    if done.returncode != 0:
        pytest.fail(f"pourparler {' '.join(args)} exited {done.returncode}:\n{done.stderr}")
    return done


def assert_payloads_inert(chrome: WebDriver) -> None:
    """No dialog opens within a second, ``window.__pwned`` stays undefined, and the page shows
    both payloads as text."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    try:
        WebDriverWait(chrome, DIALOG_WAIT_S).until(expected_conditions.alert_is_present())
    except TimeoutException:
        pass
    else:
        text = chrome.switch_to.alert.text
        chrome.switch_to.alert.dismiss()
        pytest.fail(f"a payload opened a dialog: {text!r}")
    assert chrome.execute_script("return typeof window.__pwned") == "undefined"
    shown = chrome.find_element("tag name", "body").text
    assert SCRIPT_PAYLOAD in shown, "the <script> payload is not shown as text"
    assert IMG_PAYLOAD in shown, "the <img onerror> payload is not shown as text"


_FORECASTS: dict[tuple[str, int, int, int], dict[tuple[str, str], float]] = {}


def library_forecasts(
    sc: Scenario, *, draws: int, seed: int, rounds: int | None = None
) -> dict[tuple[str, str], float]:
    """Every model's forecast of every issue of ``sc`` as ``forecast_report`` gives it, by
    (issue, model), with ``forecast_scenario``'s rounds unless given; computed once per
    scenario and parameters in a session."""
    from pourparler.forecast.budget import DRAWS_BUDGET
    from pourparler.forecast.scenario_forecast import DEFAULT_ROUNDS, forecast_scenario
    from pourparler.report.forecast import forecast_report

    rounds = DEFAULT_ROUNDS if rounds is None else rounds
    key = (sc.digest(), rounds, draws, seed)
    if key not in _FORECASTS:
        result = forecast_scenario(
            sc, ["all"], rounds=rounds, draws=draws, seed=seed, budget=DRAWS_BUDGET
        )
        _FORECASTS[key] = {
            (issue.id, m.model): m.forecast
            for issue in forecast_report(sc, result, seed).issues
            for m in issue.models
        }
    return _FORECASTS[key]
