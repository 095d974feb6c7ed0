"""What the ``pourparler evidence`` commands share: their options, how they open the
evidence store for reading, and how they cut sentences and print tables."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import Store
    from pourparler.report.result import Result

DB_OPT = typer.Option("--db", help="Evidence store (default: $POURPARLER_DB or the user data dir).")
SCENARIO_OPT = typer.Option("--scenario", help="Scenario whose actors and issues claims refer to.")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table, one row each (needs pandas).")
FULL_OPT = typer.Option("--full", help="Show whole sentences (default: cut to one line).")
SENTENCE = 90  # characters of a sentence shown without --full


def cut(text: str, full: bool, n: int = SENTENCE) -> str:
    """``text`` whole with ``full``, else cut to at most ``n`` characters at a space (never
    inside a word or a number) and ended with ``…``."""
    if full or len(text) <= n:
        return text
    head = text[: n - 1]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip() + " …"


def csv_rows(rows: list[dict[str, Any]]) -> None:
    """Print ``rows`` (plain records) as a formula-safe CSV table."""
    import pandas as pd

    from pourparler.report.csv import csv_text

    sys.stdout.write(csv_text(pd.DataFrame(rows)))


def emit(report: Result, as_json: bool, as_csv: bool) -> bool:
    from pourparler.cli.common import emit_result

    return emit_result(report, as_json=as_json, as_csv=as_csv)


def check_words(text: str | None) -> None:
    """A ``--text`` filter must hold a word: white space alone would match every claim (and so
    accept or reject every pending one)."""
    if text is not None and not text.split():
        raise InputError("--text: no words given (leave --text out to match everything)")


def _not_empty(path: Path) -> None:
    """An empty file is no store: SQLite would make one of it, but reading never creates."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # Store names what is wrong with the path
    if empty:
        raise InputError(
            f"--db: {path}: an empty file, not an evidence store ('pourparler evidence add' "
            "creates one)"
        )


def open_existing(db: Path | None) -> Store:
    """The store ``--db`` names (else ``$POURPARLER_DB``, else the user data dir's), which must
    exist: a command that only reads or reviews claims never creates one."""
    import os

    from pourparler.evidence.store import Store, default_db

    path = db or default_db()
    if not path.exists():
        if db is not None:
            raise InputError(f"--db: {db}: no evidence store there")
        if os.environ.get("POURPARLER_DB"):
            raise InputError(f"$POURPARLER_DB: {path}: no evidence store there")
        raise InputError(
            f"--db: {path} (default): no evidence store there yet "
            "('pourparler evidence add' creates it)"
        )
    _not_empty(path)
    return Store(path)
