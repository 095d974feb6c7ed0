"""Time ``pourparler forecast`` and ``pourparler sensitivity`` on large synthetic inputs, as
users run them (a subprocess each, default flags unless the case names some).

    .venv/bin/python benchmarks/bench_scale.py [--repeat N] [--only NAME[,NAME]] [--keep DIR]

The inputs are drawn by a seeded generator (:func:`synthetic_scenario`) and written to a
temporary directory: YAML scenarios with stated uncertainties, and a BDM actor table. Prints the
median wall time of each case over the repeats, and the exit code when a case fails.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np
import yaml


def synthetic_scenario(n_actors: int, n_issues: int, seed: int = 0) -> dict[str, Any]:
    """A valid scenario document: every actor takes a stance on about 90% of the issues, with
    positions on 0–100, saliences on 0–1 and stated uncertainties."""
    rng = np.random.default_rng([seed, n_actors, n_issues])
    actors = [
        {
            "id": f"A{a}",
            "name": f"Actor {a}",
            "kind": "belligerent" if a < 2 else "mediator",
            "capability": round(float(rng.uniform(0.05, 1.0)), 3),
        }
        for a in range(n_actors)
    ]
    issues = [
        {
            "id": f"i{k}",
            "name": f"Issue {k}",
            "track": "security",
            "status_quo": round(float(rng.uniform(0, 100)), 1),
            "options": [
                {"value": 0, "label": "none"},
                {"value": 50, "label": "half"},
                {"value": 100, "label": "all"},
            ],
        }
        for k in range(n_issues)
    ]
    present = rng.random((n_actors, n_issues)) < 0.9
    present[:2] = True
    stances = [
        {
            "actor": f"A{a}",
            "issue": f"i{k}",
            "position": round(float(rng.uniform(0, 100)), 1),
            "salience": round(float(rng.uniform(0.05, 1.0)), 2),
            "uncertainty": {
                "position": round(float(rng.uniform(0, 15)), 1),
                "salience": round(float(rng.uniform(0, 0.1)), 2),
            },
        }
        for a in range(n_actors)
        for k in range(n_issues)
        if present[a, k]
    ]
    return {
        "id": f"synthetic-{n_actors}x{n_issues}",
        "title": f"Synthetic {n_actors} actors × {n_issues} issues",
        "date": "2026-01-01",
        "actors": actors,
        "issues": issues,
        "stances": stances,
    }


def write_yaml(path: Path, n_actors: int, n_issues: int, seed: int = 0) -> Path:
    doc = synthetic_scenario(n_actors, n_issues, seed)
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def write_bdm_csv(path: Path, n_actors: int, seed: int = 0) -> Path:
    """A BDM actor table (``Actor, Capability, Position, Salience``; salience on 0–100)."""
    rng = np.random.default_rng([seed, n_actors])
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["Actor", "Capability", "Position", "Salience"])
        for a in range(n_actors):
            out.writerow(
                [
                    f"actor{a}",
                    round(float(rng.uniform(1, 100)), 1),
                    round(float(rng.uniform(0, 100)), 1),
                    int(rng.integers(5, 101)),
                ]
            )
    return path


def write_decide(path: Path, n_actors: int, n_issues: int, seed: int = 0) -> Path:
    """A Decide input file (no uncertainty), as ``bench_exchange.py`` writes them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_exchange import decide_input

    path.write_text(decide_input(n_actors, n_issues, seed), encoding="utf-8")
    return path


def cases(tmp: Path) -> dict[str, list[str]]:
    """name → command-line arguments."""
    decide = write_decide(tmp / "decide-30x20.csv", 30, 20)
    big = write_yaml(tmp / "big-200x10.yaml", 200, 10)
    wide = write_yaml(tmp / "wide-6x40.yaml", 6, 40)
    table = write_bdm_csv(tmp / "bdm-2000.csv", 2000)
    return {
        "forecast decide-30x20 --model exchange": ["forecast", str(decide), "--model", "exchange"],
        "forecast 200x10 --model all": ["forecast", str(big), "--model", "all", "--seed", "1"],
        "forecast 200x10 --model all --workers 1": [
            *("forecast", str(big), "--model", "all", "--seed", "1", "--workers", "1"),
        ],
        "forecast 500x10": ["forecast", str(write_yaml(tmp / "big-500x10.yaml", 500, 10))],
        "sensitivity 200x10": ["sensitivity", str(big)],
        "forecast bdm-2000 csv": ["forecast", str(table), "--seed", "1"],
        "forecast 6x40 --model all --draws 1000": [
            *("forecast", str(wide), "--model", "all", "--draws", "1000", "--seed", "1"),
        ],
        "forecast 6x40 --model all --draws 1000 --full": [
            *("forecast", str(wide), "--model", "all", "--draws", "1000", "--seed", "1", "--full"),
        ],
        "sensitivity bdm-500 csv": ["sensitivity", str(write_bdm_csv(tmp / "bdm-500.csv", 500))],
        "forecast bdm-10000 csv (refused: over 5,000 actors)": [
            *("forecast", str(write_bdm_csv(tmp / "bdm-10000.csv", 10000))),
        ],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--only", default="", help="comma-separated case names (substrings)")
    parser.add_argument("--keep", default="", help="write the inputs to this directory")
    parser.add_argument("--timeout", type=float, default=600, help="seconds a run may take")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = Path(args.keep or scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        wanted = [w for w in args.only.split(",") if w]
        for name, argv in cases(tmp).items():
            if wanted and not any(w in name for w in wanted):
                continue
            times = []
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                try:
                    proc = subprocess.run(
                        [sys.executable, "-m", "pourparler", *argv],
                        stdout=subprocess.DEVNULL,
                        stderr=subprocess.PIPE,
                        text=True,
                        timeout=args.timeout,
                    )
                except subprocess.TimeoutExpired:
                    print(f"{name}: did not finish in {args.timeout:.0f} s")
                    break
                times.append(time.perf_counter() - t0)
                if proc.returncode:
                    print(f"  {name}: exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
            if times:
                median = statistics.median(times)
                print(f"{name}: median {median:.2f} s over {len(times)} run(s)")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
