"""``pourparler forecast``: where each issue settles, by each model, with intervals."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.forecast.models import Rounds
    from pourparler.forecast.scenario_forecast import ScenarioForecast
    from pourparler.scenario import Scenario

SCENARIO_ARG = typer.Argument(help="Built-in scenario name or a YAML, Decide or BDM CSV file.")
MODEL_OPT = typer.Option(
    "--model", help="compromise, median, nash, bdm, exchange, ensemble, or all."
)
ROUNDS_OPT = typer.Option("--rounds", help="Rounds of the iterative models (BDM, exchange).")
DRAWS_OPT = typer.Option("--draws", help="Monte Carlo draws for the intervals (0: none).")
SEED_OPT = typer.Option("--seed", help="Random seed (default: a fresh one, shown in --json).")
Q_OPT = typer.Option("--q", help="BDM: probability that the status quo holds (Q).")
WORKERS_OPT = typer.Option("--workers", help="Threads for the Monte Carlo draws.")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")

DEFAULT_DRAWS = 200
PROGRESS_FROM = 500  # draws; fewer finish in about a second


def register(app: typer.Typer) -> None:
    app.command("forecast")(forecast)


def check_options(rounds: int, draws: int, q: float, workers: int) -> None:
    """Reject option values the models cannot use, naming the option."""
    if rounds < 0 or rounds > 1000:
        raise InputError(f"--rounds: must be between 0 and 1000, got {rounds}")
    if draws < 0 or draws > 1_000_000:
        raise InputError(f"--draws: must be between 0 and 1000000, got {draws}")
    if not 0.0 <= q <= 1.0:
        raise InputError(f"--q: must lie in 0–1, got {q}")
    if workers < 1:
        raise InputError(f"--workers: must be at least 1, got {workers}")


def fresh_seed(seed: int | None) -> int:
    """``seed`` itself, or a fresh one to record when none is given (seed 0 is a seed)."""
    if seed is not None:
        if seed < 0:
            raise InputError(f"--seed: must be non-negative, got {seed}")
        return seed
    import numpy as np

    return int(np.random.SeedSequence().generate_state(1, dtype=np.uint64)[0] >> 1)


def forecast(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    model: Annotated[str, MODEL_OPT] = "all",
    rounds: Annotated[int, ROUNDS_OPT] = 10,
    draws: Annotated[int, DRAWS_OPT] = DEFAULT_DRAWS,
    seed: Annotated[int | None, SEED_OPT] = None,
    q: Annotated[float, Q_OPT] = 1.0,
    workers: Annotated[int, WORKERS_OPT] = 1,
    as_json: Annotated[bool, JSON_OPT] = False,
) -> None:
    """Forecast each issue: status quo, each model's forecast with its 80% interval, the
    ensemble and the nearest labelled option."""
    from pourparler.cli.common import emit_json, load, provenance
    from pourparler.forecast.scenario_forecast import forecast_scenario, resolve_models

    check_options(rounds, draws, q, workers)
    try:
        resolve_models(model)
    except ValueError as exc:
        raise InputError(f"--model: {exc}") from None
    seed = fresh_seed(seed)
    sc = load(scenario)
    try:
        with _Progress(draws if draws >= PROGRESS_FROM else 0) as advance:
            result = forecast_scenario(
                sc,
                [model],
                rounds=rounds,
                draws=draws,
                seed=seed,
                q=q,
                workers=workers,
                progress=advance,
            )
    except ValueError as exc:  # the models' own checks on the scenario's numbers
        raise InputError(f"{scenario}: {exc}") from None
    rows = forecast_rows(sc, result)
    if as_json:
        emit_json({**provenance(sc, **result.parameters), "seed": seed, "issues": rows})
        return
    _print_table(sc.title, rows, result.models, draws)


def forecast_rows(sc: Scenario, result: ScenarioForecast) -> list[dict[str, Any]]:
    """One JSON-ready row per issue: status quo and, per model, forecast, interval, rounds."""
    rows: list[dict[str, Any]] = []
    actor_ids = [a.id for a in sc.actors]
    for k, issue in enumerate(sc.issues):
        per_model: dict[str, Any] = {}
        for name in result.models:
            run = result.nominal[name]
            x = float(run.forecast[0, k])
            entry: dict[str, Any] = {
                "forecast": x,
                "interval": None,
                "draw_median": None,
                "option": issue.nearest_option(x).label if x == x else None,
            }
            dist = result.distributions.get(name)
            if dist is not None:
                entry["interval"] = [float(dist.low[k]), float(dist.high[k])]
                entry["draw_median"] = float(dist.median[k])
            if run.rounds is not None:
                entry["rounds"] = _round_rows(run.rounds, k, actor_ids, name == "exchange")
            per_model[name] = entry
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
    return rows


def _round_rows(rounds: Rounds, k: int, actor_ids: list[str], exchange: bool) -> list[Any]:
    out = []
    for t in range(rounds.median.shape[-1]):
        pos = rounds.positions[0, k, t]
        if all(v != v for v in pos):  # a round the model did not run
            continue
        row: dict[str, Any] = {
            "round": t,
            "median": float(rounds.median[0, k, t]),
            "mean": float(rounds.mean[0, k, t]),
            "positions": {a: float(pos[i]) for i, a in enumerate(actor_ids) if pos[i] == pos[i]},
        }
        if exchange and rounds.outcome_start is not None and rounds.outcome_voting is not None:
            row["outcome_start"] = float(rounds.outcome_start[0, k, t])
            row["outcome_voting"] = float(rounds.outcome_voting[0, k, t])
        out.append(row)
    return out


class _Progress:
    """A transient rich progress bar on stderr over ``total`` draws (none when total is 0 or
    stderr is not a terminal); entering gives the callback that advances it, or None."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar: Any = None

    def __enter__(self) -> Any:
        if self.total <= 0:
            return None
        from rich.console import Console
        from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

        err = Console(stderr=True)
        if not err.is_terminal:  # no bar in logs and pipes
            return None
        self.bar = Progress(
            TextColumn("draws"),
            BarColumn(),
            TextColumn("{task.completed}/{task.total}"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
        )
        self.bar.start()
        task = self.bar.add_task("draws", total=self.total)
        return lambda n: self.bar.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


def _fmt(x: float | None) -> str:
    return "–" if x is None or x != x else f"{x:.3g}"


def _print_table(title: str, rows: list[dict[str, Any]], models: list[str], draws: int) -> None:
    from rich import box
    from rich.table import Table

    from pourparler.cli.common import console

    lead = "ensemble" if "ensemble" in models else models[-1]
    short = {"compromise": "comp.", "exchange": "exch."}
    table = Table(title=f"Forecast: {title}", title_justify="left", box=box.SIMPLE_HEAD)
    table.add_column("issue", no_wrap=True, max_width=16)
    table.add_column("sq", justify="right", no_wrap=True)
    for name in models:
        table.add_column(short.get(name, name), justify="right", no_wrap=True)
    if draws:
        table.add_column("80%", justify="right", no_wrap=True)
    options = Table(box=box.SIMPLE_HEAD)
    options.add_column("issue", no_wrap=True)
    options.add_column(f"nearest labelled option to the {lead} forecast")
    for row in rows:
        cells = [row["id"], _fmt(row["status_quo"])]
        cells += [_fmt(row["models"][name]["forecast"]) for name in models]
        m = row["models"][lead]
        if draws:
            lo, hi = m["interval"] or (None, None)
            cells.append(f"{_fmt(lo)}–{_fmt(hi)}")
        table.add_row(*cells)
        options.add_row(row["id"], m["option"] or "–")
    console().print(table)
    console().print(options)
    if draws:
        console().print(
            f"[dim]sq: status quo; 80%: interval of the {lead} forecast over {draws} draws.[/dim]"
        )
