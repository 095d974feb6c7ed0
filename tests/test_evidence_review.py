"""Reviewing stored claims: the store's schema migrating from version 2 without losing
anything, accept / reject by rule, correct one claim, the audit trail, bad ids and values
changing nothing, `evidence suggest` using reviewed claims, and the reader interface."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pourparler.cli.app import main
from pourparler.evidence import review as R
from pourparler.evidence import store as store_module
from pourparler.evidence.readers import ReadClaim, Reading
from pourparler.evidence.readers.document import add_read
from pourparler.evidence.readers.rules import RulesReader
from pourparler.evidence.store import Store
from pourparler.evidence.suggest import propose_updates
from pourparler.scenario import Scenario, load_scenario

TEXT = (
    "Russia demands that Ukraine withdraw from the four regions before any ceasefire. \x1b[2J\n\n"
    "Ukraine rejects the withdrawal of its troops [bold]outright[/bold].\n\n"
    "The United States offered security guarantees.\n"
)


class FixedReader:
    """A reader giving fixed claims (quotes looked up in the text): the reader interface
    without a model server."""

    name = "llm"
    model: str | None = "fixed-model"

    def __init__(self, items: list[tuple[str, str, str, float | None, str, float]]) -> None:
        self.items = items

    def read(self, text: str, scenario: Scenario, *, voice: str | None = None) -> Reading:
        out = []
        for actor, issue, stance, position, quote, confidence in self.items:
            start = text.index(quote)
            out.append(
                ReadClaim(
                    actor, issue, stance, position, start, start + len(quote), quote, None,
                    confidence, self.name, self.model,
                )
            )  # fmt: skip
        return Reading(tuple(out))


ITEMS = [
    ("RU", "withdrawal", "demand", 100.0, "Russia demands that Ukraine withdraw", 0.9),
    ("RU", "ceasefire", "condition", 100.0, "before any ceasefire", 0.6),
    (
        "UA",
        "withdrawal",
        "reject",
        None,
        "rejects the withdrawal of its troops [bold]outright",
        0.4,
    ),
    ("US", "guarantees", "propose", None, "offered security guarantees", 0.3),
]


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as exc:
        main(list(args))
    out = capsys.readouterr()
    return int(exc.value.code or 0), out.out, out.err


def dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with the rules reader's claims and the fixed reader's claims of one article."""
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "ev.db"
    sc = load_scenario("istanbul-2025")
    with Store(path) as store:
        add_read(store, article, sc, RulesReader())
        add_read(store, article, sc, FixedReader(ITEMS))
    return path


def claims(db: Path, **kw: object) -> list[store_module.StoredClaim]:
    with Store(db) as store:
        return store.claims(**kw)  # type: ignore[arg-type]


def test_a_version_2_store_migrates_keeping_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.db"
    monkeypatch.setattr(store_module, "MIGRATIONS", store_module.MIGRATIONS[:2])
    with Store(path) as old:
        assert old.version == 2
        old.conn.execute(
            "INSERT INTO documents (sha256, file_name, path, format, title, outlet, locator, "
            "date, text, offset_runs, added_at) VALUES ('abc', 'a.txt', '/a.txt', 'text', 'T', "
            "'O', NULL, '2025-05-16', 'Russia rejects the truce.', '[]', '2025-05-16T00:00:00')"
        )
        for actor, stance, pos in (("RU", "reject", None), ("UA", "demand", 0.0)):
            old.conn.execute(
                "INSERT INTO claims (document_id, scenario, actor, issue, stance, negated, "
                "position, confidence, sentence, start, end, raw_start, raw_end, cue, speaker) "
                "VALUES (1, 'istanbul-2025', ?, 'ceasefire', ?, 0, ?, 0.9, "
                "'Russia rejects the truce.', 0, 25, 0, 25, 'rejects', NULL)",
                (actor, stance, pos),
            )
    before = [row for row in dump(path) if row.startswith('INSERT INTO "documents"')]
    monkeypatch.undo()
    with Store(path) as new:
        assert new.version == len(store_module.MIGRATIONS) >= 3
        got = new.claims()
        assert [(c.actor, c.stance, c.position, c.confidence) for c in got] == [
            ("RU", "reject", None, 0.9),
            ("UA", "demand", 0.0, 0.9),
        ]
        assert {(c.reader, c.model, c.status) for c in got} == {("rules", None, "pending")}
        assert new.documents()[0]["date"] == "2025-05-16"
        assert new.reviews(1) == []
    assert [r for r in dump(path) if r.startswith('INSERT INTO "documents"')] == before


