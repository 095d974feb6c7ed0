"""The simulation of the talks shaped for output: per month the chances of a ceasefire, a
settlement and a breakdown with their 80% intervals over the uncertain inputs, ripeness, the
terms settled, what moves the chance of a settlement most, and a flat summary;
``to_data()`` is the object ``pourparler simulate --json`` prints."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

METHOD = "simulate"

Band = tuple[float, float] | None


@dataclass(frozen=True)
class Share:
    """A share of the runs with its 80% interval over the batches' drawn inputs (``low`` and
    ``high`` None: too few full batches for one)."""

    value: float
    low: float | None
    high: float | None

    @property
    def interval(self) -> tuple[float, float] | None:
        if self.low is None or self.high is None:
            return None
        return self.low, self.high

    def to_data(self) -> dict[str, Any]:
        interval = self.interval
        return json_ready(
            {"p": self.value, "interval": None if interval is None else list(interval)}
        )


@dataclass(frozen=True)
class MonthRow:
    """Month ``month``: shares of the runs with a ceasefire in force, a settlement in force,
    a settlement signed by then (``signed``), fighting stopped by an agreement by then
    (``silenced``), an agreement broken down by then, ended by each side's defeat; the mean
    front and the territorial issues' status quo it implies; ripeness over the runs whose war
    is on (mean and 80% band; None when no war is on)."""

    month: int
    ceasefire: Share
    settlement: Share
    signed: Share
    silenced: Share
    broken: Share
    defeat_a: float
    defeat_b: float
    front: float
    territory: Mapping[str, float]
    ripeness: float | None
    ripeness_band: Band

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "month": self.month,
                "ceasefire_in_force": self.ceasefire.to_data(),
                "settlement_in_force": self.settlement.to_data(),
                "settlement_signed": self.signed.to_data(),
                "fighting_stopped": self.silenced.to_data(),
                "broken_down": self.broken.to_data(),
                "defeat_a": self.defeat_a,
                "defeat_b": self.defeat_b,
                "front": self.front,
                "territory": dict(self.territory),
                "ripeness": {
                    "mean": self.ripeness,
                    "band": None if self.ripeness_band is None else list(self.ripeness_band),
                },
            }
        )


@dataclass(frozen=True)
class IssueTerms:
    """The settled terms of one issue: each labelled option's share of the runs that signed the
    issue's track (its last signed package per run), on ``runs`` such runs."""

    issue: str
    track: str
    runs: int
    shares: Mapping[str, float]

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {"issue": self.issue, "track": self.track, "runs": self.runs, "shares": self.shares}
        )


@dataclass(frozen=True)
class Driver:
    """One drawn input and its Spearman rank correlation, across batches, with the batch's
    share of runs that signed a settlement by the screen's month (or, when that share never
    varies, whose fighting an agreement stopped by then); None: the input or the share did not
    vary. ``low``/``high``: the range the input was drawn over."""

    input: str
    correlation: float | None
    low: float
    high: float

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "input": self.input,
                "correlation": self.correlation,
                "range": [self.low, self.high],
            }
        )


@dataclass(frozen=True)
class RationalSplit:
    """Slantchev's (2003, Prop. 1) complete-information split at the front the scenario starts
    from, on the scale of the whole at stake (1): the share side a keeps when it makes the offer
    (``x``) and the share side b keeps when it does (``y``), beside what fighting to the finish
    is worth to each (``w_a``, ``w_b``). A benchmark to set beside the forecasts: what fully
    informed sides with the scenario's ``p``, costs and discount would agree at once."""

    front: int
    steps: int
    p: float
    x: float
    y: float
    w_a: float
    w_b: float

    def to_data(self) -> dict[str, Any]:
        return json_ready(
            {
                "front": self.front,
                "steps": self.steps,
                "p": self.p,
                "a_keeps_offering": self.x,
                "b_keeps_offering": self.y,
                "fight_value_a": self.w_a,
                "fight_value_b": self.w_b,
            }
        )


@dataclass(frozen=True)
class SimulationResult:
    """A simulation of the talks with its provenance (the seed, months, runs, batches, backend
    and the spread of the drawn inputs). ``summary`` holds flat figures such as
    ``p_settlement_by_12`` and ``median_months_to_settlement`` (None where they do not exist)."""

    provenance: Provenance
    sides: tuple[str, str]
    months: tuple[MonthRow, ...]
    terms: tuple[IssueTerms, ...]
    drivers: tuple[Driver, ...]
    driver_month: int
    driver_target: str
    summary: Mapping[str, float | None]
    zone: Mapping[str, Any]
    notes: tuple[str, ...] = ()
    split: RationalSplit | None = None

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler simulate --json`` prints, as plain JSON-ready data."""
        return {
            **self.provenance.to_data(),
            "method": self.provenance.method,
            "sides": list(self.sides),
            "summary": json_ready(dict(self.summary)),
            "months": [m.to_data() for m in self.months],
            "terms": [t.to_data() for t in self.terms],
            "drivers": {
                "target": f"{self.driver_target}_by_{self.driver_month}",
                "inputs": [d.to_data() for d in self.drivers],
            },
            "zone": json_ready(dict(self.zone)),
            "rational_split": None if self.split is None else self.split.to_data(),
            "notes": list(self.notes),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per month (needs pandas): each share with its interval, the defeats, the
        mean front and ripeness."""
        import pandas as pd

        rows = []
        for m in self.months:
            row: dict[str, Any] = {"scenario": self.provenance.scenario, "month": m.month}
            for name, share in (
                ("ceasefire", m.ceasefire),
                ("settlement", m.settlement),
                ("signed", m.signed),
                ("stopped", m.silenced),
                ("broken", m.broken),
            ):
                row[name] = share.value
                row[f"{name}_low"] = share.low
                row[f"{name}_high"] = share.high
            low, high = m.ripeness_band or (None, None)
            row.update(
                defeat_a=m.defeat_a,
                defeat_b=m.defeat_b,
                front=m.front,
                ripeness=m.ripeness,
                ripeness_low=low,
                ripeness_high=high,
            )
            rows.append(row)
        return pd.DataFrame(rows, columns=FRAME_COLUMNS)


FRAME_COLUMNS = [
    "scenario",
    "month",
    *[
        f"{name}{suffix}"
        for name in ("ceasefire", "settlement", "signed", "stopped", "broken")
        for suffix in ("", "_low", "_high")
    ],
    "defeat_a",
    "defeat_b",
    "front",
    "ripeness",
    "ripeness_low",
    "ripeness_high",
]
