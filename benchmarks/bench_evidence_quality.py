"""Precision and recall of the claim extractor on the hand-annotated seed articles.

Run: .venv/bin/python benchmarks/bench_evidence_quality.py [--verbose]
Reads ../shared/seeds beside the checkout and tests/gold/evidence/seeds.json; prints the figures,
and with --verbose every miss and false alarm (file, offsets, actor, issue, stance). Also scores
tests/gold/evidence/heldout_gold.json (articles written for the tests).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from pourparler.evidence.score import load_gold, score_gold
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = ROOT / "tests" / "gold" / "evidence" / "seeds.json"
HELDOUT = ROOT / "tests" / "gold" / "evidence" / "heldout_gold.json"


def main() -> None:
    if not SEEDS.is_dir():
        print(f"seed articles not found at {SEEDS}; nothing to measure")
        return
    scenario = load_scenario("istanbul-2025")
    gold = load_gold(GOLD)
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        s = score_gold(gold, SEEDS, scenario)
        times.append(time.perf_counter() - t0)
    times.sort()
    print(f"gold claims {s.gold}, extracted {s.predicted}")
    print(f"precision {s.precision:.3f} ({s.true_positives}/{s.predicted})")
    print(f"recall    {s.recall:.3f} ({s.gold_found}/{s.gold})")
    print(f"median time to clean and extract 5 articles: {times[2] * 1000:.1f} ms")
    h = score_gold(load_gold(HELDOUT), HELDOUT.parent, scenario)
    print(
        f"articles written for the tests: precision {h.precision:.3f} "
        f"({h.true_positives}/{h.predicted}), recall {h.recall:.3f} ({h.gold_found}/{h.gold})"
    )
    if "--verbose" in sys.argv:
        for kind, rows in (("false alarm", s.false_alarms), ("miss", s.misses)):
            for r in rows:
                print(
                    f"{kind:11} {r['file']} {r['start']}-{r['end']} "
                    f"{r['actor']} {r['issue']} {r['stance']}"
                )


if __name__ == "__main__":
    main()
