"""Compiled kernel (numba) of Bueno de Mesquita's model: the rounds of :mod:`bdm` per draw.

Each draw is computed on its own, in the frame of its positions sorted (a stable sort, as
:mod:`bdm` sorts them), with the same operations in the same order as the numpy code: distances
``|x_i − x_j| / R``, voter counts below each midpoint by a sweep over the sorted positions, the
prefix table of votes summed voter after voter, each voter's ``Σ_{l,m} |A_kl − A_km|`` from its
row in sorted order (merged from the voters on either side), and every sum over actors (security,
total votes) in numpy's pairwise order. Only ``x ** r`` may differ in the last bit (numpy may use
a vectorised ``pow``), so positions agree with the numpy path to rounding. Draws run in parallel
over numba's threads (``NUMBA_NUM_THREADS``; each draw alone, so the result does not depend on
how many). Memory: two tables of ``n (n + 1)`` values per thread.
"""

from __future__ import annotations

import numpy as np
from numba import njit, prange


@njit(cache=True)
def _pairwise_block(a, lo, n):
    """Σ a[lo:lo+n], n ≤ 128, as numpy sums a block: below 8 in a row, else in 8 lanes."""
    if n < 8:
        res = 0.0
        for i in range(n):
            res += a[lo + i]
        return res
    r0, r1, r2, r3 = a[lo], a[lo + 1], a[lo + 2], a[lo + 3]
    r4, r5, r6, r7 = a[lo + 4], a[lo + 5], a[lo + 6], a[lo + 7]
    i = 8
    stop = n - n % 8
    while i < stop:
        k = lo + i
        r0 += a[k]
        r1 += a[k + 1]
        r2 += a[k + 2]
        r3 += a[k + 3]
        r4 += a[k + 4]
        r5 += a[k + 5]
        r6 += a[k + 6]
        r7 += a[k + 7]
        i += 8
    res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
    while i < n:
        res += a[lo + i]
        i += 1
    return res


@njit(cache=True)
def _pairwise(a, lo, n, stack):
    """Σ a[lo:lo+n] in numpy's pairwise order: halves (the first a multiple of 8) summed apart
    down to blocks of at most 128. Iterative (a recursive function cannot be cached);
    ``stack`` is a work array of shape (64, 4): a frame (start, size, state) a row, and in the
    last column the partial sums."""
    if n <= 128:
        return _pairwise_block(a, lo, n)
    vp = 0
    stack[0, 0] = lo
    stack[0, 1] = n
    stack[0, 2] = 0
    sp = 1
    while sp > 0:
        top = sp - 1
        start = int(stack[top, 0])
        size = int(stack[top, 1])
        if size <= 128:
            stack[vp, 3] = _pairwise_block(a, start, size)
            vp += 1
            sp -= 1
            continue
        half = size // 2
        half -= half % 8
        state = stack[top, 2]
        if state == 0:
            stack[top, 2] = 1
            stack[sp, 0] = start
            stack[sp, 1] = half
            stack[sp, 2] = 0
            sp += 1
        elif state == 1:
            stack[top, 2] = 2
            stack[sp, 0] = start + half
            stack[sp, 1] = size - half
            stack[sp, 2] = 0
            sp += 1
        else:
            stack[vp - 2, 3] = stack[vp - 2, 3] + stack[vp - 1, 3]
            vp -= 1
            sp -= 1
    return stack[0, 3]


@njit(cache=True)
def _nmax(a, b):
    """np.maximum(a, b) for floats (NaN in a propagates; -0.0 kept as numpy keeps it)."""
    if a >= b or a != a:
        return a
    return b


@njit(cache=True)
def _weighted_median(x, w):
    """central.weighted_median of one row (the midpoint of the two middle positions on an
    exact half-way split)."""
    n = x.shape[0]
    key = np.empty(n)
    for i in range(n):
        key[i] = x[i] if w[i] > 0 else np.inf
    order = np.argsort(key, kind="mergesort")
    cum = np.empty(n)
    acc = 0.0
    for i in range(n):
        acc = w[order[i]] if i == 0 else acc + w[order[i]]
        cum[i] = acc
    total = cum[n - 1]
    if not total > 0:
        return np.nan
    half = 0.5 * total
    threshold = half * (1 - 1e-12)
    for i in range(n):
        if cum[i] >= threshold:
            k = order[i]
            low = x[k] if w[k] > 0 else 0.0
            if i < n - 1 and cum[i] <= half * (1 + 1e-12):
                k1 = order[i + 1]
                up = x[k1] if w[k1] > 0 else 0.0
                return 0.5 * (low + up)
            return low
    k = order[0]
    return x[k] if w[k] > 0 else 0.0


