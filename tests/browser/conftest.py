"""Browser-test fixtures: one headless chromium per session, the web app served live, and an
evidence store holding an article with script payloads.

Without chromium, chromedriver or selenium these tests skip and say why; with ``CI_BROWSER=1``
(set by ``.ci/run``) they fail instead, so CI cannot pass them by skipping."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_driver import BrowserUnavailable, console_errors, open_alert_text, start_chrome
from browser_support import IMG_PAYLOAD, SCRIPT_PAYLOAD, XSS_ARTICLE, run_cli, unavailable

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver


@pytest.fixture(scope="session")
def chrome() -> Iterator[WebDriver]:
    """One headless chromium for the whole session, always quit at the end."""
    try:
        driver = start_chrome()
    except BrowserUnavailable as exc:
        unavailable(str(exc))
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def browser(chrome: WebDriver) -> Iterator[WebDriver]:
    """The session's chromium on a blank page with an empty console log."""
    chrome.get("about:blank")
    console_errors(chrome)
    yield chrome
    if open_alert_text(chrome) is not None:
        chrome.switch_to.alert.dismiss()
    chrome.get("about:blank")  # leaves no pending request to the next test


@pytest.fixture(scope="session")
def xss_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An evidence store (built by ``pourparler evidence add``) whose article, title and outlet
    carry script payloads."""
    folder = tmp_path_factory.mktemp("xss-evidence")
    article = folder / "pwned-article.txt"
    article.write_text(XSS_ARTICLE, encoding="utf-8")
    db = folder / "evidence.sqlite3"
    run_cli(
        "evidence",
        "add",
        str(article),
        "--db",
        str(db),
        "--date",
        "2025-05-20",
        "--title",
        f"{SCRIPT_PAYLOAD} Istanbul",
        "--outlet",
        f"Wire {IMG_PAYLOAD}",
    )
    return db
