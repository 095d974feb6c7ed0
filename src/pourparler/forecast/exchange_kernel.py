"""Numpy kernel of one round of Stokman's equal-gain exchange model, for a batch of draws.

Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita & Stokman
(eds.), *European Community Decision Making*; Stokman & Van Assen (2003) for the equal-gain rule.
The kernel follows the Decide exchange model (decide-exchange-model 2025.3.1) exchange for
exchange: the same candidates in the same order, the same roles, moves, outcome cap, validity
rules, realisation order and recomputation rules (see ``models/exchange-model.md``).

The candidates of all draws are evaluated at once (:mod:`pourparler.forecast.exchange_eval`).
Each step then realises, in every draw that still has a valid candidate, that draw's best one,
and re-evaluates, in one call, only the candidates that share a supply or demand (draw, actor,
issue) with a realised exchange, found through index tables keyed by (draw, actor, issue). Draws
share no state, so a draw's exchanges are those it has when run alone, bit for bit: the number
of steps is the largest number of exchanges in any draw, not their sum.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.exchange_eval import (
    BOUND_TOL,
    RoundState,
    evaluate,
    weighted_outcome,
)
from pourparler.forecast.exchange_order import TIE_RTOL, Candidates, GainLog, candidates, peer_first

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]
TieRng = np.random.Generator | Sequence[np.random.Generator] | None

__all__ = [
    "JIT_MIN_CANDIDATES",
    "RoundResult",
    "TieRng",
    "jit_available",
    "run_round",
    "weighted_outcome",
]

JIT_MIN_CANDIDATES = 2000  # a round with fewer candidates (all draws) stays with numpy


def jit_available() -> bool:
    """Whether the compiled rounds (:mod:`pourparler.forecast.exchange_jit`) can be used: numba
    imports and ``POURPARLER_NO_JIT`` is not set to 1."""
    if os.environ.get("POURPARLER_NO_JIT", "") == "1":
        return False
    try:
        import pourparler.forecast.exchange_jit  # noqa: F401
    except ImportError:
        return False
    return True


def _use_jit(jit: bool | None, n_candidates: int, rng: TieRng) -> bool:
    """Compiled rounds for peer ties, when available and ``jit`` is True, or None with at least
    ``JIT_MIN_CANDIDATES`` candidates (``POURPARLER_JIT=1``: at any size)."""
    if rng is not None or jit is False:
        return False
    if jit is None and n_candidates < JIT_MIN_CANDIDATES:
        if os.environ.get("POURPARLER_JIT", "") != "1":
            return False
    return jit_available()


@dataclass
class _Groups:
    """Candidate indices grouped by a flat key: ``order[start[k]:start[k + 1]]``."""

    order: IntArray
    start: IntArray

    @classmethod
    def build(cls, keys: IntArray, n_keys: int, n_items: int) -> _Groups:
        """Groups of items ``k % n_items`` by ``keys[k]``."""
        order = np.argsort(keys, kind="stable") % max(n_items, 1)
        start = np.zeros(n_keys + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys, minlength=n_keys), out=start[1:])
        return cls(order, start)

    def take(self, keys: IntArray) -> tuple[IntArray, IntArray]:
        """The items of all ``keys``, key after key, and how many each key has."""
        lo, hi = self.start[keys], self.start[keys + 1]
        size = hi - lo
        first = np.cumsum(size) - size  # where each key's run starts in the result
        pos = np.arange(int(size.sum())) + np.repeat(lo - first, size)
        return self.order[pos], size


class _Scores:
    """Candidates' scores (gain if valid, else -inf) with the maximum of each block of
    ``BLOCK`` candidates, so that a step finds each draw's best and the tied candidates
    without reading every score. Each draw's candidates start a new block (padded with
    -inf), so a block belongs to one draw."""

    BLOCK = 32

    def __init__(self, score: FloatArray, start: IntArray) -> None:
        b = self.BLOCK
        n_per_draw = np.diff(start)
        n_blocks = -(-n_per_draw // b)
        self.bstart = np.zeros(start.size, dtype=np.int64)
        np.cumsum(n_blocks, out=self.bstart[1:])
        self.bdraw = np.repeat(np.arange(n_per_draw.size), n_blocks)
        self.score = score
        self.pidx = np.arange(score.size) + np.repeat(self.bstart[:-1] * b - start[:-1], n_per_draw)
        self.padded = np.full(int(self.bstart[-1]) * b, -np.inf)
        self.padded[self.pidx] = score
        self.owner = np.full(self.padded.size, -1, dtype=np.int64)
        self.owner[self.pidx] = np.arange(score.size)
        self.rows = self.padded.reshape(-1, b)
        self.bmax = self.rows.max(axis=1) if self.rows.size else np.zeros(0)

    def set(self, idx: IntArray, values: FloatArray | float) -> None:
        """Scores of the candidates ``idx`` (a block met twice in a row is redone once)."""
        self.score[idx] = values
        where = self.pidx[idx]
        self.padded[where] = values
        blocks = where // self.BLOCK
        if blocks.size > 1:
            blocks = blocks[np.concatenate([[True], blocks[1:] != blocks[:-1]])]
        self.bmax[blocks] = np.take(self.rows, blocks, axis=0).max(axis=1)

    def top(self, draws: IntArray) -> FloatArray:
        """The best score of each of ``draws`` (ascending draws with candidates; the draws
        between them have none left)."""
        return np.maximum.reduceat(self.bmax, self.bstart[draws])

    def at_least(self, thr: FloatArray) -> IntArray:
        """The candidates whose score is at least their draw's ``thr``, in candidate order."""
        blocks = np.flatnonzero(self.bmax >= thr[self.bdraw])
        rows = np.take(self.rows, blocks, axis=0)
        row, col = np.nonzero(rows >= thr[self.bdraw[blocks]][:, None])
        return self.owner[blocks[row] * self.BLOCK + col]


