"""Forecast a whole scenario: every model on its nominal numbers, then Monte Carlo intervals.

:func:`forecast_scenario` is what ``pourparler forecast`` prints; :func:`scenario_inputs` turns
a scenario into model inputs. The Nash model's disagreement point is each actor's no-deal
outlook (its perceived utility, on the 0–1 utility scale of the issue) when the scenario states
an outlook for at least one actor, and the status quo otherwise.

What the result says beyond the numbers:

* an interval covers input uncertainty only (the positions, saliences and capabilities as the
  scenario states them, with its standard deviations), not the models' disagreement: that is
  ``models_range``, the lowest and highest nominal forecast of the base models per issue;
* a nominal forecast may lie outside its own model's interval (``outside``): the nominal run is
  one point of a nonlinear model, the interval the central 80% of the draws around it. The
  exchange model's outcome jumps where a small change of the inputs changes which exchanges are
  realised (a knife edge), and an outcome near the end of the scale can only move one way;
* with no uncertainty stated (every standard deviation 0) every draw would repeat the nominal
  run, so none is made (``draws`` 0, ``no_draws_reason``);
* no forecast leaves the issue's 0–100 scale: one that would is clipped and flagged (``clipped``).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.errors import InputError
from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.budget import (
    DRAWS_BUDGET,
    MIN_DRAWS,
    check_nominal,
    draws_within_budget,
)
from pourparler.forecast.ensemble import ENSEMBLE_WEIGHTS
from pourparler.forecast.inputs import BoolArray, FloatArray
from pourparler.forecast.models import (
    BASE_MODELS,
    MODELS,
    ForecastInputs,
    ModelRun,
    check_scale,
    run_models,
)
from pourparler.forecast.montecarlo import (
    CHUNK_SIZE,
    INTERVAL,
    SCALE,
    Distribution,
    InputSD,
    check_draws,
    is_uncertain,
    monte_carlo,
)
from pourparler.forecast.progress import ProgressSink, as_sink
from pourparler.forecast.registry import REGISTRY, base_names, model_names

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

__all__ = [
    "BASE_MODELS",
    "INTERVAL_COVERS",
    "MODELS",
    "NO_UNCERTAINTY",
    "ScenarioForecast",
    "disagreement_kind",
    "forecast_scenario",
    "resolve_models",
    "scenario_inputs",
]

NO_UNCERTAINTY = "inputs state no uncertainty"
INTERVAL_COVERS = (
    "input uncertainty only: positions, saliences and capabilities drawn with the standard "
    "deviations the scenario states; not the models' disagreement (see models_range)"
)
TOLERANCE = 1e-9  # a nominal forecast this close to its interval counts as inside


def disagreement_kind(sc: Scenario) -> str:
    """``"no_deal"`` when some actor states a no-deal outlook, else ``"status_quo"``."""
    return "no_deal" if any("no_deal" in a.model_fields_set for a in sc.actors) else "status_quo"


def scenario_inputs(sc: Scenario) -> ForecastInputs:
    """The scenario's nominal numbers as a one-draw batch (with the Nash disagreement point)."""
    dis = None
    if disagreement_kind(sc) == "no_deal":
        dis = np.array([a.no_deal.perceived_utility() for a in sc.actors], dtype=float)
    return ForecastInputs.nominal(sc.arrays(), dis)


def resolve_models(name: str, *, offer_all: bool = False) -> list[str]:
    """``all`` → every registered model (ensemble last); otherwise the one named model. An
    unknown name raises ValueError listing the models, with ``all`` first when ``offer_all``
    (where the caller takes it: ``forecast`` does; ``sensitivity`` runs one model, and its
    message lists only those)."""
    names = model_names()
    if name == "all":
        return list(names)
    if name not in names:
        choices = ("all", *names) if offer_all else names
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(choices)}")
    return [name]


@dataclass(frozen=True)
class ScenarioForecast:
    """Per model: the run on the nominal numbers (forecasts within the scale) and, when draws
    were made, the distribution; per model and issue, whether the nominal forecast had to be
    clipped to the scale (``clipped``) and whether it lies outside the model's interval
    (``outside``); per issue, the lowest and highest nominal forecast of the base models run
    (``models_range``, ``(n_issues, 2)``, None with fewer than two)."""

    models: list[str]
    nominal: dict[str, ModelRun]
    distributions: dict[str, Distribution] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)
    clipped: dict[str, BoolArray] = field(default_factory=dict)
    outside: dict[str, BoolArray] = field(default_factory=dict)
    models_range: FloatArray | None = None

    @property
    def draws(self) -> int:
        """The draws made (0 when none were asked for or none were needed)."""
        return int(self.parameters.get("draws", 0))


ROUNDING = 1e-9  # excess over the scale's ends that is floating-point rounding, not a model error


