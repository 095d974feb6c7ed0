"""``pourparler evidence review``: list pending claims, accept, reject or correct them (by
rule, one by id, or one at a time at a terminal), and show a claim's review history."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.evidence.review import Change, Edit
    from pourparler.evidence.store import Store, StoredClaim


def _line(c: StoredClaim) -> str:
    pos = "" if c.position is None else f" -> {c.position:g}"
    who = c.reader + (f"/{c.model}" if c.model else "")
    src = f" (per {c.speaker})" if c.speaker else ""
    return (
        f"#{c.id} [{c.status}] {c.actor} {c.issue} {c.stance}{pos}{src}  conf {c.confidence:.2f}"
        f"  {who}  doc {c.place} {c.date or 'undated'}"
    )


def _show(c: StoredClaim) -> None:
    from pourparler.cli.common import console, inert

    console().print(inert(_line(c)), soft_wrap=True)
    console().print("    " + inert(c.sentence), soft_wrap=True)


def _heading(c: StoredClaim) -> str:
    """A claim's line in the list: id, status, what it says, confidence, reader and (after
    ``@``) where its sentence starts in the document."""
    pos = "" if c.position is None else f" -> {c.position:g}"
    who = c.reader + (f"/{c.model}" if c.model else "")
    src = f" (per {c.speaker})" if c.speaker else ""
    return (
        f"#{c.id} [{c.status}] {c.actor} {c.issue} {c.stance}{pos}{src}  "
        f"conf {c.confidence:.2f}  {who}  @{c.raw_start}{'' if c.page is None else f' p.{c.page}'}"
    )


def _document(c: StoredClaim) -> str:
    """The heading of a document's claims: its id, date, title (or file), outlet and the
    address it came from, if known."""
    outlet = f" ({c.outlet})" if c.outlet else ""
    address = f"  {c.locator}" if c.locator and "://" in c.locator else ""
    return f"doc {c.document_id}  {c.date or 'undated'}  {c.title or c.file_name}{outlet}{address}"


def cut_to_cells(text: str, room: int) -> str:
    """``text`` whole when it takes at most ``room`` terminal cells, else cut at a space (never
    inside a word or a number) to fit them, ended with ``…``."""
    from rich.cells import cell_len

    if cell_len(text) <= room:
        return text
    used, end = 0, 0
    for k, ch in enumerate(text):
        used += cell_len(ch)
        if used > room - 2:  # room for " …"
            break
        end = k + 1
    head = text[:end]
    space = head.rfind(" ")
    return (head[:space] if space > 0 else head).rstrip() + " …"


SENTENCE_LABEL = "sentence"


def _print_list(rows: list[StoredClaim], full: bool) -> None:
    """The claims one document at a time (in the order the documents were added), each
    document's claims in the order of its text: a line per claim, then its sentence, cut to
    the console's width unless ``full`` (then wrapped)."""
    from itertools import groupby

    from rich.cells import cell_len

    from pourparler.cli.common import console, plain
    from pourparler.cli.fitted_table import print_stacked
    from pourparler.report.table import Column, TextTable

    out = console()
    if not rows:
        typer.echo("no claims")
        return
    room = max(out.width - cell_len(f"  {SENTENCE_LABEL}: "), 16)
    ordered = sorted(rows, key=lambda c: (c.document_id, c.raw_start, c.id))
    for n, (_, group) in enumerate(groupby(ordered, key=lambda c: c.document_id)):
        claims = list(group)
        table = TextTable(
            title=_document(claims[0]),
            columns=(Column(""), Column(SENTENCE_LABEL)),
            rows=tuple(
                (
                    _heading(c),
                    plain(c.sentence) if full else cut_to_cells(plain(c.sentence), room),
                )
                for c in claims
            ),
        )
        if n:
            out.print()
        print_stacked(table, out)


def _said(changes: list[Change], verb: str) -> None:
    from pourparler.cli.common import plain

    ids = ", ".join(f"#{c.claim_id}" for c in changes)
    typer.echo(plain(f"{verb} {len(changes)} claim(s)" + (f": {ids}" if ids else "")))


