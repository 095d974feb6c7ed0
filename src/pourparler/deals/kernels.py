"""Pure numpy kernels over additive package utilities: chunked enumeration, Pareto filtering,
the Pareto frontier of a product space by Minkowski sums, and bargaining-point selection.

Utilities of issue ``i``'s candidate options are given as a ``(n_actors, m_i)`` matrix; a package
is one column from each, and its utility the sum of the chosen columns. Package indices are in C
order (the last issue varies fastest), so ``np.unravel_index(index, [m_0, m_1, ...])`` decodes one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]

POINTS = ("nash", "weighted_nash", "kalai_smorodinsky", "utilitarian", "egalitarian")
TIE = 1e-12


def iter_package_utilities(
    cols: Sequence[FloatArray], chunk: int = 1 << 18
) -> Iterator[tuple[int, FloatArray]]:
    """Yield ``(first package index, utilities (n_actors, block))`` over the whole product space.

    Memory is O(n_actors × chunk): the sums over a tail of issues are built once by broadcasting,
    and each block adds the sums over a batch of prefixes to them.
    """
    shape = [c.shape[1] for c in cols]
    n_a = cols[0].shape[0]
    split, tail = len(cols) - 1, shape[-1]
    while split > 0 and tail * shape[split - 1] <= chunk:
        split -= 1
        tail *= shape[split]
    suffix = cols[split]
    for c in cols[split + 1 :]:
        suffix = (suffix[:, :, None] + c[:, None, :]).reshape(n_a, -1)
    n_prefix = int(np.prod(shape[:split], dtype=np.int64)) if split else 1
    batch = max(1, chunk // tail)
    for p0 in range(0, n_prefix, batch):
        p1 = min(n_prefix, p0 + batch)
        if split:
            digits = np.unravel_index(np.arange(p0, p1), shape[:split])
            pre = np.zeros((n_a, p1 - p0))
            for j in range(split):
                pre += cols[j][:, digits[j]]
        else:
            pre = np.zeros((n_a, 1))
        yield p0 * tail, (pre[:, :, None] + suffix[:, None, :]).reshape(n_a, -1)


def pareto_mask(points: FloatArray, block: int = 1 << 23) -> BoolArray:
    """Which rows of ``points`` (n, d) no other row Pareto-dominates (maximisation).

    Equal rows are all kept. Distinct rows are visited by decreasing sum (ties: lexicographically
    decreasing), so a row can only be dominated by rows already kept; each batch is checked
    against the kept front one coordinate at a time (2-D comparisons, no small-axis reductions).
    """
    if len(points) == 0:
        return np.zeros(0, dtype=bool)
    uniq, inverse = np.unique(points, axis=0, return_inverse=True)
    return _pareto_distinct(uniq, block)[inverse.ravel()]


def _pareto_distinct(points: FloatArray, block: int) -> BoolArray:
    n, d = points.shape
    keys = [points[:, j] for j in range(d - 1, -1, -1)] + [points.sum(axis=1)]
    order = np.lexsort([-k for k in keys])
    pts = np.ascontiguousarray(points[order].T)  # (d, n)
    keep = np.zeros(n, dtype=bool)
    front = np.empty((d, 0))
    start = 0
    while start < n:
        size = max(16, min(n - start, 2048, block // max(1, front.shape[1] + 2048)))
        cand = pts[:, start : start + size]
        alive = ~_dominated_by(cand, front)
        c = cand[:, alive]
        if c.shape[1] > 1:
            inner = _ge_all(c, c)
            np.fill_diagonal(inner, False)
            idx = np.flatnonzero(alive)
            alive[idx[inner.any(axis=1)]] = False
        keep[order[start : start + size][alive]] = True
        front = np.concatenate([front, cand[:, alive]], axis=1)
        start += size
    return keep


def _ge_all(points: FloatArray, others: FloatArray) -> BoolArray:
    """``out[p, q]``: ``others[:, q] >= points[:, p]`` in every coordinate (columns are points)."""
    out = others[0][None, :] >= points[0][:, None]
    for j in range(1, points.shape[0]):
        out &= others[j][None, :] >= points[j][:, None]
    return out


def _dominated_by(points: FloatArray, others: FloatArray) -> BoolArray:
    """For each column of ``points``: is it weakly below some (distinct) column of ``others``?"""
    if others.shape[1] == 0:
        return np.zeros(points.shape[1], dtype=bool)
    return np.asarray(_ge_all(points, others).any(axis=1))


def minkowski_frontier(
    cols: Sequence[FloatArray],
    max_points: int = 50_000,
    floor: FloatArray | None = None,
    max_work: float = 2e9,
) -> tuple[IntArray, FloatArray] | None:
    """The Pareto frontier of the product space without enumerating it.

    With additive utilities the Pareto set of a Minkowski sum lies in the sum of the Pareto
    sets (if ``a`` is dominated by ``a'`` then ``a + b`` is dominated by ``a' + b``), so adding
    one issue at a time and filtering after each step is exact. One package is kept per distinct
    utility vector. With ``floor`` (n_actors,), only packages with utilities >= floor are wanted:
    partial packages that cannot reach it even with every actor's best remaining options are
    dropped (their dominators can reach it too, so the filtered front stays exact).
    Returns ``(choices (F, n_issues), utilities (F, n_actors))`` sorted by
    decreasing total utility, or None when an intermediate front exceeds ``max_points`` or the
    dominance checks would exceed ``max_work`` point pairs (a few seconds per 10^9; with more
    than 8 actors every candidate is counted against every other, and a pair counts
    ``n_actors / 8`` times, as comparing it costs that much more).
    """
    n_a = cols[0].shape[0]
    choice = np.zeros((1, 0), dtype=np.int64)
    util = np.zeros((1, n_a))
    work = 0.0
    per_pair = max(1.0, n_a / 8.0)
    best_rest = np.cumsum([c.max(axis=1) for c in cols][::-1], axis=0)[::-1]
    for k, c in enumerate(cols):
        m = c.shape[1]
        if len(util) * m > 8 * max_points:
            return None
        n_cand = float(len(util) * m)
        # up to 8 actors the front stays far smaller than the candidates; beyond, almost nothing
        # is dominated and every candidate may be checked against every other
        work += n_cand * (len(util) if n_a <= 8 else n_cand) * per_pair
        if work > max_work:
            return None
        cand = (util[:, None, :] + c.T[None, :, :]).reshape(-1, n_a)
        ch = np.concatenate(
            [np.repeat(choice, m, axis=0), np.tile(np.arange(m), len(choice))[:, None]], axis=1
        )
        _, first = np.unique(np.round(cand, 12), axis=0, return_index=True)
        cand, ch = cand[first], ch[first]
        if floor is not None:
            rest = best_rest[k + 1] if k + 1 < len(cols) else np.zeros(n_a)
            reach = np.all(cand + rest >= floor - 1e-9, axis=1)
            cand, ch = cand[reach], ch[reach]
            if len(cand) == 0:
                return np.zeros((0, len(cols)), dtype=np.int64), np.zeros((0, n_a))
        keep = _pareto_distinct(cand, 1 << 23)
        util, choice = cand[keep], ch[keep]
        if len(util) > max_points:
            return None
    order = np.argsort(-util.sum(axis=1), kind="stable")
    return choice[order], util[order]


def point_objectives(
    surplus: FloatArray, weights: FloatArray, ideal_gain: FloatArray
) -> dict[str, FloatArray]:
    """Each bargaining solution's objective for packages with ``surplus`` (n, k) over no deal.

    Nash (1950) maximises the product of gains, the asymmetric Nash solution (Kalai 1977;
    Roth 1979) a weighted product; Kalai & Smorodinsky (1975) the common share of each party's
    ideal gain; utilitarian the sum of utilities; egalitarian the least gain.
    A party of weight 0 (no capability) adds nothing to the weighted product: only its place in
    the zone (surplus >= 0) is required (:func:`weighted_log_nash`).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        logs = np.where(surplus > 0, np.log(np.maximum(surplus, 1e-300)), -np.inf)
    k = surplus.shape[1]
    scaled = surplus[:, ideal_gain > 0] / ideal_gain[ideal_gain > 0]
    return {
        "nash": logs.sum(axis=1) / k,
        "weighted_nash": weighted_log_nash(logs, weights),
        "kalai_smorodinsky": scaled.min(axis=1) if scaled.shape[1] else np.zeros(len(surplus)),
        "utilitarian": surplus.sum(axis=1),
        "egalitarian": surplus.min(axis=1),
    }


def weighted_log_nash(logs: FloatArray, weights: FloatArray) -> FloatArray:
    """``Σ_a w_a log(surplus_a)`` per row of ``logs`` (n, k) over the parties with ``w_a > 0``: a
    party of weight 0 contributes nothing (not ``0 · log 0``, which is undefined)."""
    pos = np.asarray(weights) > 0
    if not pos.any():
        return np.zeros(len(logs))
    if pos.all():
        return np.asarray(logs @ weights)
    return np.asarray(logs[:, pos] @ weights[pos])


def near_top(values: FloatArray) -> BoolArray:
    """Which ``values`` tie with the largest: within ``TIE (1 + |max|)`` of it."""
    top = np.max(values)
    return np.asarray(values >= top - TIE * (1.0 + abs(top)))


def argbest(objective: FloatArray, tiebreak: FloatArray) -> int:
    """Index of the best objective; near-ties go to the larger ``tiebreak`` (near-ties of it
    too, by the same tolerance), then the first."""
    top = np.max(objective)
    if not np.isfinite(top):
        return -1
    near = np.flatnonzero(near_top(objective))
    return int(near[np.flatnonzero(near_top(tiebreak[near]))[0]])
