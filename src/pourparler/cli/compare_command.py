"""``pourparler compare``: two scenarios side by side, or one with and without what-if changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.report.compare import CompareReport, ZoneSide

A_ARG = typer.Argument(
    metavar="A",
    help="Scenario A: a built-in name, a YAML, Decide or BDM CSV file, or a GENIUS domain.",
)
B_ARG = typer.Argument(
    metavar="B",
    help="Scenario B (default: A again, with the what-if options applied). The what-if options "
    "always apply to B only.",
)
SEED_OPT = typer.Option("--seed", help="Random seed of both sides (default: a fresh one).")
DRAWS_OPT = typer.Option(
    "--draws", help="Monte Carlo draws for the forecast intervals: 0 (none) or at least 10."
)
RUNS_OPT = typer.Option("--runs", help="Simulated runs per side (with a battlefield section).")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table, one row per number (needs pandas).")

DEFAULT_DRAWS = 200
DEFAULT_RUNS = 5_000
MAX_RUNS = 1_000_000


def register(app: typer.Typer) -> None:
    app.command("compare")(compare)


def compare(
    a: Annotated[str, A_ARG],
    b: Annotated[str | None, B_ARG] = None,
    seed: Annotated[int | None, SEED_OPT] = None,
    draws: Annotated[int, DRAWS_OPT] = DEFAULT_DRAWS,
    runs: Annotated[int, RUNS_OPT] = DEFAULT_RUNS,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Compare scenario A with scenario B: each issue's ensemble forecast and 80% interval
    (B − A), the zone of agreement, its bargaining points and principal obstacle, and, when
    both have a battlefield section, the simulated chances of a ceasefire, a settlement and a
    breakdown. Both sides use the same seed, so only the scenarios' differences show."""
    from pourparler.cli.common import check_output, emit_result, load
    from pourparler.cli.forecast_command import fresh_seed
    from pourparler.cli.whatif_options import has_changes, load_with_changes
    from pourparler.forecast.budget import MIN_DRAWS
    from pourparler.report.compare import compare_scenarios
    from pourparler.scenario.whatif import applied_changes

    check_output(as_json=as_json, as_csv=as_csv)
    if not (draws == 0 or MIN_DRAWS <= draws <= 1_000_000):
        raise InputError(
            f"--draws: must be 0 (no intervals) or between {MIN_DRAWS} (the fewest an 80% "
            f"interval needs) and 1000000, got {draws}"
        )
    if not 1 <= runs <= MAX_RUNS:
        raise InputError(f"--runs: {runs}: expected a whole number from 1 to {MAX_RUNS:,}")
    if b is None and not has_changes(set_, drop, seat, unseat):
        raise InputError(
            "compare: give a second scenario, or what-if options (--set, --drop, --seat, "
            "--unseat) to compare A with"
        )
    seed = fresh_seed(seed)
    sc_a = load(a)
    if b is None:
        sc_b = load_with_changes(a, set_, drop, seat, unseat, loader=lambda _spec: sc_a)
    else:
        sc_b = load_with_changes(b, set_, drop, seat, unseat)
    changes = applied_changes(sc_b)
    label_b = (b if b is not None else a) + (" (what-if)" if changes else "")
    report = compare_scenarios(
        sc_a, sc_b, label_a=a, label_b=label_b, seed=seed, draws=draws, runs=runs
    )
    if emit_result(report, as_json=as_json, as_csv=as_csv):
        return
    _print(report)


def _num(x: float | None, digits: int = 3) -> str:
    return "–" if x is None or x != x else f"{x:.{digits}g}"


def _signed(x: float | None, digits: int = 3) -> str:
    if x is None or x != x:
        return "–"
    if abs(x) < 5e-10:
        return "0"
    return f"{x:+.{digits}g}"


def _interval(iv: tuple[float, float] | None) -> str:
    return "–" if iv is None else f"{iv[0]:.3g}–{iv[1]:.3g}"


