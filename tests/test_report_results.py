"""The results shaped for output (``pourparler.report``): provenance, ``to_data()`` equal to what
``--json`` prints, ``to_frame()`` and ``--csv``."""

from __future__ import annotations

import csv
import dataclasses
import importlib.util
import io
import json
import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from pourparler.cli.app import build_app, main
from pourparler.forecast.scenario_forecast import forecast_scenario
from pourparler.forecast.sensitivity import scenario_sensitivity
from pourparler.report import Provenance
from pourparler.report.forecast import FRAME_COLUMNS as FORECAST_COLUMNS
from pourparler.report.forecast import ForecastReport, forecast_report
from pourparler.report.sensitivity import FRAME_COLUMNS as SENSITIVITY_COLUMNS
from pourparler.report.sensitivity import SensitivityReport, sensitivity_report
from pourparler.scenario import Scenario, load_scenario
from scenario_samples import base


def _mini() -> Scenario:
    return Scenario.model_validate(base())


def test_provenance_records_scenario_version_parameters_and_seed() -> None:
    from pourparler import __version__

    sc = load_scenario("istanbul-2022")
    p = Provenance.of(sc, seed=7, method="forecast", rounds=10, models=["bdm"])
    assert p.to_data() == {
        "scenario": "istanbul-2022",
        "scenario_hash": sc.digest(),
        "version": __version__,
        "parameters": {"rounds": 10, "models": ["bdm"]},
        "seed": 7,
    }
    assert p.method == "forecast"


