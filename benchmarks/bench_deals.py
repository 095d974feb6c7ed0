"""Time the package-deal analysis, each case in a fresh process so its peak RSS is its own.

    .venv/bin/python benchmarks/bench_deals.py [--repeat N] [--no-peer]

Cases (random agendas, fixed seeds, every actor a veto party at the table):
  5x1e6   5 parties, 6 issues x 10 options (10^6 packages): zone + zone frontier + all points
  5x1e6-report  the whole report on that agenda (adds the overall frontier, obstacle, concessions)
  3x1e6   3 parties, same agenda size
  8x15x5  8 parties, 15 issues x 5 options (3.05e10 packages): MILP zone emptiness + exact Nash
  8x15x5-tight  the same with reservations drawn from [0.5, 0.75] (a thin zone)
  istanbul-2025  the whole report (`pourparler deals istanbul-2025 --method milp`)
  5x15x5-frontier  5 parties, 15 issues x 5 options: zone and overall frontiers traced by
                 ε-constraint MILPs at the default resolution (0.05 within 200 MILPs each)
  8x15x5-frontier  the same with 8 parties
  istanbul-2025-frontier  its overall frontier (exact: 8,919 points) forced onto the traced path,
                 with the resolution the traced list actually achieves against the exact one
  200x10         the whole default report (what `pourparler deals FILE` computes) on 200 actors x
                 10 issues x 3-4 options: 75 veto parties at the table, 5 veto actors away from
                 it, 120 bystanders, no red lines, no-deal values in [0, 0.15] (a wide zone)
  500x10         the same with 500 actors (190 veto parties, 10 away, 300 bystanders)
Prints medians over ``--repeat`` runs (the traced-frontier cases run once, the 200x10 and
500x10 cases at most 3 times) and each case's peak
RSS. Where the NegMAS peer venv
``.venv-negmas`` exists, the 5x1e6 domain is exported as GENIUS XML and NegMAS's rational Pareto
frontier and Nash point are timed in the same run (one run: it takes tens of seconds).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT / ".venv-negmas" / "bin" / "python"
CASES = {
    "5x1e6": (5, 6, 10),
    "5x1e6-report": (5, 6, 10),
    "3x1e6": (3, 6, 10),
    "8x15x5": (8, 15, 5),
    "8x15x5-tight": (8, 15, 5),
    "istanbul-2025": (0, 0, 0),
    "5x15x5-frontier": (5, 15, 5),
    "8x15x5-frontier": (8, 15, 5),
    "istanbul-2025-frontier": (0, 0, 0),
    "200x10": (200, 10, 0),
    "500x10": (500, 10, 0),
}
CROWD = {"200x10": (120, 5), "500x10": (300, 10)}  # bystanders, veto actors away from the table
SEED = 20250516


def run_case(name: str, repeat: int) -> dict[str, object]:
    from pourparler.deals import analyse_space, build_space
    from pourparler.deals.enumeration import enumerate_zone, zone_points
    from pourparler.deals.frontier import frontier
    from pourparler.deals.points import party_weights, program
    from pourparler.deals.synthetic import random_scenario
    from pourparler.scenario import load_scenario

    n_a, n_i, m = CASES[name]
    if name.endswith("frontier"):
        repeat = 1
    if name.startswith("istanbul-2025"):
        space = build_space(load_scenario("istanbul-2025"))
    elif name in CROWD:
        repeat = min(repeat, 3)
        by, away = CROWD[name]
        space = build_space(
            random_scenario(
                n_a,
                n_i,
                (3, 4),
                SEED,
                reservation=(0.0, 0.15),
                bystanders=by,
                absent_veto=away,
            )
        )
    else:
        res = (0.5, 0.75) if name.endswith("tight") else (0.2, 0.6)
        space = build_space(random_scenario(n_a, n_i, m, SEED, reservation=res))
    parties = space.parties
    times, extra = [], {}
    for _ in range(repeat):
        t0 = time.perf_counter()
        if name == "istanbul-2025-frontier":
            fr = frontier(space, parties, False, 10**6, max_points=0)
            times.append(time.perf_counter() - t0)
            exact = frontier(space, parties, False, 10**6)
            extra = {
                **_traced(fr),
                "exact_size": exact["size"],
                "achieved_resolution": _achieved(list(space.actor_ids), parties, fr, exact),
            }
            continue
        if name.endswith("frontier"):
            zone = frontier(space, parties, True, 10**6)
            overall = frontier(space, parties, False, 10**6)
            extra = {
                "zone": _traced(zone),
                "overall": _traced(overall),
            }
        elif name in CROWD:
            report = analyse_space(space)
            extra = {
                "parties": len(report.parties),
                "method": report.method,
                "zone_size": report.zone.size,
                "frontier_zone": report.frontier_zone.method,
                "obstacle": None if report.obstacle is None else report.obstacle.method,
                "spoilers": len(report.spoilers),
            }
        elif name == "istanbul-2025":
            report = analyse_space(space, method="milp")
            relaxation = None if report.obstacle is None else report.obstacle.relaxation
            extra = {
                "zone_empty": report.zone.empty,
                "obstacle": None if relaxation is None else relaxation.kind,
            }
        elif name.endswith("report"):
            report = analyse_space(space)
            extra = {
                "method": report.method,
                "obstacle": None if report.obstacle is None else report.obstacle.method,
            }
        elif name.startswith("8x15x5"):
            prog = program(space, parties)
            empty = prog.feasible() is None
            nash = prog.nash(parties, party_weights(space, parties))
            extra = {
                "zone_empty": empty,
                "nash_gap": None if nash is None else nash.gap,
                "nash_iterations": None if nash is None else nash.iterations,
                "milp_solves": prog.solves,
            }
        else:
            zone = enumerate_zone(space, parties)
            points = zone_points(space, zone, parties, space.reservation)
            fr = frontier(space, parties, True, 0)
            extra = {
                "zone_size": zone.size,
                "frontier_size": fr["size"],
                "nash_objective": None if points["nash"] is None else points["nash"][1],
            }
        times.append(time.perf_counter() - t0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "case": name,
        "packages": space.size,
        "median_s": statistics.median(times),
        "peak_rss_mb": round(peak_mb, 1),
        **extra,
    }


def _traced(fr: dict[str, object]) -> dict[str, object]:
    keys = ("method", "resolution", "milps", "found")
    return {k: fr.get(k) for k in keys}


def _achieved(actors: list[str], parties: Any, traced: dict, exact: dict) -> float:
    """The least δ for which every exact Pareto point y has a traced z with z_k >= y_k - 1e-6
    and z_i >= y_i - δ for the other parties."""
    import numpy as np

    ids = [a for a, p in zip(actors, parties, strict=True) if p]
    z = np.array([[r["utility"][a] for a in ids] for r in traced["packages"]])
    y = np.array([[r["utility"][a] for a in ids] for r in exact["packages"]])
    j = ids.index(traced["objective"])
    worst = 0.0
    for row in y:
        ok = z[:, j] >= row[j] - 1e-6
        need = np.delete(row - z[ok], j, axis=1).max(axis=1, initial=0.0)
        worst = max(worst, float(need.min()) if len(need) else np.inf)
    return round(max(worst, 0.0), 6)


def run_peer() -> dict[str, object] | None:
    if not PEER.exists():
        return None
    from pourparler.deals import build_space
    from pourparler.deals.genius import write_genius
    from pourparler.deals.synthetic import random_scenario

    n_a, n_i, m = CASES["5x1e6"]
    with tempfile.TemporaryDirectory() as tmp:
        write_genius(build_space(random_scenario(n_a, n_i, m, SEED)), tmp)
        t0 = time.perf_counter()
        out = subprocess.run(
            [str(PEER), str(ROOT / "benchmarks" / "negmas_peer.py"), tmp],
            capture_output=True,
            text=True,
            timeout=1800,
        )
        wall = time.perf_counter() - t0
    if out.returncode:
        print(f"  NegMAS peer failed: {out.stderr.strip()[-300:]}")
        return None
    res = json.loads(out.stdout)
    return {
        "frontier_s": res["frontier_seconds"],
        "nash_s": res["nash_seconds"],
        "frontier_size": len(res["frontier"]),
        "wall_s": wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--case", choices=list(CASES), help=argparse.SUPPRESS)
    parser.add_argument("--only", nargs="+", choices=list(CASES), help="run only these cases")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.repeat)))
        return
    results = {}
    for name in args.only or CASES:
        out = subprocess.run(
            [sys.executable, __file__, "--case", name, "--repeat", str(args.repeat)],
            capture_output=True,
            text=True,
            check=True,
        )
        res = json.loads(out.stdout)
        results[name] = res
        detail = ", ".join(f"{k}={v}" for k, v in res.items() if k not in ("case", "median_s"))
        print(f"{name}: median {res['median_s']:.3f} s over {args.repeat} runs ({detail})")
    if not args.no_peer and "5x1e6" in results:
        peer = run_peer()
        if peer is None:
            print("NegMAS peer: absent (.venv-negmas), no ratio")
        else:
            ours = results["5x1e6"]["median_s"]
            print(
                f"NegMAS 5x1e6: frontier {peer['frontier_s']:.1f} s (size {peer['frontier_size']}),"
                f" Nash {peer['nash_s']:.3f} s; ratio NegMAS frontier / ours (zone + frontier +"
                f" points) = {peer['frontier_s'] / ours:.0f}x"
            )
            mine = results["5x1e6"]["frontier_size"]
            print(f"  frontier sizes: ours {mine}, NegMAS {peer['frontier_size']}")


if __name__ == "__main__":
    main()
