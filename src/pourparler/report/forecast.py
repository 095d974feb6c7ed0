"""The forecast of a scenario shaped for output: one row per issue with, per model, the
forecast, its interval and (for the iterative models) the rounds; ``to_data()`` is the object
``pourparler forecast --json`` prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

    from pourparler.forecast.models import Rounds
    from pourparler.forecast.scenario_forecast import ScenarioForecast
    from pourparler.scenario import Scenario

METHOD = "forecast"


@dataclass(frozen=True)
class RoundRow:
    """One round of an iterative model on one issue: median, mean and each actor's position;
    for the exchange model also the outcome at its start and after its exchanges."""

    round: int
    median: float
    mean: float
    positions: Mapping[str, float]
    outcome_start: float | None = None
    outcome_voting: float | None = None

    def to_data(self) -> dict[str, Any]:
        row: dict[str, Any] = {
            "round": self.round,
            "median": self.median,
            "mean": self.mean,
            "positions": dict(self.positions),
        }
        if self.outcome_start is not None and self.outcome_voting is not None:
            row["outcome_start"] = self.outcome_start
            row["outcome_voting"] = self.outcome_voting
        return json_ready(row)


@dataclass(frozen=True)
class ModelForecast:
    """One model's forecast of one issue, its 80% interval and the median of its draws (None
    without draws), whether it was clipped to the scale, and the nearest labelled option."""

    model: str
    forecast: float
    interval: tuple[float, float] | None
    draw_median: float | None
    outside_interval: bool | None
    clipped: bool
    option: str | None
    rounds: tuple[RoundRow, ...] | None = None

    def to_data(self) -> dict[str, Any]:
        entry: dict[str, Any] = {
            "forecast": self.forecast,
            "interval": None if self.interval is None else list(self.interval),
            "draw_median": self.draw_median,
            "outside_interval": self.outside_interval,
            "clipped": self.clipped,
            "option": self.option,
        }
        if self.rounds is not None:
            entry["rounds"] = [r.to_data() for r in self.rounds]
        return json_ready(entry)


@dataclass(frozen=True)
class IssueForecast:
    """One issue: its status quo and each model's forecast; ``models_range`` is the lowest and
    highest forecast of the base models (None when fewer than two ran);
    ``draws_without_forecast`` the draws of the inputs in which no actor had any weight on the
    issue (saliences or capabilities drawn to 0), which no model forecasts, so that the
    intervals are over the other draws."""

    id: str
    name: str
    track: str | None
    status_quo: float
    status_quo_option: str
    models_range: tuple[float, float] | None
    models: tuple[ModelForecast, ...]
    draws_without_forecast: int = 0  # draws in which no actor had any weight on the issue

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "id": self.id,
                "name": self.name,
                "track": self.track,
                "status_quo": self.status_quo,
                "status_quo_option": self.status_quo_option,
                "models_range": None if self.models_range is None else list(self.models_range),
                "draws_without_forecast": self.draws_without_forecast,
                "models": {m.model: m.to_data() for m in self.models},
            }
        )


@dataclass(frozen=True)
class ForecastReport:
    """A scenario's forecast with its provenance (parameters as ``forecast_scenario`` records
    them, and the seed of the draws)."""

    provenance: Provenance
    issues: tuple[IssueForecast, ...]
    models: tuple[str, ...]

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler forecast --json`` prints, as plain JSON-ready data."""
        return {**self.provenance.to_data(), "issues": [i.to_data() for i in self.issues]}

    def to_frame(self) -> pd.DataFrame:
        """One row per issue and model (needs pandas): the issue, the model's forecast, its
        interval (``low``, ``high``), draw median, flags and nearest option, the models'
        range on the issue (``models_low``, ``models_high``), and the seed of the draws (the
        same on every row, as the scenario is)."""
        import pandas as pd

        rows = []
        for issue in self.issues:
            lo_models, hi_models = issue.models_range or (None, None)
            for m in issue.models:
                low, high = m.interval or (None, None)
                rows.append(
                    {
                        "scenario": self.provenance.scenario,
                        "issue": issue.id,
                        "name": issue.name,
                        "track": issue.track,
                        "status_quo": issue.status_quo,
                        "model": m.model,
                        "forecast": m.forecast,
                        "low": low,
                        "high": high,
                        "draw_median": m.draw_median,
                        "outside_interval": m.outside_interval,
                        "clipped": m.clipped,
                        "option": m.option,
                        "models_low": lo_models,
                        "models_high": hi_models,
                        "seed": self.provenance.seed,
                    }
                )
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


