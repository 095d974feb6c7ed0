"""``pourparler why SCENARIO ACTOR ISSUE``: an actor's stance on an issue, what it means on the
issue's scale, and every source it rests on; and the actor's no-deal outlook with its sources."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt

if TYPE_CHECKING:
    from rich.console import Console

    from pourparler.report.stances import CitedSource

JSON_OPT = typer.Option("--json", help="Print one JSON object.")


def why(
    scenario: Annotated[
        str,
        typer.Argument(
            help="Built-in scenario name, a YAML, Decide or BDM CSV file, or a GENIUS domain."
        ),
    ],
    actor: Annotated[str, typer.Argument(help="Actor (id, name or alias).")],
    issue: Annotated[str, typer.Argument(help="Issue (id or name).")],
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[
        bool,
        typer.Option("--csv", help="Print the citations as CSV, one row each (needs pandas)."),
    ] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Why the scenario puts ACTOR where it does on ISSUE: position and the nearest labelled
    option, salience, red line, uncertainty, option utilities, and each citation with its
    source (title, outlet, date, locator, note, confidence, hindsight); then the actor's
    no-deal outlook with its citations. Unknown names: exit 2 with close matches."""
    from pourparler.cli.common import check_output, console, emit_result, inert
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.report.stances import why as explain

    check_output(as_json=as_json, as_csv=as_csv)
    report = explain(load_with_changes(scenario, set_, drop, seat, unseat), actor, issue)
    if emit_result(report, as_json=as_json, as_csv=as_csv):
        return
    out = console()
    out.print(
        f"[bold]{inert(report.actor_name)} ({inert(report.actor)}) on "
        f"{inert(report.issue_name)} ({inert(report.issue)})[/bold]"
    )
    if report.position is None:
        out.print("No stance: the actor is indifferent to this issue.")
    else:
        out.print(
            f"Position: {report.position:g} (nearest option: {inert(report.nearest_option)}); "
            f"salience {report.salience:g}"
        )
        if report.red_line is None:
            out.print("Red line: none")
        else:
            lo, hi = report.red_line
            out.print(f"Red line: accepts {lo:g}–{hi:g} (✗: options outside it)")
    out.print("Scale (> nearest option to the position):")
    for value, label in report.scale:
        near = ">" if label == report.nearest_option else " "
        lo, hi = report.red_line or (0.0, 100.0)
        shut = "✗" if not lo <= value <= hi else " "
        out.print(f" {near}{shut}{value:>4g}  {inert(label)}")
    if report.position is not None:
        u = report.uncertainty or {}
        out.print(
            f"Uncertainty (sd): position {u.get('position', 0.0):g}, "
            f"salience {u.get('salience', 0.0):g}"
        )
        if report.option_utilities:
            ou = ", ".join(f"{v:g}: {x:g}" for v, x in report.option_utilities)
            out.print(f"Option utilities: {ou}")
        _cites(out, "Sources of the stance", report.stance_cites)
    nd = report.no_deal
    given = "" if report.no_deal_given else " not given in the scenario; the defaults are"
    out.print(
        f"[bold]No-deal outlook[/bold]:{given} utility {nd['utility']:g}, "
        f"trend {nd['trend']:+g}/month, cost {nd['monthly_cost']:g}/month, "
        f"optimism {nd['optimism']:g}, horizon "
        f"{nd['horizon_months']:g} months -> perceived {report.no_deal_perceived:.3f}"
    )
    _cites(out, "Sources of the outlook", report.no_deal_cites)


def _cites(out: Console, heading: str, cites: tuple[CitedSource, ...]) -> None:
    from pourparler.cli.common import inert

    if not cites:
        out.print(f"{heading}: none cited")
        return
    out.print(f"{heading}:")
    for c in cites:
        where = ", ".join(x for x in (c.outlet, c.date or "undated", c.locator) if x)
        late = f"; hindsight: {c.hindsight}" if c.hindsight else ""
        out.print(
            inert(f"  [{c.source}] {c.title} ({where}); confidence {c.confidence:g}{late}"),
        )
        out.print(inert(f"      {c.note}"))
