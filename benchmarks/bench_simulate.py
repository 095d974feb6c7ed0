"""Speed and memory of ``pourparler simulate`` on istanbul-2025; prints medians.

* the command as a user runs it (default flags: 10,000 runs × 36 months, ``--workers 1``),
  wall time including start-up and the zone precomputation, and its peak memory;
* the same runs with ``--workers 2`` (two processes), and istanbul-2022 with default flags
  (its settlement zone is open, so the mediator's search runs every month);
* on a local Ray with two CPUs: ``ray.init`` reported separately from the runs;
* the precomputation alone, and the runs' time against runs (1k–10k) and months (12–36).

    .venv/bin/python benchmarks/bench_simulate.py [--repeat 3] [--no-ray]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

SCENARIO = "istanbul-2025"
CLI = (
    "import resource, sys\n"
    "from pourparler.cli.app import main\n"
    "try:\n"
    "    main(sys.argv[1:])\n"
    "finally:\n"
    "    self = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "    sys.stderr.write(f'maxrss_kb={self} children_kb={kids}\\n')\n"
)


def run_cli(args: list[str], scenario: str = SCENARIO) -> tuple[float, float, float]:
    """Wall seconds and peak memory (MB) of one command's main process and of its largest
    worker process (0 without workers)."""
    t0 = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", CLI, "simulate", scenario, *args, "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    line = next(ln for ln in done.stderr.splitlines() if ln.startswith("maxrss_kb="))
    main_kb, kids_kb = (int(part.split("=")[1]) for part in line.split())
    return wall, main_kb / 1024, kids_kb / 1024


def median_of(repeat: int, f) -> float:  # type: ignore[no-untyped-def]
    return statistics.median(f() for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--no-ray", action="store_true")
    opts = parser.parse_args()
    r = opts.repeat

    for scenario, label, args in (
        (SCENARIO, "default flags (--workers 1)", []),
        (SCENARIO, "--workers 2", ["--workers", "2"]),
        ("istanbul-2022", "default flags (--workers 1)", []),
    ):
        runs = [run_cli(args, scenario) for _ in range(r)]
        wall = statistics.median(w for w, _, _ in runs)
        peak = max(m for _, m, _ in runs)
        worker = max(k for _, _, k in runs)
        print(
            f"cli {scenario} {label}: 10,000 runs x 36 months: median {wall:.2f} s, "
            f"peak {peak:.0f} MB" + (f" (largest worker {worker:.0f} MB)" if worker else "")
        )

    from pourparler.dynamics.durability import breakdown_probabilities
    from pourparler.dynamics.setup import prepare
    from pourparler.dynamics.simulate import simulate
    from pourparler.scenario import load_scenario

    sc = load_scenario(SCENARIO)

    def timed(**kw) -> float:  # type: ignore[no-untyped-def]
        t0 = time.perf_counter()
        simulate(sc, seed=1, **kw)
        return time.perf_counter() - t0

    def timed_prepare() -> float:
        t0 = time.perf_counter()
        prepare(sc, 36, breakdown_probabilities)
        return time.perf_counter() - t0

    pre = median_of(r, timed_prepare)
    print(f"precomputation (both tracks' zone frontiers, hazards): {pre:.3f} s")
    for runs in (1_000, 2_000, 5_000, 10_000):
        t = median_of(r, lambda runs=runs: timed(runs=runs, months=36))
        per_run = t / runs * 1e6
        print(f"in-process, {runs:>6,} runs x 36 months: median {t:.3f} s ({per_run:.0f} us/run)")
    for months in (12, 24, 36):
        t = median_of(r, lambda months=months: timed(runs=10_000, months=months))
        print(f"in-process, 10,000 runs x {months} months: median {t:.3f} s")

    if opts.no_ray:
        return
    try:
        import ray
    except ImportError:
        print("ray: not installed (pip install 'pourparler[ray]')")
        return
    starts, times = [], []
    for _ in range(r):
        t0 = time.perf_counter()
        ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
        starts.append(time.perf_counter() - t0)
        times.append(timed(runs=10_000, months=36, backend="ray"))
        ray.shutdown()
    print(
        f"local Ray (2 CPUs): ray.init median {statistics.median(starts):.2f} s; "
        f"10,000 runs x 36 months median {statistics.median(times):.2f} s after it"
    )


if __name__ == "__main__":
    main()
