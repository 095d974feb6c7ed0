"""News feeds an analyst follows: RSS or Atom addresses kept in the evidence store (table
``feeds``), each for a scenario, so that ``pourparler evidence add --followed`` (or the web
app's button) reads what each has published since, and only that: an article stored already by
the same reader about the same scenario is not fetched again
(:meth:`pourparler.evidence.store.Store.read_at`).

Following is idempotent (a feed followed twice for one scenario is one row); each read records
its time. A feed is checked when it is followed: an address that answers with something other
than a feed is refused, naming it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pourparler.errors import InputError
from pourparler.evidence.store import utc_now

if TYPE_CHECKING:
    from pourparler.evidence.store import Store

MAX_FOLLOWED = 200  # feeds one store follows


@dataclass(frozen=True)
class Followed:
    """A followed feed: its address, the scenario its articles are read about, when it was
    followed and when it was last read (None: not yet), UTC, and the actor whose voice its
    articles are in (None: found in each text)."""

    id: int
    url: str
    scenario: str
    added_at: str
    read_at: str | None
    voice: str | None = None

    def as_dict(self) -> dict[str, object]:
        return dataclasses.asdict(self)


def followed(store: Store, scenario: str | None = None) -> list[Followed]:
    """The followed feeds (about ``scenario`` only, when given), in the order they were
    followed."""
    sql = "SELECT id, url, scenario, added_at, read_at, voice FROM feeds"
    args: tuple[str, ...] = ()
    if scenario is not None:
        sql, args = sql + " WHERE scenario = ?", (scenario,)
    return [Followed(*row) for row in store.rows(sql + " ORDER BY id", args)]


def follow(
    store: Store, urls: Iterable[str], scenario: str, voice: str | None = None
) -> list[Followed]:
    """Follow the feeds at ``urls`` for ``scenario`` (those followed already stay as they
    are, but for their voice when ``voice`` is given: the actor whose "we" their articles
    are); returns every feed followed for it. More than :data:`MAX_FOLLOWED` in the store is
    bad input, and then none is added."""
    wanted = list(dict.fromkeys(urls))
    with store.transaction() as c:
        for url in wanted:
            c.execute(
                "INSERT OR IGNORE INTO feeds (url, scenario, added_at) VALUES (?, ?, ?)",
                (url, scenario, utc_now()),
            )
            if voice is not None:
                c.execute(
                    "UPDATE feeds SET voice = ? WHERE url = ? AND scenario = ?",
                    (voice, url, scenario),
                )
        total = c.execute("SELECT COUNT(*) FROM feeds").fetchone()[0]
        if total > MAX_FOLLOWED:
            raise InputError(
                f"{store.path}: feeds: {total} would be followed, over the limit of {MAX_FOLLOWED}"
            )
    return followed(store, scenario)


def voices(store: Store, scenario: str) -> dict[str, str]:
    """The voice of each feed followed for ``scenario`` that has one, by address."""
    rows = store.rows(
        "SELECT url, voice FROM feeds WHERE scenario = ? AND voice IS NOT NULL", (scenario,)
    )
    return {url: voice for url, voice in rows}


def unfollow(store: Store, ids: Iterable[int]) -> list[Followed]:
    """Stop following the feeds ``ids`` (what was stored from them stays); an unknown id is
    bad input, and then none is removed."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    known = {f.id: f for f in followed(store)}
    missing = [i for i in wanted if i not in known]
    if missing:
        raise InputError(f"{store.path}: feed {missing[0]}: no such followed feed")
    with store.transaction() as c:
        c.executemany("DELETE FROM feeds WHERE id = ?", [(i,) for i in wanted])
    return [known[i] for i in wanted]


def mark_read(store: Store, scenario: str, urls: Iterable[str]) -> None:
    """Record that the feeds at ``urls`` were read now for ``scenario`` (an address not
    followed for it is passed over)."""
    at = utc_now()
    with store.transaction() as c:
        c.executemany(
            "UPDATE feeds SET read_at = ? WHERE scenario = ? AND url = ?",
            [(at, scenario, url) for url in urls],
        )


def validators(store: Store, scenario: str) -> dict[str, tuple[str | None, str | None]]:
    """The ETag and Last-Modified each feed followed for ``scenario`` gave at its last
    complete read (feeds without either are left out)."""
    rows = store.rows(
        "SELECT url, etag, modified FROM feeds WHERE scenario = ? "
        "AND (etag IS NOT NULL OR modified IS NOT NULL)",
        (scenario,),
    )
    return {url: (etag, modified) for url, etag, modified in rows}


def remember(
    store: Store, scenario: str, url: str, page: tuple[str | None, str | None] | None
) -> None:
    """Keep what the feed at ``url`` (followed for ``scenario``) said at a complete read, to
    send it back next time; ``None`` forgets it (a read that left articles unread: the next
    one must download the feed whole)."""
    etag, modified = page or (None, None)
    with store.transaction() as c:
        c.execute(
            "UPDATE feeds SET etag = ?, modified = ? WHERE scenario = ? AND url = ?",
            (etag, modified, scenario, url),
        )
