"""Bueno de Mesquita's model on the distinct positions: when a draw's actors share positions, the
votes and win probabilities are computed once per distinct position and read back for every
actor, and every round's positions, median and mean are exactly (bit for bit) those computed
actor by actor."""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest

from pourparler.forecast import bdm
from pourparler.forecast.bdm_pairs import DistinctPositions


def _inputs(n: int, seed: int, levels: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = np.random.default_rng([seed, n, levels])
    x = rng.choice(np.linspace(0.0, 100.0, levels), (1, n))
    c = rng.uniform(0.0, 1.0, (1, n))
    c[0, rng.random(n) < 0.1] = 0.0  # some actors without capability
    s = rng.choice([0.0, 0.3, 0.5, 1.0], (1, n))
    return x, c, s


def _run(
    monkeypatch: pytest.MonkeyPatch, distinct: bool, inputs: tuple[np.ndarray, ...], q: float
) -> tuple[bdm.BDMResult, int]:
    """The model with the distinct-position tables allowed or not, and how often they served."""
    monkeypatch.setattr(bdm, "_DISTINCT_SHARE", 0.5 if distinct else 0.0)
    made = []
    original = DistinctPositions.of

    def spy(x: np.ndarray, xs: np.ndarray, *budget: Any) -> DistinctPositions | None:
        got = original(x, xs, *budget)
        made.append(got is not None)
        return got

    monkeypatch.setattr(DistinctPositions, "of", staticmethod(spy))
    return bdm.bdm_rounds(*inputs, rounds=6, q=q), sum(made)


@pytest.mark.parametrize("q", [1.0, 0.6])
@pytest.mark.parametrize(("n", "levels", "block_bytes"), [(90, 7, 64 << 20), (150, 21, 400_000)])
def test_distinct_positions_give_the_bits_of_every_actor(
    monkeypatch: pytest.MonkeyPatch, q: float, n: int, levels: int, block_bytes: int
) -> None:
    monkeypatch.setattr(bdm, "_BLOCK_BYTES", block_bytes)
    x, c, s = _inputs(n, 3, levels)
    fast, served = _run(monkeypatch, True, (x, c, s), q)
    slow, none = _run(monkeypatch, False, (x, c, s), q)
    assert served > 0 and none == 0
    np.testing.assert_array_equal(fast.positions, slow.positions)
    np.testing.assert_array_equal(fast.median, slow.median)
    np.testing.assert_array_equal(fast.mean, slow.mean)
    assert not np.array_equal(fast.positions[0, -1], x[0])  # the actors did move


def test_distinct_positions_are_used_only_where_positions_repeat() -> None:
    x = np.array([[0.0, 10.0, 10.0, 50.0, 50.0, 50.0, 90.0, 90.0]])
    xs = np.sort(x, axis=-1)
    budget = (0.5, 64 << 20, 24)  # share of the actors, bytes, arrays alive
    grid = DistinctPositions.of(x, xs, *budget)
    assert grid is not None
    np.testing.assert_array_equal(grid.u, [0.0, 10.0, 50.0, 90.0])
    np.testing.assert_array_equal(grid.u[grid.inv], x[0])
    # below[i, j]: actors strictly below the midpoint of u_i and u_j (10 | 50 → 30: three)
    assert grid.below[1, 2] == 3 and grid.below[2, 1] == 3 and grid.below[0, 0] == 0
    assert DistinctPositions.of(np.array([[0.0, 1.0, 2.0, 3.0]]), xs[:, :4], *budget) is None
    assert DistinctPositions.of(np.vstack([x, x]), np.vstack([xs, xs]), *budget) is None
    assert DistinctPositions.of(x, xs, 0.5, 100, 24) is None  # its tables would not fit
