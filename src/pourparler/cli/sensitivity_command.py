"""``pourparler sensitivity``: which inputs move each issue's forecast most (tornado data)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pourparler.errors import InputError

SCENARIO_ARG = typer.Argument(help="Built-in scenario name or a YAML, Decide or BDM CSV file.")
MODEL_OPT = typer.Option(
    "--model", help="compromise, median, nash, bdm, exchange or ensemble (default)."
)
TOP_OPT = typer.Option("--top", help="Inputs shown per issue, largest effect first (0: all).")
ROUNDS_OPT = typer.Option("--rounds", help="Rounds of the iterative models (BDM, exchange).")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")


def register(app: typer.Typer) -> None:
    app.command("sensitivity")(sensitivity)


def sensitivity(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    model: Annotated[str, MODEL_OPT] = "ensemble",
    top: Annotated[int, TOP_OPT] = 5,
    rounds: Annotated[int, ROUNDS_OPT] = 10,
    as_json: Annotated[bool, JSON_OPT] = False,
) -> None:
    """For each issue, the actor inputs (position, salience, capability) whose change by ±δ
    moves the forecast most: the forecast at input − δ and + δ. δ: 10% of the issue's scale
    for positions, 0.1 for saliences, 20% for capabilities."""
    import numpy as np

    from pourparler.cli.common import emit_json, load, provenance
    from pourparler.forecast import sensitivity as sens
    from pourparler.forecast.scenario_forecast import resolve_models, scenario_inputs

    if model == "all":
        raise InputError("--model: name one model (e.g. ensemble), not all")
    try:
        resolve_models(model)
    except ValueError as exc:
        raise InputError(f"--model: {exc}") from None
    if top < 0:
        raise InputError(f"--top: must be non-negative, got {top}")
    if rounds < 0 or rounds > 1000:
        raise InputError(f"--rounds: must be between 0 and 1000, got {rounds}")
    sc = load(scenario)
    arr = sc.arrays()
    spans = np.array(
        [max(o.value for o in i.options) - min(o.value for o in i.options) for i in sc.issues]
    )
    delta = np.where(spans > 0, 0.1 * spans, sens.POSITION_DELTA)
    result = sens.sensitivity(
        scenario_inputs(sc),
        arr.actor_ids,
        arr.issue_ids,
        model=model,
        rounds=rounds,
        position_delta=delta,
    )
    issues: list[dict[str, Any]] = []
    for k, (issue, res) in enumerate(zip(sc.issues, result, strict=True)):
        effects = res.effects if top == 0 else res.effects[:top]
        issues.append(
            {
                "id": issue.id,
                "name": issue.name,
                "forecast": res.forecast,
                "position_delta": float(delta[k]),
                "effects": [
                    {
                        "actor": e.actor,
                        "input": e.input,
                        "value": e.value,
                        "low": e.low_value,
                        "high": e.high_value,
                        "forecast_low": e.forecast_low,
                        "forecast_high": e.forecast_high,
                        "effect": e.size,
                    }
                    for e in effects
                ],
            }
        )
    params = {
        "model": model,
        "rounds": rounds,
        "salience_delta": sens.SALIENCE_DELTA,
        "capability_fraction": sens.CAPABILITY_FRACTION,
        "position_delta": "10% of each issue's scale",
    }
    if as_json:
        emit_json({**provenance(sc, **params), "seed": None, "issues": issues})
        return
    _print(sc.title, model, issues)


def _print(title: str, model: str, issues: list[dict[str, Any]]) -> None:
    from rich import box
    from rich.table import Table

    from pourparler.cli.common import console

    out = console()
    out.print(f"[bold]Sensitivity of the {model} forecast: {title}[/bold]")
    for issue in issues:
        table = Table(
            title=f"{issue['id']}: forecast {issue['forecast']:.3g}",
            title_justify="left",
            box=box.SIMPLE_HEAD,
        )
        table.add_column("actor", no_wrap=True)
        table.add_column("input", no_wrap=True)
        table.add_column("− δ → forecast", justify="right", no_wrap=True)
        table.add_column("+ δ → forecast", justify="right", no_wrap=True)
        table.add_column("effect", justify="right", no_wrap=True)
        for e in issue["effects"]:
            table.add_row(
                e["actor"],
                e["input"],
                f"{e['low']:.3g} → {e['forecast_low']:.3g}",
                f"{e['high']:.3g} → {e['forecast_high']:.3g}",
                f"{e['effect']:.3g}",
            )
        out.print(table)
