"""``evidence add --voice ACTOR``: the analyst says whose "we" a text is (a government's
statement whose heading was lost, a speech that never names its own state), the readers use it
where the text names no voice of its own, and a name that is no actor is bad input that stores
nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_run import run_cli
from pourparler.evidence.readers.llm_prompt import PROMPT_VERSION, system_prompt
from pourparler.evidence.readers.rules import RulesReader
from pourparler.scenario import load_scenario

# No heading, no title, no name of the speaking government: only "we".
STATEMENT = (
    "Thank you, Chair.\n\n"
    "We call for an immediate and unconditional ceasefire.\n\n"
    "We will keep up the pressure through tougher sanctions on the Russian economy.\n"
)


def _claims(capsys: pytest.CaptureFixture[str], db: Path) -> set[tuple[str, str, str]]:
    code, out, err = run_cli(capsys, ["evidence", "claims", "--db", str(db), "--json"])
    assert code == 0, err
    data = json.loads(out)
    rows = data["claims"] if isinstance(data, dict) else data
    return {(c["actor"], c["issue"], c["stance"]) for c in rows}


def test_the_rules_reader_gives_we_to_the_voice_it_is_told() -> None:
    sc = load_scenario("istanbul-2025")
    told = {
        (c.actor, c.issue, c.stance) for c in RulesReader().read(STATEMENT, sc, voice="UK").claims
    }
    assert ("UK", "ceasefire", "demand") in told
    untold = {(c.actor, c.issue, c.stance) for c in RulesReader().read(STATEMENT, sc).claims}
    assert not any(actor == "UK" for actor, _, _ in untold)


def test_a_voice_the_text_names_still_wins_over_the_one_given() -> None:
    sc = load_scenario("istanbul-2025")
    text = 'Ukraine\'s President Zelenskyy said on Monday: "We demand an immediate ceasefire."\n'
    got = {(c.actor, c.issue, c.stance) for c in RulesReader().read(text, sc, voice="UK").claims}
    assert ("UA", "ceasefire", "demand") in got
    assert ("UK", "ceasefire", "demand") not in got


def test_evidence_add_voice_by_name_stores_the_speaking_governments_claims(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "statement.txt"
    article.write_text(STATEMENT, encoding="utf-8")
    db = tmp_path / "ev.db"
    code, out, err = run_cli(
        capsys,
        ["evidence", "add", str(article), "--db", str(db), "--voice", "united kingdom", "--json"],
    )
    assert code == 0, err
    assert json.loads(out)["documents"][0]["voice"] == "UK"
    assert ("UK", "ceasefire", "demand") in _claims(capsys, db)


def test_evidence_add_unknown_voice_is_one_line_exit_2_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "statement.txt"
    article.write_text(STATEMENT, encoding="utf-8")
    db = tmp_path / "ev.db"
    code, out, err = run_cli(
        capsys, ["evidence", "add", str(article), "--db", str(db), "--voice", "Narnia"]
    )
    assert code == 2
    assert out == ""
    assert err.startswith("pourparler: error: --voice: 'Narnia': not an actor of istanbul-2025")
    assert err.count("\n") == 1
    assert not db.exists()


def test_the_model_is_told_the_voice_and_its_answers_are_cached_apart(tmp_path: Path) -> None:
    sc = load_scenario("istanbul-2025")
    assert "issued by United Kingdom (UK)" in system_prompt(sc, "UK")
    assert "issued by" not in system_prompt(sc)
    assert PROMPT_VERSION == "3"
    pytest.importorskip("httpx")
    from pourparler.evidence.readers.llm import LLMReader
    from pourparler.evidence.readers.llm_settings import LLMSettings

    reader = LLMReader(LLMSettings(url="http://127.0.0.1:9/v1", model="m", cache_dir=tmp_path))
    assert reader.cache_file(STATEMENT, sc, "UK") != reader.cache_file(STATEMENT, sc)
    assert reader.cache_file(STATEMENT, sc, None) == reader.cache_file(STATEMENT, sc)
