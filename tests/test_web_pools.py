"""The web app's two pools of threads: analyses on one, the evidence pages, reviews, uploads
and downloads' text on the other, so that a burst of analyses never holds up a review."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from _web_support import TestClient  # skips without the web extra
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.web import context, create_app


@pytest.fixture
def db(tmp_path: Path) -> Path:
    from pourparler.evidence.ingest import add_article

    art = tmp_path / "a.txt"
    art.write_text("Talks\n\nThe Kremlin rejected the ceasefire.\n", encoding="utf-8")
    path = tmp_path / "e.db"
    with Store(path) as store:
        add_article(store, art, load_scenario("istanbul-2025"))
    return path


def test_reviews_and_evidence_pages_answer_while_every_analysis_thread_is_busy(db, monkeypatch):
    release = threading.Event()
    started = threading.Semaphore(0)

    def stuck(sc, params):  # an analysis that holds its thread until released
        started.release()
        release.wait(30)
        raise RuntimeError("released")

    monkeypatch.setattr(context, "run_forecast", stuck)
    key = load_scenario("istanbul-2025").digest()
    with Store(db) as store:
        claim = store.claims()[0].id
    app = create_app(db=db, review=True, workers=2, timeout=20.0)
    with TestClient(app, raise_server_exceptions=False) as c:
        busy = [
            threading.Thread(target=c.get, args=(f"/scenario/{key}/forecast.json?seed={k}",))
            for k in range(4)
        ]
        for t in busy:
            t.start()
        assert started.acquire(timeout=10) and started.acquire(timeout=10)  # both threads
        t0 = time.perf_counter()
        page = c.get("/evidence")
        review = c.post(
            f"/evidence/claim/{claim}/review", data={"action": "accept"}, follow_redirects=False
        )
        waited = time.perf_counter() - t0
        release.set()
        for t in busy:
            t.join(30)
    assert page.status_code == 200 and review.status_code == 303
    assert waited < 10  # not queued behind the analyses (20 s each, until released)
    with Store(db) as store:
        assert {c.id: c.status for c in store.claims()}[claim] == "accepted"
