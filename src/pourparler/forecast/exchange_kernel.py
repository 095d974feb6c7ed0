"""Numpy kernel of one round of Stokman's equal-gain exchange model.

Stokman & Van Oosten (1994), "The exchange of voting positions", in Bueno de Mesquita & Stokman
(eds.), *European Community Decision Making*; Stokman & Van Assen (2003) for the equal-gain rule.
The kernel follows the Decide exchange model (decide-exchange-model 2025.3.1) exchange for
exchange: the same candidates in the same order, the same roles, moves, outcome cap, validity
rules, realisation order and recomputation rules (see ``models/exchange-model.md``).

Every candidate exchange is a row of flat arrays: actor ``I`` supplies (moves on) issue ``q`` and
demands ``p``; actor ``J`` supplies ``p`` and demands ``q``. All candidates are evaluated at once;
after a realised exchange only the candidates that share a supply or demand (actor, issue) with it
are re-evaluated, found through index tables keyed by (actor, issue).

Positions during a round are the round's start positions, except:

- ``cur[a, d]``: the current position of actor ``a`` on ``d`` after its realised moves;
- ``upd[z, d, y]``: the position of ``y`` on ``d`` as recorded by the candidates in which ``z``
  demands ``d`` (``y`` moved on ``d`` towards ``z`` in a realised exchange). The outcome cap of a
  supplier on ``d`` whose partner is ``z`` uses these recorded positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.exchange_order import TIE_RTOL, Candidates, GainLog, candidates, peer_first

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

MIN_GAIN = 1e-10  # smallest gain of a valid exchange
MIN_MOVE = 1e-10  # smallest move of a valid exchange
CROSS_TOL = 1e-9  # the outcome counts as landing on a position within this
BOUND_TOL = 1e-9  # a new position this far outside [0, 100] is put on the bound


def weighted_outcome(x: FloatArray, weight: FloatArray) -> FloatArray:
    """Σ w·x / Σ w per issue (columns); NaN where the total weight is zero."""
    total = weight.sum(axis=0)
    num = np.where(weight > 0, weight * np.nan_to_num(x), 0.0).sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, num / np.where(total > 0, total, 1.0), np.nan)


@dataclass
class _Groups:
    """Candidate indices grouped by an (actor, issue) key: ``order[start[k]:start[k + 1]]``."""

    order: IntArray
    start: IntArray

    @classmethod
    def build(cls, keys: IntArray, n_keys: int) -> _Groups:
        order = np.argsort(keys, kind="stable")
        start = np.zeros(n_keys + 1, dtype=np.int64)
        np.cumsum(np.bincount(keys, minlength=n_keys), out=start[1:])
        return cls(order, start)

    def get(self, key: int) -> IntArray:
        return self.order[self.start[key] : self.start[key + 1]]


@dataclass
class RoundResult:
    """What one round produced: realised exchanges in order, voting positions."""

    n_candidates: int
    order: list[int]  # indices of realised candidates, in order
    cand: Candidates
    move_i: FloatArray  # signed moves and new positions of the realised exchanges, in order
    move_j: FloatArray
    y_i: FloatArray
    y_j: FloatArray
    gain: FloatArray
    voting: FloatArray  # positions after the exchanges (last realised move per actor-issue)
    moved: BoolArray


@dataclass
class _State:
    """Arrays of one round (see the module docstring)."""

    x0: FloatArray
    w: FloatArray
    sal: FloatArray
    big_w: FloatArray
    base: FloatArray  # Σ w·x0 per issue
    cur: FloatArray
    upd: FloatArray
    upd_mask: BoolArray
    offset: FloatArray  # Σ over recorded y of w·(upd − x0), per (z, d)
    c: Candidates
    static: FloatArray = field(init=False)  # per candidate, the columns of _COLUMNS
    keys: IntArray = field(init=False)  # per candidate: flat (actor, issue) indices
    t_i: FloatArray = field(init=False)  # I's target on q: J's start position on q
    t_j: FloatArray = field(init=False)

    def __post_init__(self) -> None:
        i, j, p, q = self.c.i, self.c.j, self.c.p, self.c.q
        n_issues = self.x0.shape[1]
        s_ip, s_iq, s_jp, s_jq = self.sal[i, p], self.sal[i, q], self.sal[j, p], self.sal[j, q]
        w_iq, w_jp = self.w[i, q], self.w[j, p]
        ok = (w_iq > 0) & (w_jp > 0)
        self.t_i, self.t_j = self.x0[j, q], self.x0[i, p]
        with np.errstate(divide="ignore", invalid="ignore"):
            cols = {
                "s_ip": s_ip,
                "s_iq": s_iq,
                "w_iq": w_iq,
                "w_jp": w_jp,
                "w_iq_s": np.where(ok, w_iq, 1.0),
                "w_jp_s": np.where(ok, w_jp, 1.0),
                "wp": self.big_w[p],
                "wq": self.big_w[q],
                "k": np.where(ok, (s_ip + s_jp) / (s_iq + s_jq), 0.0),  # Δq = Δp·k
                "k_inv": np.where(ok, (s_iq + s_jq) / (s_ip + s_jp), 0.0),
                "t_i": self.t_i,
                "t_j": self.t_j,
                "x0_iq": self.x0[i, q],
                "x0_jp": self.x0[j, p],
                "base_q": self.base[q],
                "base_p": self.base[p],
                "ok": ok.astype(float),
            }
        self.static = np.stack([cols[name] for name in _COLUMNS], axis=1)
        # flat indices: cur (i, q), (j, p); upd (j, q, i), (i, p, j); offset (j, q), (i, p)
        n_actors = self.x0.shape[0]
        self.keys = np.stack(
            [
                i * n_issues + q,
                j * n_issues + p,
                (j * n_issues + q) * n_actors + i,
                (i * n_issues + p) * n_actors + j,
                j * n_issues + q,
                i * n_issues + p,
            ],
            axis=1,
        )


_COLUMNS = (
    "s_ip",
    "s_iq",
    "w_iq",
    "w_jp",
    "w_iq_s",
    "w_jp_s",
    "wp",
    "wq",
    "k",
    "k_inv",
    "t_i",
    "t_j",
    "x0_iq",
    "x0_jp",
    "base_q",
    "base_p",
    "ok",
)


def _move_ok(m: FloatArray, pos: FloatArray, kept: FloatArray) -> BoolArray:
    """The peer's move check: size within (1e-10, 100], new position within [0, 100], and the
    same direction as the moves this candidate side kept (their sum at most 100)."""
    a = np.abs(m)
    y = pos + m
    same = (kept == 0) | (np.sign(kept) == np.sign(m))
    return (
        (a > MIN_MOVE)
        & (a <= 100)
        & (y >= -BOUND_TOL)
        & (y <= 100 + BOUND_TOL)
        & (kept + m <= 100)
        & same
    )


def _evaluate(
    st: _State, idx: IntArray, kept_i: FloatArray, kept_j: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Moves (signed), gain and validity of the candidates ``idx`` from the current state."""
    (s_ip, s_iq, w_iq, w_jp, w_iq_s, w_jp_s, wp, wq, k, k_inv, t_i, t_j, x0_iq, x0_jp) = st.static[
        idx, :14
    ].T
    base_q, base_p, okf = st.static[idx, 14:].T
    ok = okf > 0
    key_iq, key_jp, upd_jqi, upd_ipj, off_jq, off_ip = st.keys[idx].T
    cur, upd, upd_mask, offset = (
        st.cur.reshape(-1),
        st.upd.reshape(-1),
        st.upd_mask.reshape(-1),
        st.offset.reshape(-1),
    )
    pos_i, pos_j = cur[key_iq], cur[key_jp]
    ki, kj = kept_i[idx], kept_j[idx]
    d_i, d_j = np.abs(t_i - pos_i), np.abs(t_j - pos_j)
    sg_i = np.where(pos_i > t_i, -1.0, 1.0)
    sg_j = np.where(pos_j > t_j, -1.0, 1.0)

    # J moves fully to I's position on p; if I would then overshoot J on q, I moves fully
    dp = d_j * w_jp / wp
    dq = dp * k
    m_i = dq * wq / w_iq_s
    m_j = d_j
    full_i = m_i > d_i
    dq = np.where(full_i, d_i * w_iq / wq, dq)
    dp = np.where(full_i, dq * k_inv, dp)
    m_i = np.where(full_i, d_i, m_i)
    m_j = np.where(full_i, dp * wp / w_jp_s, m_j)
    gain = np.abs(dp * s_ip - dq * s_iq)
    m_i, m_j = sg_i * m_i, sg_j * m_j
    valid = ok & _move_ok(m_i, pos_i, ki) & _move_ok(m_j, pos_j, kj) & (gain >= MIN_GAIN)

    # outcome cap, I's supply issue q (partner J demands q), then J's supply issue p
    capped = False
    for side in ("i", "j"):
        if side == "i":
            u, off, w_y, x0y, base, pos, target, wd = (
                upd_jqi,
                off_jq,
                w_iq,
                x0_iq,
                base_q,
                pos_i,
                t_i,
                wq,
            )
            m = m_i
        else:
            u, off, w_y, x0y, base, pos, target, wd = (
                upd_ipj,
                off_ip,
                w_jp,
                x0_jp,
                base_p,
                pos_j,
                t_j,
                wp,
            )
            m = m_j
        mask = upd_mask[u]
        own = np.where(mask, w_y * (upd[u] - x0y), 0.0)
        num = base + offset[off] - own
        n0 = (num + w_y * (pos - x0y)) / wd
        n1 = (num + w_y * (pos + m - x0y)) / wd
        a, b = target - n0, target - n1
        # an outcome within CROSS_TOL of the partner's position counts as on it: not capped
        cross = valid & (
            ((a > CROSS_TOL) & (b < -CROSS_TOL)) | ((a < -CROSS_TOL) & (b > CROSS_TOL))
        )
        if not cross.any():
            continue
        capped = True
        # the move that puts the outcome on the partner's position (recorded y overrides own)
        sigma = base + offset[off] + np.where(mask, 0.0, w_y * (pos - x0y))
        delta = np.abs(target * wd - sigma) / np.where(ok, w_y, 1.0)
        if side == "i":
            dq_c = delta * w_iq / wq
            dp_c = dq_c * k_inv
            mi_c, mj_c = delta, dp_c * wp / w_jp_s
        else:
            dp_c = delta * w_jp / wp
            dq_c = dp_c * k
            mi_c, mj_c = dq_c * wq / w_iq_s, delta
        dp, dq = np.where(cross, dp_c, dp), np.where(cross, dq_c, dq)
        m_i = np.where(cross, sg_i * mi_c, m_i)
        m_j = np.where(cross, sg_j * mj_c, m_j)
        gain = np.where(cross, np.abs(dp * s_ip - dq * s_iq), gain)
    if capped:  # the moves changed: check them again (gains are not checked again)
        valid = valid & _move_ok(m_i, pos_i, ki) & _move_ok(m_j, pos_j, kj)
    return m_i, m_j, gain, valid


