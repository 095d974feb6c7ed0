"""Scenario commands: list, show, init, validate, export, schema."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError
from pourparler.files import refuse_existing, write_text_atomically

SCENARIO_ARG = typer.Argument(
    help="Built-in scenario name, a YAML, Decide or BDM CSV file, or a GENIUS domain (its folder "
    "or its domain .xml file)."
)
JSON_OPT = typer.Option("--json", help="Print JSON instead of a table.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table instead (needs pandas).")
FORCE_OPT = typer.Option("--force", help="Overwrite an existing file.")


def register(app: typer.Typer) -> None:
    app.command("scenarios")(scenarios)
    app.command("show")(show)
    from pourparler.cli.why_command import why

    app.command("why")(why)
    app.command("init")(init)
    app.command("validate")(validate)
    app.command("export")(export)
    app.command("schema")(schema)


def scenarios(
    as_json: Annotated[bool, JSON_OPT] = False, as_csv: Annotated[bool, CSV_OPT] = False
) -> None:
    """List the built-in scenarios."""
    from pourparler.cli.common import check_output, console, emit_json, load
    from pourparler.scenario.builtin import builtin_names

    check_output(as_json=as_json, as_csv=as_csv)
    items = []
    for name in builtin_names():
        sc = load(name)
        date = sc.date.isoformat() if sc.date else ""
        items.append({"name": name, "title": sc.title, "date": date, **sc.summary()})
    if as_json:
        emit_json(items)
        return
    if as_csv:
        import pandas as pd

        from pourparler.report.csv import csv_text

        sys.stdout.write(csv_text(pd.DataFrame(items)))
        return
    from pourparler.cli.fitted_table import print_table
    from pourparler.report.table import Column, TextTable

    counts = ("actors", "issues", "stances", "sources")
    print_table(
        TextTable(
            title="",
            columns=(
                Column("name", whole=True),
                Column("date", numeric=True),
                Column("title"),
                *(Column(c, numeric=True) for c in counts),
            ),
            rows=tuple(tuple(str(i[k]) for k in ("name", "date", "title", *counts)) for i in items),
            compact=True,
        ),
        console(),
    )


def show(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="Print the stances as CSV, one row each (needs pandas).")
    ] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
    sources: Annotated[
        bool, typer.Option("--sources", help="List the sources (id, title, outlet, date).")
    ] = False,
    full: Annotated[
        bool,
        typer.Option(
            "--full", help="Everything: the whole description, every option, the sources."
        ),
    ] = False,
    stances: Annotated[
        bool,
        typer.Option(
            "--stances",
            help="The actor × issue matrix of positions (salience and red lines marked).",
        ),
    ] = False,
) -> None:
    """Summarise a scenario: actors, and each issue on one line (what its scale's ends mean,
    its status quo); --full adds every option and the sources, --stances the positions."""
    from pourparler.cli.common import check_output, console, emit_json, emit_result, inert
    from pourparler.cli.whatif_options import load_with_changes

    check_output(as_json=as_json, as_csv=as_csv)
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    if as_csv:
        from pourparler.report.stances import stance_matrix

        emit_result(stance_matrix(sc), as_json=False, as_csv=True)
        return
    if stances:
        from pourparler.cli.fitted_table import print_in_blocks
        from pourparler.report.stances import stance_matrix

        matrix = stance_matrix(sc)
        if as_json:
            emit_json(matrix.to_data())
        else:
            print_in_blocks(matrix.table())
        return
    if as_json:
        emit_json(
            {
                "id": sc.id,
                "title": sc.title,
                "hash": sc.digest(),
                **sc.summary(),
                "actors": [a.id for a in sc.actors],
                "issues": [i.id for i in sc.issues],
            }
        )
        return
    from pourparler.cli.fitted_table import print_in_blocks, print_table
    from pourparler.report.scenario_rows import actors_table, issue_lines, sources_table

    out = console()
    counts = sc.summary()
    out.print(f"[bold]{inert(sc.title)}[/bold]  ({inert(sc.id)}, {sc.date or 'undated'})")
    if sc.description:
        text = sc.description if full else sc.description.split(". ")[0].rstrip(".") + "."
        more = "" if full or text == sc.description else " [dim](--full: the whole text)[/dim]"
        out.print(inert(text) + more)
    out.print(
        f"{_n(counts['actors'], 'actor')}, {_n(counts['issues'], 'issue')}, "
        f"{_n(counts['stances'], 'stance')}, {_n(counts['sources'], 'source')} "
        f"({counts['sources_cited']} cited); hash {sc.digest()[:12]}"
    )
    print_in_blocks(actors_table(sc))
    out.print("[bold]Issues[/bold] (0 ↔ 100: what the scale's ends mean; sq: status quo)")
    for line in issue_lines(sc, full):
        out.print(inert(line))
    if sources or full:
        print_table(sources_table(sc))
    elif counts["sources"]:
        out.print(f"[dim]{counts['sources']} sources: --sources lists them.[/dim]")


def _n(count: int, noun: str) -> str:
    """``count`` ``noun``s: "1 issue", "2 issues"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def init(
    name: Annotated[str, typer.Argument(help="Built-in scenario to copy.")],
    to: Annotated[Path, typer.Option("--to", help="File to write (must not exist).")],
    force: Annotated[bool, FORCE_OPT] = False,
) -> None:
    """Write an editable copy of a built-in scenario."""
    from pourparler.cli.common import plain
    from pourparler.scenario.builtin import builtin_path

    source = builtin_path(name)
    refuse_existing(to, force)
    write_text_atomically(to, source.read_text(encoding="utf-8"))
    typer.echo(f"wrote {plain(to)}")


