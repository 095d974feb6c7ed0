"""Compiled rounds of the equal-gain exchange model (numba), one draw after another.

The same round as :func:`pourparler.forecast.exchange_kernel.run_round` with ties broken as the
peer breaks them: the same candidates, the same arithmetic in the same order (no fast-math, IEEE
division), the same realisation order, so the results are bit for bit those of the numpy code.
A draw's candidates are evaluated one by one; each step realises the draw's best candidate and
re-evaluates those that share a supply or demand (actor, issue) with it, found through index
tables built once per round.

Tied gains are ordered by the peer's rule (the higher gain at the latest step where they
differed, else the candidate created first). The numpy code sorts the tied candidates with that
comparison and takes the first; here the first is found by one pass, and accepted only when it
comes before every other tied candidate in a direct comparison (then any sort puts it first).
When it does not (a comparison that is not transitive, gains parting by about TIE_RTOL), the
round is reported as undecided and the caller runs it with numpy.

Used only when numba imports; ``POURPARLER_NO_JIT=1`` turns it off.
"""

from __future__ import annotations

from typing import NamedTuple

import numba
import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.exchange_eval import BOUND_TOL, CROSS_TOL, MIN_GAIN, MIN_MOVE
from pourparler.forecast.exchange_order import TIE_RTOL

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

__all__ = ["CompiledRound", "run_round_draws"]


class CompiledRound(NamedTuple):
    """A round of every draw: per draw the count of realised exchanges; the realised candidates
    (global indices) with their moves, new positions and gains, draw ``d``'s at
    ``start[d]:start[d] + counts[d]`` (``start`` of the candidates); the voting positions and
    the moved cells, (draws, actors × issues)."""

    counts: IntArray
    order: IntArray
    move_i: FloatArray
    move_j: FloatArray
    y_i: FloatArray
    y_j: FloatArray
    gain: FloatArray
    voting: FloatArray
    moved: NDArray[np.bool_]


_UPPER = 100 + BOUND_TOL  # as the numpy code writes it
_BLOCK = 32

_jit = numba.njit(cache=True, error_model="numpy", nogil=True)


@_jit
def _sign(v: float) -> float:
    if v > 0:
        return 1.0
    if v < 0:
        return -1.0
    if v == 0:
        return 0.0
    return np.nan


@_jit
def _move_ok(m: float, pos: float, kept: float) -> bool:
    a = abs(m)
    y = pos + m
    same = (kept == 0) or (_sign(kept) == _sign(m))
    return (
        (a > MIN_MOVE)
        and (a <= 100)
        and (y >= -BOUND_TOL)
        and (y <= _UPPER)
        and (kept + m <= 100)
        and same
    )


