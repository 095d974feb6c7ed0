"""The solver interface: both back-ends answer the same questions alike, a zone too large to keep
is scanned to the same answers, HiGHS leaves Python's stdout alone, and parties without
capability or stances, one-option issues and zero reservations are handled."""

from __future__ import annotations

import io
import os
import sys
import warnings
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from deals_brute import FAST, SPACES, all_packages, objectives, random_space, zone_mask
from pourparler.deals import analyse_space, build_space
from pourparler.deals.solver import EnumerationSolver, MilpSolver, PackageSolver, make_solver
from pourparler.deals.synthetic import random_scenario
from pourparler.errors import InputError
from pourparler.scenario import Scenario, load_scenario

BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"


def test_make_solver_picks_the_back_end_by_method():
    space = build_space(load_scenario(BORDER))
    assert isinstance(make_solver(space), EnumerationSolver)
    assert isinstance(make_solver(space, "milp"), MilpSolver)
    assert isinstance(make_solver(space, "auto", enumeration_limit=1), MilpSolver)
    with pytest.raises(InputError, match=r"^method: 'guess'"):
        make_solver(space, "guess")


@FAST
@given(SPACES)
def test_both_back_ends_answer_alike(space):
    _, util, ok = all_packages(space)
    zone = zone_mask(space, util, ok)
    enum: PackageSolver = EnumerationSolver(space)
    milp: PackageSolver = MilpSolver(space)
    for solver in (enum, milp):
        assert solver.empty == (not zone.any())
        assert solver.count() == int(zone.sum())  # small: the MILP back-end counts too
        witness = solver.feasible()
        if witness is not None:
            u = space.package_utility(witness)
            assert (u[space.parties] >= space.reservation[space.parties] - 1e-7).all()
    want = objectives(space, util, zone) if zone.any() else {}
    for weighted, name in ((True, "weighted_nash"), (False, "nash")):
        a, b = enum.nash(weighted), milp.nash(weighted)
        if name not in want:
            assert a is None and b is None
            continue
        assert a is not None and b is not None
        assert a.objective == pytest.approx(want[name], abs=1e-9)
        assert b.objective == pytest.approx(want[name], abs=1e-6)


@FAST
@given(SPACES)
def test_a_zone_too_large_to_keep_is_scanned_to_the_same_answers(space):
    kept = EnumerationSolver(space)
    streamed = EnumerationSolver(space, zone_memory=0)
    assert (kept.members.stored and not streamed.members.stored) or kept.count() == 0
    assert streamed.count() == kept.count()
    assert (streamed.feasible() is None) == (kept.feasible() is None)
    for name, p in kept.points().items():
        q = streamed.points()[name]
        if p is None:
            assert q is None, name
            continue
        assert q is not None, name
        # the same sums and ties (a product over a block may differ from one over the whole
        # zone in the last bit)
        assert q.objective == pytest.approx(p.objective, rel=1e-13, abs=1e-13), name
        assert q.choice.tolist() == p.choice.tolist(), name
        assert q.method == "enumeration"

    def scores(choices):
        s = space.package_utility(np.array(choices))[:, space.parties]
        s = s - space.reservation[space.parties]
        with np.errstate(divide="ignore"):
            return np.log(np.maximum(s, 0.0)) @ kept.weights

    a, b = kept.best(4), streamed.best(4)
    assert len(a) == len(b)
    if a:
        np.testing.assert_allclose(scores(b), scores(a), rtol=1e-12, atol=1e-12)


def test_streamed_zone_report_states_how_it_ranked():
    space = build_space(random_scenario(3, 5, 6, 8, reservation=(0.1, 0.3)))
    zone = EnumerationSolver(space, zone_memory=0).zone(3)
    assert zone["members_stored"] is False and zone["best_method"] == "enumeration, streamed"
    assert len(zone["best"]) == 3 and zone["size"] > 1000


