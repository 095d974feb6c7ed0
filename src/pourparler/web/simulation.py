"""The web app's simulation of the talks month by month: what a request may choose (seed and
runs, bounded), the run itself (``pourparler simulate`` with one worker: the app's pool bounds
the threads) and what the page shows.

The months simulated are fixed at :data:`MONTHS`; a scenario the simulation cannot take (no
battlefield section) is :class:`~pourparler.errors.InputError`, shown as the app's error page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.web.analyses import MAX_SEED
from pourparler.web.analyses import _int as parse_int  # the app's query-number rule

if TYPE_CHECKING:
    from pourparler.report.simulation import SimulationResult
    from pourparler.scenario import Scenario

MONTHS = 36
DEFAULT_RUNS = 2_000
MAX_RUNS = 20_000  # about 2–5 s of one worker (docs/web.md)
SHOWN_MONTHS = (1, 3, 6, 12, 24, 36)
SERIES = (
    ("ceasefire_in_force", "ceasefire in force"),
    ("settlement_signed", "settlement signed"),
    ("fighting_stopped", "fighting stopped"),
    ("broken_down", "broken down"),
)


@dataclass(frozen=True)
class SimulationParams:
    """What a simulation request may choose: the seed and the number of runs."""

    seed: int = 0
    runs: int = DEFAULT_RUNS

    @classmethod
    def parse(cls, query: dict[str, str]) -> SimulationParams:
        """From a request's query string; bad values raise :class:`InputError` naming them."""
        return cls(
            seed=parse_int(query, "seed", 0, 0, MAX_SEED),
            runs=parse_int(query, "runs", DEFAULT_RUNS, 1, MAX_RUNS),
        )

    def query(self) -> str:
        return f"seed={self.seed}&runs={self.runs}"


def run_simulation(sc: Scenario, params: SimulationParams) -> SimulationResult:
    """The simulation of ``sc`` over :data:`MONTHS` months (as ``pourparler simulate``)."""
    from pourparler.dynamics.simulate import simulate
    from pourparler.errors import InputError

    try:
        return simulate(sc, months=MONTHS, runs=params.runs, seed=params.seed)
    except ValueError as exc:  # the model's own checks on the scenario's numbers
        raise InputError(f"{sc.id}: {exc}") from None


def _significant(x: float, digits: int) -> str:
    return f"{x:.{digits}g}"


def simulation_view(sc: Scenario, result: SimulationResult) -> dict[str, Any]:
    """What the page shows: the chosen months' shares with their bands and ripeness, the
    settled terms by issue name, the medians, the drivers and the simulation's notes; a share
    outside its band of batch shares is marked (as in the report)."""
    from pourparler.report.dynamics_section import (
        OUTSIDE_MARK,
        OUTSIDE_NOTE,
        few_batches_drivers_note,
        gap_digits,
        outside_band,
    )

    data = result.to_data()
    names = {i.id: i.name for i in sc.issues}
    months = [m for m in data["months"] if m["month"] in SHOWN_MONTHS]
    if data["months"] and data["months"][-1]["month"] not in SHOWN_MONTHS:
        months.append(data["months"][-1])
    rows = []
    for m in months:
        cells = []
        for key, _ in SERIES:
            low, high = m[key]["interval"] or (None, None)
            outside = outside_band(m[key]["p"], low, high)
            digits = 3  # significant, as the page's numbers
            if outside and low is not None and high is not None:
                digits = gap_digits(m[key]["p"], low, high, _significant, 3)
            cells.append(
                {
                    "series": key,
                    "p": m[key]["p"],
                    "low": low,
                    "high": high,
                    "outside": outside,
                    "digits": digits,
                }
            )
        rows.append({"month": m["month"], "cells": cells, "ripeness": m["ripeness"]})
    terms = [
        {
            **t,
            "name": names.get(t["issue"], t["issue"]),
            "shares": sorted(t["shares"].items(), key=lambda kv: -kv[1]),
        }
        for t in data["terms"]
    ]
    actors = {a.id: a.name for a in sc.actors}
    return {
        "series": SERIES,
        "rows": rows,
        "terms": terms,
        "summary": data["summary"],
        "drivers": data["drivers"],
        "drivers_note": few_batches_drivers_note(
            data["parameters"]["runs"],
            data["parameters"]["batch_runs"],
            any(d["correlation"] is not None for d in data["drivers"]["inputs"]),
        ),
        "notes": data["notes"],
        "sides": [actors.get(s, s) for s in data["sides"]],
        "parameters": data["parameters"],
        "seed": data["seed"],
        "settlement_first": sc.talks.sequencing == "settlement-first",
        "any_outside": any(c["outside"] for row in rows for c in row["cells"]),
        "outside_mark": OUTSIDE_MARK,
        "outside_note": OUTSIDE_NOTE,
    }