@_jit
def _evaluate(c, ci, cj, cp, cq, n_actors, n_issues, x0, w, sal, big_w, base, cur, upd, updm,
              offset, kept_i, kept_j, m_i_out, m_j_out, gain_out):  # fmt: skip
    """Candidate ``c``'s moves and gain into the output arrays; returns its validity."""
    i, j, p, q = ci[c], cj[c], cp[c], cq[c]
    key_iq, key_jp = i * n_issues + q, j * n_issues + p
    off_jq, off_ip = j * n_issues + q, i * n_issues + p
    upd_jqi, upd_ipj = off_jq * n_actors + i, off_ip * n_actors + j
    s_ip, s_iq, s_jp, s_jq = sal[off_ip], sal[key_iq], sal[key_jp], sal[off_jq]
    w_iq, w_jp = w[key_iq], w[key_jp]
    ok = (w_iq > 0) and (w_jp > 0)
    w_iq_s = w_iq if ok else 1.0
    w_jp_s = w_jp if ok else 1.0
    k = 0.0
    k_inv = 0.0
    if ok:
        k = (s_ip + s_jp) / (s_iq + s_jq)
        k_inv = (s_iq + s_jq) / (s_ip + s_jp)
    wp, wq = big_w[p], big_w[q]
    base_p, base_q = base[p], base[q]
    t_i, t_j = x0[off_jq], x0[off_ip]
    x0_iq, x0_jp = x0[key_iq], x0[key_jp]
    pos_i, pos_j = cur[key_iq], cur[key_jp]
    ki, kj = kept_i[c], kept_j[c]
    d_i, d_j = abs(t_i - pos_i), abs(t_j - pos_j)
    sg_i = -1.0 if pos_i > t_i else 1.0
    sg_j = -1.0 if pos_j > t_j else 1.0

    dp = d_j * w_jp / wp
    dq = dp * k
    m_i = dq * wq / w_iq_s
    m_j = d_j
    if m_i > d_i:
        dq = d_i * w_iq / wq
        dp = dq * k_inv
        m_i = d_i
        m_j = dp * wp / w_jp_s
    gain = abs(dp * s_ip - dq * s_iq)
    m_i, m_j = sg_i * m_i, sg_j * m_j
    valid = ok and _move_ok(m_i, pos_i, ki) and _move_ok(m_j, pos_j, kj) and (gain >= MIN_GAIN)

    if valid:
        capped = False
        # outcome cap, I's supply issue q (partner J demands q)
        mask = updm[upd_jqi]
        own = w_iq * (upd[upd_jqi] - x0_iq) if mask else 0.0
        num = base_q + offset[off_jq] - own
        n0 = (num + w_iq * (pos_i - x0_iq)) / wq
        n1 = (num + w_iq * (pos_i + m_i - x0_iq)) / wq
        a, b = t_i - n0, t_i - n1
        if ((a > CROSS_TOL) and (b < -CROSS_TOL)) or ((a < -CROSS_TOL) and (b > CROSS_TOL)):
            capped = True
            sigma = base_q + offset[off_jq] + (0.0 if mask else w_iq * (pos_i - x0_iq))
            delta = abs(t_i * wq - sigma) / w_iq
            dq = delta * w_iq / wq
            dp = dq * k_inv
            m_i, m_j = sg_i * delta, sg_j * (dp * wp / w_jp_s)
            gain = abs(dp * s_ip - dq * s_iq)
        # J's supply issue p (partner I demands p)
        mask = updm[upd_ipj]
        own = w_jp * (upd[upd_ipj] - x0_jp) if mask else 0.0
        num = base_p + offset[off_ip] - own
        n0 = (num + w_jp * (pos_j - x0_jp)) / wp
        n1 = (num + w_jp * (pos_j + m_j - x0_jp)) / wp
        a, b = t_j - n0, t_j - n1
        if ((a > CROSS_TOL) and (b < -CROSS_TOL)) or ((a < -CROSS_TOL) and (b > CROSS_TOL)):
            capped = True
            sigma = base_p + offset[off_ip] + (0.0 if mask else w_jp * (pos_j - x0_jp))
            delta = abs(t_j * wp - sigma) / w_jp
            dp = delta * w_jp / wp
            dq = dp * k
            m_i, m_j = sg_i * (dq * wq / w_iq_s), sg_j * delta
            gain = abs(dp * s_ip - dq * s_iq)
        if capped:
            valid = _move_ok(m_i, pos_i, ki) and _move_ok(m_j, pos_j, kj)
    m_i_out[c] = m_i
    m_j_out[c] = m_j
    gain_out[c] = gain
    return valid


@_jit
def _pairwise_block(a: FloatArray, lo: int, n: int) -> float:
    """numpy's pairwise sum of ``a[lo:lo + n]`` for ``n`` up to 128: in order when fewer than
    8, else in 8 interleaved partial sums."""
    if n < 8:
        res = 0.0
        for t in range(n):
            res += a[lo + t]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    t = 8
    end = n - (n % 8)
    while t < end:
        r0 += a[lo + t]
        r1 += a[lo + t + 1]
        r2 += a[lo + t + 2]
        r3 += a[lo + t + 3]
        r4 += a[lo + t + 4]
        r5 += a[lo + t + 5]
        r6 += a[lo + t + 6]
        r7 += a[lo + t + 7]
        t += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while t < n:
        res += a[lo + t]
        t += 1
    return res


