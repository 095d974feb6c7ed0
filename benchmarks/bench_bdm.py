"""Time Bueno de Mesquita's model: 10,000 Monte Carlo draws of a 20-actor issue, 10 rounds.

    .venv/bin/python benchmarks/bench_bdm.py [--repeat N]

Prints the median wall time over the repeats, with one thread and with two.
"""

from __future__ import annotations

import argparse
import statistics
import time

import numpy as np

from pourparler.forecast.bdm import bdm_rounds

DRAWS, ACTORS, ROUNDS = 10_000, 20, 10


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(20110101)
    x = rng.uniform(0, 100, (DRAWS, ACTORS))
    c = rng.uniform(0, 1, (DRAWS, ACTORS))
    s = rng.uniform(0, 1, (DRAWS, ACTORS))
    print(f"BDM: {DRAWS} draws x {ACTORS} actors x {ROUNDS} rounds")
    results = {}
    for workers in (1, 2):
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            res = bdm_rounds(x, c, s, rounds=ROUNDS, workers=workers)
            times.append(time.perf_counter() - t0)
        results[workers] = res.forecast()
        print(
            f"  threads={workers}: median {statistics.median(times):.2f} s over {args.repeat} runs"
        )
    assert np.array_equal(results[1], results[2]), "threads changed the result"


if __name__ == "__main__":
    main()
