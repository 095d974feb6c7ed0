"""The pair tables of a round of Bueno de Mesquita's model (:mod:`pourparler.forecast.bdm`):
distances |x_a − x_b| / R, the voters below each midpoint, and the win probabilities P[a, b]
read from a prefix table of votes, for a block of actors at a time; or, where the actors of a
draw share positions, over the distinct positions once, then read back for every actor
(:class:`DistinctPositions`; the same operations on the same numbers, so the same bits)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]

DISTINCT_BYTES = 20  # bytes a pair of distinct positions holds: P, its transpose, voter counts


class PairTables:
    """Distances and voter counts of a round, kept whole when ``keep``, else built per block;
    the voter counts only when ``below`` (not when the distinct positions give them)."""

    def __init__(
        self,
        x: FloatArray,
        xs: FloatArray,
        order: NDArray[np.intp],
        span: FloatArray,
        keep: bool,
        *,
        below: bool = True,
    ) -> None:
        self.x, self.xs, self.order, self.span = x, xs, order, span
        n = x.shape[1]
        self.dist = pair_distances(x, 0, n, span) if keep else None
        self.below = count_below(x, xs, order, 0, n) if keep and below else None

    def distances(self, lo: int, hi: int) -> FloatArray:
        if self.dist is not None:
            return self.dist[:, lo:hi]
        return pair_distances(self.x, lo, hi, self.span)

    def voters_below(self, lo: int, hi: int) -> NDArray[np.integer]:
        if self.below is not None:
            return self.below[:, lo:hi]
        return count_below(self.x, self.xs, self.order, lo, hi)


def pair_distances(x: FloatArray, lo: int, hi: int, span: FloatArray) -> FloatArray:
    """|x_i − x_j| / R for the rows i in lo:hi, in 0–1."""
    return np.abs(x[:, lo:hi, None] - x[:, None, :]) / span


def count_below(
    x: FloatArray, xs: FloatArray, order: NDArray[np.intp], lo: int, hi: int
) -> NDArray[np.integer]:
    """below[a, b] for the rows a in lo:hi: how many actors lie strictly below the midpoint of
    x_a and x_b (``xs``: each draw's positions sorted, ``order`` the sorting permutation).

    The midpoints are searched with the columns b in order of position, so each row's keys
    ascend (the binary search then stays in cache), and put back in the actors' order."""
    mid = 0.5 * (x[:, lo:hi, None] + xs[:, None, :])  # column c: the actor order[c]
    out = np.empty(mid.shape, dtype=np.int32 if x.shape[1] < 2**31 else np.intp)
    for d in range(x.shape[0]):
        out[d][:, order[d]] = np.searchsorted(xs[d], mid[d], side="left")
    return out


def win_probabilities(
    x_rows: FloatArray,
    x_cols: FloatArray,
    lo: int,
    hi: int,
    prefix: FloatArray,
    total_votes: FloatArray,
    below: NDArray[np.integer],
    *,
    want_p: bool = True,
) -> tuple[FloatArray | None, FloatArray]:
    """P[a, b] (x_a beats x_b) and P[b, a] for the rows a, the columns lo:hi of the prefix
    table (positions ``x_rows``), and the columns b, every column of the table (``x_cols``);
    see :func:`pourparler.forecast.bdm._win_probability`.

    gain[a, b] = Σ_{k below mid(a, b)} (A_kb − A_ka) is read from the prefix table; the voters
    above the midpoint give the rest of each column's sum."""
    b, n = prefix.shape[0], prefix.shape[2]
    flat = prefix.reshape(-1)
    base = np.arange(b)[:, None, None] * ((n + 1) * n) + below.astype(np.intp) * n
    at_b = flat[base + np.arange(n)[None, None, :]]
    at_a = flat[base + np.arange(lo, hi)[None, :, None]]
    column = prefix[:, -1, :]  # Σ_k A_kl
    xa = x_rows[:, :, None]
    xb = x_cols[:, None, :]
    ok = total_votes > 0
    # where x_a = x_b the columns a and b are equal, so gain and above are exactly 0 (P = 0)
    # P[b, a]: gain[b, a] = A_ka − A_kb summed below the same midpoint
    gain_t = at_a - at_b
    above_t = column[:, lo:hi, None] - column[:, None, :] - gain_t
    num_t = np.maximum(np.where(xb < xa, gain_t, above_t), 0.0)
    p_t = np.divide(num_t, total_votes, out=np.zeros_like(num_t), where=ok)
    if not want_p:
        return None, p_t
    gain = at_b - at_a
    above = column[:, None, :] - column[:, lo:hi, None] - gain  # voters above the midpoint
    num = np.maximum(np.where(xa < xb, gain, above), 0.0)
    return np.divide(num, total_votes, out=np.zeros_like(num), where=ok), p_t


@dataclass(frozen=True)
class DistinctPositions:
    """A one-draw round's distinct positions ``u`` (ascending), each actor's index into ``u``
    (``inv``), the actors at each (``counts``) and ``below[i, j]``, the voters strictly below
    the midpoint of u_i and u_j.
    The votes on a position and the win probabilities depend on the positions only (A_kl on
    x_l, the voters below a midpoint on its two ends), so the votes are computed once per
    distinct position and P[a, b] is P over the distinct positions at (inv[a], inv[b]), with
    the same operations on the same numbers: the same bits, from far fewer pairs."""

    u: FloatArray
    inv: NDArray[np.intp]
    counts: NDArray[np.intp]  # actors at each distinct position
    below: NDArray[np.integer]
    block_rows: int  # rows of the tables worked on at a time

    @classmethod
    def of(
        cls, x: FloatArray, xs: FloatArray, share: float, block_bytes: int, live_arrays: int
    ) -> DistinctPositions | None:
        """The distinct positions of a chunk of one draw (``xs``: its positions sorted), when
        there are at most ``share`` of the actors and their tables fit ``block_bytes``; else
        None. Blocks of rows hold about ``live_arrays`` arrays within ``block_bytes``."""
        if x.shape[0] != 1:
            return None
        n = x.shape[1]
        u, inv = np.unique(x[0], return_inverse=True)
        if u.size > share * n or DISTINCT_BYTES * u.size**2 > block_bytes:
            return None
        mid = 0.5 * (u[:, None] + u[None, :])  # each row ascends: the search stays in cache
        below = np.searchsorted(xs[0], mid, side="left").astype(np.int32)
        rows = max(1, block_bytes // (live_arrays * 8 * u.size))
        inv = inv.reshape(-1).astype(np.intp)
        counts = np.bincount(inv, minlength=u.size).astype(np.intp)
        return cls(u, inv, counts, below, int(rows))

    def distances(self, x: FloatArray, lo: int, hi: int, span: FloatArray) -> FloatArray:
        """|x_i − u_j| / R for the rows i in lo:hi and the distinct positions u_j (the
        distances to the actors at u_j)."""
        return np.abs(x[:, lo:hi, None] - self.u[None, None, :]) / span

    def probabilities(
        self, prefix: FloatArray, total_votes: FloatArray, want_p: bool
    ) -> tuple[FloatArray | None, FloatArray]:
        """P and its transpose over the distinct positions, in blocks of rows (``prefix``:
        the table of votes over the distinct positions, :func:`pourparler.forecast.bdm._votes`)."""
        m = self.u.size
        rows = self.block_rows
        p = np.empty((m, m)) if want_p else None
        p_t = np.empty((m, m))
        for lo in range(0, m, rows):
            hi = min(m, lo + rows)
            got, got_t = win_probabilities(
                self.u[None, lo:hi], self.u[None], lo, hi,
                prefix, total_votes, self.below[None, lo:hi], want_p=want_p,
            )  # fmt: skip
            p_t[lo:hi] = got_t[0]
            if p is not None and got is not None:
                p[lo:hi] = got[0]
        return p, p_t


class Wins:
    """P[a, b] and P[b, a] of one pass (one prefix table), a block of rows at a time: the rows
    of the tables over the distinct positions (columns u_j) when there are few, else computed
    per block (columns: every actor)."""

    def __init__(
        self,
        x: FloatArray,
        pairs: PairTables,
        prefix: FloatArray,
        total_votes: FloatArray,
        grid: DistinctPositions | None,
        *,
        want_p: bool,
    ) -> None:
        self.x, self.pairs, self.prefix, self.votes = x, pairs, prefix, total_votes
        self.grid, self.want_p = grid, want_p
        self.tables = None if grid is None else grid.probabilities(prefix, total_votes, want_p)

    def rows(self, lo: int, hi: int) -> tuple[FloatArray | None, FloatArray]:
        if self.grid is None or self.tables is None:
            return win_probabilities(
                self.x[:, lo:hi], self.x, lo, hi,
                self.prefix, self.votes, self.pairs.voters_below(lo, hi), want_p=self.want_p,
            )  # fmt: skip
        at = self.grid.inv[lo:hi]
        p, p_t = self.tables
        return None if p is None else p.take(at, axis=0)[None], p_t.take(at, axis=0)[None]
