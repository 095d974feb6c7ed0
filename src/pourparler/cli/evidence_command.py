"""``pourparler evidence``: articles in, dated and sourced claims out, and scenario updates."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.cli import evidence_add, evidence_feeds, evidence_model, evidence_review
from pourparler.cli.evidence_options import (
    CSV_OPT,
    DB_OPT,
    FULL_OPT,
    JSON_OPT,
    SCENARIO_OPT,
    check_words,
    csv_rows,
    emit,
    open_existing,
)
from pourparler.cli.evidence_options import cut as _cut
from pourparler.cli.whatif_options import DropOpt, SeatOpt, SetOpt, UnseatOpt
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.store import Store

evidence_app = typer.Typer(
    name="evidence",
    help="Ingest articles, extract claims, show timelines, propose scenario updates.",
    no_args_is_help=True,
)


def register(app: typer.Typer) -> None:
    app.add_typer(evidence_app, name="evidence")


evidence_app.command("add")(evidence_add.add)
evidence_app.command("review")(evidence_review.review)
evidence_app.command("feeds")(evidence_feeds.feeds)
evidence_app.command("model")(evidence_model.model)


def _names(
    store: Store, scenario: str | None, actor: tuple[str, str | None], issue: tuple[str, str | None]
) -> tuple[str | None, str | None, str | None]:
    """(scenario id to filter by, actor id, issue id) from what the user typed; unknown actor
    or issue names (id, name or alias of the scenario's) are bad input."""
    from pourparler.evidence.names import resolve, scenarios_for, stored_names

    scenarios, scenario_id = scenarios_for(store, scenario)
    ids: list[str | None] = []
    for kind, (where, value) in (("actor", actor), ("issue", issue)):
        if value is None:
            ids.append(None)
            continue
        stored: list[str] = []
        scope = ""
        if scenario is None or not scenarios:  # the stored claims' names (about scenario_id)
            stored, scope = stored_names(store, kind, scenario_id)
        ids.append(resolve(kind, value, where, scenarios, stored, scope))
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
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            help="Only claims whose sentence holds these words, in this order (A-Z in either "
            "case): --text 'unconditional ceasefire'.",
            metavar="WORDS",
        ),
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
    check_words(text)
    with open_existing(db) as store:
        sid, aid, iid = _names(store, scenario, ("--actor", actor), ("--issue", issue))
        if document is not None and not store.has_document(document):
            raise InputError(f"--document: {document}: no such document (see 'evidence documents')")
        found = store.claims(sid, aid, iid, document=document, text=text)
        report = ClaimsReport(tuple(found), sid, aid, iid)
    if emit(report, as_json, as_csv):
        return
    if not report.claims:
        typer.echo("no claims")
        return
    if console().width < 110:  # too narrow for a table: one record per claim, wrapped
        for r in report.claims:
            pos = "" if r.position is None else f" -> {r.position:g}"
            src = f" (per {r.speaker})" if r.speaker else ""
            console().print(
                plain(
                    f"{r.date or 'undated':10}  {r.actor} {r.issue} {r.stance}{pos}{src} "
                    f"[{r.confidence:.2f} {r.status}] doc {r.place}  "
                    f"{_cut(r.sentence, full, 80)}"
                ),
                markup=False,
            )
        return
    from pourparler.cli.fitted_table import print_table
    from pourparler.report.table import Column, TextTable

    numeric = {"date", "pos", "conf", "doc:offset"}
    names = ("date", "actor", "issue", "stance", "pos", "conf", "review", "speaker", "doc:offset")
    rows = tuple(
        (
            r.date or "?",
            r.actor,
            r.issue,
            r.stance,
            "" if r.position is None else f"{r.position:g}",
            f"{r.confidence:.2f}",
            r.status,
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
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            help="Only documents whose title, outlet, file name or address holds every one of "
            "these words (A-Z in either case).",
            metavar="WORDS",
        ),
    ] = None,
    db: Annotated[Path | None, DB_OPT] = None,
    as_json: Annotated[bool, JSON_OPT] = False,
    as_csv: Annotated[bool, CSV_OPT] = False,
) -> None:
    """List the stored documents: id, date, format, claims (reviewed), characters of article
    text, title or file, outlet and address."""
    from pourparler.cli.common import check_output, plain
    from pourparler.report.evidence import DocumentsReport

    check_output(as_json=as_json, as_csv=as_csv)
    check_words(text)
    with open_existing(db) as store:
        report = DocumentsReport(tuple(store.document_list(text)))
    if emit(report, as_json, as_csv):
        return
    if not report.documents:
        typer.echo("no documents stored" if text is None else plain(f"no document names {text!r}"))
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
    """Dated stances and positions of one actor on one issue, with their review status (claims
    rejected in review are left out, and counted)."""
    from pourparler.cli.common import check_output, console, plain
    from pourparler.report.evidence import TimelineEvent, TimelineReport

    check_output(as_json=as_json, as_csv=as_csv)
    with open_existing(db) as store:
        sid, aid, iid = _names(store, scenario, ("ACTOR", actor), ("ISSUE", issue))
        actor, issue = aid or actor, iid or issue
        stored = store.claims(sid, actor, issue)
    rows = [r for r in stored if r.status != "rejected"]  # a person found them wrong
    events = tuple(TimelineEvent.of(r) for r in rows)
    report = TimelineReport(actor, issue, events, len(stored) - len(rows))
    files = {r.document_id: r.file_name for r in rows}  # named where a document has no title
    if emit(report, as_json, as_csv):
        return
    left_out = f" ({report.rejected} rejected in review left out)" if report.rejected else ""
    if not report.events:
        typer.echo(plain(f"no claims of {actor} on {issue}{left_out}"))
        return
    for e in report.events:
        pos = "" if e.position is None else f" -> {e.position:g}"
        src = f" (per {e.speaker})" if e.speaker else ""
        console().print(
            plain(
                f"{e.date or 'undated':10}  {e.stance:9}{pos}{src}  {e.status:9}  "
                f"[doc {e.document}: {e.title or files[e.document]}"
                f"{'' if e.page is None else f', p. {e.page}'}]  {_cut(e.sentence, full, 100)}"
            ),
            markup=False,
        )
    if left_out:
        typer.echo(left_out.strip().strip("()"))


