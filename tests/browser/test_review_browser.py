"""Reviewing claims in a real browser (``pourparler serve --db DB --review``): accept a claim
from the list, correct another on its page, and see the change in the list, on the claim's
page and in the store's audit trail; script payloads in the article and the note stay text."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from browser_driver import console_errors
from browser_support import (
    SCRIPT_PAYLOAD,
    assert_payloads_inert,
    click_and_wait,
    require_module,
)
from live_server import live_server

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

pytestmark = [pytest.mark.browser, pytest.mark.timeout(120)]


@pytest.fixture(scope="module")
def review_store(xss_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the payload store, which the reviews change."""
    db = tmp_path_factory.mktemp("review") / "evidence.sqlite3"
    shutil.copyfile(xss_store, db)
    return db


@pytest.fixture(scope="module")
def review_url(review_store: Path) -> Iterator[str]:
    for module in ("starlette", "uvicorn", "jinja2", "python_multipart"):
        require_module(module)
    with live_server("--db", str(review_store), "--review") as base:
        yield base


def _statuses(chrome: WebDriver) -> dict[str, str]:
    rows = chrome.find_elements("css selector", "#claims tr.claim")
    return {r.get_attribute("data-claim"): r.get_attribute("data-status") for r in rows}


def test_accept_from_the_list_and_correct_on_the_claims_page(
    browser: WebDriver, review_url: str, review_store: Path
):
    from selenium.webdriver.support.select import Select

    from pourparler.evidence import review
    from pourparler.evidence.store import Store

    browser.get(review_url + "/evidence")
    before = _statuses(browser)
    assert len(before) == 2 and set(before.values()) == {"pending"}
    first, second = sorted(before, key=int)
    row = browser.find_element("css selector", f'tr.claim[data-claim="{first}"]')
    click_and_wait(browser, row.find_element("css selector", "button.accept"), "claims")
    assert _statuses(browser) == {first: "accepted", second: "pending"}

    row = browser.find_element("css selector", f'tr.claim[data-claim="{second}"]')
    click_and_wait(browser, row.find_element("css selector", "a.claim-link"), "review-form")
    Select(browser.find_element("id", "correct-stance")).select_by_value("reject")
    browser.find_element("id", "review-note").send_keys(f"misread {SCRIPT_PAYLOAD}")
    click_and_wait(browser, browser.find_element("id", "review-correct"), "claims")
    # back on the list it came from, the claim is corrected
    assert browser.current_url.split("?")[0].endswith("/evidence")
    assert _statuses(browser) == {first: "accepted", second: "corrected"}
    row = browser.find_element("css selector", f'tr.claim[data-claim="{second}"]')
    assert row.find_elements("tag name", "td")[3].text == "reject"

    browser.get(f"{review_url}/evidence/claim/{second}")
    changes = browser.find_elements("css selector", "#history tr.change")
    assert [c.get_attribute("data-action") for c in changes] == ["correct"]
    assert f"misread {SCRIPT_PAYLOAD}" in changes[0].text
    assert_payloads_inert(browser)
    assert console_errors(browser) == []

    with Store(review_store) as store:
        changes_ = review.history(store, int(second)).changes
        statuses = {c.id: c.status for c in store.claims()}
    assert statuses == {int(first): "accepted", int(second): "corrected"}
    assert changes_[0].new["stance"] == "reject" and changes_[0].note == f"misread {SCRIPT_PAYLOAD}"


def test_add_an_article_and_accept_its_claims(
    browser: WebDriver, review_url: str, review_store: Path, tmp_path: Path
):
    from pourparler.evidence.store import Store

    article = tmp_path / "wire.txt"
    article.write_text(
        "Talks resume\n\nRussia demanded that Ukraine renounce NATO membership.\n"
        "Ukraine proposed an unconditional 30-day ceasefire.\n",
        encoding="utf-8",
    )
    browser.get(review_url + "/evidence")
    browser.find_element("id", "add-file").send_keys(str(article))
    # typed keys depend on the browser's locale: set the date input's value itself
    browser.execute_script("document.getElementById('add-date').value = '2025-06-02'")
    click_and_wait(browser, browser.find_element("id", "add-submit"), "added")
    row = browser.find_element("css selector", 'tr.added-file[data-name="wire.txt"]')
    assert row.get_attribute("data-error") == "no" and int(row.get_attribute("data-claims")) >= 2
    document = row.get_attribute("data-document")
    click_and_wait(browser, row.find_element("css selector", "a.document-claims"), "claims")
    pending = _statuses(browser)
    assert pending and set(pending.values()) == {"pending"}
    click_and_wait(browser, browser.find_element("id", "page-accept"), "claims")
    assert console_errors(browser) == []
    with Store(review_store) as store:
        mine = [c for c in store.claims() if str(c.document_id) == document]
    assert {c.status for c in mine} == {"accepted"} and len(mine) == len(pending)
    assert {c.date for c in mine} == {"2025-06-02"}


