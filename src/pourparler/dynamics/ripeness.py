"""A monthly index of ripeness: how close the talks are to a mutually hurting stalemate with a
way out (Zartman 2000, "Ripeness: The Hurting Stalemate and Beyond", in Stern & Druckman (eds.),
*International Conflict Resolution After the Cold War*; Ruhe 2015, "Anticipating Mediated
Talks", JPR 52(2): 243–257: intensity draws mediation only while neither side is likely to win).

The index is the product of three parts in [0, 1]:

* **hurt** — the lesser of the two sides' pain, ``1 − exp(−c_i / (1 − δ))``: a month's cost
  ``c_i`` (in units of the monthly value of everything at stake) against the weight ``1 − δ`` a
  month's flow has in the discounted whole; a ceasefire's lower costs lower it;
* **stalemate** — ``min(1, 2 (1 − max(v_a, v_b)))`` with ``v_i`` the decisive gain each side
  expects from the current front under its own belief: its chance of winning the war discounted
  by how long that takes, ``E[δ^T · 1{i wins}]`` (Slantchev's ``W`` with no costs; with δ = 1
  the gambler's-ruin probability). Undiscounted, a front of dozens of steps makes any drift
  decisive in the end (a probability of 0.9999 either way); the discount asks whether the gain
  comes soon. 1 while neither side expects more than half the prize, 0 when one expects it all;
* **way out** — ``max(0, 1 − g / 0.2)``, with ``g`` the least utility the side further from
  it would have to give up for the nearest zone (on a track the sequencing lets the sides sign)
  to open (:func:`pourparler.dynamics.zone_path.zone_gap`): 1 when the zone is open, falling to
  0 when the sides stand a fifth of the utility scale or more from any package both could
  accept. (A zone that opens is signed in that month, so a 0/1 way out would leave the runs
  still at war with no ripeness at all; the gap shows a way out coming into sight. The 0.2 is
  this index's choice, not an estimate.)

The literature gives no reproducible coefficients to calibrate such an index; it is a
description of the runs, and nothing in the simulation depends on it.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

GAP_SCALE = 0.2  # utility gap at which the way out counts as closed


def way_out(gap: ArrayLike) -> FloatArray:
    """``max(0, 1 − gap / GAP_SCALE)``: 1 for an open zone, 0 for a gap of 0.2 or more."""
    return np.asarray(np.clip(1.0 - np.asarray(gap, dtype=float) / GAP_SCALE, 0.0, 1.0))


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
    outlet: ArrayLike,
) -> FloatArray:
    """The ripeness index, elementwise over runs: hurt × stalemate × ``outlet`` (the way out,
    :func:`way_out`) (module docstring)."""
    pain = np.minimum(hurt(cost_a, discount), hurt(cost_b, discount))
    return np.asarray(pain * stalemate(win_a, win_b) * np.asarray(outlet, dtype=float))