def test_a_milp_run_leaves_python_stdout_alone(monkeypatch, capfd):
    # the library must neither swap sys.stdout nor point file descriptor 1 elsewhere while
    # HiGHS runs: each solve sees the same stdout as its caller
    from pourparler.deals import milp as milp_module

    ours = io.StringIO()
    fd1 = os.fstat(1)
    seen = []
    real = milp_module.milp

    def watched(*args, **kwargs):
        now = os.fstat(1)
        seen.append((sys.stdout is ours, (now.st_dev, now.st_ino) == (fd1.st_dev, fd1.st_ino)))
        return real(*args, **kwargs)

    monkeypatch.setattr(milp_module, "milp", watched)
    space = build_space(random_scenario(4, 6, 4, 3, reservation=(0.1, 0.3)))
    saved = sys.stdout
    sys.stdout = ours
    try:
        print("before")
        solver = MilpSolver(space)
        points = solver.points()
        best = solver.best(3)
        print("after")
    finally:
        swapped = sys.stdout
        sys.stdout = saved
    assert swapped is ours
    assert ours.getvalue() == "before\nafter\n"  # nothing lost, nothing added
    assert points["weighted_nash"] is not None and len(best) == 3
    assert seen and all(a and b for a, b in seen)
    captured = capfd.readouterr()
    assert "HiGHS" not in captured.out + captured.err  # no banner or log: output is off


def _doc(capabilities, reservations=(0.1, 0.1, 0.1), stances=None, options=None):
    opts = options or [
        {"value": 0, "label": "low"},
        {"value": 50, "label": "mid"},
        {"value": 100, "label": "high"},
    ]
    actors = [
        {
            "id": f"P{j}",
            "name": f"P{j}",
            "capability": c,
            "veto": True,
            "no_deal": {"utility": d},
        }
        for j, (c, d) in enumerate(zip(capabilities, reservations, strict=True))
    ]
    if stances is None:
        stances = [
            {"actor": "P0", "issue": "A", "position": 100, "salience": 1.0},
            {"actor": "P0", "issue": "B", "position": 100, "salience": 0.5},
            {"actor": "P1", "issue": "A", "position": 0, "salience": 0.5},
            {"actor": "P1", "issue": "B", "position": 0, "salience": 1.0},
            {"actor": "P2", "issue": "A", "position": 50, "salience": 1.0},
            {"actor": "P2", "issue": "B", "position": 100, "salience": 0.2},
        ]
    return {
        "id": "t",
        "title": "Three parties",
        "actors": actors,
        "issues": [
            {"id": "A", "name": "A", "status_quo": 0, "options": opts},
            {"id": "B", "name": "B", "status_quo": 0, "options": opts},
        ],
        "stances": stances,
    }


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_a_party_without_capability_adds_nothing_to_the_weighted_nash_product(method):
    space = build_space(Scenario.model_validate(_doc([1.0, 1.0, 0.0])))
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no divide-by-zero or 0 * log 0 warnings
        with np.errstate(all="raise"):
            r = analyse_space(space, method=method).to_data()
    wn = r["points"]["weighted_nash"]
    assert wn is not None and r["zone"]["empty"] is False
    # the product over P0 and P1 alone, each weighted 1/2, over the zone
    _, util, ok = all_packages(space)
    zone = zone_mask(space, util, ok)
    s = util[zone][:, :2] - space.reservation[:2]
    pos = (s > 0).all(axis=1)
    want = float((np.log(s[pos]) @ np.array([0.5, 0.5])).max())
    assert wn["objective"] == pytest.approx(want, abs=1e-6)
    assert len(r["zone"]["best"]) == min(5, int(zone.sum()))


@pytest.mark.parametrize("method", ["enumeration", "milp"])
def test_a_party_without_capability_still_binds_the_zone(method):
    # P2 (no capability, indifferent) gets exactly its no-deal value at every package: the
    # weighted Nash point still exists (P2 adds nothing to the product), the symmetric one not
    doc = _doc([1.0, 1.0, 0.0], reservations=(0.1, 0.1, 0.0))
    flat = {0: 0.5, 50: 0.5, 100: 0.5}  # indifferent: utility 0 on every package
    for stance in doc["stances"]:
        if stance["actor"] == "P2":
            stance["option_utilities"] = flat
    space = build_space(Scenario.model_validate(doc))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            r = analyse_space(space, method=method).to_data()
    assert r["points"]["weighted_nash"] is not None
    assert r["points"]["nash"] is None  # P2 gains nothing anywhere


