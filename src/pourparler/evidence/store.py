"""The evidence store: documents and their claims in SQLite, with ordered schema migrations
(:mod:`pourparler.evidence.store_schema`).

One transaction per document (``BEGIN IMMEDIATE``), WAL journal and a busy timeout, so an
interrupted ingest leaves the store as it was before that document and concurrent ingests wait
for each other instead of failing or corrupting the file.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pourparler.errors import InputError
from pourparler.evidence.search import CONTAINING, containing, naming
from pourparler.evidence.store_schema import MIGRATIONS, STORE_TABLES
from pourparler.text import utf8_text

SQLITE_INTEGERS = range(-(2**63), 2**63)  # the ids a store can hold


def utc_now() -> str:
    """Now in UTC, to the second, as the store's timestamps are written."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def default_db() -> Path:
    """``$POURPARLER_DB``, else ``evidence.sqlite3`` in the user's data directory."""
    env = os.environ.get("POURPARLER_DB")
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_data_dir("pourparler")) / "evidence.sqlite3"


@dataclass(frozen=True)
class StoredClaim:
    id: int
    document_id: int
    actor: str
    issue: str
    stance: str
    position: float | None
    confidence: float
    sentence: str
    start: int
    end: int
    raw_start: int
    raw_end: int
    cue: str
    speaker: str | None
    date: str | None
    title: str | None
    outlet: str | None
    file_name: str
    reader: str = "rules"  # the reader that made the claim ("rules", "llm")
    model: str | None = None  # the reader's model, if it has one
    status: str = "pending"  # review status: pending, accepted, rejected or corrected
    stated_on: str | None = None  # the date the text gives the stance, if any
    page: int | None = None  # the page (from 1) of a PDF the claim is on
    locator: str | None = None  # where the document was published: its address, if known

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    @property
    def place(self) -> str:
        """Where the claim's sentence starts: document id and offset in the document's text,
        and the page of a PDF ("3:1234 p.12")."""
        page = f" p.{self.page}" if self.page is not None else ""
        return f"{self.document_id}:{self.raw_start}{page}"


@dataclass(frozen=True)
class StoredDocument:
    """A stored document: where it came from, how much article text it has, and its claims
    (all, and those reviewed)."""

    id: int
    file_name: str
    format: str
    title: str | None
    outlet: str | None
    locator: str | None
    date: str | None
    added_at: str
    characters: int
    claims: int
    reviewed: int

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


CLAIM_FIELDS: tuple[str, ...] = tuple(f.name for f in dataclasses.fields(StoredClaim))
_KINDS: dict[str, tuple[tuple[type, ...], str]] = {
    "int": ((int,), "a whole number"),
    "float": ((int, float), "a finite number"),
    "str": ((str,), "text"),
}
# each column of a claim: its name, the Python types it may hold, what it must be, optional
CLAIM_TYPES = tuple(
    (f.name, *_KINDS[str(f.type).split(" | ")[0]], str(f.type).endswith("| None"))
    for f in dataclasses.fields(StoredClaim)
)


def _stored_claim(path: Path, row: tuple[Any, ...]) -> StoredClaim:
    """The claim of a row, whose every cell must have its column's type: a store changed by
    hand or by another program may hold text where a number belongs."""
    for (name, types, kind, optional), value in zip(CLAIM_TYPES, row, strict=True):
        if value is None and optional:
            continue
        if (
            not isinstance(value, types)
            or isinstance(value, bool)
            or (isinstance(value, float) and not math.isfinite(value))
        ):
            raise StoreError(f"{path}: claim {row[0]}: {name}: {value!r:.40} is not {kind}")
    return StoredClaim(*row)


# The review rows of one claim, oldest first.
REVIEWS_SQL = (
    "SELECT id, claim_id, at, action, old, new, note FROM reviews WHERE claim_id = ? ORDER BY id"
)
BUSY_SECONDS = 60.0  # how long an open or a write waits for another process's lock


class StoreError(InputError):
    """The store cannot be used (locked, read-only, full, not an evidence store): the whole
    command stops, unlike a bad article, which is skipped."""


