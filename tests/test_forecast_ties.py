"""Exact ties of the weighted median are split at the midpoint, in the median model, in BDM's
forecast and its median step (numpy and compiled alike), so neither end of a scale is favoured."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.forecast import bdm
from pourparler.forecast.central import weighted_median


def test_an_even_split_gives_the_midpoint_of_the_two_middle_positions() -> None:
    assert weighted_median([0.0, 100.0], [1.0, 1.0]) == 50.0
    assert weighted_median([0.0, 100.0, 100.0, 0.0], [1, 1, 1, 1]) == 50.0
    assert weighted_median([10.0, 30.0, 70.0], [0.5, 0.5, 1.0]) == 50.0  # 30 | 70 at half
    assert weighted_median([10.0, 30.0, 70.0], [0.5, 0.6, 1.0]) == 30.0  # past half: no tie
    assert weighted_median([0.0, 40.0, 100.0], [1.0, 0.0, 1.0]) == 50.0  # zero weight ignored
    # a cumulative sum that misses half by rounding is still a tie (0.1 + 0.2 != 0.3)
    assert weighted_median([0.0, 0.0, 100.0], [0.1, 0.2, 0.3]) == 50.0


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from([0.0, 20.0, 50.0, 80.0, 100.0]), st.integers(0, 3)),
        min_size=1,
        max_size=8,
    )
)
def test_the_median_is_symmetric_under_mirroring_the_scale(
    actors: list[tuple[float, int]],
) -> None:
    x = np.array([a for a, _ in actors])
    w = np.array([float(b) for _, b in actors])
    got, mirrored = weighted_median(x, w), weighted_median(100.0 - x, w)
    if w.sum() == 0:
        assert np.isnan(got) and np.isnan(mirrored)
    else:
        assert got == pytest.approx(100.0 - mirrored)


def test_bdm_forecast_of_a_symmetric_split_is_the_middle() -> None:
    x = np.array([[0.0, 100.0, 100.0, 0.0]])
    res = bdm.bdm_rounds(x, np.ones_like(x), np.full_like(x, 0.5), rounds=3)
    assert np.all(res.median == 50.0)


def test_bdm_median_step_agrees_with_the_compiled_kernel_on_ties() -> None:
    bdm_jit = pytest.importorskip("pourparler.forecast.bdm_jit")
    x = np.array([[0.0, 100.0, 100.0, 0.0], [0.0, 20.0, 60.0, 100.0], [0.0, 0.0, 100.0, 100.0]])
    c = np.ones_like(x)
    s = np.array([[0.5] * 4, [0.5, 0.5, 0.5, 0.5], [0.2, 0.8, 0.8, 0.2]])
    for q in (1.0, 0.5):  # q < 1 puts the median into every actor's expected utility
        want = bdm.bdm_rounds(x, c, s, rounds=4, q=q).positions
        got = np.empty_like(want)
        bdm_jit.run_batch(x, c, s, 4, q, got)
        np.testing.assert_array_equal(got, want)
    for row_x, row_w in zip(x, c * s, strict=True):
        assert bdm_jit._weighted_median(row_x, row_w) == weighted_median(row_x, row_w)


def test_forecast_of_two_equal_camps_is_the_middle_on_every_model(tmp_path: Path) -> None:
    path = tmp_path / "camps.csv"
    path.write_text(
        "Actor,Capability,Position,Salience\nA,1,0,50\nB,1,100,50\nC,1,100,50\nD,1,0,50\n"
    )
    result = CliRunner().invoke(build_app(), ["forecast", str(path), "--model", "all", "--json"])
    assert result.exit_code == 0, result.output
    models = json.loads(result.stdout)["issues"][0]["models"]
    assert {name: m["forecast"] for name, m in models.items()} == {
        "compromise": 50.0,
        "median": 50.0,
        "nash": 50.0,
        "bdm": 50.0,
        "exchange": 50.0,
        "ensemble": 50.0,
    }
