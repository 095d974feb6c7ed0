"""Scenario updates proposed from stored claims, each with the claims that support it.

A claim that names an option of an issue implies a position on the issue's scale. For every
actor and issue with such claims, the confidence-weighted mean of the implied positions (the
claims of the latest dated document weigh double) is snapped to the nearest labelled option
and proposed when it differs from the scenario's position, or when the scenario has no stance.
Only reviewed claims (accepted or corrected) count, unless unreviewed ones are asked for
(those at or above a confidence); rejected claims never count. A claim read from the same
sentence in several documents (a wire story several outlets ran) counts once.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pourparler.errors import InputError
from pourparler.evidence.store import StoredClaim
from pourparler.scenario import Scenario

MIN_CHANGE = 5.0
NEW_STANCE_SALIENCE = 0.5


@dataclass(frozen=True)
class Proposal:
    actor: str
    issue: str
    field: str  # "position", or "stance" for a stance the scenario lacks
    current: float | None
    proposed: float
    option: str
    claims: tuple[StoredClaim, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "issue": self.issue,
            "field": self.field,
            "current": self.current,
            "proposed": self.proposed,
            "option": self.option,
            "claims": [c.as_dict() for c in self.claims],
        }


def usable(
    claims: list[StoredClaim], include_unreviewed: bool = False, min_confidence: float = 0.0
) -> list[StoredClaim]:
    """The claims suggestions rest on: accepted and corrected ones, and with
    ``include_unreviewed`` the pending ones whose confidence is at least ``min_confidence``."""
    from pourparler.evidence.review import REVIEWED

    if not 0.0 <= min_confidence <= 1.0:
        raise InputError(f"--min-confidence: {min_confidence!r}: not between 0 and 1")
    return [
        c
        for c in claims
        if c.status in REVIEWED
        or (include_unreviewed and c.status == "pending" and c.confidence >= min_confidence)
    ]


def once(claims: list[StoredClaim]) -> list[StoredClaim]:
    """The claims with each repeated one kept once: the same actor, issue, stance and position
    read from the same sentence in several documents (a wire story that several outlets ran)
    is one piece of evidence; the earliest dated copy is kept."""
    first: dict[tuple[object, ...], tuple[int, StoredClaim]] = {}
    by_date = sorted(
        enumerate(claims), key=lambda kc: (kc[1].date is None, kc[1].date or "", kc[1].document_id)
    )
    for k, c in by_date:
        words = " ".join(c.sentence.casefold().split())
        first.setdefault((c.actor, c.issue, c.stance, c.position, words), (k, c))
    return [c for _, c in sorted(first.values(), key=lambda kc: kc[0])]


def propose_updates(
    scenario: Scenario,
    claims: list[StoredClaim],
    *,
    include_unreviewed: bool = False,
    min_confidence: float = 0.0,
) -> list[Proposal]:
    """Updates to ``scenario`` that the positions implied by ``claims`` support (the reviewed
    ones, and with ``include_unreviewed`` pending ones of at least ``min_confidence``)."""
    actors = {a.id for a in scenario.actors}
    issues = {i.id: i for i in scenario.issues}
    groups: dict[tuple[str, str], list[StoredClaim]] = defaultdict(list)
    for c in once(usable(claims, include_unreviewed, min_confidence)):
        if c.position is not None and c.actor in actors and c.issue in issues:
            groups[(c.actor, c.issue)].append(c)
    out: list[Proposal] = []
    for (actor, issue_id), group in sorted(groups.items()):
        latest = max((c.date for c in group if c.date), default=None)
        weights = [c.confidence * (2.0 if latest and c.date == latest else 1.0) for c in group]
        mean = sum(w * (c.position or 0.0) for w, c in zip(weights, group, strict=True)) / sum(
            weights
        )
        option = issues[issue_id].nearest_option(mean)
        stance = scenario.stance(actor, issue_id)
        if stance is None:
            out.append(
                Proposal(actor, issue_id, "stance", None, option.value, option.label, tuple(group))
            )
        elif abs(stance.position - option.value) >= MIN_CHANGE:
            out.append(
                Proposal(
                    actor,
                    issue_id,
                    "position",
                    stance.position,
                    option.value,
                    option.label,
                    tuple(group),
                )
            )
    return out


def apply_updates(scenario: Scenario, proposals: list[Proposal], name: str) -> Scenario:
    """A new scenario with ``proposals`` applied, citing the documents behind each change: the
    scenario's own source when one names the document's file or address, else a new source
    (located by the document's address when it has one, else by its file name; a PDF's cited
    pages in the citation's note). A scenario is
    as of its date, so when a document it now cites is dated later the scenario's date moves
    forward to that document's."""
    from pourparler.evidence.fetch import is_url
    from pourparler.evidence.ingest import scenario_source
    from pourparler.scenario.yaml_io import scenario_from_data

    def _address(c: StoredClaim) -> str | None:
        return c.locator if c.locator and is_url(c.locator) else None

    def _source_id(c: StoredClaim) -> str:
        known = scenario_source(scenario, c.file_name, _address(c))
        if known is None and _address(c):  # fetched, or a file that gives its address
            known = scenario_source(scenario, c.file_name)
        return known.id if known is not None else f"evidence-doc{c.document_id}"

    data = scenario.to_data()
    have = {s["id"] for s in data.get("sources", [])}
    for p in proposals:
        for c in p.claims:
            sid = _source_id(c)
            if sid not in have:
                have.add(sid)
                src: dict[str, Any] = {
                    "id": sid,
                    "title": c.title or c.file_name,
                    "locator": _address(c) or c.file_name,
                }
                if c.outlet:
                    src["outlet"] = c.outlet
                if c.date:
                    src["date"] = c.date
                    _move_date_forward(data, c.date)
                data.setdefault("sources", []).append(src)
        docs = sorted({_source_id(c) for c in p.claims})
        stances = sorted({c.stance for c in p.claims})
        cites = [
            {
                "source": sid,
                "note": f"Evidence: {sum(_source_id(c) == sid for c in p.claims)} "
                f"claim(s) ({', '.join(stances)}) imply the option '{p.option}'"
                + _pages([c.page for c in p.claims if _source_id(c) == sid])
                + ".",
            }
            for sid in docs
        ]
        if p.field == "stance":
            data["stances"].append(
                {
                    "actor": p.actor,
                    "issue": p.issue,
                    "position": p.proposed,
                    "salience": NEW_STANCE_SALIENCE,
                    "cites": cites,
                }
            )
            continue
        for st in data["stances"]:
            if st["actor"] == p.actor and st["issue"] == p.issue:
                st["position"] = p.proposed
                st["cites"] = [*st.get("cites", []), *cites]
                if st.get("red_line") and not st["red_line"][0] <= p.proposed <= st["red_line"][1]:
                    st["red_line"] = [
                        min(st["red_line"][0], p.proposed),
                        max(st["red_line"][1], p.proposed),
                    ]
    return scenario_from_data(data, name)


def _pages(pages: list[int | None]) -> str:
    """ " (p. 3)" or " (pp. 2, 5)" for the pages of a PDF's claims; "" for other documents."""
    known = sorted({p for p in pages if p is not None})
    if not known:
        return ""
    return f" ({'p.' if len(known) == 1 else 'pp.'} {', '.join(map(str, known))})"


def _move_date_forward(data: dict[str, Any], date: Any) -> None:
    """Set ``data["date"]`` to ``date`` when it is later (both as dates or ISO strings)."""
    import datetime as dt

    new = date if isinstance(date, dt.date) else dt.date.fromisoformat(str(date)[:10])
    old = data.get("date")
    if old is None:
        return  # an undated scenario is not checked against its sources
    cur = old if isinstance(old, dt.date) else dt.date.fromisoformat(str(old)[:10])
    if new > cur:
        data["date"] = new.isoformat()


def write_updated(
    scenario: Scenario, spec: str, proposals: list[Proposal], to: Path, force: bool = False
) -> Scenario:
    """Write the updated scenario to ``to`` (never over the input scenario file; over another
    existing file only with ``force``; never over a folder, device or FIFO)."""
    from pourparler.files import refuse_existing, write_text_atomically
    from pourparler.scenario.yaml_io import dump_yaml

    src = Path(spec)
    if src.exists() and to.exists() and src.resolve() == to.resolve():
        raise InputError(f"{to}: --to: would overwrite the input scenario; choose another file")
    refuse_existing(to, force)
    updated = apply_updates(scenario, proposals, str(to))
    write_text_atomically(to, dump_yaml(updated))
    return updated
