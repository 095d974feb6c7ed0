"""Peer side of the NegMAS comparison: run with the python of a separate venv that has negmas.

    .venv-negmas/bin/python benchmarks/negmas_peer.py GENIUS_FOLDER
    .venv-negmas/bin/python benchmarks/negmas_peer.py --make GENIUS_FOLDER SEED AGENTS ISSUES

Prints one JSON object: the Pareto frontier of the rational outcomes (utility vectors), the Nash
point's utilities, and the seconds each took. With ``--make`` it first has NegMAS write a random
linear-additive domain there (evaluations peaking at 1 on each issue, as GENIUS writes them).
NegMAS is AGPL and never imported by pourparler: the two sides share only GENIUS files.
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
            "ranges": [[float(x) for x in u.minmax()] for u in sc.ufuns],
            "names": [str(u.name).replace("\\", "/").split("/")[-1] for u in sc.ufuns],
            "frontier_seconds": t1 - t0,
            "nash_seconds": t2 - t1,
        },
        sys.stdout,
    )


def make(folder: str, seed: int, n_agents: int, n_issues: int) -> None:
    from pathlib import Path

    import numpy as np
    from negmas import make_issue, make_os
    from negmas.inout import Scenario
    from negmas.preferences import LinearAdditiveUtilityFunction
    from negmas.preferences.value_fun import TableFun

    rng = np.random.default_rng(seed)
    issues = [
        make_issue(values=[f"v{j}" for j in range(int(rng.integers(2, 6)))], name=f"issue{i}")
        for i in range(n_issues)
    ]
    space = make_os(issues, name="random-domain")
    ufuns = []
    for k in range(n_agents):
        values = {}
        for issue in issues:
            ev = rng.uniform(0.0, 1.0, len(issue.values))
            table = dict(zip(issue.values, (ev / ev.max()).tolist(), strict=True))
            values[issue.name] = TableFun(table)
        w = rng.uniform(0.1, 1.0, n_issues)
        ufuns.append(
            LinearAdditiveUtilityFunction(
                values=values,
                weights=(w / w.sum()).tolist(),
                outcome_space=space,
                reserved_value=float(rng.uniform(0.2, 0.6)),
                name=f"agent{k}",
            )
        )
    Scenario(outcome_space=space, ufuns=tuple(ufuns)).to_genius_folder(Path(folder))


if __name__ == "__main__":
    if sys.argv[1] == "--make":
        make(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]))
        main(sys.argv[2])
    else:
        main(sys.argv[1])