def _with_one_option_issue(space):
    """The space plus an issue with a single option that nobody cares about (scenario files
    cannot hold one, a space built by hand or imported can)."""
    import dataclasses

    n_a = space.n_actors
    return dataclasses.replace(
        space,
        issue_ids=(*space.issue_ids, "C"),
        option_labels=(*space.option_labels, ("only",)),
        option_values=(*space.option_values, (0.0,)),
        utility=np.hstack([space.utility, np.zeros((n_a, 1))]),
        allowed=np.hstack([space.allowed, np.ones((n_a, 1), bool)]),
        red_line=None,
    )


def test_one_option_issues_and_zero_reservations_give_a_full_report():
    doc = _doc([0.5, 0.5, 0.5], reservations=(0.0, 0.0, 0.0))
    space = _with_one_option_issue(build_space(Scenario.model_validate(doc)))
    assert space.size == 9
    for method in ("enumeration", "milp"):
        r = analyse_space(space, method=method).to_data()
        assert r["zone"]["empty"] is False and r["zone"]["size"] == 9
        assert all(p is not None for name, p in r["points"].items() if name != "nash")
        assert all(p["package"]["C"] == "only" for p in r["points"].values() if p)
        assert r["frontier"]["overall"]["size"] >= 1
        assert r["concessions"][0]["utility"] == 0.0


def test_no_veto_actor_makes_every_actor_at_the_table_a_party():
    doc = _doc([0.5, 0.5, 0.5])
    for a in doc["actors"]:
        a["veto"] = False
    space = build_space(Scenario.model_validate(doc))
    r = analyse_space(space).to_data()
    assert r["parties"] == ["P0", "P1", "P2"] and "every actor at the table" in r["parties_rule"]
    assert r["spoilers"] == []


@FAST
@given(
    st.builds(
        random_space,
        st.integers(0, 2**32 - 1),
        st.integers(3, 4),
        st.integers(1, 4),
        st.integers(2, 4),
        absent=st.integers(1, 2),
    )
)
def test_one_scan_answers_every_spoiler_as_its_own_zone_would(space):
    from pourparler.deals.enumeration import scan_joined

    joiners = [int(s) for s in np.flatnonzero(space.spoilers)]
    got = scan_joined(space, space.parties, joiners)
    for s, (size, pick) in zip(joiners, got, strict=True):
        alone = EnumerationSolver(
            space.with_binding(space.parties | (np.arange(space.n_actors) == s))
        )
        assert size == alone.count()
        want = alone.nash(weighted=True)
        assert (pick is None) == (want is None)
        if pick is not None:
            assert pick.tolist() == want.choice.tolist()


def test_an_agenda_too_large_for_a_minute_is_refused_before_any_work(monkeypatch):
    from pourparler.deals import solver as solver_module

    space = build_space(random_scenario(30, 6, 5, 2, reservation=(0.0, 0.1)))  # 15,625 packages
    monkeypatch.setattr(solver_module, "ENUMERATION_WORK", 30 * 15_625 - 1)
    monkeypatch.setattr(solver_module, "MILP_WORK", 30 * 30 - 1)

    def no_work(*_args, **_kwargs):
        raise AssertionError("work started")

    monkeypatch.setattr(solver_module, "enumerate_zone", no_work)
    monkeypatch.setattr(MilpSolver, "feasible", no_work)
    with pytest.raises(InputError) as exc:
        analyse_space(space)
    msg = str(exc.value)
    assert msg.startswith("parties: 30 parties with 15,625 packages") and "\n" not in msg
    # with room for the MILPs only, auto turns to them; enumeration forced is refused
    monkeypatch.setattr(solver_module, "MILP_WORK", 30 * 30)
    assert isinstance(make_solver(space), MilpSolver)
    with pytest.raises(InputError, match=r"^parties: 30 parties"):
        make_solver(space, "enumeration")


