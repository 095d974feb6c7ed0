"""Time to clean two hostile HTML pages: 1 MB of nested ``<div>``s and 50,000 unclosed tags.

Run: .venv/bin/python benchmarks/bench_clean.py [--repeat N]
Prints the median of N runs (default 5) for each page; cleaning is linear in the page size,
so both take well under a second on a laptop.
"""

from __future__ import annotations

import statistics
import sys
import time

from pourparler.evidence.clean import clean_html

TEXT = "<p>Kyiv rejected the truce.</p>"


def nested_divs(size: int = 1_000_000) -> str:
    n = size // 11
    return "<html><body>" + "<div>" * n + TEXT + "</div>" * n


def unclosed_tags(n: int = 50_000) -> str:
    return "<html><body>" + TEXT + "<div>" * n


def main() -> None:
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 5
    for name, page in (
        ("1 MB of nested divs", nested_divs()),
        ("50,000 unclosed tags", unclosed_tags()),
    ):
        times = []
        for _ in range(repeat):
            t = time.perf_counter()
            clean_html(page)
            times.append(time.perf_counter() - t)
        print(f"{name} ({len(page):,} characters): median {statistics.median(times) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
