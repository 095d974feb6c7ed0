"""``pourparler deals``: is there a package every party able to block prefers to war, which one,
and what stands in the way?"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

SPEC_ARG = typer.Argument(
    help="Built-in scenario name, a YAML/Decide/BDM CSV file, a folder with a GENIUS domain "
    "and its utility profiles, or a GENIUS domain .xml file (profiles read from its folder)."
)


# library parameter -> command-line option, for the library's one-line errors
FLAGS = {
    "method": "--method",
    "loss": "--loss",
    "reservation": "--reservation",
    "enumeration_limit": "--enumeration-limit",
    "n_best": "--best",
    "frontier_listed": "--frontier-listed",
    "frontier_resolution": "--frontier-resolution",
    "frontier_milps": "--frontier-milps",
    "track": "--track",
}


@contextmanager
def as_flags() -> Iterator[None]:
    """Re-raise the library's ``InputError("method: ...")`` as ``"--method: ..."``."""
    try:
        yield
    except InputError as exc:
        msg = str(exc)
        name, sep, rest = msg.partition(":")
        if sep and name in FLAGS:
            raise InputError(f"{FLAGS[name]}:{rest}") from None
        raise


@contextmanager
def too_long_in(spec: str) -> Iterator[None]:
    """Name the scenario in a :class:`~pourparler.forecast.budget.TooLong` (a solver's time
    limit reached on its agenda)."""
    from pourparler.forecast.budget import TooLong

    try:
        yield
    except TooLong as exc:
        raise TooLong(f"{spec}: {exc}") from None


@contextmanager
def c_stdout_to_stderr() -> Iterator[None]:
    """Point file descriptor 1 at stderr while the analysis runs, so that what C code prints
    there cannot corrupt the JSON written afterwards: HiGHS 1.12 prints a stray debugging line
    (``HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();``) whatever its
    output options (ERGO-Code/HiGHS#2783). Only the command, which owns the process, does this;
    the library leaves stdout alone."""
    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError):
        yield
        return
    try:
        os.dup2(2, 1)
    except OSError:
        os.close(saved)
        yield
        return
    try:
        yield
    finally:
        _flush_c_stdio()
        os.dup2(saved, 1)
        os.close(saved)


def _flush_c_stdio() -> None:
    try:
        import ctypes

        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError, TypeError):
        pass


def register(app: typer.Typer) -> None:
    app.command("deals")(deals)


def load_any(spec: str) -> Scenario:
    """A scenario from a GENIUS folder or domain file, or anything :func:`load_scenario` reads."""
    from pathlib import Path

    from pourparler.cli.common import load

    path = Path(spec)
    if path.is_dir() or (path.is_file() and path.suffix.lower() == ".xml"):
        from pourparler.deals.genius import scenario_from_genius

        return scenario_from_genius(spec)
    return load(spec)


def deals(
    spec: Annotated[str, SPEC_ARG] = "istanbul-2025",
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    method: Annotated[
        str,
        typer.Option(
            help="auto (enumerate up to --enumeration-limit packages), enumeration, milp."
        ),
    ] = "auto",
    reservation: Annotated[
        str,
        typer.Option(help="No-deal value: 'utility' (today) or 'perceived' (over the horizon)."),
    ] = "utility",
    loss: Annotated[str, typer.Option(help="Distance loss: linear or quadratic.")] = "linear",
    enumeration_limit: Annotated[
        int, typer.Option(help="Most packages inside the red lines that auto enumerates.")
    ] = 2_000_000,
    best: Annotated[int, typer.Option(help="Zone packages to list.")] = 5,
    frontier_listed: Annotated[int, typer.Option(help="Frontier packages to list.")] = 20,
    frontier_resolution: Annotated[
        float | None,
        typer.Option(
            help="Utility step in (0, 1] to which a frontier too large to list exactly is "
            "traced by ε-constraint MILPs, whatever it costs. Default: 0.05, or the finest of "
            "0.8, 0.4, 0.2, 0.1 reached within --frontier-milps MILPs per frontier."
        ),
    ] = None,
    frontier_milps: Annotated[
        int,
        typer.Option(
            help="MILPs one traced frontier may use when --frontier-resolution is not given."
        ),
    ] = 200,
    seed: Annotated[
        int,
        typer.Option(help="Seed of the Monte Carlo estimates (zone size, zone enlargements)."),
    ] = 0,
    track: Annotated[
        str | None,
        typer.Option(
            help="Analyse one track's issues (ceasefire, settlement, security, humanitarian, "
            "economic, political), the other issues held at their status quo."
        ),
    ] = None,
    as_csv: Annotated[
        bool,
        typer.Option(
            "--csv", help="Print the listed packages as CSV, one row each (needs pandas)."
        ),
    ] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Agreement zone, Pareto frontier, bargaining points, principal obstacle, minimal
    concessions and spoilers over the scenario's package deals."""
    from pourparler.cli.common import check_output
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.deals.analysis import analyse_scenario
    from pourparler.report.deals import DealsReport

    check_output(as_json=as_json, as_csv=as_csv)
    for name, value, least in (
        ("--enumeration-limit", enumeration_limit, 1),
        ("--best", best, 1),
        ("--frontier-listed", frontier_listed, 0),
        ("--frontier-milps", frontier_milps, 1),
    ):
        if value < least:
            raise InputError(f"{name}: must be at least {least}, got {value}")
    if seed < 0:
        raise InputError(f"--seed: must be non-negative, got {seed}")
    sc = load_with_changes(spec, set_, drop, seat, unseat, loader=load_any)
    with as_flags():
        # bad --loss, --reservation or --track before any work
        from pourparler.deals.space import package_space_for_track

        package_space_for_track(sc, track, loss=loss, reservation=reservation)  # type: ignore[arg-type]

    def run(step: Callable[[str], None] | None = None) -> DealsReport:
        with as_flags(), too_long_in(spec):
            return analyse_scenario(
                sc,
                track=track,
                reservation=reservation,  # type: ignore[arg-type]
                loss=loss,  # type: ignore[arg-type]
                method=method,
                enumeration_limit=enumeration_limit,
                n_best=best,
                frontier_listed=frontier_listed,
                frontier_resolution=frontier_resolution,
                frontier_milps=frontier_milps,
                seed=seed,
                step=step,
            )

    if as_json or as_csv:
        with c_stdout_to_stderr():
            report = run()
        if as_json:
            from pourparler.cli.common import emit_json

            emit_json(report.to_data())
        else:
            from pourparler.report.csv import csv_text

            sys.stdout.write(csv_text(report.to_frame()))
        return
    from rich.console import Console

    console = Console(stderr=True)
    if not console.is_terminal:  # no spinner (nor its stray newline) in pipes and logs
        report = run()
    else:
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        columns = (SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn())
        with Progress(*columns, console=console, transient=True) as bar:
            task = bar.add_task("deals", total=None)
            report = run(lambda name: bar.update(task, description=name))
    from pourparler.cli.deals_tables import print_report

    print_report(sc, report)
