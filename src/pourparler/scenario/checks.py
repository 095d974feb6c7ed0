"""Rules that relate one part of a scenario to another.

Each check returns :class:`~pourparler.scenario.errors.Problem` objects located by field path;
the YAML loader adds file names and line numbers. :func:`find_problems` lists the errors (a scenario
with any does not load); :func:`find_warnings` lists findings that do not stop it loading.

The *as-of* rule: a scenario describes a negotiation as it stood on its ``date``, so every source it
uses should be dated on or before that date. A source dated later is an error unless it carries a
``hindsight`` note saying why it may be used (e.g. a later report of a document the parties held at
the time).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from pourparler.scenario.errors import Problem

if TYPE_CHECKING:
    from pourparler.scenario.model import Scenario


def find_problems(sc: Scenario) -> list[Problem]:
    """All cross-reference problems of ``sc``, in document order of the checks."""
    problems: list[Problem] = []
    problems += _duplicate_ids(sc)
    problems += _options_in_order(sc)
    problems += _stance_references(sc)
    problems += _red_lines(sc)
    problems += _option_utilities(sc)
    problems += _citations(sc)
    problems += _completeness(sc)
    problems += _battlefield(sc)
    problems += sources_after_date(sc)
    return problems


def find_warnings(sc: Scenario) -> list[Problem]:
    """Findings that do not stop ``sc`` loading: sources dated after the scenario's date that
    carry a hindsight note (used knowingly, but worth a reader's attention), and names that
    another actor or issue also answers to (:func:`shared_names`)."""
    return _hindsight_sources(sc) + shared_names(sc)


def shared_names(sc: Scenario) -> list[Problem]:
    """Each actor's name or alias (each issue's name) that is, ignoring case, also another
    actor's (issue's) id, name or alias: a command given that name takes the exact id first,
    then the exact name or alias, and refuses a name two entries share at the same level."""
    out: list[Problem] = []
    groups = (
        (
            "actors",
            [(a.id, [("name", a.name)] + [("aliases", n) for n in a.aliases]) for a in sc.actors],
        ),
        ("issues", [(i.id, [("name", i.name)]) for i in sc.issues]),
    )
    for section, entries in groups:
        owners: dict[str, list[str]] = {}
        for eid, names in entries:
            for key in {eid.casefold(), *(n.casefold() for _, n in names)}:
                owners.setdefault(key, []).append(eid)
        for k, (eid, names) in enumerate(entries):
            for j, (field, name) in enumerate(names):
                others = [o for o in owners[name.casefold()] if o != eid]
                if not others:
                    continue
                loc: tuple[str | int, ...] = (section, k, field)
                if field == "aliases":
                    loc = (*loc, j - 1)
                what = "alias" if field == "aliases" else "name"
                out.append(
                    Problem(
                        loc,
                        f"{what} {name!r} of {eid} is also the id, name or alias of "
                        f"{', '.join(others)} (ignoring case): give ids where it could be read as "
                        "either",
                    )
                )
    return out


def _hindsight_sources(sc: Scenario) -> list[Problem]:
    if sc.date is None:
        return []
    return [
        Problem(
            ("sources", k, "hindsight"),
            f"source {src.id!r} is dated {src.date.isoformat()}, after the scenario's date "
            f"{sc.date.isoformat()} (used with hindsight: {hindsight_note(src)})",
        )
        for k, src in enumerate(sc.sources)
        if src.date is not None and src.date > sc.date and hindsight_note(src)
    ]


def hindsight_note(source: object) -> str:
    """Why ``source`` may be used although dated after the scenario ('' when it is not marked)."""
    note = getattr(source, "hindsight", "")
    return note.strip() if isinstance(note, str) else ""


def sources_after_date(sc: Scenario) -> list[Problem]:
    """The as-of rule: each source dated after the scenario's date and not marked as hindsight.

    Undated sources and undated scenarios are not checked.
    """
    if sc.date is None:
        return []
    return [
        Problem(
            ("sources", k, "date"),
            f"source {src.id!r} is dated {src.date.isoformat()}, after the scenario's date "
            f"{sc.date.isoformat()}: a scenario is as of its date (use only what was known then, "
            "move the scenario's date, or give the source a hindsight note)",
        )
        for k, src in enumerate(sc.sources)
        if src.date is not None and src.date > sc.date and not hindsight_note(src)
    ]


def _duplicate_ids(sc: Scenario) -> list[Problem]:
    out = []
    for section in ("sources", "actors", "issues"):
        seen: dict[str, int] = {}
        for k, item in enumerate(getattr(sc, section)):
            if item.id in seen:
                out.append(
                    Problem(
                        (section, k, "id"),
                        f"duplicate id {item.id!r} (first used at {section}[{seen[item.id]}])",
                    )
                )
            else:
                seen[item.id] = k
    return out


def _options_in_order(sc: Scenario) -> list[Problem]:
    out = []
    for k, issue in enumerate(sc.issues):
        values = [o.value for o in issue.options]
        for j in range(1, len(values)):
            if values[j] <= values[j - 1]:
                out.append(
                    Problem(
                        ("issues", k, "options", j, "value"),
                        f"options must be in increasing order of value: {values[j]:g} "
                        f"follows {values[j - 1]:g}",
                    )
                )
                break
        labels = Counter(o.label for o in issue.options)
        for label, n in labels.items():
            if n > 1:
                out.append(Problem(("issues", k, "options"), f"option label {label!r} is repeated"))
    return out


def _stance_references(sc: Scenario) -> list[Problem]:
    actors = {a.id for a in sc.actors}
    issues = {i.id for i in sc.issues}
    out = []
    seen: dict[tuple[str, str], int] = {}
    for k, st in enumerate(sc.stances):
        if st.actor not in actors:
            out.append(Problem(("stances", k, "actor"), f"unknown actor {st.actor!r}"))
        if st.issue not in issues:
            out.append(Problem(("stances", k, "issue"), f"unknown issue {st.issue!r}"))
        key = (st.actor, st.issue)
        if key in seen:
            out.append(
                Problem(
                    ("stances", k),
                    f"second stance of {st.actor!r} on {st.issue!r} "
                    f"(first at stances[{seen[key]}])",
                )
            )
        else:
            seen[key] = k
    return out


def _red_lines(sc: Scenario) -> list[Problem]:
    out = []
    for k, st in enumerate(sc.stances):
        if st.red_line is not None and not st.red_line[0] <= st.position <= st.red_line[1]:
            lo, hi = st.red_line
            out.append(
                Problem(
                    ("stances", k, "red_line"),
                    f"red line [{lo:g}, {hi:g}] excludes the actor's own position {st.position:g}",
                )
            )
    return out


def _option_utilities(sc: Scenario) -> list[Problem]:
    issues = {i.id: i for i in sc.issues}
    out = []
    for k, st in enumerate(sc.stances):
        if st.option_utilities is None or st.issue not in issues:
            continue
        values = {o.value for o in issues[st.issue].options}
        for v in st.option_utilities:
            if v not in values:
                out.append(
                    Problem(
                        ("stances", k, "option_utilities"),
                        f"{v:g} is not an option value of issue {st.issue!r} "
                        f"(options: {', '.join(f'{x:g}' for x in sorted(values))})",
                    )
                )
    return out


def _citations(sc: Scenario) -> list[Problem]:
    from pourparler.scenario.model import iter_citations

    sources = {s.id for s in sc.sources}
    return [
        Problem(loc, f"cites unknown source {cite.source!r}")
        for loc, cite in iter_citations(sc)
        if cite.source not in sources
    ]


def _completeness(sc: Scenario) -> list[Problem]:
    """Every veto actor takes a stance on every issue; every issue has someone who cares."""
    have = {(st.actor, st.issue) for st in sc.stances}
    capability = {a.id: a.capability for a in sc.actors}
    out = []
    for k, actor in enumerate(sc.actors):
        if not actor.veto:
            continue
        missing = [i.id for i in sc.issues if (actor.id, i.id) not in have]
        if missing:
            out.append(
                Problem(
                    ("actors", k, "veto"),
                    f"veto actor {actor.id!r} has no stance on {', '.join(map(repr, missing))} "
                    "(missing stances: an actor able to block needs a stance on every issue)",
                )
            )
    for k, issue in enumerate(sc.issues):
        weight = sum(
            capability.get(st.actor, 0.0) * st.salience for st in sc.stances if st.issue == issue.id
        )
        if weight <= 0:
            out.append(
                Problem(
                    ("issues", k, "id"),
                    f"issue {issue.id!r} has no stance with positive capability × salience "
                    "(missing stances)",
                )
            )
    return out


def _battlefield(sc: Scenario) -> list[Problem]:
    """The battlefield's sides are two distinct actors, its front starts strictly inside, and
    each territorial issue exists once."""
    bf = sc.battlefield
    if bf is None:
        return []
    actors = {a.id for a in sc.actors}
    issues = {i.id for i in sc.issues}
    out = []
    for field in ("side_a", "side_b"):
        if getattr(bf, field) not in actors:
            out.append(Problem(("battlefield", field), f"unknown actor {getattr(bf, field)!r}"))
    if bf.side_a == bf.side_b:
        out.append(
            Problem(("battlefield", "side_b"), f"side_b is side_a ({bf.side_a!r}): two sides fight")
        )
    if not 0 < bf.start < bf.steps:
        out.append(
            Problem(
                ("battlefield", "start"),
                f"start {bf.start} must lie strictly between 0 and steps ({bf.steps}): "
                "a front at an end is a war already won",
            )
        )
    if bf.p_sd > 0 and bf.p_sd**2 >= bf.p * (1.0 - bf.p):
        out.append(
            Problem(
                ("battlefield", "p_sd"),
                f"p_sd {bf.p_sd!r} is too large for p {bf.p!r}: a Beta distribution needs "
                f"p_sd < sqrt(p(1 - p)) = {(bf.p * (1.0 - bf.p)) ** 0.5:.3g}",
            )
        )
    seen: set[str] = set()
    for k, link in enumerate(bf.territory):
        if link.issue not in issues:
            out.append(
                Problem(("battlefield", "territory", k, "issue"), f"unknown issue {link.issue!r}")
            )
        elif link.issue in seen:
            out.append(
                Problem(
                    ("battlefield", "territory", k, "issue"),
                    f"issue {link.issue!r} is linked to the front twice",
                )
            )
        seen.add(link.issue)
    return out
