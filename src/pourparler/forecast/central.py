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
    """The smallest position whose cumulative weight reaches half the total, over the last axis.

    With an exact half-way split the lower of the two middle positions is returned, which is the
    convention of Bueno de Mesquita's median voter. NaN where all weights are zero.
    """
    x, w = _prepare(positions, weights)
    order = np.argsort(np.where(w > 0, x, np.inf), axis=-1, kind="stable")
    xs = np.take_along_axis(x, order, axis=-1)
    ws = np.take_along_axis(w, order, axis=-1)
    cum = np.cumsum(ws, axis=-1)
    total = cum[..., -1:]
    # tolerance guards against the half being missed by rounding in the cumulative sum
    idx = np.argmax(cum >= 0.5 * total * (1 - 1e-12), axis=-1)
    med = np.take_along_axis(xs, idx[..., None], axis=-1)[..., 0]
    return np.asarray(np.where(total[..., 0] > 0, med, np.nan))
