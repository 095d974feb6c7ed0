"""The deals report as tables of strings (:class:`~pourparler.report.table.TextTable`) and
sentences: what ``pourparler deals`` prints, shaped here and only rendered by the command."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pourparler.report.table import Column, TextTable

if TYPE_CHECKING:
    from pourparler.report.deals import DealsReport, Relaxation
    from pourparler.scenario import Scenario

POINT_NAMES = {
    "weighted_nash": "Nash (capability-weighted)",
    "nash": "Nash (symmetric)",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian",
    "egalitarian": "egalitarian",
}
POINT_SHORT = {
    "weighted_nash": "wNash",
    "nash": "Nash",
    "kalai_smorodinsky": "KS",
    "utilitarian": "util",
    "egalitarian": "egal",
}


def fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def amount(x: float) -> str:
    """A utility given up: 0 as ``0``, an amount that would round to 0.000 as ``< 0.001``."""
    if x == 0:
        return "0"
    if abs(x) < 0.0005:
        return "< 0.001"
    return f"{x:.3f}"


def stanceless(sc: Scenario) -> set[str]:
    """Actors with no stance on any issue: indifferent to every package, their utility is
    shown as ``—``, not 0."""
    return {a.id for a in sc.actors} - {st.actor for st in sc.stances}


def headline(sc: Scenario, r: DealsReport) -> tuple[str, str, str]:
    """The title, the space and parties line, and the zone's verdict (``EMPTY`` or ``not
    empty``) with its size and method."""
    size = "not counted" if r.zone.size is None else f"{r.zone.size:,}"
    parties = ", ".join(r.parties) or "none"
    return (
        f"Package deals: {sc.title}",
        f"{r.packages:,} packages; parties that must consent ({r.parties_rule}): {parties}; "
        f"method: {r.method}",
        f"({size} packages, by {r.zone.method})",
    )


def no_point_reason(r: DealsReport) -> str | None:
    """Why there is no bargaining point, or None when there is one."""
    if any(p is not None for _, p in r.points.items()):
        return None
    return "the zone is empty" if r.parties else "no party must consent"


def _legend(names: list[str]) -> str:
    return "; ".join(f"{POINT_SHORT[n]}: {POINT_NAMES[n]}" for n in names)


def point_options_table(sc: Scenario, r: DealsReport) -> TextTable:
    """The option each bargaining point picks on each issue (issues as rows)."""
    names = [n for n in POINT_NAMES if getattr(r.points, n) is not None]
    first = getattr(r.points, names[0]).package
    rows = tuple(
        (issue.name, *[getattr(r.points, n).package[issue.id] for n in names])
        for issue in sc.issues
        if issue.id in first  # a track's report holds only that track's issues
    )
    return TextTable(
        title="Bargaining points (option per issue)",
        columns=(Column("issue"), *[Column(POINT_SHORT[n]) for n in names]),
        rows=rows,
        notes=(_legend(names), *tie_notes(r, names)),
    )


def tie_notes(r: DealsReport, names: list[str]) -> list[str]:
    """For the bargaining points with packages that give every party the same utilities (the
    solver took the first), one note per set of such packages, naming them by the options on
    which they differ (the first five)."""
    groups: dict[str, list[str]] = {}
    for n in names:
        p = getattr(r.points, n)
        if not p.tied_count:
            continue
        shown = "; ".join(
            ", ".join(f"{i}: {opt}" for i, opt in alt.items() if opt != p.package[i])
            for alt in p.tied_with
        )
        more = p.tied_count - len(p.tied_with)
        rest = f"; and {more:,} more" if more > 0 else ""
        others = "another package gives" if p.tied_count == 1 else (
            f"{p.tied_count:,} other packages give"
        )  # fmt: skip
        text = (
            f"{others} every party the same utilities; the first was taken. Tied with: "
            f"{shown}{rest}"
        )
        groups.setdefault(text, []).append(POINT_SHORT[n])
    return [f"Tied ({', '.join(points)}): {text}" for text, points in groups.items()]


def point_utilities_table(sc: Scenario, r: DealsReport) -> TextTable:
    """Each actor's no-deal value and utility under each bargaining point (actors as rows;
    a party's surplus is its utility minus its no-deal value)."""
    names = [n for n in POINT_NAMES if getattr(r.points, n) is not None]
    none = stanceless(sc)
    rows = []
    for a in sc.actors:
        cells = [fmt(r.reservation[a.id])]
        for n in names:
            cells.append("—" if a.id in none else fmt(getattr(r.points, n).utility[a.id]))
        party = "*" if a.id in r.parties else ""
        rows.append((a.id + party, *cells))
    methods = ", ".join(f"{POINT_SHORT[n]}: {getattr(r.points, n).method}" for n in names)
    return TextTable(
        title="Bargaining points: utility of each actor",
        columns=(
            Column("actor", whole=True),
            Column("no deal", numeric=True),
            *[Column(POINT_SHORT[n], numeric=True) for n in names],
        ),
        rows=tuple(rows),
        notes=("* party that must consent; method: " + methods,),
    )


