"""Property tests of the forecast kernels (hypothesis) and of the Monte Carlo and sensitivity
layers."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from hypothesis.extra.numpy import arrays

from pourparler.forecast import bdm
from pourparler.forecast.central import weighted_mean, weighted_median
from pourparler.forecast.ensemble import combine
from pourparler.forecast.exchange import run_exchange
from pourparler.forecast.models import BASE_MODELS, ForecastInputs
from pourparler.forecast.montecarlo import (
    InputSD,
    child_seeds,
    draw_inputs,
    monte_carlo,
    summarise,
)
from pourparler.forecast.nash import nash_bargaining
from pourparler.forecast.sensitivity import sensitivity

positions = st.integers(2, 7).flatmap(
    lambda n: st.tuples(
        arrays(np.float64, n, elements=st.floats(0, 100)),
        arrays(np.float64, n, elements=st.floats(0.01, 1)),
    )
)
SETTINGS = settings(max_examples=60, deadline=None)


@SETTINGS
@given(positions)
def test_mean_median_nash_lie_within_the_hull(case: tuple[np.ndarray, np.ndarray]) -> None:
    x, w = case
    lo, hi = x.min() - 1e-9, x.max() + 1e-9
    for f in (weighted_mean(x, w), weighted_median(x, w), nash_bargaining(x, w, 50.0, 0.0)):
        assert lo <= float(f) <= hi


@SETTINGS
@given(positions, st.integers(0, 6), st.floats(0, 100))
def test_moving_an_actor_towards_x_moves_the_compromise_towards_x(
    case: tuple[np.ndarray, np.ndarray], who: int, target: float
) -> None:
    x, w = case
    k = who % len(x)
    before = float(weighted_mean(x, w))
    moved = x.copy()
    moved[k] = x[k] + 0.5 * (target - x[k])
    after = float(weighted_mean(moved, w))
    # the compromise shifts the way the actor moved (by its weight share of the move)
    assert (after - before) * (target - x[k]) >= -1e-9
    share = w[k] / w.sum()
    assert after - before == pytest.approx(share * (moved[k] - x[k]), abs=1e-9)


@SETTINGS
@given(positions, st.floats(0, 0.9))
# the actors' surplus intervals overlap on (44.0875, 44.1098) only: narrower than a grid step
@example((np.array([88.1875, 0.0]), np.array([1.0, 1.0])), 0.5590175628775779)
def test_nash_maximises_the_weighted_log_surplus(
    case: tuple[np.ndarray, np.ndarray], d: float
) -> None:
    x, w = case
    best = float(nash_bargaining(x, w, 50.0, d))

    def objective(z: np.ndarray) -> np.ndarray:
        surplus = 1 - np.abs(z[:, None] - x[None, :]) / 100 - d
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(np.all(surplus > 0, axis=1), (w * np.log(surplus)).sum(axis=1), -np.inf)

    # points giving every actor a surplus: the intersection of the intervals |z - x_i| < r,
    # which can be narrower than any grid step, so it is found exactly
    r = 100 * (1 - d)
    lo, hi = max(0.0, float(x.max()) - r), min(100.0, float(x.min()) + r)
    if lo < hi:
        grid = np.concatenate([np.linspace(lo, hi, 2001)[1:-1], [best]])
        values = objective(grid)
        assert np.isfinite(values[-1])  # the forecast gives every actor a surplus
        assert values[-1] >= values[:-1].max() - 1e-9
    else:
        assert best == 50.0  # nothing beats disagreement: the status quo stands


def test_nash_with_status_quo_inside_the_positions_keeps_the_status_quo() -> None:
    # every move away from 50 hurts one side: no agreement improves on the status quo
    assert float(nash_bargaining([20.0, 80.0], [1.0, 1.0], 50.0)) == 50.0
    # both on one side of the status quo: they agree to move, the heavier pulls harder
    assert float(nash_bargaining([20.0, 40.0], [1.0, 1.0], 80.0)) == pytest.approx(40.0)
    assert float(nash_bargaining([20.0, 40.0], [3.0, 1.0], 80.0)) == pytest.approx(20.0)


@SETTINGS
@given(st.integers(0, 10_000), st.integers(2, 8), st.floats(0.0, 1.0))
def test_bdm_positions_stay_within_the_initial_hull(seed: int, n: int, q: float) -> None:
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(0, 100, (3, n)), 1)
    res = bdm.bdm_rounds(x, rng.uniform(0, 1, (3, n)), rng.uniform(0, 1, (3, n)), rounds=4, q=q)
    lo = x.min(axis=-1)[:, None, None] - 1e-9
    hi = x.max(axis=-1)[:, None, None] + 1e-9
    assert np.all((res.positions >= lo) & (res.positions <= hi))
    assert np.all((res.median >= lo[:, :, 0]) & (res.median <= hi[:, :, 0]))


@SETTINGS
@given(st.integers(0, 10_000), st.integers(2, 7))
def test_bdm_probability_equals_the_sum_over_all_voters(seed: int, n: int) -> None:
    """The O(n²) prefix-sum form equals Σ_k max(0, v_k(a, b)) / Σ_k Σ_l Σ_m |v_k(l, m)|."""
    rng = np.random.default_rng(seed)
    x = np.round(rng.uniform(0, 10, (2, n)))  # rounding makes ties and midpoints common
    assume(np.all(x.max(-1) > x.min(-1)))
    w = rng.uniform(0, 1, (2, n))
    r = rng.uniform(0.5, 2, (2, n))
    span = (x.max(-1) - x.min(-1))[:, None, None]
    dist = np.abs(x[:, :, None] - x[:, None, :]) / span
    got = bdm._win_probability(x, dist, w, r, bdm._voters_below_midpoints(x))
    a = w[:, :, None] * dist ** r[:, :, None]  # a[k, l]
    v = a[:, :, None, :] - a[:, :, :, None]  # v[k, a, b] = a[k, b] − a[k, a]
    expected = np.maximum(v, 0).sum(axis=1) / np.abs(v).sum(axis=(1, 2, 3))[:, None, None]
    expected = np.where(x[:, :, None] == x[:, None, :], 0.0, expected)
    np.testing.assert_allclose(got, expected, atol=1e-12)


def test_bdm_nobody_moves_when_all_agree() -> None:
    res = bdm.bdm_rounds([30.0, 30.0, 30.0], [1, 2, 3], [0.5, 0.5, 0.5], rounds=3)
    assert np.all(res.positions == 30.0)


def test_ensemble_skips_missing_models_and_renormalises() -> None:
    out = combine({"compromise": np.array([10.0, 10.0]), "median": np.array([40.0, np.nan])})
    assert out[0] == pytest.approx((0.30 * 10 + 0.15 * 40) / 0.45)
    assert out[1] == pytest.approx(10.0)


def _single(seed: int) -> ForecastInputs:
    rng = np.random.default_rng(seed)
    present = np.ones((4, 2), dtype=bool)
    present[3, 1] = False
    pos = np.where(present, rng.uniform(0, 100, (1, 4, 2)), np.nan)
    sal = np.where(present, rng.uniform(0, 1, (1, 4, 2)), 0.0)
    return ForecastInputs(pos, sal, rng.uniform(0, 1, (1, 4)), present, np.array([50.0, 50.0]))


def test_draws_respect_the_ranges_and_absent_stances() -> None:
    base = _single(0)
    sd = InputSD(np.full((4, 2), 80.0), np.full((4, 2), 2.0), np.full(4, 5.0))
    batch = draw_inputs(base, 500, np.random.default_rng(1), sd=sd)
    assert np.nanmin(batch.position) >= 0 and np.nanmax(batch.position) <= 100
    assert np.all(np.isnan(batch.position[:, 3, 1])) and np.all(batch.salience[:, 3, 1] == 0)
    assert batch.salience.min() >= 0 and batch.salience.max() <= 1
    assert batch.capability.min() >= 0


def test_no_uncertainty_gives_a_point_distribution() -> None:
    base = _single(2)
    zero = InputSD(np.zeros((4, 2)), np.zeros((4, 2)), np.zeros(4))
    dist = monte_carlo(base, zero, ["compromise"], draws=20, seed=3)["compromise"]
    expected = weighted_mean(base.position[0].T, (base.capability[0][:, None] * base.salience[0]).T)
    np.testing.assert_allclose(dist.low, expected)
    np.testing.assert_allclose(dist.high, expected)


def test_interval_is_the_central_80_percent() -> None:
    samples = np.arange(101, dtype=float)[:, None]
    d = summarise(samples)
    assert (d.low[0], d.median[0], d.high[0]) == (10.0, 50.0, 90.0)


def test_monte_carlo_rejects_no_draws() -> None:
    with pytest.raises(ValueError, match="draws"):
        monte_carlo(
            _single(0), InputSD(np.zeros((4, 2)), np.zeros((4, 2)), np.zeros(4)), draws=0, seed=1
        )


def test_sensitivity_finds_the_heaviest_actor_and_signs_are_right() -> None:
    present = np.ones((3, 1), dtype=bool)
    base = ForecastInputs(
        np.array([[[20.0], [50.0], [80.0]]]),
        np.array([[[1.0], [0.5], [0.5]]]),
        np.array([[3.0, 1.0, 1.0]]),
        present,
        np.array([50.0]),
    )
    (res,) = sensitivity(base, ("A", "B", "C"), ("i",), model="compromise")
    top = res.effects[0]
    assert (top.actor, top.input) == ("A", "position")
    assert top.forecast_low < res.forecast < top.forecast_high
    # A's weight is 3/4 of the total: moving it by ±10 moves the mean by ±7.5
    assert top.size == pytest.approx(15.0)
    assert [e.size for e in res.effects] == sorted((e.size for e in res.effects), reverse=True)


@SETTINGS
@given(arrays(np.float64, (5, 3), elements=st.floats(0, 100)))
def test_ensemble_lies_between_its_members(values: np.ndarray) -> None:
    names = ["compromise", "median", "nash", "bdm", "exchange"]
    out = combine(dict(zip(names, values, strict=True)))
    assert np.all(out >= values.min(axis=0) - 1e-9)
    assert np.all(out <= values.max(axis=0) + 1e-9)


def test_exchange_runs_on_every_draw_and_the_ensemble_uses_the_same_draw() -> None:
    base = _single(4)
    sd = InputSD(np.full((4, 2), 20.0), np.full((4, 2), 0.2), np.full(4, 0.3))
    dists = monte_carlo(base, sd, ["ensemble"], draws=23, seed=8, rounds=4, chunk_size=10)
    ex = dists["exchange"].samples
    assert ex.shape == (23, 2)
    # every draw's exchange forecast is that of the model run on that draw alone
    seeds = child_seeds(8, 3)
    for k, lo in enumerate(range(0, 23, 10)):
        batch = draw_inputs(base, min(10, 23 - lo), np.random.default_rng(seeds[k]), sd=sd)
        for i in range(batch.n_draws):
            x = np.where(batch.present, batch.position[i], np.nan)
            alone = run_exchange(x, batch.salience[i], batch.capability[i], rounds=4)
            np.testing.assert_array_equal(ex[lo + i], alone.forecast())
    assert np.unique(ex, axis=0).shape[0] == 23  # no draw reuses another's forecast
    members = {m: dists[m].samples for m in BASE_MODELS}
    np.testing.assert_array_equal(dists["ensemble"].samples, combine(members))