@dataclass
class RoundResult:
    """What one round of a batch produced. The realised exchanges are grouped by draw, each
    draw's in order: draw ``d``'s are ``start[d]:start[d + 1]`` of ``order`` (candidate
    indices into ``cand``), the signed moves, new positions and gains."""

    n_candidates: IntArray  # (draws,)
    cand: Candidates
    start: IntArray
    order: IntArray
    move_i: FloatArray
    move_j: FloatArray
    y_i: FloatArray
    y_j: FloatArray
    gain: FloatArray
    voting: FloatArray  # positions after the exchanges (last realised move per actor-issue)
    moved: BoolArray


def _landing(pos: FloatArray, m: FloatArray, target: FloatArray) -> FloatArray:
    """New positions: on the target when within BOUND_TOL of it, and within [0, 100]."""
    y = pos + m
    y = np.where(np.abs(y - target) <= BOUND_TOL, target, y)
    return np.minimum(100.0, np.maximum(0.0, y))


def _row_sums(values: FloatArray, mask: BoolArray) -> FloatArray:
    """Per row, the sum of the masked values as numpy sums them alone (bit for bit): in order
    while fewer than 8, else numpy's own pairwise sum over rows of equal count."""
    out = np.cumsum(np.where(mask, values, 0.0), axis=1)[:, -1]
    count = mask.sum(axis=1)
    many = count >= 8
    if not many.any():
        return out
    for k in np.unique(count[many]):
        rows = count == k
        out[rows] = values[rows][mask[rows]].reshape(-1, k).sum(axis=1)
    return out


def _record(st: RoundState, keys: IntArray, y: FloatArray) -> None:
    """Demanders record their partners' new positions ``y`` (I's on q, then J's on p); their
    outcome offsets follow."""
    n_actors = st.x0.shape[1]
    upd, mask = st.upd.reshape(-1), st.upd_mask.reshape(-1)
    u = keys[2:4].ravel()  # (z, e, y): (J, q, I) and (I, p, J)
    x0y = st.x0.reshape(-1)[keys[0:2].ravel()]
    old = upd[u]
    kept = np.where(x0y <= old, np.minimum(old, y), np.maximum(old, y))
    upd[u] = np.where(mask[u], kept, y)
    mask[u] = True
    rows, col = keys[4:6].ravel(), keys[6:8].ravel()  # (draw, z, e) cells, (draw, e)
    w_t, x0_t = np.take(st.w_t, col, axis=0), np.take(st.x0_t, col, axis=0)
    values = w_t * (np.take(st.upd.reshape(-1, n_actors), rows, axis=0) - x0_t)
    mask_rows = np.take(st.upd_mask.reshape(-1, n_actors), rows, axis=0)
    st.offset.reshape(-1)[rows] = _row_sums(values, mask_rows)


def _generators(rng: TieRng, n_draws: int) -> list[np.random.Generator] | None:
    if rng is None:
        return None
    if isinstance(rng, np.random.Generator):
        return [rng] * n_draws
    gens = list(rng)
    if len(gens) != n_draws:
        raise ValueError(f"rng: expected one generator per draw ({n_draws}), got {len(gens)}")
    return gens


