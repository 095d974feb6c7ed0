"""Small scenarios with a battlefield for the simulation tests, built in Python."""

from __future__ import annotations

import copy
from collections.abc import Collection
from typing import Any

import numpy as np

from pourparler.scenario import Scenario

DOC: dict[str, Any] = {
    "id": "front",
    "title": "Two belligerents, a mediator and an absent guarantor",
    "actors": [
        {
            "id": "A",
            "name": "Side A",
            "kind": "belligerent",
            "capability": 1.0,
            "veto": True,
            "no_deal": {"utility": 0.3, "optimism": 0.5},
        },
        {
            "id": "B",
            "name": "Side B",
            "kind": "belligerent",
            "capability": 0.8,
            "veto": True,
            "no_deal": {"utility": 0.3, "optimism": 0.5},
        },
        {"id": "M", "name": "Mediator", "kind": "mediator", "capability": 0.3},
        {
            "id": "G",
            "name": "Guarantor",
            "kind": "guarantor",
            "capability": 0.4,
            "veto": True,
            "at_table": False,
            "no_deal": {"utility": 0.2},
        },
    ],
    "issues": [
        {
            "id": "truce",
            "name": "Ceasefire line",
            "track": "ceasefire",
            "status_quo": 0,
            "options": [
                {"value": 0, "label": "no truce"},
                {"value": 50, "label": "monitored line", "provides": ["co_impl"]},
                {"value": 100, "label": "line with peacekeepers", "provides": ["pko"]},
            ],
        },
        {
            "id": "territory",
            "name": "Territory",
            "track": "settlement",
            "status_quo": 50,
            "options": [
                {"value": 0, "label": "all to B"},
                {"value": 50, "label": "split"},
                {"value": 100, "label": "all to A", "provides": ["terr_prov"]},
            ],
        },
        {
            "id": "guarantees",
            "name": "Guarantees",
            "track": "security",
            "status_quo": 0,
            "options": [
                {"value": 0, "label": "none"},
                {"value": 50, "label": "consultations"},
                {"value": 100, "label": "guarantor force", "provides": ["third_party"]},
            ],
        },
    ],
    "stances": [
        {"actor": "A", "issue": "truce", "position": 60, "salience": 0.3},
        {"actor": "B", "issue": "truce", "position": 80, "salience": 0.3},
        {"actor": "A", "issue": "territory", "position": 100, "salience": 0.8},
        {"actor": "B", "issue": "territory", "position": 0, "salience": 0.8},
        {"actor": "A", "issue": "guarantees", "position": 20, "salience": 0.4},
        {"actor": "B", "issue": "guarantees", "position": 100, "salience": 0.6},
        {"actor": "M", "issue": "territory", "position": 50, "salience": 0.5},
        {"actor": "G", "issue": "guarantees", "position": 60, "salience": 0.5},
        {"actor": "G", "issue": "truce", "position": 50, "salience": 0.1},
        {"actor": "G", "issue": "territory", "position": 50, "salience": 0.2},
    ],
    "battlefield": {
        "side_a": "A",
        "side_b": "B",
        "steps": 8,
        "start": 4,
        "p": 0.5,
        "p_sd": 0.05,
        "discount": 0.97,
        "cost_a": 0.02,
        "cost_b": 0.02,
        "belief_strength": 10,
        "territory": [{"issue": "territory", "at_low": 0, "at_high": 100}],
    },
    "talks": {"sequencing": "together", "ceasefire_cost_factor": 0.25, "spoiler_scale": 1.0},
}


def doc() -> dict[str, Any]:
    """A fresh deep copy of the document."""
    return copy.deepcopy(DOC)


def scenario(**changes: Any) -> Scenario:
    """The scenario, with top-level sections replaced or updated by ``changes`` (a dict value
    updates the section of that name, anything else replaces it)."""
    data = doc()
    for key, value in changes.items():
        if isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key].update(value)
        else:
            data[key] = value
    return Scenario.model_validate(data)


def set_no_deal(data: dict[str, Any], actor: str, **values: Any) -> None:
    for a in data["actors"]:
        if a["id"] == actor:
            a.setdefault("no_deal", {}).update(values)


def constant_hazard(rate: float) -> Any:
    """A hazard function of the durability model's signature giving ``rate`` every month."""

    def hazard(provisions: Collection[str], months: int, override: Any = None) -> np.ndarray:
        return np.full(months, rate)

    return hazard
