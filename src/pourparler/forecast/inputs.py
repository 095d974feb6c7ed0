"""What the forecast models read and return: a batch of input draws, and per model the forecast
of each issue with, for the iterative models, the state after every round."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from pourparler.scenario.arrays import ScenarioArrays

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class ForecastInputs:
    """A batch of draws of one scenario. ``position`` and ``salience`` are
    ``(draws, n_actors, n_issues)`` (NaN and 0 where an actor has no stance), ``capability``
    ``(draws, n_actors)``; ``disagreement`` (no-deal utilities per actor, ``(n_actors,)``) is
    used by the Nash model instead of the status quo when given."""

    position: FloatArray
    salience: FloatArray
    capability: FloatArray
    present: BoolArray
    status_quo: FloatArray
    disagreement: FloatArray | None = None

    @property
    def n_draws(self) -> int:
        return int(self.position.shape[0])

    @property
    def n_actors(self) -> int:
        return int(self.position.shape[1])

    @property
    def n_issues(self) -> int:
        return int(self.position.shape[2])

    @property
    def weightless(self) -> BoolArray:
        """``(draws, n_issues)``: where no actor has any weight (capability × salience) on an
        issue. No model has a forecast there: those that weigh positions have nothing to weigh,
        and Nash's fallback on the status quo would stand alone in an ensemble."""
        weight = (self.capability[:, :, None] * np.where(self.present, self.salience, 0.0)).sum(
            axis=1
        )
        return np.asarray(~(weight > 0))

    @classmethod
    def nominal(
        cls, arrays: ScenarioArrays, disagreement: FloatArray | None = None
    ) -> ForecastInputs:
        """The scenario's own numbers as a batch of one draw."""
        return cls(
            position=arrays.position[None].copy(),
            salience=arrays.salience[None].copy(),
            capability=arrays.capability[None].copy(),
            present=arrays.present.copy(),
            status_quo=arrays.status_quo.copy(),
            disagreement=disagreement,
        )

    def validate(self) -> None:
        """Raise ValueError when shapes or values are inconsistent."""
        d, n, m = self.position.shape
        if self.salience.shape != (d, n, m) or self.capability.shape != (d, n):
            raise ValueError("inputs: position, salience and capability shapes do not match")
        if self.present.shape != (n, m) or self.status_quo.shape != (m,):
            raise ValueError("inputs: present / status_quo shapes do not match")
        if np.any(~np.isfinite(self.position) & self.present):
            raise ValueError("inputs: every stance needs a finite position")
        if np.any((self.salience < 0) | (self.salience > 1)):
            raise ValueError("inputs: saliences must lie in 0–1")
        if not np.all(np.isfinite(self.capability)) or np.any(self.capability < 0):
            raise ValueError("inputs: capabilities must be finite and non-negative")

    def permuted(self, order: Sequence[int]) -> ForecastInputs:
        """The same draws with the actors listed in ``order``."""
        idx = np.asarray(order)
        dis = None if self.disagreement is None else self.disagreement[idx]
        return ForecastInputs(
            position=self.position[:, idx],
            salience=self.salience[:, idx],
            capability=self.capability[:, idx],
            present=self.present[idx],
            status_quo=self.status_quo,
            disagreement=dis,
        )

    def subset(self, draws: slice | Sequence[int]) -> ForecastInputs:
        """Some of the draws."""
        return ForecastInputs(
            position=self.position[draws],
            salience=self.salience[draws],
            capability=self.capability[draws],
            present=self.present,
            status_quo=self.status_quo,
            disagreement=self.disagreement,
        )


@dataclass(frozen=True)
class Rounds:
    """State after each round of an iterative model (round 0 = the input), per draw and issue:
    ``positions (draws, n_issues, rounds + 1, n_actors)`` (NaN where absent), ``median`` and
    ``mean`` ``(draws, n_issues, rounds + 1)``; the exchange model adds the outcome at the start
    of each round and after voting."""

    positions: FloatArray
    median: FloatArray
    mean: FloatArray
    outcome_start: FloatArray | None = None
    outcome_voting: FloatArray | None = None


@dataclass(frozen=True)
class ModelRun:
    """One model's forecast per draw and issue, ``(draws, n_issues)``, and its rounds."""

    forecast: FloatArray
    rounds: Rounds | None = None


def concat_runs(parts: Sequence[ModelRun]) -> ModelRun:
    """Runs on consecutive slices of a batch joined into the run on the whole batch."""
    if len(parts) == 1:
        return parts[0]
    forecast = np.concatenate([p.forecast for p in parts])
    first = parts[0].rounds
    if first is None:
        return ModelRun(forecast)
    joined: dict[str, Any] = {}
    for f in fields(Rounds):
        values = [getattr(p.rounds, f.name) for p in parts]
        joined[f.name] = None if values[0] is None else np.concatenate(values)
    return ModelRun(forecast, Rounds(**joined))
