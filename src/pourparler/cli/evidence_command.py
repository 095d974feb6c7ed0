"""``pourparler evidence``: articles in, dated and sourced claims out, and scenario updates."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from pourparler.cli import evidence_review
from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import Store
    from pourparler.report.result import Result

DB_OPT = typer.Option("--db", help="Evidence store (default: $POURPARLER_DB or the user data dir).")
SCENARIO_OPT = typer.Option("--scenario", help="Scenario whose actors and issues claims refer to.")
JSON_OPT = typer.Option("--json", help="Print one JSON object.")
CSV_OPT = typer.Option("--csv", help="Print a CSV table, one row each (needs pandas).")
FULL_OPT = typer.Option("--full", help="Show whole sentences (default: cut to one line).")
SENTENCE = 90  # characters of a sentence shown without --full


def _cut(text: str, full: bool, n: int = SENTENCE) -> str:
    """``text`` whole with ``full``, else cut to at most ``n`` characters at a space (never
    inside a word or a number) and ended with ``…``."""
    if full or len(text) <= n:
        return text
    head = text[: n - 1]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip() + " …"


def _csv_rows(rows: list[dict[str, Any]]) -> None:
    """Print ``rows`` (plain records) as a formula-safe CSV table."""
    import pandas as pd

    from pourparler.report.csv import csv_text

    sys.stdout.write(csv_text(pd.DataFrame(rows)))


def _emit(report: Result, as_json: bool, as_csv: bool) -> bool:
    from pourparler.cli.common import emit_result

    return emit_result(report, as_json=as_json, as_csv=as_csv)


evidence_app = typer.Typer(
    name="evidence",
    help="Ingest articles, extract claims, show timelines, propose scenario updates.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(evidence_app, name="evidence")


evidence_app.command("review")(evidence_review.review)


def _open(db: Path | None) -> Store:
    """The store ``--db`` names (else the default one), created (with its folder) when
    missing: for ``add``."""
    from pourparler.evidence.store import Store, default_db

    return Store(db or default_db())


def _not_empty(path: Path) -> None:
    """An empty file is no store: SQLite would make one of it, but reading never creates."""
    try:
        empty = path.is_file() and path.stat().st_size == 0
    except OSError:
        return  # Store names what is wrong with the path
    if empty:
        raise InputError(
            f"--db: {path}: an empty file, not an evidence store ('pourparler evidence add' "
            "creates one)"
        )


def open_existing(db: Path | None) -> Store:
    """The store ``--db`` names (else ``$POURPARLER_DB``, else the user data dir's), which must
    exist: a command that only reads or reviews claims never creates one."""
    import os

    from pourparler.evidence.store import Store, default_db

    path = db or default_db()
    if not path.exists():
        if db is not None:
            raise InputError(f"--db: {db}: no evidence store there")
        if os.environ.get("POURPARLER_DB"):
            raise InputError(f"$POURPARLER_DB: {path}: no evidence store there")
        raise InputError(
            f"--db: {path} (default): no evidence store there yet "
            "('pourparler evidence add' creates it)"
        )
    _not_empty(path)
    return Store(path)


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"--date: {value!r}: not a date (YYYY-MM-DD)") from None


PROGRESS_FROM = 20  # files; fewer are done in about a second by the rules reader
THIN_PAGE = 1000  # characters: a fetched page this short without claims may not be the article
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


@evidence_app.command("add")
def add(
    files: Annotated[
        list[str],
        typer.Argument(
            help="Plain-text, Markdown, HTML, Word (.docx) or PDF articles (PDF: the pdf extra), "
            "folders of "
            "them (read with their subfolders), http(s) addresses of pages to fetch, or of "
            "RSS or Atom feeds (their articles are fetched); - reads one from standard input.",
            metavar="FILE|FOLDER|URL|-",
        ),
    ],
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
            "'I' they are, where a text names no speaker of its own (default: detected).",
            metavar="ACTOR",
        ),
    ] = None,
    timeout: Annotated[
        float,
        typer.Option(help="Seconds to wait for a page fetched from an address.", min=0.1),
    ] = 30.0,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """Store articles and their claims; bad files are reported and skipped (exit code 2), a
    document the reader fails on is reported, skipped and left out of the store (exit code 1)."""
    from pourparler.cli.common import check_output, emit_json, load, plain
    from pourparler.evidence.feeds import FeedItem, feed_items
    from pourparler.evidence.fetch import Page, fetch, is_url, page_name
    from pourparler.evidence.ingest import Article, article_files, read_stream
    from pourparler.evidence.names import resolve
    from pourparler.evidence.pdf_text import MAX_PDF_BYTES
    from pourparler.evidence.readers import ReaderError, make_reader
    from pourparler.evidence.readers.document import add_read
    from pourparler.evidence.store import StoreError

    check_output(as_json=as_json, as_csv=as_csv)
    when = _parse_date(date)
    sc = load(scenario)
    speaks = resolve("actor", voice, "--voice", [sc], ()) if voice is not None else None
    read_with = make_reader(reader)
    results: list[dict[str, Any]] = []
    failed, unread = 0, 0
    paths: list[Path | str] = []
    fetched: dict[str, Page] = {}  # pages fetched to see whether they are feeds
    listed: dict[str, FeedItem] = {}  # articles of the feeds given
    piped: Article | None = None  # the article given on standard input ("-")
    for given in files:
        try:
            if given == "-":
                if piped is None:
                    piped = read_stream(sys.stdin.buffer)
                    paths.append(given)
                continue
            if not is_url(given):
                paths += article_files(Path(given))
                continue
            page = fetch(given, MAX_PDF_BYTES, timeout)
            items = feed_items(page.data, page.url)
        except InputError as exc:
            sys.stderr.write(f"pourparler: error: {plain(exc)}\n")
            failed += 1
            continue
        if items is None:
            paths.append(given)
            fetched[given] = page
        for item in items or ():
            if item.url not in listed:
                paths.append(item.url)
                listed[item.url] = item
    slow = read_with.name in SLOW_READERS or any(isinstance(f, str) for f in paths)
    with _open(db) as store, _progress(len(paths), 1 if slow else PROGRESS_FROM) as step:
        for f in paths:
            step(page_name(f) if isinstance(f, str) else f.name)
            entry = listed.get(f) if isinstance(f, str) else None
            try:
                got = add_read(
                    store,
                    piped if f == "-" and piped is not None else f,
                    sc,
                    read_with,
                    date=when or (entry.date if entry else None),
                    title=title or (entry.title if entry else None),
                    outlet=outlet,
                    voice=speaks,
                    timeout=timeout,
                    page=fetched.get(f) if isinstance(f, str) else None,
                )
            except StoreError:
                raise  # the store itself is unusable: stop the batch
            except InputError as exc:
                sys.stderr.write(f"pourparler: error: {plain(exc)}\n")
                failed += 1
                continue
            except ReaderError as exc:
                sys.stderr.write(f"pourparler: error: {plain(f)}: {reader} reader: {plain(exc)}\n")
                unread += 1
                continue
            fetched_page = isinstance(f, str) and f != "-"
            if fetched_page and got.new and not got.claims_added and got.chars < THIN_PAGE:
                sys.stderr.write(
                    f"pourparler: warning: {plain(f)}: no claims in only {got.chars} characters "
                    "of article text (a consent or paywall page, or one its scripts fill in?)\n"
                )
            doc_id, new, n = got.document, got.new, got.claims_added
            dropped = got.reading.dropped
            results.append(
                {
                    "file": str(f),
                    "document": doc_id,
                    "new": new,
                    "claims_added": n,
                    "scenario_source": got.source,
                    "voice": speaks,
                    "reader": {"name": read_with.name, "model": read_with.model}
                    | got.reading.to_data(),
                }
            )
            if not (as_json or as_csv):
                state = "added" if new else "already stored"
                known = f" (scenario source {got.source})" if got.source else ""
                left = ", ".join(f"{k} {v}" for k, v in sorted(dropped.items()))
                left = f"; dropped {sum(dropped.values())} ({left})" if dropped else ""
                typer.echo(f"{plain(f)}: document {doc_id} {state}{known}, {n} claims added{left}")
    if len(results) > 1 and not (as_json or as_csv):
        added = sum(r["new"] for r in results)
        claims_added = sum(r["claims_added"] for r in results)
        gone = f", {failed + unread} failed" if failed or unread else ""
        typer.echo(
            f"total: {added} added, {len(results) - added} already stored{gone}; "
            f"{claims_added} claims added"
        )
    if as_json:
        emit_json(
            {
                "db": str(store.path),
                "scenario": sc.id,
                "documents": results,
                "failed": failed + unread,
            }
        )
    if as_csv:
        _csv_rows(
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


def _names(
    store: Store, scenario: str | None, actor: tuple[str, str | None], issue: tuple[str, str | None]
) -> tuple[str | None, str | None, str | None]:
    """(scenario id to filter by, actor id, issue id) from what the user typed; unknown actor
    or issue names (id, name or alias of the scenario's) are bad input."""
    from pourparler.evidence.names import resolve, scenarios_for

    scenarios, scenario_id = scenarios_for(store, scenario)
    ids: list[str | None] = []
    for kind, (where, value) in (("actor", actor), ("issue", issue)):
        stored = store.distinct(kind) if scenario is None or not scenarios else ()
        ids.append(None if value is None else resolve(kind, value, where, scenarios, stored))
    return scenario_id, ids[0], ids[1]


SCENARIO_FILTER = typer.Option(
    "--scenario", help="Only claims about this scenario (built-in name, file or stored id)."
)


@evidence_app.command("claims")
def claims(
    actor: Annotated[str | None, typer.Option(help="Only this actor (id, name or alias).")] = None,
    issue: Annotated[str | None, typer.Option(help="Only this issue (id or name).")] = None,
    document: Annotated[
        int | None,
        typer.Option(help="Only the claims of this document (its id: see 'evidence documents')."),
    ] = None,
    db: Annotated[Path | None, DB_OPT] = None,
    scenario: Annotated[str | None, SCENARIO_FILTER] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    full: Annotated[bool, FULL_OPT] = False,
) -> None:
    """List stored claims: who took which stance on which issue, where and when."""
    from pourparler.cli.common import check_output, console, plain
    from pourparler.report.evidence import ClaimsReport

    check_output(as_json=as_json, as_csv=as_csv)
    with open_existing(db) as store:
        sid, aid, iid = _names(store, scenario, ("--actor", actor), ("--issue", issue))
        if document is not None and document not in {d.id for d in store.document_list()}:
            raise InputError(f"--document: {document}: no such document (see 'evidence documents')")
        found = store.claims(sid, aid, iid, document=document)
        report = ClaimsReport(tuple(found), sid, aid, iid)
    if _emit(report, as_json, as_csv):
        return
    if console().width < 110:  # too narrow for a table: one record per claim, wrapped
        for r in report.claims:
            pos = "" if r.position is None else f" -> {r.position:g}"
            src = f" (per {r.speaker})" if r.speaker else ""
            console().print(
                plain(
                    f"{r.date or 'undated':10}  {r.actor} {r.issue} {r.stance}{pos}{src} "
                    f"[{r.confidence:.2f}] doc {r.place}  "
                    f"{_cut(r.sentence, full, 80)}"
                ),
                markup=False,
            )
        return
    from pourparler.cli.fitted_table import print_table
    from pourparler.report.table import Column, TextTable

    numeric = {"date", "pos", "conf", "doc:offset"}
    names = ("date", "actor", "issue", "stance", "pos", "conf", "speaker", "doc:offset")
    rows = tuple(
        (
            r.date or "?",
            r.actor,
            r.issue,
            r.stance,
            "" if r.position is None else f"{r.position:g}",
            f"{r.confidence:.2f}",
            r.speaker or "",
            r.place,
            plain(_cut(r.sentence, full)),
        )
        for r in report.claims
    )
    columns = (*(Column(n, numeric=n in numeric) for n in names), Column("sentence"))
    print_table(TextTable("", columns, rows))


@evidence_app.command("documents")
def documents(
    db: Annotated[Path | None, DB_OPT] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """List the stored documents: id, date, format, claims (reviewed), characters of article
    text, title or file, outlet and address."""
    from pourparler.cli.common import check_output, plain
    from pourparler.report.evidence import DocumentsReport

    check_output(as_json=as_json, as_csv=as_csv)
    with open_existing(db) as store:
        report = DocumentsReport(tuple(store.document_list()))
    if _emit(report, as_json, as_csv):
        return
    if not report.documents:
        typer.echo("no documents stored")
        return
    from pourparler.cli.fitted_table import print_table
    from pourparler.report.table import Column, TextTable

    names = ("id", "date", "format", "claims", "reviewed", "chars")
    rows = tuple(
        (
            str(d.id),
            d.date or "?",
            d.format,
            str(d.claims),
            str(d.reviewed),
            f"{d.characters:,}",
            plain(_cut(d.title or d.file_name, False, 60)),
            plain(d.outlet or ""),
            plain(d.locator or ""),
        )
        for d in report.documents
    )
    columns = (
        *(Column(n, numeric=n != "format" and n != "date") for n in names),
        Column("title"),
        Column("outlet"),
        Column("address"),
    )
    print_table(TextTable("", columns, rows))


@evidence_app.command("remove")
def remove(
    ids: Annotated[list[int], typer.Argument(help="Ids of the documents to remove.")],
    db: Annotated[Path | None, DB_OPT] = None,
    force: Annotated[
        bool,
        typer.Option(
            help="Also remove documents whose claims have been reviewed (their review history "
            "goes with them)."
        ),
    ] = False,
) -> None:
    """Remove documents, with their claims and the claims' review history (all of them or,
    on any error, none); a document with reviewed claims needs --force."""
    from pourparler.cli.common import plain

    with open_existing(db) as store:
        gone = store.remove_documents(ids, force=force)
    for d in gone:
        typer.echo(
            plain(f"removed document {d.id} ({d.title or d.file_name}) and its {d.claims} claims")
        )


@evidence_app.command("timeline")
def timeline(
    actor: Annotated[str, typer.Argument(help="Actor (id, name or alias).")],
    issue: Annotated[str, typer.Argument(help="Issue (id or name).")],
    db: Annotated[Path | None, DB_OPT] = None,
    scenario: Annotated[str | None, SCENARIO_FILTER] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    full: Annotated[bool, FULL_OPT] = False,
) -> None:
    """Dated stances and positions of one actor on one issue."""
    from pourparler.cli.common import check_output, console, plain
    from pourparler.report.evidence import TimelineEvent, TimelineReport

    check_output(as_json=as_json, as_csv=as_csv)
    with open_existing(db) as store:
        sid, aid, iid = _names(store, scenario, ("ACTOR", actor), ("ISSUE", issue))
        actor, issue = aid or actor, iid or issue
        rows = store.claims(sid, actor, issue)
    report = TimelineReport(actor, issue, tuple(TimelineEvent.of(r) for r in rows))
    files = {r.document_id: r.file_name for r in rows}  # named where a document has no title
    if _emit(report, as_json, as_csv):
        return
    if not report.events:
        typer.echo(plain(f"no claims of {actor} on {issue}"))
        return
    for e in report.events:
        pos = "" if e.position is None else f" -> {e.position:g}"
        src = f" (per {e.speaker})" if e.speaker else ""
        console().print(
            plain(
                f"{e.date or 'undated':10}  {e.stance:9}{pos}{src}  "
                f"[doc {e.document}: {e.title or files[e.document]}"
                f"{'' if e.page is None else f', p. {e.page}'}]  {_cut(e.sentence, full, 100)}"
            ),
            markup=False,
        )


@evidence_app.command("suggest")
def suggest(
    scenario: Annotated[str, typer.Argument(help="Built-in scenario name or YAML file.")],
    db: Annotated[Path | None, DB_OPT] = None,
    apply: Annotated[bool, typer.Option("--apply", help="Write an updated scenario.")] = False,
    to: Annotated[Path | None, typer.Option("--to", help="File for the updated scenario.")] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite an existing --to file.")
    ] = False,
    include_unreviewed: Annotated[
        bool,
        typer.Option(
            "--include-unreviewed", help="Also use pending claims (default: reviewed ones only)."
        ),
    ] = False,
    min_confidence: Annotated[
        float, typer.Option(help="Least confidence of a pending claim used.")
    ] = 0.0,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
    full: Annotated[bool, FULL_OPT] = False,
    set_: SetOpt = None,
    drop: DropOpt = None,
    seat: SeatOpt = None,
    unseat: UnseatOpt = None,
) -> None:
    """Propose scenario updates from the reviewed claims (accepted or corrected; see
    ``evidence review``), each with its supporting claims. The what-if options change the
    scenario first: proposals are measured against, and --apply writes, the changed one."""
    from pourparler.cli.common import check_output, console, plain
    from pourparler.cli.whatif_options import load_with_changes
    from pourparler.evidence.suggest import propose_updates, write_updated
    from pourparler.report.evidence import suggest_report

    check_output(as_json=as_json, as_csv=as_csv)
    if apply and to is None:
        raise InputError("--to: required with --apply (the input scenario is never overwritten)")
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    with open_existing(db) as store:
        rows = store.claims(sc.id)
    proposals = propose_updates(
        sc, rows, include_unreviewed=include_unreviewed, min_confidence=min_confidence
    )
    if apply and to is not None:
        write_updated(sc, scenario, proposals, to, force)
    report = suggest_report(sc, proposals, str(to) if apply else None)
    if _emit(report, as_json, as_csv):
        return
    for p in proposals:
        cur = "none" if p.current is None else f"{p.current:g}"
        console().print(
            plain(
                f"{p.actor} / {p.issue}: {p.field} {cur} -> {p.proposed:g} ({p.option}); "
                f"{len(p.claims)} claim(s)"
            ),
            markup=False,
        )
        for c in p.claims:
            console().print(
                plain(
                    f"    doc {c.document_id} {c.date or 'undated'} {c.stance}: "
                    f"{_cut(c.sentence, full, 100)}"
                ),
                markup=False,
            )
    if not proposals:
        typer.echo("no updates proposed")
    if apply:
        typer.echo(f"wrote {plain(to)}")


@evidence_app.command("score")
def score(
    gold: Annotated[Path, typer.Argument(help="Gold annotation file (JSON).")],
    articles: Annotated[Path, typer.Option(help="Folder holding the annotated articles.")],
    scenario: Annotated[str, SCENARIO_OPT] = "istanbul-2025",
    reader: Annotated[
        str, typer.Option(help="Who reads the claims: rules (offline) or llm (a model server).")
    ] = "rules",
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """Precision and recall of a reader's (actor, issue, stance) against hand annotations.
    The llm reader's answers are cached, so a second run scores the recorded answers."""
    from pourparler.cli.common import check_output, emit_json, load, plain
    from pourparler.evidence.readers import ReaderError, make_reader
    from pourparler.evidence.score import load_gold, score_gold

    check_output(as_json=as_json, as_csv=as_csv)
    read_with = make_reader(reader)
    try:
        result = score_gold(load_gold(gold), articles, load(scenario), read_with)
    except ReaderError as exc:
        sys.stderr.write(f"pourparler: error: {reader} reader: {plain(exc)}\n")
        raise typer.Exit(1) from None
    if as_json:
        emit_json(result.as_dict())
        return
    if as_csv:
        _csv_rows([{k: v for k, v in result.as_dict().items() if not isinstance(v, list)}])
        return
    typer.echo(
        f"precision {result.precision:.3f} ({result.true_positives}/{result.predicted})  "
        f"recall {result.recall:.3f} ({result.gold_found}/{result.gold})"
    )