def test_a_milp_stopped_by_its_time_limit_is_one_line(monkeypatch, tmp_path, capsys):
    """HiGHS reaching its time limit (forced tiny here) ends deals with one line naming the
    scenario and the agenda's size, not a traceback."""
    import yaml

    from pourparler.cli.app import main
    from pourparler.deals import milp as milp_module

    real = milp_module.milp

    def hurried(*args, options, **kwargs):
        return real(*args, options={**options, "time_limit": 1e-6}, **kwargs)

    monkeypatch.setattr(milp_module, "milp", hurried)
    path = tmp_path / "wide.yaml"
    data = random_scenario(12, 40, 20, 1).to_data()
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["deals", str(path), "--method", "milp"])
    err = capsys.readouterr().err
    assert info.value.code == 2
    assert err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"pourparler: error: {path}: 40 issues with 800 options, 12 actors: ")
    assert "not solved within its 60 s limit" in err


def _symmetric_doc(seed: int) -> dict:
    """Parties at the ends (or the middle) of scales with equal saliences: many packages tie."""
    rng = np.random.default_rng(seed)
    n_a, n_i = int(rng.integers(2, 5)), int(rng.integers(2, 5))
    actors = [
        {
            "id": f"P{a}",
            "name": f"P{a}",
            "capability": float(rng.choice([1, 1, 2])),
            "veto": True,
            "no_deal": {"utility": float(rng.choice([0.0, 0.1, 0.25]))},
        }
        for a in range(n_a)
    ]
    issues, stances = [], []
    for i in range(n_i):
        values = np.linspace(0, 100, int(rng.integers(2, 5))).round(3).tolist()
        opts = [{"value": v, "label": f"o{k}"} for k, v in enumerate(values)]
        issues.append({"id": f"I{i}", "name": f"I{i}", "status_quo": 50, "options": opts})
        stances += [
            {
                "actor": f"P{a}",
                "issue": f"I{i}",
                "position": float(rng.choice([0, 100, 50])),
                "salience": float(rng.choice([0.5, 0.5, 1.0])),
            }
            for a in range(n_a)
        ]
    return {"id": "t", "title": "t", "actors": actors, "issues": issues, "stances": stances}


def test_tied_points_are_the_same_package_by_enumeration_and_by_milp():
    from pourparler.deals.points import zone_and_points

    # two parties, zero-sum issues of equal salience: every package sums to 1, and a package
    # and its mirror image give the same Nash product
    doc = _doc([1.0, 1.0, 0.0])
    doc["actors"] = doc["actors"][:2]
    doc["stances"] = [s for s in doc["stances"] if s["actor"] != "P2"]
    for s in doc["stances"]:
        s.update(position=0 if s["actor"] == "P0" else 100, salience=0.5)
    for a in doc["actors"]:
        a["no_deal"] = {"utility": 0.0}
    space = build_space(Scenario.model_validate(doc))
    _, enum = zone_and_points(space, "enumeration", 1)
    _, milp = zone_and_points(space, "milp", 1)
    first = {"A": "low", "B": "high"}  # before (mid, mid) and (high, low): the same utilities
    assert enum["nash"]["package"] == milp["nash"]["package"] == first
    low = {"A": "low", "B": "low"}
    assert enum["utilitarian"]["package"] == milp["utilitarian"]["package"] == low
    # the same on scenarios full of ties (these seeds disagreed before the rule was shared)
    for seed in (12, 34, *range(8)):
        space = build_space(Scenario.model_validate(_symmetric_doc(seed)))
        _, enum = zone_and_points(space, "enumeration", 1)
        _, milp = zone_and_points(space, "milp", 1)
        for name, point in enum.items():
            other = milp[name]
            assert (point is None) == (other is None), (seed, name)
            if point is not None:
                assert point["package"] == other["package"], (seed, name)
                assert point["objective"] == pytest.approx(other["objective"], abs=1e-9)


def test_a_tie_in_the_total_a_rounding_error_apart_goes_to_the_first():
    from pourparler.deals.kernels import argbest

    objective = np.array([1.0, 1.0, 0.5])
    total = np.array([0.3, 0.1 + 0.2, 2.0])  # 0.30000000000000004: the same total
    assert argbest(objective, total) == 0
