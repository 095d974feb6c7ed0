"""The web app under load: 50 concurrent requests of each kind against a real uvicorn server
on a loopback port, with no error."""

from __future__ import annotations

import pytest

pytest.importorskip("starlette")
pytest.importorskip("uvicorn")
pytest.importorskip("httpx")

from pourparler.evidence.ingest import add_article
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.scenario.yaml_io import dump_yaml
from pourparler.web import create_app
from pourparler.web.local import burst, request_kinds, serving

CONCURRENT = 50
SCENARIO = "istanbul-2022"


@pytest.mark.timeout(600)
def test_fifty_concurrent_requests_of_each_kind_all_succeed(tmp_path):
    sc = load_scenario(SCENARIO)
    db = tmp_path / "evidence.db"
    article = tmp_path / "a.txt"
    article.write_text(
        "Talks Resume in Istanbul\n\n"
        + "Kyiv insists on an unconditional 30-day ceasefire on land, air and sea.\n"
        "The Kremlin rejected the ceasefire.\n" * 20,
        encoding="utf-8",
    )
    with Store(db) as store:
        add_article(store, article, load_scenario("istanbul-2025"))
        claims = [c.id for c in store.claims()]
    app = create_app(db=db, review=True, workers=2, timeout=120.0)
    with serving(app) as url:
        kinds = request_kinds(
            sc.digest(), dump_yaml(sc), CONCURRENT, review=claims, article="Russia demands a truce."
        )
        assert set(kinds) == {
            "home",
            "scenario",
            "forecast",
            "deals",
            "downloads",
            "evidence",
            "updates",
            "upload",
            "review",
            "add",
        }
        for kind, requests in kinds.items():
            outcomes = burst(url, kind, requests, timeout=120.0)
            assert len(outcomes) == CONCURRENT
            expected = 303 if kind in ("upload", "review") else 200
            bad = [o for o in outcomes if o.status != expected]
            assert bad == [], f"{kind}: {bad[:3]}"
    with Store(db) as store:  # every concurrent write landed: 50 articles, every claim reviewed
        assert store.counts()[0] == 1 + CONCURRENT
        accepted = {c.id for c in store.claims(status="accepted")}
    assert accepted == set(claims[:CONCURRENT])
