"""The evidence page's queries: one page of claims (``LIMIT``/``OFFSET``) and their count
(``COUNT(*)``) read straight from the store's SQLite file, so that a page costs the same on a
store of a hundred claims or a million, instead of loading every matching claim to slice one
page out of them.

The connection is read-only (``mode=ro``, ``PRAGMA query_only``): pages never write to the
store (reviews, with ``serve --review``, go through :mod:`pourparler.web.evidence_review`). It
reads the ``claims`` table joined to ``documents`` with the columns and the order of
:meth:`pourparler.evidence.store.Store.claims` (date, then document, then place in it), so the
pages are the slices of that list. SQLite connections belong to the thread that opened them:
each worker thread opens its own, once.
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pourparler.evidence.store import CLAIM_FIELDS
from pourparler.web.failures import PageError

if TYPE_CHECKING:
    from pourparler.evidence.followed import Followed
    from pourparler.evidence.store import StoredClaim, StoredDocument

# The columns of a stored claim, in StoredClaim's order (the store's own list of them).
FIELDS = CLAIM_FIELDS
_DOCUMENT_FIELDS = {"date", "title", "outlet", "file_name", "locator"}
_SELECT = ", ".join(f"{'d' if f in _DOCUMENT_FIELDS else 'c'}.{f}" for f in FIELDS)
_FROM = "FROM claims c JOIN documents d ON d.id = c.document_id"
_WHEN = "COALESCE(c.stated_on, d.date)"
_ORDER = f"ORDER BY {_WHEN} IS NULL, {_WHEN}, c.document_id, c.start, c.id"
BUSY_MS = 5_000  # how long a read waits for a writer's lock


@dataclass(frozen=True)
class ClaimFilter:
    """The evidence list's filters (None: any): actor, issue, review status, one document, the
    documents from ``since`` on (added since it, as ids grow: a reading job's new ones), and
    words the sentence holds (:func:`pourparler.evidence.search.containing`)."""

    actor: str | None = None
    issue: str | None = None
    status: str | None = None
    document: int | None = None
    since: int | None = None
    text: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        """The ``WHERE`` clause of the filters, and its arguments."""
        terms: list[str] = []
        args: list[Any] = []
        for column, value in (
            ("c.actor =", self.actor),
            ("c.issue =", self.issue),
            ("c.status =", self.status),
            ("c.document_id =", self.document),
            ("c.document_id >=", self.since),
        ):
            if value is not None:
                terms.append(f"{column} ?")
                args.append(value)
        if self.text is not None:
            from pourparler.evidence.search import CONTAINING, containing

            terms.append(CONTAINING)
            args.append(containing(self.text))
        return (" WHERE " + " AND ".join(terms) if terms else ""), args

    def link(self) -> dict[str, str | int | None]:
        """The filters as a link's query parameters (None: left out)."""
        return dataclasses.asdict(self)


def _counting(unreviewed: bool, min_confidence: float) -> tuple[str, list[Any]]:
    """The condition that a claim counts for a scenario's updates, and its arguments (as
    :func:`pourparler.evidence.suggest.usable` decides it)."""
    from pourparler.evidence.review import REVIEWED

    marks = ", ".join("?" * len(REVIEWED))
    condition = f"c.status IN ({marks}) OR (? AND c.status = 'pending' AND c.confidence >= ?)"
    return condition, [*REVIEWED, int(unreviewed), min_confidence]


def _claims(rows: list[tuple[Any, ...]]) -> tuple[StoredClaim, ...]:
    """The claims of rows of :data:`FIELDS`."""
    from pourparler.evidence.store import StoredClaim

    return tuple(StoredClaim(**dict(zip(FIELDS, row, strict=True))) for row in rows)


_DOCUMENTS = (  # documents with their claims counted, as StoredDocument holds them
    "SELECT d.id, d.file_name, d.format, d.title, d.outlet, d.locator, d.date, "
    "d.added_at, LENGTH(d.text), "
    "(SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id), "
    "(SELECT COUNT(*) FROM claims c WHERE c.document_id = d.id AND c.status != 'pending') "
    "FROM documents d"
)


class ClaimsQuery:
    """Read-only, paged access to the claims of the evidence store at ``path``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()

    def _connection(self) -> sqlite3.Connection:
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_MS}")
            conn.execute("PRAGMA query_only = ON")
            self._local.conn = conn
        return conn

    def _rows(self, sql: str, args: list[Any]) -> list[tuple[Any, ...]]:
        try:
            return self._connection().execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise PageError(503, f"evidence store: cannot be read: {exc}") from None

    def count(self, filters: ClaimFilter) -> int:
        """How many claims pass ``filters``."""
        where, args = filters.where()
        return int(self._rows(f"SELECT COUNT(*) {_FROM}{where}", args)[0][0])

    def claims(self, filters: ClaimFilter, limit: int, offset: int) -> tuple[StoredClaim, ...]:
        """At most ``limit`` claims that pass ``filters``, from the ``offset``-th on, in the
        store's order."""
        where, args = filters.where()
        sql = f"SELECT {_SELECT} {_FROM}{where} {_ORDER} LIMIT ? OFFSET ?"
        return _claims(self._rows(sql, [*args, limit, offset]))

    def next_pending(self, after: int, filters: ClaimFilter) -> int | None:
        """The id of the first pending claim that passes ``filters`` added after claim
        ``after`` (ids grow as claims are added: documents in the order they were added, each
        one's claims in the order of its text), else None."""
        where, args = dataclasses.replace(filters, status="pending").where()
        where = f"{where} AND c.id > ?" if where else " WHERE c.id > ?"
        rows = self._rows(f"SELECT c.id {_FROM}{where} ORDER BY c.id LIMIT 1", [*args, after])
        return int(rows[0][0]) if rows else None

    def scenario_claims(self, scenario: str) -> tuple[StoredClaim, ...]:
        """Every claim about scenario ``scenario`` but the rejected ones, in the store's order."""
        sql = f"SELECT {_SELECT} {_FROM} WHERE c.scenario = ? AND c.status != 'rejected' {_ORDER}"
        return _claims(self._rows(sql, [scenario]))

    def update_claims(
        self, scenario: str, unreviewed: bool, min_confidence: float
    ) -> tuple[StoredClaim, ...]:
        """The claims about ``scenario`` a proposal can rest on, in the store's order: those
        that count (:func:`pourparler.evidence.suggest.usable`) and imply a position."""
        counts, args = _counting(unreviewed, min_confidence)
        sql = (
            f"SELECT {_SELECT} {_FROM} WHERE c.scenario = ? AND c.position IS NOT NULL "
            f"AND ({counts}) {_ORDER}"
        )
        return _claims(self._rows(sql, [scenario, *args]))

    def scenario_counts(
        self, scenario: str, unreviewed: bool, min_confidence: float
    ) -> tuple[int, int, int]:
        """How many claims about ``scenario`` are not rejected, how many are rejected, and how
        many of the former count for its updates (:func:`pourparler.evidence.suggest.usable`:
        the reviewed ones, and with ``unreviewed`` the pending ones of at least
        ``min_confidence``)."""
        counts, args = _counting(unreviewed, min_confidence)
        sql = (
            "SELECT COALESCE(SUM(c.status != 'rejected'), 0), "
            f"COALESCE(SUM(c.status = 'rejected'), 0), COALESCE(SUM({counts}), 0) "
            "FROM claims c WHERE c.scenario = ?"
        )
        (kept, rejected, used), *_ = self._rows(sql, [*args, scenario])
        return int(kept), int(rejected), int(used)

    def document_count(self, text: str | None = None) -> int:
        """How many documents the store holds (with ``text``: whose title, outlet, file name
        or address holds every word of it)."""
        from pourparler.evidence.search import naming

        condition, args = naming(text or "")
        return int(self._rows(f"SELECT COUNT(*) FROM documents d WHERE {condition}", args)[0][0])

    def documents(
        self, limit: int, offset: int, text: str | None = None
    ) -> tuple[StoredDocument, ...]:
        """At most ``limit`` documents with their claims counted, from the ``offset``-th on,
        in the order they were added (as :meth:`~pourparler.evidence.store.Store.document_list`
        gives them; ``text`` as there)."""
        from pourparler.evidence.search import naming
        from pourparler.evidence.store import StoredDocument

        condition, args = naming(text or "")
        sql = f"{_DOCUMENTS} WHERE {condition} ORDER BY d.id LIMIT ? OFFSET ?"
        return tuple(StoredDocument(*row) for row in self._rows(sql, [*args, limit, offset]))

    def feeds(self) -> list[Followed]:
        """The followed news feeds (none in a store from before they could be followed)."""
        from pourparler.evidence.followed import Followed

        has = self._rows("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'feeds'", [])
        if not has:
            return []
        columns = {row[1] for row in self._rows("PRAGMA table_info(feeds)", [])}
        voice = "voice" if "voice" in columns else "NULL"  # a store from before migration 9
        sql = f"SELECT id, url, scenario, added_at, read_at, {voice} FROM feeds"
        return [Followed(*row) for row in self._rows(sql + " ORDER BY scenario, id", [])]

    def document(self, document_id: int) -> StoredDocument | None:
        """The document ``document_id`` with its claims counted (None: no such document)."""
        from pourparler.evidence.store import SQLITE_INTEGERS, StoredDocument

        if document_id not in SQLITE_INTEGERS:
            return None
        rows = self._rows(f"{_DOCUMENTS} WHERE d.id = ?", [document_id])
        return StoredDocument(*rows[0]) if rows else None

    def claim(self, claim_id: int) -> tuple[StoredClaim, str] | None:
        """The claim ``claim_id`` and the id of the scenario it is about (None: no such
        claim)."""
        from pourparler.evidence.store import SQLITE_INTEGERS

        if claim_id not in SQLITE_INTEGERS:
            return None
        sql = f"SELECT {_SELECT}, c.scenario {_FROM} WHERE c.id = ?"
        rows = self._rows(sql, [claim_id])
        if not rows:
            return None
        *values, scenario = rows[0]
        return _claims([tuple(values)])[0], str(scenario)

    def context(self, claim_id: int) -> tuple[str, str, str]:
        """The text of claim ``claim_id``'s document around its sentence
        (:func:`pourparler.evidence.context.context_of`)."""
        from pourparler.evidence.context import CONTEXT_SQL, context_args, context_of

        rows = self._rows(CONTEXT_SQL, context_args(claim_id))
        return context_of(rows[0] if rows else None)

    def reviews(self, claim_id: int) -> list[tuple[Any, ...]]:
        """The review rows of claim ``claim_id``, oldest first (as
        :meth:`pourparler.evidence.store.Store.reviews` gives them)."""
        from pourparler.evidence.store import REVIEWS_SQL

        return self._rows(REVIEWS_SQL, [claim_id])

    def distinct(self, column: str) -> tuple[str, ...]:
        """The values of the claims' ``actor`` or ``issue`` column."""
        if column not in ("actor", "issue"):
            raise ValueError(column)
        rows = self._rows(f"SELECT DISTINCT {column} FROM claims ORDER BY {column}", [])
        return tuple(str(r[0]) for r in rows)
