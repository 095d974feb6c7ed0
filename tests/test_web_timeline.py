"""One actor's stances on one issue over time in the web app (``/evidence/timeline``): the
claims of ``pourparler evidence timeline`` (rejected ones left out and counted), a chart whose
points are the dated claims that imply a position, placed by date and position on the scale
of the scenario's labelled options, with its present position; and the links to it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from _web_support import TestClient  # skips without the web extra
from cli_run import run_cli
from pourparler.evidence import review
from pourparler.evidence.ingest import article_from_bytes
from pourparler.evidence.readers.document import add_read
from pourparler.evidence.readers.rules import RulesReader
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.web import create_app
from pourparler.web.evidence_timeline import BOTTOM, HEIGHT, TOP

# (date, text): Russia's stance on the ceasefire in three documents
DATED = (
    ("2025-03-14", "The Kremlin rejected the unconditional 30-day ceasefire."),
    (
        "2025-05-16",
        "Russia demanded a partial ceasefire on energy infrastructure and the Black Sea.",
    ),
    ("2025-06-02", "Russia proposed short local truces of 2-3 days along the front."),
    ("2025-06-03", "Russia demanded that Ukraine withdraw its troops before any ceasefire."),
)


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    import datetime as dt

    db = tmp_path / "e.db"
    sc = load_scenario("istanbul-2025")
    with Store(db) as store:
        for k, (date, text) in enumerate(DATED):
            article = article_from_bytes(Path(f"{k}.txt"), f"{text}\n".encode())
            add_read(store, article, sc, RulesReader(), date=dt.date.fromisoformat(date))
    return db


def _events(page: str) -> list[tuple[str, str]]:
    return re.findall(r'<tr class="event" data-claim="(\d+)" data-status="(\w+)">', page)


def test_the_timeline_shows_the_claims_evidence_timeline_gives(filled, capsys):
    code, out, err = run_cli(
        capsys, ["evidence", "timeline", "RU", "ceasefire", "--db", str(filled), "--json"]
    )
    assert code == 0, err
    cli = json.loads(out)["timeline"]
    with TestClient(create_app(db=filled)) as c:
        page = c.get("/evidence/timeline?actor=RU&issue=ceasefire").text
    assert len(_events(page)) == len(cli) >= 3
    dates = re.findall(r'<tr class="event"[^>]*><td>([^<]+)</td>', page)
    assert dates == [e["date"] or "undated" for e in cli]


def test_the_chart_places_each_positioned_claim_by_date_and_position(filled):
    sc = load_scenario("istanbul-2025")
    ceasefire = next(i for i in sc.issues if i.id == "ceasefire")
    with Store(filled) as store:
        positioned = [c for c in store.claims(None, "RU", "ceasefire") if c.position is not None]
    assert len(positioned) >= 2
    with TestClient(create_app(db=filled)) as c:
        page = c.get("/evidence/timeline?actor=RU&issue=ceasefire").text
    points = re.findall(
        r'<a class="point" href="/evidence/claim/(\d+)" data-claim="\d+" data-status="\w+">'
        r'<circle cx="([\d.]+)" cy="([\d.]+)"',
        page,
    )
    assert {int(i) for i, _, _ in points} == {c.id for c in positioned}
    top, bottom = TOP, HEIGHT - BOTTOM
    by_id = {c.id: c for c in positioned}
    for i, _cx, cy in points:
        want = bottom + (top - bottom) * by_id[int(i)].position / 100
        assert float(cy) == pytest.approx(want, abs=0.1)
    xs = [float(cx) for _, cx, _ in sorted(points, key=lambda p: by_id[int(p[0])].date)]
    assert xs == sorted(xs)  # later dates to the right
    options = re.findall(r'<g class="option" data-value="([^"]+)">', page)
    assert [float(v) for v in options] == [o.value for o in ceasefire.options]
    now = re.search(r'<g id="timeline-now" data-value="([^"]+)">', page)
    assert now and float(now[1]) == sc.stance("RU", "ceasefire").position


def test_rejected_claims_are_left_out_and_counted(filled):
    with Store(filled) as store:
        first = store.claims(None, "RU", "ceasefire")[0]
        review.apply(store, [first], "reject", None)
    with TestClient(create_app(db=filled)) as c:
        page = c.get("/evidence/timeline?actor=RU&issue=ceasefire").text
    assert 'data-rejected="1"' in page and "1 rejected in review left out" in page
    assert str(first.id) not in {i for i, _ in _events(page)}


def test_links_lead_to_it_and_bad_requests_are_one_line(filled):
    with TestClient(create_app(db=filled)) as c:
        listed = c.get("/evidence?actor=RU&issue=ceasefire").text
        claim = re.search(r'href="/evidence/claim/(\d+)', listed)[1]
        claim_page = c.get(f"/evidence/claim/{claim}").text
        unfiltered = c.get("/evidence").text
        missing = c.get("/evidence/timeline?actor=RU")
        unknown = c.get("/evidence/timeline?actor=XX&issue=ceasefire")
        other = c.get("/evidence/timeline?actor=RU&issue=ceasefire&scenario=nope")
        none_charted = c.get("/evidence/timeline?actor=RU&issue=ceasefire&scenario=istanbul-2022")
    assert 'id="link-timeline" href="/evidence/timeline?actor=RU&amp;issue=ceasefire"' in listed
    assert 'id="link-timeline"' in claim_page and 'id="link-timeline"' not in unfiltered
    assert missing.status_code == 400 and "issue: missing" in missing.text
    assert unknown.status_code == 400 and "known: RU" in unknown.text
    assert other.status_code == 400 and "not a built-in scenario" in other.text
    assert none_charted.status_code == 200


def test_each_proposed_update_links_to_its_timeline(filled):
    with Store(filled) as store:
        review.apply(store, store.claims(), "accept", None)
    with TestClient(create_app(db=filled)) as c:
        key = c.get("/builtin/istanbul-2025", follow_redirects=False).headers["location"]
        page = c.get(f"{key}/evidence").text
        links = re.findall(r'<a class="proposal-timeline" href="([^"]+)"', page)
        assert links, "no proposal"
        assert all("&amp;scenario=istanbul-2025" in link for link in links)
        shown = c.get(links[0].replace("&amp;", "&"))
    assert shown.status_code == 200 and 'id="timeline-chart"' in shown.text


def test_the_timeline_downloads_as_evidence_timeline_writes_it(filled, capsys):
    with Store(filled) as store:
        review.apply(store, store.claims(None, "RU", "ceasefire")[:1], "reject", None)
    code, out, err = run_cli(
        capsys, ["evidence", "timeline", "RU", "ceasefire", "--db", str(filled), "--json"]
    )
    assert code == 0, err
    with TestClient(create_app(db=filled)) as c:
        page = c.get("/evidence/timeline?actor=RU&issue=ceasefire").text
        data = c.get("/evidence/timeline.json?actor=RU&issue=ceasefire")
        table = c.get("/evidence/timeline.csv?actor=RU&issue=ceasefire")
    assert 'id="download-timeline-json" href="/evidence/timeline.json?actor=RU&amp;issue=' in page
    assert data.status_code == 200 and data.json() == json.loads(out)
    assert data.json()["rejected"] == 1
    if table.status_code == 200:  # with pandas
        import csv
        import io

        rows = list(csv.reader(io.StringIO(table.text)))
        assert len(rows) == 1 + len(data.json()["timeline"]) and "sentence" in rows[0]
