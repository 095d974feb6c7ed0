"""``pourparler compare``: two scenarios (or one with and without what-if changes) side by side;
the same scenario twice shows no difference; the JSON's shape; the what-if in B's provenance;
issues only one side has; the simulation when both sides have a battlefield."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from cli_run import run_cli
from pourparler.report.compare import CompareReport, compare_scenarios, obstacle_text
from pourparler.scenario import load_scenario
from pourparler.scenario.whatif import apply_changes, parse_changes
from scenario_samples import base

FAST = ["--seed", "3", "--draws", "20", "--runs", "300"]
BATTLEFIELD = {
    "side_a": "RU",
    "side_b": "UA",
    "steps": 10,
    "start": 5,
    "p": 0.5,
    "cost_a": 0.02,
    "cost_b": 0.03,
}


def _write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    return _write(tmp_path / "mini.yaml", base())


@pytest.fixture
def mini_bf(tmp_path: Path) -> Path:
    return _write(tmp_path / "mini_bf.yaml", {**base(), "battlefield": BATTLEFIELD})


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run_cli(capsys, ["compare", *args, *FAST, "--json"])
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_the_same_scenario_twice_shows_no_difference(
    capsys: pytest.CaptureFixture[str], mini_bf: Path
) -> None:
    data = _json(capsys, str(mini_bf), str(mini_bf))
    assert data["a"]["scenario_hash"] == data["b"]["scenario_hash"]
    assert [i["difference"] for i in data["issues"]] == [0.0, 0.0]
    for issue in data["issues"]:
        assert issue["a"] == issue["b"] and issue["only_in"] is None
    assert data["zone"]["a"] == data["zone"]["b"]
    assert data["zone"]["difference"]["size"] == 0
    assert all(v == [] for v in data["zone"]["difference"]["points"].values())
    sim = data["simulation"]
    assert sim["a"] == sim["b"]
    assert all(v in (0.0, None) for v in sim["difference"].values())
    assert any(v == 0.0 for v in sim["difference"].values())


def test_json_shape(capsys: pytest.CaptureFixture[str], mini_bf: Path) -> None:
    data = _json(capsys, str(mini_bf), "--set", "RU.nato.position=85")
    assert set(data) == {"a", "b", "issues", "zone", "simulation", "simulation_note"}
    for side in ("a", "b"):
        assert set(data[side]) == {
            "label",
            "scenario",
            "scenario_hash",
            "version",
            "parameters",
            "seed",
        }
        assert data[side]["seed"] == 3
        assert {"draws": 20, "runs": 300}.items() <= data[side]["parameters"].items()
    issue = data["issues"][0]
    assert set(issue) == {"id", "name", "only_in", "a", "b", "difference"}
    assert set(issue["a"]) == {"forecast", "interval", "option", "outside_interval"}
    assert issue["difference"] == pytest.approx(issue["b"]["forecast"] - issue["a"]["forecast"])
    assert set(data["zone"]) == {"a", "b", "difference"}
    assert set(data["zone"]["a"]) == {
        "empty",
        "size",
        "estimated_size",
        "share",
        "packages",
        "points",
        "obstacle",
        "widening",
    }
    assert set(data["zone"]["a"]["points"]) == {
        "nash",
        "weighted_nash",
        "kalai_smorodinsky",
        "utilitarian",
        "egalitarian",
    }
    assert set(data["simulation"]) == {"months", "a", "b", "difference"}
    assert data["simulation"]["months"] == 36
    for key in ("p_ceasefire_by_12", "p_settlement_by_12", "p_breakdown_by_36"):
        assert 0.0 <= data["simulation"]["a"][key] <= 1.0
    assert {"median_months_to_ceasefire", "median_months_to_settlement"} <= set(
        data["simulation"]["a"]
    )
    assert data["simulation_note"] is None


def test_what_if_applies_to_b_and_is_in_its_provenance(
    capsys: pytest.CaptureFixture[str], mini: Path
) -> None:
    data = _json(capsys, str(mini), "--set", "RU.nato.position=85", "--unseat", "TR")
    assert "what_if" not in data["a"]["parameters"]
    assert data["b"]["parameters"]["what_if"] == ["--set RU.nato.position=85", "--unseat TR"]
    assert data["b"]["label"] == f"{mini} (what-if)" and data["a"]["label"] == str(mini)
    changed = apply_changes(
        load_scenario(mini), parse_changes(set_=["RU.nato.position=85"], unseat=["TR"])
    )
    assert data["b"]["scenario_hash"] == changed.digest() != data["a"]["scenario_hash"]
    nato = data["issues"][0]
    # Russia, the strongest actor, moves from 100 to 85: the forecast moves down, not up
    assert nato["difference"] < 0
    # with two scenarios named, the options change B only
    both = _json(capsys, str(mini), str(mini), "--set", "RU.nato.position=85")
    assert both["a"]["scenario_hash"] == data["a"]["scenario_hash"]
    assert both["b"]["parameters"]["what_if"] == ["--set RU.nato.position=85"]


def test_issues_only_one_side_has(
    capsys: pytest.CaptureFixture[str], mini: Path, tmp_path: Path
) -> None:
    doc = base()
    doc["issues"] = [i for i in doc["issues"] if i["id"] != "pows"]
    doc["stances"] = [s for s in doc["stances"] if s["issue"] != "pows"]
    fewer = _write(tmp_path / "fewer.yaml", doc)
    data = _json(capsys, str(fewer), str(mini))
    rows = {i["id"]: i for i in data["issues"]}
    assert list(rows) == ["nato", "pows"]
    assert rows["pows"]["only_in"] == "b" and rows["pows"]["a"] is None
    assert rows["pows"]["difference"] is None and rows["pows"]["b"]["forecast"] is not None
    assert data["simulation"] is None
    assert data["simulation_note"] == "A and B have no battlefield section"
    code, out, _ = run_cli(capsys, ["compare", str(fewer), str(mini), *FAST])
    assert code == 0 and "Only in B: pows." in out
    assert "No simulation: A and B have no battlefield section." in out


def test_simulation_of_b_is_the_changed_scenarios() -> None:
    simulate = pytest.importorskip("pourparler.dynamics.simulate").simulate
    a = load_scenario("istanbul-2025")
    b = apply_changes(a, parse_changes(set_=["battlefield.p=0.7"]))
    report = compare_scenarios(a, b, label_a="a", label_b="b", seed=5, draws=0, runs=300)
    assert report.simulation_a == simulate(a, months=36, runs=300, seed=5).summary
    assert report.simulation_b == simulate(b, months=36, runs=300, seed=5).summary
    assert report.simulation_a != report.simulation_b
    diffs = report.simulation_differences() or {}
    key = "p_breakdown_by_36"
    assert diffs[key] == pytest.approx(report.simulation_b[key] - report.simulation_a[key])  # type: ignore[index, operator]


def test_report_is_frozen_and_its_frame_matches_its_data(mini: Path) -> None:
    pd = pytest.importorskip("pandas")
    a = load_scenario(mini)
    b = apply_changes(a, parse_changes(set_=["UA.nato.position=40"]))
    report = compare_scenarios(a, b, label_a="a", label_b="b", seed=1, draws=20, runs=100)
    assert isinstance(report, CompareReport)
    with pytest.raises(AttributeError):
        report.label_a = "x"  # type: ignore[misc]
    frame = report.to_frame()
    data = report.to_data()
    assert list(frame.columns) == ["section", "item", "measure", "a", "b", "difference", "seed"]
    row = frame[(frame.item == "nato") & (frame.measure == "forecast")].iloc[0]
    nato = data["issues"][0]
    assert (row.a, row.b) == (nato["a"]["forecast"], nato["b"]["forecast"])
    assert row.difference == pytest.approx(nato["difference"]) and nato["difference"] != 0
    size = frame[(frame.section == "zone") & (frame.measure == "size")].iloc[0]
    assert (size.a, size.b) == (data["zone"]["a"]["size"], data["zone"]["b"]["size"])
    assert isinstance(pd.DataFrame(frame), pd.DataFrame)


def test_csv(capsys: pytest.CaptureFixture[str], mini: Path) -> None:
    pd = pytest.importorskip("pandas")
    code, out, err = run_cli(
        capsys, ["compare", str(mini), "--set", "UA.nato.position=40", *FAST, "--csv"]
    )
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(out))
    assert list(frame.columns) == ["section", "item", "measure", "a", "b", "difference", "seed"]
    assert set(frame.section) == {"forecast", "zone"}
    assert set(frame[frame.section == "forecast"].item) == {"nato", "pows"}


def test_table_fits_80_columns(capsys: pytest.CaptureFixture[str], mini_bf: Path) -> None:
    code, out, _ = run_cli(capsys, ["compare", str(mini_bf), "--set", "battlefield.p=0.6", *FAST])
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert "--set battlefield.p=0.6" in out and "P(ceasefire by 12 months)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["istanbul-2025"], "compare: give a second scenario, or what-if options"),
        (
            ["istanbul-2025", "--set", "RU.capability=0.5", "--runs", "0"],
            "--runs: 0: expected a whole number",
        ),
        (["istanbul-2025", "--set", "RU.capability=0.5", "--draws", "-1"], "--draws: must be"),
        (
            ["istanbul-2025", "istanbul-2025", "--draws", "5"],
            "--draws: must be 0 (no intervals) or between 10 (the fewest an 80% interval needs) "
            "and 1000000, got 5",
        ),
        (["istanbul-2025", "istanbul-2025", "--draws", "1000001"], "--draws: must be 0"),
        (["istanbul-2025", "no-such.yaml"], "no-such.yaml: (document): no such file"),
        (["istanbul-2025", "--set", "RU.capability=-1"], "--set RU.capability=-1: capability"),
        (["istanbul-2025", "--drop", "XX"], "--drop XX: unknown actor 'XX'"),
        (["istanbul-2025", "istanbul-2022", "--json", "--csv"], "--json and --csv: choose one"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, ["compare", *args])
    assert code == 2 and out == ""
    assert err.startswith(f"pourparler: error: {message}") and err.count("\n") == 1, err


def test_obstacle_in_words() -> None:
    assert obstacle_text(None) == "none"
    red = {"kind": "red_line", "actor": "UA", "issue": "nato", "option": "x", "size": 25.0,
           "unit": "scale points"}  # fmt: skip
    assert obstacle_text(red) == "UA's red line on nato towards 'x' (25 scale points)"
    assert obstacle_text({"kind": "no_deal", "actor": "RU", "size": 0.05, "unit": "utility"}) == (
        "RU's no-deal value (0.05 utility)"
    )
    assert obstacle_text({"effect": "no single relaxation opens the zone"}) == (
        "no single relaxation opens the zone"
    )


def test_a_zone_that_is_not_empty_has_no_obstacle_only_a_widening(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pd = pytest.importorskip("pandas")
    args = ["compare", "istanbul-2022", "istanbul-2025", "--seed", "4", "--draws", "0"]
    args += ["--runs", "50"]
    code, out, err = run_cli(capsys, [*args, "--json"])
    assert code == 0, err
    zone = json.loads(out)["zone"]
    assert zone["a"]["empty"] is False and zone["b"]["empty"] is True
    assert zone["a"]["obstacle"] is None and zone["b"]["widening"] is None
    assert zone["b"]["obstacle"] is not None
    code, out, err = run_cli(capsys, ["deals", "istanbul-2022", "--seed", "4", "--json"])
    assert code == 0, err
    deals = json.loads(out)["obstacle"]
    widening = zone["a"]["widening"]
    assert widening["effect"] == deals["effect"] == "enlarges the zone most"
    for key in ("kind", "actor", "issue", "option", "size", "enlargement"):
        assert widening[key] == deals[key]
    code, out, _ = run_cli(capsys, args)
    assert code == 0
    assert "Widening" not in out
    rows = [line.split() for line in out.splitlines()]
    assert ["obstacle", "none", "no", "single", "relaxation", "opens", "the"] in rows
    assert any(r[:5] == ["widening", "UA's", "red", "line", "on"] for r in rows)
    code, out, _ = run_cli(capsys, [*args, "--csv"])
    frame = pd.read_csv(io.StringIO(out)).set_index("measure")
    assert frame.loc["obstacle", "a"] == "none"
    assert frame.loc["widening", "a"].startswith("UA's red line on guarantees")
    assert frame.loc["widening", "a"].endswith(f"+{widening['enlargement']:,} packages)")
    assert frame.loc["obstacle", "b"] == "no single relaxation opens the zone"


def test_draws_are_those_made_with_no_uncertainty(capsys: pytest.CaptureFixture[str]) -> None:
    bdm = str(Path(__file__).parent / "data" / "bdm_ec_emissions.csv")
    args = ["compare", bdm, bdm, "--seed", "2", "--draws", "50"]
    code, out, err = run_cli(capsys, [*args, "--json"])
    assert code == 0, err
    for side in ("a", "b"):
        params = json.loads(out)[side]["parameters"]
        assert params["draws"] == 0 and params["draws_requested"] == 50
        assert params["no_draws_reason"] == "inputs state no uncertainty"
    code, out, _ = run_cli(capsys, args)
    assert code == 0
    assert "draws" not in out.splitlines()[2]  # the table's title
    text = " ".join(out.split())
    assert "A: no intervals: the inputs state no uncertainty" in text
    assert "B: no intervals: the inputs state no uncertainty" in text


def test_draws_cut_to_the_time_budget_are_reported(
    capsys: pytest.CaptureFixture[str], mini: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("pourparler.forecast.budget.DRAWS_BUDGET", 0.01)
    args = ["compare", str(mini), "--set", "RU.nato.position=85"]
    args += ["--seed", "1", "--draws", "200", "--runs", "50"]
    code, out, err = run_cli(capsys, [*args, "--json"])
    assert code == 0, err
    params = json.loads(out)["b"]["parameters"]
    assert params["draws"] == params["draws_requested"] == 200
    per_model = params["draws_per_model"]
    fewest = min(d for d in per_model.values() if d > 0)
    assert fewest < 200
    code, out, _ = run_cli(capsys, args)
    assert code == 0
    assert f"80% interval over {fewest} draws" in out and "over 200 draws" not in out
    cut = ", ".join(f"{m} {d} of 200" for m, d in per_model.items() if d < 200)
    assert f"B: draws cut to the time budget at this size: {cut};" in " ".join(out.split())


def test_csv_without_a_seed_records_the_one_drawn(
    capsys: pytest.CaptureFixture[str], mini: Path
) -> None:
    pd = pytest.importorskip("pandas")
    args = ["compare", str(mini), "--set", "UA.nato.position=40", "--draws", "20"]
    code, out, err = run_cli(capsys, [*args, "--runs", "50", "--csv"])
    assert code == 0, err
    frame = pd.read_csv(io.StringIO(out))
    seeds = set(frame.seed)
    assert len(seeds) == 1
    (seed,) = seeds
    again = pd.read_csv(io.StringIO(run_cli(capsys, [*args, "--runs", "50", "--csv",
                                                     "--seed", str(seed)])[1]))  # fmt: skip
    assert frame.equals(again)


def test_a_forecast_outside_its_own_interval_is_marked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    args = ["compare", "istanbul-2025", "istanbul-2025", "--seed", "3", "--draws", "50"]
    args += ["--runs", "50"]
    code, out, err = run_cli(capsys, [*args, "--json"])
    assert code == 0, err
    data = json.loads(out)
    sanctions = next(i for i in data["issues"] if i["id"] == "sanctions")
    low, high = sanctions["a"]["interval"]
    assert not low <= sanctions["a"]["forecast"] <= high
    assert sanctions["a"]["outside_interval"] is True
    code, out, err = run_cli(capsys, ["forecast", "istanbul-2025", "--seed", "3",
                                      "--draws", "50", "--json"])  # fmt: skip
    assert code == 0, err
    flagged = {i["id"]: i["models"]["ensemble"]["outside_interval"]
               for i in json.loads(out)["issues"]}  # fmt: skip
    assert {i["id"]: i["a"]["outside_interval"] for i in data["issues"]} == flagged
    code, out, _ = run_cli(capsys, args)
    row = next(line.split() for line in out.splitlines() if line.strip().startswith("sanctions"))
    assert row[1].endswith("†") and row[3].endswith("†")
    assert "† outside the model's own 80% interval" in " ".join(out.split())


def test_points_of_scenarios_without_a_common_issue(
    capsys: pytest.CaptureFixture[str], mini: Path
) -> None:
    bdm = str(Path(__file__).parent / "data" / "bdm_ec_emissions.csv")
    args = ["compare", bdm, str(mini), "--seed", "2", "--draws", "0", "--runs", "50"]
    code, out, err = run_cli(capsys, [*args, "--json"])
    assert code == 0, err
    data = json.loads(out)
    both = [n for n, p in data["zone"]["a"]["points"].items()
            if p is not None and data["zone"]["b"]["points"][n] is not None]  # fmt: skip
    assert both
    assert all(data["zone"]["difference"]["points"][n] == [] for n in both)
    code, out, _ = run_cli(capsys, args)
    text = " ".join(out.split())
    assert (
        "no issue in common (issues only in A: bdm_ec_emissions; issues only in B: nato, pows)"
        in text
    )
    assert "differs on" not in text


def test_csv_has_the_estimated_size_of_a_zone_too_large_to_count(mini: Path) -> None:
    pytest.importorskip("pandas")
    from dataclasses import replace

    a = load_scenario(mini)
    report = compare_scenarios(a, a, label_a="a", label_b="b", seed=1, draws=0, runs=10)
    estimate = {"value": 8789062500.0, "low": 8.0e9, "high": 9.5e9}
    zone_b = replace(report.zone_b, size=None, share=None, estimated_size=estimate)
    frame = replace(report, zone_b=zone_b).to_frame().set_index("measure")
    assert frame.loc["estimated_size", "b"] == 8789062500.0
    assert frame.loc["estimated_size", "a"] is None
    assert frame.loc["size", "a"] == report.zone_a.size
