"""Render the ``pourparler deals`` report (shaped in :mod:`pourparler.report.deals_rows`) to the
terminal, each table fitted to its width."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pourparler.cli.common import console, inert
from pourparler.cli.fitted_table import print_in_blocks, print_table
from pourparler.report import deals_rows as rows

if TYPE_CHECKING:
    from pourparler.report.deals import DealsReport
    from pourparler.scenario import Scenario


def print_report(sc: Scenario, r: DealsReport) -> None:
    out = console()
    title, space, size = rows.headline(sc, r)
    verdict = "[red]EMPTY[/red]" if r.zone.empty else "[green]not empty[/green]"
    track = r.provenance.parameters.get("track")
    out.print(f"[bold]{inert(title)}[/bold]" + (f" — track: {inert(track)}" if track else ""))
    out.print(inert(space))
    out.print(f"Agreement zone: {verdict} {inert(size)}")
    if r.zone.note is not None:
        out.print(f"{inert(r.zone.note)}.")
    why = rows.no_point_reason(r)
    if why is not None:
        out.print(f"No bargaining point: {why}.")
    else:
        print_table(rows.point_options_table(sc, r))
        print_in_blocks(rows.point_utilities_table(sc, r))
    best = rows.best_table(sc, r)
    if best is not None:
        print_in_blocks(best)
    print_table(rows.frontier_table(r))
    for line in rows.obstacle_lines(r):
        out.print(inert(line))
    concessions = rows.concessions_table(r)
    if concessions is not None:
        print_table(concessions)
    spoilers = rows.spoilers_table(r)
    if spoilers is None:
        out.print("Spoilers: none (every veto actor is at the table).")
    else:
        print_table(spoilers)
