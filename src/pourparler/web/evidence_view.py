"""Browsing an evidence store from the web app: claims filtered by actor, issue and review
status, a page at a time, and one claim with its review history. The store is the one the
operator named at start-up; requests never name a file.

Each page is one bounded query (:class:`~pourparler.web.evidence_query.ClaimsQuery`: ``LIMIT``
and ``OFFSET``, the total by ``COUNT(*)``) on a read-only connection per worker thread.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.web.evidence_query import ClaimFilter, ClaimsQuery
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.followed import Followed
    from pourparler.evidence.review import Change
    from pourparler.evidence.store import StoredClaim, StoredDocument

PAGE_SIZE = 25
DOCUMENTS_PAGE_SIZE = 50
MAX_FILTER = 64  # an actor or issue id is at most 64 characters
KNOWN_LISTED = 30  # known actors or issues named in a refusal


@dataclass(frozen=True)
class ClaimsPage:
    """One page of claims and what is needed to link to the others."""

    claims: tuple[StoredClaim, ...]
    total: int
    page: int
    pages: int
    filters: ClaimFilter
    actors: tuple[str, ...]
    issues: tuple[str, ...]
    statuses: tuple[str, ...]

    def download(self, fmt: str) -> str:
        """The address of every claim of this list, as ``csv`` or ``json``."""
        return address(f"/evidence/claims.{fmt}", **self.filters.link())

    def walk(self) -> str:
        """The address that goes through this list's pending claims one at a time."""
        return address("/evidence/next", **{**self.filters.link(), "status": None})

    def query(self, page: int | None = None) -> str:
        """The page's address: its filters, and page ``page`` (default: this one)."""
        from urllib.parse import urlencode

        shown = self.page if page is None else page
        f = self.filters
        words = {"actor": f.actor, "issue": f.issue, "status": f.status}
        ids = {k: v for k, v in (("document", f.document), ("since", f.since)) if v is not None}
        text = {"text": f.text} if f.text is not None else {}
        query = {**{k: v or "" for k, v in words.items()}, **ids, **text, "page": shown}
        return "/evidence?" + urlencode(query)


def address(path: str, **params: str | int | None) -> str:
    """``path`` with the parameters given that are not None as its query."""
    from urllib.parse import urlencode

    query = urlencode({k: v for k, v in params.items() if v is not None})
    return f"{path}?{query}" if query else path


@dataclass(frozen=True)
class DocumentsPage:
    """One page of the stored documents, in the order they were added."""

    documents: tuple[StoredDocument, ...]
    total: int
    page: int
    pages: int
    text: str | None = None  # the words searched for, if any

    def query(self, page: int) -> str:
        """The address of page ``page`` of this list."""
        return address("/evidence/documents", text=self.text, page=page)


