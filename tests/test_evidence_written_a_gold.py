"""The hand annotations of the written tuning texts of set a
(tests/gold/evidence/written_tuning_a.json) are well-formed: known actors, issues, stances and
option values, spans that are whole stripped sentences inside the texts of
tests/data/evidence_written, matching hashes, and a file that make_written_gold_a.py
regenerates unchanged."""

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
FILE = GOLD / "written_tuning_a.json"
KINDS = {"official statement", "press remarks transcript", "wire report", "joint statement"}


def _gold() -> dict[str, Any]:
    return dict(json.loads(FILE.read_text(encoding="utf-8")))


def _claims() -> list[tuple[str, dict[str, Any]]]:
    return [(d["file"], c) for d in _gold()["documents"] for c in d["claims"]]


def test_gold_file_read_by_the_scorer_as_tuning() -> None:
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


def test_every_written_text_of_set_a_is_annotated_once_with_kind_date_and_licence() -> None:
    docs = _gold()["documents"]
    names = [d["file"] for d in docs]
    assert sorted(names) == sorted(p.name for p in TEXTS.glob("a[0-9]*.txt"))
    assert len(names) == 12
    for d in docs:
        assert d["kind"] in KINDS, d["file"]
        assert d["licence"] == "written for the project", d["file"]
        assert len(d["date"]) == 10 and d["date"][:4] == "2025", d["file"]
        assert d["claims"], d["file"]


def test_texts_have_the_written_length() -> None:
    for path in TEXTS.glob("a[0-9]*.txt"):
        assert 1500 <= len(path.read_text(encoding="utf-8")) <= 3500, path.name


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
            assert c["end"] == len(text) or text[c["end"]].isspace(), (d["file"], c)


def _maker() -> ModuleType:
    path = GOLD / "make_written_gold_a.py"
    spec = importlib.util.spec_from_file_location("make_written_gold_a", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_file_is_what_the_script_regenerates() -> None:
    assert _maker().build(TEXTS) == _gold()
