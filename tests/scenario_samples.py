"""A small valid scenario document used by the validation and round-trip tests."""

from __future__ import annotations

import copy
from typing import Any

BASE: dict[str, Any] = {
    "id": "mini",
    "title": "Two sides and a mediator",
    "date": "2025-06-02",
    "sources": [
        {"id": "s1", "title": "Report one", "outlet": "Outlet", "date": "2025-05-16"},
        {"id": "s2", "title": "Report two", "confidence": 0.4},
    ],
    "actors": [
        {
            "id": "RU",
            "name": "Russia",
            "aliases": ["Kremlin"],
            "kind": "belligerent",
            "capability": 0.9,
            "veto": True,
            "no_deal": {"utility": 0.4, "trend": 0.01, "cites": [{"source": "s1", "note": "n"}]},
        },
        {"id": "UA", "name": "Ukraine", "kind": "belligerent", "capability": 0.6, "veto": True},
        {"id": "TR", "name": "Turkey", "kind": "mediator", "capability": 0.2},
    ],
    "issues": [
        {
            "id": "nato",
            "name": "NATO membership",
            "track": "security",
            "status_quo": 40,
            "options": [
                {"value": 0, "label": "membership"},
                {"value": 50, "label": "no membership, guarantees"},
                {"value": 100, "label": "neutrality"},
            ],
            "cites": [{"source": "s2", "note": "scale"}],
        },
        {
            "id": "pows",
            "name": "Prisoner exchanges",
            "track": "humanitarian",
            "status_quo": 30,
            "options": [{"value": 0, "label": "none"}, {"value": 100, "label": "all for all"}],
        },
    ],
    "stances": [
        {
            "actor": "RU",
            "issue": "nato",
            "position": 100,
            "salience": 0.9,
            "red_line": [80, 100],
            "uncertainty": {"position": 5, "salience": 0.05},
            "cites": [{"source": "s1", "note": "demands neutrality"}],
        },
        {"actor": "UA", "issue": "nato", "position": 10, "salience": 0.8, "uncertainty": 10},
        {"actor": "TR", "issue": "nato", "position": 60, "salience": 0.2},
        {"actor": "RU", "issue": "pows", "position": 60, "salience": 0.3},
        {
            "actor": "UA",
            "issue": "pows",
            "position": 100,
            "salience": 0.7,
            "option_utilities": {0: 0.0, 100: 1.0},
        },
    ],
}


def base() -> dict[str, Any]:
    """A fresh deep copy of the valid document."""
    return copy.deepcopy(BASE)
