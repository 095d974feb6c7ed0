"""A saved news page: the story's text alone when the page marks it as an article, and the
outlet, date and address the page's markup gives."""

from __future__ import annotations

import json

import pytest

from cli_run import run_cli
from pourparler.errors import InputError
from pourparler.evidence.clean import clean_html

STORY = (
    "Ukraine insists on an unconditional 30-day ceasefire before any talks on territory, its "
    "foreign minister said on Tuesday. Officials in Kyiv said the proposal remained on the table "
    "and that monitoring could be led by the United States."
)
TEASER = "Kremlin rejects the ceasefire again, says terms unchanged"
LINKED = {
    "@context": "https://schema.org",
    "@graph": [
        {"@type": "WebSite", "name": "Site"},
        {
            "@type": "NewsArticle",
            "headline": "Kyiv holds out for a truce",
            "datePublished": "2025-05-20T08:15:00+03:00",
            "publisher": {"@type": "Organization", "name": "The Example Courier"},
        },
    ],
}


def page(*, article: bool = True, linked: bool = True, teasers: int = 3) -> str:
    wrap = ("<article>", "</article>") if article else ("<div>", "</div>")
    more = "".join(
        f"<article><h3><a href='/s{k}'>{TEASER} {k}</a></h3></article>" for k in range(teasers)
    )
    ld = f'<script type="application/ld+json">{json.dumps(LINKED)}</script>' if linked else ""
    return (
        "<!doctype html><html><head><title>Kyiv holds out for a truce | Courier</title>"
        '<link rel="canonical" href="https://courier.example/world/kyiv-truce">'
        '<meta property="og:site_name" content="Courier Online">'
        f"{ld}</head><body><div class='trending'><p>Trending: {TEASER}.</p></div>"
        f"<main>{wrap[0]}<h1>Kyiv holds out for a truce</h1><p>{STORY}</p>{wrap[1]}"
        f"<section class='more-stories'>{more}</section></main></body></html>"
    )


def test_the_story_alone_when_the_page_marks_its_article():
    clean = clean_html(page())
    assert STORY in clean.text and TEASER not in clean.text and "Trending" not in clean.text
    assert clean.title == "Kyiv holds out for a truce"


def test_every_article_of_a_page_of_many_is_kept():
    # no article holds most of the text (a live blog): all of them, and nothing else
    clean = clean_html(page(article=False, teasers=12).replace("Trending", "Live"))
    assert clean.text.count(TEASER) == 12 and "Live:" not in clean.text


def test_a_page_without_articles_keeps_its_text():
    clean = clean_html(page(article=False, teasers=0).replace("<main>", "<div>"))
    assert STORY in clean.text and "Trending" in clean.text


def test_each_character_still_points_into_the_file():
    raw = page()
    clean = clean_html(raw)
    start = clean.text.index("Ukraine insists")
    a, b = clean.raw_span(start, start + len("Ukraine insists"))
    assert raw[a:b] == "Ukraine insists"


def test_outlet_date_and_address_from_the_markup():
    clean = clean_html(page())
    assert clean.outlet == "Courier Online"  # og:site_name comes first in the page
    assert clean.date is not None and clean.date.isoformat() == "2025-05-20"
    assert clean.locator == "https://courier.example/world/kyiv-truce"
    bare = clean_html(page(linked=False).replace('property="og:site_name"', 'name="x"'))
    assert bare.outlet is None and bare.date is None
    only_ld = clean_html(page().replace('property="og:site_name"', 'name="x"'))
    assert only_ld.outlet == "The Example Courier"


def test_broken_linked_data_is_ignored():
    raw = page(linked=False).replace(
        "</head>", '<script type="application/ld+json">{"datePublished": </script></head>'
    )
    assert clean_html(raw).date is None
    deep = page(linked=False).replace(
        "</head>", '<script type="application/ld+json">' + "[" * 100_000 + "</script></head>"
    )
    assert STORY in clean_html(deep).text


def test_a_saved_page_is_stored_with_its_address_and_the_story_claims(tmp_path, capsys):
    saved = tmp_path / "kyiv-truce.html"
    saved.write_text(page(), encoding="utf-8")
    db = tmp_path / "e.db"
    assert run_cli(capsys, ["evidence", "add", str(saved), "--db", str(db)])[0] == 0
    _, out, _ = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    claims = json.loads(out)["claims"]
    assert claims and all(TEASER not in c["sentence"] for c in claims)
    assert {(c["actor"], c["issue"], c["stance"]) for c in claims} >= {
        ("UA", "ceasefire", "demand")
    }
    assert {c["locator"] for c in claims} == {"https://courier.example/world/kyiv-truce"}
    assert {(c["outlet"], c["date"]) for c in claims} == {("Courier Online", "2025-05-20")}


def test_a_saved_page_in_the_character_set_it_declares_is_read(tmp_path):
    from pourparler.evidence.ingest import read_article

    body = "<p>Britain’s envoy said Kyiv insists on a ceasefire — now.</p>"
    saved = tmp_path / "cp1252.html"
    saved.write_bytes(
        f'<html><head><meta charset="windows-1252"></head><body>{body}</body></html>'.encode(
            "cp1252"
        )
    )
    assert (
        "Britain’s envoy said Kyiv insists on a ceasefire — now." in read_article(saved).clean.text
    )
    wrong = tmp_path / "ascii.html"
    wrong.write_bytes(saved.read_bytes().replace(b"windows-1252", b"us-ascii"))
    with pytest.raises(
        InputError, match=r"ascii.html: encoding: not UTF-8 text .*; nor ascii as declared"
    ):
        read_article(wrong)


def test_the_report_links_a_claim_to_the_address_of_its_page(tmp_path, capsys):
    saved = tmp_path / "kyiv-truce.html"
    saved.write_text(page(), encoding="utf-8")
    db, html = tmp_path / "e.db", tmp_path / "r.html"
    assert run_cli(capsys, ["evidence", "add", str(saved), "--db", str(db)])[0] == 0
    code, _, err = run_cli(capsys, ["report", "istanbul-2025", "--db", str(db), "--to", str(html)])
    assert code == 0, err
    link = '<a class="source" href="https://courier.example/world/kyiv-truce" rel="noopener'
    assert link in html.read_text(encoding="utf-8")


def test_the_review_list_names_the_address_of_a_saved_page(tmp_path, capsys):
    saved = tmp_path / "kyiv-truce.html"
    saved.write_text(page(), encoding="utf-8")
    db = tmp_path / "e.db"
    assert run_cli(capsys, ["evidence", "add", str(saved), "--db", str(db)])[0] == 0
    code, out, _ = run_cli(capsys, ["evidence", "review", "--list", "--db", str(db)])
    assert code == 0
    heading = "doc 1 2025-05-20 Kyiv holds out for a truce (Courier Online) https://courier.example"
    assert heading in " ".join(out.split())  # however the terminal wraps it
