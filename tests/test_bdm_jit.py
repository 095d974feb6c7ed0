"""The compiled kernel of Bueno de Mesquita's model (numba, optional) computes what the numpy code
computes: positions agree to rounding on coarse grids with ties, equal and zero capabilities,
zero saliences, Q = 1 and Q < 1, one actor to many; and bdm_rounds turns to it by size."""

from __future__ import annotations

import numpy as np
import pytest

from pourparler.forecast import bdm

bdm_jit = pytest.importorskip("pourparler.forecast.bdm_jit")


def _inputs(kind: str, n: int, draws: int, seed: int) -> tuple[np.ndarray, ...]:
    rng = np.random.default_rng([seed, n, draws])
    shape = (draws, n)
    if kind == "coarse":  # ties everywhere, voters on midpoints
        x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], shape)
        return x, np.ones(shape), rng.choice([0.25, 0.5, 1.0], shape)
    if kind == "zeros":  # zero capabilities and saliences among the rest
        x = rng.choice([0.0, 25.0, 50.0, 75.0, 100.0], shape)
        return x, rng.choice([0.0, 1.0, 2.0], shape), rng.choice([0.0, 0.5, 1.0], shape)
    if kind == "still":  # every actor at one position in some draws, no weight in another
        x = rng.uniform(0, 100, shape)
        x[0] = 40.0
        c = rng.uniform(1, 10, shape)
        c[-1] = 0.0
        return x, c, rng.random(shape)
    return rng.uniform(0, 100, shape), rng.uniform(0, 10, shape), rng.random(shape)


def _numpy(x: np.ndarray, c: np.ndarray, s: np.ndarray, rounds: int, q: float) -> np.ndarray:
    return bdm.bdm_rounds(x, c, s, rounds=rounds, q=q).positions


def _jit(x: np.ndarray, c: np.ndarray, s: np.ndarray, rounds: int, q: float) -> np.ndarray:
    out = np.empty((x.shape[0], rounds + 1, x.shape[1]))
    bdm_jit.run_batch(x, c, s, rounds, q, out)
    serial = np.empty_like(out)
    bdm_jit.run_batch_serial(x, c, s, rounds, q, serial)
    np.testing.assert_array_equal(serial, out)  # threads do not change the result
    return out


@pytest.mark.parametrize("kind", ["coarse", "zeros", "still", "uniform"])
@pytest.mark.parametrize("q", [1.0, 0.5])
@pytest.mark.parametrize("n", [1, 2, 3, 7, 20, 61, 150])
def test_compiled_kernel_gives_the_numpy_positions(kind: str, q: float, n: int) -> None:
    # four rounds: later, actors converging to within 1e-9 of one another face offers whose
    # utilities are of the order of the last bit of x ** r, which the two may round differently
    x, c, s = _inputs(kind, n, 4, 7)
    want = _numpy(x, c, s, 4, q)
    got = _jit(x, c, s, 4, q)
    np.testing.assert_allclose(got, want, rtol=0, atol=1e-9)


def test_first_round_is_bit_exact_without_risk_exponents() -> None:
    # with every risk exponent at 1 (equal securities) no power is taken: the same bits
    x = np.array([[0.0, 100.0, 50.0, 50.0]])
    c = np.ones((1, 4))
    s = np.full((1, 4), 0.5)
    np.testing.assert_array_equal(_jit(x, c, s, 3, 1.0), _numpy(x, c, s, 3, 1.0))


@pytest.mark.parametrize("q", [1.0, 0.6])
def test_bdm_rounds_turns_to_the_kernel_by_size(monkeypatch: pytest.MonkeyPatch, q: float) -> None:
    x, c, s = _inputs("coarse", 40, 3, 3)
    monkeypatch.setattr(bdm, "_JIT_MIN_ACTORS", 30)
    monkeypatch.delenv("POURPARLER_JIT", raising=False)
    assert bdm._jit_kernel(40) is None  # not asked for
    monkeypatch.setattr(bdm, "_JIT_MIN_ACTORS", 1000)
    monkeypatch.setenv("POURPARLER_JIT", "1")
    monkeypatch.setenv("POURPARLER_NO_JIT", "1")
    assert bdm._jit_kernel(40) is None
    numpy_res = bdm.bdm_rounds(x, c, s, rounds=5, q=q)
    monkeypatch.delenv("POURPARLER_NO_JIT")
    assert bdm._jit_kernel(40) is None  # below the threshold
    monkeypatch.setattr(bdm, "_JIT_MIN_ACTORS", 30)
    assert bdm._jit_kernel(40) is bdm_jit and bdm._jit_kernel(29) is None
    jit_res = bdm.bdm_rounds(x, c, s, rounds=5, q=q)
    np.testing.assert_allclose(jit_res.positions, numpy_res.positions, rtol=0, atol=1e-9)
    np.testing.assert_allclose(jit_res.median, numpy_res.median, rtol=0, atol=1e-9)
    one = bdm.bdm_rounds(x[1], c[1], s[1], rounds=5, q=q)  # one draw: the serial kernel
    np.testing.assert_array_equal(one.positions, jit_res.positions[1])
    monkeypatch.setenv("POURPARLER_NO_JIT", "1")
    np.testing.assert_array_equal(
        bdm.bdm_rounds(x, c, s, rounds=5, q=q).positions, numpy_res.positions
    )


def test_invalid_inputs_are_refused_before_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bdm, "_JIT_MIN_ACTORS", 1)
    monkeypatch.setenv("POURPARLER_JIT", "1")
    with pytest.raises(ValueError, match="finite"):
        bdm.bdm_rounds([0.0, np.nan, 1.0], [1, 1, 1], [1, 1, 1])


def test_pairwise_sum_is_numpys() -> None:
    rng = np.random.default_rng(5)
    stack = np.empty((64, 4))
    for n in (1, 5, 8, 9, 127, 128, 129, 300, 2000, 9001):
        a = rng.standard_normal(n) * 10 ** rng.uniform(-6, 6, n)
        assert bdm_jit._pairwise(a, 0, n, stack) == a.sum()


def test_cost_follows_the_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("POURPARLER_JIT", "1")
    monkeypatch.setenv("POURPARLER_NO_JIT", "1")
    t_numpy, _ = bdm.bdm_cost(2_000, 200, 10)
    monkeypatch.delenv("POURPARLER_NO_JIT")
    t_jit, m_jit = bdm.bdm_cost(2_000, 200, 10)
    assert t_jit < t_numpy
    assert m_jit >= 2 * 16 * 2_000 * 2_001
