"""The simulation's precomputed zone: the two-party frontier against brute force, the mediator's
weighted Nash pick, and the ripeness index's worked values."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pourparler.deals.space import build_space
from pourparler.dynamics.ripeness import hurt, ripeness, stalemate
from pourparler.dynamics.setup import status_quo_options
from pourparler.dynamics.zone_path import mediate, track_frontier, two_party_front
from simulate_samples import doc, scenario, set_no_deal


def test_two_party_front_worked_example() -> None:
    u_a = np.array([0.1, 0.5, 0.5, 0.9, 0.3, 0.5])
    u_b = np.array([0.9, 0.5, 0.6, 0.1, 0.3, 0.6])
    front = two_party_front(u_a, u_b)
    assert [(u_a[j], u_b[j]) for j in front] == [(0.1, 0.9), (0.5, 0.6), (0.9, 0.1)]


def _brute(sc, issues):  # type: ignore[no-untyped-def]
    space = build_space(sc)
    held = status_quo_options(sc)
    parties = space.parties
    a, b = 0, 1
    best: dict[tuple[float, float], None] = {}
    pts = []
    ranges = [range(len(i.options)) if issues[k] else [held[k]] for k, i in enumerate(sc.issues)]
    for choice in itertools.product(*ranges):
        c = np.array(choice)
        cols = space.columns(c)
        on_track = issues[space.issue_of_column()[cols]]
        if not space.allowed[np.ix_(parties | np.eye(4, dtype=bool)[[a, b]].any(0), cols)][
            :, on_track
        ].all():
            continue
        u = space.package_utility(c)
        others = parties.copy()
        others[[a, b]] = False
        if (u[others] < space.reservation[others] - 1e-9).any():
            continue
        pts.append((u[a], u[b]))
    arr = np.array(pts)
    for p in arr:
        if not ((arr[:, 0] >= p[0]) & (arr[:, 1] >= p[1]) & ((arr > p).any(axis=1))).any():
            best[(round(p[0], 9), round(p[1], 9))] = None
    return sorted(best)


def test_track_frontier_equals_the_brute_force_frontier() -> None:
    data = doc()
    data["actors"][2]["veto"] = True  # the mediator's reservation now binds
    set_no_deal(data, "M", utility=0.4)
    data["stances"].append({"actor": "M", "issue": "truce", "position": 50, "salience": 0.2})
    data["stances"].append(
        {"actor": "M", "issue": "guarantees", "position": 0, "salience": 0.6, "red_line": [0, 50]}
    )
    from pourparler.scenario import Scenario

    sc = Scenario.model_validate(data)
    space = build_space(sc)
    held = status_quo_options(sc)
    for issues in (np.array([False, True, True]), np.array([True, False, False])):
        fr = track_frontier(space, issues, held, 0, 1)
        got = sorted(zip(np.round(fr.u_a, 9).tolist(), np.round(fr.u_b, 9).tolist(), strict=True))
        assert got == _brute(sc, issues)
        assert np.all(np.diff(fr.u_a) > 0) and np.all(np.diff(fr.u_b) < 0)
        assert (fr.choice[:, ~issues] == held[~issues]).all()


def test_mediate_worked_example() -> None:
    u_a = np.array([0.2, 0.4, 0.6, 0.8])
    u_b = np.array([0.9, 0.7, 0.5, 0.1])
    open_, pick = mediate(
        u_a, u_b, np.array([0.0, 0.5, 0.9, 0.3]), np.array([0.0, 0.2, 0.0, 0.6]), 0.5, 0.5
    )
    # run 0: products 0.18, 0.28, 0.30, 0.08 -> 0.6; run 1: only (0.6, 0.5), (0.8, 0.1) are
    # inside and only (0.6, 0.5) has a positive surplus for both; run 2: none; run 3: (0.4, 0.7)
    assert open_.tolist() == [True, True, False, True]
    assert pick.tolist() == [2, 2, -1, 1]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=12),
    st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=1, max_size=6),
    st.floats(0.05, 0.95),
)
def test_mediate_matches_a_loop_over_the_zone(
    points: list[tuple[float, float]], ds: list[tuple[float, float]], w: float
) -> None:
    arr = np.array(points)
    front = two_party_front(arr[:, 0], arr[:, 1])
    u_a, u_b = arr[front, 0], arr[front, 1]
    d = np.array(ds)
    open_, pick = mediate(u_a, u_b, d[:, 0], d[:, 1], w, 1 - w)
    for r in range(len(d)):
        inside = [
            j for j in range(len(u_a)) if u_a[j] >= d[r, 0] - 1e-9 and u_b[j] >= d[r, 1] - 1e-9
        ]
        assert open_[r] == bool(inside)
        if inside:
            sa = np.maximum(u_a - d[r, 0], 1e-12)
            sb = np.maximum(u_b - d[r, 1], 1e-12)
            score = w * np.log(sa) + (1 - w) * np.log(sb)
            assert pick[r] in inside
            assert score[pick[r]] >= max(score[j] for j in inside) - 1e-12
        else:
            assert pick[r] == -1


def test_ripeness_worked_values() -> None:
    assert np.isclose(hurt(0.01, 0.99), 1 - np.exp(-1.0))
    assert stalemate(0.5, 0.3) == 1.0
    assert np.isclose(stalemate(0.9, 0.1), 0.2)
    r = ripeness(
        np.array([0.01, 0.01, 0.01]),
        np.array([0.02, 0.0, 0.02]),
        0.99,
        np.array([0.5, 0.5, 0.5]),
        np.array([0.5, 0.5, 0.5]),
        np.array([True, True, False]),
    )
    assert np.allclose(r, [1 - np.exp(-1.0), 0.0, 0.0])


def test_the_builtin_scenarios_frontiers_are_computed_once_and_sorted() -> None:
    from pourparler.dynamics.setup import prepare
    from pourparler.scenario import load_scenario
    from simulate_samples import constant_hazard

    for name in ("istanbul-2025", "istanbul-2022"):
        setup = prepare(load_scenario(name), 12, constant_hazard(0.01))
        for track in (setup.settlement, setup.ceasefire):
            fr = track.frontier
            assert track.hazard.shape == (fr.size, 12)
            assert track.starts[0] == 0 and track.starts[-1] == fr.size
            for lo, hi in zip(track.starts[:-1], track.starts[1:], strict=True):  # each front's
                assert np.all(np.diff(fr.u_a[lo:hi]) > 0) and np.all(np.diff(fr.u_b[lo:hi]) < 0)
    assert scenario().battlefield is not None


def test_option_utilities_at_the_stated_positions_are_the_deals_engines() -> None:
    from pourparler.dynamics.positions import option_utilities, valuation
    from pourparler.scenario import load_scenario

    for sc in (scenario(), load_scenario("istanbul-2025")):
        space = build_space(sc)
        assert sc.battlefield is not None
        sides = (sc.battlefield.side_a, sc.battlefield.side_b)
        val = valuation(sc, space, sides)
        rows = [space.actor_ids.index(s) for s in sides]
        assert np.allclose(option_utilities(val, val.position), space.utility[rows])


def test_drawn_positions_move_the_frontier_and_become_a_driver() -> None:
    from pourparler.dynamics.chunk import drawn_frontiers
    from pourparler.dynamics.setup import Spread, prepare
    from pourparler.dynamics.simulate import simulate
    from simulate_samples import constant_hazard

    data = doc()
    for stance in data["stances"][:6]:
        stance["uncertainty"] = {"position": 15}
    for side in ("A", "B"):  # a zone that opens in some runs only
        set_no_deal(data, side, utility=0.5)
    from pourparler.scenario import Scenario

    sc = Scenario.model_validate(data)
    setup = prepare(sc, 12, constant_hazard(0.01))
    inputs: dict[str, float] = {}
    fronts = drawn_frontiers(setup, np.random.default_rng(1), inputs)
    ((u_a, u_b, idx),) = fronts["settlement"]  # one frontier: no territory held by it
    assert inputs["position_shift_a"] != 0.0
    assert np.all(np.diff(u_a) > 0) and np.all(np.diff(u_b) < 0)
    assert set(idx.tolist()) <= set(range(setup.settlement.frontier.size))
    res = simulate(sc, months=12, runs=1000, seed=2, hazard=constant_hazard(0.01))
    moved = {d.input: d.correlation for d in res.drivers}
    assert moved["position_shift_a"] is not None and moved["position_shift_b"] is not None
    fixed = simulate(
        sc,
        months=12,
        runs=1000,
        seed=2,
        hazard=constant_hazard(0.01),
        spread=Spread(positions=False),
    )
    assert {d.input: d.correlation for d in fixed.drivers}["position_shift_a"] is None


def test_zone_gap_and_way_out_worked_example() -> None:
    from pourparler.dynamics.ripeness import way_out
    from pourparler.dynamics.zone_path import zone_gap

    u_a = np.array([0.2, 0.6])
    u_b = np.array([0.7, 0.3])
    gap = zone_gap(u_a, u_b, np.array([0.1, 0.5, 0.7, 0.3]), np.array([0.1, 0.6, 0.4, 0.8]))
    # run 0: inside; run 1: (0.2, 0.7) lacks 0.3 for a, (0.6, 0.3) lacks 0.3 for b -> 0.3;
    # run 2: (0.6, 0.3) lacks 0.1 for each -> 0.1; run 3: (0.2, 0.7) lacks 0.1 for a and b
    assert np.allclose(gap, [0.0, 0.3, 0.1, 0.1])
    assert np.allclose(way_out(gap), [1.0, 0.0, 0.5, 0.5])
    assert np.isinf(zone_gap(np.zeros(0), np.zeros(0), np.array([0.1]), np.array([0.1]))).all()


def test_the_traced_frontier_matches_the_exact_one_when_minkowski_is_too_large(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from pourparler.dynamics import zone_path

    sc = scenario()
    space = build_space(sc)
    held = status_quo_options(sc)
    issues = np.array([False, True, True])
    exact = track_frontier(space, issues, held, 0, 1)
    monkeypatch.setattr(zone_path, "MINKOWSKI_POINTS", 0)
    traced = track_frontier(space, issues, held, 0, 1)
    assert traced.method.startswith("milp-epsilon-constraint")
    points = set(zip(np.round(exact.u_a, 9), np.round(exact.u_b, 9), strict=True))
    for ua, ub in zip(np.round(traced.u_a, 9), np.round(traced.u_b, 9), strict=True):
        assert (ua, ub) in points  # every traced package is on the exact frontier
    delta = zone_path.TRACE_RESOLUTION + 1e-6
    for ua, ub in zip(exact.u_a, exact.u_b, strict=True):  # and every exact one is matched
        assert np.any(
            ((traced.u_a >= ua - delta) & (traced.u_b >= ub - 1e-6))
            | ((traced.u_b >= ub - delta) & (traced.u_a >= ua - 1e-6))
        )


def test_a_territorial_issue_held_by_a_track_is_held_where_the_front_puts_it() -> None:
    from pourparler.dynamics.setup import held_by_front

    sc = scenario()  # territory (0, 50, 100; status quo 50) follows the front: steps 8, start 4
    space_held = status_quo_options(sc)
    on_ceasefire = np.array([i.track == "ceasefire" for i in sc.issues])
    rows, variant = held_by_front(sc, space_held, on_ceasefire)
    t = [i.id for i in sc.issues].index("territory")
    # status quo 50 + 100·(k − 4)/8: 0 up to k = 2 (25 ties 0 and 50: the lower), 50 from
    # k = 3 (37.5) to 6 (75 ties: the lower), 100 from k = 7 (87.5)
    assert [int(rows[v][t]) for v in variant] == [0, 0, 0, 1, 1, 1, 1, 2, 2]
    assert variant[sc.battlefield.start] == 1 and rows[1][t] == space_held[t]  # as stated
    # a track that negotiates the issue holds nothing the front moves: one frontier
    rows, variant = held_by_front(sc, space_held, ~on_ceasefire)
    assert len(rows) == 1 and not variant.any()
    # without the link the status quo stays put
    still = scenario(battlefield={"territory": []})
    rows, variant = held_by_front(still, space_held, on_ceasefire)
    assert len(rows) == 1 and not variant.any()


def test_a_ceasefire_is_signed_on_the_line_the_front_holds_at_signing() -> None:
    """Each run's last ceasefire is a package of the frontier for the front at its signing
    (counted from the runs' recorded fronts), and ceasefires on more than one line occur."""
    from pourparler.dynamics.chunk import CEASEFIRE, run_chunk
    from pourparler.dynamics.setup import prepare
    from pourparler.scenario import Scenario
    from simulate_samples import constant_hazard

    data = doc()
    set_no_deal(data, "A", utility=0.65)
    set_no_deal(data, "B", utility=0.4)
    data["talks"]["sequencing"] = "ceasefire-first"
    setup = prepare(Scenario.model_validate(data), 36, constant_hazard(0.2))
    track = setup.ceasefire
    assert track.variants == 3
    res = run_chunk(setup, 1000, np.random.SeedSequence(3), record=True)
    state, front = res.paths  # after each month: a ceasefire freezes the front it was signed at
    last = np.full(len(state), -1)
    before = np.zeros(len(state), dtype=state.dtype)
    for m in range(state.shape[1]):
        signed = (state[:, m] == CEASEFIRE) & (before != CEASEFIRE)
        last[signed] = track.variant[front[signed, m]]
        before = state[:, m]
    counted = np.bincount(last[last >= 0], minlength=track.variants)
    per_line = [res.ceasefire_terms[lo:hi].sum() for lo, hi in itertools.pairwise(track.starts)]
    assert per_line == counted.tolist()
    assert np.count_nonzero(counted) >= 2  # the front moved the line some ceasefires are on


def test_the_reported_territory_is_the_status_quo_the_model_holds() -> None:
    """With a status quo off the line at_low…at_high draws through the starting front, the
    months' territory and the report's row give the anchored values the talks use."""
    from pourparler.dynamics.setup import territory_status_quo
    from pourparler.dynamics.simulate import simulate
    from pourparler.report.dynamics_section import _territory_row
    from pourparler.scenario import Scenario

    data = doc()
    data["issues"][1]["status_quo"] = 0  # territory; the front starts at 4 of 8
    sc = Scenario.model_validate(data)
    link = sc.battlefield.territory[0]
    assert territory_status_quo(0.0, link, 4, 4, 8) == 0.0
    assert territory_status_quo(0.0, link, 8, 4, 8) == 50.0
    assert territory_status_quo(0.0, link, 0, 4, 8) == 0.0  # clipped
    res = simulate(sc, months=3, runs=200, seed=1).to_data()
    for month in res["months"]:
        want = territory_status_quo(0.0, link, month["front"], 4, 8)
        assert month["territory"]["territory"] == pytest.approx(want)
    row = _territory_row(sc, link, {})
    assert (row["status_quo"], row["step"], row["at_0"], row["at_end"]) == (0, 12.5, 0.0, 50.0)
