"""Regenerate the screenshots in docs/screenshots/: the HTML report (top, forecasts, deals, the
talks over time) and the web app (home, scenario page with its what-if form, what-if result,
evidence browser, a claim's review page, the evidence updates, a timeline) of istanbul-2025 and
the app's simulation page of istanbul-2022, taken in headless chromium with the browser tests'
driver (Debian's chromium and chromium-driver).

Run: .venv/bin/python scripts/screenshots.py [--out DIR] [--seeds DIR]

The evidence store shown is built in a temporary folder from the seed articles in --seeds
(default ../shared/seeds beside the checkout); without them the evidence screenshot is left out.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "browser"))

from browser_driver import file_url, start_chrome  # noqa: E402
from live_server import live_server  # noqa: E402

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

SCENARIO = "istanbul-2025"
SIMULATED = "istanbul-2022"  # its settlement zone is open: the simulation page has more to show
WINDOW = (1280, 800)
WAIT_S = 90
WHATIF = ("RU", "ceasefire", 60.0)  # actor, issue, new position


def _wait_for(chrome: WebDriver, script: str) -> None:
    from selenium.webdriver.support.wait import WebDriverWait

    WebDriverWait(chrome, WAIT_S).until(lambda d: bool(d.execute_script(script)))


def _shot(
    chrome: WebDriver, out: Path, name: str, anchor: str | None = None, above: int = 0
) -> None:
    """The window's view, scrolled to ``above`` pixels over the element ``anchor`` (an id)
    when given, else to the top."""
    if anchor is None:
        chrome.execute_script("window.scrollTo(0, 0);")
    else:
        chrome.execute_script(
            "const top = document.getElementById(arguments[0]).getBoundingClientRect().top;"
            "window.scrollTo(0, window.scrollY + top - arguments[1]);",
            anchor,
            above,
        )
    path = out / f"{name}.png"
    chrome.save_screenshot(str(path))
    print(
        f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}: "
        f"{path.stat().st_size:,} bytes"
    )


def report_shots(chrome: WebDriver, out: Path, work: Path) -> None:
    from pourparler.report.html import render_report
    from pourparler.scenario import load_scenario

    page = work / "report.html"
    page.write_text(render_report(load_scenario(SCENARIO), seed=0).html, encoding="utf-8")
    chrome.get(file_url(page))
    _wait_for(
        chrome,
        "const c = [...document.querySelectorAll('[data-chart]')];"
        "return c.every((el) => el.querySelector('svg, canvas'));",
    )
    _shot(chrome, out, "report-top")
    _shot(chrome, out, "report-forecasts", "forecasts")
    _shot(chrome, out, "report-deals", "deals")
    _shot(chrome, out, "report-dynamics", "dynamics-months", above=10)


def _evidence_store(seeds: Path, work: Path) -> Path | None:
    articles = sorted(seeds.glob("*.txt")) if seeds.is_dir() else []
    if not articles:
        print(f"no seed articles in {seeds}: the evidence screenshot is left out")
        return None
    db = work / "evidence.sqlite3"
    command = [sys.executable, "-m", "pourparler", "evidence", "add", *map(str, articles)]
    subprocess.run([*command, "--db", str(db)], check=True, capture_output=True, timeout=300)
    from pourparler.evidence.followed import follow
    from pourparler.evidence.store import Store

    with Store(db) as store:  # a followed feed, for the evidence page's list of them
        follow(
            store,
            ["https://www.gov.uk/government/topical-events/russian-invasion-of-ukraine.atom"],
            "istanbul-2025",
        )
    return db


def app_shots(chrome: WebDriver, out: Path, db: Path | None) -> None:
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    with live_server(*(["--db", str(db), "--review"] if db else [])) as base:
        chrome.get(base + "/")
        _shot(chrome, out, "app-home")
        chrome.find_element("id", f"builtin-{SCENARIO}").click()
        _shot(chrome, out, "app-scenario", "whatif-form", above=100)
        actor, issue, position = WHATIF
        field = chrome.find_element("css selector", f'input[name="position:{actor}:{issue}"]')
        field.clear()
        field.send_keys(repr(position))
        chrome.find_element("id", "whatif-submit").click()
        WebDriverWait(chrome, WAIT_S).until(
            expected_conditions.presence_of_element_located(("id", "whatif-note"))
        )
        _shot(chrome, out, "app-whatif")
        chrome.get(base + f"/builtin/{SIMULATED}")
        chrome.find_element("id", "link-simulate").click()
        WebDriverWait(chrome, WAIT_S).until(
            expected_conditions.presence_of_element_located(("id", "simulation-table"))
        )
        _shot(chrome, out, "app-simulate")
        if db is not None:
            evidence_shots(chrome, out, base)


def evidence_shots(chrome: WebDriver, out: Path, base: str) -> None:
    """The evidence browser with its review buttons, a claim accepted on its page with a note
    (its context and history), the scenario updates the accepted claims support, and Ukraine's
    stances on the ceasefire over time."""
    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    def follow(selector: str, element_id: str) -> None:
        """Click the element at ``selector`` and wait for the next page, holding
        ``element_id``."""
        page = chrome.find_element("tag name", "html")
        chrome.find_element("css selector", selector).click()
        WebDriverWait(chrome, WAIT_S).until(expected_conditions.staleness_of(page))
        WebDriverWait(chrome, WAIT_S).until(
            expected_conditions.presence_of_element_located(("id", element_id))
        )

    chrome.get(base + "/evidence")
    _shot(chrome, out, "app-evidence")
    follow("#page-accept", "claims")  # the first page's claims accepted
    chrome.get(base + "/evidence?status=pending")
    follow("#claims tr.claim a.claim-link", "review-form")
    chrome.find_element("id", "review-note").send_keys("read against the paragraph around it")
    follow("#review-accept", "claims")  # back on the pending claims, which it has left
    chrome.get(base + "/evidence?status=accepted&page=2")
    follow("#claims tr.claim:last-child a.claim-link", "history")
    _shot(chrome, out, "app-claim", "claim", above=70)
    chrome.get(f"{base}/builtin/{SCENARIO}")
    follow("#link-evidence", "suggest-counts")
    _shot(chrome, out, "app-evidence-updates")
    chrome.get(f"{base}/evidence/timeline?actor=UA&issue=ceasefire&scenario={SCENARIO}")
    _shot(chrome, out, "app-evidence-timeline")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared" / "seeds")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chrome = start_chrome(window=WINDOW)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            report_shots(chrome, args.out, work)
            app_shots(chrome, args.out, _evidence_store(args.seeds, work))
    finally:
        chrome.quit()
    return 0


if __name__ == "__main__":
    sys.exit(main())