@dataclass(frozen=True)
class ClaimView:
    """One claim as its page shows it: the claim, the scenario it is about, its review history
    (oldest first), and the actors, issues and stances a correction may choose from (id,
    label)."""

    claim: StoredClaim
    scenario: str
    changes: tuple[Change, ...]
    actors: tuple[tuple[str, str], ...]
    issues: tuple[tuple[str, str], ...]
    stances: tuple[str, ...]
    context: tuple[str, str, str] = ("", "", "")  # text before the sentence, it, text after


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

    def page(self, filters: ClaimFilter, page: int) -> ClaimsPage:
        """The claims that pass ``filters``, page ``page`` (from 1; one past the last page is
        the last)."""
        from pourparler.evidence.review import STATUSES

        if page < 1:
            raise InputError(f"page: {page}: must be at least 1")
        actors, issues = self._check(filters)
        total = self._query.count(filters)
        pages = max(1, -(-total // PAGE_SIZE))
        # past the end (a stale link, or a filtered list that reviews have shortened): the last
        page = min(page, pages)
        return ClaimsPage(
            claims=self._query.claims(filters, PAGE_SIZE, (page - 1) * PAGE_SIZE),
            total=total,
            page=page,
            pages=pages,
            filters=filters,
            actors=actors,
            issues=issues,
            statuses=STATUSES,
        )

    def _check(self, filters: ClaimFilter) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """Check the list's filters; the actors and issues the store's claims name."""
        from pourparler.evidence.review import STATUSES
        from pourparler.evidence.store import SQLITE_INTEGERS

        actor, issue, status = filters.actor, filters.issue, filters.status
        document, since = filters.document, filters.since
        if status is not None and status not in STATUSES:
            raise InputError(f"status: {status[:MAX_FILTER]!r}: known: {', '.join(STATUSES)}")
        for name, value in (("actor", actor), ("issue", issue)):
            if value is not None and len(value) > MAX_FILTER:
                raise InputError(f"{name}: longer than {MAX_FILTER} characters")
        if document is not None and document not in SQLITE_INTEGERS:
            raise InputError(f"document: {document}: no such document")
        if since is not None and since not in SQLITE_INTEGERS:
            raise InputError(f"since: {since}: not a document id")
        actors, issues = self._query.distinct("actor"), self._query.distinct("issue")
        for name, value, known in (("actor", actor, actors), ("issue", issue, issues)):
            if value is not None and value not in known:
                raise InputError(f"{name}: {value!r}: not in the store's claims; {_known(known)}")
        return actors, issues

    def all_claims(self, filters: ClaimFilter, limit: int = -1) -> tuple[StoredClaim, ...]:
        """Every claim the list with these filters shows (at most ``limit``; -1: no limit), in
        its order (a download, a timeline)."""
        self._check(filters)
        return self._query.claims(filters, limit, 0)

    def documents(self, page: int, text: str | None = None) -> DocumentsPage:
        """Page ``page`` (from 1; past the last: the last) of the stored documents (with
        ``text``: those whose title, outlet, file name or address holds every word of it)."""
        if page < 1:
            raise InputError(f"page: {page}: must be at least 1")
        total = self._query.document_count(text)
        pages = max(1, -(-total // DOCUMENTS_PAGE_SIZE))
        page = min(page, pages)
        offset = (page - 1) * DOCUMENTS_PAGE_SIZE
        found = self._query.documents(DOCUMENTS_PAGE_SIZE, offset, text)
        return DocumentsPage(found, total, page, pages, text)

    def feeds(self) -> list[Followed]:
        """The followed news feeds, by scenario."""
        return self._query.feeds()

    def document(self, document_id: int) -> StoredDocument:
        """The document ``document_id`` with its claims counted; 404 when there is none."""
        found = self._query.document(document_id)
        if found is None:
            raise PageError(404, f"document {document_id}: no such document in the evidence store")
        return found

    def next_pending(self, after: int, filters: ClaimFilter) -> int | None:
        """The next pending claim that passes ``filters`` after claim ``after``, going round
        to the first once; None when none is pending."""
        from pourparler.evidence.store import SQLITE_INTEGERS

        for name, value in (
            ("after", after),
            ("document", filters.document),
            ("since", filters.since),
        ):
            if value is not None and value not in SQLITE_INTEGERS:
                raise InputError(f"{name}: {value}: not a claim or document id")
        found = self._query.next_pending(after, filters)
        if found is None and after > 0:
            found = self._query.next_pending(0, filters)
        return found

    def scenario_claims(self, scenario: str) -> tuple[StoredClaim, ...]:
        """The claims about scenario ``scenario`` that are not rejected."""
        return self._query.scenario_claims(scenario)

    def update_claims(
        self, scenario: str, unreviewed: bool, min_confidence: float
    ) -> tuple[StoredClaim, ...]:
        """The claims about ``scenario`` that count for its updates and imply a position."""
        return self._query.update_claims(scenario, unreviewed, min_confidence)

    def scenario_counts(
        self, scenario: str, unreviewed: bool, min_confidence: float
    ) -> tuple[int, int, int]:
        """How many claims about ``scenario`` are not rejected, how many are rejected, and how
        many of the former count."""
        return self._query.scenario_counts(scenario, unreviewed, min_confidence)

    def claim(self, claim_id: int) -> ClaimView:
        """The claim ``claim_id`` with its review history and its scenario's choices; an
        unknown id is a 404."""
        from pourparler.evidence.readers import STANCES
        from pourparler.evidence.review import changes_of

        found = self._query.claim(claim_id)
        if found is None:
            raise PageError(404, f"claim {claim_id}: no such claim in the evidence store")
        claim, scenario = found
        changes = changes_of(self._query.reviews(claim_id), "evidence store")
        context = self._query.context(claim_id)
        actors, issues = _builtin_choices(scenario) or (
            tuple((a, a) for a in self._query.distinct("actor")),
            tuple((i, i) for i in self._query.distinct("issue")),
        )
        return ClaimView(claim, scenario, changes, actors, issues, STANCES, context)


Choices = tuple[tuple[str, str], ...]


@functools.cache
def _builtin_choices(scenario: str) -> tuple[Choices, Choices] | None:
    """The actors and issues (id, label) of built-in scenario ``scenario``; None for a
    scenario read from a file (its claims' own actors and issues are offered instead)."""
    from pourparler.scenario import load_scenario
    from pourparler.scenario.builtin import builtin_names

    if scenario not in builtin_names():
        return None
    sc = load_scenario(scenario)
    return (
        tuple((a.id, f"{a.id} – {a.name}") for a in sc.actors),
        tuple((i.id, f"{i.id} – {i.name}") for i in sc.issues),
    )


def _known(values: tuple[str, ...]) -> str:
    if not values:
        return "the store has no claims"
    listed = ", ".join(values[:KNOWN_LISTED])
    more = f" and {len(values) - KNOWN_LISTED:,} more" if len(values) > KNOWN_LISTED else ""
    return f"known: {listed}{more}"
