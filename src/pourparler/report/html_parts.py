"""The sections of the HTML report (:mod:`pourparler.report.html`): the context each part of
``templates/report.html.j2`` reads, built from the scenario and the analyses' typed results, and
the Vega-Lite charts each part adds (:mod:`pourparler.report.charts`)."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pourparler.report import charts

if TYPE_CHECKING:
    from pourparler.report.forecast import ForecastReport
    from pourparler.report.sensitivity import SensitivityReport
    from pourparler.scenario import Scenario

TOP_INPUTS = 5  # inputs per issue in the tornado
FRONTIER_LISTED = 50  # frontier packages listed per frontier (largest total utility first)
MAP_ACTORS = 40  # actors drawn on a position map (those of most weight); the table lists all
MAX_PAIRS = 6  # two-party projections of the frontier
DISAGREEMENT = 25.0  # scale points (a quarter of the scale) between the models that flag an issue
SENSITIVITY_MODEL = "ensemble"


class Charts:
    """The report's chart specifications, each under a key its element names."""

    def __init__(self) -> None:
        self.specs: dict[str, dict[str, Any]] = {}

    def add(self, spec: dict[str, Any]) -> str:
        key = f"c{len(self.specs)}"
        self.specs[key] = spec
        return key


def web_link(locator: str) -> str | None:
    """``locator`` when it is an http(s) address (a link may point there), else None: a
    ``javascript:`` or ``data:`` locator is shown as text, never linked."""
    text = locator.strip()
    return text if text.lower().startswith(("https://", "http://")) and " " not in text else None


def source_entries(sc: Scenario, cites: Any) -> list[dict[str, Any]]:
    by_id = {s.id: s for s in sc.sources}
    out = []
    for c in cites:
        src = by_id.get(c.source)
        out.append({"note": c.note, "source": src, "link": web_link(src.locator) if src else None})
    return out


def scale_ends(issue: Any) -> tuple[str, str]:
    ordered = sorted(issue.options, key=lambda o: o.value)
    return ordered[0].label, ordered[-1].label


def chart_labels(sc: Scenario) -> dict[str, str]:
    """Each actor's label on a chart's axis: its name, with its id where names repeat (a
    chart's band is keyed by its label)."""
    count: dict[str, int] = {}
    for a in sc.actors:
        count[a.name] = count.get(a.name, 0) + 1
    return {a.id: a.name if count[a.name] == 1 else f"{a.name} ({a.id})" for a in sc.actors}


def heaviest(rows: list[dict[str, Any]], weights: list[float]) -> list[dict[str, Any]]:
    """The ``MAP_ACTORS`` rows of largest weight, in their order (all when fewer)."""
    if len(rows) <= MAP_ACTORS:
        return rows
    ranked = sorted(range(len(rows)), key=lambda k: (-weights[k], k))[:MAP_ACTORS]
    return [rows[k] for k in sorted(ranked)]


def scenario_part(sc: Scenario, figures: Charts) -> dict[str, Any]:
    names = {a.id: a.name for a in sc.actors}
    labels = chart_labels(sc)
    actors = [
        {"actor": a, "index": i, "sources": source_entries(sc, [*a.cites, *a.no_deal.cites])}
        for i, a in enumerate(sc.actors)
    ]
    stance_index = {(s.actor, s.issue): k for k, s in enumerate(sc.stances)}
    issues = []
    for j, issue in enumerate(sc.issues):
        rows, stances, weights = [], [], []
        for a in sc.actors:
            k = stance_index.get((a.id, issue.id))
            if k is None:
                continue
            s = sc.stances[k]
            low, high = s.red_line if s.red_line is not None else (None, None)
            weights.append(a.capability * s.salience)
            rows.append(
                {
                    "actor": labels[a.id],
                    "position": s.position,
                    "salience": s.salience,
                    "red_low": low,
                    "red_high": high,
                }
            )
            stances.append(
                {
                    "stance": s,
                    "index": k,
                    "actor_name": names[a.id],
                    "sources": source_entries(sc, s.cites),
                }
            )
        low_end, high_end = scale_ends(issue)
        shown = heaviest(rows, weights)
        note = "" if len(shown) == len(rows) else f"the {len(shown)} of {len(rows)} actors of "
        note += "most weight (capability × salience)" if note else ""
        chart = charts.position_map(
            issue.name, low_end, high_end, issue.status_quo, shown, note=note
        )
        issues.append(
            {
                "issue": issue,
                "index": j,
                "low_end": low_end,
                "high_end": high_end,
                "status_quo_option": issue.nearest_option(issue.status_quo).label,
                "options": sorted(issue.options, key=lambda o: o.value),
                "stances": stances,
                "sources": source_entries(sc, issue.cites),
                "chart": figures.add(chart),
                "chart_note": note,
            }
        )
    return {"actors": actors, "issues": issues}


