"""Precision and recall of extracted (actor, issue, stance) claims against hand annotations.

A gold file lists documents by file name with the character span of each annotated sentence
in the file; an extracted claim matches a gold claim with the same actor, issue and stance whose
sentence overlaps its own by more than half the shorter of the two.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pourparler.errors import InputError
from pourparler.scenario import Scenario

if TYPE_CHECKING:
    from pourparler.evidence.readers.base import Extractor


@dataclass
class Score:
    true_positives: int = 0
    predicted: int = 0
    gold: int = 0
    gold_found: int = 0
    # Left out of the repr: a failing floor test on a held-out set then prints counts only,
    # never the held-out sentences it missed.
    misses: list[dict[str, Any]] = field(default_factory=list, repr=False)
    false_alarms: list[dict[str, Any]] = field(default_factory=list, repr=False)

    @property
    def precision(self) -> float:
        return self.true_positives / self.predicted if self.predicted else float("nan")

    @property
    def recall(self) -> float:
        return self.gold_found / self.gold if self.gold else float("nan")

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "predicted": self.predicted,
            "true_positives": self.true_positives,
            "gold": self.gold,
            "gold_found": self.gold_found,
            "misses": self.misses,
            "false_alarms": self.false_alarms,
        }


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    inter = min(a[1], b[1]) - max(a[0], b[0])
    return inter > 0.5 * min(a[1] - a[0], b[1] - b[0])


MAX_GOLD_BYTES = 64 << 20


def load_gold(path: str | Path) -> dict[str, Any]:
    """The gold annotations in the JSON file at ``path``: ``documents``, each with ``file``
    (a file under the articles folder) and ``claims`` (``start`` and ``end`` character offsets,
    ``actor``, ``issue``, ``stance``). Anything else is bad input naming the field."""
    from pourparler.files import UnreadableFile, read_regular_file

    p = Path(path)
    try:
        data = json.loads(read_regular_file(p, MAX_GOLD_BYTES).decode("utf-8"))
    except (UnreadableFile, ValueError, RecursionError) as exc:
        raise InputError(f"{p}: documents: not a gold annotation file ({exc})") from None
    docs = data.get("documents") if isinstance(data, dict) else None
    if not isinstance(docs, list):
        raise InputError(f"{p}: documents: not a gold annotation file (no list of documents)")
    for k, d in enumerate(docs):
        _check_gold_document(d, f"{p}: documents[{k}]")
    return dict(data)


def _check_gold_document(doc: object, where: str) -> None:
    if not isinstance(doc, dict):
        raise InputError(f"{where}: expected an object with file and claims, got {doc!r:.40}")
    name = doc.get("file")
    file = Path(name) if isinstance(name, str) else Path()
    if not file.parts or file.is_absolute() or ".." in file.parts:
        raise InputError(f"{where}.file: expected a file under --articles, got {name!r:.80}")
    claims = doc.get("claims")
    if not isinstance(claims, list):
        raise InputError(f"{where}.claims: expected a list of claims, got {claims!r:.40}")
    for j, c in enumerate(claims):
        if not isinstance(c, dict):
            raise InputError(f"{where}.claims[{j}]: expected an object, got {c!r:.40}")
        for key in ("start", "end"):
            v = c.get(key)
            if not isinstance(v, int) or isinstance(v, bool) or v < 0:
                raise InputError(
                    f"{where}.claims[{j}].{key}: expected a character offset, got {v!r:.40}"
                )
        for key in ("actor", "issue", "stance"):
            if not isinstance(c.get(key), str):
                raise InputError(
                    f"{where}.claims[{j}].{key}: expected text, got {c.get(key)!r:.40}"
                )


def _check_against(
    doc: dict[str, Any], raw: str, file: Path, scenario: Scenario, where: str
) -> None:
    """A gold document's annotations checked against its file and the scenario: the file's
    hash when the document records one, spans within the file's text, actors and issues of
    the scenario, known stances. A wrong one would only lower recall, unseen."""
    import hashlib

    from pourparler.evidence.vocabulary import STANCES

    want = doc.get("sha256")
    if want is not None and hashlib.sha256(file.read_bytes()).hexdigest() != want:
        raise InputError(f"{where}.sha256: {file} is not the annotated file (its hash differs)")
    actors = {a.id for a in scenario.actors}
    issues = {i.id for i in scenario.issues}
    for j, c in enumerate(doc["claims"]):
        at = f"{where}.claims[{j}]"
        if not c["start"] < c["end"] <= len(raw):
            raise InputError(
                f"{at}.end: span {c['start']}-{c['end']} not within the {len(raw)} characters "
                f"of {file.name}"
            )
        if c["actor"] not in actors:
            raise InputError(f"{at}.actor: {c['actor']!r:.40}: not an actor of {scenario.id}")
        if c["issue"] not in issues:
            raise InputError(f"{at}.issue: {c['issue']!r:.40}: not an issue of {scenario.id}")
        if c["stance"] not in STANCES:
            raise InputError(
                f"{at}.stance: {c['stance']!r:.40}: not a stance ({', '.join(STANCES)})"
            )


def score_gold(
    gold: dict[str, Any],
    articles: Path,
    scenario: Scenario,
    reader: Extractor | None = None,
    voices: Mapping[str, str] | None = None,
    source: str = "gold",
) -> Score:
    """Read each annotated article under ``articles`` with ``reader`` (default: the rules
    reader), in the voice ``voices`` gives its file (an actor id; none: found in the text),
    and compare its claims with ``gold``. An annotation that cannot be right for its file and
    ``scenario`` (see :func:`_check_against`) is bad input naming ``source`` (the gold file) and
    the field. A reader's failure on a document
    (:class:`~pourparler.evidence.readers.ReaderError`) propagates."""
    from pourparler.evidence.ingest import read_article
    from pourparler.evidence.readers.rules import RulesReader

    read_with = reader if reader is not None else RulesReader()
    s = Score()
    for k, doc in enumerate(gold["documents"]):
        article = read_article(articles / doc["file"])
        _check_against(
            doc, article.raw, articles / doc["file"], scenario, f"{source}: documents[{k}]"
        )
        predicted: dict[tuple[tuple[int, int], str, str, str], Any] = {}
        voice = (voices or {}).get(doc["file"])
        for c in read_with.read(article.clean.text, scenario, voice=voice).claims:
            span = article.clean.raw_span(c.start, c.end)
            predicted.setdefault((span, c.actor, c.issue, c.stance), c)
        golds = [
            ((g["start"], g["end"]), g["actor"], g["issue"], g["stance"]) for g in doc["claims"]
        ]
        s.predicted += len(predicted)
        s.gold += len(golds)
        for (span, actor, issue, stance), c in predicted.items():
            if any(_overlap(span, g[0]) and (actor, issue, stance) == g[1:] for g in golds):
                s.true_positives += 1
            else:
                s.false_alarms.append(
                    {
                        "file": doc["file"],
                        "start": span[0],
                        "end": span[1],
                        "actor": actor,
                        "issue": issue,
                        "stance": stance,
                        "cue": c.cue,
                    }
                )
        for g in golds:
            if any(_overlap(span, g[0]) and (a, i, st) == g[1:] for span, a, i, st in predicted):
                s.gold_found += 1
            else:
                s.misses.append(
                    {
                        "file": doc["file"],
                        "start": g[0][0],
                        "end": g[0][1],
                        "actor": g[1],
                        "issue": g[2],
                        "stance": g[3],
                    }
                )
    return s
