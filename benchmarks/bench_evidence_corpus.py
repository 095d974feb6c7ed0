"""Precision and recall of the claim reader on real texts it was not written on.

Run: .venv/bin/python benchmarks/bench_evidence_corpus.py [--corpus DIR] [--only SET]
                                   [--verbose [--text]] [--reader rules|llm]
                                   [--recorded DIR [--write-figures]] [--publisher-voice]

Scores whatever reader code is importable (run it with PYTHONPATH=OTHER/src to measure another
checkout) against hand annotations, each set overall and per kind of text:

* held out — 15 real texts of ../shared/evidence-corpus (tests/gold/evidence/corpus_heldout.json);
* held out B — real openly licensed texts in tests/data/evidence_corpus_b (corpus_heldout_b.json),
  annotated and committed before the reader first ran on them;
* tuning — the other 6 texts of ../shared/evidence-corpus (corpus_tuning.json), and real openly
  licensed texts in tests/data/evidence_real_tuning (real_tuning.json) and evidence_real_tuning_b
  to _e (real_tuning_b.json to _e.json);
* written — texts written for the tests in the forms of real ones, in tests/data/evidence_written
  (written_tuning_a.json to _d.json), also tuning material.

A claim counts as correct when actor, issue and stance match a gold claim
whose sentence overlaps it by more than half (pourparler.evidence.score). Also prints the median
time to read, clean and extract one article. --verbose lists the misses and false alarms of the
tuning sets only: the held-out sets' errors are not printed, so that rules can be widened without
looking at the texts they are measured on.

--reader llm scores the language-model reader instead (settings from POURPARLER_LLM_URL,
POURPARLER_LLM_MODEL and POURPARLER_LLM_KEY or the settings file, docs/evidence.md); its
answers are cached by document and model, so a second run scores the recorded answers.

--publisher-voice reads each text in the voice of its publisher (--voice), as an analyst who
follows a government's own feed would give it: the government whose outlet the set's SOURCES.md
names (PUBLISHERS: GOV.UK, the US State and Defense Departments, the White House, the European
Council, the EEAS, the Office of the President of Ukraine); Hansard, CRS reports and Wikipedia
are read without one.

--recorded DIR (implies --reader llm) scores the answers recorded in DIR: a folder of cached
answers with a model.json that names the model that gave them (benchmarks/recorded/llm/*). No
server is needed to score them again. With POURPARLER_LLM_URL set, answers missing from DIR are
asked of that server and added to DIR (how a recording is made: docs/evidence.md).
--write-figures stores each scored set's counts in DIR/model.json, where
tests/test_evidence_llm_recorded.py checks that a replay still gives them.
"""

from __future__ import annotations

import hashlib
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from pourparler.evidence.extract import extract_claims
from pourparler.evidence.ingest import read_article
from pourparler.evidence.readers import ReaderError, make_reader
from pourparler.evidence.score import Score, load_gold, score_gold
from pourparler.scenario import load_scenario

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "tests" / "gold" / "evidence"
SHARED = ROOT.parent / "shared" / "evidence-corpus"
DATA = ROOT / "tests" / "data"
# label, gold file, folder of its texts (None: the shared corpus), errors may be printed
SETS: tuple[tuple[str, Path, Path | None, bool], ...] = (
    ("held out", GOLD / "corpus_heldout.json", None, False),
    ("held out B", GOLD / "corpus_heldout_b.json", DATA / "evidence_corpus_b", False),
    ("tuning", GOLD / "corpus_tuning.json", None, True),
    ("real tuning", GOLD / "real_tuning.json", DATA / "evidence_real_tuning", True),
    *(
        (
            f"real tuning {x}",
            GOLD / f"real_tuning_{x}.json",
            DATA / f"evidence_real_tuning_{x}",
            True,
        )
        for x in "bcde"
    ),
    ("written a", GOLD / "written_tuning_a.json", DATA / "evidence_written", True),
    ("written b", GOLD / "written_tuning_b.json", DATA / "evidence_written", True),
    ("written c", GOLD / "written_tuning_c.json", DATA / "evidence_written", True),
    ("written d", GOLD / "written_tuning_d.json", DATA / "evidence_written", True),
)


# The government whose "we" a publisher's texts are, by a phrase of the outlet column of a set's
# SOURCES.md (a feed an analyst would follow with --voice); parliaments, the Congressional
# Research Service and encyclopedias speak for no one government and are left out.
PUBLISHERS: tuple[tuple[str, str], ...] = (
    ("GOV.UK", "UK"),
    ("10 Downing Street", "UK"),
    ("US Mission to the United Nations", "US"),
    ("U.S. Department of", "US"),
    ("The White House", "US"),
    ("European Council", "EU"),
    ("Council of the EU", "EU"),
    ("European External Action Service", "EU"),
    ("Office of the President of Ukraine", "UA"),
)


def publisher_voices(corpus: Path) -> dict[str, str]:
    """Each file's publisher's voice, from the outlet column of ``corpus/SOURCES.md``."""
    voices = {}
    sources = corpus / "SOURCES.md"
    lines = sources.read_text(encoding="utf-8").splitlines() if sources.is_file() else []
    for line in lines:
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 4 and cells[1].endswith(".txt"):
            found = [actor for phrase, actor in PUBLISHERS if phrase in cells[3]]
            if found:
                voices[cells[1]] = found[0]
    return voices


