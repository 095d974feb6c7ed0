"""The hand-annotated gold files of the evidence reader whose texts live in the repository (the
written tuning sets a-d in tests/data/evidence_written, the real tuning sets in
tests/data/evidence_real_tuning and _b to _e, and held-out set B in tests/data/evidence_corpus_b)
are well-formed: known actors, issues, stances and option values, spans that are whole sentences
inside the texts, matching hashes, every text annotated once and listed in its README or SOURCES,
and a file that its make_*.py script regenerates byte for byte and that refuses a sentence found
zero or several times. No reader runs here."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
import shutil
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pourparler.evidence.score import load_gold
from pourparler.evidence.vocabulary import STANCES
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "evidence"
WRITTEN = ROOT / "tests" / "data" / "evidence_written"
CORPUS_B = ROOT / "tests" / "data" / "evidence_corpus_b"
FIELDS = {"start", "end", "actor", "issue", "stance", "position", "speaker", "note"}
WRITTEN_LICENCE = "written for the project"
QUOTE_END = '.?!"”'


def _between_spaces(text: str, start: int, end: int) -> bool:
    """A span that starts the text or follows white space, and ends it or precedes white space."""
    before = start == 0 or text[start - 1].isspace()
    return before and (end == len(text) or text[end].isspace())


def _between_sentences(text: str, start: int, end: int) -> bool:
    """A span that starts a line or follows the end of a sentence (or a colon), and ends a line
    or ends a sentence before white space."""
    sentence_end = '.?!”’"'
    before = text[:start].rstrip(" ")
    starts = not before or before[-1] == "\n" or before[-1] in sentence_end + ":"
    after = text[end:]
    if after[:1] in ("", "\n"):
        return starts
    return starts and after[0].isspace() and text[end - 1] in sentence_end


@dataclass(frozen=True)
class GoldSet:
    """One gold file, the folder of its texts and the script that makes it."""

    name: str
    gold: Path
    script: str
    texts: Path
    pattern: str  # the glob of the set's texts in ``texts``
    listing: str  # the file in ``texts`` that lists every text as ``| name |``
    split: str
    kinds: frozenset[str]
    min_texts: int
    max_texts: int
    licence: str | None  # every text's licence, or None where each text has its own
    date: str  # a regular expression the start of every date matches
    length: tuple[int, int] | None  # the bounds of a text's length in characters, where fixed
    ends: str | None  # the characters a span may end with, where the set fixes them
    whole: Callable[[str, int, int], bool]


def _written(letter: str, kinds: set[str], ends: str | None) -> GoldSet:
    return GoldSet(
        name=f"written_{letter}",
        gold=GOLD / f"written_tuning_{letter}.json",
        script=f"make_written_gold_{letter}",
        texts=WRITTEN,
        pattern=f"{letter}[0-9]*.txt",
        listing=f"README_{letter}.md",
        split="tuning",
        kinds=frozenset(kinds),
        min_texts=12,
        max_texts=12,
        licence=WRITTEN_LICENCE,
        date=r"2025-\d\d-\d\d$",
        length=(1500, 3500),
        ends=ends,
        whole=_between_spaces,
    )


OFFICIAL = "official statement"
HANSARD = "parliamentary transcript"
PRESS = "press remarks transcript"
REPORT = "analysis/report"


def _real_tuning(suffix: str, min_texts: int, max_texts: int) -> GoldSet:
    """A set of real, openly licensed tuning texts (each with its own licence) in
    tests/data/evidence_real_tuning{suffix}."""
    return GoldSet(
        name=f"real_tuning{suffix}",
        gold=GOLD / f"real_tuning{suffix}.json",
        script=f"make_real_tuning{suffix}_gold",
        texts=ROOT / "tests" / "data" / f"evidence_real_tuning{suffix}",
        pattern="*.txt",
        listing="SOURCES.md",
        split="tuning",
        kinds=frozenset({OFFICIAL, HANSARD, PRESS, REPORT, "joint statement/readout"}),
        min_texts=min_texts,
        max_texts=max_texts,
        licence=None,
        date=r"20\d\d-\d\d-\d\d$",
        length=None,
        ends=None,
        whole=_between_sentences,
    )


SETS = {
    s.name: s
    for s in (
        _written("a", {OFFICIAL, PRESS, "wire report", "joint statement"}, None),
        _written("b", {HANSARD, REPORT, "encyclopedia", OFFICIAL}, QUOTE_END),
        _written("c", {OFFICIAL, HANSARD, PRESS, "encyclopedia"}, ".?!]"),
        _written("d", {OFFICIAL, PRESS, REPORT}, QUOTE_END),
        GoldSet(
            name="corpus_b",
            gold=GOLD / "corpus_heldout_b.json",
            script="make_corpus_b_gold",
            texts=CORPUS_B,
            pattern="*.txt",
            listing="SOURCES.md",
            split="heldout_b",
            kinds=frozenset({OFFICIAL, HANSARD, PRESS, REPORT, "joint statement/readout"}),
            min_texts=16,
            max_texts=1000,
            licence=None,
            date=r"20",
            length=None,
            ends=None,
            whole=_between_sentences,
        ),
        _real_tuning("", 10, 12),
        *(_real_tuning(f"_{x}", 12, 15) for x in "bcde"),
    )
}
each_set = pytest.mark.parametrize("gs", list(SETS.values()), ids=list(SETS))


def _gold(gs: GoldSet) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(gs.gold.read_text(encoding="utf-8"))
    return data


def _maker(gs: GoldSet) -> ModuleType:
    spec = importlib.util.spec_from_file_location(gs.script, GOLD / f"{gs.script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@each_set
def test_gold_file_is_read_by_the_scorer_with_its_split(gs: GoldSet) -> None:
    gold = load_gold(gs.gold)
    assert gold["scheme"] == "pourparler evidence gold v1"
    assert gold["split"] == gs.split
    assert gold["stances"] == list(STANCES)


def assert_claims_are_well_formed(documents: list[dict[str, Any]]) -> None:
    """Known actors, issues, stances and option values, a speaker other than the actor, only the
    scheme's fields, and no claim annotated twice."""
    scenario = load_scenario("istanbul-2025")
    actors = {a.id for a in scenario.actors}
    options = {i.id: {o.value for o in i.options} for i in scenario.issues}
    seen = set()
    for d in documents:
        for c in d["claims"]:
            where = f"{d['file']} {c['start']}-{c['end']}"
            assert set(c) <= FIELDS, where
            assert c["actor"] in actors, where
            assert c["issue"] in options, where
            assert c["stance"] in STANCES, where
            if "position" in c:
                assert c["position"] in options[c["issue"]], where
            if "speaker" in c:
                assert c["speaker"] in actors and c["speaker"] != c["actor"], where
            key = (d["file"], c["start"], c["actor"], c["issue"], c["stance"])
            assert key not in seen, f"{where}: claim annotated twice"
            seen.add(key)


