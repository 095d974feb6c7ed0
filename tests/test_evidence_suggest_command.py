"""``pourparler evidence suggest``: it reads only the claims a proposal can rest on (those that
count and imply a position), and its proposals are those computed from every claim about the
scenario; at a terminal each proposal lists its latest supporting claims, the JSON all of
them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from cli_run import run_cli
from pourparler.evidence import review
from pourparler.evidence.ingest import read_article
from pourparler.evidence.readers.document import add_read
from pourparler.evidence.readers.rules import RulesReader
from pourparler.evidence.store import Store
from pourparler.evidence.suggest import propose_updates
from pourparler.scenario import load_scenario

SCENARIO = "istanbul-2025"
DATA = Path(__file__).parent / "data"


def _key(proposals: list) -> list:
    return [
        (p["actor"], p["issue"], p["proposed"], [c["id"] for c in p["claims"]]) for p in proposals
    ]


def test_the_proposals_are_those_of_every_claim_for_each_rule(tmp_path, capsys):
    sc = load_scenario(SCENARIO)
    db = tmp_path / "e.db"
    with Store(db) as store:
        for f in sorted((DATA / "evidence_written").glob("a*.txt"))[:6]:
            add_read(store, read_article(f), sc, RulesReader())
        claims = store.claims()
        review.apply(store, claims[0::3], "accept", None)
        review.apply(store, claims[1::5], "reject", None)
        every = store.claims(SCENARIO)
    assert any(c.position is None for c in every) and any(c.position is not None for c in every)
    for flags, unreviewed, least in (
        ([], False, 0.0),
        (["--include-unreviewed"], True, 0.0),
        (
            ["--include-unreviewed", "--min-confidence", "0.6"],
            True,
            0.6,
        ),
    ):
        code, out, err = run_cli(
            capsys, ["evidence", "suggest", SCENARIO, "--db", str(db), "--json", *flags]
        )
        assert code == 0, err
        expected = propose_updates(sc, every, include_unreviewed=unreviewed, min_confidence=least)
        assert _key(json.loads(out)["proposals"]) == [
            (p.actor, p.issue, p.proposed, [c.id for c in p.claims]) for p in expected
        ]
    assert expected  # something was compared


def test_a_proposal_lists_its_latest_claims_and_counts_the_rest(tmp_path, capsys):
    db = tmp_path / "e.db"
    with Store(db) as store:
        for d in range(8):  # RU on NATO, one claim a day
            store.add_document(
                sha256=f"{d:064x}",
                path=tmp_path / f"{d}.txt",
                fmt="text",
                title=f"Report {d}",
                outlet=None,
                locator=None,
                date=dt.date(2025, 5, 1 + d),
                text="x",
                runs=[],
                scenario=SCENARIO,
                claims=[
                    {
                        "actor": "RU",
                        "issue": "nato",
                        "stance": "demand",
                        "negated": False,
                        "position": 0.0,
                        "confidence": 0.8,
                        "sentence": f"Russia demanded a neutral Ukraine on day {d}.",
                        "start": 0,
                        "end": 1,
                        "raw_start": 0,
                        "raw_end": 1,
                        "cue": "demanded",
                        "speaker": None,
                    }
                ],
            )
    args = ["evidence", "suggest", SCENARIO, "--db", str(db), "--include-unreviewed"]
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    listed = [line for line in out.splitlines() if line.startswith("    doc ")]
    assert [line.split(": ", 1)[1] for line in listed] == [
        f"Russia demanded a neutral Ukraine on day {d}." for d in range(3, 8)
    ]
    assert "    … 3 earlier claim(s) (--json lists them all)" in out
    code, out, _ = run_cli(capsys, [*args, "--json"])
    (proposal,) = json.loads(out)["proposals"]
    assert len(proposal["claims"]) == 8
