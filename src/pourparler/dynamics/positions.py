"""The belligerents' positions drawn per batch of runs, and the zone frontier's packages valued
again at the drawn positions.

A batch draws each belligerent's position on every issue from Normal(position,
``uncertainty.position``), clipped to the 0–100 scale, as the forecast's Monte Carlo does
(:mod:`pourparler.forecast.montecarlo`), and values every option with the deals engine's
conventions (:mod:`pourparler.deals.space`: linear loss ``1 − |x − p| / 100`` unless the stance
gives ``option_utilities``, salience-weighted, normalised so that the best package is worth 1).
The frontier's packages (found once, at the stated positions) are then valued at the drawn
positions and reduced to the two-party frontier again; the frontier is not searched again per
batch, so a package that only a draw would bring onto it is missed (an approximation that keeps
the search out of the runs).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from pourparler.deals.space import PackageSpace

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]


@dataclass(frozen=True)
class Valuation:
    """What valuing the options of two actors takes: per actor (rows a, b) and issue, whether it
    has a stance, its position, the position's sd and its salience; per actor and option
    column an explicit utility (NaN: by distance); the columns' values and issues."""

    present: BoolArray  # (2, n_issues)
    position: FloatArray  # (2, n_issues)
    sd: FloatArray  # (2, n_issues)
    salience: FloatArray  # (2, n_issues)
    override: FloatArray  # (2, n_columns)
    values: FloatArray  # (n_columns,)
    issue: IntArray  # (n_columns,)
    offsets: IntArray  # (n_issues + 1,)
    toward: FloatArray  # (2, n_issues): +1 / -1 towards the other side's position, 0 if none

    @property
    def uncertain(self) -> bool:
        return bool(np.any(self.sd[self.present] > 0))


def valuation(scenario: Scenario, space: PackageSpace, actors: tuple[str, str]) -> Valuation:
    """The valuation data of the two ``actors`` (side a, side b)."""
    n_i = space.n_issues
    present = np.zeros((2, n_i), dtype=bool)
    position = np.zeros((2, n_i))
    sd = np.zeros((2, n_i))
    salience = np.zeros((2, n_i))
    override = np.full((2, space.utility.shape[1]), np.nan)
    for r, actor in enumerate(actors):
        for i, issue in enumerate(scenario.issues):
            st = scenario.stance(actor, issue.id)
            if st is None:
                continue
            present[r, i] = True
            position[r, i] = st.position
            sd[r, i] = st.uncertainty.position
            salience[r, i] = st.salience
            if st.option_utilities:
                for j, option in enumerate(issue.options):
                    if option.value in st.option_utilities:
                        override[r, int(space.offsets[i]) + j] = st.option_utilities[option.value]
    both = present.all(axis=0)
    toward = np.zeros((2, n_i))
    toward[0] = np.where(both, np.sign(position[1] - position[0]), 0.0)
    toward[1] = np.where(both, np.sign(position[0] - position[1]), 0.0)
    return Valuation(
        present=present,
        position=position,
        sd=sd,
        salience=salience,
        override=override,
        values=np.concatenate([np.asarray(v, dtype=float) for v in space.option_values]),
        issue=space.issue_of_column(),
        offsets=np.asarray(space.offsets),
        toward=toward,
    )


def option_utilities(val: Valuation, position: FloatArray) -> FloatArray:
    """Both actors' normalised option utilities ``(2, n_columns)`` at ``position`` (2, n_issues)."""
    v = 1.0 - np.abs(val.values[None, :] - position[:, val.issue]) / 100.0
    v = np.where(np.isnan(val.override), v, val.override)
    starts = val.offsets[:-1]
    least = np.minimum.reduceat(v, starts, axis=1)
    raw = (val.salience * val.present)[:, val.issue] * (v - least[:, val.issue])
    span = np.maximum.reduceat(raw, starts, axis=1).sum(axis=1)
    span = np.where(span > 0, span, 1.0)
    return np.asarray(raw / span[:, None])


def draw_positions(val: Valuation, rng: np.random.Generator) -> tuple[FloatArray, FloatArray]:
    """Drawn positions (2, n_issues) and each side's salience-weighted mean move towards the
    other side's stated position (scale points; positive: a concession)."""
    z = rng.standard_normal(val.position.shape)
    drawn = np.where(val.present, np.clip(val.position + val.sd * z, 0.0, 100.0), val.position)
    weight = val.salience * (val.toward != 0)
    total = weight.sum(axis=1)
    moved = (weight * val.toward * (drawn - val.position)).sum(axis=1)
    shift = np.where(total > 0, moved / np.where(total > 0, total, 1.0), 0.0)
    return drawn, shift


def package_utilities(utility: FloatArray, offsets: IntArray, choice: IntArray) -> FloatArray:
    """Utilities ``(rows, F)`` of packages ``choice (F, n_issues)`` under option utilities
    ``utility (rows, n_columns)``."""
    if len(choice) == 0:
        return np.zeros((utility.shape[0], 0))
    return np.asarray(utility[:, choice + offsets[:-1]].sum(axis=-1))
