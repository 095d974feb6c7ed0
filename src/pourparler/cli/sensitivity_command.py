"""``pourparler sensitivity``: which inputs move each issue's forecast most (tornado data)."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError


def _model_help() -> str:
    from pourparler.forecast.registry import REGISTRY

    return ", ".join(REGISTRY) + " (default: ensemble)."


SCENARIO_ARG = typer.Argument(
    help="Built-in scenario name, a YAML, Decide or BDM CSV file, or a GENIUS domain."
)
MODEL_OPT = typer.Option("--model", help=_model_help())
TOP_OPT = typer.Option("--top", help="Inputs shown per issue, largest effect first (0: all).")
ROUNDS_OPT = typer.Option("--rounds", help="Rounds of the iterative models (BDM, exchange).")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table (needs pandas).")
FULL_OPT = typer.Option(
    "--full",
    help="Run every change on every model, however long it takes (default: with hundreds of "
    "actors the expensive models run on the changes that matter most, and say so).",
)

WORKERS_OPT = typer.Option(
    "--workers",
    help="Threads for the perturbed runs (default: the machine's cores, at most 4); the "
    "numbers do not depend on it.",
    show_default=False,
)


def register(app: typer.Typer) -> None:
    app.command("sensitivity")(sensitivity)


def sensitivity(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    model: Annotated[str, MODEL_OPT] = "ensemble",
    top: Annotated[int, TOP_OPT] = 5,
    rounds: Annotated[int, ROUNDS_OPT] = 10,
    full: Annotated[bool, FULL_OPT] = False,
    workers: Annotated[int | None, WORKERS_OPT] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """For each issue, the actor inputs (position, salience, capability) whose change by ±δ
    moves the forecast most: the forecast at input − δ and + δ, one input at a time. δ: 10% of
    the span of the issue's labelled options for positions, 0.1 for saliences, 20% for
    capabilities; a changed value is clamped to its scale, and marked when it is."""
    from pourparler.cli.common import check_output, emit_result
    from pourparler.cli.progress_display import StderrProgress
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.forecast import sensitivity as sens
    from pourparler.forecast.budget import TooLong
    from pourparler.forecast.scenario_forecast import resolve_models
    from pourparler.report.sensitivity import sensitivity_report

    check_output(as_json=as_json, as_csv=as_csv)
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
    if workers is not None and workers < 1:
        raise InputError(f"--workers: must be at least 1, got {workers}")
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    bar = StderrProgress()
    try:
        result = sens.scenario_sensitivity(
            sc,
            model=model,
            rounds=rounds,
            budget=None if full else sens.SCREEN_BUDGET,
            progress=bar,
            workers=workers,
        )
    except TooLong as exc:
        raise InputError(f"{exc} (--full)") from None
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{scenario}: {exc}") from None
    finally:
        bar.finish()
    report = sensitivity_report(sc, result, model=model, rounds=rounds, top=top)
    if emit_result(report, as_json=as_json, as_csv=as_csv):
        return
    data = report.to_data()
    _print(sc.title, model, data["issues"], data["parameters"]["screening"])


def _side(value: float, forecast: float | None, possible: bool, clamped: bool) -> str:
    if not possible:
        return "no change possible"
    after = "no forecast¶" if forecast is None else f"{forecast:.3g}"
    return f"{value:.3g}{'*' if clamped else ''} → {after}"


def _print(
    title: str, model: str, issues: list[dict[str, Any]], screening: dict[str, Any] | None
) -> None:
    from pourparler.cli.common import console, inert
    from pourparler.cli.fitted_table import print_table
    from pourparler.report.table import Column, TextTable

    out = console()
    out.print(f"[bold]Sensitivity of the {model} forecast: {inert(title)}[/bold]")
    marks = {"clamped": False, "same": False, "screened": False, "none": False}
    columns = (
        Column("actor", whole=True),
        Column("input", whole=True),
        Column("− δ → forecast", numeric=True),
        Column("+ δ → forecast", numeric=True),
        Column("effect", numeric=True),
    )
    for issue in issues:
        rows = []
        for e in issue["effects"]:
            marks["clamped"] |= e["clamped_low"] or e["clamped_high"]
            marks["same"] |= e["same_direction"]
            marks["screened"] |= bool(e["screened"])
            marks["none"] |= bool(e["no_forecast"])
            effect = "–" if e["effect"] is None else f"{e['effect']:.3g}"
            rows.append(
                (
                    e["actor"],
                    e["input"],
                    _side(e["low"], e["forecast_low"], e["low_possible"], e["clamped_low"]),
                    _side(e["high"], e["forecast_high"], e["high_possible"], e["clamped_high"]),
                    f"{effect}{'§' if e['same_direction'] else ''}{'°' if e['screened'] else ''}",
                )
            )
        print_table(
            TextTable(
                title=f"{issue['id']}: forecast {issue['forecast']:.3g}",
                columns=columns,
                rows=tuple(rows),
                compact=True,
            ),
            out,
        )
    notes = ["effect: how far the forecast moves over the values tried."]
    if marks["clamped"]:
        notes.append("* clamped to the input's scale (positions 0–100, saliences 0–1).")
    if marks["same"]:
        notes.append("§ both changes move the forecast the same way.")
    if marks["none"]:
        notes.append(
            "¶ the change leaves no actor any weight on the issue, so no model forecasts it: "
            "ranked first, as the largest effect."
        )
    if screening:
        ran = ", ".join(
            f"{c} on {v['run']:,} of {v['of']:,}" for c, v in screening["changes_run"].items()
        )
        notes.append(
            f"Screened: the expensive models ran on the changes that move the compromise and "
            f"median forecasts most ({ran}), the other models on every change; --full runs "
            "them all."
        )
    if marks["screened"]:
        notes.append("° an expensive model was held at its nominal forecast for this change.")
    out.print("[dim]" + inert(" ".join(notes)) + "[/dim]")