def test_provenance_is_frozen_and_keeps_its_own_parameters() -> None:
    params: dict[str, Any] = {"rounds": 10, "nested": {"q": 1.0}}
    p = Provenance.from_parameters(_mini(), params, seed=None, method="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.seed = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.parameters["rounds"] = 5  # type: ignore[index]
    params["rounds"] = 99
    params["nested"]["q"] = 0.0
    assert p.parameters["rounds"] == 10
    assert p.to_data()["parameters"] == {"rounds": 10, "nested": {"q": 1.0}}
    data = p.to_data()
    data["parameters"]["rounds"] = 1
    assert p.to_data()["parameters"]["rounds"] == 10


def test_provenance_parameters_may_be_named_seed_or_method() -> None:
    from pourparler.cli.common import provenance

    sc = _mini()
    data = provenance(sc, method="milp", seed=3)
    assert data["parameters"] == {"method": "milp", "seed": 3}
    assert set(data) == {"scenario", "scenario_hash", "version", "parameters"}


def test_provenance_data_is_json_ready() -> None:
    p = Provenance.of(_mini(), interval=(0.1, 0.9), missing=float("nan"))
    assert p.to_data()["parameters"] == {"interval": [0.1, 0.9], "missing": None}


# --- the reports against what the commands print ---------------------------------------------

runner = CliRunner()
DRAWS = 30


@pytest.fixture
def mini_yaml(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    return path


def _spec(which: str, mini_yaml: Path) -> str:
    return "istanbul-2022" if which == "builtin" else str(mini_yaml)


def _cli(args: list[str]) -> str:
    result = runner.invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _forecast(spec: str, seed: int) -> tuple[Scenario, ForecastReport]:
    sc = load_scenario(spec)
    result = forecast_scenario(sc, ["all"], rounds=10, draws=DRAWS, seed=seed, q=1.0)
    return sc, forecast_report(sc, result, seed)


def _sensitivity(spec: str, top: int = 5) -> tuple[Scenario, SensitivityReport]:
    sc = load_scenario(spec)
    result = scenario_sensitivity(sc, model="ensemble", rounds=10)
    return sc, sensitivity_report(sc, result, model="ensemble", rounds=10, top=top)


@pytest.mark.parametrize("which", ["builtin", "yaml"])
def test_forecast_to_data_is_what_json_prints(which: str, mini_yaml: Path) -> None:
    spec = _spec(which, mini_yaml)
    printed = json.loads(_cli(["forecast", spec, "--draws", str(DRAWS), "--seed", "5", "--json"]))
    sc, report = _forecast(spec, seed=5)
    data = report.to_data()
    assert data == printed
    assert list(data) == ["scenario", "scenario_hash", "version", "parameters", "seed", "issues"]
    assert json.loads(json.dumps(data, allow_nan=False)) == data  # plain and finite
    assert report.provenance.method == "forecast" and report.provenance.seed == 5
    assert [i.id for i in report.issues] == [i.id for i in sc.issues]


@pytest.mark.parametrize("which", ["builtin", "yaml"])
def test_sensitivity_to_data_is_what_json_prints(which: str, mini_yaml: Path) -> None:
    spec = _spec(which, mini_yaml)
    printed = json.loads(_cli(["sensitivity", spec, "--json"]))
    _, report = _sensitivity(spec)
    data = report.to_data()
    assert data == printed
    assert data["schema_version"] == 3 and data["seed"] is None
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert report.provenance.method == "sensitivity"


def test_sensitivity_data_gives_null_for_a_side_that_cannot_move(mini_yaml: Path) -> None:
    # RU's position on nato is 100: it cannot be raised.
    _, report = _sensitivity(str(mini_yaml), top=0)
    nato = next(i for i in report.issues if i.id == "nato")
    ru = next(e for e in nato.effects if e.actor == "RU" and e.input == "position")
    assert not ru.high_possible and math.isnan(ru.forecast_high)
    row = next(
        e
        for e in report.to_data()["issues"][0]["effects"]
        if e["actor"] == "RU" and e["input"] == "position"
    )
    assert row["forecast_high"] is None


def test_reports_and_their_rows_are_frozen(mini_yaml: Path) -> None:
    _, forecast = _forecast(str(mini_yaml), seed=1)
    _, sens = _sensitivity(str(mini_yaml))
    for obj in (
        forecast,
        forecast.provenance,
        forecast.issues[0],
        forecast.issues[0].models[0],
        sens,
        sens.issues[0],
        sens.issues[0].effects[0],
    ):
        field = dataclasses.fields(obj)[0].name
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(obj, field, None)
    assert isinstance(forecast.issues, tuple) and isinstance(sens.issues, tuple)


# --- to_frame and --csv ------------------------------------------------------------------------


def test_forecast_frame_has_one_row_per_issue_and_model(mini_yaml: Path) -> None:
    sc, report = _forecast(str(mini_yaml), seed=1)
    frame = report.to_frame()
    assert list(frame.columns) == FORECAST_COLUMNS
    assert len(frame) == len(sc.issues) * len(report.models)
    assert list(frame["model"].unique()) == list(report.models)
    data = report.to_data()
    for row in frame.itertuples(index=False):
        entry = next(i for i in data["issues"] if i["id"] == row.issue)["models"][row.model]
        assert row.forecast == pytest.approx(entry["forecast"])
        assert [row.low, row.high] == pytest.approx(entry["interval"])
        assert row.option == entry["option"]
        assert row.scenario == "mini"


def test_sensitivity_frame_has_one_row_per_issue_and_effect(mini_yaml: Path) -> None:
    _, report = _sensitivity(str(mini_yaml), top=3)
    frame = report.to_frame()
    assert list(frame.columns) == SENSITIVITY_COLUMNS
    data = report.to_data()
    assert len(frame) == sum(len(i["effects"]) for i in data["issues"])
    assert all(len(i["effects"]) <= 3 for i in data["issues"])
    first = data["issues"][0]
    head = frame[frame["issue"] == first["id"]]
    assert list(head["actor"]) == [e["actor"] for e in first["effects"]]
    assert list(head["effect"]) == pytest.approx([e["effect"] for e in first["effects"]])
    assert (head["issue_forecast"] == first["forecast"]).all()


def test_forecast_csv_has_the_frame_header_and_a_row_per_issue_and_model(
    mini_yaml: Path,
) -> None:
    out = _cli(["forecast", str(mini_yaml), "--draws", "20", "--seed", "3", "--csv"])
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == FORECAST_COLUMNS
    sc, report = _forecast(str(mini_yaml), seed=3)
    assert len(rows) - 1 == len(sc.issues) * len(report.models)
    assert {r[1] for r in rows[1:]} == {"nato", "pows"}


def test_sensitivity_csv_has_the_frame_header_and_a_row_per_effect(mini_yaml: Path) -> None:
    out = _cli(["sensitivity", str(mini_yaml), "--top", "0", "--csv"])
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == SENSITIVITY_COLUMNS
    _, report = _sensitivity(str(mini_yaml), top=0)
    assert len(rows) - 1 == sum(len(i.effects) for i in report.issues)


def _refusal(args: list[str], capsys: pytest.CaptureFixture[str]) -> str:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.strip().splitlines()
    assert len(lines) == 1, captured.err
    return lines[0]


@pytest.mark.parametrize("command", ["forecast", "sensitivity"])
def test_json_with_csv_is_refused_in_one_line(
    command: str, mini_yaml: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _refusal([command, str(mini_yaml), "--json", "--csv"], capsys)
    assert "--json and --csv" in line


@pytest.mark.parametrize("command", ["forecast", "sensitivity"])
def test_csv_without_pandas_says_how_to_get_it(
    command: str,
    mini_yaml: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    real = importlib.util.find_spec

    def no_pandas(name: str, *args: Any, **kwargs: Any) -> Any:
        return None if name == "pandas" else real(name, *args, **kwargs)

    monkeypatch.setattr(importlib.util, "find_spec", no_pandas)
    line = _refusal([command, str(mini_yaml), "--csv"], capsys)
    assert line.endswith("--csv needs pandas: pip install 'pourparler[pandas]'")
