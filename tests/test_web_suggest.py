"""Scenario updates from the evidence in the web app (``/scenario/KEY/evidence``): the
proposals are those of ``pourparler evidence suggest`` on the same store, only reviewed claims
count by default, and applying them opens the updated scenario, citing its documents, for
analysis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from _web_support import TestClient  # skips without the web extra
from pourparler.evidence.store import Store
from pourparler.evidence.suggest import apply_updates, propose_updates
from pourparler.scenario import load_scenario
from pourparler.scenario.yaml_io import dump_yaml
from pourparler.web import create_app

SCENARIO = "istanbul-2025"
FORECAST_CELL = (
    r'<tr id="forecast-[^"]+" data-issue="([^"]+)">\s*<td[^>]*>[^<]*</td>\s*'
    r'<td[^>]*data-field="status_quo"[^>]*>[^<]*</td>\s*'
    r'<td class="num" data-field="forecast" data-model="ensemble" data-value="([^"]*)"'
)
BEFORE_CELL = r'(?s)data-issue="([^"]+)">(?:(?!</tr>).)*?data-field="before" data-value="([^"]*)"'
CHANGE_CELL = r'(?s)data-issue="([^"]+)">(?:(?!</tr>).)*?data-field="change" data-value="([^"]*)"'
# Sentences whose claims imply options of istanbul-2025 that differ from its positions.
ARTICLE = """\
Talks in Istanbul

Source: Test Wire
Date: 2025-06-02

