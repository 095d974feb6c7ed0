"""Peer side of the NegMAS comparison: run with the python of a separate venv that has negmas.

    .venv-negmas/bin/python benchmarks/negmas_peer.py GENIUS_FOLDER

Prints one JSON object: the Pareto frontier of the rational outcomes (utility vectors), the Nash
point's utilities, and the seconds each took. NegMAS is AGPL and never imported by pourparler;
this script only reads the GENIUS files pourparler wrote.
"""

from __future__ import annotations

import json
import sys
import time


def main(folder: str) -> None:
    from negmas.inout import Scenario
    from negmas.preferences import nash_points, pareto_frontier

    sc = Scenario.from_genius_folder(folder)
    issues = sc.outcome_space.issues
    t0 = time.perf_counter()
    frontier, _ = pareto_frontier(sc.ufuns, issues=issues)
    t1 = time.perf_counter()
    nash = nash_points(sc.ufuns, frontier, issues=issues)
    t2 = time.perf_counter()
    json.dump(
        {
            "frontier": [[float(x) for x in p] for p in frontier],
            "nash": [[float(x) for x in p[0]] for p in nash],
            "frontier_seconds": t1 - t0,
            "nash_seconds": t2 - t1,
        },
        sys.stdout,
    )


if __name__ == "__main__":
    main(sys.argv[1])
