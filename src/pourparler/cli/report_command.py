"""``pourparler report``: one self-contained HTML report of a scenario (opens offline)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

SCENARIO_ARG = typer.Argument(
    help="Built-in scenario name, a YAML, Decide or BDM CSV file, or a GENIUS domain."
)
TO_OPT = typer.Option("--to", help="HTML file to write (default: SCENARIO_ID-report.html here).")
FORCE_OPT = typer.Option("--force", help="Replace the file given by --to if it exists.")
SEED_OPT = typer.Option("--seed", help="Seed of the forecast draws and the deals' estimates.")
DB_OPT = typer.Option("--db", help="Evidence store whose claims the report charts over time.")
FULL_OPT = typer.Option(
    "--full", help="Lift the time budgets of the forecast draws and the sensitivity screening."
)
RUNS_OPT = typer.Option(
    "--runs", help="Runs of the month-by-month simulation (scenarios with a battlefield)."
)


def register(app: typer.Typer) -> None:
    app.command("report")(report)


def report(
    scenario: Annotated[str, SCENARIO_ARG] = "istanbul-2025",
    to: Annotated[Path | None, TO_OPT] = None,
    force: Annotated[bool, FORCE_OPT] = False,
    seed: Annotated[int, SEED_OPT] = 0,
    db: Annotated[Path | None, DB_OPT] = None,
    full: Annotated[bool, FULL_OPT] = False,
    runs: Annotated[int, RUNS_OPT] = 5_000,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Write one HTML file with the scenario, every model's forecast, the sensitivity, the
    package deals and (with --db) the evidence, each number linked to its sources. Scripts
    and styles are inlined: the file opens offline and prints to PDF."""
    from pourparler.cli.common import console, plain
    from pourparler.cli.progress_display import StderrProgress
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.forecast.budget import TooLong

    if seed < 0:
        raise InputError(f"--seed: must be non-negative, got {seed}")
    from pourparler.report.dynamics_section import MAX_RUNS

    if not 1 <= runs <= MAX_RUNS:
        raise InputError(f"--runs: {runs}: expected a whole number from 1 to {MAX_RUNS:,}")
    if db is not None and db.is_dir():
        raise InputError(f"--db: {db}: is a folder, not an evidence store")
    if db is not None and not db.is_file():
        raise InputError(f"--db: {db}: no evidence store there")
    if db is not None and db.stat().st_size == 0:
        raise InputError(f"--db: {db}: an empty file, not an evidence store")
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    target = to if to is not None else Path(f"{sc.id}-report.html")
    _check_target(target, force)
    from pourparler.report.html import render_report

    bar = StderrProgress()
    try:
        words = command_words(scenario, set_=set_, drop=drop, seat=seat, unseat=unseat)
        doc = render_report(sc, seed=seed, db=db, full=full, progress=bar, runs=runs, source=words)
    except TooLong as exc:
        raise InputError(f"{exc} (--full)") from None
    finally:
        bar.finish()
    _check_target(target, force)
    write_atomically(target, doc.to_bytes())
    console().print(
        f"wrote {plain(target)} ({_size(doc.size)}; parts: {', '.join(doc.parts)})", markup=False
    )


def command_words(scenario: str, **changes: list[str] | None) -> str:
    """The scenario as this command line named it (a built-in name or a file path) with its
    what-if options, quoted for a shell: what another command takes to read the same scenario."""
    import shlex

    from pourparler.text import utf8_text

    words = [scenario]
    for name, values in changes.items():
        for value in values or []:
            words += [f"--{name.rstrip('_')}", value]
    return utf8_text(shlex.join(words))


def _check_target(target: Path, force: bool) -> None:
    if target.is_dir():
        raise InputError(f"--to: {target}: is a folder")
    if target.exists() and not target.is_file():  # a link is followed: /dev/stdout
        raise InputError(f"--to: {target}: not a regular file (a device, FIFO or socket)")
    if (target.exists() or target.is_symlink()) and not force:
        raise InputError(f"--to: {target}: exists (--force replaces it)")
    if not target.parent.is_dir():
        raise InputError(f"--to: {target.parent}: no such folder")


def write_atomically(target: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``target``, then rename it over ``target``:
    a reader never sees a half-written report, and a failed write leaves ``target`` as it was.
    A link is followed: the file it names is replaced and the link kept."""
    from pourparler.files import CannotCreate, replace_atomically

    real = Path(os.path.realpath(target)) if os.path.islink(target) else target
    try:
        replace_atomically(real, data, sync=True)
    except CannotCreate as exc:
        raise InputError(f"--to: {target}: cannot write here ({exc})") from None
    except OSError as exc:
        raise InputError(f"--to: {target}: {exc.strerror or exc}") from None


def _size(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 1e6 else f"{n / 1e3:.0f} kB"