def _pick(
    scores: _Scores,
    cand: Candidates,
    live: IntArray,
    top: FloatArray,
    log: GainLog,
    gens: list[np.random.Generator] | None,
) -> IntArray:
    """Per live draw, its best candidate; ties (within TIE_RTOL of the draw's best) broken by
    :func:`peer_first`, or uniformly by the draw's generator, draw after draw."""
    thr = np.full(cand.start.size - 1, np.inf)
    thr[live] = top - (TIE_RTOL * np.abs(top) + 1e-15)
    tied = scores.at_least(thr)
    if tied.size == live.size:  # one per live draw: no ties
        return tied
    td = cand.draw[tied]
    first = np.flatnonzero(np.concatenate([[True], td[1:] != td[:-1]]))
    best = tied[first]
    size = np.diff(np.append(first, tied.size))
    for k in np.flatnonzero(size > 1):
        members = tied[first[k] : first[k] + size[k]]
        if gens is None:
            best[k] = peer_first(members, log)
        else:
            best[k] = int(gens[int(td[first[k]])].choice(members))
    return best


EVAL_SLICE = 16384  # candidates evaluated per call: larger calls leave the caches


def _evaluate(
    st: RoundState, idx: IntArray, kept_i: FloatArray, kept_j: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """:func:`evaluate`, in slices of ``EVAL_SLICE`` candidates (each candidate's result does
    not depend on the others evaluated with it)."""
    if idx.size <= EVAL_SLICE:
        return evaluate(st, idx, kept_i, kept_j)
    parts = [
        evaluate(st, idx[lo : lo + EVAL_SLICE], kept_i, kept_j)
        for lo in range(0, idx.size, EVAL_SLICE)
    ]
    m_i, m_j, gain, ok = (np.concatenate([p[f] for p in parts]) for f in range(4))
    return m_i, m_j, gain, ok


def run_round(
    x: FloatArray,
    present: BoolArray,
    salience: FloatArray,
    power: FloatArray,
    rng: TieRng = None,
    jit: bool | None = None,
) -> RoundResult:
    """One round of every draw (arrays ``(draws, actors, issues)``): candidates, realisation by
    highest gain, voting positions.

    ``rng`` None breaks ties as the peer does with ``ALLOW_RANDOM = False``; a generator picks
    uniformly among tied candidates, shared by the draws (tied draws take their turn in draw
    order at each step) or one per draw (a draw's choices then do not depend on the others)."""
    n_draws, n_actors, n_issues = x.shape
    gens = _generators(rng, n_draws)
    x0 = np.where(present, x, 0.0)
    sal = np.where(present, salience, 0.0)
    w = np.where(present, power * sal, 0.0)
    big_w = w.sum(axis=1)
    cand = candidates(x0, present, sal, weighted_outcome(x0, w))
    n = cand.i.size
    if _use_jit(jit, n, rng):
        compiled = _run_compiled(x0, w, sal, big_w, cand, present)
        if compiled is not None:
            return compiled
    st = RoundState(
        x0=x0,
        w=w,
        sal=sal,
        big_w=np.where(big_w > 0, big_w, 1.0),
        base=(w * x0).sum(axis=1),
        cur=x0.copy(),
        upd=np.zeros((n_draws, n_actors, n_issues, n_actors)),
        upd_mask=np.zeros((n_draws, n_actors, n_issues, n_actors), dtype=bool),
        offset=np.zeros((n_draws, n_actors, n_issues)),
        c=cand,
    )
    kept_i, kept_j = np.zeros(n), np.zeros(n)
    m_i, m_j, gain, alive = _evaluate(st, np.arange(n, dtype=np.int64), kept_i, kept_j)
    scores = _Scores(np.where(alive, gain, -np.inf), cand.start)
    score = scores.score
    log = GainLog(gain)
    n_cells = n_draws * n_actors * n_issues
    # by supplier (I on q, J on p), then by demander (I on p, J on q): key + namespace · n_cells
    k = st.keys
    groups = _Groups.build(
        np.concatenate([k[0], k[1] + n_cells, k[5] + 2 * n_cells, k[4] + 3 * n_cells]),
        4 * n_cells,
        n,
    )
    # the lookups of a step: both movers' cells as I and as J suppliers, both demanders' cells
    look, look_shift = np.array([0, 1, 0, 1, 4, 5, 4, 5]), np.repeat(np.arange(4) * n_cells, 2)
    voting = x0.copy()
    cur, vote, moved = st.cur.reshape(-1), voting.reshape(-1), np.zeros(n_cells, dtype=bool)
    done: list[list[NDArray[Any]]] = [[] for _ in range(6)]  # per step: realised, moves, y, gain
    live = np.flatnonzero(np.diff(cand.start))  # draws with candidates
    step = 0
    while live.size:
        # a finished draw's scores are all -inf, so a live draw's run may span finished ones
        top = scores.top(live)
        live, top = live[top > -np.inf], top[top > -np.inf]
        if not live.size:
            break
        best = _pick(scores, cand, live, top, log, gens)
        scores.set(best, -np.inf)
        keys = np.take(st.by_candidate, best, axis=0).T
        movers = keys[0:2].ravel()  # (draw, I, q) cells, then (draw, J, p)
        mi_b, mj_b = m_i[best], m_j[best]
        y = _landing(
            cur[movers], np.concatenate([mi_b, mj_b]), st.x0.reshape(-1)[keys[4:6].ravel()]
        )
        step_out = (best, mi_b, mj_b, y[: best.size], y[best.size :], gain[best])
        for col, v in zip(done, step_out, strict=True):
            col.append(v)
        found, size = groups.take((keys[look] + look_shift[:, None]).ravel())
        n_si = int(size[: movers.size].sum())
        n_sj = int(size[movers.size : 2 * movers.size].sum())
        # candidates whose supplier is a realised mover keep their current move in history
        si, sj = found[:n_si], found[n_si : n_si + n_sj]
        si, sj = si[np.isfinite(score[si])], sj[np.isfinite(score[sj])]
        kept_i[si] += m_i[si]
        kept_j[sj] += m_j[sj]
        cur[movers] = y
        vote[movers] = y
        moved[movers] = True
        _record(st, keys, y)
        redo = np.concatenate([si, sj, found[n_si + n_sj :]])
        redo = redo[np.isfinite(score[redo])]
        redo = np.sort(redo)  # in candidate order (nearby memory together)
        if redo.size > 1:  # one of each
            redo = redo[np.concatenate([[True], redo[1:] != redo[:-1]])]
        step += 1
        if redo.size:
            mi, mj, g, ok = _evaluate(st, redo, kept_i, kept_j)
            m_i[redo], m_j[redo], gain[redo] = mi, mj, g
            scores.set(redo, np.where(ok, g, -np.inf))
            log.add(redo, step, g)
    order = np.concatenate([np.zeros(0, dtype=np.int64), *done[0]]).astype(np.int64)
    values = np.array([np.concatenate([np.zeros(0), *col]) for col in done[1:]])
    by_draw = np.argsort(cand.draw[order], kind="stable")  # steps stay in order
    start = np.zeros(n_draws + 1, dtype=np.int64)
    np.cumsum(np.bincount(cand.draw[order], minlength=n_draws), out=start[1:])
    order = order[by_draw]
    mv_i, mv_j, y_i, y_j, g = values[:, by_draw]
    return RoundResult(
        n_candidates=np.diff(cand.start),
        cand=cand,
        start=start,
        order=order,
        move_i=mv_i,
        move_j=mv_j,
        y_i=y_i,
        y_j=y_j,
        gain=g,
        voting=np.where(present, voting, np.nan),
        moved=moved.reshape(n_draws, n_actors, n_issues),
    )


def _run_compiled(
    x0: FloatArray,
    w: FloatArray,
    sal: FloatArray,
    big_w: FloatArray,
    cand: Candidates,
    present: BoolArray,
) -> RoundResult | None:
    """:func:`run_round` with peer ties, compiled; None when a tie is left to the numpy code."""
    from pourparler.forecast.exchange_jit import run_round_draws

    res = run_round_draws(
        cand.i,
        cand.j,
        cand.p,
        cand.q,
        cand.start,
        x0,
        w,
        sal,
        np.where(big_w > 0, big_w, 1.0),
        (w * x0).sum(axis=1),
    )
    if res is None:
        return None
    counts, order, mv_i, mv_j, y_i, y_j, gain, voting, moved = res
    n_draws = counts.size
    start = np.zeros(n_draws + 1, dtype=np.int64)
    np.cumsum(counts, out=start[1:])
    pos = np.arange(int(start[-1])) + np.repeat(cand.start[:-1] - start[:-1], counts)
    return RoundResult(
        n_candidates=np.diff(cand.start),
        cand=cand,
        start=start,
        order=order[pos],
        move_i=mv_i[pos],
        move_j=mv_j[pos],
        y_i=y_i[pos],
        y_j=y_j[pos],
        gain=gain[pos],
        voting=np.where(present, voting.reshape(x0.shape), np.nan),
        moved=moved.reshape(x0.shape),
    )
