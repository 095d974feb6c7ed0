"""The checks the browser tests rely on can fail: console errors, page errors, dialogs and a
script payload that runs are all seen."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_driver import console_errors, file_url, open_alert_text
from browser_support import IMG_PAYLOAD, SCRIPT_PAYLOAD, assert_payloads_inert

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

pytestmark = [pytest.mark.browser, pytest.mark.timeout(60)]


def _page(tmp_path: Path, body: str) -> str:
    path = tmp_path / "page.html"
    path.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
    return file_url(path)


def test_console_error_and_uncaught_exception_are_severe(browser: WebDriver, tmp_path: Path):
    script = "<script>console.error('logged failure'); null.missing;</script>"
    browser.get(_page(tmp_path, script))
    errors = console_errors(browser)
    assert any("logged failure" in e for e in errors)
    assert any("TypeError" in e for e in errors)
    assert console_errors(browser) == []  # reading empties the log


def test_a_quiet_page_has_no_console_errors(browser: WebDriver, tmp_path: Path):
    browser.get(_page(tmp_path, "<p>quiet</p><script>console.log('fine')</script>"))
    assert console_errors(browser) == []


def test_payloads_run_when_inserted_as_markup(browser: WebDriver, tmp_path: Path):
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    browser.get(_page(tmp_path, IMG_PAYLOAD))
    WebDriverWait(browser, 5).until(expected_conditions.alert_is_present())
    assert open_alert_text(browser) == "1"
    browser.switch_to.alert.dismiss()
    assert browser.execute_script("return window.__pwned") == 1


def test_payloads_stay_inert_when_escaped(browser: WebDriver, tmp_path: Path):
    escaped = html.escape(SCRIPT_PAYLOAD + IMG_PAYLOAD)
    browser.get(_page(tmp_path, f"<p>{escaped}</p>"))
    assert_payloads_inert(browser)


def test_inert_check_fails_on_a_payload_that_ran(browser: WebDriver, tmp_path: Path):
    shown = html.escape(SCRIPT_PAYLOAD + IMG_PAYLOAD)
    browser.get(_page(tmp_path, f"<p>{shown}</p><script>window.__pwned=1</script>"))
    with pytest.raises(AssertionError):
        assert_payloads_inert(browser)
