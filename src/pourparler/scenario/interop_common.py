"""Small helpers shared by the interop readers."""

from __future__ import annotations

import re


def slug(text: str, taken: set[str]) -> str:
    """A scenario id made from ``text`` (letters, digits, _ . -), unique within ``taken``."""
    base = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text.strip()).strip("-.") or "x"
    if not base[0].isalpha():
        base = "x" + base
    base = base[:60]
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def rescale(x: float, lo: float, hi: float) -> float:
    """Map ``x`` from [lo, hi] onto the 0–100 scale."""
    if hi == lo:
        return 50.0
    return (x - lo) * 100.0 / (hi - lo)