@_jit
def _pairwise(a: FloatArray, n: int) -> float:
    """numpy's pairwise sum of ``a[:n]`` (as ``ndarray.sum`` adds a contiguous row): above 128
    values, the sum of the halves (the first a multiple of 8), each summed alike. Written
    without recursion (a cached recursive function does not load back)."""
    if n <= 128:
        return _pairwise_block(a, 0, n)
    seg_lo = np.empty(128, dtype=np.int64)
    seg_n = np.empty(128, dtype=np.int64)
    seg_stage = np.empty(128, dtype=np.int64)
    vals = np.empty(128)
    top, n_vals = 0, 0
    seg_lo[0], seg_n[0], seg_stage[0] = 0, n, 0
    top = 1
    while top > 0:
        top -= 1
        lo, m, stage = seg_lo[top], seg_n[top], seg_stage[top]
        if m <= 128:
            vals[n_vals] = _pairwise_block(a, lo, m)
            n_vals += 1
        elif stage == 0:
            m2 = m // 2
            m2 -= m2 % 8
            seg_lo[top], seg_n[top], seg_stage[top] = lo, m, 1  # combine after both halves
            seg_lo[top + 1], seg_n[top + 1], seg_stage[top + 1] = lo + m2, m - m2, 0
            seg_lo[top + 2], seg_n[top + 2], seg_stage[top + 2] = lo, m2, 0
            top += 3
        else:
            right = vals[n_vals - 1]
            left = vals[n_vals - 2]
            vals[n_vals - 2] = left + right
            n_vals -= 1
    return vals[0]


@_jit
def _offset(row, e, n_actors, n_issues, x0, w, upd, updm, buf):  # fmt: skip
    """Σ over recorded y of w·(upd − x0) for the (z, e) cell ``row``, summed as numpy sums it
    (in order while fewer than 8 recorded, else numpy's pairwise sum of the recorded)."""
    base = row * n_actors
    count = 0
    for y in range(n_actors):
        if updm[base + y]:
            buf[count] = w[y * n_issues + e] * (upd[base + y] - x0[y * n_issues + e])
            count += 1
    if count >= 8:
        return _pairwise(buf, count)
    s = 0.0
    for y in range(n_actors):
        v = w[y * n_issues + e] * (upd[base + y] - x0[y * n_issues + e]) if updm[base + y] else 0.0
        s = v if y == 0 else s + v
    return s


@_jit
def _tied(a: float, b: float) -> bool:
    return abs(a - b) <= TIE_RTOL * max(abs(a), abs(b)) + 1e-15


@_jit
def _cmp(a, b, g0, last, prev, lstep, lgain):  # fmt: skip
    """-1 when the peer's list has ``a`` before ``b``, else 1."""
    ea, eb = last[a], last[b]
    while True:
        sa, ga = (0, g0[a]) if ea < 0 else (lstep[ea], lgain[ea])
        sb, gb = (0, g0[b]) if eb < 0 else (lstep[eb], lgain[eb])
        if not _tied(ga, gb):
            return -1 if ga > gb else 1
        s = max(sa, sb)
        if s == 0:
            return -1 if a < b else 1
        if sa == s:
            ea = prev[ea]
        if sb == s:
            eb = prev[eb]


@_jit
def _grow_int(a, used, cap):  # fmt: skip
    out = np.empty(cap, dtype=np.int64)
    out[:used] = a[:used]
    return out


@_jit
def _grow_float(a, used, cap):  # fmt: skip
    out = np.empty(cap, dtype=np.float64)
    out[:used] = a[:used]
    return out


