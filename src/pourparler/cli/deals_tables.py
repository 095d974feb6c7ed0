"""Readable rich tables for the ``pourparler deals`` report."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.table import Table

from pourparler.cli.common import console
from pourparler.cli.common import inert as escape

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

POINT_NAMES = {
    "weighted_nash": "Nash (capability-weighted)",
    "nash": "Nash (symmetric)",
    "kalai_smorodinsky": "Kalai–Smorodinsky",
    "utilitarian": "utilitarian",
    "egalitarian": "egalitarian",
}


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:.3f}"


def _amount(x: float) -> str:
    """A utility given up: 0 as ``0``, an amount that would round to 0.000 as ``< 0.001``."""
    if x == 0:
        return "0"
    if abs(x) < 0.0005:
        return "< 0.001"
    return f"{x:.3f}"


def _stanceless(sc: Scenario) -> set[str]:
    """Actors with no stance on any issue: indifferent to every package, their utility is
    shown as ``—``, not 0."""
    return {a.id for a in sc.actors} - {st.actor for st in sc.stances}


def print_report(sc: Scenario, r: dict[str, Any]) -> None:
    out = console()
    zone = r["zone"]
    size = "not counted" if zone["size"] is None else f"{zone['size']:,}"
    verdict = "[red]EMPTY[/red]" if zone["empty"] else "[green]not empty[/green]"
    out.print(
        f"[bold]Package deals: {escape(sc.title)}[/bold]\n"
        f"{r['packages']:,} packages; parties that must consent ({r['parties_rule']}): "
        f"{escape(', '.join(r['parties'])) or 'none'}; method: {r['method']}\n"
        f"Agreement zone: {verdict} ({size} packages, by {zone['method']})"
    )
    _points(sc, r)
    _best(sc, r)
    _frontier(r)
    _obstacle(r)
    _concessions(r)
    _spoilers(r)


def _points(sc: Scenario, r: dict[str, Any]) -> None:
    pts = r["points"]
    names = [n for n in POINT_NAMES if pts.get(n)]
    if not names:
        why = "the zone is empty" if r["parties"] else "no party must consent"
        console().print(f"No bargaining point: {why}.")
        return
    t = Table(title="Bargaining points (option per issue)", title_justify="left")
    t.add_column("issue")
    for n in names:
        t.add_column(POINT_NAMES[n], overflow="fold")
    for issue in sc.issues:
        t.add_row(escape(issue.name), *[escape(pts[n]["package"][issue.id]) for n in names])
    t.add_section()
    none = _stanceless(sc)
    for a in sc.actors:
        cells = []
        for n in names:
            if a.id in none:
                cells.append("—")
                continue
            u = pts[n]["utility"][a.id]
            s = pts[n]["surplus"].get(a.id)
            cells.append(_fmt(u) + ("" if s is None else f" ({s:+.3f})"))
        t.add_row(escape(f"utility: {a.id}"), *cells)
    t.add_row("method", *[pts[n]["method"] for n in names])
    console().print(t)


def _best(sc: Scenario, r: dict[str, Any]) -> None:
    best = r["zone"]["best"]
    if len(best) < 2:
        return
    method = r["zone"].get("best_method", r["zone"]["method"])
    t = Table(
        title="Best packages in the zone (capability-weighted Nash)",
        title_justify="left",
        caption=f"method: {escape(method)}",
        caption_justify="left",
    )
    t.add_column("#", justify="right")
    for a in r["parties"]:
        t.add_column(escape(f"utility: {a}"), justify="right")
    t.add_column("differs from #1 on", overflow="fold")
    first = best[0]["package"]
    none = _stanceless(sc)
    for k, rec in enumerate(best, 1):
        diff = [i for i, opt in rec["package"].items() if opt != first[i]]
        t.add_row(
            str(k),
            *[
                "—" if a in none else f"{rec['utility'][a]:.3f} ({rec['surplus'][a]:+.3f})"
                for a in r["parties"]
            ],
            escape(", ".join(diff)) or "—",
        )
    console().print(t)


def _frontier(r: dict[str, Any]) -> None:
    t = Table(title="Pareto frontier", title_justify="left")
    t.add_column("where")
    t.add_column("packages", justify="right")
    t.add_column("method")
    t.add_column("resolution", justify="right")
    t.add_column("MILPs", justify="right")
    for where in ("zone", "overall"):
        f = r["frontier"][where]
        size = f"{f['size']:,}" if f["size"] is not None else f"{f.get('found', 0):,} traced"
        res = "exact" if f["complete"] else f"{f['resolution']:g}"
        t.add_row(where, size, f["method"], res, str(f.get("milps", 0)))
    console().print(t)


def _relaxation(ob: dict[str, Any]) -> str:
    """One relaxation in words: what is relaxed, by whom, on which issue."""
    who = escape(ob.get("actor") or "every party")
    where = escape(f" on {ob['issue']}") if ob.get("issue") else ""
    what = escape(f" (admit option {ob['option']!r})") if ob.get("option") else ""
    return f"{ob['kind'].replace('_', ' ')} of {who}{where}{what}"


def _obstacle(r: dict[str, Any]) -> None:
    ob = r["obstacle"]
    if not ob:
        return
    out = console()
    if not r["zone"]["empty"]:
        # no obstacle: the zone exists; say which relaxation would widen it most
        out.print("Principal obstacle: none (the agreement zone is not empty).")
        if "kind" not in ob:
            out.print(f"Widening the zone: {ob['effect']} \\[{ob['method']}].")
            return
        lead = "Widening the zone"
    elif "kind" not in ob:
        out.print(f"Principal obstacle: {ob['effect']} \\[{ob['method']}].")
        return
    else:
        lead = "Principal obstacle"
    gain = ""
    if "enlargement" in ob:
        approx = "about " if ob["method"] == "monte-carlo" else ""
        gain = f" (+{approx}{ob['enlargement']:,.0f} packages)"
    ties = ob.get("tied_with") or []
    tied = ""
    if ties:
        shown = "; ".join(_relaxation(t) for t in ties[:5])
        more = f"; and {len(ties) - 5} more" if len(ties) > 5 else ""
        tied = f" — tied with: {shown}{more}"
    out.print(
        f"{lead}: {_relaxation(ob)}: relax by {ob['size']:.3g} {ob['unit']} -> "
        f"{ob['effect']}{gain} \\[{ob['method']}]{tied}"
    )


def _concessions(r: dict[str, Any]) -> None:
    if not r["concessions"]:
        return
    t = Table(title="Minimal concessions for a zone to exist", title_justify="left")
    t.add_column("party")
    t.add_column("utility given up", justify="right")
    t.add_column("issues given up (utility below its best option)", overflow="fold")
    t.add_column("red lines crossed", overflow="fold")
    for c in r["concessions"]:
        issues = ", ".join(f"{x['issue']} ({_amount(x['gives_up'])})" for x in c.get("issues", []))
        t.add_row(
            escape(c["actor"]),
            _amount(c["utility"]) if c["utility"] is not None else escape(c.get("note", "—")),
            escape(issues) or "—",
            escape(", ".join(c.get("red_lines_crossed", []))) or "—",
        )
    console().print(t)


def _spoilers(r: dict[str, Any]) -> None:
    if not r["spoilers"]:
        console().print("Spoilers: none (every veto actor is at the table).")
        return
    t = Table(title="Spoilers: veto actors away from the table", title_justify="left")
    for col in ("actor", "utility", "no deal", "would block", "zone if at table"):
        t.add_column(col)
    t.add_column("Nash if at table", overflow="fold")
    for s in r["spoilers"]:
        join = s["if_at_table"]
        zone = "empty" if join["zone_empty"] else f"{join['zone_size'] or 'not empty'}"
        changed = join.get("changed_issues")
        if join["weighted_nash"] is None:
            nash = "none"
        elif changed is None:
            nash = "—"
        else:
            nash = "same package" if not changed else escape("changes on " + ", ".join(changed))
        crossed = s.get("red_lines_crossed") or []
        block = {True: "yes", False: "no", None: "—"}[s.get("would_block")]
        if crossed:
            block += escape(f" (red lines: {', '.join(crossed)})")
        t.add_row(
            escape(s["actor"]),
            _fmt(s.get("utility")),
            _fmt(s["no_deal"]),
            block,
            f"{zone} \\[{join['method']}]",
            nash,
        )
    console().print(t)
