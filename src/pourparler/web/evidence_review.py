"""Reviewing claims from the web app (``pourparler serve --db DB --review``): the forms that
accept, reject or correct a claim (its page, with its review history, is
:meth:`pourparler.web.evidence_view.EvidenceReader.claim`).

The checks and the audit trail are those of ``pourparler evidence review``
(:mod:`pourparler.evidence.review`): a value the claim's scenario does not know, or a position
outside 0–100, changes nothing; every change is kept with its time, the claim's values before
and after, and the analyst's note. Each review opens the store for one transaction, so reviews
from several browsers, and ``evidence`` commands run beside the server, wait for each other
instead of overwriting each other. Errors name the form's field and never the store's path.
"""

from __future__ import annotations

import contextlib
import math
import os
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.review import Change, Edit
    from pourparler.evidence.store import Store, StoredClaim, StoredDocument

ACTIONS = ("accept", "reject", "correct")
MAX_NOTE = 2_000  # characters of an analyst's note
MAX_VALUE = 64  # characters of an actor or issue id
WAIT_SECONDS = 10.0  # how long a write waits for another writer's lock
MAX_CLAIMS = 100  # claims one form may accept or reject at once (a page shows 25)


@dataclass(frozen=True)
class ReviewForm:
    """A review posted from the browser: the action, a correction's values (None: unchanged)
    and the note."""

    action: str
    actor: str | None = None
    issue: str | None = None
    stance: str | None = None
    position: float | None = None
    note: str | None = None

    @classmethod
    def parse(cls, form: Mapping[str, str]) -> ReviewForm:
        """The review in ``form``; a missing action, an unknown one or a position that is not
        a number is bad input naming the field."""
        action = form.get("action", "")
        if action not in ACTIONS:
            raise InputError(f"action: {action[:20]!r}: expected one of {', '.join(ACTIONS)}")
        note = form.get("note", "").strip() or None
        if note is not None and len(note) > MAX_NOTE:
            raise InputError(f"note: longer than {MAX_NOTE:,} characters")
        values: dict[str, str | None] = {}
        for name in ("actor", "issue", "stance"):
            value = form.get(name, "").strip() or None
            if value is not None and len(value) > MAX_VALUE:
                raise InputError(f"{name}: longer than {MAX_VALUE} characters")
            values[name] = value
        raw = form.get("position", "").strip()
        position = None
        if raw:
            try:
                position = float(raw)
            except ValueError:
                raise InputError(f"position: {raw[:20]!r}: not a number") from None
            if not (math.isfinite(position) and 0.0 <= position <= 100.0):
                raise InputError(f"position: {raw[:20]!r}: not a position between 0 and 100")
        return cls(action, values["actor"], values["issue"], values["stance"], position, note)


class EvidenceReviewer:
    """Review access to the evidence store at ``path`` (the one the server browses)."""

    def __init__(self, path: Path) -> None:
        for where, target in (("store", path), ("its folder", path.parent)):
            if not os.access(target, os.W_OK):
                raise InputError(
                    f"--review: {path}: {where} is not writable (reviews are written to it)"
                )
        self.path = path

    def _store(self) -> contextlib.AbstractContextManager[Store]:
        return open_store(self.path)

    def apply(self, claim_id: int, form: ReviewForm) -> Change:
        """Accept, reject or correct claim ``claim_id`` as ``form`` says, recording the change;
        a bad value is bad input naming the field, and nothing is written."""
        from pourparler.evidence import review

        with self._store() as store:
            claim = _claim(store, claim_id)
            edit = None
            if form.action == "correct":
                edit = _edit(store, claim, form)
            return review.apply(store, [claim], form.action, form.note, edit)[0]

    def apply_all(self, claim_ids: Sequence[int], action: str) -> int:
        """Accept or reject (``action``) every claim of ``claim_ids`` in one transaction (a
        page's claims): an unknown id changes nothing. The number of claims changed."""
        from pourparler.evidence import review

        if action not in ("accept", "reject"):
            raise InputError(f"action: {action[:20]!r}: expected accept or reject")
        if not claim_ids:
            raise InputError("claim: no claims given")
        if len(claim_ids) > MAX_CLAIMS:
            raise InputError(f"claim: more than {MAX_CLAIMS} claims at once")
        with self._store() as store:
            claims = [_claim(store, i) for i in dict.fromkeys(claim_ids)]
            return len(review.apply(store, claims, action))

    def remove(self, document_id: int, force: bool) -> StoredDocument:
        """Remove document ``document_id`` with its claims and their review history, as
        ``pourparler evidence remove`` does; one with reviewed claims needs ``force``, since
        removing it loses decisions a person made. Returns what was removed."""
        from pourparler.evidence.store import SQLITE_INTEGERS

        with self._store() as store:
            found = (
                [d for d in store.document_list() if d.id == document_id]
                if document_id in SQLITE_INTEGERS
                else []
            )
            if not found:
                raise PageError(
                    404, f"document {document_id}: no such document in the evidence store"
                )
            if found[0].reviewed and not force:
                raise InputError(
                    f"force: document {document_id}: {found[0].reviewed} of its claims have "
                    "been reviewed; tick the box to remove them and their review history too"
                )
            store.remove_documents([document_id], force=True)
            return found[0]


@contextlib.contextmanager
def open_store(path: Path) -> Iterator[Store]:
    """The store at ``path`` for one write, waiting up to :data:`WAIT_SECONDS` for another
    writer; a store that cannot be used (locked, full, read-only) is a 503 whose line names
    no file of the server."""
    from pourparler.evidence.store import Store, StoreError

    try:
        with Store(path, wait=WAIT_SECONDS) as store:
            yield store
    except StoreError as exc:
        raise PageError(503, str(exc).replace(str(path), "evidence store")) from None


def _claim(store: Store, claim_id: int) -> StoredClaim:
    from pourparler.evidence.store import SQLITE_INTEGERS

    found = store.claims(ids=[claim_id]) if claim_id in SQLITE_INTEGERS else []
    if not found:
        raise PageError(404, f"claim {claim_id}: no such claim in the evidence store")
    return found[0]


def _edit(store: Store, claim: StoredClaim, form: ReviewForm) -> Edit:
    """The checked correction: only the values that differ from the claim's."""
    from pourparler.evidence import review

    changed = {
        k: getattr(form, k)
        for k in ("actor", "issue", "stance", "position")
        if getattr(form, k) is not None and getattr(form, k) != getattr(claim, k)
    }
    if not changed:
        raise InputError(f"correct: claim {claim.id} already has these values; change one")
    try:
        return review.check_edit(store, claim, review.Edit(**changed), None)
    except InputError as exc:  # the command line's option names are the form's field names
        raise InputError(str(exc).removeprefix("--")) from None
