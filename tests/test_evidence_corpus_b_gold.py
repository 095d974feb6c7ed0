"""The hand annotations of held-out set B (tests/gold/evidence/corpus_heldout_b.json) are
well-formed: known actors, issues, stances and option values, spans that are whole sentences of
the texts in tests/data/evidence_corpus_b, matching hashes, every text annotated and listed in
SOURCES.md, and a file that make_corpus_b_gold.py regenerates unchanged. No reader runs here."""

from __future__ import annotations

import hashlib
import importlib.util
import json
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pourparler.evidence.score import load_gold
from pourparler.evidence.vocabulary import STANCES
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "data" / "evidence_corpus_b"
GOLD = ROOT / "tests" / "gold" / "evidence"
FILE = GOLD / "corpus_heldout_b.json"
KINDS = {
    "official statement",
    "parliamentary transcript",
    "press remarks transcript",
    "analysis/report",
    "joint statement/readout",
}
SENTENCE_END = '.?!”’"'
FIELDS = {"start", "end", "actor", "issue", "stance", "position", "speaker", "note"}


def _gold() -> dict[str, Any]:
    return json.loads(FILE.read_text(encoding="utf-8"))


def _claims() -> list[tuple[str, dict[str, Any]]]:
    return [(d["file"], c) for d in _gold()["documents"] for c in d["claims"]]


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_corpus_b_gold", GOLD / "make_corpus_b_gold.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_file_is_read_by_the_scorer_as_held_out_b() -> None:
    gold = load_gold(FILE)
    assert gold["scheme"] == "pourparler evidence gold v1"
    assert gold["split"] == "heldout_b"
    assert "never used to change a rule" in gold["description"]


def test_claims_name_known_actors_issues_stances_and_options() -> None:
    scenario = load_scenario("istanbul-2025")
    actors = {a.id for a in scenario.actors}
    options = {i.id: {o.value for o in i.options} for i in scenario.issues}
    seen = set()
    for file, c in _claims():
        where = f"{file} {c['start']}-{c['end']}"
        assert set(c) <= FIELDS, where
        assert c["actor"] in actors, where
        assert c["issue"] in options, where
        assert c["stance"] in STANCES, where
        if "position" in c:
            assert c["position"] in options[c["issue"]], where
        if "speaker" in c:
            assert c["speaker"] in actors and c["speaker"] != c["actor"], where
        key = (file, c["start"], c["actor"], c["issue"], c["stance"])
        assert key not in seen, f"{where}: claim annotated twice"
        seen.add(key)


def test_at_least_16_texts_of_several_kinds_each_with_licence_hash_and_claims() -> None:
    docs = _gold()["documents"]
    assert len(docs) >= 16
    kinds = Counter(d["kind"] for d in docs)
    assert set(kinds) <= KINDS
    assert len(kinds) >= 4, kinds
    for d in docs:
        assert d["licence"] and len(d["sha256"]) == 64, d["file"]
        assert d["date"] and d["date"][:2] == "20", d["file"]
        assert d["claims"], f"{d['file']}: no claim"


def test_every_text_is_annotated_once_and_listed_in_sources() -> None:
    annotated = [d["file"] for d in _gold()["documents"]]
    assert sorted(annotated) == sorted(p.name for p in CORPUS.glob("*.txt"))
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    for name in annotated:
        assert f"| {name} |" in sources, name


def test_spans_are_whole_sentences_inside_texts_with_matching_hashes() -> None:
    for d in _gold()["documents"]:
        path = CORPUS / d["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == d["sha256"], d["file"]
        text = path.read_text(encoding="utf-8")
        for c in d["claims"]:
            where = (d["file"], c["start"], c["end"])
            assert 0 <= c["start"] < c["end"] <= len(text), where
            span = text[c["start"] : c["end"]]
            assert span == span.strip(), where
            before = text[: c["start"]].rstrip(" ")
            assert not before or before[-1] == "\n" or before[-1] in SENTENCE_END + ":", where
            after = text[c["end"] :]
            line_end = after[:1] in ("", "\n")
            assert line_end or (after[0].isspace() and span[-1] in SENTENCE_END), where
            assert line_end or span[-1] in SENTENCE_END, where


def test_gold_file_is_what_the_script_regenerates() -> None:
    assert _maker().build(CORPUS) == _gold()


def test_the_script_refuses_a_sentence_found_zero_or_several_times() -> None:
    locate = _maker().locate
    assert locate("One. Two. One.", "Two.", "t") == (5, 9)
    with pytest.raises(SystemExit, match="not found"):
        locate("One. Two.", "Three.", "t")
    with pytest.raises(SystemExit, match="more than once"):
        locate("One. Two. One.", "One.", "t")
