"""Browsing an evidence store from the web app: claims filtered by actor and issue, a page at a
time. The store is the one the operator named at start-up; requests never name a file.

Each page is one bounded query (:class:`~pourparler.web.evidence_query.ClaimsQuery`: ``LIMIT``
and ``OFFSET``, the total by ``COUNT(*)``) on a read-only connection per worker thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.web.evidence_query import ClaimsQuery

if TYPE_CHECKING:
    from pourparler.evidence.store import StoredClaim

PAGE_SIZE = 25
MAX_FILTER = 64  # an actor or issue id is at most 64 characters
KNOWN_LISTED = 30  # known actors or issues named in a refusal


@dataclass(frozen=True)
class ClaimsPage:
    """One page of claims and what is needed to link to the others."""

    claims: tuple[StoredClaim, ...]
    total: int
    page: int
    pages: int
    actor: str | None
    issue: str | None
    actors: tuple[str, ...]
    issues: tuple[str, ...]


class EvidenceReader:
    """Read access to the evidence store at ``path``, one read-only connection per thread."""

    def __init__(self, path: Path) -> None:
        from pourparler.evidence.store import Store

        if not path.is_file():
            raise InputError(f"--db: {path}: no such evidence store")
        self.path = path
        with Store(path):  # checks it is an evidence store (and brings its schema up to date)
            pass
        self._query = ClaimsQuery(path)

    def page(self, actor: str | None, issue: str | None, page: int) -> ClaimsPage:
        """Claims about ``actor`` and ``issue`` (None: any), page ``page`` (from 1)."""
        for name, value in (("actor", actor), ("issue", issue)):
            if value is not None and len(value) > MAX_FILTER:
                raise InputError(f"{name}: longer than {MAX_FILTER} characters")
        if page < 1:
            raise InputError(f"page: {page}: must be at least 1")
        query = self._query
        actors, issues = query.distinct("actor"), query.distinct("issue")
        for name, value, known in (("actor", actor, actors), ("issue", issue, issues)):
            if value is not None and value not in known:
                raise InputError(f"{name}: {value!r}: not in the store's claims; {_known(known)}")
        total = query.count(actor, issue)
        pages = max(1, -(-total // PAGE_SIZE))
        if page > pages:
            raise InputError(f"page: {page}: there are {pages} pages")
        return ClaimsPage(
            claims=query.claims(actor, issue, PAGE_SIZE, (page - 1) * PAGE_SIZE),
            total=total,
            page=page,
            pages=pages,
            actor=actor,
            issue=issue,
            actors=actors,
            issues=issues,
        )


def _known(values: tuple[str, ...]) -> str:
    if not values:
        return "the store has no claims"
    listed = ", ".join(values[:KNOWN_LISTED])
    more = f" and {len(values) - KNOWN_LISTED:,} more" if len(values) > KNOWN_LISTED else ""
    return f"known: {listed}{more}"
