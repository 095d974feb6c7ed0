"""``pourparler evidence feeds``: the news feeds followed in the evidence store, following new
ones and no longer following others (:mod:`pourparler.evidence.followed`). ``evidence add
--followed`` reads them."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pourparler.cli.evidence_options import DB_OPT, JSON_OPT, SCENARIO_OPT
from pourparler.errors import InputError


def check_feed(url: str, timeout: float) -> None:
    """Fetch ``url`` and make sure it is an RSS or Atom feed (bad input naming it if not)."""
    from pourparler.evidence.feeds import feed_items
    from pourparler.evidence.fetch import fetch
    from pourparler.evidence.ingest import MAX_PACKED_BYTES

    page = fetch(url, MAX_PACKED_BYTES, timeout)
    if feed_items(page.data, page.url) is None:
        raise InputError(
            f"{url}: not a news feed (RSS or Atom): 'evidence add {url}' reads a page once"
        )


def feeds(
    follow: Annotated[
        list[str] | None,
        typer.Option(
            "--follow",
            help="Follow the feed at this address for --scenario (repeatable); it is fetched "
            "once to check that it is a feed.",
            metavar="URL",
        ),
    ] = None,
    unfollow: Annotated[
        list[int] | None,
        typer.Option(
            "--unfollow", help="Stop following this feed (its id; repeatable).", metavar="ID"
        ),
    ] = None,
    voice: Annotated[
        str | None,
        typer.Option(
            help="With --follow: the actor the feed speaks for (id, name or alias), whose 'we', "
            "'our' and 'I' its articles are where a text names no speaker of its own; given "
            "again, it changes the voice of a feed followed already.",
            metavar="ACTOR",
        ),
    ] = None,
    scenario: Annotated[str, SCENARIO_OPT] = "istanbul-2025",
    db: Annotated[Path | None, DB_OPT] = None,
    timeout: Annotated[
        float, typer.Option(help="Seconds to wait for a feed checked by --follow.", min=0.1)
    ] = 30.0,
    as_json: Annotated[bool, JSON_OPT] = False,
) -> None:
    """List the news feeds followed (id, scenario, when followed and last read, voice,
    address); --follow and --unfollow change the list first. 'evidence add --followed' reads
    what the feeds of a scenario have published since (articles stored already are not fetched
    again), each in its voice."""
    from pourparler.cli.common import emit_json, load, plain
    from pourparler.evidence.fetch import is_url
    from pourparler.evidence.followed import follow as follow_feeds
    from pourparler.evidence.followed import followed
    from pourparler.evidence.followed import unfollow as unfollow_feeds
    from pourparler.evidence.names import resolve
    from pourparler.evidence.store import Store, default_db

    if voice is not None and not follow:
        raise InputError("--voice: needs --follow (the feeds whose voice it is)")
    sc = load(scenario) if follow else None
    speaks = resolve("actor", voice, "--voice", [sc], ()) if sc and voice is not None else None
    for url in follow or ():
        if not is_url(url):
            raise InputError(f"--follow: {url!r}: not an http or https address")
        check_feed(url, timeout)
    with Store(db or default_db()) as store:
        gone = unfollow_feeds(store, unfollow) if unfollow else []
        if sc is not None:
            follow_feeds(store, follow or (), sc.id, speaks)
        rows = followed(store)
    if as_json:
        emit_json({"feeds": [f.as_dict() for f in rows], "unfollowed": [f.id for f in gone]})
        return
    for f in gone:
        typer.echo(plain(f"no longer following feed {f.id} ({f.url})"))
    if not rows:
        typer.echo("no feeds followed ('evidence feeds --follow URL' follows one)")
        return
    width = max(len(f.scenario) for f in rows)
    said = max(5, *(len(f.voice or "") for f in rows))
    typer.echo(
        f"{'id':>4}  {'scenario':<{width}}  followed    last read (UTC)    "
        f"{'voice':<{said}}  address"
    )
    for f in rows:  # one line a feed, the address whole: to copy it
        read = (f.read_at or "never")[:16].replace("T", " ")
        who = f.voice or "-"
        typer.echo(
            plain(
                f"{f.id:>4}  {f.scenario:<{width}}  {f.added_at[:10]}  {read:<17}  "
                f"{who:<{said}}  {f.url}"
            )
        )
