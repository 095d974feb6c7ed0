"""Bueno de Mesquita's model in blocks: many actors are worked on a block of actors at a time, and
the numbers are those of the whole table; memory follows :func:`bdm_cost`."""

from __future__ import annotations

import tracemalloc

import numpy as np
import pytest

from pourparler.forecast import bdm


def _inputs(n: int, draws: int, seed: int, coarse: bool) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng([seed, n, draws])
    if coarse:  # a few positions, equal capabilities: ties and voters on midpoints
        x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], (draws, n))
        return x, np.ones((draws, n)), rng.choice([0.5, 1.0], (draws, n))
    return rng.uniform(0, 100, (draws, n)), rng.uniform(1, 100, (draws, n)), rng.random((draws, n))


@pytest.mark.parametrize("coarse", [True, False])
@pytest.mark.parametrize("q", [1.0, 0.6])
@pytest.mark.parametrize("block_bytes", [300_000, 600_000])
def test_blocks_of_actors_give_the_whole_tables_numbers(
    monkeypatch: pytest.MonkeyPatch, coarse: bool, q: float, block_bytes: int
) -> None:
    x, c, s = _inputs(61, 3, 1, coarse)
    whole = bdm.bdm_rounds(x, c, s, rounds=5, q=q)
    monkeypatch.setattr(bdm, "_BLOCK_BYTES", block_bytes)
    chunk, rows = bdm._layout(3, 61)
    assert chunk == 1 and rows < 61 and rows % 4 == 0
    blocked = bdm.bdm_rounds(x, c, s, rounds=5, q=q)
    np.testing.assert_array_equal(blocked.positions, whole.positions)
    np.testing.assert_array_equal(blocked.median, whole.median)
    for d in range(3):  # and each draw alone
        alone = bdm.bdm_rounds(x[d], c[d], s[d], rounds=5, q=q)
        np.testing.assert_array_equal(alone.positions, whole.positions[d])


def test_voters_below_midpoints_counts_strictly_below() -> None:
    x = np.array([[0.0, 25.0, 50.0, 50.0, 100.0]])
    below = bdm._voters_below_midpoints(x)
    mid = 0.5 * (x[0][:, None] + x[0][None, :])
    expected = (x[0][None, None, :] < mid[:, :, None]).sum(axis=-1)
    np.testing.assert_array_equal(below[0], expected)
    assert below[0, 0, 2] == 1  # 25 sits on the midpoint of 0 and 50: not below


def test_cost_grows_with_the_size_and_memory_stays_bounded() -> None:
    t1, m1 = bdm.bdm_cost(2_000, 200, 10)
    t2, m2 = bdm.bdm_cost(10_000, 200, 10)
    assert t2 > 20 * t1 and m2 > m1
    # the working set of one chunk is one draw's prefix table and the blocks, not draws × n²
    _, m_one = bdm.bdm_cost(10_000, 1, 10)
    assert m_one < 1.5 * 8 * 10_000**2
    assert bdm.bdm_cost(0, 10, 10) == (0.0, 0)


def test_peak_memory_follows_the_estimate(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bdm, "_BLOCK_BYTES", 2 << 20)
    monkeypatch.setattr(bdm, "_CACHE_BYTES", 0)
    n, draws, rounds = 400, 2, 2
    x, c, s = _inputs(n, draws, 2, False)
    _, estimate = bdm.bdm_cost(n, draws, rounds)
    tracemalloc.start()
    try:
        bdm.bdm_rounds(x, c, s, rounds=rounds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert estimate / 2 < peak < 1.5 * estimate
    # one draw's prefix table and blocks: far from the draws × n² × arrays of whole tables
    assert peak < 2 * 8 * n * n * draws