def review(
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Evidence store (default: $POURPARLER_DB or the user data dir)."),
    ] = None,
    scenario: Annotated[
        str | None,
        typer.Option("--scenario", help="Scenario actor and issue names are checked against."),
    ] = None,
    list_: Annotated[
        bool,
        typer.Option(
            "--list",
            help="List claims (default: pending) one document at a time, in the order they were "
            "added, each document's claims in the order of the text; sentences cut to the "
            "terminal's width.",
        ),
    ] = False,
    full: Annotated[
        bool, typer.Option("--full", help="With --list: whole sentences, wrapped.")
    ] = False,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only claims with this review status: pending (default), accepted, rejected, "
            "corrected or all."
        ),
    ] = None,
    accept: Annotated[bool, typer.Option("--accept", help="Accept the claims matched.")] = False,
    reject: Annotated[bool, typer.Option("--reject", help="Reject the claims matched.")] = False,
    correct: Annotated[
        int | None, typer.Option("--correct", help="Correct this claim.", metavar="CLAIM_ID")
    ] = None,
    history: Annotated[
        int | None,
        typer.Option("--history", help="Show this claim's review history.", metavar="CLAIM_ID"),
    ] = None,
    claim: Annotated[
        list[int] | None, typer.Option("--claim", help="Only this claim (repeatable).")
    ] = None,
    actor: Annotated[
        str | None, typer.Option(help="Rule: only this actor; with --correct: the new actor.")
    ] = None,
    issue: Annotated[
        str | None, typer.Option(help="Rule: only this issue; with --correct: the new issue.")
    ] = None,
    reader: Annotated[str | None, typer.Option(help="Rule: only this reader's claims.")] = None,
    document: Annotated[
        int | None,
        typer.Option(help="Rule: only this document's claims (see evidence documents)."),
    ] = None,
    since: Annotated[
        int | None,
        typer.Option(
            help="Rule: only the claims of the documents added since this one, it included "
            "(those an 'evidence add' just stored).",
            metavar="DOCUMENT",
        ),
    ] = None,
    below: Annotated[
        float | None, typer.Option(help="Rule: only claims with a confidence below this.")
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            help="Rule: only claims whose sentence holds these words, in this order (A-Z in "
            "either case).",
            metavar="WORDS",
        ),
    ] = None,
    stance: Annotated[str | None, typer.Option(help="With --correct: the new stance.")] = None,
    position: Annotated[
        float | None, typer.Option(help="With --correct: the new position (0-100).")
    ] = None,
    note: Annotated[str | None, typer.Option(help="A note kept with each change.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    as_csv: Annotated[
        bool, typer.Option("--csv", help="With --list: the claims as CSV, one row each.")
    ] = False,
) -> None:
    """Review claims: list the pending ones, accept or reject them by rule, correct one, or go
    through them one at a time at a terminal. Every change is kept (see --history)."""
    from pourparler.cli.common import check_output, emit_json, emit_result
    from pourparler.cli.evidence_options import check_words, open_existing
    from pourparler.evidence import review as R

    check_output(as_json=as_json, as_csv=as_csv)
    check_words(text)

    modes = [
        n
        for n, on in (
            ("--list", list_),
            ("--accept", accept),
            ("--reject", reject),
            ("--correct", correct is not None),
            ("--history", history is not None),
        )
        if on
    ]
    if len(modes) > 1:
        raise InputError(f"{modes[1]}: cannot be combined with {modes[0]}")
    mode = modes[0] if modes else None
    if as_csv and mode not in (None, "--list"):
        raise InputError(f"--csv: lists claims (with --list), not with {mode}")
    if status is not None and status != "all":
        R.check_status(status)
    rule_ids = document is not None or since is not None or text is not None
    if mode == "--correct" and (claim or reader or below is not None or rule_ids):
        raise InputError(
            "--correct: takes one claim id; --claim, --reader, --below, --document, --since "
            "and --text are rules"
        )
    if mode != "--correct" and (stance is not None or position is not None):
        raise InputError("--stance: only with --correct (and --position likewise)")
    with open_existing(db) as store:
        if mode == "--history" and history is not None:
            h = R.history(store, history)
            if as_json:
                emit_json(h.to_data())
                return
            _show(h.claim)
            for ch in h.changes:
                _print_change(ch)
            if not h.changes:
                typer.echo("not reviewed")
            return
        if mode == "--correct" and correct is not None:
            c = R.find_claim(store, correct, "--correct")
            edit = R.check_edit(store, c, R.Edit(actor, issue, stance, position), scenario)
            changes = R.apply(store, [c], "correct", note, edit)
        elif mode in ("--accept", "--reject"):
            if not (claim or actor or issue or reader or below is not None or rule_ids):
                raise InputError(
                    f"{mode}: give a rule (--actor, --issue, --reader, --below, --document, "
                    "--since, --text or --claim)"
                )
            wanted = None if status == "all" else status or "pending"
            if claim and wanted is not None:  # a claim named by id is never passed over unsaid
                for i in claim:
                    found = R.find_claim(store, i, "--claim")
                    if found.status != wanted:
                        raise InputError(
                            f"--claim: {i}: is {found.status}, not {wanted}; give --status "
                            f"{found.status} (or all) to {mode[2:]} it again"
                        )
            rows = R.select(
                store,
                status=wanted,
                actor=actor,
                issue=issue,
                reader=reader,
                below=below,
                ids=claim,
                scenario=scenario,
                document=document,
                since=since,
                text=text,
            )
            changes = R.apply(store, rows, mode[2:], note)
        else:
            rows = R.select(
                store,
                status=None if status == "all" else status or "pending",
                actor=actor,
                issue=issue,
                reader=reader,
                below=below,
                ids=claim,
                scenario=scenario,
                document=document,
                since=since,
                text=text,
            )
            if mode is None and not as_json and sys.stdin.isatty() and sys.stdout.isatty():
                if not as_csv:
                    _interactive(store, rows, scenario, note)
                    return
            if as_json:
                emit_json({"db": str(store.path), "claims": [c.as_dict() for c in rows]})
                return
            if as_csv:
                from pourparler.report.evidence import ClaimsReport

                emit_result(ClaimsReport(tuple(rows)), as_json=False, as_csv=True)
                return
            _print_list(rows, full)
            return
    if as_json:
        emit_json({"changes": [ch.to_data() for ch in changes]})
        return
    verb = {"--accept": "accepted", "--reject": "rejected", "--correct": "corrected"}[mode]
    _said(changes, verb)


