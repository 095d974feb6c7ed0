"""The ensemble: a fixed-weight average of the per-issue forecasts of the other models.

Each model's weight is part of its entry in :mod:`pourparler.forecast.registry`, with the
reasons (Thomson, Stokman, Achen & König 2006, *The European Union Decides*, ch. 10, compare
the models on EU legislative decisions): compromise 0.30, nash 0.25, median 0.15, bdm 0.15,
exchange 0.15. :data:`ENSEMBLE_WEIGHTS` reads the registry, so a model registered with a weight
joins the ensemble.

A model whose forecast is missing (not run, not available, or NaN) is left out and the other
weights are scaled up to sum to one.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.registry import ensemble_weights

FloatArray = NDArray[np.float64]


class _Weights(Mapping[str, float]):
    """The registry's ensemble weights, read when used."""

    def __getitem__(self, name: str) -> float:
        return ensemble_weights()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(ensemble_weights())

    def __len__(self) -> int:
        return len(ensemble_weights())

    def __repr__(self) -> str:
        return repr(ensemble_weights())


ENSEMBLE_WEIGHTS: Mapping[str, float] = _Weights()


def combine(
    forecasts: Mapping[str, NDArray[np.float64]], weights: Mapping[str, float] | None = None
) -> FloatArray:
    """Weighted average over the models present in ``forecasts`` (arrays of one shape),
    ignoring NaN entries; NaN where no model gives a value."""
    weights = ensemble_weights() if weights is None else weights
    names = [m for m in forecasts if weights.get(m, 0.0) > 0]
    if not names:
        raise ValueError(f"ensemble: none of the models {sorted(forecasts)} has a weight")
    values = np.stack([np.asarray(forecasts[m], dtype=float) for m in names])
    w = np.array([weights[m] for m in names]).reshape(-1, *([1] * (values.ndim - 1)))
    w = np.where(np.isnan(values), 0.0, w)
    total = w.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        out = np.where(total > 0, (w * np.nan_to_num(values)).sum(axis=0) / total, np.nan)
    return np.asarray(out, dtype=float)
