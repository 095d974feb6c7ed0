"""Regenerate heldout_gold.json: hand annotations of heldout_article.md, heldout_page.html,
heldout_analysis.txt, heldout_wire.txt and heldout_explainer.txt, written for this project and
each annotated before the extractor was run on it. Each row names the sentence by its opening
words; the script turns that into the sentence's character offsets in the file.

Run: .venv/bin/python tests/gold/evidence/make_heldout_gold.py
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROWS: dict[str, list[tuple[str, str, str, str]]] = {}
ROWS["heldout_article.md"] = [
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
ROWS["heldout_page.html"] = [
    ("Moscow again demanded", "RU", "army_limits", "demand"),
    ("The Ukrainian side", "UA", "army_limits", "reject"),
    ("Peskov told journalists", "RU", "ceasefire", "condition"),
    ("Peskov told journalists", "RU", "mobilisation", "demand"),
    ("Umerov said", "UA", "withdrawal", "accept"),
    ("Russia has so far ruled out", "RU", "withdrawal", "reject"),
    ("Witkoff is pushing", "US", "prisoners", "demand"),
    ("Kallas said", "EU", "sanctions", "reject"),
    ("Kallas said", "EU", "withdrawal", "demand"),
]
ROWS["heldout_analysis.txt"] = [
    ("Ukraine wants a full ceasefire", "UA", "ceasefire", "demand"),
    ("Its negotiators have rejected", "UA", "ceasefire", "reject"),
    ("Its negotiators have rejected", "RU", "ceasefire", "propose"),
    ("Russia, for its part", "RU", "nato", "demand"),
    ("Lavrov repeated", "RU", "nato", "reject"),
    ("Lavrov repeated", "RU", "military_aid", "demand"),
    ("Lavrov repeated", "RU", "ceasefire", "condition"),
    ("According to two officials", "US", "guarantees", "accept"),
    ("According to two officials", "US", "foreign_troops", "reject"),
    ("The EU insists", "EU", "sanctions", "demand"),
    ("Erdogan offered Istanbul", "TR", "ceasefire", "propose"),
    ("Kyiv is unlikely", "UA", "army_limits", "reject"),
    ('"We will not disarm', "UA", "army_limits", "reject"),
]
ROWS["heldout_wire.txt"] = [
    ("The two sides agreed", "RU", "prisoners", "accept"),
    ("The two sides agreed", "UA", "prisoners", "accept"),
    ("Medinsky said Russia", "RU", "prisoners", "propose"),
    ("Kyiv arrived with", "UA", "ceasefire", "demand"),
    ("Moscow again turned", "RU", "ceasefire", "reject"),
    ("Instead, Medinsky told", "RU", "ceasefire", "propose"),
    ("According to the Russian memorandum", "RU", "ceasefire", "condition"),
    ("According to the Russian memorandum", "RU", "withdrawal", "demand"),
    ("Failing that, Moscow", "RU", "ceasefire", "condition"),
    ("Failing that, Moscow", "RU", "military_aid", "demand"),
    ("Failing that, Moscow", "RU", "mobilisation", "demand"),
    ("The document also seeks", "RU", "recognition", "demand"),
    ("The document also seeks", "RU", "nato", "demand"),
    ("The document also seeks", "RU", "army_limits", "demand"),
    ("It wants all Western", "RU", "sanctions", "demand"),
    ('"This is not a peace plan', "UA", "recognition", "reject"),
    ("Ukraine's own memorandum", "UA", "nato", "reject"),
    ("Ukraine's own memorandum", "UA", "army_limits", "reject"),
    ("Ukraine's own memorandum", "UA", "withdrawal", "propose"),
    ("Peskov has said", "RU", "eu_membership", "accept"),
    ("Speaking in Moscow", "RU", "nato", "reject"),
    ("Speaking in Moscow", "RU", "nato_russia", "demand"),
    ("Zelensky, on a visit", "UA", "guarantees", "demand"),
    ("In Washington, Secretary", "US", "ceasefire", "demand"),
    ("In Washington, Secretary", "US", "sanctions", "accept"),
    ("US special envoy Steve Witkoff", "US", "prisoners", "demand"),
    ("In Brussels, EU foreign", "EU", "sanctions", "reject"),
    ("In Brussels, EU foreign", "EU", "withdrawal", "demand"),
    ("Starmer and Macron", "UK", "foreign_troops", "propose"),
    ("Starmer and Macron", "FR", "foreign_troops", "propose"),
    ("German Chancellor Friedrich Merz", "DE", "ceasefire", "demand"),
    ("German Chancellor Friedrich Merz", "DE", "foreign_troops", "reject"),
    ("Moscow has made clear", "RU", "foreign_troops", "reject"),
    ("Fidan urged", "TR", "prisoners", "demand"),
    ("Fidan urged", "TR", "ceasefire", "demand"),
]
ROWS["heldout_explainer.txt"] = [
    ("At that session the delegations", "RU", "prisoners", "accept"),
    ("At that session the delegations", "UA", "prisoners", "accept"),
    ("At that session the delegations", "RU", "prisoners", "propose"),
    ("Moscow's 31-point text", "RU", "withdrawal", "demand"),
    ("Moscow's 31-point text", "RU", "recognition", "demand"),
    ("It would also bind Ukraine", "RU", "nato", "demand"),
    ("It would also bind Ukraine", "RU", "army_limits", "demand"),
    ("It would also bind Ukraine", "RU", "foreign_troops", "reject"),
    ("Only if Ukraine leaves", "RU", "ceasefire", "condition"),
    ("Only if Ukraine leaves", "RU", "withdrawal", "demand"),
    ("Only if Ukraine leaves", "RU", "military_aid", "demand"),
    ("Only if Ukraine leaves", "RU", "mobilisation", "demand"),
    ("The same paper wants", "RU", "sanctions", "demand"),
    ("Ukraine's memorandum calls", "UA", "ceasefire", "demand"),
    ("Ukraine's memorandum calls", "UA", "prisoners", "demand"),
    ("Kyiv will accept no obligation", "UA", "nato", "reject"),
    ("Kyiv will accept no obligation", "UA", "army_limits", "reject"),
    ("Kyiv will accept no obligation", "UA", "recognition", "reject"),
    ("Kyiv will accept no obligation", "UA", "withdrawal", "propose"),
    ('"What we were handed', "UA", "guarantees", "demand"),
    ("Zelensky, for his part", "UA", "ceasefire", "accept"),
    ("Zelensky, for his part", "US", "ceasefire", "propose"),
    ("Zelensky, for his part", "RU", "ceasefire", "reject"),
    ("The Kremlin, instead", "RU", "ceasefire", "propose"),
    ("Peskov has warned", "RU", "nato_russia", "demand"),
    ("Moscow has never objected", "RU", "eu_membership", "accept"),
    ("Marco Rubio, the secretary", "US", "ceasefire", "demand"),
    ("Marco Rubio, the secretary", "US", "sanctions", "accept"),
    ("Marco Rubio, the secretary", "US", "prisoners", "demand"),
    ("The framework that Steve Witkoff", "US", "nato", "propose"),
    ("The framework that Steve Witkoff", "US", "recognition", "propose"),
    ("The framework that Steve Witkoff", "US", "eu_membership", "accept"),
    ("According to officials in London", "UK", "foreign_troops", "propose"),
    ("According to officials in London", "FR", "foreign_troops", "propose"),
    ("Starmer, however, says", "UK", "foreign_troops", "condition"),
    ("Starmer, however, says", "UK", "guarantees", "demand"),
    ("Starmer, however, says", "FR", "foreign_troops", "condition"),
    ("Starmer, however, says", "FR", "guarantees", "demand"),
    ("The Trump administration has so far", "US", "guarantees", "reject"),
    ("Merz, who travelled", "DE", "ceasefire", "demand"),
    ("Merz, who travelled", "FR", "ceasefire", "demand"),
    ("Merz, who travelled", "UK", "ceasefire", "demand"),
    ("In Brussels, Kallas argues", "EU", "sanctions", "reject"),
    ("In Brussels, Kallas argues", "EU", "sanctions", "propose"),
    ("Mark Rutte wants", "NATO", "military_aid", "demand"),
    ("Erdogan, whose country", "TR", "ceasefire", "propose"),
    ("Erdogan, whose country", "TR", "prisoners", "demand"),
]


def main() -> None:
    documents = []
    for name, rows in ROWS.items():
        path = HERE / name
        text = path.read_text(encoding="utf-8")
        claims = []
        for opening, actor, issue, stance in rows:
            start = text.index(opening)
            end = re.compile(r"[.!?](?=\s|<|$)").search(text, start).end()
            claims.append(
                {"start": start, "end": end, "actor": actor, "issue": issue, "stance": stance}
            )
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        documents.append({"file": name, "sha256": digest, "claims": claims})
    gold = {
        "scheme": "pourparler evidence gold v1",
        "description": "Held-out check: articles written for the tests, annotated by hand "
        "before the extractor saw them. Offsets are character offsets in the file.",
        "documents": documents,
    }
    (HERE / "heldout_gold.json").write_text(json.dumps(gold, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