@each_set
def test_claims_name_known_actors_issues_stances_and_options(gs: GoldSet) -> None:
    assert_claims_are_well_formed(_gold(gs)["documents"])


@each_set
def test_every_text_is_annotated_once_and_listed(gs: GoldSet) -> None:
    annotated = [d["file"] for d in _gold(gs)["documents"]]
    on_disk = sorted(p.name for p in gs.texts.glob(gs.pattern))
    assert sorted(annotated) == on_disk
    assert gs.min_texts <= len(on_disk) <= gs.max_texts
    listing = (gs.texts / gs.listing).read_text(encoding="utf-8")
    for name in annotated:
        assert f"| {name} |" in listing, name


@each_set
def test_documents_carry_kind_licence_date_hash_and_claims(gs: GoldSet) -> None:
    for d in _gold(gs)["documents"]:
        assert d["kind"] in gs.kinds, d["file"]
        if gs.licence is None:
            assert d["licence"], d["file"]
        else:
            assert d["licence"] == gs.licence, d["file"]
        assert re.match(gs.date, d["date"]), d["file"]
        assert re.fullmatch(r"[0-9a-f]{64}", d["sha256"]), d["file"]
        assert d["claims"], f"{d['file']}: no claim annotated"


@pytest.mark.parametrize("gs", [s for s in SETS.values() if s.length], ids=lambda s: s.name)
def test_texts_are_of_the_set_length(gs: GoldSet) -> None:
    assert gs.length is not None
    low, high = gs.length
    for path in gs.texts.glob(gs.pattern):
        assert low <= len(path.read_text(encoding="utf-8")) <= high, path.name


