"""The scenario commands: schema, export, show, init, validate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from pourparler.cli.app import main
from pourparler.scenario import load_scenario
from scenario_samples import base


def _run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(args)
    out = capsys.readouterr()
    return int(info.value.code or 0), out.out, out.err


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    return path


def test_schema_describes_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["schema"], capsys)
    assert code == 0
    schema = json.loads(out)
    assert set(schema["required"]) >= {"id", "title", "actors", "issues", "stances"}
    stance = schema["$defs"]["Stance"]["properties"]
    assert stance["salience"]["maximum"] == 1.0
    assert stance["position"]["maximum"] == 100.0
    assert schema["$defs"]["Stance"]["additionalProperties"] is False


def test_export_writes_equivalent_yaml(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.yaml"
    code, _, _ = _run(["export", str(mini), "--to", str(out)], capsys)
    assert code == 0
    assert load_scenario(out) == load_scenario(mini)


def test_export_onto_a_folder_is_one_line_and_leaves_nothing_behind(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "taken"
    target.mkdir()
    (target / "keep.txt").write_text("kept", encoding="utf-8")
    code, _, err = _run(["export", str(mini), "--to", str(target)], capsys)
    assert code == 2
    assert err.count("\n") == 1 and f"{target}: cannot write" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mini.yaml", "taken"]  # no temp file
    assert [p.name for p in target.iterdir()] == ["keep.txt"]


def test_show_lists_actors_and_issues(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["show", str(mini)], capsys)
    assert code == 0
    for word in ("Russia", "Ukraine", "Turkey", "NATO membership", "neutrality"):
        assert word in out
    code, out, _ = _run(["show", str(mini), "--json"], capsys)
    data = json.loads(out)
    assert data["actors"] == ["RU", "UA", "TR"]
    assert data["hash"] == load_scenario(mini).digest()


def test_validate_reports_each_file(
    mini: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ntitle: t\n")
    code, out, err = _run(["validate", str(mini), str(bad)], capsys)
    assert code == 2
    assert f"{mini}: ok" in out
    assert f"{bad}:" in err and "actors: required field is missing" in err


def test_forecast_json_on_mini(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(["forecast", str(mini), "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["scenario"] == "mini"
    assert data["scenario_hash"] == load_scenario(mini).digest()
    nato = next(i for i in data["issues"] if i["id"] == "nato")
    # capability x salience weights: RU .81 at 100, UA .48 at 10, TR .04 at 60
    w = {"RU": 0.9 * 0.9, "UA": 0.6 * 0.8, "TR": 0.2 * 0.2}
    expected = (w["RU"] * 100 + w["UA"] * 10 + w["TR"] * 60) / sum(w.values())
    models = nato["models"]
    key = "compromise" if "compromise" in models else next(iter(models))
    assert models[key]["forecast"] == pytest.approx(expected)
