"""Would a learned stance classifier add to the rules reader on text it was not trained on?

Run: .venv/bin/python benchmarks/bench_evidence_learned.py [--test SET]... [--l2 L]

An experiment, kept so that its figures can be had again; nothing of it is in the reader. For
every sentence of a text the rules reader reads, each (actor, issue) pair it could be about is a
candidate: an actor named in the sentence, the voice of the text ("we", "our", a government's
titles), the topic of the sentences before it (a pronoun), with an issue the sentence names.
A multinomial logistic regression (L2, scipy's L-BFGS; hashed words, word pairs, the words
between the actor and the issue, the stance cues found, the actor's and the issue's ids, how
the actor was found) labels each candidate with a stance or none. It is trained on the written
sets and the real tuning sets but one, and tested on that one: the candidates the rules left
alone that it labels with a stance, at several thresholds of its probability, and how many of
those match a hand annotation (actor, issue and stance, the sentence overlapping).

Only tuning and written sets are read: the held-out sets never are.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from scipy.optimize import minimize

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_evidence_corpus import SETS, SHARED
from pourparler.evidence.extract import Extractor
from pourparler.evidence.ingest import read_article
from pourparler.evidence.rules.cues import find_cues
from pourparler.evidence.score import _overlap, load_gold
from pourparler.scenario import Scenario, load_scenario

STANCES = ("none", "demand", "propose", "accept", "reject", "condition")
REAL = ("tuning", "real tuning", "real tuning b", "real tuning c", "real tuning d", "real tuning e")
WRITTEN = ("written a", "written b", "written c", "written d")
THRESHOLDS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)
DIMENSIONS = 1 << 18
_FIRST = re.compile(r"\b(?:we|our|us|i|my)\b", re.IGNORECASE)
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|it|its)\b", re.IGNORECASE)
_WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


class _Recording(Extractor):
    """The rules reader, keeping what it saw of each sentence."""

    def __init__(self, scenario: Scenario) -> None:
        super().__init__(scenario)
        self.seen: list[tuple[str, str | None, str | None, list, list, set]] = []

    def _sentence(self, sent, last_actor, last_issue, list_ctx, last_group=(), terms=None):  # type: ignore[no-untyped-def]
        r = super()._sentence(sent, last_actor, last_issue, list_ctx, last_group, terms)
        mentions = [(m.start, m.end, m.actor) for m in self.mentions(sent)]
        ruled = {(f.actor, f.issue) for f in r.found}
        self.seen.append((sent, self.voice, last_actor, mentions, self.issues.find(sent), ruled))
        return r


@dataclass
class Candidate:
    features: list[int]
    label: int
    ruled: bool


def _features(sent: str, actor: str, issue: str, seen: tuple) -> list[int]:
    _, voice, last_actor, mentions, issues, _ = seen
    low = sent.lower()
    words = _WORD.findall(low)
    own = [m for m in mentions if m[2] == actor]
    named = [i for i in issues if i[2] == issue]
    how = "named" if own else "voice" if actor == voice else "topic" if actor == last_actor else "-"
    out = [f"how={how}", f"issue={issue}", f"actor={actor}", f"how_issue={how}_{issue}", "bias"]
    out += [f"w={w}" for w in words] + [f"p={a}_{b}" for a, b in itertools.pairwise(words)]
    if own and named:
        a, i = own[0][:2], named[0][:2]
        left, right = sorted((a, i))
        out += ["order=" + ("ai" if a < i else "ia")]
        out += [f"between={w}" for w in _WORD.findall(low[left[1] : right[0]])]
    out += [f"cue={c.stance}" for c in find_cues(sent, [])]
    out += ["first"] if _FIRST.search(sent) else []
    return [zlib.crc32(f.encode()) % DIMENSIONS for f in out]


def sentences(label: str, scenario: Scenario) -> Iterator[tuple[tuple, list[dict], list[str]]]:
    """Each sentence of the set ``label`` (a tuning or written set) as the rules reader saw it,
    with the hand annotations on it and the actors it could be about: those it names, the
    text's voice, and the topic of the sentences before when it holds a pronoun."""
    _, gold_path, folder, printable = next(s for s in SETS if s[0] == label)
    assert printable, "a held-out set is never read here"
    for doc in load_gold(gold_path)["documents"]:
        article = read_article((folder or SHARED) / doc["file"])
        text = article.clean.text
        reader = _Recording(scenario)
        reader.claims(text)
        at = 0
        for seen in reader.seen:
            sent = seen[0]
            start = text.find(sent, at)
            at = max(at, start)
            span = article.clean.raw_span(start, start + len(sent))
            gold = [g for g in doc["claims"] if _overlap(span, (g["start"], g["end"]))]
            actors = {m[2] for m in seen[3]} | {a for a in (seen[1],) if a}
            if seen[2] and _PRONOUN.search(sent):
                actors.add(seen[2])
            yield seen, gold, sorted(actors)