def validate(
    files: Annotated[list[str], typer.Argument(help="Scenario files or names.")],
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Check scenario files; print every problem found, exit 2 if any (warnings, such as
    sources used with hindsight, are listed on stderr and do not fail the check). What-if
    options apply to each file and are checked with it."""
    from dataclasses import replace

    from pourparler.cli.common import plain
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.scenario import ScenarioError
    from pourparler.scenario.checks import find_warnings

    bad = 0
    for f in files:
        try:
            sc = load_with_changes(f, set_, drop, seat, unseat)
        except ScenarioError as exc:
            bad += 1
            for p in exc.problems:
                typer.echo(plain(p), err=True)
            continue
        except InputError as exc:
            bad += 1
            typer.echo(plain(exc), err=True)
            continue
        s = sc.summary()
        counts = ", ".join(_n(s[k + "s"], k) for k in ("actor", "issue", "stance"))
        typer.echo(f"{plain(f)}: ok ({counts})")
        for w in find_warnings(sc):
            typer.echo(f"warning: {plain(replace(w, file=f))}", err=True)
    if bad:
        raise typer.Exit(2)


def export(
    scenario: Annotated[str, SCENARIO_ARG],
    to: Annotated[
        Path | None,
        typer.Option("--to", help="File to write (must not exist); stdout if omitted."),
    ] = None,
    force: Annotated[bool, FORCE_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Export any scenario (built-in, YAML, Decide, BDM CSV, GENIUS) as scenario YAML, with
    any what-if changes made."""
    from pourparler.cli.common import plain
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.scenario.yaml_io import dump_yaml

    if to is not None:
        refuse_existing(to, force)
    text = dump_yaml(load_with_changes(scenario, set_, drop, seat, unseat))
    if to is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomically(to, text)
        typer.echo(f"wrote {plain(to)}")


def schema(
    to: Annotated[
        Path | None,
        typer.Option("--to", help="File to write (must not exist); stdout if omitted."),
    ] = None,
    force: Annotated[bool, FORCE_OPT] = False,
) -> None:
    """Print the JSON Schema of scenario files (for editors that check YAML as you type)."""
    import json

    from pourparler.scenario.model import Scenario

    if to is not None:
        refuse_existing(to, force)
    text = json.dumps(Scenario.model_json_schema(), indent=2) + "\n"
    if to is None:
        typer.echo(text, nl=False)
    else:
        write_text_atomically(to, text)
