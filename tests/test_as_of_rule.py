"""The as-of rule: a scenario is as of its date, so a source dated after it is reported.

An unmarked late source is an error that stops the scenario loading; one with a ``hindsight`` note
loads, and is listed as a warning.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace
from typing import Any, cast

import pytest
import yaml

import pourparler.scenario.checks as checks
from pourparler.cli.app import main
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
    late = SimpleNamespace(id="s1", date=dt.date(2025, 11, 21), hindsight="")
    found = checks.sources_after_date(_fake(dt.date(2025, 6, 2), late))
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


def test_an_unmarked_late_source_is_an_error_that_stops_loading() -> None:
    with pytest.raises(ScenarioError) as err:
        Scenario.model_validate(_doc("2025-06-02", "2025-11-21"))
    assert [p.loc for p in err.value.problems] == [("sources", 0, "date")]
    assert "as of its date" in str(err.value)


def test_a_hindsight_note_lets_a_late_source_load_with_a_warning() -> None:
    doc = _doc("2025-06-02", "2025-11-21")
    doc["sources"][0]["hindsight"] = "a later report of the draft both sides held at the date"
    sc = Scenario.model_validate(doc)
    assert checks.find_problems(sc) == []
    warnings = checks.find_warnings(sc)
    assert [p.loc for p in warnings] == [("sources", 0, "hindsight")]
    assert "later report" in warnings[0].message


def test_a_blank_hindsight_note_does_not_count() -> None:
    doc = _doc("2025-06-02", "2025-11-21")
    doc["sources"][0]["hindsight"] = "   "
    with pytest.raises(ScenarioError):
        Scenario.model_validate(doc)


def test_validate_lists_hindsight_warnings(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _doc("2025-06-02", "2025-11-21")
    doc["sources"][0]["hindsight"] = "a later report of the draft both sides held at the date"
    path = tmp_path / "late.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    out = capsys.readouterr()
    assert int(info.value.code or 0) == 0
    assert "warning" in out.err and "hindsight" in out.err and "sources[0]" in out.err
