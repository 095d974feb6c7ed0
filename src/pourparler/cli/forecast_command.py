"""``pourparler forecast``: where each issue settles."""

from __future__ import annotations

from typing import Annotated, Any

import typer

SCENARIO_ARG = typer.Argument(help="Built-in scenario name or a YAML, Decide or BDM CSV file.")


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)


def forecast(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Forecast each issue: status quo, weighted mean (compromise) and weighted median."""
    from pourparler.cli.common import emit_json, load, provenance
    from pourparler.forecast.central import weighted_mean, weighted_median

    sc = load(scenario)
    arr = sc.arrays()
    weights = (arr.capability[:, None] * arr.salience).T  # issues × actors
    positions = arr.position.T
    models = {
        "compromise": weighted_mean(positions, weights),
        "median": weighted_median(positions, weights),
    }
    rows: list[dict[str, Any]] = []
    for k, issue in enumerate(sc.issues):
        per_model = {}
        for name, values in models.items():
            x = float(values[k])
            per_model[name] = {
                "forecast": x,
                "interval": None,
                "option": issue.nearest_option(x).label,
            }
        rows.append(
            {
                "id": issue.id,
                "name": issue.name,
                "track": issue.track,
                "status_quo": issue.status_quo,
                "status_quo_option": issue.nearest_option(issue.status_quo).label,
                "models": per_model,
            }
        )
    if as_json:
        emit_json({**provenance(sc), "seed": None, "issues": rows})
        return
    _print_table(sc.title, rows, list(models))


def _print_table(title: str, rows: list[dict[str, Any]], models: list[str]) -> None:
    from rich.table import Table

    from pourparler.cli.common import console

    table = Table(title=f"Forecast: {title}", title_justify="left")
    table.add_column("issue")
    table.add_column("status quo", justify="right")
    for name in models:
        table.add_column(name, justify="right")
        table.add_column(f"{name}: nearest option", overflow="fold")
    for row in rows:
        cells = [row["name"], f"{row['status_quo']:.0f}"]
        for name in models:
            m = row["models"][name]
            cells += [f"{m['forecast']:.1f}", m["option"]]
        table.add_row(*cells)
    console().print(table)