@_jit
def _one_draw(d, lo, n, ci, cj, cp, cq, n_actors, n_issues, x0, w, sal, big_w, base, voting,
              moved, out_order, out_mi, out_mj, out_yi, out_yj, out_gain):  # fmt: skip
    """Run draw ``d``'s round (its candidates ``lo:lo + n``, local arrays); the realised
    exchanges go to ``out_*[lo:lo + count]``. Returns the count, or -1 when a tie could not be
    decided here."""
    n_cells = n_actors * n_issues
    ci, cj, cp, cq = ci[lo : lo + n], cj[lo : lo + n], cp[lo : lo + n], cq[lo : lo + n]
    cur = x0.copy()
    upd = np.zeros(n_cells * n_actors)
    updm = np.zeros(n_cells * n_actors, dtype=np.bool_)
    offset = np.zeros(n_cells)
    kept_i, kept_j = np.zeros(n), np.zeros(n)
    m_i, m_j, gain = np.empty(n), np.empty(n), np.empty(n)
    score = np.empty(n)
    for c in range(n):
        ok = _evaluate(c, ci, cj, cp, cq, n_actors, n_issues, x0, w, sal, big_w, base, cur,
                       upd, updm, offset, kept_i, kept_j, m_i, m_j, gain)  # fmt: skip
        score[c] = gain[c] if ok else -np.inf
    # the best score of each block of _BLOCK candidates, and of each super-block of _BLOCK
    # blocks: the best candidate is found by reading the super-blocks, then one's blocks
    n_blocks = (n + _BLOCK - 1) // _BLOCK
    bmax = np.full(n_blocks, -np.inf)
    for c in range(n):
        if score[c] > bmax[c // _BLOCK]:
            bmax[c // _BLOCK] = score[c]
    n_supers = (n_blocks + _BLOCK - 1) // _BLOCK
    smax = np.full(n_supers, -np.inf)
    for b in range(n_blocks):
        if bmax[b] > smax[b // _BLOCK]:
            smax[b // _BLOCK] = bmax[b]
    # history of gains: g0, then entries chained per candidate
    g0 = gain.copy()
    last = np.full(n, -1, dtype=np.int64)
    cap = max(1024, n)
    prev = np.empty(cap, dtype=np.int64)
    lstep = np.empty(cap, dtype=np.int64)
    lgain = np.empty(cap)
    n_entries = 0
    # candidates by supplier cell (I on q, J on p), then by demander cell (I on p, J on q)
    gcount = np.zeros(4 * n_cells + 1, dtype=np.int64)
    for c in range(n):
        gcount[1 + ci[c] * n_issues + cq[c]] += 1
        gcount[1 + n_cells + cj[c] * n_issues + cp[c]] += 1
        gcount[1 + 2 * n_cells + ci[c] * n_issues + cp[c]] += 1
        gcount[1 + 3 * n_cells + cj[c] * n_issues + cq[c]] += 1
    gstart = np.cumsum(gcount)
    fill = gstart[:-1].copy()
    gorder = np.empty(4 * n, dtype=np.int64)
    for c in range(n):
        for key in (
            ci[c] * n_issues + cq[c],
            n_cells + cj[c] * n_issues + cp[c],
            2 * n_cells + ci[c] * n_issues + cp[c],
            3 * n_cells + cj[c] * n_issues + cq[c],
        ):
            gorder[fill[key]] = c
            fill[key] += 1
    stamp = np.full(n, -1, dtype=np.int64)
    bstamp = np.full(n_blocks, -1, dtype=np.int64)
    sstamp = np.full(n_supers, -1, dtype=np.int64)
    rescan = np.full(n_blocks, -1, dtype=np.int64)
    redo = np.empty(n, dtype=np.int64)
    dirty = np.empty(n_blocks + 1, dtype=np.int64)
    tied = np.empty(n, dtype=np.int64)
    buf = np.empty(n_actors)
    count = 0
    step = 0
    while True:
        top = -np.inf
        for sb in range(n_supers):
            if smax[sb] > top:
                top = smax[sb]
        if top == -np.inf:
            break
        thr = top - (TIE_RTOL * abs(top) + 1e-15)
        n_tied = 0  # in the candidates' order, as a scan of them all would find them
        for sb in range(n_supers):
            if smax[sb] >= thr:
                for b in range(sb * _BLOCK, min(n_blocks, (sb + 1) * _BLOCK)):
                    if bmax[b] >= thr:
                        for c in range(b * _BLOCK, min(n, (b + 1) * _BLOCK)):
                            if score[c] >= thr:
                                tied[n_tied] = c
                                n_tied += 1
        best = tied[0]
        if n_tied > 1:
            for t in range(1, n_tied):
                if _cmp(tied[t], best, g0, last, prev, lstep, lgain) < 0:
                    best = tied[t]
            for t in range(n_tied):
                if tied[t] != best and _cmp(best, tied[t], g0, last, prev, lstep, lgain) > 0:
                    return -1
        step += 1
        # realise
        score[best] = -np.inf
        bb = best // _BLOCK
        bmax[bb] = -np.inf
        for c in range(bb * _BLOCK, min(n, (bb + 1) * _BLOCK)):
            if score[c] > bmax[bb]:
                bmax[bb] = score[c]
        i, j, p, q = ci[best], cj[best], cp[best], cq[best]
        key_iq, key_jp = i * n_issues + q, j * n_issues + p
        off_jq, off_ip = j * n_issues + q, i * n_issues + p
        mi_b, mj_b = m_i[best], m_j[best]
        y_i = cur[key_iq] + mi_b
        if abs(y_i - x0[off_jq]) <= BOUND_TOL:
            y_i = x0[off_jq]
        y_i = min(100.0, max(0.0, y_i))
        y_j = cur[key_jp] + mj_b
        if abs(y_j - x0[off_ip]) <= BOUND_TOL:
            y_j = x0[off_ip]
        y_j = min(100.0, max(0.0, y_j))
        out_order[lo + count] = lo + best
        out_mi[lo + count] = mi_b
        out_mj[lo + count] = mj_b
        out_yi[lo + count] = y_i
        out_yj[lo + count] = y_j
        out_gain[lo + count] = gain[best]
        count += 1
        # candidates whose supplier is a mover keep their current move; all that share a
        # mover's or a demander's cell are evaluated again
        n_redo = 0
        for cell in (key_iq, key_jp):
            for g in range(gstart[cell], gstart[cell + 1]):
                c = gorder[g]
                if score[c] > -np.inf:
                    kept_i[c] += m_i[c]
                    if stamp[c] != step:
                        stamp[c] = step
                        redo[n_redo] = c
                        n_redo += 1
            for g in range(gstart[n_cells + cell], gstart[n_cells + cell + 1]):
                c = gorder[g]
                if score[c] > -np.inf:
                    kept_j[c] += m_j[c]
                    if stamp[c] != step:
                        stamp[c] = step
                        redo[n_redo] = c
                        n_redo += 1
        cur[key_iq] = y_i
        cur[key_jp] = y_j
        moved[key_iq] = True
        moved[key_jp] = True
        # demanders record their partners' new positions, then their outcome offsets
        recs = ((off_jq * n_actors + i, x0[key_iq], y_i), (off_ip * n_actors + j, x0[key_jp], y_j))
        for u, x0y, y in recs:
            old = upd[u]
            if updm[u]:
                upd[u] = min(old, y) if x0y <= old else max(old, y)
            else:
                upd[u] = y
            updm[u] = True
        offset[off_jq] = _offset(off_jq, q, n_actors, n_issues, x0, w, upd, updm, buf)
        offset[off_ip] = _offset(off_ip, p, n_actors, n_issues, x0, w, upd, updm, buf)
        for cell in (off_jq, off_ip):
            for ns in (2, 3):
                for g in range(gstart[ns * n_cells + cell], gstart[ns * n_cells + cell + 1]):
                    c = gorder[g]
                    if score[c] > -np.inf and stamp[c] != step:
                        stamp[c] = step
                        redo[n_redo] = c
                        n_redo += 1
        if n_entries + n_redo > prev.size:
            cap = max(2 * prev.size, n_entries + n_redo)
            prev = _grow_int(prev, n_entries, cap)
            lstep = _grow_int(lstep, n_entries, cap)
            lgain = _grow_float(lgain, n_entries, cap)
        n_dirty = 0
        for t in range(n_redo):
            c = redo[t]
            old_score = score[c]
            ok = _evaluate(c, ci, cj, cp, cq, n_actors, n_issues, x0, w, sal, big_w, base, cur,
                           upd, updm, offset, kept_i, kept_j, m_i, m_j, gain)  # fmt: skip
            score[c] = gain[c] if ok else -np.inf
            prev[n_entries] = last[c]
            lstep[n_entries] = step
            lgain[n_entries] = gain[c]
            last[c] = n_entries
            n_entries += 1
            b = c // _BLOCK
            if bstamp[b] != step:
                bstamp[b] = step
                dirty[n_dirty] = b
                n_dirty += 1
            # the block's best: raised to a score above it, read again where its best fell
            if score[c] >= bmax[b]:
                bmax[b] = score[c]
            elif old_score == bmax[b]:
                rescan[b] = step
        for t in range(n_dirty):
            b = dirty[t]
            if rescan[b] != step:
                continue
            m = -np.inf
            for c in range(b * _BLOCK, min(n, (b + 1) * _BLOCK)):
                if score[c] > m:
                    m = score[c]
            bmax[b] = m
        # the super-blocks of the blocks changed (the realised candidate's among them)
        dirty[n_dirty] = bb
        for t in range(n_dirty + 1):
            sb = dirty[t] // _BLOCK
            if sstamp[sb] != step:
                sstamp[sb] = step
                m = -np.inf
                for b in range(sb * _BLOCK, min(n_blocks, (sb + 1) * _BLOCK)):
                    if bmax[b] > m:
                        m = bmax[b]
                smax[sb] = m
    voting[:] = cur
    return count


@_jit
def _run_draws(ci, cj, cp, cq, start, n_actors, n_issues, x0, w, sal, big_w, base):  # fmt: skip
    n_draws = start.size - 1
    total = start[-1]
    out_order = np.empty(total, dtype=np.int64)
    out_mi, out_mj = np.empty(total), np.empty(total)
    out_yi, out_yj, out_gain = np.empty(total), np.empty(total), np.empty(total)
    voting = x0.copy()
    moved = np.zeros(x0.shape, dtype=np.bool_)
    counts = np.zeros(n_draws, dtype=np.int64)
    for d in range(n_draws):
        counts[d] = _one_draw(
            d, start[d], start[d + 1] - start[d], ci, cj, cp, cq, n_actors, n_issues, x0[d], w[d],
            sal[d], big_w[d], base[d], voting[d], moved[d], out_order, out_mi, out_mj, out_yi,
            out_yj, out_gain,
        )  # fmt: skip
        if counts[d] < 0:
            break
    return counts, out_order, out_mi, out_mj, out_yi, out_yj, out_gain, voting, moved


def run_round_draws(
    ci: IntArray,
    cj: IntArray,
    cp: IntArray,
    cq: IntArray,
    start: IntArray,
    x0: FloatArray,
    w: FloatArray,
    sal: FloatArray,
    big_w: FloatArray,
    base: FloatArray,
) -> CompiledRound | None:
    """One round of every draw (``x0``, ``w``, ``sal`` (draws, actors, issues); ``big_w``,
    ``base`` (draws, issues); the candidates grouped by draw, ``start`` per draw); None when a
    tie must be decided by the numpy code."""
    n_draws, n_actors, n_issues = x0.shape
    res = _run_draws(
        np.ascontiguousarray(ci, dtype=np.int64),
        np.ascontiguousarray(cj, dtype=np.int64),
        np.ascontiguousarray(cp, dtype=np.int64),
        np.ascontiguousarray(cq, dtype=np.int64),
        np.ascontiguousarray(start, dtype=np.int64),
        n_actors,
        n_issues,
        np.ascontiguousarray(x0, dtype=np.float64).reshape(n_draws, -1),
        np.ascontiguousarray(w, dtype=np.float64).reshape(n_draws, -1),
        np.ascontiguousarray(sal, dtype=np.float64).reshape(n_draws, -1),
        np.ascontiguousarray(big_w, dtype=np.float64),
        np.ascontiguousarray(base, dtype=np.float64),
    )
    if (res[0] < 0).any():
        return None
    return CompiledRound(*res)
