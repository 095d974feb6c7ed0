"""Helpers shared by the commands: loading scenarios, printing tables and JSON, failing cleanly."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError

if TYPE_CHECKING:
    from rich.console import Console

    from pourparler.report.result import Result
    from pourparler.scenario import Scenario

_console: Console | None = None


def console() -> Console:
    """The shared rich console for human-readable output (stdout)."""
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False)
    return _console


def plain(text: object) -> str:
    """``text`` made safe for one line of a terminal: control characters (escape sequences,
    newlines, carriage returns, bidi overrides) are shown as Python-style escapes (``\\x1b``,
    ``\\n``); see :func:`pourparler.text.printable`. Stored text is never changed."""
    from pourparler.text import printable

    return printable(text)


def inert(text: object) -> str:
    """``text`` made safe to pass to rich: :func:`plain`, then rich markup escaped, so that a
    scenario title or an article sentence containing ``[/]`` or ``[bold]`` prints as written."""
    from rich.markup import escape

    shown = plain(text)
    body = shown.rstrip("\\")
    trailing = len(shown) - len(body)
    if not trailing:
        return escape(body)
    # Backslashes at the end would escape whatever markup follows (``[/bold]``), and rich's
    # escape() doubles one even where nothing follows, so it would print twice. Written as
    # twice as many backslashes before an empty span, they print once whatever comes next.
    return escape(body) + "\\" * (2 * trailing) + "[bold][/bold]"


def load(spec: str | None) -> Scenario:
    """A scenario from a built-in name or a file (YAML, Decide, BDM CSV); what the reader could
    not carry over as written (a Decide power that varies by issue) is a warning on stderr."""
    from pourparler.scenario import load_scenario
    from pourparler.scenario.interop_common import import_notes

    sc = load_scenario(spec)
    for note in import_notes(sc):
        sys.stderr.write(f"warning: {plain(note)}\n")
    return sc


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON on stdout (NaN becomes null)."""
    from pourparler.report._data import json_text

    sys.stdout.write(json_text(obj))


def provenance(scenario: Scenario, **parameters: Any) -> dict[str, Any]:
    """What every result records: scenario id and hash, version, and the parameters used
    (:class:`pourparler.report.Provenance` without its seed, which each command places)."""
    from pourparler.report.provenance import Provenance

    data = Provenance.from_parameters(scenario, parameters).to_data()
    del data["seed"]
    return data


def check_output(*, as_json: bool, as_csv: bool) -> None:
    """Reject ``--json`` with ``--csv``, and ``--csv`` without pandas, before any work."""
    if as_json and as_csv:
        raise InputError("--json and --csv: choose one")
    if as_csv:
        import importlib.util

        if importlib.util.find_spec("pandas") is None:
            raise InputError("--csv needs pandas: pip install 'pourparler[pandas]'")


def emit_result(result: Result, *, as_json: bool, as_csv: bool) -> bool:
    """Print ``result`` as JSON (``--json``) or as a formula-safe CSV table (``--csv``) when
    asked; whether it was (the caller then prints nothing else)."""
    if as_json:
        emit_json(result.to_data())
    elif as_csv:
        from pourparler.report.csv import csv_text

        sys.stdout.write(csv_text(result.to_frame()))
    return as_json or as_csv
