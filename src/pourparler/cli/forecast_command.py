"""``pourparler forecast``: where each issue settles, by each model, with intervals."""

from __future__ import annotations

from typing import Annotated, Any

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError
from pourparler.forecast.budget import MIN_DRAWS

SCENARIO_ARG = typer.Argument(
    help="Built-in scenario name, a YAML, Decide or BDM CSV file, or a GENIUS domain."
)


def _model_help() -> str:
    from pourparler.forecast.registry import REGISTRY

    return "; ".join(f"{m}: {e.description}" for m, e in REGISTRY.items()) + "; or all."


MODEL_OPT = typer.Option("--model", help=_model_help())
ROUNDS_OPT = typer.Option("--rounds", help="Rounds of the iterative models (BDM, exchange).")
DRAWS_OPT = typer.Option(
    "--draws", help="Monte Carlo draws for the intervals: 0 (none) or at least 10."
)
SEED_OPT = typer.Option(
    "--seed",
    help="Random seed (default: a fresh one, shown under the table, in --json and in --csv).",
)
Q_OPT = typer.Option("--q", help="BDM: probability that the status quo holds (Q).")
WORKERS_OPT = typer.Option(
    "--workers",
    help="Threads for the Monte Carlo draws (default: the machine's cores, at most 4); the "
    "numbers do not depend on it.",
    show_default=False,
)
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table (needs pandas).")
INTERVALS_OPT = typer.Option(
    "--intervals",
    help="Add each model's own 80% interval to the table (by default only the ensemble's, or "
    "the single model's, is shown; --json and --csv always have every model's).",
)
FULL_OPT = typer.Option(
    "--full",
    help="Draw every model every time, however long it takes (default: with hundreds of actors "
    "an expensive model gets fewer draws, or none, and the table says so).",
)

DEFAULT_DRAWS = 200
OUTSIDE_NOTE = (
    "† outside the model's own 80% interval: the nominal run is one point of a nonlinear "
    "model (the exchange model jumps where a small change of the inputs changes which "
    "exchanges are made; near the end of the scale an outcome can only move one way)."
)
CLIPPED_NOTE = "‡ the model gave a value outside the 0–100 scale; shown clipped to it."


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)


def check_options(rounds: int, draws: int, q: float, workers: int | None) -> None:
    """Reject option values the models cannot use, naming the option."""
    if rounds < 0 or rounds > 1000:
        raise InputError(f"--rounds: must be between 0 and 1000, got {rounds}")
    if draws < 0 or draws > 1_000_000:
        raise InputError(f"--draws: must be between 0 and 1000000, got {draws}")
    if 0 < draws < MIN_DRAWS:
        raise InputError(
            f"--draws: an 80% interval needs at least {MIN_DRAWS} draws (0: no intervals), "
            f"got {draws}"
        )
    if not 0.0 <= q <= 1.0:
        raise InputError(f"--q: must lie in 0–1, got {q}")
    if workers is not None and workers < 1:
        raise InputError(f"--workers: must be at least 1, got {workers}")


FRESH_SEEDS = 10**15  # a fresh seed is below this: 15 digits, which a spreadsheet keeps whole


def fresh_seed(seed: int | None) -> int:
    """``seed`` itself, or a fresh one to record when none is given (seed 0 is a seed), below
    :data:`FRESH_SEEDS`: a spreadsheet reading the ``seed`` column of ``--csv`` keeps 15
    digits, and would turn a longer seed into another one."""
    if seed is not None:
        if seed < 0:
            raise InputError(f"--seed: must be non-negative, got {seed}")
        return seed
    import secrets

    return secrets.randbelow(FRESH_SEEDS)


