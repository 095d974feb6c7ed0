"""The agreement zone the simulation reads each month, computed once per scenario and track.

The packages of a track that every party at the table (veto and at the table, as in
:attr:`pourparler.deals.space.PackageSpace.parties`) finds inside its red lines, and that give
every party other than the two belligerents at least its reservation value, are projected onto
the belligerents' utilities ``(u_a, u_b)``. Only the two-party Pareto frontier of that projection
is kept: in a month where the belligerents' reservation values are ``(d_a, d_b)`` the zone is
non-empty iff some frontier point has ``u_a >= d_a`` and ``u_b >= d_b``, and the weighted Nash
product ``w_a log(u_a - d_a) + w_b log(u_b - d_b)`` (Nash 1950; Kalai 1977 for the weights, the
parties' capability shares as in the deals engine) is maximised on the frontier. So a month's
zone test and mediator's proposal are a search over a few frontier points, vectorised over runs.

The frontier comes from the deals engine's kernels: exact by Minkowski sums over the belligerents
and the other parties (the others' reservations as floors), then filtered and reduced to the
two-party frontier (a package on the constrained two-party frontier is on the many-party one, so
nothing is lost); when the Minkowski fronts are too large, by the ε-constraint MILPs of
:func:`pourparler.deals.frontier.epsilon_trace` over the two belligerents at resolution
:data:`TRACE_RESOLUTION`.

A track's package space holds the other track's issues at their status-quo option: the agreement
leaves them as they are, so no red line applies to them and they add the same utility to every
package of the track.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import numpy as np

from pourparler.deals.enumeration import open_columns, party_weights
from pourparler.deals.kernels import BoolArray, FloatArray, IntArray, minkowski_frontier
from pourparler.deals.space import PackageSpace

MINKOWSKI_POINTS = 50_000
TRACE_RESOLUTION = 0.02
TOL = 1e-9
SURPLUS_FLOOR = 1e-12


@dataclass(frozen=True)
class TrackFrontier:
    """The two-party frontier of one track's zone, sorted by increasing ``u_a`` (so decreasing
    ``u_b``): ``choice (F, n_issues)`` option indices in the scenario's option lists,
    ``u_a``/``u_b`` (F,), every actor's utility ``utility (F, n_actors)``, and the ``issues``
    (mask over the scenario's issues) the track negotiates."""

    choice: IntArray
    u_a: FloatArray
    u_b: FloatArray
    utility: FloatArray
    issues: BoolArray
    method: str

    @property
    def size(self) -> int:
        return len(self.u_a)


def track_space(space: PackageSpace, issues: BoolArray, held: IntArray) -> PackageSpace:
    """``space`` with the issues outside ``issues`` reduced to one option, ``held[i]`` (their
    status quo), open to every actor."""
    keep = np.zeros(space.utility.shape[1], dtype=bool)
    labels, values = [], []
    for i in range(space.n_issues):
        lo, hi = int(space.offsets[i]), int(space.offsets[i + 1])
        if issues[i]:
            keep[lo:hi] = True
            labels.append(space.option_labels[i])
            values.append(space.option_values[i])
        else:
            keep[lo + int(held[i])] = True
            labels.append((space.option_labels[i][int(held[i])],))
            values.append((space.option_values[i][int(held[i])],))
    allowed = space.allowed[:, keep].copy()
    col_issue = space.issue_of_column()[keep]
    allowed[:, ~issues[col_issue]] = True
    red_line = None if space.red_line is None else space.red_line.copy()
    if red_line is not None:
        red_line[:, ~issues] = (0.0, 100.0)
    return dataclasses.replace(
        space,
        option_labels=tuple(labels),
        option_values=tuple(values),
        utility=space.utility[:, keep],
        allowed=allowed,
        red_line=red_line,
    )


def _to_full(sub: PackageSpace, choice: IntArray, issues: BoolArray, held: IntArray) -> IntArray:
    """Option indices in ``sub`` mapped back to the scenario's option lists."""
    out = np.asarray(choice, dtype=np.int64).copy().reshape(-1, sub.n_issues)
    out[:, ~issues] = held[~issues]
    return out


def two_party_front(u_a: FloatArray, u_b: FloatArray) -> IntArray:
    """Indices of the points no other point weakly beats on both coordinates and strictly on
    one, one per distinct point, sorted by increasing ``u_a``."""
    if len(u_a) == 0:
        return np.zeros(0, dtype=np.int64)
    ra, rb = np.round(u_a, 12), np.round(u_b, 12)
    order = np.lexsort((-rb, -ra))  # by decreasing u_a, then decreasing u_b
    kept = []
    best_b = -np.inf
    last: tuple[float, float] | None = None
    for j in order.tolist():
        point = (float(ra[j]), float(rb[j]))
        if point == last:
            continue
        if rb[j] > best_b:
            kept.append(j)
            best_b = float(rb[j])
        last = point
    return np.array(kept[::-1], dtype=np.int64)


def track_frontier(
    space: PackageSpace, issues: BoolArray, held: IntArray, side_a: int, side_b: int
) -> TrackFrontier:
    """The two-party frontier of the track ``issues`` (module docstring)."""
    sub = track_space(space, issues, held)
    bell = np.zeros(space.n_actors, dtype=bool)
    bell[[side_a, side_b]] = True
    members = sub.parties | bell
    others = members & ~bell
    ok = open_columns(sub, members)
    kept = [np.flatnonzero(ok[a:b]) for a, b in zip(sub.offsets[:-1], sub.offsets[1:], strict=True)]
    empty = np.zeros((0, space.n_issues), dtype=np.int64)
    if any(len(k) == 0 for k in kept):
        return _frontier(space, empty, issues, side_a, side_b, "minkowski")
    floor = np.where(others, sub.reservation, 0.0)[members]
    cols = [sub.utility[members][:, sub.offsets[i] + k] for i, k in enumerate(kept)]
    found = minkowski_frontier(cols, MINKOWSKI_POINTS, floor)
    if found is not None:
        choice = np.stack([kept[i][found[0][:, i]] for i in range(sub.n_issues)], axis=1)
        choice = choice.reshape(-1, sub.n_issues)
        inside = (found[1] >= floor - TOL).all(axis=1)
        method = "minkowski"
        choice = choice[inside]
    else:
        from pourparler.deals.frontier import epsilon_trace
        from pourparler.deals.points import program

        prog = program(sub, others, open_cols=ok)
        trace = epsilon_trace(prog, bell, TRACE_RESOLUTION, max_milps=None)
        choice = np.array(trace.choices, dtype=np.int64).reshape(-1, sub.n_issues)
        method = f"milp-epsilon-constraint (resolution {TRACE_RESOLUTION})"
    return _frontier(space, _to_full(sub, choice, issues, held), issues, side_a, side_b, method)


def _frontier(
    space: PackageSpace, choice: IntArray, issues: BoolArray, a: int, b: int, method: str
) -> TrackFrontier:
    utility = (
        space.package_utility(choice) if len(choice) else np.zeros((0, space.n_actors))
    ).reshape(-1, space.n_actors)
    front = two_party_front(utility[:, a], utility[:, b])
    return TrackFrontier(
        choice=choice[front],
        u_a=utility[front, a],
        u_b=utility[front, b],
        utility=utility[front],
        issues=issues,
        method=method,
    )


def belligerent_weights(space: PackageSpace, side_a: int, side_b: int) -> tuple[float, float]:
    """The belligerents' capability shares between the two of them (the weighted Nash point's
    weights, as :func:`pourparler.deals.enumeration.party_weights` gives them)."""
    mask = np.zeros(space.n_actors, dtype=bool)
    mask[[side_a, side_b]] = True
    w = party_weights(space, mask)
    first = 0 if side_a < side_b else 1
    return float(w[first]), float(w[1 - first])


def mediate(
    u_a: FloatArray, u_b: FloatArray, d_a: FloatArray, d_b: FloatArray, w_a: float, w_b: float
) -> tuple[BoolArray, IntArray]:
    """For each run's reservation values ``d_a``, ``d_b`` (R,): whether the zone is non-empty,
    and the frontier point the mediator proposes (the weighted Nash point of the zone; -1 where
    the zone is empty). ``u_a`` ascending and ``u_b`` descending, as in :class:`TrackFrontier`."""
    n = len(d_a)
    pick = np.full(n, -1, dtype=np.int64)
    if len(u_a) == 0 or n == 0:
        return np.zeros(n, dtype=bool), pick
    lo = np.searchsorted(u_a, d_a - TOL, side="left")
    hi = np.searchsorted(-u_b, -(d_b - TOL), side="right")
    open_ = lo < hi
    rows = np.flatnonzero(open_)
    if len(rows):
        sa = np.maximum(u_a[None, :] - d_a[rows, None], SURPLUS_FLOOR)
        sb = np.maximum(u_b[None, :] - d_b[rows, None], SURPLUS_FLOOR)
        score = w_a * np.log(sa) + w_b * np.log(sb)
        j = np.arange(len(u_a))[None, :]
        inside = (j >= lo[rows, None]) & (j < hi[rows, None])
        score = np.where(inside, score, -np.inf)
        pick[rows] = np.argmax(score, axis=1)
    return open_, pick


def zone_gap(u_a: FloatArray, u_b: FloatArray, d_a: FloatArray, d_b: FloatArray) -> FloatArray:
    """For each run (R,): the least utility that the side further from it must give up for
    some frontier point to enter the zone, ``min_j max(d_a − u_a,j, d_b − u_b,j, 0)`` (0 when
    the zone is non-empty, infinite without a frontier)."""
    if len(u_a) == 0:
        return np.full(len(d_a), np.inf)
    short = np.maximum(d_a[:, None] - u_a[None, :], d_b[:, None] - u_b[None, :])
    return np.asarray(np.maximum(short.min(axis=1), 0.0))
