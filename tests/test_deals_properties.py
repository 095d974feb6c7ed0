"""Zone, frontier and bargaining points against brute force on small random package spaces, for
the enumeration and the MILP paths."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from deals_brute import FAST, SPACES, all_packages, objectives, pareto_rows, zone_mask
from pourparler.deals import build_space
from pourparler.deals.enumeration import enumerate_zone
from pourparler.deals.frontier import frontier
from pourparler.deals.kernels import minkowski_frontier, pareto_mask
from pourparler.deals.points import program, zone_and_points
from pourparler.deals.synthetic import random_scenario


@FAST
@given(SPACES)
def test_enumerated_zone_is_the_brute_force_zone(space):
    choices, util, ok = all_packages(space)
    want = {tuple(c) for c in choices[zone_mask(space, util, ok)]}
    zone = enumerate_zone(space, space.parties)
    assert {tuple(c) for c in zone.choices} == want
    assert zone.size == len(want)
    np.testing.assert_allclose(zone.utility, space.package_utility(zone.choices), atol=1e-12)


@FAST
@given(SPACES)
def test_milp_zone_is_empty_exactly_when_brute_force_zone_is(space):
    _, util, ok = all_packages(space)
    witness = program(space, space.parties).feasible()
    assert (witness is None) == (not zone_mask(space, util, ok).any())


@FAST
@given(SPACES)
def test_frontiers_are_the_brute_force_frontiers(space):
    _, util, ok = all_packages(space)
    p = space.parties
    overall = frontier(space, p, False, 10**6)
    zone = frontier(space, p, True, 10**6)
    assert overall["complete"] and zone["complete"]
    got_overall = {
        tuple(np.round([r["utility"][space.actor_ids[a]] for a in np.flatnonzero(p)], 9))
        for r in overall["packages"]
    }
    assert got_overall == pareto_rows(util[:, p])
    inside = zone_mask(space, util, ok)
    got_zone = {
        tuple(np.round([r["utility"][space.actor_ids[a]] for a in np.flatnonzero(p)], 9))
        for r in zone["packages"]
    }
    assert got_zone == pareto_rows(util[inside][:, p])


@FAST
@given(SPACES, st.sampled_from(["enumeration", "milp", "counted"]))
def test_bargaining_points_reach_the_brute_force_optimum(space, method):
    # "counted": the enumeration path with no memory for the zone's members, which counts the
    # zone and takes its points from MILPs
    _, util, ok = all_packages(space)
    zone = zone_mask(space, util, ok)
    if method == "counted":
        zone_out, points = zone_and_points(space, "enumeration", 3, zone_memory=0)
        assert zone_out.get("members_stored", True) is (not zone.any())
    else:
        zone_out, points = zone_and_points(space, method, 3)
    assert zone_out["empty"] == (not zone.any())
    if method != "milp":
        assert zone_out["size"] == int(zone.sum())
    if not zone.any():
        assert all(v is None for v in points.values())
        return
    want = objectives(space, util, zone)
    for name in ("nash", "weighted_nash"):
        if name not in want:  # no zone package gives every party a positive surplus
            assert points[name] is None, name
    for name, value in want.items():
        got = points[name]
        assert got is not None, name
        assert got["objective"] == pytest.approx(value, abs=1e-6), name
        # the reported package really is in the zone and has the reported utilities
        choice = np.array(
            [
                space.option_labels[i].index(got["package"][iid])
                for i, iid in enumerate(space.issue_ids)
            ]
        )
        u = space.package_utility(choice)
        p = space.parties
        assert (u[p] >= space.reservation[p] - 1e-7).all()
        assert space.allowed[p][:, space.columns(choice)].all()


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 60).flatmap(
        lambda n: st.lists(
            st.lists(st.sampled_from([0.0, 0.25, 0.5, 1.0]), min_size=3, max_size=3),
            min_size=n,
            max_size=n,
        )
    )
)
def test_pareto_mask_matches_definition_with_ties(rows):
    pts = np.array(rows)
    mask = pareto_mask(pts)
    for i, p in enumerate(pts):
        dominated = any((q >= p).all() and (q > p).any() for q in pts)
        assert mask[i] == (not dominated)


def test_minkowski_frontier_worked_example():
    # two actors, two issues: issue A gives (1, 0) or (0, 1); issue B gives (0.5, 0.5) or (0, 0)
    cols = [np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[0.5, 0.0], [0.5, 0.0]])]
    found = minkowski_frontier(cols)
    assert found is not None
    choice, util = found
    assert {tuple(c) for c in choice} == {(0, 0), (1, 0)}
    assert {tuple(u) for u in util} == {(1.5, 0.5), (0.5, 1.5)}


@pytest.mark.parametrize("seed", [3, 4, 5])
def test_zone_size_estimate_brackets_the_enumerated_size(seed):
    from pourparler.deals.enumeration import estimate_zone_size

    space = build_space(random_scenario(3, 6, 4, seed, red_line_share=0.2, reservation=(0.2, 0.5)))
    exact = enumerate_zone(space, space.parties).size
    est = estimate_zone_size(space, space.parties, 100_000, 0)
    # within four standard errors (the 95% interval spans about four)
    assert abs(est["value"] - exact) <= est["high"] - est["low"] + 1
    assert est["high"] - est["low"] < 0.2 * max(exact, 1) + 50
    assert est == estimate_zone_size(space, space.parties, 100_000, 0)  # same seed, same answer


@FAST
@given(SPACES)
def test_milp_ranks_the_best_zone_packages_like_enumeration(space):
    from pourparler.deals.enumeration import party_weights

    enum, _ = zone_and_points(space, "enumeration", 3)
    milp, _ = zone_and_points(space, "milp", 3)
    p = space.parties
    w = party_weights(space, p)

    def scores(zone):
        out = []
        for r in zone["best"]:
            s = np.array([r["surplus"][space.actor_ids[a]] for a in np.flatnonzero(p)])
            out.append(float(np.log(np.maximum(s, 1e-300)) @ w) if (s > 0).all() else -np.inf)
        return out

    a, b = scores(enum), scores(milp)
    finite = [x for x in a if np.isfinite(x)]
    assert len(b) == len(finite)  # the MILP path ranks packages strictly better than no deal
    np.testing.assert_allclose(b, finite, atol=1e-6)


@FAST
@given(SPACES)
def test_best_zone_packages_are_the_brute_force_top_by_weighted_nash(space):
    _, util, ok = all_packages(space)
    zone = zone_mask(space, util, ok)
    p = space.parties
    zone_out, _ = zone_and_points(space, "enumeration", 4)
    got = zone_out["best"]
    assert len(got) == min(4, int(zone.sum()))
    if not got:
        return
    cap = space.capability[p]
    with np.errstate(divide="ignore"):
        score = np.log(np.maximum(util[zone][:, p] - space.reservation[p], 0.0)) @ (cap / cap.sum())
    want = np.sort(score)[::-1][: len(got)]
    mine = []
    for r in got:
        s = np.array([r["surplus"][space.actor_ids[a]] for a in np.flatnonzero(p)])
        with np.errstate(divide="ignore"):
            mine.append(float(np.log(np.maximum(s, 0.0)) @ (cap / cap.sum())))
    finite = np.isfinite(want)
    np.testing.assert_allclose(np.array(mine)[finite], want[finite], atol=1e-7)
    assert not np.isfinite(np.array(mine)[~finite]).any()