def forecast(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    model: Annotated[str, MODEL_OPT] = "all",
    rounds: Annotated[int, ROUNDS_OPT] = 10,
    draws: Annotated[int, DRAWS_OPT] = DEFAULT_DRAWS,
    seed: Annotated[int | None, SEED_OPT] = None,
    q: Annotated[float, Q_OPT] = 1.0,
    workers: Annotated[int | None, WORKERS_OPT] = None,
    full: Annotated[bool, FULL_OPT] = False,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    intervals: Annotated[bool, INTERVALS_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Forecast each issue: status quo, each model's forecast, the models' range, the 80%
    interval of the ensemble's forecast over the draws (of the model, with one model;
    --intervals adds each model's own), and the nearest labelled option."""
    from pourparler.cli.common import check_output, emit_result
    from pourparler.cli.progress_display import StderrProgress
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.forecast.budget import DRAWS_BUDGET, TooLong
    from pourparler.forecast.scenario_forecast import forecast_scenario, resolve_models
    from pourparler.report.forecast import forecast_report

    check_output(as_json=as_json, as_csv=as_csv)
    check_options(rounds, draws, q, workers)
    try:
        resolve_models(model, offer_all=True)
    except ValueError as exc:
        raise InputError(f"--model: {exc}") from None
    drawn_seed = seed is None
    seed = fresh_seed(seed)
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    bar = StderrProgress()
    try:
        result = forecast_scenario(
            sc,
            [model],
            rounds=rounds,
            draws=draws,
            seed=seed,
            q=q,
            workers=workers,
            progress=bar,
            budget=None if full else DRAWS_BUDGET,
        )
    except TooLong as exc:
        raise InputError(f"{exc} (--full)") from None
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{scenario}: {exc}") from None
    finally:
        bar.finish()
    report = forecast_report(sc, result, seed)
    if emit_result(report, as_json=as_json, as_csv=as_csv):
        return
    data = report.to_data()
    _print_table(sc.title, data["issues"], list(report.models), data["parameters"], intervals)
    if drawn_seed and data["parameters"]["draws"]:
        from pourparler.cli.common import console

        console().print(f"[dim]seed {seed} (give --seed {seed} to repeat the draws)[/dim]")


def _fmt(x: float | None) -> str:
    return "–" if x is None or x != x else f"{x:.3g}"


def _print_table(
    title: str,
    rows: list[dict[str, Any]],
    models: list[str],
    params: dict[str, Any],
    intervals: bool = False,
) -> None:
    from pourparler.cli.common import console
    from pourparler.cli.fitted_table import print_in_blocks, print_table
    from pourparler.report.table import Column, TextTable

    draws = int(params.get("draws") or 0)
    lead = "ensemble" if "ensemble" in models else models[-1]
    short = {"compromise": "comp", "median": "med.", "exchange": "exch", "ensemble": "ens."}
    spread = any(row["models_range"] is not None for row in rows)
    # numbers and issue ids never wrap; a table too wide is split into blocks of columns
    columns = [Column("issue", whole=True), Column("sq", numeric=True)]
    for name in models:
        columns.append(Column(short.get(name, name), numeric=True))
        if intervals and draws and name != lead:
            columns.append(Column(f"{short.get(name, name)} 80%", numeric=True))
    if spread:
        columns.append(Column("models", numeric=True))
    if draws:
        columns.append(Column(f"{short.get(lead, lead)} 80%", numeric=True))
    cells_by_row: list[tuple[str, ...]] = []
    option_rows: list[tuple[str, str]] = []
    marks: set[str] = set()
    for row in rows:
        cells = [row["id"], _fmt(row["status_quo"])]
        for name in models:
            entry = row["models"][name]
            mark = ("†" if entry["outside_interval"] else "") + ("‡" if entry["clipped"] else "")
            marks.update(mark)
            cells.append(_fmt(entry["forecast"]) + mark)
            if intervals and draws and name != lead:
                lo, hi = entry["interval"] or (None, None)
                cells.append(f"{_fmt(lo)}–{_fmt(hi)}")
        if spread:
            lo, hi = row["models_range"] or (None, None)
            cells.append(f"{_fmt(lo)}–{_fmt(hi)}")
        m = row["models"][lead]
        if draws:
            lo, hi = m["interval"] or (None, None)
            cells.append(f"{_fmt(lo)}–{_fmt(hi)}")
        cells_by_row.append(tuple(cells))
        option_rows.append((row["id"], m["option"] or "–"))
    out = console()
    table = TextTable(
        title=f"Forecast: {title}",
        columns=tuple(columns),
        rows=tuple(cells_by_row),
        compact=True,
    )
    print_in_blocks(table, out)
    print_table(
        TextTable(
            title="",
            columns=(
                Column("issue", whole=True),
                Column(f"nearest labelled option ({short.get(lead, lead)})"),
            ),
            rows=tuple(option_rows),
            compact=True,
        ),
        out,
    )
    notes = ["sq: status quo."]
    if spread:
        notes.append("models: lowest–highest forecast of the models (their disagreement).")
    per_model = params.get("draws_per_model")
    if draws and per_model:
        drawn = [d for d in per_model.values() if d > 0]
        draws = per_model.get(lead, min(drawn, default=0))
    if draws:
        notes.append(
            f"80%: central 80% of the {lead} forecast over {draws} draws of the inputs; it covers "
            "input uncertainty only (positions, saliences and capabilities with the standard "
            "deviations the scenario states), not the models' disagreement."
        )
    elif params.get("no_draws_reason"):
        from pourparler.report.forecast import no_draws

        notes.append(no_draws(params["no_draws_reason"]))
    if per_model:
        from pourparler.report.forecast import cut_draws

        few = cut_draws(per_model, int(params["draws"]))
        notes.append(
            f"Draws cut to the time budget at this size: {few}; a model without draws has no "
            "interval and is held at its forecast in the ensemble's draws. --full draws them all."
        )
    empty = [f"{row['id']} {row['draws_without_forecast']}" for row in rows
             if row.get("draws_without_forecast")]  # fmt: skip
    if empty:
        notes.append(
            "Draws without a forecast (no actor had any weight on the issue: saliences or "
            f"capabilities drawn to 0): {', '.join(empty)}; the intervals are over the others."
        )
    if "†" in marks:
        notes.append(OUTSIDE_NOTE)
    if "‡" in marks:
        notes.append(CLIPPED_NOTE)
    from pourparler.cli.common import inert

    out.print("[dim]" + inert(" ".join(notes)) + "[/dim]")
