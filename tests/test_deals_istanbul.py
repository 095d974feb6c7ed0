"""The deals report on the built-in Istanbul 2025 scenario: complete, and the MILP and enumeration
paths agree on it (with and without its army-size red lines)."""

from __future__ import annotations

import json

import pytest

from pourparler.cli.app import main
from pourparler.deals import analyse_space, build_space
from pourparler.deals.enumeration import open_size
from pourparler.scenario import Scenario, load_scenario
from pourparler.scenario.builtin import builtin_names


@pytest.fixture(scope="module")
def istanbul() -> Scenario:
    if "istanbul-2025" not in builtin_names():
        pytest.skip("built-in scenario istanbul-2025 is not available")
    return load_scenario("istanbul-2025")


def test_full_report_through_the_milp_path(istanbul, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", "istanbul-2025", "--json", "--method", "milp"])
    assert exc.value.code == 0
    r = json.loads(capsys.readouterr().out)
    assert r["method"] == "milp" and r["packages"] > 10**8
    assert r["scenario_hash"] == istanbul.digest()
    parties = [a.id for a in istanbul.actors if a.veto and a.at_table]
    assert r["parties"] == parties
    assert [c["actor"] for c in r["concessions"]] == parties
    assert [s["actor"] for s in r["spoilers"]] == [
        a.id for a in istanbul.actors if a.veto and not a.at_table
    ]
    if r["zone"]["empty"]:
        assert all(p is None for p in r["points"].values())
        assert r["obstacle"]["method"] == "milp"
    else:
        assert all(p["method"].startswith("milp") for p in r["points"].values())


POINT_NAMES = {"nash", "weighted_nash", "kalai_smorodinsky", "utilitarian", "egalitarian"}


def test_default_json_report_has_the_stable_shape_and_states_every_method(istanbul, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", "istanbul-2025", "--json"])
    assert exc.value.code == 0
    r = json.loads(capsys.readouterr().out)
    actors = {a.id for a in istanbul.actors}
    assert isinstance(r["zone"]["size"], int) and isinstance(r["zone"]["best"], list)
    assert r["zone"]["method"] in ("enumeration", "milp")
    for where in ("zone", "overall"):
        assert r["frontier"][where]["method"] and "packages" in r["frontier"][where]
    assert set(r["points"]) == POINT_NAMES
    for point in r["points"].values():
        if point is not None:
            assert set(point["utility"]) == actors and point["package"] and point["method"]
    for rec in r["zone"]["best"] + r["frontier"]["overall"]["packages"]:
        assert set(rec["utility"]) == actors and len(rec["package"]) == len(istanbul.issues)
    assert r["obstacle"]["method"]
    assert all(c["method"] for c in r["concessions"])
    assert all(s["if_at_table"]["method"] for s in r["spoilers"])


def test_human_report_prints_every_section(istanbul, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", "istanbul-2025"])
    assert exc.value.code == 0
    captured = capsys.readouterr()
    out = " ".join(captured.out.split())
    for heading in ("Agreement zone", "Pareto frontier", "Principal obstacle", "Spoilers"):
        assert heading in out
    assert "Minimal concessions" in out
    assert captured.err == ""  # no progress spinner (nor its newline) when stderr is no terminal


def _without_red_lines_on(sc: Scenario, issue: str) -> Scenario:
    data = sc.model_dump()
    for st in data["stances"]:
        if st["issue"] == issue:
            st["red_line"] = None
    return Scenario.model_validate(data)


@pytest.mark.parametrize("relax", [None, "army_limits"])
def test_milp_and_enumeration_agree(istanbul, relax):
    sc = (
        istanbul
        if relax is None or relax not in {i.id for i in istanbul.issues}
        else (_without_red_lines_on(istanbul, relax))
    )
    space = build_space(sc)
    if open_size(space, space.parties) > 200_000:
        pytest.skip("too many packages inside the red lines to enumerate in a test")
    enum = analyse_space(space, method="enumeration").to_data()
    milp = analyse_space(space, method="milp").to_data()
    assert enum["zone"]["empty"] == milp["zone"]["empty"]
    for name, point in enum["points"].items():
        other = milp["points"][name]
        if point is None:
            assert other is None
            continue
        assert other["objective"] == pytest.approx(point["objective"], abs=1e-6), name