def test_each_reader_stores_its_claims_once(db: Path) -> None:
    rows = claims(db)
    assert {c.reader for c in rows} == {"rules", "llm"}
    assert {c.model for c in rows if c.reader == "llm"} == {"fixed-model"}
    assert len([c for c in rows if c.reader == "llm"]) == len(ITEMS)
    with Store(db) as store:
        sc = load_scenario("istanbul-2025")
        again = add_read(store, db.parent / "article.txt", sc, FixedReader(ITEMS))
    assert again.claims_added == 0 and not again.new


def test_rules_reader_gives_the_extractors_claims_with_exact_quotes() -> None:
    from pourparler.evidence.extract import extract_claims

    sc = load_scenario("istanbul-2025")
    text = TEXT.replace("\x1b[2J", "")
    reading = RulesReader().read(text, sc)
    expected = [(c.actor, c.issue, c.stance, c.start) for c in extract_claims(text, sc)]
    assert [(c.actor, c.issue, c.stance, c.start) for c in reading.claims] == expected
    assert reading.claims and all(text[c.start : c.end] == c.quote for c in reading.claims)
    assert {c.reader for c in reading.claims} == {"rules"}
    assert all(0.0 <= c.confidence <= 1.0 for c in reading.claims)


def test_list_shows_pending_claims_escaped(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "evidence", "review", "--db", str(db), "--list")
    assert code == 0 and err == ""
    assert "\x1b" not in out and "\\x1b[2J" in out
    assert "[bold]outright" in out  # markup shown as written, not applied
    assert out.count("[pending]") == len(claims(db))
    code, out, _ = run(capsys, "evidence", "review", "--db", str(db), "--list", "--json")
    listed = json.loads(out)["claims"]
    assert [c["id"] for c in listed] == [c.id for c in claims(db)]


