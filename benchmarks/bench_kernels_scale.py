"""Time the forecast kernels at scale: medians of wall time and peak memory per case.

    .venv/bin/python benchmarks/bench_kernels_scale.py                 # every case
    .venv/bin/python benchmarks/bench_kernels_scale.py --cases ex_200x10,bdm_2000
    .venv/bin/python benchmarks/bench_kernels_scale.py --bdm-draws 200  # the full BDM case

Cases (10 rounds each; inputs seeded, on a coarse grid with ties: positions on 0/25/50/75/100,
saliences on quarters, equal capabilities; batches are Monte Carlo draws around them, made as
the forecast command makes them, with standard deviations 5 on positions, 0.05 on saliences and
0.1 on capabilities):

* ``ex_200x10``, ``ex_100x20``, ``ex_30x20``: one run of the exchange model (actors x issues);
* ``exb_6x40``: a batch of 250 draws of 6 actors x 40 issues (one Monte Carlo chunk);
* ``exb_100x20``: a batch of ``--batch-draws`` draws of 100 x 20, reported per draw;
* ``bdm_2000``: Bueno de Mesquita's model, 2,000 actors on one issue, ``--bdm-draws`` draws
  (default 4, reported per draw and scaled to 200 draws; 200 runs them all), with the compiled
  kernel where numba is installed; ``bdm_2000_numpy`` the same with ``POURPARLER_NO_JIT=1``.

Exchange cases are timed twice: with the compiled rounds (when numba is installed; the first-ever
run compiles them, so run once to warm the cache) and with numpy alone (``POURPARLER_NO_JIT=1``).
Each case runs in a process of its own (``--repeat`` times); the peak memory is that process's
maximum resident size, less the size it had before the case (the interpreter and numpy), and the
peak of the arrays numpy allocated (tracemalloc, one extra run). Run the same command on two
checkouts to compare them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

import numpy as np

ROUNDS = 10
CASES = (
    "ex_30x20",
    "ex_100x20",
    "ex_200x10",
    "exb_6x40",
    "exb_100x20",
    "bdm_2000",
    "bdm_2000_numpy",
)


def coarse(n_actors: int, n_issues: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng([seed, n_actors, n_issues])
    pos = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], (n_actors, n_issues))
    sal = rng.choice([0.25, 0.5, 0.75, 1.0], (n_actors, n_issues))
    return pos, sal, np.ones(n_actors)


def draws(n_actors: int, n_issues: int, n_draws: int, seed: int) -> tuple[np.ndarray, ...]:
    pos, sal, cap = coarse(n_actors, n_issues, seed)
    rng = np.random.default_rng([seed, n_draws])
    shape = (n_draws, n_actors, n_issues)
    p = np.clip(pos + 5.0 * rng.standard_normal(shape), 0.0, 100.0)
    s = np.clip(sal + 0.05 * rng.standard_normal(shape), 0.0, 1.0)
    c = np.maximum(cap + 0.1 * rng.standard_normal((n_draws, n_actors)), 0.0)
    return p, s, c


def make_case(name: str, args: argparse.Namespace) -> tuple[Callable[[], object], int, str]:
    """(the work, how many draws it runs, what it is)."""
    from pourparler.forecast.bdm import bdm_rounds
    from pourparler.forecast.exchange import run_exchange, run_exchange_batch

    if name.startswith("ex_"):
        n, m = (int(v) for v in name[3:].split("x"))
        pos, sal, cap = coarse(n, m, args.seed)
        return (lambda: run_exchange(pos, sal, cap, rounds=ROUNDS)), 1, f"exchange {n}x{m}"
    if name.startswith("exb_"):
        n, m = (int(v) for v in name[4:].split("x"))
        k = 250 if (n, m) == (6, 40) else args.batch_draws
        p, s, c = draws(n, m, k, args.seed)
        return (
            (lambda: run_exchange_batch(p, s, c, rounds=ROUNDS)),
            k,
            f"exchange batch {k} draws {n}x{m}",
        )
    if name in ("bdm_2000", "bdm_2000_numpy"):
        if name == "bdm_2000_numpy":  # the numpy code beside the compiled kernel (numba)
            import os

            os.environ["POURPARLER_NO_JIT"] = "1"
        k = args.bdm_draws
        rng = np.random.default_rng(args.seed)
        x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], 2000)
        s = rng.choice([0.25, 0.5, 0.75, 1.0], 2000)
        xd = np.clip(x + 5.0 * rng.standard_normal((k, 2000)), 0.0, 100.0)
        sd = np.clip(s + 0.05 * rng.standard_normal((k, 2000)), 0.0, 1.0)
        cd = np.maximum(1.0 + 0.1 * rng.standard_normal((k, 2000)), 0.0)
        return (lambda: bdm_rounds(xd, cd, sd, rounds=ROUNDS)), k, f"BDM 2000 actors {k} draws"
    raise SystemExit(f"unknown case {name!r}; choose from {', '.join(CASES)}")


def run_case(name: str, args: argparse.Namespace) -> None:
    """In the child process: time the case and print one JSON line."""
    work, n_draws, label = make_case(name, args)
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        work()
        times.append(time.perf_counter() - t0)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    work()
    _, traced = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "label": label,
                "draws": n_draws,
                "times": times,
                "rss_mb": (rss - rss0) / 1024,
                "traced_mb": traced / 2**20,
            }
        )
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--batch-draws", type=int, default=6)
    parser.add_argument("--bdm-draws", type=int, default=4)
    parser.add_argument("--case", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args)
        return
    print(f"{ROUNDS} rounds, seed {args.seed}, median of {args.repeat} runs")
    for name in args.cases.split(","):
        cmd = [sys.executable, __file__, "--case", name, "--repeat", str(args.repeat)]
        cmd += ["--seed", str(args.seed), "--batch-draws", str(args.batch_draws)]
        cmd += ["--bdm-draws", str(args.bdm_draws)]
        if name.startswith("ex"):  # exchange: compiled rounds, then numpy alone
            for env_name, value in (("jit", "0"), ("numpy", "1")):
                env = {**os.environ, "POURPARLER_NO_JIT": value}
                out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=env)
                rec = json.loads(out.stdout.strip().splitlines()[-1])
                med = statistics.median(rec["times"])
                print(
                    f"{name:<11} {rec['label']:<34} {env_name:<5} median {med:8.2f} s"
                    f"  ({med / rec['draws']:.3f} s a draw)  peak +{rec['rss_mb']:.0f} MB",
                    flush=True,
                )
            continue
        out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
        rec = json.loads(out.strip().splitlines()[-1])
        med = statistics.median(rec["times"])
        line = f"{name:<11} {rec['label']:<34} median {med:8.2f} s"
        if rec["draws"] > 1:
            line += f"  ({med / rec['draws']:.3f} s a draw"
            if name.startswith("bdm_2000"):
                line += f", {200 * med / rec['draws']:.0f} s for 200 draws"
            line += ")"
        line += f"  peak +{rec['rss_mb']:.0f} MB resident, {rec['traced_mb']:.0f} MB arrays"
        print(line, flush=True)


if __name__ == "__main__":
    main()
