"""The evidence commands' reports (``pourparler.report.evidence``): ``to_data()`` equal to what
``--json`` prints for claims, timeline and suggest, ``to_frame()`` and ``--csv`` one row per
claim, event or proposal, and ``--full`` showing whole sentences."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.cli.app import main
from pourparler.evidence.store import Store
from pourparler.evidence.suggest import propose_updates
from pourparler.report.evidence import (
    ClaimsReport,
    TimelineEvent,
    TimelineReport,
    suggest_report,
)
from pourparler.scenario import load_scenario

TEXT = (
    "Kyiv, 1 June 2025. Ukraine demands a full ceasefire on land, sea and air before any "
    "further talks, President Zelensky said on Sunday in a long statement that also repeated "
    "the country's position on prisoners of war, on the return of children and on the "
    "guarantees it expects from its partners in Europe and across the Atlantic Ocean.\n\n"
    "Russia rejects a full ceasefire and insists on its earlier conditions, the Kremlin said.\n"
)


def _run(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    return out


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    article = tmp_path / "article.txt"
    article.write_text(TEXT, encoding="utf-8")
    path = tmp_path / "ev.db"
    _run(capsys, ["evidence", "add", str(article), "--db", str(path), "--date", "2025-06-01"])
    return path


def _claims(db: Path):  # type: ignore[no-untyped-def]
    with Store(db) as store:
        return store.claims(None, None, None)


def test_claims_to_data_and_frame(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _claims(db)
    assert rows, "the article yields claims"
    report = ClaimsReport(tuple(rows))
    printed = json.loads(_run(capsys, ["evidence", "claims", "--db", str(db), "--json"]))
    assert report.to_data() == printed
    out = _run(capsys, ["evidence", "claims", "--db", str(db), "--csv"])
    got = list(csv.DictReader(io.StringIO(out)))
    assert len(got) == len(rows) == len(report.to_frame())
    assert [int(r["id"]) for r in got] == [c.id for c in rows]
    assert got[0]["sentence"] == rows[0].sentence
    assert list(got[0]) == list(printed["claims"][0]), "the CSV has every field the JSON has"


def test_timeline_to_data_and_frame(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["evidence", "timeline", "UA", "ceasefire", "--db", str(db)]
    printed = json.loads(_run(capsys, [*args, "--json"]))
    rows = [c for c in _claims(db) if c.actor == "UA" and c.issue == "ceasefire"]
    report = TimelineReport("UA", "ceasefire", tuple(TimelineEvent.of(c) for c in rows))
    assert report.to_data() == printed and printed["timeline"]
    assert printed["timeline"][0]["start"] == rows[0].raw_start
    frame = report.to_frame()
    assert list(frame["actor"]) == ["UA"] * len(rows)
    got = list(csv.DictReader(io.StringIO(_run(capsys, [*args, "--csv"]))))
    assert len(got) == len(rows)


def test_suggest_to_data_and_frame(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["evidence", "suggest", "istanbul-2025", "--db", str(db)]
    printed = json.loads(_run(capsys, [*args, "--json"]))
    sc = load_scenario("istanbul-2025")
    with Store(db) as store:
        proposals = propose_updates(sc, store.claims(sc.id))
    report = suggest_report(sc, proposals)
    assert report.to_data() == printed
    assert printed["scenario_hash"] == sc.digest() and "seed" not in printed
    frame = report.to_frame()
    assert len(frame) == len(proposals)
    assert list(frame["claims"]) == [len(p.claims) for p in proposals]
    got = list(csv.DictReader(io.StringIO(_run(capsys, [*args, "--csv"]))))
    assert len(got) == len(proposals)


def test_full_shows_whole_sentences(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    [long] = [c for c in _claims(db) if len(c.sentence) > 200][:1]
    for width in ("80", "200"):
        import os

        os.environ["COLUMNS"] = width
        try:
            from pourparler.cli import common

            common._console = None
            cut = _run(capsys, ["evidence", "claims", "--db", str(db)])
            whole = _run(capsys, ["evidence", "claims", "--db", str(db), "--full"])
        finally:
            del os.environ["COLUMNS"]
            common._console = None
        assert long.sentence not in " ".join(cut.split())
        flat = " ".join(whole.replace("│", " ").split())
        assert " ".join(long.sentence.split()) in flat or long.sentence[-30:] in whole


def test_a_cut_sentence_ends_at_a_space_never_inside_a_number() -> None:
    from pourparler.cli.evidence_options import cut as _cut

    text = "Troops capped at 250,000 and 800 tanks"
    assert _cut(text, False, 22) == "Troops capped at …"
    assert _cut(text, True, 22) == text
    assert _cut(text, False, 100) == text


def test_add_review_list_and_score_take_csv(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    claims = _claims(db)
    listed = list(
        csv.DictReader(
            io.StringIO(_run(capsys, ["evidence", "review", "--db", str(db), "--list", "--csv"]))
        )
    )
    assert {int(r["id"]) for r in listed} == {c.id for c in claims}
    other = tmp_path / "other.txt"
    other.write_text(TEXT.replace("Kyiv", "Kiev"), encoding="utf-8")
    added = list(
        csv.DictReader(
            io.StringIO(_run(capsys, ["evidence", "add", str(other), "--db", str(db), "--csv"]))
        )
    )
    assert len(added) == 1 and added[0]["reader"] == "rules" and int(added[0]["claims_added"]) > 0
    with pytest.raises(SystemExit) as exc:
        main(["evidence", "review", "--db", str(db), "--accept", "--csv"])
    assert exc.value.code == 2
    assert "--csv" in capsys.readouterr().err
