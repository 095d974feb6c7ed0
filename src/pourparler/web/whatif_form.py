"""The what-if form: its fields, and a scenario with the changes it asks for.

Fields are ``position:ACTOR:ISSUE`` and ``salience:ACTOR:ISSUE`` (numbers) and
``at_table:ACTOR`` and ``veto:ACTOR`` (``yes`` or ``no``); identifiers cannot contain ``:``. Only
values that differ from the scenario's are applied, and the changed document is validated as a
whole, so an invalid value is reported with the field it lands in and nothing is kept.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.scenario import Problem, ScenarioError

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

STANCE_FIELDS = ("position", "salience")
ACTOR_FIELDS = ("at_table", "veto")
MAX_FIELDS = 2 * 20_000 + 2 * 5_000  # every stance's two numbers and every actor's two flags


def field_value(x: float) -> str:
    """A number as the form shows it: exactly (``repr``), so an unchanged field reads back as
    the same float and leaves the scenario's digest alone."""
    return repr(float(x))


def _number(name: str, raw: str) -> float:
    """The field's value as a number written as a scenario file and the command line write
    one (:func:`pourparler.scenario.interop_common.number`): ASCII digits with a sign, a point
    and an exponent, not "1_0" nor "５０", which Python would read; a finite one."""
    from pourparler.scenario.interop_common import number

    try:
        value = number(raw.strip(" \t\r\n"), decimal_comma=False)
    except ValueError:
        raise InputError(
            f"{name}: {raw[:40]!r}: not a number (digits 0-9, with a sign, a point or an exponent)"
        ) from None
    if not math.isfinite(value):
        raise InputError(f"{name}: {raw[:40]!r}: not a finite number")
    return value


def _flag(name: str, raw: str) -> bool:
    value = raw.strip().lower()
    if value not in ("yes", "no"):
        raise InputError(f"{name}: {raw[:40]!r}: expected yes or no")
    return value == "yes"


def apply_form(sc: Scenario, items: Iterable[tuple[str, str]]) -> Scenario:
    """``sc`` with the form's changes; the same scenario when nothing changes.

    A field naming an unknown actor, issue or stance, or holding a value that is not a number
    (or yes/no), raises :class:`InputError` naming the field; a value the scenario's rules
    reject raises :class:`ScenarioError` with the field's place in the document."""
    from pourparler.scenario.yaml_io import scenario_from_data

    data: dict[str, Any] = sc.to_data()
    actors = {a["id"]: a for a in data["actors"]}
    stances = {(s["actor"], s["issue"]): s for s in data["stances"]}
    changed = False
    count = 0
    for name, raw in items:
        count += 1
        if count > MAX_FIELDS:
            raise InputError(f"form: more than {MAX_FIELDS:,} fields")
        kind, _, rest = name.partition(":")
        if kind in STANCE_FIELDS:
            actor, _, issue = rest.partition(":")
            stance = stances.get((actor, issue))
            if stance is None:
                raise InputError(f"{name[:120]}: no stance of actor {actor!r} on issue {issue!r}")
            value = _number(name, raw)
            current = getattr(sc.stance(actor, issue), kind)
            if value != current:
                stance[kind] = value
                changed = True
        elif kind in ACTOR_FIELDS:
            actor_data = actors.get(rest)
            if actor_data is None:
                raise InputError(f"{name[:120]}: no actor {rest!r}")
            flag = _flag(name, raw)
            if flag != getattr(sc.actor(rest), kind):
                actor_data[kind] = flag
                changed = True
        elif kind not in ("seed", "draws"):
            raise InputError(f"{name[:120]}: not a field of the what-if form")
    if not changed:
        return sc
    try:
        return scenario_from_data(data, "what-if")
    except ScenarioError as exc:
        raise ScenarioError([_named(p, data) for p in exc.problems]) from None


def _named(problem: Problem, data: dict[str, Any]) -> Problem:
    """A problem located at ``stances[3].position`` also names the form's field
    (``position:RU:nato``); one at the stance's red line names its position's field."""
    loc = problem.loc
    if len(loc) >= 3 and loc[0] == "stances" and isinstance(loc[1], int):
        stance = data["stances"][loc[1]] if loc[1] < len(data["stances"]) else None
        # a red line (not in the form) that excludes the position: the position's field
        named = "position" if loc[2] == "red_line" else loc[2]
        if stance is not None and named in STANCE_FIELDS:
            field = f"{named}:{stance['actor']}:{stance['issue']}"
            return Problem(loc, f"{problem.message} (form field {field})", problem.file)
    if len(loc) >= 3 and loc[0] == "actors" and isinstance(loc[1], int):
        actor = data["actors"][loc[1]] if loc[1] < len(data["actors"]) else None
        if actor is not None and loc[2] in ACTOR_FIELDS:
            field = f"{loc[2]}:{actor['id']}"
            return Problem(loc, f"{problem.message} (form field {field})", problem.file)
    return problem
