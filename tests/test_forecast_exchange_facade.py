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
from pourparler.forecast.central import weighted_mean, weighted_median
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
    """Stand-in: every round each actor moves half way to the weighted mean; stops after 3."""
    x = np.asarray(position, dtype=float).copy()
    w = (np.asarray(power, dtype=float)[:, None] * np.asarray(salience, dtype=float)).T
    out = []
    for k in range(1, min(rounds, 3) + 1):
        start = weighted_mean(x.T, w)
        x = x + 0.5 * (start[None, :] - x)
        out.append(ExchangeRound(k, x.copy(), start, weighted_median(x.T, w), 0, 0))
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
    (issue,) = json.loads(result.stdout)["issues"]
    ex = issue["models"]["exchange"]
    rounds = ex["rounds"]
    assert [r["round"] for r in rounds] == list(range(11))
    assert rounds[0]["positions"]["France"] == 10.0  # round 0: the input
    assert {"outcome_start", "outcome_voting"} <= set(rounds[1])
    # the stand-in stops after round 3: later rounds keep that state
    assert rounds[10]["positions"] == rounds[3]["positions"]
    assert ex["forecast"] == pytest.approx(rounds[3]["outcome_voting"])
    names = ["compromise", "median", "nash", "bdm", "exchange"]
    expected = sum(ENSEMBLE_WEIGHTS[m] * issue["models"][m]["forecast"] for m in names)
    assert issue["models"]["ensemble"]["forecast"] == pytest.approx(expected)
