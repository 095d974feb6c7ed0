"""The forecast layer's use of the exchange model's facade (``run_exchange``), checked with a
small stand-in that follows the facade's documented shape, so the wiring is tested whether or
not the exchange model is installed."""

from __future__ import annotations

import json
import sys
import types
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

import pourparler.forecast
from pourparler.cli.app import build_app
from pourparler.forecast.central import weighted_mean
from pourparler.forecast.ensemble import ENSEMBLE_WEIGHTS

BDM_CSV = Path(__file__).parent / "data" / "bdm_ec_emissions.csv"


@dataclass(frozen=True)
class ExchangeRound:
    round: int
    positions: np.ndarray
    outcome_start: np.ndarray
    outcome_voting: np.ndarray
    n_candidates: int
    realised: int


@dataclass(frozen=True)
class ExchangeResult:
    rounds: list[ExchangeRound]

    def forecast(self) -> np.ndarray:
        return self.rounds[-1].outcome_voting


def run_exchange(position, salience, power, *, rounds=10, tie_break="peer", rng=None):  # type: ignore[no-untyped-def]
    """Stand-in: round r starts from the positions after r rounds; in each round every actor
    votes half way towards the weighted mean and moves there. It stops after 3 rounds."""
    x = np.asarray(position, dtype=float).copy()
    w = (np.asarray(power, dtype=float)[:, None] * np.asarray(salience, dtype=float)).T
    out = []
    for k in range(min(rounds, 3)):
        start = weighted_mean(x.T, w)
        voting = x + 0.5 * (start[None, :] - x)
        out.append(ExchangeRound(k, x.copy(), start, weighted_mean(voting.T, w), 0, 0))
        x = voting
    return ExchangeResult(out)


@pytest.fixture
def stand_in(monkeypatch: pytest.MonkeyPatch) -> None:
    module = types.ModuleType("pourparler.forecast.exchange")
    module.run_exchange = run_exchange  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "pourparler.forecast.exchange", module)
    monkeypatch.setattr(pourparler.forecast, "exchange", module, raising=False)


def test_exchange_rounds_and_ensemble_in_json(stand_in: None) -> None:
    args = ["forecast", str(BDM_CSV), "--model", "all", "--draws", "5", "--seed", "1", "--json"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["parameters"]["exchange_draws"] == 5  # all 5 draws: fewer than the minimum 10
    (issue,) = data["issues"]
    ex = issue["models"]["exchange"]
    rounds = ex["rounds"]
    assert [r["round"] for r in rounds] == [0, 1, 2]  # the rounds the model ran
    assert rounds[0]["positions"]["France"] == 10.0  # round 0: the input
    assert rounds[0]["outcome_start"] == pytest.approx(7.39, abs=0.005)
    assert rounds[1]["positions"]["France"] == pytest.approx(10 + 0.5 * (7.39 - 10), abs=0.005)
    assert ex["forecast"] == pytest.approx(rounds[2]["outcome_voting"])
    names = ["compromise", "median", "nash", "bdm", "exchange"]
    expected = sum(ENSEMBLE_WEIGHTS[m] * issue["models"][m]["forecast"] for m in names)
    assert issue["models"]["ensemble"]["forecast"] == pytest.approx(expected)
