"""Adding articles to the evidence store from the web app (``pourparler serve --db DB
--review``): uploaded files, and the pages or news feeds at web addresses, read by the rules
reader (or the language model) and stored with their claims, pending review, as ``pourparler
evidence add`` stores them.

Each upload is read from its bytes in memory: its own file name is used only for its suffix
(the format) and, reduced to safe characters, to name the document. A file or address that
cannot be read (not an article, damaged, empty, no text layer, a page that cannot be had) is
reported by name with its one line, and the others still go in; each document is stored with
its claims in one transaction.

The server fetches for whoever can reach it, so it fetches only from public addresses
(:func:`pourparler.evidence.fetch.fetch` with ``public_only``): a page on the server's own
machine or network is refused, whatever name or redirect leads there, unless the operator
started it with ``--fetch-internal``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.readers.base import Extractor
    from pourparler.scenario import Scenario

MAX_FILES = 20  # files one form may add, and addresses
MAX_ADDRESS = 2000  # characters of one address
MAX_FETCHED = 100  # articles the addresses of one form may stand for (a feed lists up to 50)
MAX_ARTICLES_BYTES = 32 * 1024 * 1024  # all the files of one form together
MAX_TEXT_FIELD = 300  # characters of a title or outlet
MAX_ARTICLES_BODY_BYTES = MAX_ARTICLES_BYTES + 256 * 1024  # the files and the form's framing
ARTICLES_TOO_LARGE = f"file: too large (the files of one form over {MAX_ARTICLES_BYTES:,} bytes)"


@dataclass(frozen=True)
class ArticleForm:
    """What the form says of the files: the scenario their claims are about and, for every
    file, the date, title and outlet (None: from the text)."""

    scenario: str
    date: dt.date | None = None
    title: str | None = None
    outlet: str | None = None
    reader: str = "rules"  # "rules", or "llm" where the server offers it
    follow: bool = False  # follow the feeds among the form's addresses
    voice: str | None = None  # the actor whose "we" the articles are (None: found in the text)

    @classmethod
    def parse(
        cls,
        fields: Mapping[str, str],
        builtins: Mapping[str, Scenario],
        readers: Sequence[str] = ("rules",),
    ) -> ArticleForm:
        """The form's fields; a scenario that is not built in, a reader the server does not
        offer (``readers``), a bad date, an overlong title or outlet or a voice that is not an
        actor of the scenario is bad input naming the field. ``builtins``: the built-in
        scenarios by name."""
        from pourparler.evidence.clean import given_date
        from pourparler.evidence.names import resolve
        from pourparler.scenario import DEFAULT_SCENARIO

        scenario = fields.get("scenario", "").strip() or DEFAULT_SCENARIO
        if scenario not in builtins:
            raise InputError(
                f"scenario: {scenario[:40]!r}: not a built-in scenario (known: "
                f"{', '.join(builtins)})"
            )
        raw_date = fields.get("date", "").strip()
        date = given_date(raw_date, "date") if raw_date else None
        texts: dict[str, str | None] = {}
        for name in ("title", "outlet"):
            value = " ".join(fields.get(name, "").split()) or None
            if value is not None and len(value) > MAX_TEXT_FIELD:
                raise InputError(f"{name}: longer than {MAX_TEXT_FIELD} characters")
            texts[name] = value
        reader = fields.get("reader", "").strip() or "rules"
        if reader not in readers:
            hint = " (start the server with --llm)" if reader == "llm" else ""
            raise InputError(
                f"reader: {reader[:20]!r}: not offered here{hint} (offered: {', '.join(readers)})"
            )
        follow = fields.get("follow", "") == "yes"
        raw_voice = " ".join(fields.get("voice", "").split())[:MAX_TEXT_FIELD]
        voice = (
            resolve("actor", raw_voice, "voice", [builtins[scenario]], ()) if raw_voice else None
        )
        return cls(scenario, date, texts["title"], texts["outlet"], reader, follow, voice)


@dataclass(frozen=True)
class AddedFile:
    """What became of one uploaded file: its document and claims, or why it was refused."""

    name: str
    document: int | None = None
    new: bool = False
    claims: int = 0
    error: str | None = None
    warning: str | None = None
    fetched_before: bool = False  # a feed's article stored already: not fetched again
    unchanged: bool = False  # a followed feed not changed since its last complete read


def check_files(files: Sequence[tuple[str | None, bytes]], addresses: Sequence[str] = ()) -> None:
    """At least one file or address, at most :data:`MAX_FILES` of each."""
    if not files and not addresses:
        raise InputError("file: no file chosen")
    if len(files) > MAX_FILES:
        raise InputError(f"file: more than {MAX_FILES} files at once")
    if len(addresses) > MAX_FILES:
        raise InputError(f"addresses: more than {MAX_FILES} at once")


def parse_addresses(text: str) -> list[str]:
    """The web addresses of the form's field, one a line (blank lines skipped, each once);
    a line that is not an address to fetch (:func:`~pourparler.evidence.fetch.address_problem`)
    is bad input naming it."""
    from pourparler.evidence.fetch import address_problem, is_url

    out: list[str] = []
    for number, line in enumerate(text.splitlines(), 1):
        url = line.strip()
        if not url:
            continue
        if len(url) > MAX_ADDRESS:
            raise InputError(f"addresses: line {number}: longer than {MAX_ADDRESS} characters")
        if not is_url(url) or any(c.isspace() for c in url):
            problem: str | None = "not an http or https address"
        else:
            problem = address_problem(url)
        if problem is not None:
            raise InputError(f"addresses: line {number}: {url[:60]!r}: {problem}")
        if url not in out:
            out.append(url)
    if len(out) > MAX_FILES:
        raise InputError(f"addresses: more than {MAX_FILES} at once")
    return out


def add_uploads(
    db: Path,
    files: Sequence[tuple[str | None, bytes]],
    form: ArticleForm,
    reader: Extractor | None = None,
    on_file: Callable[[AddedFile], None] | None = None,
) -> list[AddedFile]:
    """Read each uploaded (file name, bytes) with ``reader`` (default: the rules reader) and
    store it with its claims about ``form.scenario`` in the store at ``db``; ``on_file`` is
    told of each file as it is done. A file the reader fails on (a model server that does not
    answer) is reported and left out, like one that cannot be read."""
    from pourparler.evidence.ingest import article_from_bytes
    from pourparler.evidence.readers import ReaderError
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.readers.rules import RulesReader
    from pourparler.evidence.store import StoreError
    from pourparler.scenario import load_scenario
    from pourparler.web.evidence_review import open_store
    from pourparler.web.upload import display_name

    check_files(files)
    sc = load_scenario(form.scenario)
    read_with = reader if reader is not None else RulesReader()
    out: list[AddedFile] = []
    with open_store(db) as store:
        for filename, data in files:
            name = display_name(filename)
            try:
                article = article_from_bytes(Path(name), data)
                added = add_read(
                    store,
                    article,
                    sc,
                    read_with,
                    date=form.date,
                    title=form.title,
                    outlet=form.outlet,
                    voice=form.voice,
                )
            except StoreError:
                raise  # the store itself failed: the whole form stops
            except InputError as exc:
                done = AddedFile(name, error=_short(str(exc), name))
            except ReaderError as exc:
                done = AddedFile(name, error=f"{read_with.name} reader: {exc}")
            else:
                done = AddedFile(
                    name,
                    added.document,
                    added.new,
                    added.claims_added,
                    warning="; ".join(added.warnings(fetched=False)) or None,
                )
            out.append(done)
            if on_file is not None:
                on_file(done)
    return out


def _short(message: str, name: str) -> str:
    """An error line without the file's name at its head (the page names the file)."""
    return message.removeprefix(f"{name}: ")