@njit(cache=True)
def _votes(xs, ws, rs, use_r, span, order, coef, table, table_t, row, merged, per_voter, stack):
    """Fill the prefix table (``table[m, c]``: votes on the position of rank c summed over the
    voters of rank < m; ``table_t`` its transpose) and return the total
    Σ_k Σ_{l,m} |A_kl − A_km|."""
    n = xs.shape[0]
    for c in range(n):
        table[0, c] = 0.0
    for m in range(n):
        xm = xs[m]
        wm = ws[m]
        rm = rs[m]
        for c in range(n):
            d = abs(xm - xs[c]) / span
            a = wm * (d**rm if use_r else d)
            row[c + 1] = a
            table[m + 1, c] = table[m, c] + a
        # the row in ascending order: itself (0), then the voters on either side merged
        # (``row`` holds it from index 1, between two infinite sentinels; no branches)
        merged[0] = row[m + 1]
        left = m
        right = m + 2
        for t in range(1, n):
            lv = row[left]
            rv = row[right]
            take_left = lv <= rv
            merged[t] = lv if take_left else rv
            left -= 1 if take_left else 0
            right += 0 if take_left else 1
        for t in range(n):
            merged[t] = merged[t] * coef[t]
        per_voter[order[m]] = _pairwise(merged, 0, n, stack)
    block = 64
    for m0 in range(0, n + 1, block):
        for c0 in range(0, n, block):
            for m in range(m0, min(n + 1, m0 + block)):
                for c in range(c0, min(n, c0 + block)):
                    table_t[c, m] = table[m, c]
    return _pairwise(per_voter, 0, n, stack)


