"""The web app's deals size check against the time the deals analysis really takes.

Run: .venv/bin/python benchmarks/bench_deals_size.py [--repeats N] [--large]

For BDM tables (one issue, 100 positions) and random scenarios (``deals.synthetic``: every actor
a veto party) of several sizes, prints the estimate of ``pourparler.web.deals_size`` (and
whether the app refuses the scenario), the time of the check itself, and the median time of
the analysis the app would run (``run_deals``). ``--large`` adds the sizes that take from half
a minute to more than a minute each (the 3,000-row table, 500 and 300 veto parties), which is
how the constants were calibrated.
"""

from __future__ import annotations

import argparse
import statistics
import time

from pourparler.deals.space import package_space_for_track
from pourparler.deals.synthetic import random_scenario
from pourparler.scenario import Scenario, load_scenario
from pourparler.web.analyses import run_deals
from pourparler.web.deals_size import DEALS_SECONDS, deals_seconds
from pourparler.web.upload import scenario_from_upload


def bdm_table(n: int) -> Scenario:
    rows = "".join(f"actor{k},1,{k % 100},50\n" for k in range(n))
    return scenario_from_upload(
        ("Actor,Capability,Position,Salience\n" + rows).encode(), f"bdm-{n}.csv"
    )


def cases(large: bool) -> list[tuple[str, Scenario]]:
    out = [(name, load_scenario(name)) for name in ("istanbul-2022", "istanbul-2025")]
    out += [(f"BDM table, {n:,} rows", bdm_table(n)) for n in (300, 1000)]
    shapes = [(50, 3, 10, 0.0), (200, 3, 10, 0.0), (100, 6, 6, 0.0), (20, 8, 5, 0.0)]
    shapes.append((30, 10, 5, 0.3))
    if large:
        out.append(("BDM table, 3,000 rows", bdm_table(3000)))
        shapes += [(500, 2, 10, 0.0), (300, 4, 8, 0.0)]
    for actors, issues, options, red in shapes:
        name = f"random {actors} actors × {issues} issues × {options} options"
        if red:
            name += f", red lines {red:.0%}"
        out.append((name, random_scenario(actors, issues, options, 1, red_line_share=red)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--large", action="store_true")
    args = parser.parse_args()
    run_deals(load_scenario("istanbul-2022"))  # imports and first-call costs out of the way
    print(f"refused over {DEALS_SECONDS:g} estimated seconds; medians of {args.repeats}")
    print(f"{'scenario':52} {'estimate':>9} {'check':>7} {'analysis':>9}  app")
    for name, sc in cases(args.large):
        t0 = time.perf_counter()
        estimate = deals_seconds(package_space_for_track(sc, None))
        check = time.perf_counter() - t0
        times = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            run_deals(sc)
            times.append(time.perf_counter() - t0)
        verdict = "refused" if estimate > DEALS_SECONDS else "runs"
        print(
            f"{name:52} {estimate:8.2f}s {check:6.3f}s {statistics.median(times):8.2f}s  {verdict}",
            flush=True,
        )


if __name__ == "__main__":
    main()
