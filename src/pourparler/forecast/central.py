"""Central-tendency forecasts on one issue scale: the compromise (weighted mean) and the
weighted median.

The compromise model predicts the capability × salience weighted mean of the positions
(Achen 2006; Thomson, Stokman, Achen & König 2006, *The European Union Decides*, ch. 4). The
weighted median is the position no weighted majority prefers to move away from: in one dimension
with single-peaked preferences it is the Condorcet winner (Black 1948).

Kernels take arrays whose last axis runs over actors, so any leading axes (issues, Monte Carlo
draws) are computed in one call. Actors with zero weight (no stance, no salience) are ignored.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]
TIE_TOLERANCE = 1e-12  # relative: a cumulative weight this close to half the total is half


def _prepare(positions: ArrayLike, weights: ArrayLike) -> tuple[FloatArray, FloatArray]:
    x = np.asarray(positions, dtype=float)
    w = np.asarray(weights, dtype=float)
    x, w = np.broadcast_arrays(x, w)
    if np.any(w < 0) or not np.all(np.isfinite(w)):
        raise ValueError("weights must be finite and non-negative")
    if np.any(~np.isfinite(x) & (w > 0)):
        raise ValueError("every actor with positive weight needs a finite position")
    return np.where(w > 0, x, 0.0), w


def weighted_mean(positions: ArrayLike, weights: ArrayLike) -> FloatArray:
    """Σ w·x / Σ w over the last axis; NaN where all weights are zero."""
    x, w = _prepare(positions, weights)
    total = w.sum(axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.asarray(np.where(total > 0, (w * x).sum(axis=-1) / total, np.nan))


def weighted_median(positions: ArrayLike, weights: ArrayLike) -> FloatArray:
    """The weighted median over the last axis: the smallest position whose cumulative weight
    reaches half the total; NaN where all weights are zero.

    With an exact half-way split (the positions up to some point weigh exactly half) every point
    between the two middle positions is a median, and their midpoint is returned: the usual
    convention for an even split, averaging at the step of the weighted distribution function
    (Hyndman & Fan 1996, *Sample quantiles in statistical packages*, definition 2). A rule that
    took the lower middle would favour the low end of the scale.
    """
    x, w = _prepare(positions, weights)
    order = np.argsort(np.where(w > 0, x, np.inf), axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    ws = np.take_along_axis(w, order, axis=-1)
    cum = np.cumsum(ws, axis=-1)
    total = cum[..., -1:]
    half = 0.5 * total
    # tolerance guards against the half being missed by rounding in the cumulative sum
    idx = np.argmax(cum >= half * (1 - TIE_TOLERANCE), axis=-1)[..., None]
    low = np.take_along_axis(xs, idx, axis=-1)[..., 0]
    last = xs.shape[-1] - 1
    up = np.take_along_axis(xs, np.minimum(idx + 1, last), axis=-1)[..., 0]
    at = np.take_along_axis(cum, idx, axis=-1)[..., 0]
    tie = (at <= half[..., 0] * (1 + TIE_TOLERANCE)) & (idx[..., 0] < last)
    med = np.where(tie, 0.5 * (low + up), low)
    return np.asarray(np.where(total[..., 0] > 0, med, np.nan))
