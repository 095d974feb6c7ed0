"""The scenario's battlefield and talks sections, and the provisions an option provides."""

from __future__ import annotations

from typing import Any

import pytest

from pourparler.scenario import Scenario
from pourparler.scenario.errors import ScenarioError
from pourparler.scenario.model import PROVISIONS, Provision
from scenario_samples import base


def with_battlefield(**changes: Any) -> dict[str, Any]:
    doc = base()
    doc["battlefield"] = {
        "side_a": "RU",
        "side_b": "UA",
        "steps": 10,
        "start": 6,
        "p": 0.55,
        "p_sd": 0.05,
        "cost_a": 0.02,
        "cost_b": 0.03,
        "territory": [{"issue": "nato", "at_low": 0, "at_high": 100}],
        "cites": [{"source": "s1", "note": "front"}],
        **changes,
    }
    return doc


def messages(doc: dict[str, Any]) -> str:
    with pytest.raises(ScenarioError) as err:
        Scenario.model_validate(doc)
    return str(err.value)


def test_a_valid_battlefield_loads_with_its_defaults() -> None:
    sc = Scenario.model_validate(with_battlefield())
    assert sc.battlefield is not None
    assert (sc.battlefield.side_a, sc.battlefield.steps, sc.battlefield.start) == ("RU", 10, 6)
    assert sc.battlefield.discount == 0.99 and sc.battlefield.belief_strength == 12.0
    assert sc.talks.sequencing == "together" and sc.talks.ceasefire_cost_factor == 0.25


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"side_b": "XX"}, "unknown actor 'XX'"),
        ({"side_b": "RU"}, "two sides fight"),
        ({"start": 10}, "strictly between 0 and steps"),
        ({"p_sd": 0.499, "p": 0.9}, "too large for p"),
        (  # p as written, not rounded to "1" (which the format refuses)
            {"p_sd": 0.05, "p": 0.9999999999999999},
            "p_sd 0.05 is too large for p 0.9999999999999999",
        ),
        ({"territory": [{"issue": "nope", "at_low": 0, "at_high": 1}]}, "unknown issue 'nope'"),
        (
            {"territory": [{"issue": "nato", "at_low": 0, "at_high": 1}] * 2},
            "linked to the front twice",
        ),
    ],
)
def test_cross_field_problems_are_named(changes: dict[str, Any], expected: str) -> None:
    assert expected in messages(with_battlefield(**changes))


@pytest.mark.parametrize("field,value", [("p", 1.0), ("p", 0.0), ("steps", 1), ("discount", 1.0)])
def test_out_of_range_values_are_refused(field: str, value: float) -> None:
    with pytest.raises(ValueError):
        Scenario.model_validate(with_battlefield(**{field: value}))


def test_battlefield_citations_must_name_known_sources() -> None:
    assert "cites unknown source 'zz'" in messages(
        with_battlefield(cites=[{"source": "zz", "note": "x"}])
    )


def test_provisions_are_the_ucdp_codes() -> None:
    assert set(Provision.__args__) == set(PROVISIONS)  # type: ignore[attr-defined]
    doc = base()
    doc["issues"][0]["options"][1]["provides"] = ["pko", "third_party"]
    sc = Scenario.model_validate(doc)
    assert sc.issues[0].options[1].provides == ["pko", "third_party"]
    doc["issues"][0]["options"][1]["provides"] = ["peacekeepers"]
    with pytest.raises(ValueError, match="pko"):
        Scenario.model_validate(doc)


def test_unused_new_sections_leave_the_digest_unchanged() -> None:
    plain = Scenario.model_validate(base())
    explicit = base()
    explicit["talks"] = {}
    explicit["issues"][0]["options"][0]["provides"] = []
    assert Scenario.model_validate(explicit).digest() == plain.digest()
    assert Scenario.model_validate(with_battlefield()).digest() != plain.digest()
    changed = base()
    changed["talks"] = {"sequencing": "ceasefire-first"}
    assert Scenario.model_validate(changed).digest() != plain.digest()