FRAME_COLUMNS = [
    "scenario",
    "issue",
    "name",
    "track",
    "status_quo",
    "model",
    "forecast",
    "low",
    "high",
    "draw_median",
    "outside_interval",
    "clipped",
    "option",
    "models_low",
    "models_high",
    "seed",
]


def no_draws(reason: str) -> str:
    """Why a forecast has no intervals although draws were asked for (``no_draws_reason``)."""
    return (
        f"No intervals: the {reason} (every standard deviation is 0), so every draw would "
        "repeat the forecast; none was made."
    )


def cut_draws(per_model: Mapping[str, int], asked: int) -> str:
    """The models whose draws the time budget cut, and how far: "exchange 989 of 1000"."""
    return ", ".join(
        f"{m} {'none' if d == 0 else f'{d} of {asked}'}" for m, d in per_model.items() if d < asked
    )


def forecast_report(sc: Scenario, result: ScenarioForecast, seed: int | None) -> ForecastReport:
    """The report of ``result``, the forecast of ``sc`` drawn with ``seed``."""
    return ForecastReport(
        provenance=Provenance.from_parameters(sc, result.parameters, seed=seed, method=METHOD),
        issues=tuple(issue_forecasts(sc, result)),
        models=tuple(result.models),
    )


def forecast_rows(sc: Scenario, result: ScenarioForecast) -> list[dict[str, Any]]:
    """One JSON-ready row per issue: status quo and, per model, forecast, interval, rounds."""
    return [row.to_data() for row in issue_forecasts(sc, result)]


def issue_forecasts(sc: Scenario, result: ScenarioForecast) -> list[IssueForecast]:
    """One typed row per issue, in the scenario's order."""
    rows: list[IssueForecast] = []
    actor_ids = [a.id for a in sc.actors]
    for k, issue in enumerate(sc.issues):
        span = None
        if result.models_range is not None:
            lo, hi = (float(v) for v in result.models_range[k])
            span = (lo, hi)
        per_model: list[ModelForecast] = []
        for name in result.models:
            run = result.nominal[name]
            x = float(run.forecast[0, k])
            interval = draw_median = outside = None
            dist = result.distributions.get(name)
            if dist is not None:
                interval = (float(dist.low[k]), float(dist.high[k]))
                draw_median = float(dist.median[k])
                outside = bool(result.outside[name][k])
            per_model.append(
                ModelForecast(
                    model=name,
                    forecast=x,
                    interval=interval,
                    draw_median=draw_median,
                    outside_interval=outside,
                    clipped=bool(result.clipped[name][k]) if name in result.clipped else False,
                    option=issue.nearest_option(x).label if x == x else None,
                    rounds=None if run.rounds is None else _round_rows(run.rounds, k, actor_ids),
                )
            )
        missing = [int(d.without_forecast[k]) for d in result.distributions.values()]
        rows.append(
            IssueForecast(
                id=issue.id,
                name=issue.name,
                track=issue.track,
                status_quo=issue.status_quo,
                status_quo_option=issue.nearest_option(issue.status_quo).label,
                models_range=span,
                models=tuple(per_model),
                draws_without_forecast=max(missing, default=0),
            )
        )
    return rows


def _round_rows(rounds: Rounds, k: int, actor_ids: list[str]) -> tuple[RoundRow, ...]:
    out = []
    for t in range(rounds.median.shape[-1]):
        pos = rounds.positions[0, k, t]
        if all(v != v for v in pos):  # a round the model did not run
            continue
        both = rounds.outcome_start is not None and rounds.outcome_voting is not None
        out.append(
            RoundRow(
                round=t,
                median=float(rounds.median[0, k, t]),
                mean=float(rounds.mean[0, k, t]),
                positions=MappingProxyType(
                    {a: float(pos[i]) for i, a in enumerate(actor_ids) if pos[i] == pos[i]}
                ),
                outcome_start=float(rounds.outcome_start[0, k, t]) if both else None,  # type: ignore[index]
                outcome_voting=float(rounds.outcome_voting[0, k, t]) if both else None,  # type: ignore[index]
            )
        )
    return tuple(out)