def _figures(s: Score) -> str:
    p = f"{s.precision:.2f}" if s.predicted else " -- "
    r = f"{s.recall:.2f}" if s.gold else " -- "
    return f"precision {p} ({s.true_positives}/{s.predicted})  recall {r} ({s.gold_found}/{s.gold})"


def _changed(gold: dict[str, Any], corpus: Path) -> list[str]:
    return [
        d["file"]
        for d in gold["documents"]
        if hashlib.sha256((corpus / d["file"]).read_bytes()).hexdigest() != d["sha256"]
    ]


def _time_per_article(files: list[Path], scenario: Any, repeats: int = 7) -> float:
    runs = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for f in files:
            extract_claims(read_article(f).clean.text, scenario)
        runs.append((time.perf_counter() - t0) / len(files))
    return statistics.median(runs)


def recorded_reader(folder: Path) -> Any:
    """The llm reader over the answers recorded in ``folder`` (its model.json names the model);
    a server is asked only when POURPARLER_LLM_URL is set, and its answers are added there."""
    import json
    import os

    from pourparler.evidence.readers.llm import LLMReader
    from pourparler.evidence.readers.llm_settings import LLMSettings

    try:
        meta = json.loads((folder / "model.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        sys.exit(f"{folder / 'model.json'}: cannot read the recording's model ({exc})")
    url = os.environ.get("POURPARLER_LLM_URL")  # set: record what is missing
    if url:
        settings = LLMSettings(url=url, model=meta["model"], cache_dir=folder)
    else:
        settings = LLMSettings.replay(folder, meta["model"])
    print(f"recorded answers: {folder} ({meta.get('file', meta['model'])})")
    return LLMReader(settings)


def _write_figures(folder: Path, label: str, s: Score) -> None:
    """Record the counts a set's recorded answers score in ``folder/model.json``."""
    import json

    meta_file = folder / "model.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    figures = meta.setdefault("figures", {})
    figures[label] = {
        "predicted": s.predicted,
        "true_positives": s.true_positives,
        "gold": s.gold,
        "gold_found": s.gold_found,
    }
    meta["figures"] = {k: figures[k] for k in sorted(figures)}
    meta_file.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def main(argv: list[str]) -> None:
    if {"-h", "--help"} & set(argv):
        print(__doc__)
        return
    known = {
        "--corpus",
        "--only",
        "--reader",
        "--verbose",
        "--text",
        "--recorded",
        "--write-figures",
        "--publisher-voice",
    }
    flags = [a for a in argv if a.startswith("-")]
    if unknown := [a for a in flags if a not in known]:
        sys.exit(f"bench_evidence_corpus: unknown option {unknown[0]} (see --help)")
    shared = SHARED
    if "--corpus" in argv:
        shared = Path(argv[argv.index("--corpus") + 1])
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    scenario = load_scenario("istanbul-2025")
    name = argv[argv.index("--reader") + 1] if "--reader" in argv else "rules"
    recorded = Path(argv[argv.index("--recorded") + 1]) if "--recorded" in argv else None
    if recorded is not None:
        name = "llm"
        reader = recorded_reader(recorded)
    else:
        reader = make_reader(name)
    print(f"reader: {reader.name}" + (f", model {reader.model}" if reader.model else ""))
    files: list[Path] = []
    for label, path, folder, printable in SETS:
        if only is not None and label != only:
            continue
        corpus = folder or shared
        if not path.is_file() or not corpus.is_dir():
            print(f"{label}: {path.name} or {corpus} not found; skipped")
            continue
        gold = load_gold(path)
        changed = _changed(gold, corpus)
        if changed:
            print(f"{label}: texts differ from the annotated ones ({', '.join(changed)}); skipped")
            continue
        voices = publisher_voices(corpus) if "--publisher-voice" in argv else None
        if voices is not None:
            given = sum(d["file"] in voices for d in gold["documents"])
            print(f"{label}: {given} of {len(gold['documents'])} texts in their publisher's voice")
        try:
            s = score_gold(gold, corpus, scenario, reader, voices)
        except ReaderError as exc:  # a server that failed, or an answer not recorded
            sys.exit(f"{label}: {exc}")
        n = len(gold["documents"])
        print(f"{label} set, {n} texts, {s.gold} gold claims: {_figures(s)}")
        if "--write-figures" in argv and recorded is not None:
            _write_figures(recorded, label, s)
        kinds = sorted({d["kind"] for d in gold["documents"]})
        for kind in kinds:
            docs = [d for d in gold["documents"] if d["kind"] == kind]
            k = score_gold({"documents": docs}, corpus, scenario, reader, voices)
            print(f"  {kind:26} {len(docs):2} texts  {_figures(k)}")
        files += [corpus / d["file"] for d in gold["documents"]]
        if "--verbose" in argv and printable:
            for what, rows in (("false alarm", s.false_alarms), ("miss", s.misses)):
                for r in rows:
                    print(
                        f"  {what:11} {r['file']} {r['start']}-{r['end']} "
                        f"{r['actor']} {r['issue']} {r['stance']}"
                    )
                    if "--text" in argv:
                        text = (corpus / r["file"]).read_text(encoding="utf-8")
                        print("      " + " ".join(text[r["start"] : r["end"]].split())[:400])
    if files and name == "rules":
        per = _time_per_article(files, scenario)
        print(f"median time to read, clean and extract one article: {per * 1000:.1f} ms")


if __name__ == "__main__":
    main(sys.argv[1:])
