"""HTML pages from Jinja2 templates with autoescaping: every scenario string, article sentence
and error message is escaped, whatever it contains."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from pourparler.report.deals_rows import POINT_NAMES

if TYPE_CHECKING:
    from jinja2 import Environment

    from pourparler.report.forecast import ForecastReport
    from pourparler.scenario import Problem


def number(x: float | None, digits: int = 3) -> str:
    """A number for display: ``–`` for None or NaN, else ``digits`` significant digits."""
    if x is None or x != x:
        return "–"
    return f"{x:.{digits}g}"


def change(x: float | None) -> str:
    """A difference for display: signed, one decimal (``+1.6``, ``-9.6``, ``0.0``); ``–`` for
    None or NaN."""
    if x is None or x != x:
        return "–"
    return "0.0" if abs(x) < 0.05 else f"{x:+.1f}"


def exact(x: float | None) -> str:
    """A number for a ``data-value`` attribute: ``repr`` (exact), empty for None or NaN."""
    if x is None or x != x:
        return ""
    return repr(float(x))


@cache
def environment() -> Environment:
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from pourparler.text import page_text

    env = Environment(
        loader=PackageLoader("pourparler.web", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=page_text,  # control characters in scenario text shown as escapes
    )
    env.filters["number"] = number
    env.filters["exact"] = exact
    env.filters["change"] = change
    env.filters["forecast_note"] = forecast_note
    env.globals["POINT_NAMES"] = POINT_NAMES
    return env


def render(template: str, **context: Any) -> str:
    from pourparler import __version__

    return environment().get_template(template).render(version=__version__, **context)


def forecast_note(report: ForecastReport) -> str:
    """What the forecast's intervals are, or why it has none: as ``pourparler forecast`` says
    it (``no_draws_reason``), or none asked for (``draws=0``)."""
    params = report.provenance.parameters
    seed = report.provenance.seed
    draws = int(params.get("draws", 0) or 0)
    if draws:
        note = (
            f"Seed {seed}, {draws} draws; the interval is the central 80% of the ensemble's "
            "draws (input uncertainty only)."
        )
        per_model = params.get("draws_per_model")
        if per_model:  # as pourparler forecast says it
            from pourparler.report.forecast import cut_draws

            note += (
                f" Draws cut to the time budget at this size: {cut_draws(per_model, draws)}; a "
                "model without draws is held at its forecast in the ensemble's draws."
            )
        return note
    reason = params.get("no_draws_reason")
    if reason:
        from pourparler.report.forecast import no_draws

        return f"Seed {seed}, no draws. {no_draws(reason)}"
    return f"Seed {seed}, no draws. No intervals: none were asked for (draws=0)."


def forecast_rows(report: ForecastReport) -> list[dict[str, Any]]:
    """Per issue: status quo, the lead model (the ensemble) with its interval and nearest
    option, and every model's forecast."""
    lead = "ensemble" if "ensemble" in report.models else report.models[-1]
    rows = []
    for issue in report.issues:
        by_model = {m.model: m for m in issue.models}
        main = by_model[lead]
        low, high = main.interval or (None, None)
        rows.append(
            {
                "id": issue.id,
                "name": issue.name,
                "status_quo": issue.status_quo,
                "forecast": main.forecast,
                "low": low,
                "high": high,
                "option": main.option,
                "models": [(m.model, m.forecast) for m in issue.models],
            }
        )
    return rows


def add_before(rows: list[dict[str, Any]], before: list[dict[str, Any]]) -> None:
    """Give each forecast row the ensemble forecast of the scenario it was changed from
    (``before``; None for an issue that scenario lacks) and the change."""
    was = {row["id"]: row["forecast"] for row in before}
    for row in rows:
        row["before"] = was.get(row["id"])
        row["change"] = None if row["before"] is None else row["forecast"] - row["before"]


def deals_view(report: dict[str, Any]) -> dict[str, Any]:
    """What the deals section shows: zone, bargaining points (package per issue), obstacle."""
    zone = report["zone"]
    points = [
        (name, POINT_NAMES.get(name, name), p)
        for name, p in (report.get("points") or {}).items()
        if p
    ]
    issues: list[str] = []
    for _, _, p in points:
        issues += [i for i in p["package"] if i not in issues]
    obstacle = report.get("obstacle") or {}
    return {
        "zone": zone,
        "empty": bool(zone["empty"]),
        "parties": report.get("parties") or [],
        "parties_rule": report.get("parties_rule", ""),
        "packages": report.get("packages"),
        "method": report.get("method"),
        "points": points,
        "point_issues": issues,
        "obstacle": obstacle,
        "obstacle_text": obstacle_text(obstacle, bool(zone["empty"])),
        # with no party at the table the zone holds every package and has no point: say so
        "note": zone.get("note"),
        "no_points_reason": (
            "no package is acceptable to every party that must consent"
            if report.get("parties")
            else "no party must consent"
        ),
    }


def obstacle_text(ob: dict[str, Any], empty: bool) -> str:
    """The principal obstacle in one sentence (or, with a zone, what would widen it most)."""
    if not ob:
        return "not analysed"
    lead = "" if empty else "none (the zone is not empty); widening it: "
    if "kind" not in ob:
        return f"{lead}{ob.get('effect', '')}"
    who = f"{ob['actor']}'s red line on " if ob.get("actor") else ""
    what = f"{who}{ob.get('issue', '')} (towards {ob.get('option', '')!s})"
    gain = f", +{ob['enlargement']:,.0f} packages" if ob.get("enlargement") is not None else ""
    size = f"relax by {ob['size']:.3g} {ob.get('unit', '')}" if "size" in ob else "relax"
    return f"{lead}{what}: {size} → {ob.get('effect', '')}{gain}"


def problem_rows(problems: list[Problem]) -> list[dict[str, Any]]:
    from pourparler.scenario.errors import format_loc

    return [
        {"file": p.file or "", "line": p.line, "field": format_loc(p.loc), "message": p.message}
        for p in problems
    ]
