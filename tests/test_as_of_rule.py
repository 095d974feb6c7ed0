"""The as-of rule: a scenario is as of its date, so a source dated after it is reported.

While sources cannot carry a ``hindsight`` note (no such field on the source model) the finding is a
warning; once they can, an unmarked late source is an error that stops the scenario loading and a
marked one passes.
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any, cast

import pytest

import pourparler.scenario.checks as checks
from pourparler.scenario import Scenario
from pourparler.scenario.errors import ScenarioError
from scenario_samples import base


def _doc(scenario_date: str | None, source_date: str | None) -> dict[str, Any]:
    doc = base()
    doc["date"] = scenario_date
    doc["sources"][0]["date"] = source_date
    return doc


def _fake(scenario_date: dt.date | None, *sources: SimpleNamespace) -> Scenario:
    return cast(Scenario, SimpleNamespace(date=scenario_date, sources=list(sources)))


def test_a_source_after_the_date_is_reported_with_its_place_and_dates() -> None:
    sc = Scenario.model_validate(_doc("2025-06-02", "2025-11-21"))
    found = checks.sources_after_date(sc)
    assert len(found) == 1
    assert found[0].loc == ("sources", 0, "date")
    assert "'s1'" in found[0].message
    assert "2025-11-21" in found[0].message and "2025-06-02" in found[0].message


@pytest.mark.parametrize(
    ("scenario_date", "source_date"),
    [
        ("2025-06-02", "2025-06-02"),
        ("2025-06-02", "2025-05-16"),
        ("2025-06-02", None),
        (None, "2030-01-01"),
    ],
)
def test_sources_on_or_before_the_date_or_undated_pass(
    scenario_date: str | None, source_date: str | None
) -> None:
    sc = Scenario.model_validate(_doc(scenario_date, source_date))
    assert checks.sources_after_date(sc) == []
    assert checks.find_warnings(sc) == []


def test_a_hindsight_note_exempts_a_late_source_and_a_blank_one_does_not() -> None:
    day = dt.date(2022, 4, 15)
    later = dt.date(2024, 3, 1)
    marked = SimpleNamespace(id="wsj", date=later, hindsight="a later report of the draft text")
    blank = SimpleNamespace(id="blank", date=later, hindsight="   ")
    unmarked = SimpleNamespace(id="plain", date=later)
    found = checks.sources_after_date(_fake(day, marked, blank, unmarked))
    assert [p.loc for p in found] == [("sources", 1, "date"), ("sources", 2, "date")]


def test_without_the_hindsight_field_a_late_source_is_a_warning(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checks, "hindsight_can_be_marked", lambda: False)
    sc = Scenario.model_validate(_doc("2025-06-02", "2025-11-21"))  # loads
    assert [p.loc for p in checks.find_warnings(sc)] == [("sources", 0, "date")]
    assert checks.find_problems(sc) == []


def test_with_the_hindsight_field_an_unmarked_late_source_is_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(checks, "hindsight_can_be_marked", lambda: True)
    with pytest.raises(ScenarioError) as err:
        Scenario.model_validate(_doc("2025-06-02", "2025-11-21"))
    assert [p.loc for p in err.value.problems] == [("sources", 0, "date")]
    assert "as of its date" in str(err.value)
    sc = Scenario.model_validate(_doc("2025-06-02", "2025-06-01"))
    assert checks.find_warnings(sc) == [] and checks.find_problems(sc) == []


def test_the_switch_follows_the_source_model() -> None:
    from pourparler.scenario.model import Source

    assert checks.hindsight_can_be_marked() == ("hindsight" in Source.model_fields)