def _print(report: CompareReport) -> None:
    from rich import box
    from rich.table import Table

    from pourparler.cli.common import console, inert
    from pourparler.report.compare import SIMULATED, lead_draws, obstacle_text, widening_text

    out = console()
    data = report.to_data()
    for name, prov in (("A", report.provenance_a), ("B", report.provenance_b)):
        label = report.label_a if name == "A" else report.label_b
        out.print(f"[bold]{name}[/bold]: {inert(label)}  (hash {prov.scenario_hash[:12]})")
        for change in prov.parameters.get("what_if", ()):
            out.print(f"   {inert(change)}")

    sides = {"A": report.provenance_a.parameters, "B": report.provenance_b.parameters}
    made = {name: lead_draws(params) for name, params in sides.items()}
    if len(set(made.values())) == 1:
        over = f" over {made['A']} draws" if made["A"] else ""
    else:
        over = " over " + ", ".join(f"{n} {d or 'no'}" for n, d in made.items()) + " draws"
    table = Table(
        title="Forecast: ensemble" + (f", 80% interval{over}" if any(made.values()) else ""),
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0, 0, 1),
        pad_edge=False,
    )
    table.add_column("issue", overflow="fold", max_width=16)
    for name in ("A", "A 80%", "B", "B 80%", "B − A"):
        table.add_column(name, justify="right", no_wrap=True)
    only: dict[str, list[str]] = {"A": [], "B": []}
    outside = False
    for issue in report.issues:
        if issue.only_in is not None:
            only[issue.only_in.upper()].append(issue.id)
        cells = [inert(issue.id)]
        for side in (issue.a, issue.b):
            if side is None:
                cells += ["–", "–"]
                continue
            mark = "†" if side.outside_interval else ""
            outside = outside or bool(mark)
            cells += [_num(side.forecast) + mark, _interval(side.interval)]
        cells.append(_signed(issue.difference))
        table.add_row(*cells)
    out.print(table)
    for note in _draws_notes(sides):
        out.print(f"[dim]{inert(note)}[/dim]")
    if outside:
        from pourparler.cli.forecast_command import OUTSIDE_NOTE

        out.print(f"[dim]{inert(OUTSIDE_NOTE)}[/dim]")
    for name, ids in only.items():
        if ids:
            out.print(f"[dim]Only in {name}: {inert(', '.join(ids))}.[/dim]")

    zone = Table(
        title="Zone of agreement",
        title_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0, 0, 1),
        pad_edge=False,
    )
    zone.add_column("", no_wrap=True)
    zone.add_column("A", ratio=1, overflow="fold")
    zone.add_column("B", ratio=1, overflow="fold")
    za, zb = report.zone_a, report.zone_b
    zone.add_row("empty", _yes(za.empty), _yes(zb.empty))
    zone.add_row("packages in it", _size(za), _size(zb))
    zone.add_row("of all", f"{za.packages:,}", f"{zb.packages:,}")
    zone.add_row("obstacle", inert(obstacle_text(za.obstacle)), inert(obstacle_text(zb.obstacle)))
    if not (za.empty and zb.empty):
        zone.add_row("widening", *(inert(widening_text(z) or "–") for z in (za, zb)))
    out.print(zone)
    points = data["zone"]["difference"]["points"]
    if all(za.points.get(n) is None and zb.points.get(n) is None for n in points):
        out.print("[dim]Bargaining points: none on either side.[/dim]")
    else:
        out.print("[dim]Bargaining points (B against A):[/dim]")
        grouped: dict[str, list[str]] = {}
        for name, changed in points.items():
            what = _point_status(za.points.get(name), zb.points.get(name), changed)
            grouped.setdefault(what, []).append(name.replace("_", " "))
        for what, names in grouped.items():
            out.print("  " + inert(f"{', '.join(names)}: {what}"))

    if report.simulation_a is not None and report.simulation_b is not None:
        runs = int(report.provenance_a.parameters.get("runs") or 0)
        sim = Table(
            title=f"Simulation: {runs:,} runs of 36 months each",
            title_justify="left",
            box=box.SIMPLE_HEAD,
            padding=(0, 0, 0, 1),
            pad_edge=False,
        )
        sim.add_column("", no_wrap=True)
        for name in ("A", "B", "B − A"):
            sim.add_column(name, justify="right", no_wrap=True)
        diffs = report.simulation_differences() or {}
        for key, label in SIMULATED:
            sa, sb = report.simulation_a.get(key), report.simulation_b.get(key)
            sim.add_row(label, _num(sa), _num(sb), _signed(diffs.get(key)))
        out.print(sim)
    elif report.simulation_note:
        out.print(f"[dim]No simulation: {inert(report.simulation_note)}.[/dim]")
    out.print(
        f"[dim]Both sides ran with seed {report.provenance_a.seed}; B − A is B's value minus "
        "A's.[/dim]"
    )


def _draws_notes(sides: dict[str, Any]) -> list[str]:
    """Per side, why it has no intervals or fewer draws than asked for, as ``forecast`` says."""
    from pourparler.report.forecast import cut_draws, no_draws

    notes = []
    for name, params in sides.items():
        if params.get("no_draws_reason"):
            why = no_draws(params["no_draws_reason"])
            notes.append(f"{name}: {why[0].lower()}{why[1:]}")
        per_model = params.get("draws_per_model")
        if params.get("draws") and per_model:
            few = cut_draws(per_model, int(params["draws"]))
            notes.append(
                f"{name}: draws cut to the time budget at this size: {few}; a model without "
                "draws is held at its forecast in the ensemble's draws."
            )
    return notes


def _size(zone: ZoneSide) -> str:
    if zone.size is not None:
        return f"{zone.size:,}"
    value = (zone.estimated_size or {}).get("value")
    return "–" if value is None else f"about {value:,.0f}"


def _yes(flag: bool) -> str:
    return "yes" if flag else "no"


def _point_status(a: Any, b: Any, changed: list[str] | None) -> str:
    """How B's bargaining point stands against A's, in words."""
    if a is None and b is None:
        return "none on either side"
    if changed is None:
        return f"only in {'A' if b is None else 'B'}"
    only = [(n, [i for i in x if i not in y]) for n, x, y in (("A", a, b), ("B", b, a))]
    only_text = "; ".join(f"issues only in {n}: {_some(ids)}" for n, ids in only if ids)
    if not any(i in b for i in a):
        return f"no issue in common ({only_text})"
    what = f"differs on {_some(changed)}" if changed else "the same package"
    return f"{what} (among the issues both have; {only_text})" if only_text else what


def _some(ids: list[str]) -> str:
    return ", ".join(ids[:6]) + (f" and {len(ids) - 6} more" if len(ids) > 6 else "")