def _print_change(ch: Change) -> None:
    from pourparler.cli.common import console, inert

    diff = ", ".join(
        f"{k} {ch.old.get(k)} -> {ch.new.get(k)}" for k in ch.new if ch.old.get(k) != ch.new.get(k)
    )
    note = f"  note: {ch.note}" if ch.note else ""
    console().print(inert(f"  {ch.at}  {ch.action}: {diff or 'no change'}{note}"), soft_wrap=True)


def _interactive(
    store: Store, rows: list[StoredClaim], scenario: str | None, note: str | None
) -> None:
    """One claim at a time: accept, reject, correct, skip or quit."""
    from pourparler.cli.common import plain
    from pourparler.evidence import review as R

    if not rows:
        typer.echo("no claims")
        return
    for n, c in enumerate(rows, start=1):
        typer.echo(f"\n{n} of {len(rows)}")
        _show(c)
        while True:
            answer = typer.prompt(
                "[a]ccept [r]eject [c]orrect [s]kip [t]ext around it [q]uit", default="s"
            )
            choice = answer.strip().lower()[:1]
            if choice == "q":
                return
            if choice == "t":
                _show_context(store, c)
                continue
            if choice == "s":
                break
            if choice in ("a", "r"):
                R.apply(store, [c], "accept" if choice == "a" else "reject", note)
                break
            if choice == "c":
                try:
                    edit = R.check_edit(store, c, _ask_edit(c), scenario)
                except InputError as exc:
                    typer.echo(f"pourparler: error: {plain(exc)}", err=True)
                    continue
                why = typer.prompt("note", default=note or "", show_default=False) or None
                R.apply(store, [c], "correct", why, edit)
                break
            typer.echo("answer a, r, c, s, t or q")


def _show_context(store: Store, c: StoredClaim) -> None:
    """The claim's sentence in its document: from the paragraph before to the paragraph after,
    the sentence in bold, each line's control characters escaped."""
    from rich.text import Text

    from pourparler.cli.common import console, plain

    before, sentence, after = store.context(c.id)
    if not sentence:
        typer.echo("    (the document's text around it is not stored)")
        return
    text = Text()
    for part, style in ((before, ""), (sentence, "bold"), (after, "")):
        text.append("\n".join(plain(line) for line in part.split("\n")), style=style)
    for line in text.split("\n"):
        console().print(Text("    ") + line, soft_wrap=True)


def _ask_edit(c: StoredClaim) -> Edit:
    from pourparler.evidence.review import Edit

    def ask(label: str, current: object) -> str | None:
        got = typer.prompt(f"{label} [{current}]", default="", show_default=False).strip()
        return got or None

    actor = ask("actor", c.actor)
    issue = ask("issue", c.issue)
    stance = ask("stance", c.stance)
    raw = ask("position", "" if c.position is None else f"{c.position:g}")
    try:
        position = None if raw is None else float(raw)
    except ValueError:
        raise InputError(f"position: {raw!r}: not a number") from None
    return Edit(actor, issue, stance, position)
