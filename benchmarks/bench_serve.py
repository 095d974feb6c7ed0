"""Latency of the web app under 50 concurrent clients, per kind of request.

    .venv/bin/python benchmarks/bench_serve.py [--clients 50] [--scenario istanbul-2022]

Starts the app (uvicorn, 127.0.0.1, a free port, 2 analysis threads) with a small evidence
store, served with ``--review``, then for each kind sends ``--clients`` requests at once and
prints their p50, p90 and p99 latency. Each kind runs twice: ``cold`` (the first burst, which
computes the forecast and the deals once for all its requests) and ``warm`` (answered from the
cache). ``review`` accepts claims (each a write to the store, one at a time); ``add`` stores an
article of 40 sentences each time (a new one: read, claims found, written).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from pourparler.evidence.ingest import add_article
from pourparler.evidence.store import Store
from pourparler.scenario import load_scenario
from pourparler.scenario.yaml_io import dump_yaml
from pourparler.web import create_app
from pourparler.web.local import burst, percentiles, request_kinds, serving

ARTICLE = (
    "Talks Resume in Istanbul\n\n"
    + "Kyiv insists on an unconditional 30-day ceasefire on land, air and sea.\n"
    "The Kremlin rejected the ceasefire.\n" * 20
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--scenario", default="istanbul-2022")
    args = parser.parse_args()
    sc = load_scenario(args.scenario)
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "evidence.db"
        article = Path(folder) / "a.txt"
        article.write_text(ARTICLE, encoding="utf-8")
        with Store(db) as store:
            add_article(store, article, load_scenario("istanbul-2025"))
            claims = [c.id for c in store.claims()]
        app = create_app(db=db, review=True, workers=2, timeout=300.0)
        with serving(app) as url:
            print(f"{args.scenario}, {args.clients} concurrent clients per burst; seconds")
            print(f"{'kind':<10} {'pass':<5} {'p50':>7} {'p90':>7} {'p99':>7}  errors  wall")
            for pass_name in ("cold", "warm"):
                kinds = request_kinds(
                    sc.digest(),
                    dump_yaml(sc),
                    args.clients,
                    review=claims,
                    article=ARTICLE.split("\n\n", 1)[1],
                )
                for kind, requests in kinds.items():
                    t0 = time.perf_counter()
                    outcomes = burst(url, kind, requests, timeout=300.0)
                    wall = time.perf_counter() - t0
                    ok = 303 if kind in ("upload", "review") else 200
                    errors = sum(o.status != ok for o in outcomes)
                    p = percentiles([o.seconds for o in outcomes])
                    print(
                        f"{kind:<10} {pass_name:<5} {p['p50']:7.3f} {p['p90']:7.3f} "
                        f"{p['p99']:7.3f}  {errors:6d}  {wall:5.2f}"
                    )


if __name__ == "__main__":
    main()
