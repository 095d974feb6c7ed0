"""The hand annotations of the written tuning texts, set d
(tests/gold/evidence/written_tuning_d.json) are well-formed: known actors, issues, stances and
option values, whole-sentence spans inside the texts, matching hashes, a file that
make_written_gold_d.py regenerates unchanged, and every text of the set annotated once."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

from pourparler.evidence.score import load_gold
from pourparler.evidence.vocabulary import STANCES
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
TEXTS = ROOT / "tests" / "data" / "evidence_written"
GOLD = ROOT / "tests" / "gold" / "evidence"
FILE = GOLD / "written_tuning_d.json"
KINDS = {"official statement", "press remarks transcript", "analysis/report"}


def _gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FILE.read_text(encoding="utf-8"))
    return data


def _claims() -> list[tuple[str, dict[str, Any]]]:
    return [(d["file"], c) for d in _gold()["documents"] for c in d["claims"]]


def test_gold_file_read_by_the_scorer() -> None:
    gold = load_gold(FILE)
    assert gold["scheme"] == "pourparler evidence gold v1"
    assert gold["split"] == "tuning"


def test_claims_name_known_actors_issues_stances_and_options() -> None:
    scenario = load_scenario("istanbul-2025")
    actors = {a.id for a in scenario.actors}
    options = {i.id: {o.value for o in i.options} for i in scenario.issues}
    seen = set()
    for file, c in _claims():
        where = f"{file} {c['start']}-{c['end']}"
        assert c["actor"] in actors, where
        assert c["issue"] in options, where
        assert c["stance"] in STANCES, where
        if "position" in c:
            assert c["position"] in options[c["issue"]], where
        if "speaker" in c:
            assert c["speaker"] in actors and c["speaker"] != c["actor"], where
        assert set(c) <= {"start", "end", "actor", "issue", "stance", "position", "speaker", "note"}
        key = (file, c["start"], c["actor"], c["issue"], c["stance"])
        assert key not in seen, f"{where}: claim annotated twice"
        seen.add(key)


def test_every_written_text_of_set_d_is_annotated_once_with_kind_date_and_licence() -> None:
    docs = _gold()["documents"]
    assert sorted(d["file"] for d in docs) == sorted(p.name for p in TEXTS.glob("d[0-9]*.txt"))
    assert len(docs) == 12
    for d in docs:
        assert d["kind"] in KINDS, d["file"]
        assert d["licence"] == "written for the project", d["file"]
        assert len(d["date"]) == 10 and d["date"][:4] == "2025", d["file"]
        assert d["claims"], d["file"]


def test_texts_are_of_real_length() -> None:
    for p in TEXTS.glob("d[0-9]*.txt"):
        assert 1500 <= len(p.read_text(encoding="utf-8")) <= 3500, p.name


def test_spans_are_whole_sentences_inside_texts_with_matching_hashes() -> None:
    for d in _gold()["documents"]:
        path = TEXTS / d["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == d["sha256"], d["file"]
        text = path.read_text(encoding="utf-8")
        for c in d["claims"]:
            assert 0 <= c["start"] < c["end"] <= len(text), (d["file"], c)
            span = text[c["start"] : c["end"]]
            assert span == span.strip(), (d["file"], c)
            assert c["start"] == 0 or text[c["start"] - 1].isspace(), (d["file"], c)
            assert text.count(span) == 1, (d["file"], c)


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_written_gold_d", GOLD / "make_written_gold_d.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_file_is_what_the_script_regenerates() -> None:
    assert _maker().build(TEXTS) == _gold()


def test_the_script_refuses_a_sentence_found_zero_or_several_times() -> None:
    locate = _maker().locate
    assert locate("A b. C d.", "C d.", "x") == (5, 9)
    for text in ("A b.", "C d. C d."):
        try:
            locate(text, "C d.", "x")
        except ValueError:
            continue
        raise AssertionError(f"{text!r} accepted")
