"""The value of fighting on, after Slantchev (2003), "The Principle of Convergence in Wartime
Negotiations", APSR 97(4): 621–632.

A flow worth 1 a period is at stake. The front ``k`` runs over 0…N; each period a battle moves it
to ``k + 1`` with probability ``p`` (side a wins) or to ``k − 1`` (side b wins). At ``k = N`` side a
has won and takes the whole flow for ever; at ``k = 0`` side b has. While the war goes on each side
gets ``b = −cost`` a period. Side a's fight-to-the-finish value (p. 623) solves

    W_k = (1 − δ)·b_a + δ·[p·W_{k+1} + (1 − p)·W_{k−1}],   W_0 = 0, W_N = 1,

and side b's the same recursion with ``W_0 = 1, W_N = 0``. Each is a tridiagonal linear system in
the N − 1 interior values, solved here exactly (Gaussian elimination without pivoting, which is
stable because the matrix is strictly diagonally dominant for δ < 1 and weakly, with Dirichlet
ends, for δ = 1). With δ → 1 and b = 0, ``W_k`` is the gambler's-ruin probability of reaching N
first (:func:`gamblers_ruin`).

Complete information (Prop. 1, p. 624; appendix eq. 1, p. 630): side a offers in even periods
and keeps ``x_k``, side b offers in odd periods and keeps ``y_k``, each leaving the other exactly
what it expects from fighting one more battle and then making its own offer
(:func:`complete_information_offers`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pourparler.errors import InputError

FloatArray = NDArray[np.float64]

__all__ = [
    "FightValueTable",
    "complete_information_offers",
    "fight_value_table",
    "fight_values",
    "gamblers_ruin",
]


def _check(steps: int, p: FloatArray, discount: float) -> None:
    if not isinstance(steps, int | np.integer) or steps < 2:
        raise InputError(f"steps: {steps!r}: expected an integer of at least 2")
    if not np.all((p > 0.0) & (p < 1.0)):
        raise InputError(f"p: {p.min():g}..{p.max():g}: expected probabilities in (0, 1)")
    if not 0.0 < discount <= 1.0:
        raise InputError(f"discount: {discount!r}: expected 0 < discount <= 1")


def _solve_walk(
    steps: int, p: FloatArray, discount: float, flow: float, at_low: float, at_high: float
) -> FloatArray:
    """Solve ``W_k = (1 − δ)·flow + δ·[p·W_{k+1} + (1 − p)·W_{k−1}]`` for k = 1..N−1 with the
    given end values, for every ``p`` at once (rows of the result; columns k = 0..N)."""
    n = steps - 1
    lower = -discount * (1.0 - p)  # coefficient of W_{k-1}
    upper = -discount * p  # coefficient of W_{k+1}
    rhs = np.full((p.size, n), (1.0 - discount) * flow)
    rhs[:, 0] -= lower * at_low
    rhs[:, -1] -= upper * at_high
    # Thomas algorithm, vectorised over the rows (every p at once); the diagonal is 1.
    c = np.empty((p.size, n))
    d = np.empty((p.size, n))
    c[:, 0] = upper
    d[:, 0] = rhs[:, 0]
    for i in range(1, n):
        denom = 1.0 - lower * c[:, i - 1]
        c[:, i] = upper / denom
        d[:, i] = (rhs[:, i] - lower * d[:, i - 1]) / denom
    w = np.empty((p.size, steps + 1))
    w[:, 0] = at_low
    w[:, steps] = at_high
    w[:, n] = d[:, n - 1]
    for i in range(n - 2, -1, -1):
        w[:, i + 1] = d[:, i] - c[:, i] * w[:, i + 2]
    return w


def fight_values(
    steps: int, p: ArrayLike, discount: float, cost_a: float = 0.0, cost_b: float = 0.0
) -> tuple[FloatArray, FloatArray]:
    """Slantchev's fight-to-the-finish values ``(W^a, W^b)`` at every front ``k = 0..steps``.

    ``p`` is side a's probability of winning a battle: a scalar gives arrays of shape
    ``(steps + 1,)``, an array of ``m`` values gives ``(m, steps + 1)``. Costs are per period, in
    units of the flow at stake (the fighting payoff is ``b = −cost``).
    """
    p_arr = np.atleast_1d(np.asarray(p, dtype=np.float64))
    _check(steps, p_arr, discount)
    wa = _solve_walk(steps, p_arr, discount, -cost_a, 0.0, 1.0)
    wb = _solve_walk(steps, p_arr, discount, -cost_b, 1.0, 0.0)
    if np.ndim(p) == 0:
        return wa[0], wb[0]
    return wa, wb


def gamblers_ruin(steps: int, p: float) -> FloatArray:
    """The probability that a walk from ``k`` reaches ``steps`` before 0, for k = 0..steps:
    ``(1 − r^k) / (1 − r^N)`` with ``r = (1 − p)/p`` (``k/N`` when ``p = ½``)."""
    _check(steps, np.asarray([p], dtype=np.float64), 1.0)
    k = np.arange(steps + 1, dtype=np.float64)
    if abs(p - 0.5) < 1e-12:
        return k / steps
    log_r = np.log1p(-p) - np.log(p)
    if log_r < 0:  # r < 1: r^k is small, the textbook form is stable
        return np.asarray(-np.expm1(k * log_r) / -np.expm1(steps * log_r))
    # r > 1: divide through by r^N to keep every power at most 1.
    return np.asarray(
        np.exp((k - steps) * log_r) * -np.expm1(-k * log_r) / -np.expm1(-steps * log_r)
    )


def complete_information_offers(
    steps: int, p: float, discount: float, cost_a: float = 0.0, cost_b: float = 0.0
) -> tuple[FloatArray, FloatArray]:
    """Slantchev's complete-information offers (Prop. 1): at each front ``k = 0..steps``,
    ``x_k`` is the share side a keeps when it offers and ``y_k`` the share side b keeps when it
    offers. They solve

        1 − x_k = (1 − δ)·b_b + δ·[p·y_{k+1} + (1 − p)·y_{k−1}],
        1 − y_k = (1 − δ)·b_a + δ·[p·x_{k+1} + (1 − p)·x_{k−1}],

    with ``x_0 = 0, x_N = 1, y_0 = 1, y_N = 0`` (a linear system in 2(N − 1) unknowns, solved
    exactly). Each side's offer leaves the other what fighting one battle is worth to it, so
    ``x_k`` lies in the bargaining range ``[W^a_k, 1 − W^b_k]``.
    """
    _check(steps, np.asarray([p], dtype=np.float64), discount)
    n = steps - 1
    b_a, b_b = -cost_a, -cost_b
    # Unknowns: x_1..x_{N-1} (indices 0..n-1) then y_1..y_{N-1} (indices n..2n-1).
    a = np.eye(2 * n)
    rhs = np.empty(2 * n)
    x_end = {0: 0.0, steps: 1.0}
    y_end = {0: 1.0, steps: 0.0}
    for i, k in enumerate(range(1, steps)):
        # x_k + δp·y_{k+1} + δ(1−p)·y_{k−1} = 1 − (1−δ)b_b
        rhs[i] = 1.0 - (1.0 - discount) * b_b
        for kk, weight in ((k + 1, discount * p), (k - 1, discount * (1.0 - p))):
            if kk in y_end:
                rhs[i] -= weight * y_end[kk]
            else:
                a[i, n + kk - 1] += weight
        # y_k + δp·x_{k+1} + δ(1−p)·x_{k−1} = 1 − (1−δ)b_a
        rhs[n + i] = 1.0 - (1.0 - discount) * b_a
        for kk, weight in ((k + 1, discount * p), (k - 1, discount * (1.0 - p))):
            if kk in x_end:
                rhs[n + i] -= weight * x_end[kk]
            else:
                a[n + i, kk - 1] += weight
    sol = np.linalg.solve(a, rhs)
    x = np.concatenate(([0.0], sol[:n], [1.0]))
    y = np.concatenate(([1.0], sol[n:], [0.0]))
    return x, y


@dataclass(frozen=True)
class FightValueTable:
    """``W^a`` and ``W^b`` tabulated over a fine grid of beliefs ``p̂``, for looking up many runs'
    values at once by linear interpolation in ``p̂`` (the values are smooth in ``p``)."""

    grid: FloatArray  # (g,) increasing values of p in (0, 1)
    wa: FloatArray  # (g, steps + 1)
    wb: FloatArray  # (g, steps + 1)

    def values(self, k: ArrayLike, p_hat: ArrayLike) -> tuple[FloatArray, FloatArray]:
        """``(W^a, W^b)`` at fronts ``k`` (integers 0..steps) under beliefs ``p̂`` (broadcast
        together); beliefs outside the grid take its end values."""
        k_arr = np.asarray(k, dtype=np.intp)
        q = np.clip(np.asarray(p_hat, dtype=np.float64), self.grid[0], self.grid[-1])
        i = np.clip(np.searchsorted(self.grid, q, side="right") - 1, 0, self.grid.size - 2)
        t = (q - self.grid[i]) / (self.grid[i + 1] - self.grid[i])
        wa = (1.0 - t) * self.wa[i, k_arr] + t * self.wa[i + 1, k_arr]
        wb = (1.0 - t) * self.wb[i, k_arr] + t * self.wb[i + 1, k_arr]
        return wa, wb


def fight_value_table(
    steps: int, discount: float, cost_a: float = 0.0, cost_b: float = 0.0, grid: int = 401
) -> FightValueTable:
    """Tabulate :func:`fight_values` on ``grid`` beliefs evenly spaced in [0.001, 0.999]."""
    if grid < 2:
        raise InputError(f"grid: {grid}: expected at least 2 points")
    ps = np.linspace(0.001, 0.999, grid)
    wa, wb = fight_values(steps, ps, discount, cost_a, cost_b)
    return FightValueTable(grid=ps, wa=wa, wb=wb)
