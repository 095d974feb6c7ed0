"""Time ``pourparler sensitivity`` with default flags on a large BDM actor table, as users run it
(a subprocess each run).

    .venv/bin/python benchmarks/bench_sensitivity_bdm.py [--rows N] [--whole] [--repeat N]
        [--keep DIR]

The table (``Actor, Capability, Position, Salience``; positions to one decimal, or whole numbers
with ``--whole``) is drawn by the seeded generator of :func:`bench_scale.write_bdm_csv`. Prints
the median wall time over the repeats, and the exit code when a run fails.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_scale import write_bdm_csv


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=3000, help="actors in the table")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--whole", action="store_true", help="whole-number positions")
    parser.add_argument("--keep", default="", help="write the table to this directory")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(args.keep or scratch)
        folder.mkdir(parents=True, exist_ok=True)
        name = f"bdm-{args.rows}{'-whole' if args.whole else ''}"
        table = write_bdm_csv(folder / f"{name}.csv", args.rows)
        if args.whole:  # the same table, positions rounded to whole numbers
            rows = list(csv.reader(table.read_text(encoding="utf-8").splitlines()))
            for row in rows[1:]:
                row[2] = str(round(float(row[2])))
            with table.open("w", newline="", encoding="utf-8") as fh:
                csv.writer(fh).writerows(rows)
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            proc = subprocess.run(
                [sys.executable, "-m", "pourparler", "sensitivity", str(table)],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            times.append(time.perf_counter() - t0)
            if proc.returncode:
                print(f"  exit {proc.returncode}: {proc.stderr.strip()[-300:]}")
        print(
            f"sensitivity {name} csv (default flags): median "
            f"{statistics.median(times):.1f} s over {len(times)} run(s)"
        )


if __name__ == "__main__":
    main()
