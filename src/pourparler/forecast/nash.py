"""Asymmetric Nash bargaining on one issue scale.

The forecast is the point x maximising Σ_i w_i · log(u_i(x) − d_i) (Nash 1950; the asymmetric
form of Harsanyi & Selten 1972 and Kalai 1977; its use for forecasting collective decisions in
Achen 2006, *The European Union Decides*, ch. 4). Here:

* u_i(x) = 1 − |x − p_i| / span is actor i's utility, linear in the distance to its position
  p_i on a scale of width ``span`` (100 for pourparler's 0–100 scale);
* w_i is the bargaining weight: capability × salience in pourparler (an actor that cares little
  about an issue presses little on it, as in the compromise model);
* d_i is the disagreement utility: by default u_i(status quo), i.e. no agreement leaves the
  status quo in place; a no-deal outlook (e.g. the actor's BATNA) may be given instead.

Only points every weighted actor strictly prefers to disagreement qualify: the interval
∩_i (p_i − r_i, p_i + r_i) with r_i = span · (1 − d_i), cut to the scale. The objective is
concave there (a sum of logs of concave functions), so its derivative decreases and bisection on
the derivative's sign finds the maximum to machine precision, vectorised over any leading axes.
When no point qualifies (with a status-quo disagreement: when the status quo lies strictly inside
the positions of the weighted actors, so every move hurts someone) the forecast is the status quo.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

SCALE = (0.0, 100.0)
_ITERATIONS = 80


def nash_bargaining(
    position: ArrayLike,
    weight: ArrayLike,
    status_quo: ArrayLike,
    disagreement: ArrayLike | None = None,
    *,
    scale: tuple[float, float] = SCALE,
) -> FloatArray:
    """The asymmetric Nash bargaining solution over the last (actor) axis.

    ``position``, ``weight`` (≥ 0) and ``disagreement`` (utilities, ≤ 1) broadcast to
    ``(..., n_actors)``; ``status_quo`` to ``(...)``. Actors with zero weight are ignored
    (their position may be NaN). Returns an array of shape ``(...)``.
    """
    lo_scale, hi_scale = float(scale[0]), float(scale[1])
    if not hi_scale > lo_scale:
        raise ValueError(f"nash: scale must be increasing, got {scale!r}")
    span = hi_scale - lo_scale
    w = np.asarray(weight, dtype=float)
    p = np.asarray(position, dtype=float)
    sq = np.asarray(status_quo, dtype=float)
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise ValueError("nash: weights must be finite and non-negative")
    if not np.all(np.isfinite(sq)):
        raise ValueError("nash: the status quo must be finite")
    p, w = np.broadcast_arrays(p, w)
    active = w > 0
    if np.any(active & ~np.isfinite(p)):
        raise ValueError("nash: every actor with positive weight needs a finite position")
    p = np.where(active, p, lo_scale)
    if np.any(p < lo_scale) or np.any(p > hi_scale):
        raise ValueError(f"nash: positions must lie on the scale {lo_scale:g}–{hi_scale:g}")
    sq_b = np.broadcast_to(sq, p.shape[:-1])
    if disagreement is None:
        d = 1.0 - np.abs(sq_b[..., None] - p) / span
    else:
        d = np.asarray(disagreement, dtype=float)
        if not np.all(np.isfinite(d)) or np.any(d > 1):
            raise ValueError("nash: disagreement utilities must be finite and at most 1")
        d = np.broadcast_to(d, p.shape)
    p, w, d = np.broadcast_arrays(p, w, d)
    sq_b = np.broadcast_to(sq, p.shape[:-1])
    reach = span * (1.0 - d)  # actor i gains on (p_i − reach_i, p_i + reach_i)
    left = np.max(np.where(active, p - reach, -np.inf), axis=-1, initial=-np.inf)
    right = np.min(np.where(active, p + reach, np.inf), axis=-1, initial=np.inf)
    left = np.maximum(left, lo_scale)
    right = np.minimum(right, hi_scale)
    feasible = (left < right) & active.any(axis=-1)
    lo = np.where(feasible, left, 0.0)
    hi = np.where(feasible, right, 0.0)
    for _ in range(_ITERATIONS):
        mid = 0.5 * (lo + hi)
        rising = _slope(mid, p, w, d, span, active) > 0
        lo = np.where(rising, mid, lo)
        hi = np.where(rising, hi, mid)
    x = 0.5 * (lo + hi)
    # the optimum often sits on a kink (an actor's position): return that position exactly
    gap = np.where(active, np.abs(p - x[..., None]), np.inf)
    k = np.argmin(gap, axis=-1)[..., None]
    nearest = np.take_along_axis(p, k, axis=-1)[..., 0]
    near = np.take_along_axis(gap, k, axis=-1)[..., 0] <= 1e-9 * span
    x = np.where(near, nearest, x)
    return np.asarray(np.where(feasible, x, sq_b), dtype=float)


def _slope(
    x: FloatArray,
    p: FloatArray,
    w: FloatArray,
    d: FloatArray,
    span: float,
    active: NDArray[np.bool_],
) -> FloatArray:
    """d/dx Σ w_i log(u_i(x) − d_i) (0 as the slope of |·| at a kink)."""
    xe = x[..., None]
    surplus = 1.0 - np.abs(xe - p) / span - d
    with np.errstate(divide="ignore", invalid="ignore"):
        term = np.where(active, -w * np.sign(xe - p) / (span * surplus), 0.0)
        return np.asarray(term.sum(axis=-1))