def test_an_article_read_by_the_model_is_followed_until_done(
    browser: WebDriver, xss_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """With --llm, the job's page refreshes itself (a meta refresh, which the pages' content
    security policy allows: they hold no script) until the model has read the file."""
    import sys

    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.wait import WebDriverWait

    require_module("httpx")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from test_evidence_llm import ARTICLE, FakeServer

    server = FakeServer()
    server.script = [("sleep", 2.5)]  # long enough for the page to look again at least once
    db = tmp_path / "evidence.sqlite3"
    shutil.copyfile(xss_store, db)
    for name, value in (
        ("POURPARLER_LLM_URL", server.url),
        ("POURPARLER_LLM_MODEL", "test-model"),
        ("POURPARLER_LLM_CACHE", str(tmp_path / "cache")),
        ("POURPARLER_LLM_SETTINGS", str(tmp_path / "llm.toml")),
    ):
        monkeypatch.setenv(name, value)
    (tmp_path / "llm.toml").write_text("request_timeout = 10\nattempts = 1\n", encoding="utf-8")
    try:
        with live_server("--db", str(db), "--review", "--llm") as base:
            browser.get(base + "/evidence")
            browser.find_element("id", "add-file").send_keys(str(ARTICLE))
            Select(browser.find_element("id", "add-reader")).select_by_value("llm")
            click_and_wait(browser, browser.find_element("id", "add-submit"), "job")
            job = browser.find_element("id", "job")
            assert job.get_attribute("data-finished") == "false"
            WebDriverWait(browser, 30).until(
                expected_conditions.text_to_be_present_in_element_attribute(
                    ("id", "job"), "data-finished", "true"
                )
            )
            row = browser.find_element("css selector", 'tr.added-file[data-name="article.txt"]')
            assert row.get_attribute("data-error") == "no"
            assert int(row.get_attribute("data-claims")) >= 1
            assert console_errors(browser) == []
    finally:
        server.close()
    assert server.requests >= 1


def test_an_address_typed_in_the_form_is_fetched_and_read(
    browser: WebDriver, xss_store: Path, tmp_path: Path
):
    """A page's address typed into the add form (a server started with --fetch-internal, as
    the page is served on this machine) is fetched in a job and its claims are stored."""
    import sys

    from selenium.webdriver.support import expected_conditions
    from selenium.webdriver.support.wait import WebDriverWait

    from pourparler.evidence.store import Store

    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from local_site import Page, site

    page = (
        b"<html><head><title>Talks resume</title></head><body><article><p>Russia demanded "
        b"that Ukraine renounce NATO membership.</p><p>Ukraine proposed an unconditional "
        b"30-day ceasefire.</p></article></body></html>"
    )

    class Talks(Page):
        def do_GET(self) -> None:
            self.send("text/html", page)

    db = tmp_path / "evidence.sqlite3"
    shutil.copyfile(xss_store, db)
    with (
        site(Talks) as base_site,
        live_server("--db", str(db), "--review", "--fetch-internal") as base,
    ):
        address = f"{base_site}/news/talks.html"
        browser.get(base + "/evidence")
        browser.find_element("id", "add-addresses").send_keys(address)
        click_and_wait(browser, browser.find_element("id", "add-submit"), "job")
        WebDriverWait(browser, 30).until(
            expected_conditions.text_to_be_present_in_element_attribute(
                ("id", "job"), "data-finished", "true"
            )
        )
        row = browser.find_element("css selector", f'tr.added-file[data-name="{address}"]')
        assert row.get_attribute("data-error") == "no"
        assert int(row.get_attribute("data-claims")) >= 2
        assert console_errors(browser) == []
    with Store(db) as store:
        assert {c.locator for c in store.claims() if c.locator == address} == {address}


def test_a_timeline_draws_its_points_and_keeps_payloads_text(browser: WebDriver, review_url: str):
    browser.get(review_url + "/evidence/timeline?actor=UA&issue=ceasefire")
    assert_payloads_inert(browser)
    assert console_errors(browser) == []
    points = browser.find_elements("css selector", "#timeline-chart a.point circle")
    assert points, "no point drawn"
    box = points[0].rect
    assert box["width"] > 0 and box["height"] > 0  # drawn, not just in the markup
    claim = points[0].find_element("xpath", "..").get_attribute("data-claim")
    click_and_wait(browser, points[0], "claim")
    assert browser.find_element("id", "claim").get_attribute("data-claim") == claim
