"""``pourparler simulate``: the talks month by month over many runs, on this machine or Ray."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.report.simulation import Share, SimulationResult

SCENARIO_ARG = typer.Argument(
    help="Built-in scenario name or a scenario YAML file with a battlefield section."
)
MONTHS_OPT = typer.Option("--months", help="Months each run lasts.")
RUNS_OPT = typer.Option("--runs", help="Runs (in batches of 100 sharing drawn inputs).")
SEED_OPT = typer.Option("--seed", help="Random seed (default: a fresh one, shown in --json).")
BACKEND_OPT = typer.Option("--backend", help="local (this machine) or ray.")
WORKERS_OPT = typer.Option(
    "--workers", help="Processes (local) or CPUs of a local Ray; 1: in this process."
)
ADDRESS_OPT = typer.Option("--ray-address", help="Address of a running Ray cluster.")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table, one row per month (needs pandas).")

SHOWN_MONTHS = (1, 3, 6, 12, 24, 36)


def register(app: typer.Typer) -> None:
    app.command("simulate")(simulate)


def simulate(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    months: Annotated[int, MONTHS_OPT] = 36,
    runs: Annotated[int, RUNS_OPT] = 10_000,
    seed: Annotated[int | None, SEED_OPT] = None,
    backend: Annotated[str, BACKEND_OPT] = "local",
    workers: Annotated[int, WORKERS_OPT] = 1,
    ray_address: Annotated[str | None, ADDRESS_OPT] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Whether and when the talks bring a ceasefire or a settlement, and whether it lasts:
    a random-walk war with learning sides, a mediator on the ceasefire and settlement tracks,
    agreements that break down (see docs/dynamics.md). Needs a battlefield section."""
    from pourparler.cli.common import check_output, emit_result
    from pourparler.cli.forecast_command import fresh_seed
    from pourparler.cli.progress_display import StderrProgress
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.dynamics.runners import BackendError, check_address, import_ray
    from pourparler.dynamics.simulate import check_arguments
    from pourparler.dynamics.simulate import simulate as run

    check_output(as_json=as_json, as_csv=as_csv)
    try:
        check_arguments(months, runs, backend, workers)
    except InputError as exc:
        raise InputError(f"--{str(exc).replace('_', '-')}") from None
    if ray_address is not None and backend != "ray":
        raise InputError(f"--ray-address: {ray_address}: only with --backend ray")
    if backend == "ray":
        import_ray()
        if ray_address:
            check_address(ray_address)
    seed = fresh_seed(seed)
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    bar = StderrProgress()
    bar.start("simulating", runs, None if runs >= 2_000 else 0.0)
    try:
        result = run(
            sc,
            months=months,
            runs=runs,
            seed=seed,
            backend=backend,  # type: ignore[arg-type]
            workers=workers,
            ray_address=ray_address,
            progress=bar.advance,
        )
    except BackendError:  # the backend's options name themselves
        raise
    except InputError as exc:  # the scenario's own numbers: name the file
        raise InputError(f"{scenario}: {exc}") from None
    finally:
        bar.finish()
    if emit_result(result, as_json=as_json, as_csv=as_csv):
        return
    _print(sc.title, result)


def _pct(x: float | None) -> str:
    return "–" if x is None else f"{100 * x:.0f}%"


def _band(lo: float | None, hi: float | None) -> str:
    return "–" if lo is None or hi is None else f"{100 * lo:.0f}–{100 * hi:.0f}"


def _percent(x: float, digits: int) -> str:
    return f"{100 * x:.{digits}f}"


def _marked(share: Share) -> tuple[str, str]:
    """The share in percent, with ‡ when it lies outside its band of batch shares, and the
    band; a share outside its band and the band get the digits that show the gap (0.2%‡
    beside 0.0–0.0; 1.6%‡ beside 0.0–1.5, not beside 0–2)."""
    from pourparler.report.dynamics_section import OUTSIDE_MARK, gap_digits, outside_band

    lo, hi = share.low, share.high
    if lo is None or hi is None or not outside_band(share.value, lo, hi):
        return _pct(share.value), _band(lo, hi)
    d = gap_digits(share.value, lo, hi, _percent, 0)
    return f"{_percent(share.value, d)}%{OUTSIDE_MARK}", f"{_percent(lo, d)}–{_percent(hi, d)}"