def guard_scale(forecast: FloatArray) -> tuple[FloatArray, BoolArray]:
    """``forecast`` clipped to the 0–100 scale, and where it lay outside it by more than
    rounding (``ROUNDING`` of the scale's span; NaN kept). A weighted average of positions on
    the scale can land a few ulps past an end (100.00000000000001); that is clipped silently."""
    tol = ROUNDING * (SCALE[1] - SCALE[0])
    with np.errstate(invalid="ignore"):
        out = (forecast < SCALE[0] - tol) | (forecast > SCALE[1] + tol)
    return np.clip(forecast, *SCALE), out


def forecast_scenario(
    sc: Scenario,
    models: Sequence[str] = ("all",),
    *,
    rounds: int = DEFAULT_ROUNDS,
    draws: int = 0,
    seed: int | None = None,
    q: float = DEFAULT_Q,
    workers: int | None = None,
    progress: ProgressSink | Callable[[int], None] | None = None,
    budget: float | None = DRAWS_BUDGET,
) -> ScenarioForecast:
    """Run ``models`` (names, or ``"all"``) on the scenario; with ``draws > 0`` add intervals,
    unless the scenario states no uncertainty. Inputs too big to run raise InputError before
    any work. ``progress`` is told of the nominal run and the draws (with an estimate of their
    time from the nominal run's). ``budget`` (reference seconds, see
    :mod:`~pourparler.forecast.budget`) gives an expensive model fewer draws, or none, when all
    of them would take too long; None draws every model every time. ``workers`` threads run
    the draws (None: the machine's cores, at most four); the numbers do not depend on it."""
    if 0 < draws < MIN_DRAWS:
        raise InputError(
            f"draws: an 80% interval needs at least {MIN_DRAWS} draws (0 for none), got {draws}"
        )
    names: list[str] = []
    for m in models:
        names += [n for n in resolve_models(m, offer_all=True) if n not in names]
    sink = as_sink(progress)
    arrays = sc.arrays()
    base = scenario_inputs(sc)
    n_actors, n_issues = arrays.position.shape
    sd = InputSD.from_arrays(arrays)
    reason = None
    if draws > 0 and not is_uncertain(sd, arrays.present):
        reason = NO_UNCERTAINTY
    made = draws if reason is None else 0
    if made > 0:
        check_draws(made, n_actors, n_issues, names, rounds)
    else:
        check_scale(n_actors, n_issues, names, rounds=rounds)
    if budget is not None:
        check_nominal(names, n_actors, n_issues, rounds)
    sink.start("nominal run", 1, None)
    t0 = time.perf_counter()
    nominal = run_models(base, names, rounds=rounds, q=q)
    seconds = time.perf_counter() - t0
    sink.advance(1)
    sink.finish()
    clipped: dict[str, BoolArray] = {}
    for name, run in nominal.items():
        fc, clipped[name] = guard_scale(run.forecast[0])
        nominal[name] = ModelRun(fc[None], run.rounds)
    dists: dict[str, Distribution] = {}
    per_model: dict[str, int] = {}
    if made > 0:
        per_model = draws_within_budget(names, made, n_actors, n_issues, rounds, budget)
        # the draws run in batches, so a draw costs at most what the nominal run cost
        sink.start("draws", made, seconds * made)
        dists = monte_carlo(
            base,
            sd,
            names,
            draws=made,
            seed=seed,
            rounds=rounds,
            q=q,
            workers=workers,
            progress=sink.advance,
            model_draws=per_model,
            held={m: nominal[m].forecast[0] for m in per_model if per_model[m] == 0},
        )
        sink.finish()
    outside: dict[str, BoolArray] = {}
    for name, dist in dists.items():
        if name not in nominal:
            continue
        x = nominal[name].forecast[0]
        with np.errstate(invalid="ignore"):
            outside[name] = (x < dist.low - TOLERANCE) | (x > dist.high + TOLERANCE)
    members = [m for m in base_names() if m in nominal]
    span = None
    if len(members) >= 2:
        stack = np.stack([nominal[m].forecast[0] for m in members])
        span = np.stack([np.fmin.reduce(stack, axis=0), np.fmax.reduce(stack, axis=0)], axis=1)
    combined = [m for m in names if REGISTRY[m].requires]
    used = [m for m in BASE_MODELS if m in nominal] if combined else []
    params: dict[str, Any] = {
        "models": names,
        "rounds": rounds,
        "draws": made,
        "draws_requested": draws,
        "no_draws_reason": reason,
        "q": q,
        "interval": list(INTERVAL) if made > 0 else None,
        "draws_per_model": per_model if any(d < made for d in per_model.values()) else None,
        "draws_budget": budget if made > 0 else None,
        "interval_covers": INTERVAL_COVERS if made > 0 else None,
        "chunk_size": CHUNK_SIZE,
        "nash_disagreement": disagreement_kind(sc),
    }
    if used:
        params["ensemble_weights"] = {m: ENSEMBLE_WEIGHTS[m] for m in used if m in ENSEMBLE_WEIGHTS}
    return ScenarioForecast(names, nominal, dists, params, clipped, outside, span)
