"""Headless chromium through Selenium and the system ``chromedriver`` (Debian's ``chromium`` and
``chromium-driver``): no browser or driver is downloaded. Used by the browser tests and by
``scripts/screenshots.py``."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
PAGE_LOAD_TIMEOUT_S = 30
SCRIPT_TIMEOUT_S = 10
WINDOW = (1280, 900)


class BrowserUnavailable(RuntimeError):
    """chromium, chromedriver or selenium is missing; the message says which and how to get it."""


def find_binaries() -> tuple[str, str]:
    """Paths of the browser and of its driver (``$CHROMIUM``/``$CHROMEDRIVER`` override PATH)."""
    browser = shutil.which(os.environ.get("CHROMIUM", "")) or next(
        filter(None, map(shutil.which, BROWSERS)), None
    )
    driver = shutil.which(os.environ.get("CHROMEDRIVER", "chromedriver"))
    install = "apt-get install chromium chromium-driver"
    if not browser:
        raise BrowserUnavailable(f"chromium is not on PATH ({install})")
    if not driver:
        raise BrowserUnavailable(f"chromedriver is not on PATH ({install})")
    return browser, driver


def start_chrome(window: tuple[int, int] = WINDOW) -> WebDriver:
    """A headless chromium that records the page's console (read with :func:`console_entries`)
    and leaves alert dialogs open, so a test can see that one was raised."""
    browser, driver_path = find_binaries()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise BrowserUnavailable("selenium is not installed (pip install -e '.[dev]')") from None
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for arg in (
        "--headless=new",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-extensions",
        "--no-first-run",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        f"--window-size={window[0]},{window[1]}",
    ):
        options.add_argument(arg)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # chromium's sandbox refuses to run as root
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.set_capability("unhandledPromptBehavior", "ignore")
    chrome = webdriver.Chrome(service=Service(executable_path=driver_path), options=options)
    chrome.set_page_load_timeout(PAGE_LOAD_TIMEOUT_S)
    chrome.set_script_timeout(SCRIPT_TIMEOUT_S)
    return chrome


def console_entries(chrome: WebDriver) -> list[dict[str, Any]]:
    """The console entries logged since the last call (reading empties chromium's buffer)."""
    return list(chrome.get_log("browser"))


def console_errors(chrome: WebDriver) -> list[str]:
    """The SEVERE entries since the last call: ``console.error``, uncaught exceptions (page
    errors) and resources that failed to load."""
    return [e["message"] for e in console_entries(chrome) if e.get("level") == "SEVERE"]


def open_alert_text(chrome: WebDriver) -> str | None:
    """The text of the alert/confirm/prompt dialog open on the page, or None."""
    from selenium.common.exceptions import NoAlertPresentException

    try:
        return str(chrome.switch_to.alert.text)
    except NoAlertPresentException:
        return None


def file_url(path: Path) -> str:
    return path.resolve().as_uri()
