"""Principal obstacle, minimal concessions and spoilers against brute force."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from deals_brute import all_packages, zone_mask
from pourparler.deals import build_space
from pourparler.deals.obstacles import minimal_concessions, principal_obstacle, spoilers
from pourparler.deals.synthetic import random_scenario
from pourparler.scenario import load_scenario

BORDER = Path(__file__).parent / "data" / "deals" / "border.yaml"

EMPTY_SPACES = st.builds(
    lambda seed, n_a, n_i, by: build_space(
        random_scenario(
            n_a + by, n_i, (2, 4), seed, red_line_share=0.4, reservation=(0.4, 0.9), bystanders=by
        )
    ),
    st.integers(0, 2**32 - 1),
    st.integers(2, 4),
    st.integers(2, 4),
    st.integers(0, 1),
)


def _brute_relaxations(space):
    """Every candidate relaxation that opens the zone, with its size as a fraction of range."""
    choices, util, ok = all_packages(space)
    p = space.parties
    out = {}
    for a in np.flatnonzero(p):
        others = p.copy()
        others[a] = False
        feas = ok[:, p].all(axis=1) & (util[:, others] >= space.reservation[others] - 1e-9).all(
            axis=1
        )
        if feas.any():
            out[("no_deal", space.actor_ids[a])] = space.reservation[a] - util[feas, a].max()
    for i in range(space.n_issues):
        vals = space.option_values[i]
        for j, v in enumerate(vals):
            col = space.offsets[i] + j
            blockers = [a for a in np.flatnonzero(p) if not space.allowed[a, col]]
            if not blockers:
                continue
            # allowed again for everybody on this option; everything else unchanged
            allowed = space.allowed.copy()
            allowed[:, col] = True
            cols = choices + space.offsets[:-1]
            ok2 = np.array([[allowed[a, c].all() for a in range(space.n_actors)] for c in cols])
            opens = (
                ok2[:, p].all(axis=1) & (util[:, p] >= space.reservation[p] - 1e-9).all(1)
            ).any()
            if not opens:
                continue
            dist = []
            for a in blockers:
                lo, hi = space.red_line[a, i]  # distance from the red-line interval itself
                dist.append(max(lo - v, v - hi, 0.0))
            size = max(dist) / 100
            key = ("issue", space.issue_ids[i])
            out[key] = min(out.get(key, np.inf), size)
            if len(blockers) == 1:
                key = ("red_line", space.actor_ids[blockers[0]], space.issue_ids[i])
                out[key] = min(out.get(key, np.inf), size)
    return out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EMPTY_SPACES)
def test_obstacle_is_the_smallest_relaxation_that_opens_an_empty_zone(space):
    _, util, ok = all_packages(space)
    if zone_mask(space, util, ok).any():
        return
    found = principal_obstacle(space, True, 0)
    want = _brute_relaxations(space)
    if not want:
        assert "kind" not in found
        return
    assert found["fraction_of_range"] == pytest.approx(min(want.values()), abs=1e-7)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EMPTY_SPACES)
def test_concession_is_the_gap_to_the_best_package_the_others_accept(space):
    _, util, ok = all_packages(space)
    if zone_mask(space, util, ok).any():
        return
    p = space.parties
    for row, a in zip(minimal_concessions(space, True), np.flatnonzero(p), strict=True):
        others = p.copy()
        others[a] = False
        feas = ok[:, p].all(axis=1) & (util[:, others] >= space.reservation[others] - 1e-9).all(1)
        if feas.any():
            want = max(0.0, space.reservation[a] - util[feas, a].max())
            assert row["utility"] == pytest.approx(want, abs=1e-7)
            assert row["red_lines_crossed"] == []
            continue
        # its own red lines lifted: the fewest crossings, then the most utility
        choices, _, _ = all_packages(space)
        others_ok = ok[:, others].all(axis=1) & (
            util[:, others] >= space.reservation[others] - 1e-9
        ).all(axis=1)
        if not others_ok.any():
            assert row["utility"] is None
            continue
        crossings = (~space.allowed[a][choices + space.offsets[:-1]]).sum(axis=1)
        fewest = crossings[others_ok].min()
        pick = others_ok & (crossings == fewest)
        assert fewest > 0
        assert len(row["red_lines_crossed"]) == fewest
        want = max(0.0, space.reservation[a] - util[pick, a].max())
        assert row["utility"] == pytest.approx(want, abs=1e-7)


def test_border_fixture_worked_example():
    space = build_space(load_scenario(BORDER))
    assert space.actor_ids[np.flatnonzero(space.parties)[0]] == "N"
    assert list(np.flatnonzero(space.spoilers)) == [3]
    chosen = np.array([1, 1, 1, 1])  # current front, moderate cap, consultative, full relief
    [row] = spoilers(space, chosen, "enumeration")
    # X: line 0 (sal .5), army 0 (.3), guarantees 100 (.6, red line [50,100]), sanctions 0 (.9)
    # normalised: span = .5 + .3 + .6 + .9 = 2.3; at the package: .25 + .15 + .3 + 0 = .7
    assert row["utility"] == pytest.approx(0.7 / 2.3)
    assert row["would_block"] is False
    assert row["red_lines_crossed"] == []
    # at the table X's red line (guarantees >= 50) binds; fewer packages remain
    assert row["if_at_table"]["zone_size"] == 2


def test_concessions_are_zero_when_the_zone_exists():
    space = build_space(load_scenario(BORDER))
    rows = minimal_concessions(space, False)
    assert [r["utility"] for r in rows] == [0.0, 0.0]


def _brute_enlargements(space):
    """Zone growth from each unit relaxation: a party's reservation lowered by 0.05 (not below 0),
    or one option some party's red line excludes admitted for every party."""
    choices, util, ok = all_packages(space)
    p = space.parties
    base = int(zone_mask(space, util, ok).sum())
    out = []
    for a in np.flatnonzero(p):
        d = space.reservation.copy()
        d[a] = max(0.0, d[a] - 0.05)
        inside = ok[:, p].all(axis=1) & (util[:, p] >= d[p] - 1e-9).all(axis=1)
        out.append(int(inside.sum()) - base)
    cols = choices + space.offsets[:-1]
    for col in np.flatnonzero(~space.allowed[p].all(axis=0)):
        allowed = space.allowed.copy()
        allowed[:, col] = True
        ok2 = np.stack([allowed[a][cols].all(axis=1) for a in range(space.n_actors)], axis=1)
        inside = ok2[:, p].all(axis=1) & (util[:, p] >= space.reservation[p] - 1e-9).all(1)
        out.append(int(inside.sum()) - base)
    return base, out


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.builds(
        lambda seed, n_a, n_i: build_space(
            random_scenario(n_a, n_i, (2, 4), seed, red_line_share=0.4, reservation=(0.1, 0.5))
        ),
        st.integers(0, 2**32 - 1),
        st.integers(2, 4),
        st.integers(2, 4),
    )
)
def test_obstacle_of_an_open_zone_is_the_brute_force_largest_enlargement(space):
    base, gains = _brute_enlargements(space)
    if base == 0:
        return
    found = principal_obstacle(space, False, base)
    if max(gains, default=0) == 0:
        assert "kind" not in found
        return
    assert found["method"] == "enumeration"
    assert found["enlargement"] == max(gains)


@pytest.mark.parametrize("seed", [2, 3, 4, 7])
def test_sampled_enlargement_agrees_with_the_exact_count(seed):
    space = build_space(random_scenario(3, 6, 4, seed, red_line_share=0.3, reservation=(0.2, 0.45)))
    _, util, ok = all_packages(space)
    size = int(zone_mask(space, util, ok).sum())
    assert size > 0
    exact = principal_obstacle(space, False, size)
    sampled = principal_obstacle(space, False, size, count_limit=0, samples=100_000, seed=0)
    assert exact["method"] == "enumeration" and sampled["method"] == "monte-carlo"
    assert sampled["enlargement"] == pytest.approx(
        exact["enlargement"], abs=5 * sampled["enlargement_se"] + 2
    )