Russia demanded that Ukraine renounce NATO membership.
Ukraine proposed an unconditional 30-day ceasefire.
The Kremlin insisted on Ukraine renouncing NATO membership and accepting limits on its army.
"""


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from pourparler.evidence.ingest import add_article

    art = tmp_path / "wire.txt"
    art.write_text(ARTICLE, encoding="utf-8")
    path = tmp_path / "e.db"
    with Store(path) as store:
        add_article(store, art, load_scenario(SCENARIO))
        assert store.claims()
    return path


def key() -> str:
    return load_scenario(SCENARIO).digest()


def shown(html: str) -> list[tuple[str, str, str, float]]:
    rows = re.findall(
        r'<tr class="proposal" data-actor="([^"]+)" data-issue="([^"]+)" data-field="([^"]+)" '
        r'data-current="[^"]*" data-proposed="([^"]+)"',
        html,
    )
    return [(a, i, f, float(p)) for a, i, f, p in rows]


def counts(html: str) -> tuple[int, int, int]:
    m = re.search(r'data-claims="(\d+)" data-used="(\d+)" data-proposals="(\d+)"', html)
    assert m, "no counts"
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def expected(db: Path, include_unreviewed: bool) -> list[tuple[str, str, str, float]]:
    sc = load_scenario(SCENARIO)
    with Store(db) as store:
        proposals = propose_updates(sc, store.claims(sc.id), include_unreviewed=include_unreviewed)
    return [(p.actor, p.issue, p.field, p.proposed) for p in proposals]


def test_only_reviewed_claims_count_until_pending_ones_are_asked_for(db):
    with TestClient(create_app(db=db, review=True), raise_server_exceptions=False) as c:
        page = c.get(f"/scenario/{key()}/evidence").text
        with Store(db) as store:
            total = len(store.claims())
        assert counts(page) == (total, 0, 0)
        assert 'id="proposals-none"' in page and 'href="/evidence?status=pending"' in page
        with_pending = c.get(f"/scenario/{key()}/evidence?unreviewed=1").text
        assert shown(with_pending) == expected(db, True) != []
        assert counts(with_pending)[1] == total
        # accepted in the browser, the claims count without asking for pending ones
        ids = re.findall(r'<tr class="claim" data-claim="(\d+)"', c.get("/evidence").text)
        c.post("/evidence/review", data={"claim": ids, "action": "accept"})
        page = c.get(f"/scenario/{key()}/evidence").text
        assert shown(page) == expected(db, False) == expected(db, True)
        # a rejected claim never counts
        c.post("/evidence/review", data={"claim": ids, "action": "reject"})
        page = c.get(f"/scenario/{key()}/evidence?unreviewed=1").text
        assert counts(page) == (0, 0, 0) and shown(page) == []


def test_applying_opens_the_updated_scenario_citing_its_documents(db):
    sc = load_scenario(SCENARIO)
    with Store(db) as store:
        proposals = propose_updates(sc, store.claims(sc.id), include_unreviewed=True)
    want = apply_updates(sc, proposals, "x")
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        assert 'id="link-evidence"' in c.get(f"/scenario/{key()}").text
        r = c.post(
            f"/scenario/{key()}/evidence/apply",
            data={"unreviewed": "1", "min_confidence": "0"},
            follow_redirects=False,
        )
        assert r.status_code == 303
        m = re.fullmatch(
            r"/scenario/([0-9a-f]{64})/analysis\?from=([0-9a-f]{64})", r.headers["location"]
        )
        assert m and m.group(2) == key() and m.group(1) != key()
        assert m.group(1) == want.digest()
        analysis = c.get(r.headers["location"]).text
        assert f'data-from="{key()}"' in analysis
        # each issue's forecast beside the one before the change, with the same seed and draws
        before = dict(re.findall(FORECAST_CELL, c.get(f"/scenario/{key()}/forecast").text))
        after = dict(re.findall(FORECAST_CELL, analysis))
        shown = dict(re.findall(BEFORE_CELL, analysis))
        changes = dict(re.findall(CHANGE_CELL, analysis))
        assert shown == before and set(after) == set(before)
        assert {i: float(changes[i]) for i in after} == {
            i: float(after[i]) - float(before[i]) for i in after
        }
        assert any(float(v) != 0.0 for v in changes.values())  # the updates move a forecast
        yaml_text = c.get(f"/scenario/{m.group(1)}/scenario.yaml").text
    assert yaml_text == dump_yaml(want)
    assert "Test Wire" in yaml_text and "imply the option" in yaml_text


def test_bad_parameters_and_missing_stores_are_one_line(db):
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        for query, needle in (
            ("min_confidence=2", "min_confidence: &#39;2&#39;: not a confidence between 0 and 1"),
            ("min_confidence=x", "min_confidence: &#39;x&#39;: not a number"),
            ("min_confidence=nan", "not a confidence between 0 and 1"),
            ("unreviewed=maybe", "unreviewed: &#39;maybe&#39;: expected 1 or 0"),
        ):
            r = c.get(f"/scenario/{key()}/evidence?{query}")
            assert r.status_code == 400 and needle in r.text
        # nothing reviewed: nothing to apply
        r = c.post(f"/scenario/{key()}/evidence/apply", data={})
        assert r.status_code == 400 and "propose no update to apply" in r.text
        r = c.post(
            f"/scenario/{key()}/evidence/apply",
            data={"unreviewed": "1"},
            headers={"origin": "https://elsewhere.example"},
        )
        assert r.status_code == 403
        assert c.get(f"/scenario/{'0' * 64}/evidence").status_code == 404
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        assert 'id="link-evidence"' not in c.get(f"/scenario/{key()}").text
        r = c.get(f"/scenario/{key()}/evidence")
        assert r.status_code == 404 and "--db" in r.text


def test_the_page_reads_only_positioned_claims_and_counts_the_rest_as_before(tmp_path):
    """The updates page reads the claims that imply a position and counts the others in SQL:
    its proposals and counts are those computed from every claim about the scenario, for each
    rule of which claims count."""
    from pourparler.evidence import review
    from pourparler.evidence.ingest import read_article
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.readers.rules import RulesReader
    from pourparler.evidence.suggest import usable
    from pourparler.web.evidence_suggest import SuggestParams, suggestions
    from pourparler.web.evidence_view import EvidenceReader

    sc = load_scenario(SCENARIO)
    db = tmp_path / "e.db"
    written = sorted((Path(__file__).parent / "data" / "evidence_written").glob("a*.txt"))[:6]
    with Store(db) as store:
        for f in written:
            add_read(store, read_article(f), sc, RulesReader())
        claims = store.claims()
        review.apply(store, claims[0::3], "accept", None)
        review.apply(store, claims[1::5], "reject", None)
    assert any(c.position is None for c in claims) and any(c.position is not None for c in claims)
    reader = EvidenceReader(db)
    every = list(reader.scenario_claims(SCENARIO))
    for params in (SuggestParams(), SuggestParams(True, 0.0), SuggestParams(True, 0.6)):
        found = suggestions(reader, sc, params)
        expected = propose_updates(
            sc, every, include_unreviewed=params.unreviewed, min_confidence=params.min_confidence
        )

        def key(ps):
            return [(p.actor, p.issue, p.field, p.proposed, [c.id for c in p.claims]) for p in ps]

        assert key(found.proposals) == key(expected)
        assert found.claims == len(every)
        assert found.used == len(usable(every, params.unreviewed, params.min_confidence))
    assert suggestions(reader, sc, SuggestParams(True, 0.0)).proposals  # something to compare


def test_the_counts_say_how_many_claims_are_about_the_scenario_and_how_many_were_rejected(db):
    from pourparler.evidence import review

    with Store(db) as store:
        claims = store.claims()
        assert len(claims) >= 2
        review.apply(store, claims[:1], "reject", None)
    total = len(claims)
    with TestClient(create_app(db=db), raise_server_exceptions=False) as c:
        page = c.get(f"/scenario/{key()}/evidence").text
    m = re.search(r'<p id="suggest-counts"[^>]*data-rejected="(\d+)"[^>]*>([^;]*);', page)
    assert m, "no counts"
    assert m[1] == "1" and counts(page)[0] == total - 1
    assert m[2] == (
        f"{total} claims in the store are about this scenario: {total - 1} not rejected "
        "(1 rejected in review)"
    )
