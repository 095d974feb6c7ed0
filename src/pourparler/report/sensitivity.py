"""The sensitivity of a scenario's forecast shaped for output: per issue, the inputs whose
change by ±δ moves the forecast most; ``to_data()`` is the object ``pourparler sensitivity
--json`` prints."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

    from pourparler.forecast.sensitivity import SensitivityResult
    from pourparler.scenario import Scenario

SCHEMA_VERSION = 3  # 2: per effect, clamped and possible flags, the nominal forecast, direction;
# 3: no_forecast (a change that leaves no actor any weight on the issue; effect null)
METHOD = "sensitivity"


@dataclass(frozen=True)
class EffectRow:
    """One actor's input on one issue at ``low`` and ``high`` and the forecast at each; a side
    that cannot move is not ``possible`` and its forecast is NaN (null in the data). A change
    that leaves no actor any weight on the issue leaves no forecast either (``no_forecast``;
    its forecast and the effect null): it is ranked first, as the largest effect."""

    actor: str
    input: str
    value: float
    low: float
    high: float
    forecast_low: float
    forecast_high: float
    effect: float
    clamped_low: bool
    clamped_high: bool
    low_possible: bool
    high_possible: bool
    same_direction: bool
    screened: tuple[str, ...]
    no_forecast: bool = False  # a change leaves no actor any weight on the issue: no forecast

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "actor": self.actor,
                "input": self.input,
                "value": self.value,
                "low": self.low,
                "high": self.high,
                "forecast_low": self.forecast_low,
                "forecast_high": self.forecast_high,
                "effect": self.effect,
                "clamped_low": self.clamped_low,
                "clamped_high": self.clamped_high,
                "low_possible": self.low_possible,
                "high_possible": self.high_possible,
                "same_direction": self.same_direction,
                "screened": list(self.screened),
                "no_forecast": self.no_forecast,
            }
        )


@dataclass(frozen=True)
class IssueSensitivityRow:
    """One issue: its nominal forecast, δ for positions, and its largest effects first."""

    id: str
    name: str
    forecast: float
    position_delta: float
    effects: tuple[EffectRow, ...]

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "id": self.id,
                "name": self.name,
                "forecast": self.forecast,
                "position_delta": self.position_delta,
                "effects": [e.to_data() for e in self.effects],
            }
        )


@dataclass(frozen=True)
class SensitivityReport:
    """The sensitivity of one model's forecast of a scenario, with its provenance (no seed:
    nothing is drawn at random)."""

    provenance: Provenance
    issues: tuple[IssueSensitivityRow, ...]
    schema_version: int = SCHEMA_VERSION

    @property
    def screening(self) -> dict[str, Any] | None:
        """How the expensive models were screened (None when every change ran on every model)."""
        value = self.provenance.to_data()["parameters"].get("screening")
        return value if isinstance(value, dict) else None

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler sensitivity --json`` prints, as plain JSON-ready data."""
        return {
            "schema_version": self.schema_version,
            **self.provenance.to_data(),
            "issues": [i.to_data() for i in self.issues],
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per issue and effect (needs pandas), largest effect first within an issue;
        ``issue_forecast`` is the nominal forecast, ``screened`` the held models joined by
        ``;``."""
        import pandas as pd

        rows = [
            {
                "scenario": self.provenance.scenario,
                "issue": issue.id,
                "name": issue.name,
                "issue_forecast": issue.forecast,
                "position_delta": issue.position_delta,
                "actor": e.actor,
                "input": e.input,
                "value": e.value,
                "low": e.low,
                "high": e.high,
                "forecast_low": e.forecast_low,
                "forecast_high": e.forecast_high,
                "effect": e.effect,
                "clamped_low": e.clamped_low,
                "clamped_high": e.clamped_high,
                "low_possible": e.low_possible,
                "high_possible": e.high_possible,
                "same_direction": e.same_direction,
                "screened": ";".join(e.screened),
                "no_forecast": e.no_forecast,
            }
            for issue in self.issues
            for e in issue.effects
        ]
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


FRAME_COLUMNS = [
    "scenario",
    "issue",
    "name",
    "issue_forecast",
    "position_delta",
    "actor",
    "input",
    "value",
    "low",
    "high",
    "forecast_low",
    "forecast_high",
    "effect",
    "clamped_low",
    "clamped_high",
    "low_possible",
    "high_possible",
    "same_direction",
    "screened",
    "no_forecast",
]


def sensitivity_parameters(model: str, rounds: int, result: SensitivityResult) -> dict[str, Any]:
    """The parameters a sensitivity result records: the model, rounds, the δ used, and how the
    expensive models were screened."""
    from pourparler.forecast import sensitivity as sens

    return {
        "model": model,
        "rounds": rounds,
        "salience_delta": sens.SALIENCE_DELTA,
        "capability_fraction": sens.CAPABILITY_FRACTION,
        "position_delta": "10% of the span of each issue's labelled options",
        "one_at_a_time": "each actor's input on one issue (capability: on every issue)",
        "screening": None
        if not result.screened
        else {
            "budget_reference_seconds": result.budget,
            "ranked_by": list(sens.SCREENING_MODELS),
            "changes_run": {c: {"run": k, "of": t} for c, (k, t) in result.kept.items()},
        },
    }


def sensitivity_report(
    sc: Scenario, result: SensitivityResult, *, model: str, rounds: int, top: int = 5
) -> SensitivityReport:
    """The report of ``result``, the sensitivity of ``model``'s forecast of ``sc`` run with
    ``rounds``, keeping the ``top`` largest effects per issue (0: all)."""
    params = sensitivity_parameters(model, rounds, result)
    return SensitivityReport(
        provenance=Provenance.from_parameters(sc, params, seed=None, method=METHOD),
        issues=tuple(issue_sensitivities(sc, result, top)),
    )


def sensitivity_rows(sc: Scenario, result: SensitivityResult, top: int) -> list[dict[str, Any]]:
    """One JSON-ready row per issue, the ``top`` largest effects (0: all)."""
    return [row.to_data() for row in issue_sensitivities(sc, result, top)]


def issue_sensitivities(
    sc: Scenario, result: SensitivityResult, top: int
) -> list[IssueSensitivityRow]:
    """One typed row per issue, in the scenario's order, the ``top`` largest effects (0: all)."""
    issues: list[IssueSensitivityRow] = []
    for issue, res in zip(sc.issues, result, strict=True):
        effects = res.effects if top == 0 else res.effects[:top]
        issues.append(
            IssueSensitivityRow(
                id=issue.id,
                name=issue.name,
                forecast=res.forecast,
                position_delta=res.position_delta,
                effects=tuple(
                    EffectRow(
                        actor=e.actor,
                        input=e.input,
                        value=e.value,
                        low=e.low_value,
                        high=e.high_value,
                        forecast_low=e.forecast_low,
                        forecast_high=e.forecast_high,
                        effect=e.size,
                        clamped_low=e.clamped_low,
                        clamped_high=e.clamped_high,
                        low_possible=e.low_possible,
                        high_possible=e.high_possible,
                        same_direction=e.same_direction,
                        screened=tuple(e.screened),
                        no_forecast=e.no_forecast,
                    )
                    for e in effects
                ),
            )
        )
    return issues
