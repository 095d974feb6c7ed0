"""``pourparler evidence add``: articles from files, folders, web addresses, news feeds or
standard input, read and stored with their claims."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pourparler.cli.evidence_options import CSV_OPT, DB_OPT, JSON_OPT, SCENARIO_OPT, csv_rows
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.fetch import Page
    from pourparler.evidence.ingest import Article
    from pourparler.evidence.store import Store


def _open(db: Path | None) -> Store:
    """The store ``--db`` names (else the default one), created (with its folder) when
    missing: for ``add``."""
    from pourparler.evidence.store import Store, default_db

    return Store(db or default_db())


def _parse_date(value: str | None) -> dt.date | None:
    from pourparler.evidence.clean import given_date

    return None if value is None else given_date(value, "--date")


PROGRESS_FROM = 20  # files; fewer are done in about a second by the rules reader
SLOW_READERS = frozenset({"llm"})  # a model may take a minute a file: a bar from the first


@contextmanager
def _progress(total: int, start_at: int = PROGRESS_FROM) -> Iterator[Callable[[str], None]]:
    """A progress bar on stderr, naming the file being read, for batches of ``start_at`` files
    or more on a terminal; a no-op step function otherwise (no bar in logs and pipes)."""
    from rich.console import Console

    console = Console(stderr=True)
    if total < start_at or not console.is_terminal:
        yield lambda name: None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task("reading", total=total)
        done = 0

        def step(name: str) -> None:
            nonlocal done
            bar.update(task, completed=done, description=f"reading {name}")
            done += 1

        yield step


@dataclass(frozen=True)
class _Input:
    """One article to read: a file, the article given on standard input, or a page at an
    address (fetched already when it was checked for a feed; listed by a feed, with the title
    and date the feed gives it)."""

    label: str  # as the user gave it, or the feed's link
    path: Path | None = None
    piped: Article | None = None
    page: Page | None = None
    title: str | None = None
    date: dt.date | None = None
    listed: bool = False  # an article a feed lists
    feed: str | None = None  # the address of the feed that lists it

    @property
    def fetched(self) -> bool:
        return self.path is None and self.piped is None

    @property
    def name(self) -> str:
        """What the progress bar shows."""
        from pourparler.evidence.fetch import page_name

        return self.path.name if self.path is not None else page_name(self.label)

    def article(
        self, timeout: float, page_of: Callable[[str], Page] | None = None
    ) -> Path | Article:
        """The file to read, or the article itself (a page is fetched now unless it was, by
        ``page_of`` when given)."""
        if self.path is not None:
            return self.path
        if self.piped is not None:
            return self.piped
        from pourparler.evidence.ingest import read_url

        page = self.page or (page_of(self.label) if page_of is not None else None)
        return read_url(self.label, timeout, page)


def _fetch(url: str, timeout: float) -> Page:
    """The page at ``url``, as :func:`~pourparler.evidence.ingest.read_url` would fetch it."""
    from pourparler.evidence.fetch import fetch
    from pourparler.evidence.ingest import MAX_PACKED_BYTES

    return fetch(url, MAX_PACKED_BYTES, timeout)


@dataclass
class _Feeds:
    """The feeds among the addresses: each one read (its address), what the followed ones'
    servers said at their last complete read (sent back), the pages fetched at their
    addresses, and those whose server said they had not changed since."""

    read: list[str]
    validators: dict[str, tuple[str | None, str | None]]
    pages: dict[str, Page]
    unchanged: list[str]


def _gather(
    given: list[str], timeout: float, feeds: _Feeds | None = None
) -> tuple[list[_Input], int]:
    """The articles the arguments stand for, in order: each file; a folder's files; the
    article on standard input ("-", read once); a page at an address, or the articles a feed
    there lists (each once; ``feeds`` gains the feeds' addresses, and the feeds that have not
    changed since their last complete read, which stand for no article). Arguments that are
    bad input are reported (one line each) and counted."""
    from pourparler.cli.common import plain
    from pourparler.evidence.fetch import NotModified, is_url
    from pourparler.evidence.ingest import article_files, read_stream

    out: list[_Input] = []
    failed = 0
    listed: set[str] = set()
    for arg in given:
        try:
            if arg == "-":
                if not any(i.piped is not None for i in out):
                    out.append(_Input(arg, piped=read_stream(sys.stdin.buffer)))
            elif is_url(arg):
                try:
                    found = _from_address(arg, timeout, listed, feeds)
                except NotModified:
                    assert feeds is not None  # validators were sent
                    feeds.read.append(arg)
                    feeds.unchanged.append(arg)
                    continue
                if feeds is not None and not (len(found) == 1 and found[0].page is not None):
                    feeds.read.append(arg)  # not the page itself: a feed (all of it read before)
                out += found
            else:
                out += [_Input(str(p), path=p) for p in article_files(Path(arg))]
        except InputError as exc:
            sys.stderr.write(f"pourparler: error: {plain(exc)}\n")
            failed += 1
    return out, failed


def _from_address(
    url: str, timeout: float, listed: set[str], feeds: _Feeds | None = None
) -> list[_Input]:
    """The page at ``url``, fetched once, or the articles of the feed it is (those not in
    ``listed`` already, which gains them); a followed feed is asked whether it changed."""
    from pourparler.evidence.feeds import articles_at

    validators = feeds.validators.get(url) if feeds is not None else None
    pages = feeds.pages if feeds is not None else None
    return [
        _Input(a.url, page=a.page, title=a.title, date=a.date, listed=a.listed, feed=url)
        for a in articles_at(url, timeout, listed, validators=validators, pages=pages)
    ]


def add(
    files: Annotated[
        list[str] | None,
        typer.Argument(
            help="Plain-text, Markdown, HTML, Word (.docx) or PDF articles (PDF: the pdf extra), "
            "folders of "
            "them (read with their subfolders), http(s) addresses of pages to fetch, or of "
            "RSS or Atom feeds (their articles are fetched); - reads one from standard input.",
            metavar="FILE|FOLDER|URL|-",
            show_default=False,
        ),
    ] = None,
    db: Annotated[Path | None, DB_OPT] = None,
    date: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD).")] = None,
    title: Annotated[str | None, typer.Option(help="Title (default: detected).")] = None,
    outlet: Annotated[str | None, typer.Option(help="Outlet (default: detected).")] = None,
    scenario: Annotated[str, SCENARIO_OPT] = "istanbul-2025",
    reader: Annotated[
        str, typer.Option(help="Who reads the claims: rules (offline) or llm (a model server).")
    ] = "rules",
    voice: Annotated[
        str | None,
        typer.Option(
            help="The actor the articles speak for (id, name or alias): whose 'we', 'our' and "
            "'I' they are, where a text names no speaker of its own (default: detected, or the "
            "voice of the followed feed that lists the article). With --follow, kept as the "
            "voice of the feeds followed.",
            metavar="ACTOR",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(
            help="Seconds to wait for each answer of a page fetched from an address (the whole "
            "page: four times that).",
            min=0.1,
        ),
    ] = 30.0,
    follow: Annotated[
        bool,
        typer.Option(
            "--follow",
            help="Follow the feeds among the addresses for --scenario, so that --followed "
            "reads them again (see evidence feeds).",
        ),
    ] = False,
    followed: Annotated[
        bool,
        typer.Option(
            "--followed",
            help="Also read the feeds followed for --scenario: what they have published "
            "since (articles stored already are not fetched again).",
        ),
    ] = False,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """Store articles and their claims; bad files are reported and skipped (exit code 2), a
    document the reader fails on is reported, skipped and left out of the store (exit code 1)."""
    from pourparler.cli.common import check_output, emit_json, load, plain
    from pourparler.evidence import followed as following
    from pourparler.evidence.names import resolve
    from pourparler.evidence.prefetch import fetched_ahead
    from pourparler.evidence.readers import ReaderError, make_reader
    from pourparler.evidence.readers.base import Reading
    from pourparler.evidence.readers.document import Added, add_read
    from pourparler.evidence.store import StoreError

    check_output(as_json=as_json, as_csv=as_csv)
    when = _parse_date(date)
    sc = load(scenario)
    speaks = resolve("actor", voice, "--voice", [sc], ()) if voice is not None else None
    read_with = make_reader(reader)
    results: list[dict[str, Any]] = []
    given_files = list(files or ())
    if not (followed or given_files):
        raise InputError(
            "evidence add: give files, folders or addresses to read, or --followed "
            "(see 'pourparler evidence add --help')"
        )
    with _open(db) as store:  # the followed feeds, and what they said at their last full read
        feed_urls = [f.url for f in following.followed(store, sc.id)] if followed else []
        feeds = _Feeds([], following.validators(store, sc.id), {}, [])
        feed_voice = following.voices(store, sc.id)  # of followed feeds: --voice wins
    actors = {a.id for a in sc.actors}  # a feed's voice may predate a change of the scenario
    stale = {url: who for url, who in feed_voice.items() if who not in actors}
    feed_voice = {url: who for url, who in feed_voice.items() if who in actors}
    if followed:
        if not feed_urls:
            raise InputError(
                f"--followed: no feeds followed for {sc.id} ('evidence feeds --follow URL "
                f"--scenario {sc.id}' follows one)"
            )
        given_files = list(dict.fromkeys([*feed_urls, *given_files]))
    inputs, failed = _gather(given_files, timeout, feeds)
    feeds_read = feeds.read
    unread = 0
    missed: set[str] = set()  # the articles not read: a feed listing one is read whole again
    slow = read_with.name in SLOW_READERS or any(i.fetched for i in inputs)
    with (
        _open(db) as store,
        _progress(len(inputs), 1 if slow else PROGRESS_FROM) as step,
        ExitStack() as stack,
    ):
        if follow:
            following.follow(store, feeds_read, sc.id, speaks)
            if speaks is not None:
                feed_voice.update(dict.fromkeys(feeds_read, speaks))
        following.mark_read(store, sc.id, feeds_read)  # those followed: read now
        seen = {  # a feed's articles read before: not fetched again
            i.label
            for i in inputs
            if i.listed and store.read_at(i.label, sc.id, read_with.name, read_with.model)
        }
        ahead = [i.label for i in inputs if i.fetched and i.page is None and i.label not in seen]
        page_of = stack.enter_context(fetched_ahead(ahead, lambda url: _fetch(url, timeout)))
        for given in inputs:
            f = given.label
            step(given.name)
            if speaks is None and (who := stale.pop(given.feed or "", None)) is not None:
                sys.stderr.write(
                    f"pourparler: warning: {plain(given.feed)}: its voice {plain(who)!r} is not "
                    f"an actor of {sc.id}: its articles are read without one ('evidence feeds "
                    "--follow URL --voice ACTOR' sets another)\n"
                )
            read_before = (
                store.read_at(f, sc.id, read_with.name, read_with.model) if given.listed else None
            )
            try:
                got = (
                    Added(read_before, False, 0, Reading(()))
                    if read_before is not None  # a feed's article read before: not fetched again
                    else add_read(
                        store,
                        given.article(timeout, page_of),
                        sc,
                        read_with,
                        date=when or given.date,
                        title=title or given.title,
                        outlet=outlet,
                        voice=speaks or feed_voice.get(given.feed or ""),
                    )
                )
            except StoreError:
                raise  # the store itself is unusable: stop the batch
            except InputError as exc:
                sys.stderr.write(f"pourparler: error: {plain(exc)}\n")
                failed += 1
                missed.add(f)
                continue
            except ReaderError as exc:
                sys.stderr.write(f"pourparler: error: {plain(f)}: {reader} reader: {plain(exc)}\n")
                unread += 1
                missed.add(f)
                continue
            for said in got.warnings(given.fetched):
                sys.stderr.write(f"pourparler: warning: {plain(f)}: {said}\n")
            doc_id, new, n = got.document, got.new, got.claims_added
            dropped = got.reading.dropped
            results.append(
                {
                    "file": f,
                    "document": doc_id,
                    "new": new,
                    "claims_added": n,
                    "scenario_source": got.source,
                    "voice": speaks or feed_voice.get(given.feed or ""),
                    "not_english": got.language if got.new else None,
                    "ocr": got.scanned and got.new,
                    "reader": {"name": read_with.name, "model": read_with.model}
                    | got.reading.to_data(),
                }
            )
            if not (as_json or as_csv):
                state = (
                    "added"
                    if new
                    else "already stored (by its address, not fetched again)"
                    if read_before is not None
                    else "already stored"
                )
                known = f" (scenario source {got.source})" if got.source else ""
                left = ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))
                left = f"; dropped {sum(dropped.values())} ({left})" if dropped else ""
                typer.echo(
                    f"{plain(f)}: document {doc_id} {state}{known}, {_claims(n)} added{left}"
                )
        for url, page in feeds.pages.items():  # a feed read whole: remembered for next time
            whole = not any(i.feed == url and i.label in missed for i in inputs)
            following.remember(store, sc.id, url, (page.etag, page.modified) if whole else None)
    if feeds.unchanged and not (as_json or as_csv):
        for url in feeds.unchanged:
            typer.echo(plain(f"{url}: not changed since its last read (nothing fetched)"))
    if len(results) > 1 and not (as_json or as_csv):
        added = sum(r["new"] for r in results)
        claims_added = sum(r["claims_added"] for r in results)
        gone = f", {failed + unread} failed" if failed or unread else ""
        typer.echo(
            f"total: {added} added, {len(results) - added} already stored{gone}; "
            f"{_claims(claims_added)} added"
        )
    if as_json:
        emit_json(
            {
                "db": str(store.path),
                "scenario": sc.id,
                "documents": results,
                "failed": failed + unread,
                "feeds_unchanged": feeds.unchanged,
            }
        )
    if as_csv:
        csv_rows(
            [
                {
                    **{k: v for k, v in r.items() if k != "reader"},
                    "reader": r["reader"]["name"],
                    "model": r["reader"]["model"],
                }
                for r in results
            ]
        )
    if failed or unread:
        raise typer.Exit(2 if failed else 1)


def _claims(n: int) -> str:
    return f"{n} claim" if n == 1 else f"{n} claims"
