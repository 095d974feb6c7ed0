"""Review of stored claims by an analyst: accept, reject or correct, with an audit trail.

Every claim has a review status: ``pending`` (as read), ``accepted``, ``rejected`` or
``corrected`` (actor, issue, stance or position changed by hand; the claim then carries the
corrected values). Every change is kept in the ``reviews`` table with its time, the claim's old
and new values and an optional note, so a corrected claim can always be traced back to what
the reader said. Changes are checked before anything is written and are written in one
transaction: a bad id or value changes nothing.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.evidence.readers import READERS, STANCES
from pourparler.evidence.store import SQLITE_INTEGERS, utc_now

if TYPE_CHECKING:
    from pourparler.evidence.store import Store, StoredClaim
    from pourparler.scenario import Scenario

STATUSES = ("pending", "accepted", "rejected", "corrected")
REVIEWED = ("accepted", "corrected")  # the claims `evidence suggest` uses by default
FIELDS = ("status", "actor", "issue", "stance", "position")


@dataclass(frozen=True)
class Change:
    """One review of one claim: when, what (accept, reject, correct), the claim's values
    before and after, and the analyst's note."""

    id: int
    claim_id: int
    at: str
    action: str
    old: dict[str, Any]
    new: dict[str, Any]
    note: str | None

    def to_data(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class History:
    """The review history of one claim, oldest first."""

    claim: StoredClaim
    changes: tuple[Change, ...]

    def to_data(self) -> dict[str, Any]:
        return {"claim": self.claim.as_dict(), "history": [c.to_data() for c in self.changes]}


@dataclass(frozen=True)
class Edit:
    """New values for a claim (None: unchanged)."""

    actor: str | None = None
    issue: str | None = None
    stance: str | None = None
    position: float | None = None


def _values(c: StoredClaim) -> dict[str, Any]:
    return {k: getattr(c, k) for k in FIELDS}


def check_status(value: str, where: str = "--status") -> str:
    if value not in STATUSES:
        raise InputError(f"{where}: {value!r}: not a review status (known: {', '.join(STATUSES)})")
    return value


def find_claim(store: Store, claim_id: int, where: str) -> StoredClaim:
    """The stored claim with this id; an unknown id (one too large for SQLite included) is bad
    input."""
    found = store.claims(ids=[claim_id]) if claim_id in SQLITE_INTEGERS else []
    if not found:
        raise InputError(f"{where}: {claim_id}: no such claim in {store.path}")
    return found[0]


def names_for(store: Store, scenario: str | None) -> tuple[list[Scenario], str | None]:
    """The scenarios actor and issue names are checked against (see
    :func:`pourparler.evidence.names.scenarios_for`)."""
    from pourparler.evidence.names import scenarios_for

    return scenarios_for(store, scenario)


def resolve_name(store: Store, kind: str, value: str, where: str, scenario: str | None) -> str:
    """The id of actor or issue ``value`` (id, name or alias) in the store's scenarios."""
    from pourparler.evidence.names import resolve, stored_names

    scenarios, scenario_id = names_for(store, scenario)
    if scenarios:
        return resolve(kind, value, where, scenarios, ())
    stored, scope = stored_names(store, kind, scenario_id)
    return resolve(kind, value, where, scenarios, stored, scope)


def select(
    store: Store,
    *,
    status: str | None = "pending",
    actor: str | None = None,
    issue: str | None = None,
    reader: str | None = None,
    below: float | None = None,
    ids: Sequence[int] | None = None,
    scenario: str | None = None,
    document: int | None = None,
    since: int | None = None,
    text: str | None = None,
) -> list[StoredClaim]:
    """Claims matching every filter given: review status, actor and issue (id, name or alias),
    reader, confidence below ``below``, claim ids, document, documents from ``since`` on,
    words the sentence holds (``text``)."""
    if status is not None:
        check_status(status)
    if below is not None and not 0.0 <= below <= 1.0:
        raise InputError(f"--below: {below!r}: not a confidence between 0 and 1")
    if reader is not None and reader not in READERS:
        raise InputError(f"--reader: {reader!r}: unknown reader (known: {', '.join(READERS)})")
    if ids is not None:
        for i in ids:
            find_claim(store, i, "--claim")
    for name, value in (("--document", document), ("--since", since)):
        if value is not None and not store.has_document(value):
            raise InputError(f"{name}: {value}: no such document (see 'evidence documents')")
    aid = None if actor is None else resolve_name(store, "actor", actor, "--actor", scenario)
    iid = None if issue is None else resolve_name(store, "issue", issue, "--issue", scenario)
    _, sid = names_for(store, scenario) if scenario is not None else (None, None)
    if text is not None and not text.strip():
        raise InputError("--text: no words given")
    rows = store.claims(
        sid,
        aid,
        iid,
        status=status,
        reader=reader,
        ids=ids,
        document=document,
        since=since,
        text=text,
    )
    if below is not None:
        rows = [c for c in rows if c.confidence < below]
    return rows


def _scenario_of(store: Store, claim_id: int) -> str:
    """The id of the scenario the claim refers to (whose names a correction must use)."""
    with store.transaction() as conn:
        row = conn.execute("SELECT scenario FROM claims WHERE id = ?", (claim_id,)).fetchone()
    return str(row[0])


def check_edit(store: Store, claim: StoredClaim, edit: Edit, scenario: str | None) -> Edit:
    """``edit`` with actor and issue names turned into ids; bad values are bad input."""
    if all(v is None for v in (edit.actor, edit.issue, edit.stance, edit.position)):
        raise InputError(
            f"--correct: {claim.id}: nothing to correct (give --actor, --issue, --stance or "
            "--position)"
        )
    if edit.stance is not None and edit.stance not in STANCES:
        raise InputError(f"--stance: {edit.stance!r}: not a stance (known: {', '.join(STANCES)})")
    if edit.position is not None and not (
        math.isfinite(edit.position) and 0.0 <= edit.position <= 100.0
    ):
        raise InputError(f"--position: {edit.position!r}: not a position between 0 and 100")
    own = _scenario_of(store, claim.id)
    given = own if scenario is None else names_for(store, scenario)[1]
    if given != own:
        raise InputError(
            f"--scenario: {scenario}: claim {claim.id} is about scenario {own}, not {given}"
        )
    names = own if scenario is None else scenario
    actor = edit.actor and resolve_name(store, "actor", edit.actor, "--actor", names)
    issue = edit.issue and resolve_name(store, "issue", edit.issue, "--issue", names)
    checked = Edit(actor, issue, edit.stance, edit.position)
    if all(
        getattr(checked, k) in (None, getattr(claim, k))
        for k in ("actor", "issue", "stance", "position")
    ):
        raise InputError(f"--correct: {claim.id}: nothing to correct (the claim has these values)")
    return checked


def apply(
    store: Store,
    claims: Sequence[StoredClaim],
    action: str,
    note: str | None = None,
    edit: Edit | None = None,
) -> list[Change]:
    """Accept, reject or correct (``action``) ``claims`` in one transaction, recording each
    change; ``edit`` holds the checked new values of a correction. A note's bytes that are
    not UTF-8 (from the command line) are kept as ``\\xNN``."""
    from pourparler.text import utf8_text

    if action not in ("accept", "reject", "correct"):
        raise ValueError(action)
    note = None if note is None else utf8_text(note)
    at = utc_now()
    status = {"accept": "accepted", "reject": "rejected", "correct": "corrected"}[action]
    changes: list[Change] = []
    with store.transaction() as conn:
        for c in claims:
            old = _values(c)
            new = dict(old, status=status)
            if edit is not None:
                for k in ("actor", "issue", "stance", "position"):
                    if getattr(edit, k) is not None:
                        new[k] = getattr(edit, k)
            conn.execute(
                "UPDATE claims SET status = ?, actor = ?, issue = ?, stance = ?, position = ? "
                "WHERE id = ?",
                (new["status"], new["actor"], new["issue"], new["stance"], new["position"], c.id),
            )
            cur = conn.execute(
                "INSERT INTO reviews (claim_id, at, action, old, new, note) VALUES (?,?,?,?,?,?)",
                (c.id, at, action, json.dumps(old), json.dumps(new), note),
            )
            changes.append(Change(int(cur.lastrowid or 0), c.id, at, action, old, new, note))
    return changes


def history(store: Store, claim_id: int) -> History:
    """The claim and every review of it, oldest first; an unknown id is bad input."""
    claim = find_claim(store, claim_id, "--history")
    return History(claim, changes_of(store.reviews(claim_id), str(store.path)))


def changes_of(rows: Sequence[tuple[Any, ...]], where: str) -> tuple[Change, ...]:
    """The changes kept in review rows (id, claim_id, at, action, old JSON, new JSON, note) of
    the store named by ``where``."""
    out = []
    for r in rows:
        old, new = _stored_values(where, r, 4), _stored_values(where, r, 5)
        out.append(Change(r[0], r[1], r[2], r[3], old, new, r[6]))
    return tuple(out)


def _stored_values(where: str, row: tuple[Any, ...], k: int) -> dict[str, Any]:
    """The claim's values kept in column ``k`` (old, new) of a review row: a JSON object; a
    store changed by hand may hold anything there."""
    column = ("old", "new")[k - 4]
    try:
        values = json.loads(row[k])
    except (TypeError, ValueError, RecursionError):
        values = None
    if not isinstance(values, dict):
        raise InputError(
            f"{where}: review {row[0]}: {column}: {row[k]!r:.40} is not the claim's values "
            "(a JSON object)"
        )
    return values
