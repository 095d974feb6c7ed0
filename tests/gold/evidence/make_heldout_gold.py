"""Regenerate heldout_gold.json: hand annotations of heldout_article.md (written for this
project, annotated before the extractor was run on it). Each row names the sentence by its
opening words; the script turns that into the sentence's character offsets in the file.

Run: .venv/bin/python tests/gold/evidence/make_heldout_gold.py
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLE = HERE / "heldout_article.md"

ROWS = [
    ("The Ukrainian delegation proposed", "UA", "ceasefire", "propose"),
    ("Russian officials dismissed", "RU", "ceasefire", "reject"),
    ("Foreign Minister Lavrov said", "RU", "ceasefire", "reject"),
    ("He added that Russia", "RU", "ceasefire", "condition"),
    ("He added that Russia", "RU", "military_aid", "demand"),
    ("Zelensky told reporters", "UA", "recognition", "reject"),
    ("Kyiv also insists", "UA", "guarantees", "demand"),
    ("According to diplomats", "US", "sanctions", "propose"),
    ("The European Union opposes", "EU", "sanctions", "reject"),
    ("Turkey has offered", "TR", "foreign_troops", "propose"),
    ("Turkey has offered", "TR", "prisoners", "demand"),
    ("Britain and France are ready", "UK", "foreign_troops", "propose"),
    ("Britain and France are ready", "FR", "foreign_troops", "propose"),
    ("Germany has not agreed", "DE", "foreign_troops", "reject"),
]


def main() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    claims = []
    for opening, actor, issue, stance in ROWS:
        start = text.index(opening)
        end = re.compile(r"[.!?](?=\s|$)").search(text, start).end()
        claims.append({"start": start, "end": end, "actor": actor, "issue": issue,
                       "stance": stance})
    gold = {
        "scheme": "pourparler evidence gold v1",
        "description": "Held-out check: an article written for the tests, annotated by hand "
        "before the extractor saw it. Offsets as in seeds.json.",
        "documents": [{"file": ARTICLE.name,
                       "sha256": hashlib.sha256(ARTICLE.read_bytes()).hexdigest(),
                       "claims": claims}],
    }
    (HERE / "heldout_gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