@each_set
def test_spans_are_whole_sentences_found_once_inside_texts_with_matching_hashes(
    gs: GoldSet,
) -> None:
    for d in _gold(gs)["documents"]:
        path = gs.texts / d["file"]
        assert hashlib.sha256(path.read_bytes()).hexdigest() == d["sha256"], d["file"]
        text = path.read_text(encoding="utf-8")
        for c in d["claims"]:
            where = (d["file"], c["start"], c["end"])
            assert 0 <= c["start"] < c["end"] <= len(text), where
            span = text[c["start"] : c["end"]]
            assert span == span.strip(), where
            assert gs.whole(text, c["start"], c["end"]), where
            assert text.count(span) == 1, where
            if gs.ends is not None:
                assert span[-1] in gs.ends, where


@each_set
def test_gold_file_is_what_the_script_writes_byte_for_byte(gs: GoldSet) -> None:
    maker = _maker(gs)
    assert maker.gb.render(maker.build(gs.texts)) == gs.gold.read_text(encoding="utf-8")


@each_set
def test_the_script_refuses_a_sentence_found_zero_or_several_times(
    gs: GoldSet, tmp_path: Path
) -> None:
    maker = _maker(gs)
    docs = _gold(gs)["documents"]
    for d in docs:
        shutil.copy(gs.texts / d["file"], tmp_path / d["file"])
    first = tmp_path / docs[0]["file"]
    text = first.read_text(encoding="utf-8")
    c = docs[0]["claims"][0]
    span = text[c["start"] : c["end"]]
    first.write_text(text[: c["start"]] + text[c["end"] :], encoding="utf-8")
    with pytest.raises(SystemExit, match=f"{re.escape(first.name)}: sentence not found"):
        maker.build(tmp_path)
    first.write_text(text + "\n" + span + "\n", encoding="utf-8")
    with pytest.raises(SystemExit, match=f"{re.escape(first.name)}: sentence found more than"):
        maker.build(tmp_path)


def test_the_shared_builder_locates_a_sentence_found_exactly_once() -> None:
    gb = _maker(SETS["written_a"]).gb
    assert gb.locate("One. Two. One.", "Two.", "t") == (5, 9)
    with pytest.raises(SystemExit, match="t: sentence not found"):
        gb.locate("One. Two.", "Three.", "t")
    with pytest.raises(SystemExit, match="t: sentence found more than once"):
        gb.locate("One. Two. One.", "One.", "t")
    with pytest.raises(SystemExit, match="unknown stance"):
        gb.fields("UA", "ceasefire", "insist")


def test_written_set_b_holds_six_parliamentary_transcripts() -> None:
    kinds = Counter(d["kind"] for d in _gold(SETS["written_b"])["documents"])
    assert kinds["parliamentary transcript"] == 6


def test_held_out_set_b_is_marked_never_used_for_rules_and_has_several_kinds() -> None:
    gold = _gold(SETS["corpus_b"])
    assert "never used to change a rule" in gold["description"]
    kinds = Counter(d["kind"] for d in gold["documents"])
    assert len(kinds) >= 4, kinds
