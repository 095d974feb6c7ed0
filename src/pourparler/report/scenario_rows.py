"""A scenario summarised as rows of strings (``pourparler show``): actors, one line per issue,
and sources."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pourparler.report.table import Column, TextTable

if TYPE_CHECKING:
    from pourparler.scenario import Scenario


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def actors_table(sc: Scenario) -> TextTable:
    return TextTable(
        title="Actors",
        columns=(
            Column("actor", whole=True),
            Column("name"),
            Column("kind"),
            Column("capability", numeric=True),
            Column("table", numeric=True),
            Column("veto", numeric=True),
            Column("no deal", numeric=True),
        ),
        rows=tuple(
            (
                a.id,
                a.name,
                a.kind,
                f"{a.capability:.2f}",
                _yes(a.at_table),
                _yes(a.veto),
                f"{a.no_deal.utility:.2f}",
            )
            for a in sc.actors
        ),
        notes=("table: at the table; no deal: utility of no deal today (0–1)",),
    )


def issue_lines(sc: Scenario, full: bool = False) -> list[str]:
    """One line per issue: id, name, track, what its lowest and highest options mean, the
    status quo and its nearest option; with ``full`` every option on a line of its own."""
    out = []
    for i in sc.issues:
        lo, hi = i.options[0], i.options[-1]
        sq = i.nearest_option(i.status_quo)
        ends = f"{lo.value:g} {lo.label} ↔ {hi.value:g} {hi.label}"
        n = f"{len(i.options)} options"
        out.append(f"{i.id} — {i.name} [{i.track}]: {ends}; {n}; sq {i.status_quo:g} ({sq.label})")
        if full:
            out += [f"    {o.value:g}  {o.label}" for o in i.options]
    return out


def sources_table(sc: Scenario) -> TextTable:
    return TextTable(
        title="Sources",
        columns=(
            Column("id", whole=True),
            Column("date", numeric=True),
            Column("outlet"),
            Column("title"),
            Column("conf", numeric=True),
        ),
        rows=tuple(
            (
                s.id,
                s.date.isoformat() if s.date else "",
                s.outlet,
                s.title,
                f"{s.confidence:.2f}",
            )
            for s in sc.sources
        ),
        notes=("conf: trust in the source (1 primary, low for leaks and aggregators)",),
    )
