"""The Kaplan–Meier product-limit estimator (Kaplan & Meier 1958, JASA 53(282)) with
Greenwood's variance and the log-log ("exponential Greenwood") confidence interval of
Kalbfleisch & Prentice (2002, *The Statistical Analysis of Failure Time Data*, §4.3)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.stats import norm

from pourparler.errors import InputError


@dataclass(frozen=True)
class ProductLimit:
    """The curve at its distinct event times: ``at_risk`` and ``events`` at each, the survival
    just after it, and Greenwood's sum ``Σ d / (n (n − d))`` up to it."""

    times: np.ndarray
    at_risk: np.ndarray
    events: np.ndarray
    survival: np.ndarray
    greenwood: np.ndarray
    n: int

    def at(self, t: float | np.ndarray) -> np.ndarray:
        """S(t): the survival just after time ``t`` (right-continuous step function)."""
        idx = np.searchsorted(self.times, np.asarray(t, dtype=float), side="right") - 1
        return np.where(idx < 0, 1.0, _padded(self.survival, 1.0)[np.maximum(idx, 0)])

    def interval(self, t: float | np.ndarray, level: float = 0.95) -> tuple[np.ndarray, np.ndarray]:
        """The log-log confidence interval of S(t); (1, 1) before the first event and where
        S(t) is 0 or 1 (no variance), S(t) itself where S(t) = 0."""
        z = float(norm.ppf(0.5 + level / 2))
        idx = np.searchsorted(self.times, np.asarray(t, dtype=float), side="right") - 1
        s = np.where(idx < 0, 1.0, _padded(self.survival, 1.0)[np.maximum(idx, 0)])
        v = np.where(idx < 0, 0.0, _padded(self.greenwood, 0.0)[np.maximum(idx, 0)])
        inside = (s > 0.0) & (s < 1.0)
        log_s = np.log(np.where(inside, s, 0.5))
        se = np.sqrt(v) / np.abs(log_s)
        low = np.where(inside, s ** np.exp(z * se), s)
        high = np.where(inside, s ** np.exp(-z * se), s)
        return low, high

    def quantile_time(self, curve: np.ndarray, q: float = 0.5) -> float | None:
        """The first event time where ``curve`` (survival or a bound, at :attr:`times`) falls
        to ``q`` or below; None when it never does."""
        hit = np.flatnonzero(curve <= q)
        return float(self.times[hit[0]]) if hit.size else None

    def median(self, level: float = 0.95) -> tuple[float | None, float | None, float | None]:
        """The median and its confidence interval (the times where the interval's bounds cross
        one half, as Brookmeyer & Crowley 1982); None where a curve never reaches one half."""
        low, high = self.interval(self.times, level)
        return (
            self.quantile_time(self.survival),
            self.quantile_time(low),
            self.quantile_time(high),
        )


def _padded(values: np.ndarray, fill: float) -> np.ndarray:
    """``values``, or ``[fill]`` when there are none (a curve without events)."""
    return values if values.size else np.array([fill])


def product_limit(time: np.ndarray, event: np.ndarray) -> ProductLimit:
    """The Kaplan–Meier curve of ``time`` (≥ 0) with ``event`` (True: observed end, False:
    censored then). A censored time tied with an event time counts as at risk at that event."""
    t = np.asarray(time, dtype=float)
    e = np.asarray(event, dtype=bool)
    if t.ndim != 1 or t.shape != e.shape:
        raise InputError("time, event: need two one-dimensional arrays of the same length")
    if t.size == 0:
        raise InputError("time: no observations")
    if not np.all(np.isfinite(t)) or np.any(t < 0):
        raise InputError("time: every time must be finite and non-negative")
    uniq, inverse = np.unique(t, return_inverse=True)
    deaths = np.bincount(inverse, weights=e, minlength=uniq.size)
    leaving = np.bincount(inverse, minlength=uniq.size).astype(float)
    at_risk = t.size - np.concatenate(([0.0], np.cumsum(leaving)[:-1]))
    keep = deaths > 0
    n_e, d_e = at_risk[keep], deaths[keep]
    survival = np.cumprod(1.0 - d_e / n_e)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(n_e > d_e, d_e / (n_e * (n_e - d_e)), np.inf)
    return ProductLimit(
        times=uniq[keep],
        at_risk=n_e.astype(np.int64),
        events=d_e.astype(np.int64),
        survival=survival,
        greenwood=np.cumsum(terms),
        n=int(t.size),
    )
