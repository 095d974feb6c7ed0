"""Slantchev's fight-to-the-finish values and offers, the gambler's ruin, and Beta beliefs."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats

from pourparler.dynamics.battlefield import (
    complete_information_offers,
    fight_value_table,
    fight_values,
    gamblers_ruin,
)
from pourparler.dynamics.beliefs import (
    biased_mean,
    mean,
    mutual_optimism,
    prior_from_optimism,
    update,
)
from pourparler.errors import InputError

CASES = [(2, 0.5, 0.9, 0.0, 0.0), (10, 0.55, 0.99, 0.02, 0.03), (25, 0.3, 0.95, 0.1, 0.0)]


def dense_w(steps: int, p: float, d: float, flow: float, lo: float, hi: float) -> np.ndarray:
    """The same recursion written as a dense (N+1)×(N+1) system, solved by numpy."""
    a = np.eye(steps + 1)
    rhs = np.zeros(steps + 1)
    rhs[0], rhs[steps] = lo, hi
    for k in range(1, steps):
        a[k, k + 1] -= d * p
        a[k, k - 1] -= d * (1 - p)
        rhs[k] = (1 - d) * flow
    return np.linalg.solve(a, rhs)


@pytest.mark.parametrize(("n", "p"), [(2, 0.5), (10, 0.5), (10, 0.6), (30, 0.45), (7, 0.9)])
def test_gamblers_ruin_closed_form(n: int, p: float) -> None:
    k = np.arange(n + 1)
    r = (1 - p) / p
    expected = k / n if p == 0.5 else (1 - r**k) / (1 - r**n)
    np.testing.assert_allclose(gamblers_ruin(n, p), expected, rtol=1e-12, atol=1e-15)
    wa, wb = fight_values(n, p, 1.0)  # δ = 1, no costs: the ruin probability, and its complement
    np.testing.assert_allclose(wa, expected, atol=1e-12)
    np.testing.assert_allclose(wa + wb, 1.0, atol=1e-12)
    near, _ = fight_values(n, p, 1 - 1e-9)
    np.testing.assert_allclose(near, expected, atol=1e-6)


def test_gamblers_ruin_stays_finite_on_long_fronts() -> None:
    w = gamblers_ruin(1000, 0.3)
    assert np.all(np.isfinite(w)) and w[0] == 0 and w[-1] == 1 and np.all(np.diff(w) >= 0)


@pytest.mark.parametrize(("n", "p", "d", "ca", "cb"), CASES)
def test_fight_values_solve_the_recursion(n: int, p: float, d: float, ca: float, cb: float) -> None:
    wa, wb = fight_values(n, p, d, ca, cb)
    np.testing.assert_allclose(wa, dense_w(n, p, d, -ca, 0.0, 1.0), atol=1e-12)
    np.testing.assert_allclose(wb, dense_w(n, p, d, -cb, 1.0, 0.0), atol=1e-12)
    k = np.arange(1, n)
    residual = wa[k] - ((1 - d) * -ca + d * (p * wa[k + 1] + (1 - p) * wa[k - 1]))
    assert np.max(np.abs(residual)) < 1e-12


@pytest.mark.parametrize(("n", "p", "d", "ca", "cb"), CASES)
def test_mirror_image_at_p_and_one_minus_p(
    n: int, p: float, d: float, ca: float, cb: float
) -> None:
    wa, wb = fight_values(n, p, d, ca, cb)
    ma, mb = fight_values(n, 1 - p, d, cb, ca)  # the same war seen from the other side
    np.testing.assert_allclose(wa, mb[::-1], atol=1e-12)
    np.testing.assert_allclose(wb, ma[::-1], atol=1e-12)
    x, y = complete_information_offers(n, p, d, ca, cb)
    mx, my = complete_information_offers(n, 1 - p, d, cb, ca)
    np.testing.assert_allclose(mx, y[::-1], atol=1e-12)
    np.testing.assert_allclose(my, x[::-1], atol=1e-12)


def test_values_rise_with_the_front_and_with_p_and_fall_with_cost() -> None:
    wa, wb = fight_values(12, 0.5, 0.98, 0.02, 0.02)
    assert np.all(np.diff(wa) > 0) and np.all(np.diff(wb) < 0)
    assert np.all(fight_values(12, 0.6, 0.98)[0][1:-1] > fight_values(12, 0.5, 0.98)[0][1:-1])
    assert np.all(fight_values(12, 0.5, 0.98, 0.1)[0][1:-1] < fight_values(12, 0.5, 0.98)[0][1:-1])


def test_vectorised_values_match_one_at_a_time() -> None:
    ps = np.array([0.2, 0.5, 0.77])
    wa, wb = fight_values(9, ps, 0.97, 0.01, 0.05)
    for row, p in enumerate(ps):
        one_a, one_b = fight_values(9, float(p), 0.97, 0.01, 0.05)
        np.testing.assert_allclose(wa[row], one_a, atol=1e-14)
        np.testing.assert_allclose(wb[row], one_b, atol=1e-14)


@pytest.mark.parametrize(("n", "p", "d", "ca", "cb"), [*CASES, (15, 0.62, 0.9, 0.3, 0.2)])
def test_offers_satisfy_proposition_1_and_lie_in_the_bargaining_range(
    n: int, p: float, d: float, ca: float, cb: float
) -> None:
    x, y = complete_information_offers(n, p, d, ca, cb)
    assert (x[0], x[-1], y[0], y[-1]) == (0.0, 1.0, 1.0, 0.0)
    k = np.arange(1, n)
    np.testing.assert_allclose(
        1 - x[k], (1 - d) * -cb + d * (p * y[k + 1] + (1 - p) * y[k - 1]), atol=1e-12
    )
    np.testing.assert_allclose(
        1 - y[k], (1 - d) * -ca + d * (p * x[k + 1] + (1 - p) * x[k - 1]), atol=1e-12
    )
    wa, wb = fight_values(n, p, d, ca, cb)
    assert np.all(x >= wa - 1e-12) and np.all(x <= 1 - wb + 1e-12)
    assert np.all(1 - y >= wa - 1e-12) and np.all(1 - y <= 1 - wb + 1e-12)


def test_table_interpolates_the_exact_values() -> None:
    table = fight_value_table(10, 0.99, 0.02, 0.03)
    ks = np.array([1, 5, 9, 3])
    ps = np.array([0.31, 0.5, 0.737, 0.999])
    wa, wb = table.values(ks, ps)
    for j in range(ks.size):
        ea, eb = fight_values(10, float(ps[j]), 0.99, 0.02, 0.03)
        assert abs(wa[j] - ea[ks[j]]) < 1e-4 and abs(wb[j] - eb[ks[j]]) < 1e-4


def test_bad_arguments_are_input_errors() -> None:
    with pytest.raises(InputError, match="steps"):
        fight_values(1, 0.5, 0.9)
    with pytest.raises(InputError, match="p:"):
        fight_values(5, 1.0, 0.9)
    with pytest.raises(InputError, match="discount"):
        fight_values(5, 0.5, 0.0)


def test_realistic_prior_centres_on_p_and_optimism_biases_each_side_its_own_way() -> None:
    a, b = prior_from_optimism(0.55, 0.5, 12, "a")
    assert a + b == pytest.approx(12) and a / (a + b) == pytest.approx(0.55)
    a_opt = mean(*prior_from_optimism(0.55, 0.7, 12, "a"))
    b_opt = mean(*prior_from_optimism(0.55, 0.7, 12, "b"))  # side b believes p is lower
    assert a_opt > 0.55 > b_opt
    assert biased_mean(0.4, 1.0) == pytest.approx(0.999) and biased_mean(0.4, 0.0) == 0.001
    assert biased_mean(0.4, 0.25) == pytest.approx(0.2)


def test_beta_update_is_bayes_rule() -> None:
    alpha, beta = update(3.0, 5.0, 4, 6)
    assert (alpha, beta) == (7.0, 7.0)
    # The conjugate posterior equals the prior times the likelihood, normalised, on a grid.
    grid = np.linspace(0.0005, 0.9995, 2000)
    post = stats.beta.pdf(grid, 3, 5) * stats.binom.pmf(4, 6, grid)
    post /= np.trapezoid(post, grid)
    np.testing.assert_allclose(post, stats.beta.pdf(grid, alpha, beta), atol=2e-3)
    a, b = update(np.array([1.0, 2.0]), np.array([1.0, 2.0]), np.array([0, 3]), np.array([3, 3]))
    np.testing.assert_allclose(mean(a, b), [0.2, 5 / 7])
    with pytest.raises(InputError):
        update(1.0, 1.0, 4, 3)


def test_mutual_optimism_when_values_sum_past_the_whole() -> None:
    table = fight_value_table(10, 0.999)
    wa, _ = table.values(5, mean(*prior_from_optimism(0.5, 0.8, 12, "a")))
    _, wb = table.values(5, mean(*prior_from_optimism(0.5, 0.8, 12, "b")))
    assert bool(mutual_optimism(wa, wb))
    wa, wb = table.values(5, 0.5)
    assert not bool(mutual_optimism(wa, wb))
