"""The compiled rounds of the exchange model (:mod:`pourparler.forecast.exchange_jit`) give the
numpy kernel's results bit for bit: every recorded array of every round (realised exchanges,
their moves, new positions and gains, voting positions), and the positions and outcomes of whole
runs, on inputs with tied gains, absent stances and the Decide sample files."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pytest.importorskip("numba")

from pourparler.forecast import exchange, exchange_jit, exchange_kernel
from pourparler.forecast.exchange_kernel import RoundResult
from pourparler.scenario.interop_decide import read_decide

FIELDS = ("n_candidates", "start", "order", "move_i", "move_j", "y_i", "y_j", "gain", "voting")


def _rounds(
    x: np.ndarray, s: np.ndarray, c: np.ndarray, rounds: int, jit: bool
) -> tuple[exchange.ExchangeBatch, list[RoundResult]]:
    """Every round's kernel result of a batch, compiled or numpy (at any size); compiled, every
    round must have been decided by the compiled code."""
    x, s, c, present = exchange._validate(x, s, c, batch=True)
    results: list[RoundResult] = []
    compiled: list[bool] = []
    run = exchange_jit.run_round_draws

    def counted(*args: np.ndarray) -> tuple[np.ndarray, ...] | None:
        out = run(*args)
        compiled.append(out is not None)
        return out

    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("POURPARLER_NO_JIT", "0" if jit else "1")
        mp.setenv("POURPARLER_JIT", "1")
        mp.setattr(exchange_jit, "run_round_draws", counted)
        batch = exchange._chain(x, present, s, c, rounds, None, results)
    assert compiled == ([True] * rounds if jit else [])
    return batch, results


def _assert_same(x: np.ndarray, s: np.ndarray, c: np.ndarray, rounds: int = 4) -> None:
    ref_batch, ref = _rounds(x, s, c, rounds, jit=False)
    got_batch, got = _rounds(x, s, c, rounds, jit=True)
    assert len(ref) == len(got) == rounds
    for a, b in zip(ref, got, strict=True):
        for f in FIELDS:
            np.testing.assert_array_equal(getattr(a, f), getattr(b, f), err_msg=f)
        np.testing.assert_array_equal(a.moved, b.moved)
        for f in ("i", "j", "p", "q", "draw", "start"):
            np.testing.assert_array_equal(getattr(a.cand, f), getattr(b.cand, f))
    for f in ("positions", "outcome_start", "outcome_voting", "n_candidates", "initial_outcome"):
        np.testing.assert_array_equal(getattr(ref_batch, f), getattr(got_batch, f), err_msg=f)


def _coarse(
    rng: np.random.Generator, draws: int, actors: int, issues: int, absent: float = 0.0
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Positions on 0/25/50/75/100, saliences on quarters, equal capabilities: many ties."""
    x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], (draws, actors, issues))
    s = rng.choice([0.25, 0.5, 0.75, 1.0], (draws, actors, issues))
    x[rng.random(x.shape) < absent] = np.nan
    return x, s, np.ones((draws, actors))


def test_coarse_grids_with_ties() -> None:
    rng = np.random.default_rng(5)
    for actors, issues in ((4, 3), (9, 5), (25, 6)):
        _assert_same(*_coarse(rng, 3, actors, issues))


def test_many_super_blocks_of_candidates() -> None:
    # tens of thousands of candidates: the best is found through many super-blocks of 1,024
    rng = np.random.default_rng(8)
    x, s, c = _coarse(rng, 1, 60, 8)
    _assert_same(x, s, c, rounds=3)
    x = rng.uniform(0, 100, (1, 60, 8)).round(1)
    _assert_same(x, rng.uniform(0.05, 1.0, x.shape).round(2), rng.uniform(1, 9, (1, 60)), 3)


def test_equal_saliences_and_twin_actors() -> None:
    rng = np.random.default_rng(6)
    x, _, c = _coarse(rng, 2, 12, 4)
    x[:, 6:] = x[:, :6]  # twins: exactly tied candidates
    _assert_same(x, np.full(x.shape, 0.5), c)


def test_absent_stances() -> None:
    rng = np.random.default_rng(7)
    _assert_same(*_coarse(rng, 3, 15, 5, absent=0.2))
    x = rng.uniform(0, 100, (3, 15, 5)).round(1)
    x[rng.random(x.shape) < 0.25] = np.nan
    s = rng.uniform(0.05, 1.0, x.shape).round(2)
    _assert_same(x, s, rng.integers(1, 50, (3, 15)).astype(float))


def test_many_recorded_partners() -> None:
    """An actor whose partners' moves on one issue are recorded 8 times or more (its outcome
    offset is then numpy's pairwise sum)."""
    rng = np.random.default_rng(8)
    x = rng.uniform(0, 100, (2, 40, 3))
    x[:, 0, :2] = (0.0, 0.0)
    x[:, 1:, :2] = rng.uniform(60, 100, (2, 39, 2))
    s = rng.uniform(0.05, 1.0, x.shape)
    s[:, 1:, :2] = np.stack([rng.uniform(0.05, 0.2, (2, 39)), rng.uniform(0.7, 0.9, (2, 39))], -1)
    s[:, 0, :2] = (0.9, 0.3)
    c = rng.uniform(0.05, 0.1, (2, 40))
    c[:, 0] = 30.0
    _assert_same(x, s, c, rounds=2)


@settings(max_examples=30, deadline=None)
@given(
    st.integers(0, 2**32 - 1),
    st.integers(1, 4),
    st.integers(2, 12),
    st.integers(2, 6),
    st.booleans(),
    st.sampled_from([0.0, 0.15]),
)
def test_random_inputs(
    seed: int, draws: int, actors: int, issues: int, coarse: bool, absent: float
) -> None:
    rng = np.random.default_rng(seed)
    if coarse:
        x, s, c = _coarse(rng, draws, actors, issues, absent)
    else:
        x = rng.uniform(0, 100, (draws, actors, issues)).round(1)
        x[rng.random(x.shape) < absent] = np.nan
        s = rng.uniform(0.05, 1.0, x.shape).round(2)
        c = rng.integers(1, 100, (draws, actors)).astype(float)
    _assert_same(x, s, c, rounds=3)


def test_decide_files(decide_files: list[Path]) -> None:
    for path in decide_files:
        d = read_decide(path.read_text(), path.name)
        power = np.broadcast_to(np.asarray(d.power_raw, dtype=float), d.position.shape)
        _assert_same(d.position[None], d.salience[None], power[None], rounds=10)


def test_pairwise_sum_is_numpys() -> None:
    rng = np.random.default_rng(9)
    for n in [*range(1, 300), 511, 1000, 4099]:
        v = rng.standard_normal(n) * 10 ** rng.uniform(-6, 6, n)
        assert exchange_jit._pairwise(v, n) == np.stack([v, v]).sum(axis=1)[0]


def test_switches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POURPARLER_NO_JIT", "1")
    assert not exchange_kernel.jit_available()
    assert not exchange_kernel._use_jit(True, 10**6, None)
    monkeypatch.setenv("POURPARLER_NO_JIT", "0")
    monkeypatch.delenv("POURPARLER_JIT", raising=False)
    assert exchange_kernel.jit_available()
    assert exchange_kernel._use_jit(None, exchange_kernel.JIT_MIN_CANDIDATES, None)
    assert not exchange_kernel._use_jit(None, exchange_kernel.JIT_MIN_CANDIDATES - 1, None)
    assert not exchange_kernel._use_jit(True, 10**6, np.random.default_rng(0))
