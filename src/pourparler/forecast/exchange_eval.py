"""Evaluation of candidate exchanges of the equal-gain model, for a batch of draws at once.

Every candidate exchange is a row of flat arrays: actor ``I`` supplies (moves on) issue ``q`` and
demands ``p``; actor ``J`` supplies ``p`` and demands ``q``. Candidates of all draws of a batch
share the arrays; their (draw, actor, issue) keys index the flattened per-draw state, so one
:func:`evaluate` call serves any mix of draws, and a candidate's result does not depend on which
other candidates are evaluated with it.

Positions during a round are the round's start positions, except:

- ``cur[d, a, e]``: the current position of actor ``a`` on ``e`` after its realised moves;
- ``upd[d, z, e, y]``: the position of ``y`` on ``e`` as recorded by the candidates in which
  ``z`` demands ``e`` (``y`` moved on ``e`` towards ``z`` in a realised exchange). The outcome
  cap of a supplier on ``e`` whose partner is ``z`` uses these recorded positions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.exchange_order import Candidates

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]
BoolArray = NDArray[np.bool_]

MIN_GAIN = 1e-10  # smallest gain of a valid exchange
MIN_MOVE = 1e-10  # smallest move of a valid exchange
CROSS_TOL = 1e-9  # the outcome counts as landing on a position within this
BOUND_TOL = 1e-9  # a new position this far outside [0, 100] is put on the bound


def weighted_outcome(x: FloatArray, weight: FloatArray) -> FloatArray:
    """Σ w·x / Σ w per issue (over the actors, the second-last axis); NaN where the total
    weight is zero."""
    total = weight.sum(axis=-2)
    num = np.where(weight > 0, weight * np.nan_to_num(x), 0.0).sum(axis=-2)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, num / np.where(total > 0, total, 1.0), np.nan)


@dataclass
class RoundState:
    """Arrays of one round of a batch (see the module docstring): per draw, actor and issue
    ``(draws, actors, issues)``, per draw and issue ``(draws, issues)``."""

    x0: FloatArray
    w: FloatArray
    sal: FloatArray
    big_w: FloatArray
    base: FloatArray  # Σ w·x0 per draw and issue
    cur: FloatArray
    upd: FloatArray  # (draws, actors, issues, actors)
    upd_mask: BoolArray
    offset: FloatArray  # Σ over recorded y of w·(upd − x0), per (draw, z, e)
    c: Candidates
    keys: IntArray = field(init=False)  # rows of flat indices, one column per candidate
    by_candidate: IntArray = field(init=False)  # the same, one row per candidate (keys = .T)
    w_t: FloatArray = field(init=False)  # w and x0 per (draw, issue) row, over the actors
    x0_t: FloatArray = field(init=False)

    def __post_init__(self) -> None:
        d, i, j, p, q = self.c.draw, self.c.i, self.c.j, self.c.p, self.c.q
        _, n_actors, n_issues = self.x0.shape
        self.w_t = np.swapaxes(self.w, 1, 2).reshape(-1, n_actors)
        self.x0_t = np.swapaxes(self.x0, 1, 2).reshape(-1, n_actors)

        def cell(a: IntArray, e: IntArray) -> IntArray:
            return (d * n_actors + a) * n_issues + e

        # (draw, actor, issue) cells (i, q), (j, p); upd (j, q, i), (i, p, j); cells (j, q),
        # (i, p); (draw, issue) cells q, p. A candidate's inputs are read from the per-cell
        # arrays, which stay small, rather than stored per candidate.
        self.by_candidate = np.stack(
            [
                cell(i, q),
                cell(j, p),
                cell(j, q) * n_actors + i,
                cell(i, p) * n_actors + j,
                cell(j, q),
                cell(i, p),
                d * n_issues + q,
                d * n_issues + p,
            ],
            axis=1,
        )
        self.keys = self.by_candidate.T


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


@np.errstate(over="ignore")  # a weight near 0 (1e-320) makes a move of inf: never valid
def evaluate(
    st: RoundState, idx: IntArray, kept_i: FloatArray, kept_j: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, BoolArray]:
    """Moves (signed), gain and validity of the candidates ``idx`` from the current state."""
    keys = np.take(st.by_candidate, idx, axis=0).T  # a row of 8 keys per candidate: fast
    key_iq, key_jp, upd_jqi, upd_ipj, off_jq, off_ip, e_q, e_p = keys
    sal, w, x0 = st.sal.reshape(-1), st.w.reshape(-1), st.x0.reshape(-1)
    s_ip, s_iq, s_jp, s_jq = sal[off_ip], sal[key_iq], sal[key_jp], sal[off_jq]
    w_iq, w_jp = w[key_iq], w[key_jp]
    ok = (w_iq > 0) & (w_jp > 0)
    w_iq_s, w_jp_s = np.where(ok, w_iq, 1.0), np.where(ok, w_jp, 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        k = np.where(ok, (s_ip + s_jp) / (s_iq + s_jq), 0.0)  # Δq = Δp·k
        k_inv = np.where(ok, (s_iq + s_jq) / (s_ip + s_jp), 0.0)
    wp, wq = st.big_w.reshape(-1)[e_p], st.big_w.reshape(-1)[e_q]
    base_p, base_q = st.base.reshape(-1)[e_p], st.base.reshape(-1)[e_q]
    t_i, t_j = x0[off_jq], x0[off_ip]  # I's target on q: J's start position on q
    x0_iq, x0_jp = x0[key_iq], x0[key_jp]
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
    capped: list[IntArray] = []
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
        c = np.flatnonzero(cross)
        if not c.size:
            continue
        capped.append(c)
        # the move that puts the outcome on the partner's position (recorded y overrides own)
        sigma = base[c] + offset[off[c]] + np.where(mask[c], 0.0, w_y[c] * (pos[c] - x0y[c]))
        delta = np.abs(target[c] * wd[c] - sigma) / np.where(ok[c], w_y[c], 1.0)
        if side == "i":
            dq_c = delta * w_iq[c] / wq[c]
            dp_c = dq_c * k_inv[c]
            mi_c, mj_c = delta, dp_c * wp[c] / w_jp_s[c]
        else:
            dp_c = delta * w_jp[c] / wp[c]
            dq_c = dp_c * k[c]
            mi_c, mj_c = dq_c * wq[c] / w_iq_s[c], delta
        dp[c], dq[c] = dp_c, dq_c
        m_i[c], m_j[c] = sg_i[c] * mi_c, sg_j[c] * mj_c
        gain[c] = np.abs(dp_c * s_ip[c] - dq_c * s_iq[c])
    if capped:  # these moves changed: check them again (gains are not checked again)
        c = np.concatenate(capped)  # a candidate capped on both sides is checked twice, alike
        valid[c] &= _move_ok(m_i[c], pos_i[c], ki[c]) & _move_ok(m_j[c], pos_j[c], kj[c])
    return m_i, m_j, gain, valid
