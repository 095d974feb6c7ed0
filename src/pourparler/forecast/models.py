"""One facade over every forecast model: a batch of inputs in, per-issue forecasts out.

:class:`ForecastInputs` holds a batch of draws of a scenario's numbers (actors × issues);
:func:`run_models` runs the named models on every draw and returns, per model, the forecast of
each issue and, for the iterative models (BDM, exchange), the state after every round.
Models: ``compromise`` and ``median`` (:mod:`pourparler.forecast.central`), ``nash``
(:mod:`~pourparler.forecast.nash`), ``bdm`` (:mod:`~pourparler.forecast.bdm`), ``exchange``
(:mod:`~pourparler.forecast.exchange`) and ``ensemble``
(:mod:`~pourparler.forecast.ensemble`). Every model weighs an actor by capability × salience.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS, bdm_rounds
from pourparler.forecast.central import weighted_mean, weighted_median
from pourparler.forecast.ensemble import combine
from pourparler.forecast.exchange import run_exchange_batch
from pourparler.forecast.nash import nash_bargaining

if TYPE_CHECKING:
    from pourparler.scenario.arrays import ScenarioArrays

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]

BASE_MODELS = ("compromise", "median", "nash", "bdm", "exchange")
MODELS = (*BASE_MODELS, "ensemble")
ITERATIVE = ("bdm", "exchange")


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


def needed_models(models: Sequence[str]) -> list[str]:
    """The models to run for ``models``: the ensemble needs every base model, and
    comes last."""
    wanted = list(dict.fromkeys(models))
    if "ensemble" in wanted:
        base = [m for m in wanted if m != "ensemble"]
        wanted = [*dict.fromkeys([*base, *BASE_MODELS]), "ensemble"]
    return wanted


def run_models(
    inputs: ForecastInputs,
    models: Sequence[str] = BASE_MODELS,
    *,
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    workers: int = 1,
) -> dict[str, ModelRun]:
    """Run ``models`` on every draw of ``inputs``; ``"ensemble"`` combines the others that were
    run (it runs the base models it needs). Every model is deterministic: the exchange model
    breaks equal gains as the Decide model does."""
    unknown = [m for m in models if m not in MODELS]
    if unknown:
        raise ValueError(f"unknown model(s) {unknown}; choose from {list(MODELS)}")
    inputs.validate()
    wanted = needed_models(models)
    out: dict[str, ModelRun] = {}
    weight = inputs.capability[:, :, None] * inputs.salience  # (draws, actors, issues)
    position = np.swapaxes(inputs.position, 1, 2)  # (draws, issues, actors)
    w = np.swapaxes(weight, 1, 2)
    for name in wanted:
        if name == "compromise":
            out[name] = ModelRun(weighted_mean(position, w))
        elif name == "median":
            out[name] = ModelRun(weighted_median(position, w))
        elif name == "nash":
            dis = None if inputs.disagreement is None else inputs.disagreement[None, None, :]
            out[name] = ModelRun(nash_bargaining(position, w, inputs.status_quo[None], dis))
        elif name == "bdm":
            out[name] = _run_bdm(inputs, rounds=rounds, q=q, workers=workers)
        elif name == "exchange":
            out[name] = _run_exchange(inputs, rounds=rounds)
    if "ensemble" in wanted:
        out["ensemble"] = ModelRun(combine({k: v.forecast for k, v in out.items()}))
    return out


def _run_bdm(inputs: ForecastInputs, *, rounds: int, q: float, workers: int) -> ModelRun:
    d, n, m = inputs.position.shape
    positions = np.full((d, m, rounds + 1, n), np.nan)
    median = np.full((d, m, rounds + 1), np.nan)
    mean = np.full((d, m, rounds + 1), np.nan)
    for k in range(m):
        idx = np.flatnonzero(inputs.present[:, k])
        if idx.size == 0:
            continue
        res = bdm_rounds(
            inputs.position[:, idx, k],
            inputs.capability[:, idx],
            inputs.salience[:, idx, k],
            rounds=rounds,
            q=q,
            workers=workers,
        )
        positions[:, k][..., idx] = res.positions
        median[:, k] = res.median
        mean[:, k] = res.mean
    return ModelRun(median[..., -1].copy(), Rounds(positions, median, mean))


def _run_exchange(inputs: ForecastInputs, *, rounds: int) -> ModelRun:
    """Stokman's exchange model on every draw at once (ties broken as the Decide model does, so
    each draw gives what it gives alone). Its rounds are numbered from 0 (the input) and give the
    positions and outcome at the start of each round and the outcome after voting; the forecast
    is the voting outcome of the last round (the weighted mean with no rounds)."""
    x = np.where(inputs.present, inputs.position, np.nan)
    if rounds > 0:
        res = run_exchange_batch(x, inputs.salience, inputs.capability, rounds=rounds)
        positions = np.ascontiguousarray(res.positions.transpose(0, 3, 1, 2))  # (d, m, r, n)
        starts = np.ascontiguousarray(np.swapaxes(res.outcome_start, 1, 2))
        votes = np.ascontiguousarray(np.swapaxes(res.outcome_voting, 1, 2))
        final = votes[..., -1].copy()
    else:  # the weighted mean, computed as the compromise model computes it
        positions = np.swapaxes(x, 1, 2)[:, :, None, :].copy()
        w0 = np.swapaxes(inputs.capability[:, :, None] * inputs.salience, 1, 2)
        final = weighted_mean(np.swapaxes(x, 1, 2), w0)
        starts, votes = final[..., None].copy(), final[..., None].copy()
    w = np.swapaxes(inputs.capability[:, :, None] * inputs.salience, 1, 2)[:, :, None, :]
    w = np.where(np.isnan(positions), 0.0, np.broadcast_to(w, positions.shape))
    median = weighted_median(positions, w)
    return ModelRun(final, Rounds(positions, median, starts.copy(), starts, votes))