def annotated(gold: list[dict], actor: str, issue: str) -> int:
    """The index in :data:`STANCES` of the annotated stance of ``actor`` on ``issue`` (0: none)."""
    stances = [g["stance"] for g in gold if (g["actor"], g["issue"]) == (actor, issue)]
    return STANCES.index(stances[0]) if stances else 0


def candidates(label: str, scenario: Scenario) -> list[Candidate]:
    """The candidates of every text of the set ``label`` (a tuning or written set)."""
    out = []
    for seen, gold, actors in sentences(label, scenario):
        for actor in actors:
            for issue in sorted({i[2] for i in seen[4]}):
                out.append(
                    Candidate(
                        _features(seen[0], actor, issue, seen),
                        annotated(gold, actor, issue),
                        (actor, issue) in seen[5],
                    )
                )
    return out


def _matrix(rows: list[Candidate]) -> sparse.csr_matrix:
    indices = [i for r in rows for i in r.features]
    pointers = np.cumsum([0, *(len(r.features) for r in rows)])
    m = sparse.csr_matrix((np.ones(len(indices)), indices, pointers), (len(rows), DIMENSIONS))
    m.sum_duplicates()
    m.data[:] = 1.0
    return m


def train(rows: list[Candidate], l2: float) -> np.ndarray:
    x, k = _matrix(rows), len(STANCES)
    y = np.zeros((len(rows), k))
    y[np.arange(len(rows)), [r.label for r in rows]] = 1.0

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        weights = w.reshape(DIMENSIONS, k)
        z = x @ weights
        z -= z.max(axis=1, keepdims=True)
        p = np.exp(z)
        p /= p.sum(axis=1, keepdims=True)
        value = -float(np.sum(y * np.log(p + 1e-12))) + 0.5 * l2 * float(np.sum(weights**2))
        return value, (x.T @ (p - y) + l2 * weights).ravel()

    fit = minimize(loss, np.zeros(DIMENSIONS * k), jac=True, method="L-BFGS-B")
    return np.asarray(fit.x).reshape(DIMENSIONS, k)


def added_above(tested: list, p: np.ndarray, threshold: float) -> tuple[list, int, str]:
    """The candidates the rules left alone that the model labels with a stance above
    ``threshold`` (each with that stance), how many match the annotation, and that share."""
    added = [
        (r, int(np.argmax(q[1:])) + 1)
        for r, q in zip(tested, p, strict=True)
        if not r.ruled and q[1:].max() > threshold
    ]
    right = sum(r.label == stance for r, stance in added)
    return added, right, f"{right / len(added):.2f}" if added else " -- "


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--test", action="append", choices=REAL[1:], help="(repeatable)")
    parser.add_argument("--l2", type=float, default=1.0)
    args = parser.parse_args()
    scenario = load_scenario("istanbul-2025")
    rows = {label: candidates(label, scenario) for label in (*WRITTEN, *REAL)}
    for test in args.test or ["real tuning b", "real tuning c", "real tuning e"]:
        training = [r for label, rs in rows.items() if label != test for r in rs]
        weights = train(training, args.l2)
        tested = rows[test]
        z = _matrix(tested) @ weights
        p = np.exp(z - z.max(axis=1, keepdims=True))
        p /= p.sum(axis=1, keepdims=True)
        print(f"{test}: {len(tested)} candidates, {sum(r.label > 0 for r in tested)} annotated")
        for threshold in THRESHOLDS:
            added, right, share = added_above(tested, p, threshold)
            print(
                f"  above {threshold:.1f}: {len(added):3d} added to the rules, "
                f"{right:3d} right ({share})"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
