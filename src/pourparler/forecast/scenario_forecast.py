"""Forecast a whole scenario: every model on its nominal numbers, then Monte Carlo intervals.

:func:`forecast_scenario` is what ``pourparler forecast`` prints; :func:`scenario_inputs` turns
a scenario into model inputs. The Nash model's disagreement point is each actor's no-deal
outlook (its perceived utility, on the 0–1 utility scale of the issue) when the scenario states
an outlook for at least one actor, and the status quo otherwise.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.ensemble import ENSEMBLE_WEIGHTS
from pourparler.forecast.models import (
    BASE_MODELS,
    MODELS,
    ForecastInputs,
    ModelRun,
    run_models,
)
from pourparler.forecast.montecarlo import (
    CHUNK_SIZE,
    INTERVAL,
    Distribution,
    InputSD,
    monte_carlo,
)

if TYPE_CHECKING:
    from pourparler.scenario import Scenario


def disagreement_kind(sc: Scenario) -> str:
    """``"no_deal"`` when some actor states a no-deal outlook, else ``"status_quo"``."""
    return "no_deal" if any("no_deal" in a.model_fields_set for a in sc.actors) else "status_quo"


def scenario_inputs(sc: Scenario) -> ForecastInputs:
    """The scenario's nominal numbers as a one-draw batch (with the Nash disagreement point)."""
    dis = None
    if disagreement_kind(sc) == "no_deal":
        dis = np.array([a.no_deal.perceived_utility() for a in sc.actors], dtype=float)
    return ForecastInputs.nominal(sc.arrays(), dis)


def resolve_models(name: str) -> list[str]:
    """``all`` → every model (ensemble last); otherwise the one named model."""
    if name == "all":
        return list(MODELS)
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; choose from all, {', '.join(MODELS)}")
    return [name]


@dataclass(frozen=True)
class ScenarioForecast:
    """Per model: the run on the nominal numbers and, when draws were made, the distribution."""

    models: list[str]
    nominal: dict[str, ModelRun]
    distributions: dict[str, Distribution] = field(default_factory=dict)
    parameters: dict[str, Any] = field(default_factory=dict)


def forecast_scenario(
    sc: Scenario,
    models: Sequence[str] = ("all",),
    *,
    rounds: int = DEFAULT_ROUNDS,
    draws: int = 0,
    seed: int | None = None,
    q: float = DEFAULT_Q,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
) -> ScenarioForecast:
    """Run ``models`` (names, or ``"all"``) on the scenario; with ``draws > 0`` add intervals."""
    names: list[str] = []
    for m in models:
        names += [n for n in resolve_models(m) if n not in names]
    base = scenario_inputs(sc)
    nominal = run_models(base, names, rounds=rounds, q=q)
    dists: dict[str, Distribution] = {}
    if draws > 0:
        sd = InputSD.from_arrays(sc.arrays())
        dists = monte_carlo(
            base,
            sd,
            names,
            draws=draws,
            seed=seed,
            rounds=rounds,
            q=q,
            workers=workers,
            progress=progress,
        )
    used = [m for m in BASE_MODELS if m in nominal] if "ensemble" in names else []
    params: dict[str, Any] = {
        "models": names,
        "rounds": rounds,
        "draws": draws,
        "q": q,
        "interval": list(INTERVAL) if draws > 0 else None,
        "chunk_size": CHUNK_SIZE,
        "nash_disagreement": disagreement_kind(sc),
    }
    if used:
        params["ensemble_weights"] = {m: ENSEMBLE_WEIGHTS[m] for m in used}
    return ScenarioForecast(names, nominal, dists, params)
