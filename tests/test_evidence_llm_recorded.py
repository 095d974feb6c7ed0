"""Answers recorded from real language models (``benchmarks/recorded/llm/*``), replayed with no
server: the figures each recording's ``model.json`` states must still come out, so a change to
the llm reader's checks (schema, quote matching, names of actors and issues) or to the scorer
that changes what a real model's answers are worth fails here. A set whose texts are absent
(``../shared`` for the first held-out set) is skipped."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("httpx")

from pourparler.evidence.readers.llm import LLMReader
from pourparler.evidence.readers.llm_prompt import PROMPT_VERSION
from pourparler.evidence.readers.llm_settings import LLMSettings
from pourparler.evidence.score import load_gold, score_gold
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "benchmarks" / "recorded" / "llm"
GOLD = ROOT / "tests" / "gold" / "evidence"
DATA = ROOT / "tests" / "data"
SHARED = ROOT.parent / "shared" / "evidence-corpus"

# label in model.json -> gold file, folder of its texts
SETS: dict[str, tuple[Path, Path]] = {
    "held out": (GOLD / "corpus_heldout.json", SHARED),
    "held out B": (GOLD / "corpus_heldout_b.json", DATA / "evidence_corpus_b"),
    "tuning": (GOLD / "corpus_tuning.json", SHARED),
    "real tuning": (GOLD / "real_tuning.json", DATA / "evidence_real_tuning"),
    **{
        f"real tuning {x}": (GOLD / f"real_tuning_{x}.json", DATA / f"evidence_real_tuning_{x}")
        for x in "bcde"
    },
}


def _recorded() -> list[tuple[Path, str, dict[str, int]]]:
    cases = []
    for meta in sorted(RECORDED.glob("*/model.json")):
        for label, figures in json.loads(meta.read_text(encoding="utf-8"))["figures"].items():
            cases.append((meta.parent, label, figures))
    return cases


def _id(case: Any) -> str:
    return f"{case[0].name}:{case[1]}" if isinstance(case, tuple) else str(case)


def test_every_recording_names_its_model_and_figures() -> None:
    metas = sorted(RECORDED.glob("*/model.json"))
    assert metas, "no recording"
    for meta in metas:
        data = json.loads(meta.read_text(encoding="utf-8"))
        assert data["model"] and data["file"] and data["server"] and data["figures"]
        assert set(data["figures"]) <= set(SETS)


@pytest.mark.parametrize("case", _recorded(), ids=_id)
def test_a_recording_scores_what_its_model_json_says(case: tuple[Path, str, dict[str, int]]):
    folder, label, figures = case
    gold_file, texts = SETS[label]
    if not texts.is_dir():
        pytest.skip(f"{texts} is absent")
    meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    if meta["prompt_version"] != PROMPT_VERSION:  # its answers are cached under the old prompt
        pytest.skip(
            f"{folder.name} was recorded with prompt {meta['prompt_version']}; record again"
        )
    settings = LLMSettings.replay(folder, meta["model"])
    s = score_gold(load_gold(gold_file), texts, load_scenario("istanbul-2025"), LLMReader(settings))
    got = {
        "predicted": s.predicted,
        "true_positives": s.true_positives,
        "gold": s.gold,
        "gold_found": s.gold_found,
    }
    assert got == figures