def _landing(pos: float, m: float, target: float) -> float:
    """The new position: on the target when within BOUND_TOL of it, and within [0, 100]."""
    y = pos + m
    if abs(y - target) <= BOUND_TOL:
        y = target
    return min(100.0, max(0.0, y))


def run_round(
    x: FloatArray,
    present: BoolArray,
    salience: FloatArray,
    power: FloatArray,
    rng: np.random.Generator | None = None,
) -> RoundResult:
    """One round: candidates, realisation by highest gain, voting positions.

    ``rng`` None breaks ties as the peer does with ``ALLOW_RANDOM = False``; a generator picks
    uniformly among tied candidates."""
    n_actors, n_issues = x.shape
    x0 = np.where(present, x, 0.0)
    sal = np.where(present, salience, 0.0)
    w = np.where(present, power * sal, 0.0)
    big_w = w.sum(axis=0)
    outcome = weighted_outcome(x0, w)
    cand = candidates(x0, present, sal, outcome)
    n = cand.i.size
    st = _State(
        x0=x0,
        w=w,
        sal=sal,
        big_w=np.where(big_w > 0, big_w, 1.0),
        base=(w * x0).sum(axis=0),
        cur=x0.copy(),
        upd=np.zeros((n_actors, n_issues, n_actors)),
        upd_mask=np.zeros((n_actors, n_issues, n_actors), dtype=bool),
        offset=np.zeros((n_actors, n_issues)),
        c=cand,
    )
    kept_i, kept_j = np.zeros(n), np.zeros(n)
    all_idx = np.arange(n, dtype=np.int64)
    slot = np.zeros(n, dtype=np.int64)
    m_i, m_j, gain, alive = _evaluate(st, all_idx, kept_i, kept_j)
    score = np.where(alive, gain, -np.inf)
    log = GainLog(gain)
    sup_i = _Groups.build(cand.i * n_issues + cand.q, n_actors * n_issues)
    sup_j = _Groups.build(cand.j * n_issues + cand.p, n_actors * n_issues)
    dem_i = _Groups.build(cand.i * n_issues + cand.p, n_actors * n_issues)
    dem_j = _Groups.build(cand.j * n_issues + cand.q, n_actors * n_issues)
    voting = x0.copy()
    moved = np.zeros_like(present)
    order: list[int] = []
    out_mi: list[float] = []
    out_mj: list[float] = []
    out_yi: list[float] = []
    out_yj: list[float] = []
    out_g: list[float] = []
    step = 0
    while n:
        best = int(np.argmax(score))
        top = score[best]
        if top == -np.inf:
            break
        tied = np.flatnonzero(score >= top - (TIE_RTOL * abs(top) + 1e-15))
        if tied.size > 1:
            best = int(rng.choice(tied)) if rng is not None else peer_first(tied, log)
        score[best] = -np.inf
        a_i, a_j, p, q = int(cand.i[best]), int(cand.j[best]), int(cand.p[best]), int(cand.q[best])
        y_i = _landing(float(st.cur[a_i, q]), float(m_i[best]), float(st.t_i[best]))
        y_j = _landing(float(st.cur[a_j, p]), float(m_j[best]), float(st.t_j[best]))
        order.append(best)
        out_mi.append(float(m_i[best]))
        out_mj.append(float(m_j[best]))
        out_yi.append(y_i)
        out_yj.append(y_j)
        out_g.append(float(gain[best]))
        key_i, key_j = a_i * n_issues + q, a_j * n_issues + p
        # candidates whose supplier is a realised mover keep their current move in history
        si = np.concatenate([sup_i.get(key_i), sup_i.get(key_j)])
        sj = np.concatenate([sup_j.get(key_i), sup_j.get(key_j)])
        si = si[np.isfinite(score[si])]
        sj = sj[np.isfinite(score[sj])]
        kept_i[si] += m_i[si]
        kept_j[sj] += m_j[sj]
        st.cur[a_i, q], st.cur[a_j, p] = y_i, y_j
        voting[a_i, q], voting[a_j, p] = y_i, y_j
        moved[a_i, q] = moved[a_j, p] = True
        # demanders record their partner's new position
        for z, d, y, new in ((a_j, q, a_i, y_i), (a_i, p, a_j, y_j)):
            if st.upd_mask[z, d, y]:
                old = st.upd[z, d, y]
                new = min(old, new) if x0[y, d] <= old else max(old, new)
            st.upd[z, d, y], st.upd_mask[z, d, y] = new, True
            row = st.upd_mask[z, d]
            st.offset[z, d] = float((w[row, d] * (st.upd[z, d, row] - x0[row, d])).sum())
        dem = np.concatenate(
            [
                dem_i.get(a_j * n_issues + q),
                dem_j.get(a_j * n_issues + q),
                dem_i.get(a_i * n_issues + p),
                dem_j.get(a_i * n_issues + p),
            ]
        )
        redo = np.concatenate([si, sj, dem])
        redo = redo[np.isfinite(score[redo])]
        slot[redo] = np.arange(redo.size)  # keep one of each (no sort needed)
        redo = redo[slot[redo] == np.arange(redo.size)]
        step += 1
        if redo.size:
            mi, mj, g, ok = _evaluate(st, redo, kept_i, kept_j)
            m_i[redo], m_j[redo], gain[redo] = mi, mj, g
            score[redo] = np.where(ok, g, -np.inf)
            log.add(redo, step, g)
    return RoundResult(
        n_candidates=n,
        order=order,
        cand=cand,
        move_i=np.array(out_mi),
        move_j=np.array(out_mj),
        y_i=np.array(out_yi),
        y_j=np.array(out_yj),
        gain=np.array(out_g),
        voting=np.where(present, voting, np.nan),
        moved=moved,
    )
