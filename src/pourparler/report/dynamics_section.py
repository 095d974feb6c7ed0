"""The report's section on the talks over time: the scenario's battlefield with its sources, the
month-by-month simulation (:func:`pourparler.dynamics.simulate.simulate`; Slantchev 2003,
Smith & Stam 2004, Zartman 2000) and a box on how long agreements last (the shipped
proportional-hazards fit of :mod:`pourparler.dynamics.durability`, Cox 1972, and Kaplan–Meier
survival of the UCDP Peace Agreements, Kaplan & Meier 1958).

Every number shown comes from :meth:`SimulationResult.to_data`, so the section and
``pourparler simulate --json`` agree for the same seed, months and runs.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.errors import InputError
from pourparler.report import charts

if TYPE_CHECKING:
    from pourparler.forecast.progress import ProgressSink
    from pourparler.report.simulation import SimulationResult
    from pourparler.scenario import Scenario

MONTHS = 36  # months simulated, as `pourparler simulate`
RUNS = 5_000  # runs in a report: ~0.5–1 s on the built-ins (docs/report.md)
MAX_RUNS = 100_000  # a report is one file: more runs would only make it slower
SERIES = (
    ("ceasefire_in_force", "ceasefire in force"),
    ("fighting_stopped", "fighting stopped by then"),
    ("settlement_signed", "settlement signed by then"),
    ("broken_down", "an agreement broken down by then"),
)
OUTSIDE_MARK = "‡"  # a share of the runs outside the band of the batch shares
OUTSIDE_NOTE = (
    "the runs' share lies outside the 80% band of the batch shares: few batches carry the event"
)
SURVIVAL_MONTHS = (12, 60)
INPUT_NAMES = {
    "p": "p, side a's chance of winning a month's battle",
    "cost_a": "side a's monthly cost of fighting",
    "cost_b": "side b's monthly cost of fighting",
    "optimism_a": "side a's optimism",
    "optimism_b": "side b's optimism",
    "position_shift_a": "side a's move towards side b's position",
    "position_shift_b": "side b's move towards side a's position",
}

SourceEntries = Callable[["Scenario", Any], list[dict[str, Any]]]
AddChart = Callable[[dict[str, Any]], str]


def _territory_row(sc: Scenario, link: Any, issue_names: dict[str, str]) -> dict[str, Any]:
    """What the battlefield table says of a territorial issue: its stated status quo at the
    starting front, the move a step, and where that puts it at either end of the front."""
    from pourparler.dynamics.setup import territory_status_quo

    bf = sc.battlefield
    assert bf is not None
    stated = next(i.status_quo for i in sc.issues if i.id == link.issue)
    return {
        "name": issue_names.get(link.issue, link.issue),
        "link": link,
        "status_quo": stated,
        "step": (link.at_high - link.at_low) / bf.steps,
        "at_0": territory_status_quo(stated, link, 0, bf.start, bf.steps),
        "at_end": territory_status_quo(stated, link, bf.steps, bf.start, bf.steps),
    }


def few_batches_drivers_note(runs: int, batch_runs: int, correlated: bool) -> str | None:
    """The caveat on the drivers' rank correlations when fewer than ``MIN_BATCHES`` full
    batches back them (None with more, or with no correlation to caveat): the terminal's notes
    and the web page say it in these words."""
    from pourparler.dynamics.simulate import MIN_BATCHES

    full = runs // batch_runs
    if not correlated or full >= MIN_BATCHES:
        return None
    return (
        f"drivers: rank correlations over only {full} full batches of {batch_runs} runs "
        f"(fewer than {MIN_BATCHES}): with so few, chance alone can make them large"
    )


OUTSIDE_TOLERANCE = 1e-9  # shares are whole runs over at most 1e6; a band end a multiple of 1e-3


def outside_band(p: float | None, low: float | None, high: float | None) -> bool:
    """Whether the share of all runs ``p`` lies outside its band ``[low, high]`` of batch shares
    (it can: the band spans batch shares, and a rare event may fall in a few batches only), by
    more than :data:`OUTSIDE_TOLERANCE`: a quantile's rounding error (0.0059999999999999784 for
    0.006) puts no share outside."""
    if p is None or low is None or high is None:
        return False
    return bool(p < low - OUTSIDE_TOLERANCE or p > high + OUTSIDE_TOLERANCE)


def gap_digits(
    p: float, low: float, high: float, text: Callable[[float, int], str], start: int
) -> int:
    """The fewest digits, from ``start``, with which ``text(x, digits)`` shows a share outside
    its band apart from it: the shown share, read back, lies outside the shown band (0.2 beside
    0–0, not 0 beside 0–0; 1.6 beside 0.0–1.5, not beside 0–2)."""
    for digits in range(start, start + 12):
        shown, lo, hi = (float(text(x, digits)) for x in (p, low, high))
        if shown < lo or shown > hi:
            return digits
    return start + 12


def _fixed(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


def scenario_words(sc: Scenario, source: str | None) -> str | None:
    """How a command line names the scenario: ``source`` (the words the report was made from),
    else its id when it is an unchanged built-in, else None (only a saved copy names it)."""
    if source is not None:
        return source
    return sc.id if _unchanged_builtin(sc) else None


def _unchanged_builtin(sc: Scenario) -> bool:
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names

    return sc.id in builtin_names() and load_scenario(sc.id).digest() == sc.digest()


def check_runs(runs: int) -> None:
    """Bad input for a number of runs a report cannot take."""
    if isinstance(runs, bool) or not isinstance(runs, int) or not 1 <= runs <= MAX_RUNS:
        raise InputError(f"runs: {runs!r}: expected a whole number from 1 to {MAX_RUNS:,}")


def simulation(sc: Scenario, runs: int, seed: int, sink: ProgressSink) -> SimulationResult | None:
    """The simulation of ``sc`` (``MONTHS`` months, ``runs`` runs from ``seed``); None when
    the scenario has no battlefield section."""
    if sc.battlefield is None:
        return None
    from pourparler.dynamics.simulate import simulate

    sink.start("simulation", runs, None)
    try:
        return simulate(sc, months=MONTHS, runs=runs, seed=seed, progress=sink.advance)
    except ValueError as exc:  # the model's own checks on the scenario's numbers
        raise InputError(f"{sc.id}: {exc}") from None
    finally:
        sink.finish()


def dynamics_part(
    sc: Scenario,
    result: SimulationResult,
    add: AddChart,
    sources: SourceEntries,
    source: str | None = None,
) -> dict[str, Any]:
    """What the section shows; ``add`` registers a chart and gives its key, ``sources`` lists
    the sources a set of citations names, ``source`` names the scenario on a command line
    (see :func:`simulate_command`)."""
    bf = sc.battlefield
    assert bf is not None
    data = result.to_data()
    names = {a.id: a.name for a in sc.actors}
    issue_names = {i.id: i.name for i in sc.issues}
    months = []
    band_rows: list[dict[str, Any]] = []
    ripe_rows: list[dict[str, Any]] = []
    for m in data["months"]:
        cells = []
        for key, label in SERIES:
            share = m[key]
            low, high = share["interval"] or (None, None)
            outside = outside_band(share["p"], low, high)
            digits = (
                gap_digits(share["p"], low, high, _fixed, 3)
                if outside and low is not None and high is not None
                else 3
            )
            cells.append(
                {
                    "series": key,
                    "p": share["p"],
                    "low": low,
                    "high": high,
                    "outside": outside,
                    "digits": digits,
                }
            )
            band_rows.append(
                {
                    "month": m["month"],
                    "series": label,
                    "value": share["p"],
                    "low": low,
                    "high": high,
                }
            )
        ripe = m["ripeness"]
        band = ripe["band"] or [None, None]
        ripe_rows.append(
            {
                "month": m["month"],
                "series": "ripeness",
                "value": ripe["mean"],
                "low": band[0],
                "high": band[1],
            }
        )
        months.append({"month": m["month"], "cells": cells, "ripeness": ripe, "front": m["front"]})
    params = data["parameters"]
    subtitle = f"{params['runs']:,} runs; shaded: 80% interval over the drawn inputs"
    terms = [
        {
            "issue": t["issue"],
            "name": issue_names.get(t["issue"], t["issue"]),
            "track": t["track"],
            "runs": t["runs"],
            "shares": sorted(t["shares"].items(), key=lambda kv: -kv[1]),
        }
        for t in data["terms"]
    ]
    drivers = [
        {**d, "name": INPUT_NAMES.get(d["input"], d["input"])} for d in data["drivers"]["inputs"]
    ]
    return {
        "bf": bf,
        "talks": sc.talks,
        "side_a": names.get(bf.side_a, bf.side_a),
        "side_b": names.get(bf.side_b, bf.side_b),
        "territory": [_territory_row(sc, t, issue_names) for t in bf.territory],
        "sources": sources(sc, bf.cites),
        "talks_sources": sources(sc, sc.talks.cites),
        "series": SERIES,
        "months": months,
        "summary": data["summary"],
        "split": data["rational_split"],
        "terms": terms,
        "drivers": drivers,
        "drivers_note": few_batches_drivers_note(
            params["runs"], params["batch_runs"], any(d["correlation"] is not None for d in drivers)
        ),
        "driver_target": data["drivers"]["target"],
        "zone": data["zone"],
        "notes": data["notes"],
        "params": params,
        "seed": data["seed"],
        "scenario_words": scenario_words(sc, source),
        "settlement_first": sc.talks.sequencing == "settlement-first",
        "any_outside": any(c["outside"] for m in months for c in m["cells"]),
        "outside_mark": OUTSIDE_MARK,
        "outside_note": OUTSIDE_NOTE,
        "default_runs": RUNS,
        "chart": add(
            charts.month_bands(
                "Ceasefire, fighting stopped, settlement and breakdown",
                subtitle,
                band_rows,
                "share of runs",
            )
        ),
        "ripeness_chart": add(
            charts.month_bands(
                "Ripeness",
                "mean over the runs at war; shaded: their 80% band",
                ripe_rows,
                "ripeness (0–1)",
            )
        ),
        "durability": durability_box(sc),
    }


def _zone_provisions(sc: Scenario) -> dict[str, dict[str, Any]]:
    """Per track with a zone: its frontier packages' provisions (umbrella codes implied), how
    many packages contain each, and the range of the packages' hazard ratios."""
    from pourparler.dynamics.durability import expand, log_hazard_ratio
    from pourparler.dynamics.setup import CEASEFIRE_PROVISION, prepare, provisions_of

    setup = prepare(sc, 1, lambda provisions, months, override: np.zeros(months))
    override = {str(k): v for k, v in sc.talks.durability.coefficients.items()}
    out: dict[str, dict[str, Any]] = {}
    for name, track, extra in (
        ("settlement", setup.settlement, frozenset()),
        ("ceasefire", setup.ceasefire, frozenset({CEASEFIRE_PROVISION})),
    ):
        front = track.frontier
        if front.size == 0:
            continue
        counts: dict[str, int] = {}
        ratios = []
        # a package is its options on the track's issues: the same package on another line
        # the front holds a territorial issue at (a frontier of its own) is counted once
        packages = np.unique(front.choice[:, front.issues], axis=0)
        whole = front.choice[0].copy()
        for row in packages:
            whole[front.issues] = row
            stated = provisions_of(sc, whole, front.issues) | extra
            for code in expand(stated):
                counts[code] = counts.get(code, 0) + 1
            ratios.append(_ratio(log_hazard_ratio(stated, override)))
        out[name] = {
            "packages": len(packages),
            "counts": counts,
            "ratio": (min(ratios), max(ratios)),
        }
    return out


