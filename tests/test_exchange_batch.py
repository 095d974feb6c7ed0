"""The exchange model on a batch of draws (:func:`run_exchange_batch`): every draw gives exactly
what it gives alone (:func:`run_exchange`, itself pinned to the Decide model in
tests/test_exchange.py), whatever the other draws, their order or the slicing of the batch."""

from __future__ import annotations

import functools
import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pourparler.forecast import exchange, exchange_kernel, exchange_order
from pourparler.forecast.exchange import ExchangeBatch, run_exchange, run_exchange_batch
from pourparler.scenario.interop_decide import read_decide

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden" / "exchange"
SAMPLE = ROOT.parent / "shared" / "data" / "decide" / "sample_data.txt"


def _mixed_batch() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """12 draws of 10 actors × 4 issues: continuous inputs with absent stances, coarse inputs
    (tied gains), twin actors (exactly tied candidates), a draw with no stance, a draw with one
    issue only (no candidates) and a draw where one actor trades with many partners."""
    rng = np.random.default_rng(11)
    pos = rng.uniform(0, 100, (12, 10, 4))
    sal = rng.uniform(0.05, 1.0, (12, 10, 4))
    power = rng.uniform(0.5, 10.0, (12, 10))
    pos[:3][rng.random((3, 10, 4)) < 0.2] = np.nan
    pos[3:6], sal[3:6], power[3:6] = pos[3:6].round(-1), sal[3:6].round(1), power[3:6].round()
    pos[6:9, 5:], sal[6:9, 5:], power[6:9, 5:] = pos[6:9, :5], sal[6:9, :5], power[6:9, :5]
    pos[9] = np.nan
    pos[10, :, 1:] = np.nan
    pos[11, :, :2] = rng.uniform(60, 100, (10, 2))
    sal[11, :, :2] = np.column_stack([rng.uniform(0.05, 0.2, 10), rng.uniform(0.7, 0.9, 10)])
    power[11] = rng.uniform(0.05, 0.1, 10)
    pos[11, 0, :2], sal[11, 0, :2], power[11, 0] = (0.0, 0.0), (0.9, 0.3), 30.0
    return pos, sal, power


def _assert_draw(batch: ExchangeBatch, d: int, alone: exchange.ExchangeResult) -> None:
    assert batch.positions.shape[1] == len(alone.rounds)
    for r, rnd in enumerate(alone.rounds):
        np.testing.assert_array_equal(batch.positions[d, r], rnd.positions)
        np.testing.assert_array_equal(batch.outcome_start[d, r], rnd.outcome_start)
        np.testing.assert_array_equal(batch.outcome_voting[d, r], rnd.outcome_voting)
        assert batch.n_candidates[d, r] == rnd.n_candidates
    np.testing.assert_array_equal(batch.initial_outcome[d], alone.initial_outcome)
    np.testing.assert_array_equal(batch.forecast()[d], alone.forecast())


