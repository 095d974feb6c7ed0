"""The forecast command's use of the exchange model: its rounds, forecast and interval and the
ensemble in ``--json``, checked against the model and the Monte Carlo run directly."""

from __future__ import annotations

import json

import numpy as np
import pytest
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.cli.common import load
from pourparler.forecast.ensemble import ENSEMBLE_WEIGHTS
from pourparler.forecast.exchange import run_exchange
from pourparler.forecast.montecarlo import InputSD, monte_carlo
from pourparler.forecast.scenario_forecast import scenario_inputs

SCENARIO = "istanbul-2022"  # 8 actors × 10 issues: the actors trade across issues


def test_exchange_rounds_interval_and_ensemble_in_json() -> None:
    args = ["forecast", SCENARIO, "--model", "all", "--draws", "12", "--seed", "1", "--json"]
    result = CliRunner().invoke(build_app(), [*args, "--rounds", "3"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert "exchange_draws" not in data["parameters"]  # the model runs on every draw
    sc = load(SCENARIO)
    base = scenario_inputs(sc)
    x = np.where(base.present, base.position[0], np.nan)
    alone = run_exchange(x, base.salience[0], base.capability[0], rounds=3)
    dists = monte_carlo(
        base, InputSD.from_arrays(sc.arrays()), ["exchange"], draws=12, seed=1, rounds=3
    )
    actors = [a.id for a in sc.actors]
    moved = 0
    for k, issue in enumerate(data["issues"]):
        ex = issue["models"]["exchange"]
        rounds = ex["rounds"]
        assert [r["round"] for r in rounds] == [0, 1, 2]  # the rounds the model ran
        for r, row in enumerate(rounds):
            expected = {
                a: float(v)
                for a, v in zip(actors, alone.rounds[r].positions[:, k], strict=True)
                if v == v
            }
            assert row["positions"] == pytest.approx(expected)
            assert row["outcome_start"] == pytest.approx(alone.rounds[r].outcome_start[k])
            assert row["outcome_voting"] == pytest.approx(alone.rounds[r].outcome_voting[k])
        moved += rounds[1]["positions"] != rounds[0]["positions"]
        assert ex["forecast"] == pytest.approx(rounds[2]["outcome_voting"])
        assert ex["forecast"] == pytest.approx(alone.forecast()[k])
        dist = dists["exchange"]
        assert ex["interval"] == pytest.approx([dist.low[k], dist.high[k]])
        assert ex["draw_median"] == pytest.approx(dist.median[k])
        names = ["compromise", "median", "nash", "bdm", "exchange"]
        expected_mix = sum(ENSEMBLE_WEIGHTS[m] * issue["models"][m]["forecast"] for m in names)
        assert issue["models"]["ensemble"]["forecast"] == pytest.approx(expected_mix)
    assert moved > 0  # exchanges moved some actors between rounds 0 and 1
