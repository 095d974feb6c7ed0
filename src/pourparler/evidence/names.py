"""Actor and issue names given on the command line, checked against the scenarios the claims
refer to: an id, a name or an alias becomes the id (an exact id first, then an exact name or
alias, then any of them in another case); anything else is bad input."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import Store
    from pourparler.scenario import Scenario


def scenarios_for(store: Store, spec: str | None) -> tuple[list[Scenario], str | None]:
    """The scenarios names are checked against, and the scenario id to filter claims by.

    ``spec`` (a built-in name, a file, or the id of a scenario the store has claims about)
    names one; without it, the built-in scenarios the stored claims refer to, or the default
    scenario when the store has no claims yet."""
    from pourparler.scenario import DEFAULT_SCENARIO, ScenarioError, load_scenario
    from pourparler.scenario.builtin import builtin_names

    stored = store.distinct("scenario")
    if spec is not None:
        try:
            sc = load_scenario(spec)
        except ScenarioError:
            if spec in stored:  # a scenario from a file, named by its id
                return [], spec
            raise
        return [sc], sc.id
    names = [s for s in stored if s in builtin_names()] if stored else [DEFAULT_SCENARIO]
    return [load_scenario(n) for n in names], None


def stored_names(store: Store, kind: str, scenario_id: str | None) -> tuple[list[str], str]:
    """The actors or issues (``kind``) of the stored claims, about ``scenario_id`` when given
    (a scenario from a file, named by its id: its file is not at hand), and how to name them in
    a message."""
    if scenario_id is None:
        return store.distinct(kind), "the stored claims"
    scope = (
        f"the stored claims about {scenario_id} (give its file with --scenario FILE to name "
        f"any {kind} of it)"
    )
    return store.distinct(kind, scenario_id), scope


def resolve(
    kind: str,
    value: str,
    where: str,
    scenarios: Sequence[Scenario],
    stored: Iterable[str],
    scope: str = "the stored claims",
) -> str:
    """The id of actor or issue ``value`` (``kind`` is "actor" or "issue"); ``where`` names the
    argument in the error message, ``scope`` the ``stored`` names when no scenario is given."""
    from pourparler.report.stances import match_name

    known: dict[str, list[str]] = {s: [] for s in stored}
    for sc in scenarios:
        if kind == "actor":
            for a in sc.actors:
                known.setdefault(a.id, []).extend([a.name, *a.aliases])
        else:
            for i in sc.issues:
                known.setdefault(i.id, []).append(i.name)
    found = match_name(where, value, list(known.items()))
    if found is not None:
        return found
    ids = sorted(known)
    listed = ", ".join(ids[:15]) + (", …" if len(ids) > 15 else "") if ids else "none"
    scope = ", ".join(sc.id for sc in scenarios) or scope
    raise InputError(f"{where}: {value!r}: not an {kind} of {scope} (known: {listed})")
