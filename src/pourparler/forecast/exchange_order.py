"""Candidate exchanges of the equal-gain model and the order in which the Decide model sees them.

Candidates come per issue pair in file order (Stokman & Van Oosten 1994): actors right of the
outcome on both issues with actors left on both, then actors left on the first and right on the
second with actors the other way round. The Decide model realises the candidate first in its
list after a stable sort by gain, repeated at every step; :func:`peer_first` replays that order
for tied gains from the history of their gains.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar, cast

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

SIDE_TOL = 1e-10  # an actor within this of the outcome counts as on its left
TIE_RTOL = 1e-10  # relative difference below which two gains are tied


@dataclass
class Candidates:
    """Candidate exchanges of a batch of rounds: grouped by draw, each draw's in the peer's
    creation order; draw ``d``'s are ``start[d]:start[d + 1]``."""

    i: IntArray  # actor I: supplies q, demands p
    j: IntArray  # actor J: supplies p, demands q
    p: IntArray
    q: IntArray
    draw: IntArray
    start: IntArray


def candidates(
    x: FloatArray, present: BoolArray, salience: FloatArray, outcome: FloatArray
) -> Candidates:
    """All candidate pairs per draw (``x``, ``present``, ``salience`` are (draws, actors,
    issues), ``outcome`` (draws, issues)) and issue pair (p < q, file order): actors right of the
    outcome on both issues × actors left on both, then (left on p, right on q) × (right on p,
    left on q). Roles: ``I`` is the actor with the larger s_p/s_q (the first actor when equal)."""
    n_draws, _, n_issues = x.shape
    left = present & (x <= outcome[:, None, :] + SIDE_TOL)
    right = present & ~left
    pa, pb = np.triu_indices(n_issues, 1)  # issue pairs in file order
    both = present[:, :, pa] & present[:, :, pb]  # (draws, actors, pairs)
    ra, rb, la, lb = right[:, :, pa], right[:, :, pb], left[:, :, pa], left[:, :, pb]
    # per (draw, pair, group): the actors on the first side, and those on the second
    first = np.stack([ra & rb & both, la & rb & both], axis=-1).transpose(0, 2, 3, 1)
    second = np.stack([la & lb & both, ra & lb & both], axis=-1).transpose(0, 2, 3, 1)
    n_actors = x.shape[1]
    grp_u, u = np.nonzero(first.reshape(-1, n_actors))
    _, v_all = np.nonzero(second.reshape(-1, n_actors))
    n_v = second.sum(axis=-1).reshape(-1)
    v_start = np.cumsum(n_v) - n_v
    # each first-side actor u meets every second-side actor of its group, in order: the
    # (draw, pair, group, u, v) order is each draw's creation order
    rep = n_v[grp_u]
    out_start = np.cumsum(rep) - rep
    v = v_all[np.arange(int(rep.sum())) + np.repeat(v_start[grp_u] - out_start, rep)]
    grp, u = np.repeat(grp_u, rep), np.repeat(u, rep)
    d, k = grp // (2 * pa.size), grp // 2 % pa.size
    p, q = pa[k], pb[k]
    start = np.zeros(n_draws + 1, dtype=np.int64)
    np.cumsum(np.bincount(d, minlength=n_draws), out=start[1:])
    # peer: I = v when s_up/s_uq < s_vp/s_vq, else u (cross-multiplied: saliences are >= 0)
    swap = salience[d, u, p] * salience[d, v, q] < salience[d, v, p] * salience[d, u, q]
    return Candidates(np.where(swap, v, u), np.where(swap, u, v), p, q, d, start)


_A = TypeVar("_A", bound=np.ndarray)


def _grown(a: _A, used: int, cap: int) -> _A:
    """A copy of ``a`` with room for ``cap`` values (the first ``used`` kept)."""
    out = np.empty(cap, dtype=a.dtype)
    out[:used] = a[:used]
    return cast(_A, out)


