"""Helpers shared by the commands: loading scenarios, printing tables and JSON, failing cleanly."""

from __future__ import annotations

import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

    from pourparler.scenario import Scenario

_console: Console | None = None


def console() -> Console:
    """The shared rich console for human-readable output (stdout)."""
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(highlight=False)
    return _console


def load(spec: str | None) -> Scenario:
    """A scenario from a built-in name or a file (YAML, Decide, BDM CSV)."""
    from pourparler.scenario import load_scenario

    return load_scenario(spec)


def emit_json(obj: Any) -> None:
    """Print ``obj`` as JSON on stdout (NaN becomes null)."""
    sys.stdout.write(json.dumps(_finite(obj), indent=2, ensure_ascii=False) + "\n")


def _finite(obj: Any) -> Any:
    if isinstance(obj, float):
        return obj if obj == obj and obj not in (float("inf"), float("-inf")) else None
    if isinstance(obj, dict):
        return {k: _finite(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_finite(v) for v in obj]
    return obj


def provenance(scenario: Scenario, **parameters: Any) -> dict[str, Any]:
    """What every result records: scenario id and hash, version, and the parameters used."""
    from pourparler import __version__

    return {
        "scenario": scenario.id,
        "scenario_hash": scenario.digest(),
        "version": __version__,
        "parameters": parameters,
    }