def _store_error(path: Path, exc: BaseException, wait: float) -> StoreError:
    """One line saying what is wrong with the store at ``path``."""
    text = str(exc) or type(exc).__name__
    low = text.lower()
    if "locked" in low or "busy" in low:
        why = f"locked by another process for over {wait:g} s (try again when it is done)"
    elif "readonly" in low or "read-only" in low:
        why = "read-only: cannot write to it"
    elif "disk is full" in low or "disk full" in low:
        why = "the disk is full: the current document was not stored"
    elif "not a database" in low or "malformed" in low:
        why = f"not a usable evidence store ({text})"
    elif isinstance(exc, OSError):
        why = f"cannot open ({exc.strerror or text})"
    else:
        why = f"not a usable evidence store ({text})"
    return StoreError(f"{path}: database: {why}")


def _set_wal(conn: sqlite3.Connection, wait: float) -> None:
    """Switch to the WAL journal. Two processes opening a new store at once can both hold a
    read lock while each asks for the exclusive lock this needs; SQLite then answers "locked"
    at once instead of calling the busy handler, so retry until the other one is done."""
    deadline = time.monotonic() + wait
    pause = 0.005
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class Store:
    """An open evidence store (use as a context manager)."""

    def __init__(self, path: str | Path, wait: float | None = None) -> None:
        """Open (creating it if need be) the store at ``path``; ``wait`` is how long to wait
        for another process's lock (default :data:`BUSY_SECONDS`)."""
        self.path = Path(path)
        self.wait = BUSY_SECONDS if wait is None else wait
        self._open = False
        try:
            with self._guard():
                self._check_path()
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, timeout=self.wait, isolation_level=None)
                self._open = True
                self.conn.execute(f"PRAGMA busy_timeout = {int(self.wait * 1000)}")
                self._check_foreign()
                self._check_not_newer()  # before anything is written, the journal mode too
                _set_wal(self.conn, self.wait)
                self.conn.execute("PRAGMA foreign_keys = ON")
                self._migrate()
        except BaseException:
            self.close()
            raise

    def _check_path(self) -> None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        if stat.S_ISDIR(st.st_mode):
            raise StoreError(f"{self.path}: database: is a directory, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise StoreError(f"{self.path}: database: not a regular file")

    def _check_foreign(self) -> None:
        """Refuse an SQLite database of another program before anything is written to it:
        tables but no schema_version table, a schema_version table that is not a store's (one
        integer column, ``version``), or tables no store of a known version has."""
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if not names:
            return
        why = "no schema_version table"
        if "schema_version" in names:
            columns = [r[1] for r in self.conn.execute("PRAGMA table_info(schema_version)")]
            tables = {
                r[0]
                for r in self.conn.execute(
                    "SELECT name FROM sqlite_master "
                    "WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                )
            }
            others = sorted(tables - STORE_TABLES)
            if columns != ["version"]:
                why = f"schema_version has the columns {', '.join(columns)}"
            elif not others or self.version > len(MIGRATIONS):
                return
            else:
                why = f"a table {others[0]!r} no evidence store has"
        raise StoreError(
            f"{self.path}: database: not an evidence store (an SQLite database of another "
            f"program: {why})"
        )

    def _check_not_newer(self, current: int | None = None) -> None:
        """Refuse a store of a schema newer than this version knows (``current``: its version,
        read when None and the store has a schema_version table)."""
        if current is None:
            listed = self.conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'"
            ).fetchone()
            if listed is None:
                return
            current = self.version
        if current > len(MIGRATIONS):
            raise StoreError(
                f"{self.path}: schema_version: {current} is newer than this pourparler "
                f"knows ({len(MIGRATIONS)})"
            )

    @contextmanager
    def _guard(self) -> Iterator[None]:
        """SQLite and file errors become one-line :class:`StoreError`\\ s."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _store_error(self.path, exc, self.wait) from None
        except OSError as exc:
            raise _store_error(self.path, exc, self.wait) from None

    def _rollback(self) -> None:
        try:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # SQLite rolled back already (a full disk, an I/O error)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._open:
            self._open = False
            try:
                self.conn.close()
            except sqlite3.Error:
                pass

    @property
    def version(self) -> int:
        """The schema version: the highest number in ``schema_version`` (0 when empty)."""
        with self._guard():
            bad = self.conn.execute(
                "SELECT version FROM schema_version "
                "WHERE typeof(version) != 'integer' OR version < 0 LIMIT 1"
            ).fetchone()
            row = self.conn.execute("SELECT MAX(version) FROM schema_version").fetchone()
        if bad is not None:
            raise StoreError(
                f"{self.path}: schema_version: {bad[0]!r} is not a schema version number"
            )
        return int(row[0] or 0)

    def _migrate(self) -> None:
        c = self.conn
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            current = self.version
            self._check_not_newer(current)
            for number, sql in enumerate(MIGRATIONS[current:], start=current + 1):
                for statement in sql.split(";"):
                    if statement.strip():
                        c.execute(statement)
                c.execute("INSERT INTO schema_version (version) VALUES (?)", (number,))
            c.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def document_id(self, sha256: str) -> int | None:
        row = self.conn.execute("SELECT id FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return int(row[0]) if row else None

    def stored_text(self, sha256: str) -> tuple[str, tuple[tuple[int, int, int], ...]] | None:
        """The cleaned text and offset runs of the stored document with this hash (None: no
        such document). The same text in another file (``.md`` beside ``.txt``, CRLF beside
        LF) has the same hash but may clean differently: claims read from it are read from
        this text, so that their offsets are the stored document's."""
        with self._guard():
            row = self.conn.execute(
                "SELECT text, offset_runs FROM documents WHERE sha256 = ?", (sha256,)
            ).fetchone()
        if row is None:
            return None
        runs = tuple(tuple(int(v) for v in run) for run in json.loads(row[1] or "[]"))
        return str(row[0]), runs  # type: ignore[return-value]

    def has_read(self, sha256: str, scenario: str, reader: str, model: str | None) -> bool:
        """Whether the document with this hash has been read by ``reader`` and ``model`` about
        ``scenario``, whether or not it found claims (so reading it again would add nothing)."""
        with self._guard():
            row = self.conn.execute(
                "SELECT 1 FROM readings r JOIN documents d ON d.id = r.document_id "
                "WHERE d.sha256 = ? AND r.scenario = ? AND r.reader = ? AND r.model = ? LIMIT 1",
                (sha256, scenario, reader, model or ""),
            ).fetchone()
        return row is not None

    def read_at(self, address: str, scenario: str, reader: str, model: str | None) -> int | None:
        """The id of a stored document published at ``address`` (its locator) that ``reader``
        and ``model`` have read about ``scenario``, if any: fetching it again would add nothing."""
        with self._guard():
            row = self.conn.execute(
                "SELECT d.id FROM documents d WHERE d.locator = ? AND EXISTS (SELECT 1 FROM "
                "readings r WHERE r.document_id = d.id AND r.scenario = ? AND r.reader = ? "
                "AND r.model = ?) ORDER BY d.id LIMIT 1",
                (address, scenario, reader, model or ""),
            ).fetchone()
        return int(row[0]) if row else None

    def add_document(
        self,
        *,
        sha256: str,
        path: Path,
        fmt: str,
        title: str | None,
        outlet: str | None,
        locator: str | None,
        date: dt.date | None,
        text: str,
        runs: Iterable[tuple[int, int, int]],
        scenario: str,
        claims: Iterable[dict[str, Any]],
        reader: str = "rules",
        model: str | None = None,
    ) -> tuple[int, bool, int]:
        """Store a document (once per content hash) and its claims for ``scenario``, in one
        transaction; the claims of one ``reader`` and ``model`` are stored once per scenario.
        Returns (document id, whether the document was new, claims added)."""
        with self._guard():
            c = self.conn
            c.execute("BEGIN IMMEDIATE")
            try:
                doc_id = self.document_id(sha256)
                new = doc_id is None
                if doc_id is not None:
                    (kept,) = c.execute(
                        "SELECT text FROM documents WHERE id = ?", (doc_id,)
                    ).fetchone()
                    if kept != text:  # claims' offsets would point into another text
                        raise StoreError(
                            f"{path}: stored meanwhile as document {doc_id} with a text cleaned "
                            "otherwise; add it again"
                        )
                else:
                    cur = c.execute(
                        "INSERT INTO documents (sha256, file_name, path, format, title, "
                        "outlet, locator, date, text, offset_runs, added_at) "
                        "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            sha256,
                            utf8_text(path.name),  # a name that is not UTF-8: \xNN escapes
                            utf8_text(str(path)),
                            fmt,
                            title and utf8_text(title),
                            outlet and utf8_text(outlet),
                            locator and utf8_text(locator),
                            date.isoformat() if date else None,
                            text,
                            json.dumps(list(runs)),
                            utc_now(),
                        ),
                    )
                    doc_id = int(cur.lastrowid or 0)
                read = c.execute(
                    "INSERT OR IGNORE INTO readings (document_id, scenario, reader, model, "
                    "read_at) VALUES (?, ?, ?, ?, ?)",
                    (doc_id, scenario, reader, model or "", utc_now()),
                )
                added = 0
                if read.rowcount:  # not read by this reader about this scenario before
                    for cl in claims:
                        c.execute(
                            "INSERT INTO claims (document_id, scenario, actor, issue, stance, "
                            "negated, position, confidence, sentence, start, end, raw_start, "
                            "raw_end, cue, speaker, reader, model, stated_on, page) "
                            "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                            (
                                doc_id,
                                scenario,
                                cl["actor"],
                                cl["issue"],
                                cl["stance"],
                                int(cl["negated"]),
                                cl["position"],
                                cl["confidence"],
                                cl["sentence"],
                                cl["start"],
                                cl["end"],
                                cl["raw_start"],
                                cl["raw_end"],
                                cl["cue"],
                                cl["speaker"],
                                reader,
                                model,
                                cl.get("stated_on"),
                                cl.get("page"),
                            ),
                        )
                        added += 1
                c.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise
            return doc_id, new, added

    def claims(
        self,
        scenario: str | None = None,
        actor: str | None = None,
        issue: str | None = None,
        *,
        status: str | None = None,
        reader: str | None = None,
        ids: Iterable[int] | None = None,
        document: int | None = None,
        since: int | None = None,
        text: str | None = None,
        statuses: Iterable[str] | None = None,
        positioned: bool = False,
    ) -> list[StoredClaim]:
        """Stored claims, filtered by each argument that is not None (``since``: documents
        from that id on, added since it; ``text``: words the sentence holds, see
        :func:`~pourparler.evidence.search.containing`; ``statuses``: any of them), and with
        ``positioned`` only those that imply a position, in date order."""
        sql = (
            "SELECT c.id, c.document_id, c.actor, c.issue, c.stance, c.position, c.confidence, "
            "c.sentence, c.start, c.end, c.raw_start, c.raw_end, c.cue, c.speaker, d.date, "
            "d.title, d.outlet, d.file_name, c.reader, c.model, c.status, c.stated_on, c.page, "
            "d.locator "
            "FROM claims c JOIN documents d ON d.id = c.document_id"
        )
        where: list[str] = []
        args: list[Any] = []
        if ids is not None:
            wanted = sorted({int(i) for i in ids})
            where.append(f"c.id IN ({','.join('?' * len(wanted)) or 'NULL'})")
            args += wanted
        for col, val in (
            ("c.scenario", scenario),
            ("c.actor", actor),
            ("c.issue", issue),
            ("c.status", status),
            ("c.reader", reader),
            ("c.document_id", document),
        ):
            if val is not None:
                where.append(f"{col} = ?")
                args.append(val)
        if since is not None:
            where.append("c.document_id >= ?")
            args.append(since)
        if statuses is not None:
            wanted_statuses = sorted(set(statuses))
            where.append(f"c.status IN ({','.join('?' * len(wanted_statuses)) or 'NULL'})")
            args += wanted_statuses
        if positioned:
            where.append("c.position IS NOT NULL")
        if text is not None:
            where.append(CONTAINING)
            args.append(containing(text))
        if where:
            sql += " WHERE " + " AND ".join(where)
        when = "COALESCE(c.stated_on, d.date)"
        sql += f" ORDER BY {when} IS NULL, {when}, c.document_id, c.start, c.id"
        with self._guard():
            return [_stored_claim(self.path, row) for row in self.conn.execute(sql, args)]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One ``BEGIN IMMEDIATE`` transaction: committed when the block ends, rolled back
        (leaving the store as it was) when it raises."""
        with self._guard():
            c = self.conn
            c.execute("BEGIN IMMEDIATE")
            try:
                yield c
                c.execute("COMMIT")
            except BaseException:
                self._rollback()
                raise

    def rows(self, sql: str, args: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query that only reads, for the modules that keep a table of the store
        (:mod:`pourparler.evidence.followed`); errors as the store's."""
        with self._guard():
            return self.conn.execute(sql, tuple(args)).fetchall()

    def context(self, claim_id: int) -> tuple[str, str, str]:
        """The text of claim ``claim_id``'s document before its sentence, the sentence, and the
        text after (:func:`pourparler.evidence.context.context_of`)."""
        from pourparler.evidence.context import CONTEXT_SQL, context_args, context_of

        with self._guard():
            row = self.conn.execute(CONTEXT_SQL, context_args(claim_id)).fetchone()
        return context_of(row)

    def reviews(self, claim_id: int) -> list[tuple[Any, ...]]:
        """The review rows of a claim, oldest first: (id, claim_id, at, action, old JSON,
        new JSON, note)."""
        with self._guard():
            return self.conn.execute(REVIEWS_SQL, (claim_id,)).fetchall()

    def distinct(self, column: str, scenario: str | None = None) -> list[str]:
        """The values of a claims column ("scenario", "actor" or "issue") in the store, or in
        its claims about ``scenario``."""
        if column not in ("scenario", "actor", "issue"):
            raise ValueError(column)
        where, args = ("WHERE scenario = ? ", (scenario,)) if scenario is not None else ("", ())
        with self._guard():
            rows = self.conn.execute(
                f"SELECT DISTINCT {column} FROM claims {where}ORDER BY {column}", args
            )
            return [str(r[0]) for r in rows]

    def documents(self) -> list[dict[str, Any]]:
        keys = ("id", "sha256", "file_name", "title", "outlet", "locator", "date")
        with self._guard():
            rows = self.conn.execute(
                "SELECT id, sha256, file_name, title, outlet, locator, date FROM documents "
                "ORDER BY id"
            )
            return [dict(zip(keys, r, strict=True)) for r in rows]

    def has_document(self, doc_id: int) -> bool:
        """Whether a document with this id is stored (never one too large for SQLite)."""
        if doc_id not in SQLITE_INTEGERS:
            return False
        with self._guard():
            row = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone()
        return row is not None

    def document_list(self, text: str | None = None) -> list[StoredDocument]:
        """Every stored document with its claims counted (all, and those reviewed), in the
        order they were added; with ``text``, those whose title, outlet, file name or address
        holds every word of it (:func:`~pourparler.evidence.search.naming`)."""
        condition, args = naming(text or "")
        with self._guard():
            rows = self.conn.execute(
                "SELECT d.id, d.file_name, d.format, d.title, d.outlet, d.locator, d.date, "
                "d.added_at, LENGTH(d.text), COUNT(c.id), "
                "COALESCE(SUM(c.status != 'pending'), 0) "
                f"FROM documents d LEFT JOIN claims c ON c.document_id = d.id WHERE {condition} "
                "GROUP BY d.id ORDER BY d.id",
                args,
            ).fetchall()
        return [StoredDocument(*r) for r in rows]

    def remove_documents(self, ids: Iterable[int], force: bool = False) -> list[StoredDocument]:
        """Remove the documents ``ids`` with their claims and the claims' review history, all or
        none (one transaction). An unknown id is bad input; so is a document with reviewed
        claims, unless ``force``: removing it loses decisions a person made. Returns what was
        removed."""
        wanted = list(dict.fromkeys(int(i) for i in ids))
        known = {d.id: d for d in self.document_list()}
        missing = [i for i in wanted if i not in known]
        if missing:
            raise InputError(
                f"{self.path}: document {missing[0]}: no such document (see 'evidence documents')"
            )
        reviewed = [known[i] for i in wanted if known[i].reviewed]
        if reviewed and not force:
            d = reviewed[0]
            raise InputError(
                f"{self.path}: document {d.id}: {d.reviewed} of its claims have been reviewed; "
                "--force removes them and their review history"
            )
        with self.transaction() as c:
            for i in wanted:
                c.execute(
                    "DELETE FROM reviews WHERE claim_id IN "
                    "(SELECT id FROM claims WHERE document_id = ?)",
                    (i,),
                )
                c.execute("DELETE FROM claims WHERE document_id = ?", (i,))
                c.execute("DELETE FROM readings WHERE document_id = ?", (i,))
                c.execute("DELETE FROM documents WHERE id = ?", (i,))
        return [known[i] for i in wanted]

    def counts(self) -> tuple[int, int]:
        with self._guard():
            docs = self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            claims = self.conn.execute("SELECT COUNT(*) FROM claims").fetchone()[0]
        return int(docs), int(claims)
