"""Time ``breakdown_probabilities``, which the simulation calls for every package it tries.

    .venv/bin/python benchmarks/bench_durability.py [--repeat N]

Prints the median time per call: a package seen before (cached), a new package or override
(computed), and the fitted model read from its JSON (once per process).
"""

from __future__ import annotations

import argparse
import statistics
import time

from pourparler.dynamics import durability as dur
from pourparler.scenario.model import DurabilityOverride

MONTHS = 120
CALLS = 10_000


def _per_call(fn, calls: int, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        for i in range(calls):
            fn(i)
        times.append((time.perf_counter() - t0) / calls)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    t0 = time.perf_counter()
    dur.shipped_fit()
    load = time.perf_counter() - t0
    package = ["cease", "pko", "third_party", "elections"]
    override = DurabilityOverride(coefficients={"pko": -0.5})
    cached = _per_call(
        lambda i: dur.breakdown_probabilities(package, MONTHS, override), CALLS, args.repeat
    )

    def fresh(i: int) -> None:
        dur._probabilities.cache_clear()
        dur.breakdown_probabilities(package, MONTHS, override)

    computed = _per_call(fresh, CALLS // 10, args.repeat)
    print(f"breakdown_probabilities, {MONTHS} months, {len(package)} provisions, an override:")
    print(f"  reading the fit (once):   {load * 1e3:8.2f} ms")
    print(f"  cached call:              {cached * 1e6:8.2f} µs (median of {args.repeat})")
    print(f"  computed call:            {computed * 1e6:8.2f} µs (median of {args.repeat})")


if __name__ == "__main__":
    main()
