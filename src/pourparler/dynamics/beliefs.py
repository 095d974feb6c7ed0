"""Each belligerent's belief about its chance of winning a battle: a Beta prior updated by Bayes'
rule on the battles it sees.

War as a random walk whose sides hold divergent priors about ``p`` follows Smith & Stam (2004),
"Bargaining and the Nature of War", JCR 48(6): 783–813; Slantchev (2003, APSR 97(4), Prop. 2 and
eq. 4) shows that fighting reveals information and expectations converge. With a Beta(α, β) belief
about ``p`` (side a's chance of winning a battle), ``s`` wins of side a in ``n`` battles give the
posterior Beta(α + s, β + n − s). Mutual optimism — each side's value of fighting on, computed with
its own belief, summing to more than the whole — leaves no split both prefer to war (Wittman 1979;
Fearon 1995).
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pourparler.errors import InputError

FloatArray = NDArray[np.float64]

__all__ = ["biased_mean", "mean", "mutual_optimism", "prior_from_optimism", "update"]

# Beliefs are kept strictly inside (0, 1): a side certain of the outcome would never update.
_EDGE = 1e-3


def biased_mean(own_chance: float, optimism: float) -> float:
    """A side's believed chance of winning a battle when its true chance is ``own_chance``:
    ``optimism`` 0.5 is realistic, 1 certain of winning, 0 certain of losing, linear between
    (``q + (2o − 1)(1 − q)`` above ½, ``2o·q`` below); kept inside [0.001, 0.999]. ``q`` may be
    0 or 1: side b's ``1 − p`` is 1 for a ``p`` below 1e-16."""
    if not 0.0 <= optimism <= 1.0:
        raise InputError(f"optimism: {optimism!r}: expected a number in [0, 1]")
    if not 0.0 <= own_chance <= 1.0:
        raise InputError(f"p: {own_chance!r}: expected a probability in [0, 1]")
    if optimism >= 0.5:
        m = own_chance + (2.0 * optimism - 1.0) * (1.0 - own_chance)
    else:
        m = 2.0 * optimism * own_chance
    return min(1.0 - _EDGE, max(_EDGE, m))


def prior_from_optimism(
    p: float, optimism: float, strength: float, own_side: Literal["a", "b"]
) -> tuple[float, float]:
    """The Beta(α, β) prior of one side about ``p`` (side a's chance of winning a battle).

    Side a's own chance is ``p``, side b's is ``1 − p``; :func:`biased_mean` shifts it by the
    side's ``optimism``, and the prior holds that mean with the weight of ``strength`` battles
    (α + β = strength).
    """
    if strength <= 0:
        raise InputError(f"belief_strength: {strength!r}: expected a positive number")
    if own_side not in ("a", "b"):
        raise InputError(f"own_side: {own_side!r}: expected 'a' or 'b'")
    own = p if own_side == "a" else 1.0 - p
    m = biased_mean(own, optimism)
    about_p = m if own_side == "a" else 1.0 - m
    return about_p * strength, (1.0 - about_p) * strength


def update(
    alpha: ArrayLike, beta: ArrayLike, wins_a: ArrayLike, battles: ArrayLike
) -> tuple[FloatArray, FloatArray]:
    """Bayes' rule for the Beta–binomial: ``(α + s, β + n − s)`` after ``s`` wins of side a in
    ``n`` battles (vectorised over runs)."""
    s = np.asarray(wins_a, dtype=np.float64)
    n = np.asarray(battles, dtype=np.float64)
    if np.any(s < 0) or np.any(s > n):
        raise InputError("wins_a: expected 0 <= wins <= battles")
    return np.asarray(alpha, dtype=np.float64) + s, np.asarray(beta, dtype=np.float64) + n - s


def mean(alpha: ArrayLike, beta: ArrayLike) -> FloatArray:
    """The Beta distribution's mean ``α / (α + β)``."""
    a = np.asarray(alpha, dtype=np.float64)
    return np.asarray(a / (a + np.asarray(beta, dtype=np.float64)))


def mutual_optimism(value_a: ArrayLike, value_b: ArrayLike) -> NDArray[np.bool_]:
    """Whether the sides' values of fighting on, each under its own belief, sum to more than
    the whole (1): then no division of the flow leaves both at least as well off as war."""
    return np.asarray(np.asarray(value_a) + np.asarray(value_b) > 1.0)
