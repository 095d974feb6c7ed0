"""Candidate exchanges of the equal-gain model and the order in which the Decide model sees them.

Candidates come per issue pair in file order (Stokman & Van Oosten 1994): actors right of the
outcome on both issues with actors left on both, then actors left on the first and right on the
second with actors the other way round. The Decide model realises the candidate first in its
list after a stable sort by gain, repeated at every step; :func:`peer_first` replays that order
for tied gains from the history of their gains.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

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


class GainLog:
    """Gains of re-evaluated candidates by step, to replay the peer's stable-sort order."""

    def __init__(self, g0: FloatArray) -> None:
        self.g0 = g0.copy()
        self.chunks: list[tuple[IntArray, int, FloatArray]] = []
        # merged entries, sorted by candidate and, within one, by step
        self.c = np.zeros(0, dtype=np.int64)
        self.s = np.zeros(0, dtype=np.int64)
        self.g = np.zeros(0)

    def add(self, idx: IntArray, step: int, gains: FloatArray) -> None:
        self.chunks.append((idx.copy(), step, gains.copy()))

    def history(self, members: IntArray) -> dict[int, list[tuple[int, float]]]:
        """Per member: (step, gain) from step 0 on, in step order."""
        if self.chunks:
            c = np.concatenate([self.c, *[ch[0] for ch in self.chunks]])
            s = np.concatenate([self.s, *[np.full(ch[0].size, ch[1]) for ch in self.chunks]])
            g = np.concatenate([self.g, *[ch[2] for ch in self.chunks]])
            order = np.argsort(c, kind="stable")  # entries were added in step order
            self.c, self.s, self.g = c[order], s[order], g[order]
            self.chunks = []
        lo = np.searchsorted(self.c, members, side="left")
        hi = np.searchsorted(self.c, members, side="right")
        return {
            int(m): [
                (0, float(self.g0[m])),
                *zip(self.s[a:b].tolist(), self.g[a:b].tolist(), strict=True),
            ]
            for m, a, b in zip(members, lo, hi, strict=True)
        }


def _tied(a: float, b: float) -> bool:
    return abs(a - b) <= TIE_RTOL * max(abs(a), abs(b)) + 1e-15


def peer_first(members: IntArray, log: GainLog) -> int:
    """The candidate the peer's repeatedly stable-sorted list has first among tied ones: the
    higher gain at the latest step where their gains differed, else the one created first."""
    hist = log.history(members)

    def at(h: list[tuple[int, float]], step: int) -> float:
        value = h[0][1]
        for s, g in h:
            if s > step:
                break
            value = g
        return value

    def cmp(a: int, b: int) -> int:
        ha, hb = hist[a], hist[b]
        steps = sorted({s for s, _ in ha} | {s for s, _ in hb}, reverse=True)
        for s in steps:
            ga, gb = at(ha, s), at(hb, s)
            if not _tied(ga, gb):
                return -1 if ga > gb else 1
        return -1 if a < b else 1

    return sorted((int(m) for m in members), key=functools.cmp_to_key(cmp))[0]