SHOWN_CLAIMS = 5  # supporting claims listed under a proposal (the latest; --json: all)


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
    from pourparler.evidence.review import REVIEWED
    from pourparler.evidence.suggest import propose_updates, write_updated
    from pourparler.report.evidence import suggest_report

    check_output(as_json=as_json, as_csv=as_csv)
    if apply and to is None:
        raise InputError("--to: required with --apply (the input scenario is never overwritten)")
    sc = load_with_changes(scenario, set_, drop, seat, unseat)
    counted = (*REVIEWED, "pending") if include_unreviewed else REVIEWED
    with open_existing(db) as store:  # only the claims a proposal can rest on
        rows = store.claims(sc.id, statuses=counted, positioned=True)
    proposals = propose_updates(
        sc, rows, include_unreviewed=include_unreviewed, min_confidence=min_confidence
    )
    if apply and to is not None:
        write_updated(sc, scenario, proposals, to, force)
    report = suggest_report(sc, proposals, str(to) if apply else None)
    if emit(report, as_json, as_csv):
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
        lines = [
            plain(f"    doc {c.document_id} {c.date or 'undated'} {c.stance}: ")
            + plain(_cut(c.sentence, full, 100))
            for c in p.claims[-SHOWN_CLAIMS:]  # the latest: they weigh double
        ]
        if len(p.claims) > SHOWN_CLAIMS:
            more = len(p.claims) - SHOWN_CLAIMS
            lines.insert(0, f"    … {more:,} earlier claim(s) (--json lists them all)")
        typer.echo("\n".join(lines))
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
        result = score_gold(load_gold(gold), articles, load(scenario), read_with, source=str(gold))
    except ReaderError as exc:
        sys.stderr.write(f"pourparler: error: {reader} reader: {plain(exc)}\n")
        raise typer.Exit(1) from None
    if as_json:
        emit_json(result.as_dict())
        return
    if as_csv:
        csv_rows([{k: v for k, v in result.as_dict().items() if not isinstance(v, list)}])
        return
    typer.echo(
        f"precision {result.precision:.3f} ({result.true_positives}/{result.predicted})  "
        f"recall {result.recall:.3f} ({result.gold_found}/{result.gold})"
    )