def _ratio(log_ratio: float) -> float:
    """The hazard ratio of a log hazard ratio: inf past the largest float (a scenario may set a
    coefficient up to 1e6), without numpy's overflow warning."""
    with np.errstate(over="ignore"):
        return float(np.exp(log_ratio))


def durability_box(sc: Scenario) -> dict[str, Any]:
    """Kaplan–Meier survival of all agreements at ``SURVIVAL_MONTHS`` and the fitted hazard
    ratio of each provision the zones' packages would contain."""
    from pourparler.dynamics.durability import IMPLIES, shipped_fit
    from pourparler.report.durability import durability_report
    from pourparler.scenario.model import PROVISIONS

    report = durability_report(by=())
    overall = report.curves[0]
    survival = [s for s in overall.at if s.months in SURVIVAL_MONTHS]
    fit = shipped_fit()
    coefficients = {c.code: c for c in fit.coefficients}
    dropped = dict(fit.dropped)
    override = {str(k): v for k, v in sc.talks.durability.coefficients.items()}
    tracks = _zone_provisions(sc)
    codes = sorted({c for t in tracks.values() for c in t["counts"]})
    umbrellas = set(IMPLIES)
    rows = []
    for code in codes:
        coef = coefficients.get(code)
        rows.append(
            {
                "code": code,
                "name": PROVISIONS.get(code, code),
                "coefficient": coef,
                "dropped": dropped.get(code),
                "override": override.get(code),
                "override_ratio": None if code not in override else _ratio(override[code]),
                "implied": code in umbrellas,
                "tracks": {name: t["counts"].get(code, 0) for name, t in tracks.items()},
            }
        )
    provenance = report.provenance
    return {
        "n": overall.n,
        "events": overall.events,
        "survival": survival,
        "rows": rows,
        "tracks": tracks,
        "baseline_override": sc.talks.durability.baseline_monthly_hazard,
        "data": provenance.data,
        "data_version": provenance.data_version,
        "data_sha256": provenance.data_sha256,
        "concordance": report.fit.get("concordance"),
    }