def _print(title: str, result: SimulationResult) -> None:
    from rich import box
    from rich.table import Table

    from pourparler.cli.common import console, inert
    from pourparler.dynamics.simulate import MIN_BATCHES

    out = console()
    params = result.provenance.parameters
    a, b = result.sides
    table = Table(
        title=f"Simulation: {inert(title)}",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0, 0, 1),
        pad_edge=False,
    )
    for name in ("month", "stopped", "80%", "signed", "80%", "broken", "80%", "ripe"):
        table.add_column(name, justify="right", no_wrap=True)
    shown = [m for m in result.months if m.month in SHOWN_MONTHS or m.month == len(result.months)]
    for m in shown:
        table.add_row(
            str(m.month),
            *_marked(m.silenced),
            *_marked(m.signed),
            *_marked(m.broken),
            "–" if m.ripeness is None else f"{m.ripeness:.2f}",
        )
    out.print(table)
    s = result.summary
    med_c, med_s = s["median_months_to_ceasefire"], s["median_months_to_settlement"]
    out.print(
        f"median months to a ceasefire: {'–' if med_c is None else f'{med_c:g}'}; "
        f"to a settlement: {'–' if med_s is None else f'{med_s:g}'}; "
        f"defeat of {inert(a)}: {_pct(s['p_defeat_a'])}, of {inert(b)}: {_pct(s['p_defeat_b'])}"
    )
    sp = result.split
    if sp is not None:
        out.print(
            f"Complete-information split at today's front ({sp.front} of {sp.steps}, p "
            f"{sp.p:g}; Slantchev 2003): {inert(a)} keeps {sp.x:.2f} of the whole when it "
            f"offers, {inert(b)} keeps {sp.y:.2f} when it offers; fighting on is worth "
            f"{sp.w_a:.2f} to {inert(a)} and {sp.w_b:.2f} to {inert(b)}."
        )
    terms = Table(
        title="Terms agreed (share of the runs with an agreement on the issue's track)",
        box=box.SIMPLE_HEAD,
    )
    terms.add_column("issue", overflow="fold", max_width=16)
    terms.add_column("track", no_wrap=True)
    terms.add_column("options", overflow="fold")
    for t in result.terms:
        if not t.runs:
            continue
        top = sorted(t.shares.items(), key=lambda kv: -kv[1])[:3]
        terms.add_row(
            inert(t.issue),
            t.track,
            "; ".join(f"{inert(label)} {_pct(v)}" for label, v in top),
        )
    if terms.row_count:
        out.print(terms)
    drivers = [d for d in result.drivers if d.correlation is not None]
    if drivers:
        out.print(
            f"What moves P({result.driver_target.replace('_', ' ')} by month "
            f"{result.driver_month}) across batches (Spearman): "
            + ", ".join(f"{inert(d.input)} {d.correlation:+.2f}" for d in drivers[:5])
        )
    notes = [
        f"{params['runs']:,} {'run' if params['runs'] == 1 else 'runs'} in batches of "
        f"{params['batch_runs']} sharing one draw of the "
        f"inputs; 80%: 10%–90% of the shares of the full batches (at least {MIN_BATCHES}). "
        "stopped: fighting stopped by an agreement by "
        "then; signed: a settlement signed by then; broken: an agreement broke down by then; "
        "ripe: mean ripeness index of the runs still at war.",
        *result.notes,
    ]
    from pourparler.report.dynamics_section import (
        OUTSIDE_MARK,
        OUTSIDE_NOTE,
        few_batches_drivers_note,
    )

    caveat = few_batches_drivers_note(params["runs"], params["batch_runs"], bool(drivers))
    if caveat is not None:
        notes.append(caveat)

    marks = [_marked(s)[0] for m in shown for s in (m.silenced, m.signed, m.broken)]
    if any(x.endswith(OUTSIDE_MARK) for x in marks):
        notes.append(f"{OUTSIDE_MARK} {OUTSIDE_NOTE}")
    for note in notes:
        out.print(inert(note), style="dim")
