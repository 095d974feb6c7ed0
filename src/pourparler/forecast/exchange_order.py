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
    """Candidate exchanges of one round, in the peer's creation order."""

    i: IntArray  # actor I: supplies q, demands p
    j: IntArray  # actor J: supplies p, demands q
    p: IntArray
    q: IntArray


def candidates(
    x: FloatArray, present: BoolArray, salience: FloatArray, outcome: FloatArray
) -> Candidates:
    """All candidate pairs per issue pair (p < q, file order): actors right of the outcome on
    both issues × actors left on both, then (left on p, right on q) × (right on p, left on q).
    Roles: ``I`` is the actor with the larger s_p/s_q (the first actor when equal)."""
    n_issues = x.shape[1]
    left = present & (x <= outcome + SIDE_TOL)
    right = present & ~left
    parts: list[tuple[IntArray, IntArray, int, int]] = []
    for a in range(n_issues):
        for b in range(a + 1, n_issues):
            both = present[:, a] & present[:, b]
            ra, rb, la, lb = right[:, a], right[:, b], left[:, a], left[:, b]
            for g1, g2 in ((ra & rb, la & lb), (la & rb, ra & lb)):
                u = np.flatnonzero(g1 & both)
                v = np.flatnonzero(g2 & both)
                if u.size and v.size:
                    uu, vv = np.meshgrid(u, v, indexing="ij")
                    parts.append((uu.ravel(), vv.ravel(), a, b))
    if not parts:
        empty = np.zeros(0, dtype=np.int64)
        return Candidates(empty, empty, empty, empty)
    u = np.concatenate([pt[0] for pt in parts]).astype(np.int64)
    v = np.concatenate([pt[1] for pt in parts]).astype(np.int64)
    p = np.concatenate([np.full(pt[0].size, pt[2], dtype=np.int64) for pt in parts])
    q = np.concatenate([np.full(pt[0].size, pt[3], dtype=np.int64) for pt in parts])
    # peer: I = v when s_up/s_uq < s_vp/s_vq, else u (cross-multiplied: saliences are >= 0)
    swap = salience[u, p] * salience[v, q] < salience[v, p] * salience[u, q]
    return Candidates(np.where(swap, v, u), np.where(swap, u, v), p, q)


class GainLog:
    """Gains of re-evaluated candidates by step, to replay the peer's stable-sort order."""

    def __init__(self, g0: FloatArray) -> None:
        self.g0 = g0.copy()
        self.chunks: list[tuple[IntArray, int, FloatArray]] = []
        self.c = np.zeros(0, dtype=np.int64)
        self.s = np.zeros(0, dtype=np.int64)
        self.g = np.zeros(0)

    def add(self, idx: IntArray, step: int, gains: FloatArray) -> None:
        self.chunks.append((idx.copy(), step, gains.copy()))

    def history(self, members: IntArray) -> dict[int, list[tuple[int, float]]]:
        if self.chunks:
            self.c = np.concatenate([self.c, *[ch[0] for ch in self.chunks]])
            self.s = np.concatenate([self.s, *[np.full(ch[0].size, ch[1]) for ch in self.chunks]])
            self.g = np.concatenate([self.g, *[ch[2] for ch in self.chunks]])
            self.chunks = []
        hit = np.flatnonzero(np.isin(self.c, members))
        out: dict[int, list[tuple[int, float]]] = {
            int(m): [(0, float(self.g0[m]))] for m in members
        }
        for h in hit:  # in step order
            out[int(self.c[h])].append((int(self.s[h]), float(self.g[h])))
        return out


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
