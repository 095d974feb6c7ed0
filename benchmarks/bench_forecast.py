"""Time ``pourparler forecast --model all --draws 1000`` on the built-in scenario, in-process
and as a subprocess (start-up included).

    .venv/bin/python benchmarks/bench_forecast.py [--repeat N] [--draws N]

Prints the median wall time of each over the repeats.
"""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
import time
from contextlib import redirect_stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--draws", type=int, default=1000)
    args = parser.parse_args()
    argv = ["forecast", "--model", "all", "--draws", str(args.draws), "--seed", "1", "--json"]
    from pourparler.cli.app import main as cli_main

    inproc = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        with redirect_stdout(io.StringIO()):
            try:
                cli_main(argv)
            except SystemExit as exc:
                if exc.code:
                    raise
        inproc.append(time.perf_counter() - t0)
    sub = []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "pourparler", *argv], check=True, stdout=subprocess.DEVNULL
        )
        sub.append(time.perf_counter() - t0)
    print(f"pourparler {' '.join(argv)}")
    print(f"  in-process: median {statistics.median(inproc):.2f} s over {args.repeat} runs")
    print(f"  subprocess: median {statistics.median(sub):.2f} s over {args.repeat} runs")


if __name__ == "__main__":
    main()