def test_accept_by_rule_and_reject_below_a_confidence(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ("evidence", "review", "--db", str(db))
    code, out, _ = run(capsys, *args, "--accept", "--actor", "Russia", "--issue", "withdrawal")
    assert code == 0
    accepted = claims(db, status="accepted")
    assert accepted and {(c.actor, c.issue) for c in accepted} == {("RU", "withdrawal")}
    assert f"accepted {len(accepted)} claim(s)" in out
    code, out, _ = run(
        capsys, *args, "--reject", "--reader", "llm", "--below", "0.5", "--note", "weak"
    )
    assert code == 0
    rejected = claims(db, status="rejected")
    assert {(c.reader, c.confidence) for c in rejected} == {("llm", 0.4), ("llm", 0.3)}
    assert {c.status for c in claims(db, reader="rules")} <= {"pending", "accepted"}
    with Store(db) as store:
        h = R.history(store, rejected[0].id)
    (change,) = h.changes
    assert (change.action, change.old["status"], change.new["status"], change.note) == (
        "reject", "pending", "rejected", "weak",
    )  # fmt: skip


def test_correct_keeps_the_old_values_in_the_history(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = next(c for c in claims(db, reader="llm") if c.actor == "US")
    code, out, err = run(
        capsys, "evidence", "review", "--db", str(db), "--correct", str(target.id),
        "--actor", "UA", "--issue", "withdrawal", "--stance", "reject", "--position", "50",
        "--note", "misread",
    )  # fmt: skip
    assert code == 0, err
    (now,) = claims(db, ids=[target.id])
    assert (now.actor, now.issue, now.stance, now.position, now.status) == (
        "UA", "withdrawal", "reject", 50.0, "corrected",
    )  # fmt: skip
    assert now.sentence == target.sentence and now.reader == "llm"
    code, out, _ = run(
        capsys, "evidence", "review", "--db", str(db), "--history", str(target.id), "--json"
    )
    (change,) = json.loads(out)["history"]
    assert change["old"] == {
        "status": "pending", "actor": "US", "issue": "guarantees", "stance": "propose",
        "position": None,
    }  # fmt: skip
    assert change["new"]["actor"] == "UA" and change["note"] == "misread" and change["at"]
    code, out, _ = run(capsys, "evidence", "review", "--db", str(db), "--history", str(target.id))
    assert "actor US -> UA" in out and "note: misread" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--correct", "999", "--stance", "reject"), "--correct: 999: no such claim"),
        (("--correct", "{id}", "--stance", "maybe"), "--stance: 'maybe': not a stance"),
        (("--correct", "{id}", "--position", "150"), "--position: 150.0: not a position"),
        (("--correct", "{id}", "--actor", "XX"), "--actor: 'XX': not an actor"),
        (
            (
                "--correct",
                "{id}",
            ),
            "nothing to correct",
        ),
        (("--accept", "--claim", "{id}", "--claim", "999"), "--claim: 999: no such claim"),
        (("--reject", "--below", "2"), "--below: 2.0: not a confidence"),
        (("--accept",), "--accept: give a rule"),
        (("--accept", "--reject", "--actor", "RU"), "--reject: cannot be combined with --accept"),
        (("--list", "--status", "done"), "--status: 'done': not a review status"),
        (("--history", "999"), "--history: 999: no such claim"),
        # ids past SQLite's 64-bit integers, a misspelt reader, a scenario the claim is not about
        (("--accept", "--claim", str(2**70)), f"--claim: {2**70}: no such claim"),
        (("--history", str(2**63)), f"--history: {2**63}: no such claim"),
        (("--correct", str(-(2**64)), "--stance", "reject"), "no such claim"),
        (("--reject", "--reader", "rule"), "--reader: 'rule': unknown reader (known: rules"),
        (
            ("--correct", "{id}", "--actor", "RU", "--scenario", "istanbul-2022"),
            "--scenario: istanbul-2022: claim {id} is about scenario istanbul-2025, not istanbul",
        ),
    ],
)
def test_bad_ids_and_values_change_nothing(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], message: str
) -> None:
    first = claims(db)[0].id
    before = dump(db)
    code, out, err = run(
        capsys, "evidence", "review", "--db", str(db), *(a.format(id=first) for a in args)
    )
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message.format(id=first) in err, err
    assert dump(db) == before