def add_addresses(
    db: Path,
    addresses: Sequence[str],
    form: ArticleForm,
    reader: Extractor,
    *,
    public_only: bool = True,
    timeout: float | None = None,
    follow: bool = False,
    on_file: Callable[[AddedFile], None] | None = None,
    on_feed: Callable[[str, list[str]], None] | None = None,
) -> list[AddedFile]:
    """Fetch the page at each address, or the articles of the feed there (``on_feed`` is told
    of the articles a feed stands for), read each with ``reader`` and store it with its claims
    about ``form.scenario``, as ``pourparler evidence add URL`` does: a feed's article stored
    already by this reader about this scenario is not fetched again, and a short page with no
    claims is flagged. ``public_only``: fetch only from public addresses; ``follow``: follow
    the feeds among the addresses for the scenario (:mod:`pourparler.evidence.followed`); a
    followed feed that is fetched is marked read."""
    from pourparler.evidence import followed as following
    from pourparler.evidence.feeds import articles_at
    from pourparler.evidence.fetch import TIMEOUT_S, NotModified, Page, fetch
    from pourparler.evidence.ingest import MAX_PACKED_BYTES, read_url
    from pourparler.evidence.prefetch import fetched_ahead
    from pourparler.evidence.readers import ReaderError
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.store import StoreError
    from pourparler.scenario import load_scenario
    from pourparler.web.evidence_review import open_store

    wait = timeout or TIMEOUT_S
    sc = load_scenario(form.scenario)
    out: list[AddedFile] = []

    def done(added: AddedFile) -> None:
        out.append(added)
        if on_file is not None:
            on_file(added)

    listed: set[str] = set()
    fetched = 0
    with open_store(db) as store:
        validators = following.validators(store, sc.id)  # of followed feeds read whole before
        voices = {  # whose "we" a followed feed's articles are (an actor of the scenario)
            url: who
            for url, who in following.voices(store, sc.id).items()
            if any(a.id == who for a in sc.actors)
        }
        pages: dict[str, Page] = {}
        for url in addresses:
            try:
                found = articles_at(url, wait, listed, public_only, validators.get(url), pages)
            except NotModified:
                following.mark_read(store, sc.id, [url])
                done(AddedFile(url, unchanged=True))
                continue
            except InputError as exc:
                done(AddedFile(url, error=_short(str(exc), url)))
                continue
            if not (len(found) == 1 and found[0].page is not None):  # a feed
                if follow:
                    following.follow(store, [url], sc.id, form.voice)
                    if form.voice is not None:
                        voices[url] = form.voice
                following.mark_read(store, sc.id, [url])
                if on_feed is not None:
                    on_feed(url, [a.url for a in found])
            seen = {
                a.url
                for a in found
                if a.listed and store.read_at(a.url, sc.id, reader.name, reader.model)
            }
            ahead = [a.url for a in found if a.page is None and a.url not in seen]
            ahead = ahead[: max(0, MAX_FETCHED - fetched)]
            first = len(out)
            with fetched_ahead(
                ahead, lambda u: fetch(u, MAX_PACKED_BYTES, wait, public_only)
            ) as page_of:
                for a in found:
                    if fetched == MAX_FETCHED:
                        done(
                            AddedFile(
                                a.url, error=f"not read: one form reads {MAX_FETCHED} at most"
                            )
                        )
                        continue
                    before = (
                        store.read_at(a.url, sc.id, reader.name, reader.model) if a.listed else None
                    )
                    if before is not None:
                        done(AddedFile(a.url, before, fetched_before=True))
                        continue
                    fetched += 1
                    try:
                        page = a.page or page_of(a.url)
                        added = add_read(
                            store,
                            read_url(a.url, wait, page, public_only),
                            sc,
                            reader,
                            date=form.date or a.date,
                            title=form.title or a.title,
                            outlet=form.outlet,
                            voice=form.voice or voices.get(url),
                        )
                    except StoreError:
                        raise
                    except InputError as exc:
                        done(AddedFile(a.url, error=_short(str(exc), a.url)))
                        continue
                    except ReaderError as exc:
                        done(AddedFile(a.url, error=f"{reader.name} reader: {exc}"))
                        continue
                    done(
                        AddedFile(
                            a.url,
                            added.document,
                            added.new,
                            added.claims_added,
                            warning="; ".join(added.warnings(fetched=True)) or None,
                        )
                    )
            if not (len(found) == 1 and found[0].page is not None):  # a feed: read whole?
                page = pages[url]
                whole = not any(a.error for a in out[first:])
                said = (page.etag, page.modified) if whole else None
                following.remember(store, sc.id, url, said)
    return out
