"""Small helpers shared by the interop readers."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable

from pourparler.scenario.attached import Attached
from pourparler.scenario.errors import Problem, ScenarioError


def slug(text: str, taken: set[str], _next: dict[str, int] | None = None) -> str:
    """A scenario id made from ``text`` (letters, digits, _ . -, at most 64 characters), unique
    within ``taken``: ``base``, then ``base-2``, ``base-3``..."""
    base = re.sub(r"[^A-Za-z0-9_.\-]+", "-", text.strip()).strip("-.") or "x"
    if not base[0].isalpha():
        base = "x" + base
    base = base[:60]
    candidate, n = base, (_next or {}).get(base, 2)
    while candidate in taken:
        suffix = f"-{n}"
        candidate, n = base[: 64 - len(suffix)] + suffix, n + 1
    if _next is not None:
        _next[base] = n
    taken.add(candidate)
    return candidate


def slugs(texts: Iterable[str]) -> list[str]:
    """Distinct ids for ``texts``, as :func:`slug` makes them one after another, in linear time
    however many texts share a name."""
    taken: set[str] = set()
    following: dict[str, int] = {}
    return [slug(t, taken, following) for t in texts]


def rescale(x: float, lo: float, hi: float) -> float:
    """Map ``x`` from [lo, hi] onto the 0–100 scale (without overflow for any finite bounds)."""
    x, lo, hi = float(x), float(lo), float(hi)
    if hi == lo:
        return 50.0
    value = (x - lo) * 100.0 / (hi - lo)
    if math.isinf(value) or math.isnan(value):  # an intermediate overflowed
        value = (x / 2 - lo / 2) / (hi / 2 - lo / 2) * 100.0
    return value


def number(cell: str, decimal_comma: bool = True) -> float:
    """A number as a spreadsheet in a comma-decimal locale writes it too: ``1,5`` is 1.5 (one
    comma and no point, unless ``decimal_comma`` is false); anything else as Python reads it,
    in ASCII digits and without ``_`` (Python would read "٥" as 5 and "1_000" as 1000, which
    a scenario file does not); :class:`ValueError` if it cannot."""
    if not cell.isascii() or "_" in cell:
        raise ValueError(cell)
    if decimal_comma and cell.count(",") == 1 and "." not in cell:
        cell = cell.replace(",", ".")
    return float(cell)


def shown(x: float) -> str:
    """A number as it was most likely written: ``1000001`` (not ``1e+06``), ``0.25``, ``1e-320``."""
    text = repr(float(x))
    return text[:-2] if text.endswith(".0") else text


def one_salience_scale(
    saliences: Iterable[tuple[float, int]], field: str, mixing: str, file: str
) -> None:
    """Refuse saliences on 0–100 (a value above 1) beside a fraction below 1 (``0.5`` beside
    ``80``): one of them was written on the other scale, and dividing them all by 100 would
    make 0.5 into 0.005 without a word. ``saliences``: (value, line); ``mixing``: what mixes
    the scales, as the message says it ("the column mixes")."""
    rows = list(saliences)
    big = next((r for r in rows if r[0] > 1.0), None)
    small = next((r for r in rows if 0.0 < r[0] < 1.0), None)
    if big is None or small is None:
        return
    raise ScenarioError(
        [
            Problem(
                (field,),
                f"{shown(small[0])} beside {shown(big[0])} (line {big[1]}): {mixing} the 0–1 "
                "and 0–100 scales; write every salience on one of them",
                file=file,
                line=small[1],
            )
        ]
    )


# -- what an import could not carry over -------------------------------------------------------

_NOTES: Attached[tuple[Problem, ...]] = Attached(())


def import_notes(scenario: object) -> tuple[Problem, ...]:
    """Warnings the reader that built ``scenario`` left about it: what the file said that the
    scenario cannot hold as written (empty for a scenario read from YAML, or changed since)."""
    return _NOTES.get(scenario)


def remember_notes(scenario: object, notes: Iterable[Problem]) -> None:
    """Keep ``notes`` as ``scenario``'s :func:`import_notes` while it lives."""
    kept = tuple(notes)
    if kept:
        _NOTES.set(scenario, kept)