@njit(cache=True)
def _run_draw(x0, c, s, rounds, q, hist):
    n = x0.shape[0]
    for i in range(n):
        hist[0, i] = x0[i]
    span = x0.max() - x0.min()
    if not span > 0:
        for t in range(rounds):
            for i in range(n):
                hist[t + 1, i] = x0[i]
        return
    w = c * s
    x = x0.copy()
    coef = np.empty(n)
    for i in range(n):
        coef[i] = 2.0 * (2.0 * i - n + 1)
    table = np.empty((n + 1, n))
    table_t = np.empty((n, n + 1))
    row = np.empty(n + 2)
    row[0] = np.inf
    row[n + 1] = np.inf
    merged = np.empty(n)
    per_voter = np.empty(n)
    ebuf = np.empty(n)
    below = np.empty(n, dtype=np.int64)
    security = np.empty(n)
    r = np.empty(n)
    to_median = np.zeros(n)
    xs = np.empty(n)
    ws = np.empty(n)
    ss = np.empty(n)
    ms = np.empty(n)
    rs = np.empty(n)
    ones = np.ones(n)
    stack = np.empty((64, 4))
    new = np.empty(n)
    for t in range(rounds):
        if q < 1:
            median = _weighted_median(x, w)
            for i in range(n):
                to_median[i] = abs(x[i] - median) / span
        order = np.argsort(x, kind="mergesort")
        for k in range(n):
            o = order[k]
            xs[k] = x[o]
            ws[k] = w[o]
            ss[k] = s[o]
            ms[k] = to_median[o]
        # security with every risk exponent at 1 → risk exponents (eqs 33–34)
        total = _votes(
            xs, ws, ones, False, span, order, coef, table, table_t, row, merged, per_voter, stack
        )
        for ia in range(n):
            xi = xs[ia]
            si = ss[ia]
            ptr = 0
            for cb in range(n):
                mid = 0.5 * (xi + xs[cb])
                while ptr < n and xs[ptr] < mid:
                    ptr += 1
                below[cb] = ptr
            col_a = table[n, ia]
            for cb in range(n):
                xj = xs[cb]
                bl = below[cb]
                at_b = table[bl, cb]
                at_a = table_t[ia, bl]
                gain_t = at_a - at_b
                above_t = col_a - table[n, cb] - gain_t
                num_t = _nmax(gain_t if xj < xi else above_t, 0.0)
                p_t = num_t / total if total > 0 else 0.0
                d = abs(xi - xj) / span
                us = 2 * d
                uf = -2 * d
                e_ji = si * (p_t * us + (1 - p_t) * uf) + (1 - si) * us
                e_ji = e_ji - q * 0.0
                if q < 1:
                    better_ji = 2 - 4 * (0.5 - 0.25 * (ms[cb] + d))
                    e_ji = e_ji - (1 - q) * better_ji
                ebuf[order[cb]] = e_ji
            ebuf[order[ia]] = 0.0
            security[order[ia]] = _pairwise(ebuf, 0, n, stack)
        hi_sec = security[0]
        lo_sec = security[0]
        for i in range(n):
            v = security[i]
            if v != v or hi_sec != hi_sec:
                hi_sec = np.nan
            elif v > hi_sec:
                hi_sec = v
            if v != v or lo_sec != lo_sec:
                lo_sec = np.nan
            elif v < lo_sec:
                lo_sec = v
        width = hi_sec - lo_sec
        for i in range(n):
            big_r = (2 * security[i] - hi_sec - lo_sec) / width if width > 0 else 0.0
            r[i] = (1 - big_r / 3) / (1 + big_r / 3)
        for k in range(n):
            rs[k] = r[order[k]]
        # offers with the actors' own risk exponents
        total = _votes(
            xs, ws, rs, True, span, order, coef, table, table_t, row, merged, per_voter, stack
        )
        for ia in range(n):
            xi = xs[ia]
            ri = rs[ia]
            si = ss[ia]
            mi = ms[ia]
            u_sq = 2 - 4 * 0.5**ri
            ptr = 0
            for cb in range(n):
                mid = 0.5 * (xi + xs[cb])
                while ptr < n and xs[ptr] < mid:
                    ptr += 1
                below[cb] = ptr
            col_a = table[n, ia]
            gap_min = np.inf
            to_confront = np.inf
            any_confront = False
            key_min = np.inf
            to_compromise = np.inf
            any_compromise = False
            for cb in range(n):
                xj = xs[cb]
                if xj == xi:
                    continue  # no offer between actors at one position
                bl = below[cb]
                at_b = table[bl, cb]
                at_a = table_t[ia, bl]
                col_b = table[n, cb]
                gain_t = at_a - at_b
                above_t = col_a - col_b - gain_t
                num_t = _nmax(gain_t if xj < xi else above_t, 0.0)
                gain = at_b - at_a
                above = col_b - col_a - gain
                num = _nmax(gain if xi < xj else above, 0.0)
                if total > 0:
                    p_t = num_t / total
                    p = num / total
                else:
                    p_t = 0.0
                    p = 0.0
                d = abs(xi - xj) / span
                us = 2 - 4 * (0.5 - 0.5 * d) ** ri
                uf = 2 - 4 * (0.5 + 0.5 * d) ** ri
                sj = ss[cb]
                e_ji = si * (p_t * us + (1 - p_t) * uf) + (1 - si) * us
                e_ji = e_ji - q * u_sq
                e_ij = sj * (p * us + (1 - p) * uf) + (1 - sj) * us
                e_ij = e_ij - q * u_sq
                if q < 1:
                    better_ij = 2 - 4 * (0.5 - 0.25 * (mi + d)) ** ri
                    e_ij = e_ij - (1 - q) * better_ij
                    better_ji = 2 - 4 * (0.5 - 0.25 * (ms[cb] + d)) ** ri
                    e_ji = e_ji - (1 - q) * better_ji
                if e_ji > e_ij and e_ij > 0:
                    any_confront = True
                    if d < gap_min:
                        gap_min = d
                        to_confront = xj
                    elif d == gap_min and xj < to_confront:
                        to_confront = xj
                if e_ji > 0 and e_ij < 0 and e_ji > abs(e_ij):
                    any_compromise = True
                    abs_ij = abs(e_ij)
                    abs_ji = abs(e_ji)
                    landing = xi + (xj - xi) * (abs_ij / e_ji)
                    key = (abs_ij * xi + abs_ji * xj) / (abs_ij + abs_ji)
                    if key < key_min:
                        key_min = key
                        to_compromise = landing
                    elif key == key_min and landing < to_compromise:
                        to_compromise = landing
            if any_confront:
                new[order[ia]] = to_confront
            elif any_compromise:
                new[order[ia]] = to_compromise
            else:
                new[order[ia]] = xi
        for i in range(n):
            x[i] = new[i]
            hist[t + 1, i] = new[i]


@njit(cache=True, parallel=True)
def run_batch(x, c, s, rounds, q, out):
    """Every draw (rows of ``x``, ``c``, ``s``) for ``rounds`` rounds into ``out``
    ``(draws, rounds + 1, n)``, the draws shared among numba's threads."""
    for d in prange(x.shape[0]):
        _run_draw(x[d], c[d], s[d], rounds, q, out[d])


@njit(cache=True)
def run_batch_serial(x, c, s, rounds, q, out):
    """:func:`run_batch` on the calling thread only."""
    for d in range(x.shape[0]):
        _run_draw(x[d], c[d], s[d], rounds, q, out[d])