def best_table(sc: Scenario, r: DealsReport) -> TextTable | None:
    """The best zone packages by capability-weighted Nash product (None with fewer than 2):
    each party's utility under each (parties as rows, packages as columns), and in the notes
    the issues on which each package differs from the first."""
    best = r.zone.best
    if len(best) < 2:
        return None
    first = best[0].package
    none = stanceless(sc)
    rows = tuple(
        (a, *["—" if a in none else f"{rec.utility[a]:.3f}" for rec in best]) for a in r.parties
    )
    diffs = []
    for k, rec in enumerate(best[1:], 2):
        diff = [i for i, opt in rec.package.items() if opt != first[i]]
        diffs.append(f"#{k}: {', '.join(diff) or 'nothing'}")
    method = r.zone.best_method or r.zone.method
    return TextTable(
        title="Best packages in the zone (capability-weighted Nash)",
        columns=(
            Column("party", whole=True),
            *[Column(f"#{k}", numeric=True) for k in range(1, len(best) + 1)],
        ),
        rows=rows,
        notes=(
            "utility of each party (surplus: minus its no-deal value); differs from #1 on: "
            + "; ".join(diffs),
            f"method: {method}",
        ),
    )


def frontier_table(r: DealsReport) -> TextTable:
    rows = []
    for where, f in (("zone", r.frontier_zone), ("overall", r.frontier_overall)):
        found = 0 if f.trace is None else f.trace.found
        size = f"{f.size:,}" if f.size is not None else f"{found:,} traced"
        res = "exact" if f.complete else f"{f.resolution:g}"
        rows.append((where, size, f.method, res, str(f.milps)))
    return TextTable(
        title="Pareto frontier",
        columns=(
            Column("where"),
            Column("packages", numeric=True),
            Column("method"),
            Column("resolution", numeric=True),
            Column("MILPs", numeric=True),
        ),
        rows=tuple(rows),
    )


def relaxation_text(ob: Relaxation) -> str:
    """One relaxation in words: what is relaxed, by whom, on which issue."""
    who = ob.actor or "every party"
    where = f" on {ob.issue}" if ob.issue else ""
    what = f" (admit option {ob.option!r})" if ob.option else ""
    return f"{ob.kind.replace('_', ' ')} of {who}{where}{what}"


def obstacle_lines(r: DealsReport) -> list[str]:
    """The principal obstacle (or, zone not empty, what would widen it most) in sentences."""
    ob = r.obstacle
    if ob is None:
        return []
    lines = []
    rel = ob.relaxation
    if not r.zone.empty:
        lines.append("Principal obstacle: none (the agreement zone is not empty).")
        if rel is None:
            return [*lines, f"Widening the zone: {ob.effect} [{ob.method}]."]
        lead = "Widening the zone"
    elif rel is None:
        return [f"Principal obstacle: {ob.effect} [{ob.method}]."]
    else:
        lead = "Principal obstacle"
    gain = ""
    if rel.enlargement is not None:
        approx = "about " if ob.method == "monte-carlo" else ""
        gain = f" (+{approx}{rel.enlargement:,.0f} packages)"
    tied = ""
    if ob.tied_with:
        shown = "; ".join(relaxation_text(t) for t in ob.tied_with[:5])
        more = f"; and {len(ob.tied_with) - 5} more" if len(ob.tied_with) > 5 else ""
        tied = f" — tied with: {shown}{more}"
    lines.append(
        f"{lead}: {relaxation_text(rel)}: relax by {rel.size:.3g} {rel.unit} -> "
        f"{ob.effect}{gain} [{ob.method}]{tied}"
    )
    return lines


def concessions_table(r: DealsReport) -> TextTable | None:
    if not r.concessions:
        return None
    rows = []
    for c in r.concessions:
        issues = ", ".join(f"{x.issue} ({amount(x.gives_up)})" for x in c.issues)
        rows.append(
            (
                c.actor,
                amount(c.utility) if c.utility is not None else "—",
                issues or (c.note or "—"),
                ", ".join(c.red_lines_crossed) or "—",
            )
        )
    return TextTable(
        title="Minimal concessions for a zone to exist",
        columns=(
            Column("party", whole=True),
            Column("gives up", numeric=True),
            Column("issues given up"),
            Column("red lines crossed"),
        ),
        rows=tuple(rows),
        notes=(
            "gives up: utility below its no-deal value it must accept; issues given up: where "
            "it gets less than its best option, and how much",
        ),
    )


def spoilers_table(r: DealsReport) -> TextTable | None:
    if not r.spoilers:
        return None
    rows = []
    methods = set()
    for s in r.spoilers:
        join = s.if_at_table
        methods.add(join.method)
        zone = "empty" if join.zone_empty else f"{join.zone_size or 'not empty'}"
        if isinstance(join.zone_size, int) and not join.zone_empty:
            zone = f"{join.zone_size:,}"
        changed = join.changed_issues
        if join.weighted_nash is None:
            nash = "none"
        elif changed is None:
            nash = "—"
        else:
            nash = "same package" if not changed else "changes on " + ", ".join(changed)
        crossed = s.red_lines_crossed or ()
        block = {True: "yes", False: "no", None: "—"}[s.would_block]
        if crossed:
            block += f" (red lines: {', '.join(crossed)})"
        rows.append((s.actor, fmt(s.utility), fmt(s.no_deal), block, zone, nash))
    return TextTable(
        title="Spoilers: veto actors away from the table",
        columns=(
            Column("actor", whole=True),
            Column("utility", numeric=True),
            Column("no deal", numeric=True),
            Column("would block"),
            Column("zone if joins", numeric=True),
            Column("Nash if joins"),
        ),
        rows=tuple(rows),
        notes=(f"if joins: the zone and weighted Nash point by {', '.join(sorted(methods))}",),
    )