def test_a_claim_named_by_id_is_never_passed_over_in_silence(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = (c.id for c in claims(db)[:2])
    args = ("evidence", "review", "--db", str(db))
    assert run(capsys, *args, "--accept", "--claim", str(first))[0] == 0
    before = dump(db)
    code, out, err = run(capsys, *args, "--reject", "--claim", str(second), "--claim", str(first))
    assert code == 2 and out == ""
    assert f"--claim: {first}: is accepted, not pending; give --status accepted" in err
    assert dump(db) == before  # the pending one named beside it is not rejected either
    code, out, _ = run(capsys, *args, "--reject", "--claim", str(first), "--status", "accepted")
    assert code == 0 and f"rejected 1 claim(s): #{first}" in out
    code, out, _ = run(capsys, *args, "--accept", "--claim", str(first), "--status", "all")
    assert code == 0 and f"accepted 1 claim(s): #{first}" in out


BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"


def test_a_claim_about_a_scenario_from_a_file_is_corrected_to_its_own_names_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "b.txt"
    article.write_text("North demanded sanctions relief.\n", encoding="utf-8")
    path = tmp_path / "ev.db"
    with Store(path) as store:
        add_read(store, article, load_scenario(str(BORDER)), RulesReader())
        add_read(store, _article(tmp_path), load_scenario("istanbul-2025"), RulesReader())
    (claim,) = claims(path, scenario="border")
    before = dump(path)
    # RU and ceasefire are names of another scenario's claims in the same store
    code, _, err = run(
        capsys, "evidence", "review", "--db", str(path), "--correct", str(claim.id),
        "--actor", "RU", "--issue", "ceasefire",
    )  # fmt: skip
    assert code == 2 and "not an actor of the stored claims about border" in err, err
    assert "--scenario FILE" in err and "known: N)" in err
    assert dump(path) == before
    # with the scenario's file, any of its actors may be named
    code, _, err = run(
        capsys, "evidence", "review", "--db", str(path), "--correct", str(claim.id),
        "--actor", "G", "--scenario", str(BORDER),
    )  # fmt: skip
    assert code == 0, err
    assert claims(path, scenario="border")[0].actor == "G"
    code, _, err = run(capsys, "evidence", "claims", "--db", str(path), "--scenario", "border",
                       "--actor", "RU")  # fmt: skip
    assert code == 2 and "about border" in err


def _article(tmp_path: Path) -> Path:
    other = tmp_path / "article.txt"
    other.write_text(TEXT, encoding="utf-8")
    return other


@pytest.mark.parametrize("old", ["not json", "[1, 2]", "null"])
def test_a_review_changed_by_hand_is_one_line(
    db: Path, capsys: pytest.CaptureFixture[str], old: str
) -> None:
    first = claims(db)[0].id
    code, _, _ = run(
        capsys, "evidence", "review", "--db", str(db), "--accept", "--claim", str(first)
    )
    assert code == 0
    conn = sqlite3.connect(db)
    conn.execute("UPDATE reviews SET old = ?", (old,))
    conn.commit()
    conn.close()
    for extra in ((), ("--json",)):
        code, out, err = run(
            capsys, "evidence", "review", "--db", str(db), "--history", str(first), *extra
        )
        assert code == 2 and out == "" and err.count("\n") == 1, err
        assert f"{db}: review 1: old: {old!r} is not the claim's values" in err


def test_a_note_that_is_not_utf8_is_kept_with_escapes(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    first = claims(db)[0].id
    note = os.fsdecode(b"misread \xff")  # as the command line gives such bytes
    args = ("evidence", "review", "--db", str(db))
    code, _, err = run(capsys, *args, "--reject", "--claim", str(first), "--note", note)
    assert code == 0, err
    code, out, _ = run(capsys, *args, "--history", str(first), "--json")
    assert code == 0 and json.loads(out)["history"][0]["note"] == "misread \\xff"


def test_suggest_uses_reviewed_claims_unless_asked(db: Path) -> None:
    sc = load_scenario("istanbul-2025")

    def proposals(**kw: object) -> set[tuple[str, str]]:
        return {(p.actor, p.issue) for p in propose_updates(sc, claims(db), **kw)}  # type: ignore[arg-type]

    assert proposals() == set(), "nothing reviewed yet"
    assert ("RU", "ceasefire") in proposals(include_unreviewed=True)
    high = proposals(include_unreviewed=True, min_confidence=0.7)
    assert ("RU", "ceasefire") not in high  # its claim's confidence is 0.6
    ru_ceasefire = [c.id for c in claims(db, reader="llm") if c.issue == "ceasefire"]
    with Store(db) as store:
        R.apply(store, claims(db, ids=ru_ceasefire), "accept")
    assert ("RU", "ceasefire") in proposals()
    with Store(db) as store:
        R.apply(store, claims(db, ids=ru_ceasefire), "reject")
    assert ("RU", "ceasefire") not in proposals(include_unreviewed=True)


def test_suggest_command_flags(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ("evidence", "suggest", "istanbul-2025", "--db", str(db), "--json")
    assert json.loads(run(capsys, *args)[1])["proposals"] == []
    wide = json.loads(run(capsys, *args, "--include-unreviewed", "--min-confidence", "0.5")[1])
    assert {(p["actor"], p["issue"]) for p in wide["proposals"]} >= {("RU", "ceasefire")}
    code, _, err = run(capsys, *args, "--include-unreviewed", "--min-confidence", "1.5")
    assert code == 2 and "--min-confidence: 1.5: not between 0 and 1" in err


def test_suggest_apply_never_overwrites_without_force(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    args = ("evidence", "suggest", "istanbul-2025", "--db", str(db), "--include-unreviewed")
    mine = tmp_path / "mine.yaml"
    mine.write_text("# my scenario\n", encoding="utf-8")
    code, out, err = run(capsys, *args, "--apply", "--to", str(mine))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"{mine}: file exists (use --force to overwrite)" in err
    assert mine.read_text(encoding="utf-8") == "# my scenario\n"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)  # writing to it would block until something reads it
    code, _, err = run(capsys, *args, "--apply", "--to", str(fifo), "--force")
    assert code == 2 and f"{fifo}: cannot write: is not a regular file" in err and fifo.is_fifo()
    code, out, err = run(capsys, *args, "--apply", "--to", str(mine), "--force")
    assert code == 0 and f"wrote {mine}" in out
    assert load_scenario(mine).id == "istanbul-2025"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_interactive_review_one_at_a_time(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from pourparler.cli import evidence_review

    rows = claims(db, reader="llm")
    answers = iter(
        ["a", "x", "r", "c", "", "", "maybe", "", "c", "Moscow", "", "", "", "misread", "q"]
    )
    monkeypatch.setattr(typer, "prompt", lambda *a, **k: next(answers))
    with Store(db) as store:
        evidence_review._interactive(store, rows, None, None)
    got = {c.id: c for c in claims(db, reader="llm")}
    assert got[rows[0].id].status == "accepted"
    assert got[rows[1].id].status == "rejected"
    # a bad stance is reported and asked again; then corrected with its note
    assert (got[rows[2].id].actor, got[rows[2].id].status) == ("RU", "corrected")
    with Store(db) as store:
        (change,) = R.history(store, rows[2].id).changes
    assert change.note == "misread" and change.old["actor"] == rows[2].actor
    assert got[rows[3].id].status == "pending"  # quit before it


def test_a_correction_to_the_same_values_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    c = claims(db)[0]
    before = dump(db)
    code, _, err = run(
        capsys, "evidence", "review", "--db", str(db), "--correct", str(c.id),
        "--stance", c.stance, "--actor", c.actor,
    )  # fmt: skip
    assert code == 2 and "nothing to correct (the claim has these values)" in err
    assert dump(db) == before


def test_interactive_review_shows_the_text_around_a_claim(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import typer

    from pourparler.cli import evidence_review
    from pourparler.evidence.ingest import add_article
    from pourparler.scenario import load_scenario

    article = tmp_path / "a.txt"
    article.write_text(
        "Talks resume\n\nThe delegations met in Istanbul on Friday.\n"
        "Russia rejected the ceasefire \x1b[31m at once.\nKyiv said it would wait.\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    with Store(db) as store:
        add_article(store, article, load_scenario("istanbul-2025"))
        rows = [c for c in store.claims() if c.actor == "RU"]
        assert rows
        answers = iter(["t", "a"])
        monkeypatch.setattr(typer, "prompt", lambda *a, **k: next(answers))
        evidence_review._interactive(store, rows[:1], None, None)
        assert store.claims(ids=[rows[0].id])[0].status == "accepted"
    out = capsys.readouterr().out
    lines = [line.strip() for line in out.splitlines() if line.strip()]
    at = lines.index("The delegations met in Istanbul on Friday.")
    assert lines[at : at + 3] == [
        "The delegations met in Istanbul on Friday.",
        "Russia rejected the ceasefire \\x1b[31m at once.",  # escaped, never sent raw
        "Kyiv said it would wait.",
    ]
    assert "\x1b[31m" not in out


def test_the_timeline_leaves_out_claims_rejected_in_review(
    db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    events = claims(db, actor="RU", issue="withdrawal")
    assert len(events) >= 2
    code, out, _ = run(
        capsys, "evidence", "timeline", "RU", "withdrawal", "--db", str(db), "--json"
    )
    before = json.loads(out)
    assert code == 0 and before["rejected"] == 0 and len(before["timeline"]) == len(events)
    assert {e["status"] for e in before["timeline"]} == {"pending"}
    with Store(db) as store:
        R.apply(store, events[:1], "reject")
        R.apply(store, events[1:2], "accept")
    code, out, _ = run(
        capsys, "evidence", "timeline", "RU", "withdrawal", "--db", str(db), "--json"
    )
    after = json.loads(out)
    assert after["rejected"] == 1 and len(after["timeline"]) == len(events) - 1
    assert [e["status"] for e in after["timeline"]].count("accepted") == 1
    code, out, _ = run(capsys, "evidence", "timeline", "RU", "withdrawal", "--db", str(db))
    assert code == 0 and out.rstrip().endswith("1 rejected in review left out")
    assert events[0].sentence[:40] not in out and " accepted " in out


def test_a_documents_claims_are_reviewed_by_rule(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Russia rejects any ceasefire in Ukraine.\n", encoding="utf-8")
    with Store(db) as store:
        added = add_read(store, other, load_scenario("istanbul-2025"), RulesReader())
    assert added.claims_added
    before = {c.id: c.status for c in claims(db)}
    code, out, err = run(
        capsys, "evidence", "review", "--reject", "--document", str(added.document),
        "--db", str(db), "--json",
    )  # fmt: skip
    assert code == 0, err
    changed = {ch["claim_id"] for ch in json.loads(out)["changes"]}
    after = {c.id: c.status for c in claims(db)}
    mine = {c.id for c in claims(db, document=added.document)}
    assert changed == mine and {after[i] for i in mine} == {"rejected"}
    assert {i: s for i, s in after.items() if i not in mine} == {
        i: s for i, s in before.items() if i not in mine
    }
    code, out, _ = run(
        capsys, "evidence", "review", "--list", "--status", "rejected",
        "--document", str(added.document), "--db", str(db), "--json",
    )  # fmt: skip
    assert {c["id"] for c in json.loads(out)["claims"]} == mine
    for bad in ("999", str(2**70)):
        code, _, err = run(
            capsys, "evidence", "review", "--accept", "--document", bad, "--db", str(db)
        )
        assert code == 2 and f"--document: {bad}: no such document" in err
    assert {c.id: c.status for c in claims(db)} == after


def test_the_claims_of_documents_added_since_one_are_reviewed_by_rule(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sc = load_scenario("istanbul-2025")
    new = []
    for k, text in enumerate(
        ("Russia rejects any ceasefire in Ukraine.", "Ukraine demands a ceasefire now.")
    ):
        path = tmp_path / f"new{k}.txt"
        path.write_text(text + "\n", encoding="utf-8")
        with Store(db) as store:
            new.append(add_read(store, path, sc, RulesReader()).document)
    since = min(new)
    before = {c.id: c.status for c in claims(db)}
    mine = {c.id for c in claims(db) if c.document_id >= since}
    assert mine and len(mine) < len(before)  # the store's older claims are left out
    code, out, err = run(
        capsys, "evidence", "review", "--accept", "--since", str(since), "--db", str(db), "--json"
    )
    assert code == 0, err
    assert {ch["claim_id"] for ch in json.loads(out)["changes"]} == mine
    after = {c.id: c.status for c in claims(db)}
    assert {i: s for i, s in after.items() if i not in mine} == {
        i: s for i, s in before.items() if i not in mine
    }
    code, _, err = run(capsys, "evidence", "review", "--accept", "--since", "999", "--db", str(db))
    assert code == 2 and "--since: 999: no such document" in err


@pytest.mark.parametrize(
    "args",
    [
        ("evidence", "review", "--reject", "--text", "  "),
        ("evidence", "review", "--accept", "--text", ""),
        ("evidence", "review", "--list", "--text", "\t"),
        ("evidence", "claims", "--text", " "),
        ("evidence", "documents", "--text", ""),
    ],
)
def test_a_text_rule_without_words_is_refused(
    db: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    # white space matches every sentence: as a rule it would reject every pending claim
    before = dump(db)
    code, out, err = run(capsys, *args, "--db", str(db))
    assert code == 2 and out == ""
    assert err == (
        "pourparler: error: --text: no words given (leave --text out to match everything)\n"
    )
    assert dump(db) == before
    assert all(c.status == "pending" for c in claims(db))
