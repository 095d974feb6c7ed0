"""The hand annotations of the written tuning texts c01-c12
(tests/gold/evidence/written_tuning_c.json) are well-formed: known actors, issues, stances and
option values; spans that are whole sentences inside the texts; matching hashes; every text
listed and annotated once; and a file that make_written_gold_c.py regenerates unchanged."""

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
FILE = GOLD / "written_tuning_c.json"
KINDS = {
    "official statement",
    "parliamentary transcript",
    "press remarks transcript",
    "encyclopedia",
}


def _gold() -> dict[str, Any]:
    return dict(json.loads(FILE.read_text(encoding="utf-8")))


def _claims() -> list[tuple[str, dict[str, Any]]]:
    return [(d["file"], c) for d in _gold()["documents"] for c in d["claims"]]


def test_gold_file_read_by_the_scorer() -> None:
    gold = load_gold(FILE)
    assert gold["scheme"] == "pourparler evidence gold v1"
    assert gold["split"] == "tuning"
    assert gold["stances"] == list(STANCES)


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


def test_every_written_c_text_is_listed_and_annotated_once() -> None:
    files = [d["file"] for d in _gold()["documents"]]
    on_disk = sorted(p.name for p in TEXTS.glob("c[0-9]*.txt"))
    assert sorted(files) == on_disk
    assert len(on_disk) == 12
    readme = (TEXTS / "README_c.md").read_text(encoding="utf-8")
    for name in on_disk:
        assert name in readme, name


def test_documents_carry_kind_date_licence_and_claims() -> None:
    for d in _gold()["documents"]:
        assert d["kind"] in KINDS, d["file"]
        assert d["licence"] == "written for the project", d["file"]
        assert len(d["date"]) == 10 and d["date"].startswith("2025-"), d["file"]
        assert d["claims"], d["file"]
        n = len((TEXTS / d["file"]).read_text(encoding="utf-8"))
        assert 1500 <= n <= 3500, (d["file"], n)


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
            assert span[-1] in ".?!]", (d["file"], c)


def _maker() -> ModuleType:
    path = GOLD / "make_written_gold_c.py"
    spec = importlib.util.spec_from_file_location("make_written_gold_c", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_file_is_what_the_script_regenerates() -> None:
    assert _maker().build(TEXTS) == _gold()


def test_the_script_refuses_a_sentence_found_zero_or_several_times() -> None:
    maker = _maker()
    assert maker.locate("One. Two.", "Two.", "f") == (5, 9)
    for text in ("One. Two.", "Two. Two."):
        try:
            maker.locate(text, "Three." if text.startswith("One") else "Two.", "f")
        except ValueError as exc:
            assert "f:" in str(exc)
        else:
            raise AssertionError(f"accepted an ambiguous or missing sentence in {text!r}")
