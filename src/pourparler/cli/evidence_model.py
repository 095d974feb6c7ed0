"""``pourparler evidence model``: the language-model reader's settings in force, each with where
it comes from (an environment variable, the settings file or the default; the key is never
shown), and with ``--check`` one reading of a three-sentence test text by the server: whether
it answers, how fast, what the reader keeps and drops, and whether the model finds the two
claims a person finds there. For an analyst pointing the reader at a model server of their own
before reading a week's news with it."""

from __future__ import annotations

import dataclasses
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pourparler.cli.evidence_options import JSON_OPT, SCENARIO_OPT

if TYPE_CHECKING:
    from pourparler.evidence.readers.llm_settings import LLMSettings
    from pourparler.scenario import Scenario

CHECK_TEXT = (
    "Ukraine insists on an unconditional 30-day ceasefire before any talks on territory. "
    "The Kremlin rejected the ceasefire on Friday. "
    "Turkey offered to host the next round of talks in Istanbul."
)
# (actor, issue, stances) a reader should find in CHECK_TEXT, about istanbul-2025
EXPECTED = (("UA", "ceasefire", ("demand", "propose")), ("RU", "ceasefire", ("reject",)))
_UNITS = {"request_timeout": " s", "total_timeout": " s", "backoff": " s", "max_backoff": " s"}


def model(
    check: Annotated[
        bool,
        typer.Option(
            "--check",
            help="Also send the server a three-sentence test text (not cached) and say what "
            "came back (exit 1 when the server fails).",
        ),
    ] = False,
    scenario: Annotated[str, SCENARIO_OPT] = "istanbul-2025",
    as_json: Annotated[bool, JSON_OPT] = False,
) -> None:
    """Show the language-model reader's settings and where each comes from (environment, the
    settings file, or the default); --check asks the server to read a short test text."""
    from pourparler.cli.common import emit_json, load, plain
    from pourparler.evidence.readers.llm_settings import LLMSettings, origins, settings_path

    path = settings_path()
    where = origins()
    settings = LLMSettings.load()  # not configured: one line saying how
    rows = _rows(settings, where)
    result: dict[str, Any] = {
        "settings_file": str(path),
        "settings_file_found": path.is_file(),
        "settings": {name: {"value": v, "from": w} for name, v, w in rows},
    }
    if check:
        result["check"] = _check(settings, load(scenario))
    if as_json:
        emit_json(result)
    else:
        found = "" if path.is_file() else " (not found: defaults and the environment apply)"
        typer.echo(plain(f"settings file: {path}{found}"))
        for name, value, origin in rows:
            shown = ("set (not shown)" if value else None) if name == "key" else value
            if isinstance(shown, float):
                shown = f"{shown:g}"
            shown = "not set" if shown is None else f"{shown}{_UNITS.get(name, '')}"
            typer.echo(plain(f"  {name:16} {shown}  ({origin})"))
        if check:
            _print_check(result["check"])
    if check and result["check"]["error"] is not None:
        raise typer.Exit(1)


def _rows(settings: LLMSettings, where: dict[str, str]) -> list[tuple[str, Any, str]]:
    out = []
    for f in dataclasses.fields(settings):
        value = getattr(settings, f.name)
        if f.name == "cache_dir":
            value = settings.cache
        elif f.name == "key":
            value = bool(value)  # never the key itself
        out.append((f.name, str(value) if isinstance(value, Path) else value, where[f.name]))
    return out


def _check(settings: LLMSettings, scenario: Scenario) -> dict[str, Any]:
    """One reading of :data:`CHECK_TEXT` by the server, with a cache of its own (so it is
    asked, and nothing is left in the user's cache)."""
    from pourparler.evidence.readers import ReaderError
    from pourparler.evidence.readers.llm import LLMReader

    with tempfile.TemporaryDirectory(prefix="pourparler-check-") as tmp:
        reader = LLMReader(dataclasses.replace(settings, cache_dir=Path(tmp)))
        started = time.monotonic()
        try:
            reading = reader.read(CHECK_TEXT, scenario)
        except ReaderError as exc:
            return {"error": str(exc), "seconds": round(time.monotonic() - started, 2)}
    seconds = round(time.monotonic() - started, 2)
    claims = [
        {
            "actor": c.actor,
            "issue": c.issue,
            "stance": c.stance,
            "confidence": c.confidence,
            "quote": c.quote,
        }
        for c in reading.claims
    ]
    expected = [
        {
            "actor": actor,
            "issue": issue,
            "stances": list(stances),
            "found": any(
                (c["actor"], c["issue"]) == (actor, issue) and c["stance"] in stances
                for c in claims
            ),
        }
        for actor, issue, stances in EXPECTED
        if actor in {a.id for a in scenario.actors} and issue in {i.id for i in scenario.issues}
    ]
    return {
        "error": None,
        "seconds": seconds,
        "requests": reading.requests,
        "claims": claims,
        "dropped": dict(reading.dropped),
        "expected": expected,
    }


def _print_check(check: dict[str, Any]) -> None:
    from pourparler.cli.common import plain

    if check["error"] is not None:
        typer.echo(f"check: the reader failed after {check['seconds']:g} s")
        sys.stderr.write(f"pourparler: error: evidence model --check: {plain(check['error'])}\n")
        return
    dropped = check["dropped"]
    gone = ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))
    gone = f", {sum(dropped.values())} dropped ({gone})" if dropped else ", none dropped"
    typer.echo(
        f"check: answered in {check['seconds']:g} s ({check['requests']} request(s)); "
        f"{len(check['claims'])} claim(s) kept{gone}"
    )
    for c in check["claims"]:
        quote = " ".join(c["quote"].split())
        quote = quote if len(quote) <= 60 else quote[:59] + "…"
        typer.echo(
            plain(f"  {c['actor']} {c['issue']} {c['stance']} {c['confidence']:.2f}  {quote!r}")
        )
    want = check["expected"]
    if want:
        hits = sum(e["found"] for e in want)
        parts = "; ".join(
            f"{e['actor']} {e['issue']} {' or '.join(e['stances'])}: "
            f"{'found' if e['found'] else 'missed'}"
            for e in want
        )
        typer.echo(f"found {hits} of the {len(want)} claims a person finds in it ({parts})")
