"""Shared machinery of the scripts that regenerate the evidence gold files
(docs/evidence-annotation.md): locate an annotated sentence, build a claim and a document, and
write the gold JSON. Each ``make_*.py`` script keeps its own texts, sentences and annotations.

A sentence is located with ``str.find`` and refused when found zero or several times, so offsets
are never typed by hand. Offsets are character offsets in the file decoded as UTF-8.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SCHEME = "pourparler evidence gold v1"
STANCES = ("demand", "propose", "accept", "reject", "condition")

# kinds of text
OFFICIAL = "official statement"
HANSARD = "parliamentary transcript"
PRESS = "press remarks transcript"
REPORT = "analysis/report"
READOUT = "joint statement/readout"
# licences of real texts
OGL = "Open Government Licence v3.0"
OPL = "Open Parliament Licence v3.0"
USPD = "US federal government work, public domain"
EUR = "(c) European Union, reuse authorised with acknowledgement of the source"

# (sentence, actor, issue, stance, position, speaker, note)
Row = tuple[str, str, str, str, int | None, str | None, str | None]


def locate(text: str, sentence: str, name: str) -> tuple[int, int]:
    """The span of the one occurrence of ``sentence`` in ``text``; refuse none or several."""
    start = text.find(sentence)
    if start < 0:
        raise SystemExit(f"{name}: sentence not found: {sentence[:60]!r}")
    if text.find(sentence, start + 1) >= 0:
        raise SystemExit(f"{name}: sentence found more than once: {sentence[:60]!r}")
    return start, start + len(sentence)


def fields(
    actor: str,
    issue: str,
    stance: str,
    position: int | None = None,
    speaker: str | None = None,
    note: str | None = None,
    *,
    name: str = "",
) -> dict[str, Any]:
    """A claim's annotation fields in the gold file's order; empty optional fields left out."""
    if stance not in STANCES:
        raise SystemExit(f"{name}: unknown stance {stance!r}")
    out: dict[str, Any] = {"actor": actor, "issue": issue, "stance": stance}
    if position is not None:
        out["position"] = position
    if speaker is not None:
        out["speaker"] = speaker
    if note:
        out["note"] = note
    return out


def placed(text: str, name: str, sentence: str, annotation: dict[str, Any]) -> dict[str, Any]:
    """A claim: the span of ``sentence`` in ``text`` followed by its annotation fields."""
    start, end = locate(text, sentence, name)
    return {"start": start, "end": end, **annotation}


def claim(text: str, name: str, row: Sequence[Any]) -> dict[str, Any]:
    """A claim from a row ``(sentence, actor, issue, stance, position, speaker, note)``."""
    sentence, actor, issue, stance, position, speaker, note = row
    return placed(
        text, name, sentence, fields(actor, issue, stance, position, speaker, note, name=name)
    )


def read(path: Path) -> tuple[str, str]:
    """The text of ``path`` decoded as UTF-8 and the sha256 of its bytes."""
    raw = path.read_bytes()
    return raw.decode("utf-8"), hashlib.sha256(raw).hexdigest()


def document(
    name: str,
    sha256: str,
    kind: str,
    licence: str,
    date: str,
    claims: list[dict[str, Any]],
    **extras: str | None,
) -> dict[str, Any]:
    """One document entry; extras (such as ``date_note``) are written only when set."""
    doc: dict[str, Any] = {
        "file": name,
        "sha256": sha256,
        "kind": kind,
        "licence": licence,
        "date": date,
    }
    doc.update({key: value for key, value in extras.items() if value})
    doc["claims"] = claims
    return doc


def gold(description: str, split: str, documents: list[dict[str, Any]]) -> dict[str, Any]:
    """The whole gold file's content."""
    return {
        "scheme": SCHEME,
        "description": description,
        "split": split,
        "stances": list(STANCES),
        "documents": documents,
    }


def build_documents(
    texts: Path,
    docs: dict[str, tuple[str, str, str, str | None]],
    rows: dict[str, list[Any]],
    description: str,
    split: str,
) -> dict[str, Any]:
    """The gold file of a set of real texts in ``texts``: ``docs`` gives each file's kind,
    licence, date and date note, ``rows`` its annotated claims (see :func:`claim`)."""
    documents = []
    for name, (kind, licence, date, date_note) in docs.items():
        text, digest = read(texts / name)
        claims = [claim(text, name, row) for row in rows[name]]
        documents.append(document(name, digest, kind, licence, date, claims, date_note=date_note))
    return gold(description, split, documents)


def render(content: dict[str, Any]) -> str:
    """The gold file's text: JSON indented by one space, non-ASCII characters kept."""
    return json.dumps(content, indent=1, ensure_ascii=False) + "\n"


def write(path: Path, content: dict[str, Any]) -> None:
    """Write the gold file and say how many texts and claims it holds."""
    path.write_text(render(content), encoding="utf-8")
    n = sum(len(d["claims"]) for d in content["documents"])
    print(f"{path.name}: {len(content['documents'])} texts, {n} claims")