def forecast_part(sc: Scenario, report: ForecastReport, figures: Charts) -> dict[str, Any]:
    index = {issue.id: j for j, issue in enumerate(sc.issues)}
    rows, flagged = [], []
    for issue in report.issues:
        spread = None
        if issue.models_range is not None:
            spread = issue.models_range[1] - issue.models_range[0]
            if spread > DISAGREEMENT:
                flagged.append({"issue": issue, "spread": spread})
        points = [
            {
                "model": m.model,
                "forecast": m.forecast,
                "low": m.interval[0] if m.interval else None,
                "high": m.interval[1] if m.interval else None,
            }
            for m in issue.models
        ]
        chart = charts.forecast_dots(issue.name, issue.status_quo, points)
        rows.append(
            {
                "issue": issue,
                "index": index[issue.id],
                "spread": spread,
                "disagree": spread is not None and spread > DISAGREEMENT,
                "chart": figures.add(chart),
            }
        )
    params = report.provenance.to_data()["parameters"]
    return {"rows": rows, "flagged": flagged, "models": report.models, "params": params}


def sensitivity_part(report: SensitivityReport, figures: Charts) -> dict[str, Any]:
    rows = []
    for issue in report.issues:
        bars = []
        for e in issue.effects:
            label = f"{e.actor} {e.input}"
            for side, value in (("− δ", e.forecast_low), ("+ δ", e.forecast_high)):
                if value == value:  # NaN: that side cannot move
                    bars.append({"label": label, "side": side, "from": issue.forecast, "to": value})
        chart = charts.tornado(issue.name, issue.forecast, bars) if bars else None
        rows.append({"issue": issue, "chart": None if chart is None else figures.add(chart)})
    return {
        "rows": rows,
        "screening": report.screening,
        "model": SENSITIVITY_MODEL,
        "top": TOP_INPUTS,
    }


POINT_NAMES = {
    "nash": "Nash",
    "weighted_nash": "weighted Nash",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian",
    "egalitarian": "egalitarian",
}


def deals_part(sc: Scenario, data: dict[str, Any], figures: Charts) -> dict[str, Any]:
    parties = list(data.get("parties") or [])
    reservation = data.get("reservation") or {}
    fronts = data.get("frontier") or {}
    points = {k: v for k, v in (data.get("points") or {}).items() if v}
    pairs = list(itertools.combinations(parties, 2))
    pair_charts = []
    for a, b in pairs[:MAX_PAIRS]:
        rows: list[dict[str, Any]] = []
        for where, kind in (("overall", "frontier"), ("zone", "zone frontier")):
            for rec in (fronts.get(where) or {}).get("packages") or []:
                u = rec.get("utility") or {}
                if a in u and b in u:
                    rows.append({"x": u[a], "y": u[b], "kind": kind, "point": False})
        for name, rec in points.items():
            u = rec.get("utility") or {}
            if a in u and b in u:
                rows.append(
                    {"x": u[a], "y": u[b], "kind": POINT_NAMES.get(name, name), "point": True}
                )
        spec = charts.frontier_pair(
            a, b, (float(reservation.get(a, 0.0)), float(reservation.get(b, 0.0))), rows
        )
        pair_charts.append(figures.add(spec))
    obstacle = data.get("obstacle")
    return {
        "data": data,
        "parties": parties,
        "pairs": len(pairs),
        "pair_charts": pair_charts,
        "points": [(POINT_NAMES.get(k, k), v) for k, v in points.items()],
        "obstacle": obstacle if isinstance(obstacle, dict) else None,
        "issue_names": {i.id: i.name for i in sc.issues},
    }


def evidence_part(sc: Scenario, path: Path, figures: Charts) -> dict[str, Any]:
    from pourparler.evidence.review import REVIEWED
    from pourparler.evidence.store import Store

    with Store(path) as store:
        stored = store.claims(sc.id)
    claims = [c for c in stored if c.status != "rejected"]  # a person found them wrong
    names = {a.id: a.name for a in sc.actors}
    labels = chart_labels(sc)
    issues = []
    for issue in sc.issues:
        mine = [c for c in claims if c.issue == issue.id]
        if not mine:
            continue
        rows = [
            {
                "date": c.date,
                "actor": labels.get(c.actor, c.actor),
                "position": c.position,
                "title": c.title or c.file_name,
            }
            for c in mine
            if c.position is not None and c.date
        ]
        chart = figures.add(charts.evidence_timeline(issue.name, rows)) if rows else None
        issues.append({"issue": issue, "claims": mine, "chart": chart, "names": names})
    return {
        "issues": issues,
        "count": len(claims),
        "reviewed": sum(c.status in REVIEWED for c in claims),
        "rejected": len(stored) - len(claims),
        "store": path.name,
    }
