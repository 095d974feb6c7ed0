"""A monthly index of ripeness: how close the talks are to a mutually hurting stalemate with a
way out (Zartman 2000, "Ripeness: The Hurting Stalemate and Beyond", in Stern & Druckman (eds.),
*International Conflict Resolution After the Cold War*; Ruhe 2015, "Anticipating Mediated
Talks", JPR 52(2): 243–257: intensity draws mediation only while neither side is likely to win).

The index is the product of three parts in [0, 1]:

* **hurt** — the lesser of the two sides' pain, ``1 − exp(−c_i / (1 − δ))``: a month's cost
  ``c_i`` (in units of the monthly value of everything at stake) against the weight ``1 − δ`` a
  month's flow has in the discounted whole; a ceasefire's lower costs lower it;
* **stalemate** — ``min(1, 2 (1 − max(v_a, v_b)))`` with ``v_i`` the chance each side believes it
  has of winning the war from the current front (the gambler's-ruin probability under its own
  belief): 1 while neither side thinks itself more likely than not to win, 0 when one is sure;
* **way out** — 1 when the month's zone (on a track the sequencing lets the sides sign) is
  non-empty, else 0.

The literature gives no reproducible coefficients to calibrate such an index; it is a
description of the runs, and nothing in the simulation depends on it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]


def hurt(cost: ArrayLike, discount: float) -> FloatArray:
    """One side's pain from a month's cost (module docstring)."""
    scale = max(1.0 - discount, 1e-12)
    return np.asarray(-np.expm1(-np.asarray(cost, dtype=float) / scale))


def stalemate(win_a: ArrayLike, win_b: ArrayLike) -> FloatArray:
    """1 while neither side believes it more likely than not to win the war, falling to 0 as
    either becomes sure of winning."""
    top = np.maximum(np.asarray(win_a, dtype=float), np.asarray(win_b, dtype=float))
    return np.asarray(np.clip(2.0 * (1.0 - top), 0.0, 1.0))


def ripeness(
    cost_a: ArrayLike,
    cost_b: ArrayLike,
    discount: float,
    win_a: ArrayLike,
    win_b: ArrayLike,
    way_out: ArrayLike,
) -> FloatArray:
    """The ripeness index, elementwise over runs (module docstring)."""
    pain = np.minimum(hurt(cost_a, discount), hurt(cost_b, discount))
    return np.asarray(pain * stalemate(win_a, win_b) * np.asarray(way_out, dtype=float))
