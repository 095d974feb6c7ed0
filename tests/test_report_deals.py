"""The deals report (``pourparler.report.deals``): typed and frozen, ``to_data()`` equal to what
``deals --json`` prints, ``to_frame()`` and ``--csv``; one track's package space with the other
issues held at their status quo (``deals --track``)."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from itertools import product
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from pourparler.cli.app import build_app, main
from pourparler.deals import analyse_space, build_space
from pourparler.deals.analysis import analyse_scenario
from pourparler.deals.space import package_space_for_track
from pourparler.errors import InputError
from pourparler.report.deals import DealsReport, Obstacle, Zone
from pourparler.scenario import Scenario, load_scenario

BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"
runner = CliRunner()


def _cli(args: list[str]) -> str:
    result = runner.invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    return result.stdout


def _fail(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    with pytest.raises(SystemExit) as exc:
        main(args)
    assert exc.value.code == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1, lines
    return lines[0]


@pytest.mark.parametrize("spec", ["istanbul-2022", str(BORDER)])
def test_to_data_is_what_json_prints(spec: str) -> None:
    printed = json.loads(_cli(["deals", spec, "--json"]))
    report = analyse_scenario(load_scenario(spec))
    data = report.to_data()
    assert data == printed
    assert json.loads(json.dumps(data, allow_nan=False)) == data
    assert report.provenance.method == "deals" and report.provenance.seed == 0
    assert report.provenance.scenario_hash == load_scenario(spec).digest()


def test_report_parts_are_typed_and_frozen() -> None:
    report = analyse_scenario(load_scenario(str(BORDER)))
    assert isinstance(report.zone, Zone) and isinstance(report.obstacle, Obstacle)
    with pytest.raises(dataclasses.FrozenInstanceError):
        report.method = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        report.reservation["N"] = 0.0  # type: ignore[index]
    wn = report.points.weighted_nash
    assert wn is not None
    with pytest.raises(TypeError):
        wn.package["army"] = "x"  # type: ignore[index]

    # every field is typed: no plain dicts inside the report but the provenance's parameters
    def walk(obj: Any) -> None:
        assert not isinstance(obj, dict), obj
        if dataclasses.is_dataclass(obj):
            for f in dataclasses.fields(obj):
                if f.name != "parameters":
                    walk(getattr(obj, f.name))
        elif isinstance(obj, tuple):
            for x in obj:
                walk(x)

    walk(report)


def test_a_bare_space_records_its_digest_and_parameters() -> None:
    space = build_space(load_scenario(str(BORDER)))
    a = analyse_space(space, seed=3)
    b = analyse_space(build_space(load_scenario(str(BORDER)), loss="quadratic"), seed=3)
    assert a.provenance.scenario_hash != b.provenance.scenario_hash
    assert a.provenance.seed == 3 and a.provenance.parameters["best"] == 5
    assert a.to_data()["zone"] == analyse_scenario(load_scenario(str(BORDER))).to_data()["zone"]


def test_frame_has_one_row_per_listed_package() -> None:
    pd = pytest.importorskip("pandas")
    report = analyse_scenario(load_scenario("istanbul-2022"))
    frame = report.to_frame()
    assert isinstance(frame, pd.DataFrame)
    points = [n for n, p in report.points.items() if p is not None]
    n = (
        len(points)
        + len(report.zone.best)
        + len(report.frontier_zone.packages)
        + len(report.frontier_overall.packages)
    )
    assert len(frame) == n
    sc = load_scenario("istanbul-2022")
    assert [c for c in frame.columns if c.startswith("option:")] == [
        f"option:{i.id}" for i in sc.issues
    ]
    wn = frame[(frame["list"] == "point") & (frame["label"] == "weighted_nash")].iloc[0]
    assert wn["utility:RU"] == report.points.weighted_nash.utility["RU"]  # type: ignore[union-attr]
    assert wn["surplus:UA"] == pytest.approx(wn["utility:UA"] - report.reservation["UA"])
    assert set(frame["list"]) == {"point", "zone_best", "frontier_zone", "frontier_overall"}


def test_csv_prints_the_frame(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("pandas")
    out = _cli(["deals", str(BORDER), "--csv"])
    rows = list(csv.DictReader(io.StringIO(out)))
    report = analyse_scenario(load_scenario(str(BORDER)))
    assert len(rows) == len(report.to_frame())
    assert rows[0]["scenario"] == report.provenance.scenario
    assert "--json and --csv" in _fail(capsys, ["deals", str(BORDER), "--csv", "--json"])


# --- one track ------------------------------------------------------------------------------


def _brute_utilities(sc: Scenario, track: str) -> tuple[list[str], np.ndarray]:
    """Every actor's utility of each track package, the other issues at their status-quo
    option, from the whole space's utilities (brute force over the track's packages)."""
    full = build_space(sc)
    keep = [i for i, issue in enumerate(sc.issues) if issue.track == track]
    sq = [issue.options.index(issue.nearest_option(issue.status_quo)) for issue in sc.issues]
    rows = []
    for combo in product(*[range(len(sc.issues[i].options)) for i in keep]):
        choice = list(sq)
        for i, k in zip(keep, combo, strict=True):
            choice[i] = k
        rows.append(full.package_utility(np.array(choice)))
    return [sc.issues[i].id for i in keep], np.array(rows)


@pytest.mark.parametrize("track", ["ceasefire", "political", "security"])
def test_track_space_holds_the_other_issues_at_their_status_quo(track: str) -> None:
    sc = load_scenario("istanbul-2022")
    space = package_space_for_track(sc, track)
    ids, want = _brute_utilities(sc, track)
    assert list(space.issue_ids) == ids
    got = np.array(
        [
            space.package_utility(np.array(c))
            for c in product(*[range(len(o)) for o in space.option_labels])
        ]
    )
    np.testing.assert_allclose(got, want, atol=1e-12)
    np.testing.assert_array_equal(space.reservation, build_space(sc).reservation)


def test_no_track_is_the_whole_space() -> None:
    sc = load_scenario("istanbul-2022")
    a, b = package_space_for_track(sc, None), build_space(sc)
    np.testing.assert_array_equal(a.utility, b.utility)
    assert a.issue_ids == b.issue_ids


def test_worked_example_one_track_of_two_issues(tmp_path: Path) -> None:
    # P: position 100 on A (salience 1) and B (salience 1); no red lines. Track "ceasefire" = A,
    # B held at its status quo 0 (option "low"): P's utility of A=high is (1 + 0) / 2 = 0.5,
    # of A=low 0; Q (position 0 on both) gets 0.5 and 1.
    opts = [{"value": 0, "label": "low"}, {"value": 100, "label": "high"}]
    doc = {
        "id": "two",
        "title": "Two issues",
        "actors": [
            {"id": "P", "name": "P", "capability": 1, "veto": True, "no_deal": {"utility": 0.2}},
            {"id": "Q", "name": "Q", "capability": 1, "veto": True, "no_deal": {"utility": 0.2}},
        ],
        "issues": [
            {"id": "A", "name": "A", "track": "ceasefire", "status_quo": 0, "options": opts},
            {"id": "B", "name": "B", "status_quo": 0, "options": opts},
        ],
        "stances": [
            {"actor": a, "issue": i, "position": p, "salience": 1.0}
            for a, p in (("P", 100), ("Q", 0))
            for i in ("A", "B")
        ],
    }
    sc = Scenario.model_validate(doc)
    space = package_space_for_track(sc, "ceasefire")
    assert space.issue_ids == ("A",)
    np.testing.assert_allclose(space.package_utility(np.array([1])), [0.5, 0.5])
    np.testing.assert_allclose(space.package_utility(np.array([0])), [0.0, 1.0])
    path = tmp_path / "two.yaml"
    path.write_text(yaml.safe_dump(doc), encoding="utf-8")
    data = json.loads(_cli(["deals", str(path), "--track", "ceasefire", "--json"]))
    assert data["parameters"]["track"] == "ceasefire"
    assert data["zone"]["size"] == 1  # only A=high gives P more than 0.2
    assert data["points"]["nash"]["package"] == {"A": "high"}
    assert "track: ceasefire" in _cli(["deals", str(path), "--track", "ceasefire"])
    # tracks are a fixed list: any case names the same one, recorded as the scenario writes it
    again = json.loads(_cli(["deals", str(path), "--track", "Ceasefire", "--json"]))
    assert again["parameters"]["track"] == "ceasefire"
    assert again["points"] == data["points"]
    assert "track: ceasefire" in _cli(["deals", str(path), "--track", "CEASEFIRE"])


def test_track_report_on_istanbul_2022_keeps_its_scenario_provenance() -> None:
    sc = load_scenario("istanbul-2022")
    report: DealsReport = analyse_scenario(sc, track="political")
    assert report.provenance.scenario_hash == sc.digest()
    assert report.packages == 5 * 3  # eu_membership × language
    assert set(report.frontier_overall.packages[0].package) == {"eu_membership", "language"}


@pytest.mark.parametrize("track", ["nonsense", "humanitarian"])
def test_unknown_or_empty_track_is_one_line_listing_the_tracks(
    track: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # istanbul-2022 has no humanitarian issue
    line = _fail(capsys, ["deals", "istanbul-2022", "--track", track])
    assert "--track: " in line
    assert repr(track) in line
    assert "ceasefire, economic, political, security, settlement" in line
    with pytest.raises(InputError, match=r"^track: "):
        package_space_for_track(load_scenario("istanbul-2022"), track)


# --- every stage's plain data survives the typed records unchanged ----------------------------


def _roundtrip_space():  # type: ignore[no-untyped-def]
    return package_space_for_track(load_scenario("istanbul-2022"), None)


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_stage_data_round_trips_through_the_typed_records(method: str) -> None:
    from pourparler.deals import analysis
    from pourparler.deals.frontier import frontier
    from pourparler.deals.obstacles import minimal_concessions, principal_obstacle, spoilers
    from pourparler.deals.solver import make_solver
    from pourparler.report._data import json_ready

    space = _roundtrip_space()
    solver = make_solver(space, method, 2_000_000)
    zone = solver.zone(3, samples=2_000, seed=1)
    assert analysis._zone(zone).to_data() == json_ready(zone)
    for name, point in solver.point_reports().items():
        if point is not None:
            assert analysis._point(point).to_data() == json_ready(point), name
    parties = space.parties
    for zone_only in (True, False):
        exact = frontier(space, parties, zone_only, 5)
        assert analysis._frontier(exact).to_data() == json_ready(exact)
        traced = frontier(space, parties, zone_only, 5, resolution=0.4, max_points=1)
        assert traced["method"] == "milp-epsilon-constraint"
        assert analysis._frontier(traced).to_data() == json_ready(traced)
    for count_limit in (0, 10**9):  # sampled, then counted enlargements
        ob = principal_obstacle(space, False, None, count_limit=count_limit, samples=500, seed=2)
        assert ob is not None
        assert analysis._obstacle(ob).to_data() == json_ready(ob)
    for c in minimal_concessions(space, False, method):
        assert analysis._concession(c).to_data() == json_ready(c)
    pick = solver.nash(weighted=True)
    for s in spoilers(space, None if pick is None else pick.choice, solver):
        assert analysis._spoiler(s).to_data() == json_ready(s)
    for s in spoilers(space, None, solver):  # no chosen package: no surplus, no red lines
        assert analysis._spoiler(s).to_data() == json_ready(s)


def test_an_empty_zone_obstacle_and_concessions_round_trip() -> None:
    from pourparler.deals import analysis
    from pourparler.deals.obstacles import minimal_concessions, principal_obstacle
    from pourparler.report._data import json_ready

    space = build_space(load_scenario("istanbul-2025"))  # zone empty, no relaxation opens it
    ob = principal_obstacle(space, True, 0)
    assert ob is not None and "kind" not in ob
    assert analysis._obstacle(ob).to_data() == json_ready(ob)
    for c in minimal_concessions(space, True):
        assert analysis._concession(c).to_data() == json_ready(c)


def test_an_opening_obstacle_round_trips() -> None:
    from pourparler.deals import analysis
    from pourparler.deals.obstacles import minimal_concessions, principal_obstacle
    from pourparler.report._data import json_ready

    opts = [{"value": 0, "label": "low"}, {"value": 100, "label": "high"}]
    doc = {
        "id": "tight",
        "title": "Tight",
        "actors": [
            {"id": a, "name": a, "capability": 1, "veto": True, "no_deal": {"utility": 0.7}}
            for a in ("P", "Q")
        ],
        "issues": [{"id": i, "name": i, "status_quo": 0, "options": opts} for i in ("A", "B")],
        "stances": [
            {"actor": "P", "issue": "A", "position": 100, "salience": 1.0},
            {"actor": "P", "issue": "B", "position": 100, "salience": 0.5, "red_line": [50, 100]},
            {"actor": "Q", "issue": "A", "position": 0, "salience": 0.5},
            {"actor": "Q", "issue": "B", "position": 0, "salience": 1.0},
        ],
    }
    space = build_space(Scenario.model_validate(doc))
    ob = principal_obstacle(space, True, 0)
    assert ob is not None and ob["kind"] and ob["alternatives"] is not None
    assert analysis._obstacle(ob).to_data() == json_ready(ob)
    for c in minimal_concessions(space, True):
        assert analysis._concession(c).to_data() == json_ready(c)


def _venue_doc(geneva_value: float) -> dict[str, Any]:
    """The sample scenario with a venue issue on which both parties stand at 50: with the
    options at 40 and 60 they value Istanbul and Geneva alike."""
    from scenario_samples import base

    doc = base()
    doc["issues"].append(
        {
            "id": "venue",
            "name": "Venue",
            "track": "security",
            "status_quo": 50,
            "options": [
                {"value": 40, "label": "Istanbul"},
                {"value": geneva_value, "label": "Geneva"},
            ],
        }
    )
    doc["stances"] += [
        {"actor": "RU", "issue": "venue", "position": 50, "salience": 0.5},
        {"actor": "UA", "issue": "venue", "position": 50, "salience": 0.5},
    ]
    return doc


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_points_tied_with_packages_of_the_same_utilities_say_so(
    tmp_path: Path, method: str
) -> None:
    path = tmp_path / "venue.yaml"
    path.write_text(yaml.safe_dump(_venue_doc(60), sort_keys=False), encoding="utf-8")
    out = CliRunner().invoke(build_app(), ["deals", str(path), "--method", method, "--json"])
    assert out.exit_code == 0, out.output
    points = json.loads(out.stdout)["points"]
    for name, p in points.items():
        assert p["tied_count"] == 1, name
        other = "Geneva" if p["package"]["venue"] == "Istanbul" else "Istanbul"
        assert p["tied_with"] == [{**p["package"], "venue": other}], name
    text = CliRunner().invoke(build_app(), ["deals", str(path), "--method", method]).stdout
    assert "Tied (wNash, Nash, KS, util, egal): another package gives every party" in text
    assert "Tied with: venue: " in text
    # Geneva at 65 is further from both: nothing is tied, and nothing is said
    path.write_text(yaml.safe_dump(_venue_doc(65), sort_keys=False), encoding="utf-8")
    out = CliRunner().invoke(build_app(), ["deals", str(path), "--method", method, "--json"])
    points = json.loads(out.stdout)["points"]
    assert all(p["tied_count"] == 0 and p["tied_with"] == [] for p in points.values())
    text = CliRunner().invoke(build_app(), ["deals", str(path), "--method", method]).stdout
    assert "Tied (" not in text


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_with_no_party_the_zone_is_every_package_and_nothing_else_is_claimed(
    tmp_path: Path, method: str
) -> None:
    from scenario_samples import base

    doc = base()
    for actor in doc["actors"]:
        actor["at_table"] = False
    path = tmp_path / "nobody.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    data = json.loads(_cli(["deals", str(path), "--method", method, "--json"]))
    assert data["parties"] == [] and data["parties_rule"] == "no actor at the table"
    zone = data["zone"]
    assert (zone["size"], zone["share"], zone["empty"]) == (data["packages"], 1.0, False)
    assert zone["note"].startswith("No party must consent, so no reservation or red line binds")
    assert all(p is None for p in data["points"].values())
    for f in data["frontier"].values():
        assert (f["size"], f["method"], f["packages"]) == (0, "none (no parties)", [])
    text = " ".join(_cli(["deals", str(path), "--method", method]).split())
    assert "every package is in the zone; with no party's utilities to compare" in text
    assert "No bargaining point: no party must consent." in text
    # with parties the zone says nothing of the kind
    plain = json.loads(_cli(["deals", "istanbul-2022", "--json"]))
    assert "note" not in plain["zone"]


def test_with_no_party_a_space_too_large_to_count_still_has_its_exact_size() -> None:
    """The MILP path estimated the zone's size (4,687,410–4,687,500) where it is the space."""
    from pourparler.scenario import load_scenario

    unseat = [arg for a in load_scenario("istanbul-2022").actors for arg in ("--unseat", a.id)]
    data = json.loads(_cli(["deals", "istanbul-2022", *unseat, "--json"]))
    zone = data["zone"]
    assert zone["method"] == "milp" and data["packages"] > 300_000
    assert (zone["size"], zone["share"], zone["estimated_size"]) == (data["packages"], 1.0, None)
