"""Time ``render_report`` on a built-in scenario with the default flags (as ``pourparler
report``), and give the size of the file and of its parts.

    .venv/bin/python benchmarks/bench_report.py [--scenario NAME] [--repeat N]

Prints the median wall and CPU time over the repeats (the chart library's bundle is built once per
process and cached, so the first run is timed separately), the file's size, and how much of it
is the inlined chart library.
"""

from __future__ import annotations

import argparse
import statistics
import time


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scenario", default="istanbul-2025")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from pourparler.report.html import chart_library, render_report
    from pourparler.scenario import load_scenario

    sc = load_scenario(args.scenario)
    t0 = time.perf_counter()
    bundle, _ = chart_library()
    first_bundle = time.perf_counter() - t0
    times, cpu, sizes = [], [], set()
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        doc = render_report(sc, seed=0)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
        sizes.add(doc.size)
    size = sizes.pop()
    library = len(bundle.encode("utf-8"))
    print(f"scenario {sc.id}: {len(sc.actors)} actors, {len(sc.issues)} issues")
    print(f"chart library bundle built in {first_bundle:.2f} s (once per process)")
    print(f"render_report median of {args.repeat}: {statistics.median(times):.2f} s wall")
    print(f"  CPU time of the process, median: {statistics.median(cpu):.2f} s")
    print(f"file size: {size:,} bytes ({size / 1e6:.2f} MB)")
    print(f"  chart library: {library:,} bytes; the rest: {size - library:,} bytes")
    if sizes:
        print("warning: the runs gave files of different sizes")


if __name__ == "__main__":
    main()
