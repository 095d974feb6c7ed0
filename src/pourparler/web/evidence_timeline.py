"""One actor's stances on one issue over time, in the web app (``/evidence/timeline``): the
claims of ``pourparler evidence timeline`` (those rejected in review left out, and counted), as a
table and as a chart of the positions they imply, date by date, against the issue's labelled
options and the scenario's present position. The chart is SVG drawn on the server (the pages
run no scripts): each point links to its claim, and its tooltip is the sentence.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import StoredClaim
    from pourparler.scenario import Scenario
    from pourparler.web.evidence_view import EvidenceReader

MAX_CLAIMS = 2000  # claims one timeline shows (the earliest, in the store's order)
WIDTH, HEIGHT = 760, 260  # the chart's size in pixels
LEFT, RIGHT, TOP, BOTTOM = 56, 16, 12, 28  # its margins


@dataclass(frozen=True)
class Point:
    """A claim on the chart: where it is drawn, and the claim."""

    x: float
    y: float
    claim: StoredClaim


@dataclass(frozen=True)
class Chart:
    """The chart's points, its date ticks (x, label), its gridlines (y, value, label: the
    issue's labelled options) and the scenario's present position (y and value), if any."""

    points: tuple[Point, ...]
    ticks: tuple[tuple[float, str], ...]
    grid: tuple[tuple[float, float, str], ...]
    now: tuple[float, float] | None
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT
    top: int = TOP
    bottom: int = HEIGHT - BOTTOM


@dataclass(frozen=True)
class Timeline:
    """The claims of ``actor`` on ``issue`` shown (not rejected), how many rejected ones are
    left out, whether more than :data:`MAX_CLAIMS` were cut, the scenario whose options label
    the chart (None: none fits), and the chart (None: no dated claim implies a position)."""

    actor: str
    issue: str
    claims: tuple[StoredClaim, ...]
    rejected: int
    cut: bool
    scenario: str | None
    chart: Chart | None


def timeline(reader: EvidenceReader, actor: str, issue: str, scenario: Scenario | None) -> Timeline:
    """The timeline of ``actor`` on ``issue`` in the store; ``scenario`` labels the chart when
    it has both. An actor or issue the store's claims do not name is bad input (as in the
    list's filters)."""
    from pourparler.web.evidence_query import ClaimFilter

    found = reader.all_claims(ClaimFilter(actor=actor, issue=issue), MAX_CLAIMS + 1)
    cut = len(found) > MAX_CLAIMS
    found = found[:MAX_CLAIMS]
    shown = tuple(c for c in found if c.status != "rejected")
    fits = (
        scenario is not None
        and any(a.id == actor for a in scenario.actors)
        and any(i.id == issue for i in scenario.issues)
    )
    sc = scenario if fits else None
    return Timeline(
        actor,
        issue,
        shown,
        len(found) - len(shown),
        cut,
        sc.id if sc is not None else None,
        _chart(shown, sc, actor, issue),
    )


def when(claim: StoredClaim) -> dt.date | None:
    """The date a claim's stance was stated (the text's own date, else the document's; a
    month or a year stands for its first day); None when undated or unreadable."""
    raw = claim.stated_on or claim.date
    if not raw:
        return None
    parts = raw.split("-")
    try:
        year, month, day = (int(p) for p in [*parts, "1", "1"][:3])
        return dt.date(year, month, day)
    except ValueError:
        return None


def _chart(
    claims: tuple[StoredClaim, ...], sc: Scenario | None, actor: str, issue: str
) -> Chart | None:
    dated = [(d, c) for c in claims if c.position is not None and (d := when(c)) is not None]
    if not dated:
        return None
    first = min(d for d, _ in dated)
    last = max(d for d, _ in dated)
    days = max((last - first).days, 1)
    x0, x1, y0, y1 = LEFT, WIDTH - RIGHT, HEIGHT - BOTTOM, TOP

    def x(d: dt.date) -> float:
        if first == last:
            return (x0 + x1) / 2
        return round(x0 + (x1 - x0) * (d - first).days / days, 1)

    def y(value: float) -> float:
        return round(y0 + (y1 - y0) * min(max(value, 0.0), 100.0) / 100.0, 1)

    points = tuple(Point(x(d), y(c.position or 0.0), c) for d, c in dated)
    ticks = tuple((x(d), d.isoformat()) for d in _ticks(first, last))
    grid: tuple[tuple[float, float, str], ...] = tuple((y(v), v, "") for v in (0.0, 50.0, 100.0))
    now = None
    if sc is not None:
        found = next(i for i in sc.issues if i.id == issue)
        grid = tuple((y(o.value), o.value, o.label) for o in found.options)
        stance = sc.stance(actor, issue)
        if stance is not None:
            now = (y(stance.position), stance.position)
    return Chart(points, ticks, grid, now)


def _ticks(first: dt.date, last: dt.date, most: int = 6) -> list[dt.date]:
    """Up to ``most`` dates from ``first`` to ``last``, evenly spread, both ends included."""
    if first == last:
        return [first]
    span = (last - first).days
    n = min(most, span + 1)
    return sorted({first + dt.timedelta(days=round(span * k / (n - 1))) for k in range(n)})


def check_names(actor: str, issue: str) -> None:
    """An actor and an issue given, each an id of at most 64 characters."""
    from pourparler.web.evidence_view import MAX_FILTER

    for name, value in (("actor", actor), ("issue", issue)):
        if not value:
            raise InputError(f"{name}: missing (a timeline is of one actor on one issue)")
        if len(value) > MAX_FILTER:
            raise InputError(f"{name}: longer than {MAX_FILTER} characters")