class GainLog:
    """Gains of re-evaluated candidates by step, to replay the peer's stable-sort order.

    Entries are chained per candidate (each points to the candidate's previous entry), so the
    history of a few candidates is read without touching the others'."""

    def __init__(self, g0: FloatArray) -> None:
        self.g0 = g0.copy()
        self.last = np.full(g0.size, -1, dtype=np.int64)  # latest entry per candidate
        self.prev = np.zeros(0, dtype=np.int64)
        self.step = np.zeros(0, dtype=np.int64)
        self.gain = np.zeros(0)
        self.size = 0

    def add(self, idx: IntArray, step: int, gains: FloatArray) -> None:
        """Record ``gains`` of the candidates ``idx`` (distinct) at ``step``."""
        n = idx.size
        if self.size + n > self.prev.size:
            cap = max(2 * self.prev.size, self.size + n, 1024, self.g0.size)

            self.prev = _grown(self.prev, self.size, cap)
            self.step = _grown(self.step, self.size, cap)
            self.gain = _grown(self.gain, self.size, cap)
        e = np.arange(self.size, self.size + n)
        self.prev[e] = self.last[idx]
        self.step[e] = step
        self.gain[e] = gains
        self.last[idx] = e
        self.size += n

    def table(self, members: IntArray) -> tuple[IntArray, FloatArray]:
        """The steps at which any member was recorded (0 first, ascending) and each member's
        gain at each of them (its latest entry at or before the step)."""
        chain = [self.last[members]]
        while (chain[-1] >= 0).any():
            e = chain[-1]
            chain.append(np.where(e >= 0, self.prev[np.maximum(e, 0)], -1))
        ent = np.array(chain[:-1], dtype=np.int64).reshape(-1, members.size)  # newest first
        has = ent >= 0
        steps = np.union1d(0, self.step[ent[has]])
        values = np.empty((members.size, steps.size))
        values[:] = self.g0[members][:, None]
        col = np.searchsorted(steps, self.step[ent[has]])
        row = np.nonzero(has)[1]
        # oldest entries first, so that the latest of a member's entries is written last
        at = np.full((members.size, steps.size), -1, dtype=np.int64)
        at[row[::-1], col[::-1]] = np.arange(row.size)[::-1]
        filled = np.maximum.accumulate(np.where(at >= 0, np.arange(steps.size), 0), axis=1)
        g = np.append(self.gain[ent[has]], 0.0)  # (the extra value is never picked)
        written = np.take_along_axis(at, filled, axis=1)
        values = np.where(written >= 0, g[np.maximum(written, 0)], values)
        return steps, values

    def history(self, members: IntArray) -> dict[int, list[tuple[int, float]]]:
        """Per member: (step, gain) from step 0 on, in step order."""
        out: dict[int, list[tuple[int, float]]] = {}
        for m in members.tolist():
            h: list[tuple[int, float]] = []
            e = int(self.last[m])
            while e >= 0:
                h.append((int(self.step[e]), float(self.gain[e])))
                e = int(self.prev[e])
            out[int(m)] = [(0, float(self.g0[m])), *h[::-1]]
        return out


def _tied(a: float, b: float) -> bool:
    return abs(a - b) <= TIE_RTOL * max(abs(a), abs(b)) + 1e-15


def _tied_array(a: FloatArray, b: FloatArray) -> BoolArray:
    """:func:`_tied`, elementwise (the same operations, so the same answers)."""
    return np.abs(a - b) <= TIE_RTOL * np.maximum(np.abs(a), np.abs(b)) + 1e-15


_PAIR_TABLE_CELLS = 1 << 21  # the all-pairs comparison of a tied group stays below this
_WALK_MEMBERS = 8  # smaller tied groups compare pairs by walking their histories


class _Walker:
    """Compares two candidates by walking their histories back from the latest step."""

    def __init__(self, log: GainLog) -> None:
        self.last, self.prev, self.step = log.last, log.prev, log.step
        self.gain, self.g0 = log.gain, log.g0

    def head(self, e: int, m: int) -> tuple[int, float]:
        """(step, gain) of entry ``e`` of candidate ``m`` (step 0 and its first gain if -1)."""
        if e < 0:
            return 0, float(self.g0[m])
        return int(self.step[e]), float(self.gain[e])

    def cmp(self, a: int, b: int) -> int:
        ea, eb = int(self.last[a]), int(self.last[b])
        while True:
            (sa, ga), (sb, gb) = self.head(ea, a), self.head(eb, b)
            if not _tied(ga, gb):  # their gains at step max(sa, sb)
                return -1 if ga > gb else 1
            s = max(sa, sb)
            if s == 0:
                return -1 if a < b else 1
            if sa == s:
                ea = int(self.prev[ea])
            if sb == s:
                eb = int(self.prev[eb])


def _table_cmp(members: IntArray, log: GainLog) -> Callable[[int, int], int]:
    """The comparison of members (by their place in ``members``), read from one table of
    their gains at the steps where any of them was recorded."""
    steps, values = log.table(members)
    k = members.size
    if k * k * steps.size <= _PAIR_TABLE_CELLS:
        va, vb = values[:, None, :], values[None, :, :]
        differ = ~_tied_array(va, vb)
        any_diff = differ.any(axis=-1)
        latest = steps.size - 1 - np.argmax(differ[..., ::-1], axis=-1)
        ga = np.take_along_axis(np.broadcast_to(va, differ.shape), latest[..., None], axis=-1)
        gb = np.take_along_axis(np.broadcast_to(vb, differ.shape), latest[..., None], axis=-1)
        before = np.where(any_diff, ga[..., 0] > gb[..., 0], members[:, None] < members[None, :])
        result = np.where(before, -1, 1).tolist()

        def from_table(a: int, b: int) -> int:
            return int(result[a][b])

        return from_table

    def from_rows(a: int, b: int) -> int:
        differ = np.flatnonzero(~_tied_array(values[a], values[b]))
        if differ.size:
            s = differ[-1]
            return -1 if values[a, s] > values[b, s] else 1
        return -1 if members[a] < members[b] else 1

    return from_rows


def peer_first(members: IntArray, log: GainLog) -> int:
    """The candidate the peer's repeatedly stable-sorted list has first among tied ones: the
    higher gain at the latest step where their gains differed, else the one created first.

    Two members are compared at the steps where either was recorded (comparing at the other
    steps repeats an earlier comparison); the members are sorted with that comparison, as the
    peer's list would be."""
    k = members.size
    cmp: Callable[[int, int], int]
    if k <= _WALK_MEMBERS:
        walk = _Walker(log)
        ids = members.tolist()

        def cmp(a: int, b: int) -> int:
            return walk.cmp(ids[a], ids[b])

    else:
        cmp = _table_cmp(members, log)
    first = sorted(range(k), key=functools.cmp_to_key(cmp))[0]
    return int(members[first])