def test_a_batch_gives_each_draw_exactly_what_it_gives_alone(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pos, sal, power = _mixed_batch()
    ties = []
    peer_first = exchange_kernel.peer_first

    def counted(members: np.ndarray, log: object) -> int:
        ties.append(members.size)
        return peer_first(members, log)  # type: ignore[arg-type]

    monkeypatch.setattr(exchange_kernel, "peer_first", counted)
    batch = run_exchange_batch(pos, sal, power, rounds=4)
    n_batch_ties = len(ties)
    assert n_batch_ties > 0  # the batch has tied gains, broken as the peer breaks them
    for d in range(pos.shape[0]):
        _assert_draw(batch, d, run_exchange(pos[d], sal[d], power[d], rounds=4))
    assert len(ties) == 2 * n_batch_ties  # the same ties, met alone
    assert np.all(batch.n_candidates[9:11] == 0)
    assert np.all(np.isnan(batch.forecast()[9]))
    moved = np.any(np.nan_to_num(batch.positions[:, 1] - batch.positions[:, 0]) != 0, axis=(1, 2))
    assert moved[[0, 3, 6, 11]].all()  # these draws do trade


def test_slicing_order_and_company_of_the_draws_do_not_change_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pos, sal, power = _mixed_batch()
    whole = run_exchange_batch(pos, sal, power, rounds=3)
    x, s, c, present = exchange._validate(pos, sal, power, batch=True)
    size = exchange.draw_bytes(x, present, s, c)
    monkeypatch.setattr(exchange, "MAX_BATCH_BYTES", int(2.5 * size.max()))
    assert 3 <= len(exchange._slices(x, present, s, c)) < 12
    sliced = run_exchange_batch(pos, sal, power, rounds=3)
    monkeypatch.setattr(exchange, "MAX_BATCH_BYTES", 1)  # one draw at a time
    assert len(exchange._slices(x, present, s, c)) == 12
    alone = run_exchange_batch(pos, sal, power, rounds=3)
    order = np.array([7, 2, 11, 0, 5])
    picked = run_exchange_batch(pos[order], sal[order], power[order], rounds=3)
    for f in ExchangeBatch.__dataclass_fields__:
        np.testing.assert_array_equal(getattr(sliced, f), getattr(whole, f))
        np.testing.assert_array_equal(getattr(alone, f), getattr(whole, f))
        np.testing.assert_array_equal(getattr(picked, f), getattr(whole, f)[order])


def test_the_estimated_bytes_cover_the_candidates_of_round_0() -> None:
    pos, sal, power = _mixed_batch()
    x, s, c, present = exchange._validate(pos, sal, power, batch=True)
    size = exchange.draw_bytes(x, present, s, c)
    batch = run_exchange_batch(pos, sal, power, rounds=1)
    table = 9 * 10 * 10 * 4
    n_cand = batch.n_candidates[:, 0]
    assert np.all(size - table >= n_cand * exchange.BYTES_PER_CANDIDATE)
    assert np.all(size - table <= 1.5 * n_cand * exchange.BYTES_PER_CANDIDATE)


def test_one_generator_per_draw_breaks_ties_as_each_draw_alone() -> None:
    pos, sal, power = _mixed_batch()
    seeds = range(40, 52)
    batch = run_exchange_batch(
        pos, sal, power, rounds=3, rng=[np.random.default_rng(s) for s in seeds]
    )
    for d, s in enumerate(seeds):
        alone = run_exchange(pos[d], sal[d], power[d], rounds=3, tie_break="random", seed=s)
        _assert_draw(batch, d, alone)
    peer = run_exchange_batch(pos, sal, power, rounds=3)
    assert not np.array_equal(batch.forecast()[6:9], peer.forecast()[6:9])  # twins: ties


def test_one_generator_for_the_batch_is_reproducible() -> None:
    pos, sal, power = _mixed_batch()
    a = run_exchange_batch(pos, sal, power, rounds=3, rng=np.random.default_rng(3))
    b = run_exchange_batch(pos, sal, power, rounds=3, rng=np.random.default_rng(3))
    np.testing.assert_array_equal(a.positions, b.positions)
    np.testing.assert_array_equal(a.forecast(), b.forecast())
    one = run_exchange_batch(pos[6:7], sal[6:7], power[6:7], rounds=3, rng=np.random.default_rng(3))
    alone = run_exchange(
        pos[6], sal[6], power[6], rounds=3, rng=np.random.default_rng(3), tie_break="random"
    )
    _assert_draw(one, 0, alone)


def test_the_peers_start_positions_as_one_batch() -> None:
    if not SAMPLE.exists():
        pytest.skip("../shared/data/decide is not present beside the checkout")
    d = read_decide(SAMPLE.read_text(), SAMPLE.name)
    golden = json.loads((GOLDEN / "sample_data.json").read_text())
    starts = [d.position] + [
        np.array([[np.nan if v is None else v for v in row] for row in rnd["positions"]])
        for rnd in golden["rounds"][1:]
    ]
    x = np.stack(starts)
    sal = np.repeat(d.salience[None], x.shape[0], axis=0)
    power = np.repeat(np.asarray(d.power_raw, dtype=float)[None], x.shape[0], axis=0)
    batch = run_exchange_batch(x, sal, power, rounds=2)
    for k in range(x.shape[0]):
        _assert_draw(batch, k, run_exchange(x[k], d.salience, d.power_raw, rounds=2))
    assert batch.n_candidates[0, 0] == golden["rounds"][0]["n_candidates"]


@settings(max_examples=25, deadline=None)
@given(st.integers(0, 2**32 - 1), st.integers(1, 5), st.integers(2, 7), st.integers(2, 4))
def test_random_batches_equal_their_draws_alone(
    seed: int, draws: int, actors: int, issues: int
) -> None:
    rng = np.random.default_rng(seed)
    pos = rng.uniform(0, 100, (draws, actors, issues)).round(rng.integers(0, 3))
    pos[rng.random(pos.shape) < 0.2] = np.nan
    sal = rng.uniform(0.05, 1.0, (draws, actors, issues)).round(1)
    power = rng.uniform(0.5, 10.0, (draws, actors)).round()
    batch = run_exchange_batch(pos, sal, power, rounds=2)
    for d in range(draws):
        _assert_draw(batch, d, run_exchange(pos[d], sal[d], power[d], rounds=2))


def test_row_sums_are_numpys_own_sums() -> None:
    rng = np.random.default_rng(5)
    values = rng.standard_normal((400, 24)) * 10.0 ** rng.uniform(-6, 6, (400, 24))
    mask = rng.random((400, 24)) < rng.uniform(0, 1, (400, 1))
    got = exchange_kernel._row_sums(values, mask)
    expected = np.array([values[r][mask[r]].sum() for r in range(400)])
    assert set(mask.sum(axis=1)) >= set(range(1, 20))
    np.testing.assert_array_equal(got, expected)


def test_no_rounds_and_bad_batches() -> None:
    pos, sal, power = _mixed_batch()
    res = run_exchange_batch(pos, sal, power, rounds=0)
    assert res.positions.shape == (12, 0, 10, 4)
    np.testing.assert_array_equal(res.forecast(), res.initial_outcome)
    with pytest.raises(ValueError, match="3-d array"):
        run_exchange_batch(pos[0], sal[0], power[0])
    with pytest.raises(ValueError, match="power: expected shape"):
        run_exchange_batch(pos, sal, power[:, :3])
    with pytest.raises(ValueError, match="one generator per draw"):
        run_exchange_batch(pos, sal, power, rng=[np.random.default_rng(1)])
    with pytest.raises(ValueError, match="rounds"):
        run_exchange_batch(pos, sal, power, rounds=-1)


def _peer_first_by_history(members: np.ndarray, log: exchange_order.GainLog) -> int:
    """The peer's order read straight from each member's history of (step, gain)."""
    hist = log.history(members)

    def at(h: list[tuple[int, float]], step: int) -> float:
        return [g for s, g in h if s <= step][-1]

    def cmp(a: int, b: int) -> int:
        steps = sorted({s for s, _ in hist[a]} | {s for s, _ in hist[b]}, reverse=True)
        for s in steps:
            ga, gb = at(hist[a], s), at(hist[b], s)
            if not exchange_order._tied(ga, gb):
                return -1 if ga > gb else 1
        return -1 if a < b else 1

    return sorted((int(m) for m in members), key=functools.cmp_to_key(cmp))[0]


@pytest.mark.parametrize(
    ("walk", "pair_cells"), [(8, exchange_order._PAIR_TABLE_CELLS), (0, 1 << 21), (0, 0)]
)
def test_peer_first_replays_the_history_of_gains(
    monkeypatch: pytest.MonkeyPatch, walk: int, pair_cells: int
) -> None:
    monkeypatch.setattr(exchange_order, "_WALK_MEMBERS", walk)
    monkeypatch.setattr(exchange_order, "_PAIR_TABLE_CELLS", pair_cells)
    rng = np.random.default_rng(8)
    levels = np.array([1.0, 1.0 + 1e-13, 2.0, 3.0])  # 1 and 1 + 1e-13 are tied
    n = 60
    log = exchange_order.GainLog(rng.choice(levels, n))
    for step in range(1, 30):
        idx = np.flatnonzero(rng.random(n) < 0.3)
        log.add(idx, step, rng.choice(levels, idx.size))
        members = np.flatnonzero(rng.random(n) < rng.choice([0.04, 0.1, 0.25]))
        if members.size:
            assert exchange_order.peer_first(members, log) == _peer_first_by_history(members, log)


def test_one_issue_batch_is_the_round_by_round_run() -> None:
    """With one issue there is nothing to exchange: the shortcut gives what running every
    round gives, bit for bit."""
    from pourparler.forecast import exchange as ex

    rng = np.random.default_rng(0)
    x = rng.uniform(0, 100, (5, 40, 1))
    x[0, 3, 0] = np.nan
    present = ~np.isnan(x)
    s = np.where(present, rng.uniform(0, 1, x.shape), 0.0)
    c = np.where(present, rng.uniform(0, 5, x.shape), 0.0)
    quick = ex._chain(x, present, s, c, 10, None)
    stepped = ex._chain(x, present, s, c, 10, None, results=[])
    for name in ex.ExchangeBatch.__dataclass_fields__:
        assert np.array_equal(getattr(quick, name), getattr(stepped, name), equal_nan=True), name
