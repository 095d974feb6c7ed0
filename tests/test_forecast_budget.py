"""Draw budgets: an expensive model gets fewer draws (or none) when all would take too long, on
the same draws every other model sees, and the output says so."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.forecast import budget as budget_mod
from pourparler.forecast import registry
from pourparler.forecast.budget import MIN_MODEL_DRAWS, allot, draws_within_budget
from pourparler.forecast.ensemble import combine
from pourparler.forecast.montecarlo import InputSD, monte_carlo
from pourparler.forecast.registry import reference_seconds
from pourparler.forecast.scenario_forecast import forecast_scenario, scenario_inputs
from pourparler.scenario import Scenario
from scenario_samples import base


def test_allot_shares_equally_and_passes_on_what_a_part_does_not_need() -> None:
    assert allot([1.0, 100.0, 100.0], 21.0) == [1.0, 10.0, 10.0]
    assert allot([5.0, 5.0], 100.0) == [5.0, 5.0]
    assert sum(allot([3.0, 50.0, 7.0], 12.0)) == pytest.approx(12.0)


def test_every_draw_when_the_whole_fits_or_no_budget() -> None:
    models = ["compromise", "bdm", "exchange"]
    assert draws_within_budget(models, 200, 5, 3, 10, budget=1e9) == dict.fromkeys(models, 200)
    assert draws_within_budget(models, 200, 500, 30, 10, budget=None) == dict.fromkeys(models, 200)


def test_expensive_models_get_their_share_and_none_below_the_floor() -> None:
    n, m, r = 200, 10, 10
    got = draws_within_budget(["compromise", "nash", "bdm", "exchange"], 200, n, m, r, 40.0)
    assert got["compromise"] == got["nash"] == 200
    ex = reference_seconds("exchange", n, m, r)
    assert 200 * ex > 40.0  # the exchange model's draws do not fit
    assert got["exchange"] == 0 or got["exchange"] >= MIN_MODEL_DRAWS
    assert got["bdm"] * reference_seconds("bdm", n, m, r) <= 40.0
    spent = sum(d * reference_seconds(k, n, m, r) for k, d in got.items())
    assert spent <= 40.0 + 1e-9


def test_a_model_on_fewer_draws_sees_the_first_draws_of_the_full_run() -> None:
    sc = Scenario.model_validate(base())
    inputs = scenario_inputs(sc)
    sd = InputSD.from_arrays(sc.arrays())
    kw = {"draws": 120, "seed": 5, "chunk_size": 50}
    full = monte_carlo(inputs, sd, ["compromise", "bdm"], **kw)  # type: ignore[arg-type]
    cut = monte_carlo(
        inputs,
        sd,
        ["compromise", "bdm"],
        model_draws={"bdm": 70},
        **kw,  # type: ignore[arg-type]
    )
    np.testing.assert_array_equal(cut["compromise"].samples, full["compromise"].samples)
    np.testing.assert_array_equal(cut["bdm"].samples, full["bdm"].samples[:70])


def _dear_exchange(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make one exchange run cost ten minutes of reference time, and nothing else change."""
    monkeypatch.setitem(registry._WORK, "exchange", lambda n, m, r: 600.0)


def test_a_model_without_draws_is_held_at_its_forecast_in_the_ensemble(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    sc = Scenario.model_validate(base())
    _dear_exchange(monkeypatch)
    tight = budget_mod.DRAWS_BUDGET
    result = forecast_scenario(sc, ["all"], draws=200, seed=3, budget=tight)
    per_model = result.parameters["draws_per_model"]
    assert per_model["exchange"] == 0 and per_model["compromise"] == 200
    assert "exchange" not in result.distributions
    ens = result.distributions["ensemble"].samples
    members = {m: result.distributions[m].samples for m in ("compromise", "median", "nash", "bdm")}
    members["exchange"] = np.broadcast_to(result.nominal["exchange"].forecast[0], ens.shape)
    np.testing.assert_allclose(ens, combine(members))
    again = forecast_scenario(sc, ["all"], draws=200, seed=3, budget=tight)
    np.testing.assert_array_equal(
        again.distributions["ensemble"].samples, result.distributions["ensemble"].samples
    )
    full = forecast_scenario(sc, ["all"], draws=200, seed=3, budget=None)
    assert full.parameters["draws_per_model"] is None
    assert "exchange" in full.distributions


def test_the_command_says_which_models_drew_less(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    _dear_exchange(monkeypatch)

    runner = CliRunner()
    args = ["forecast", str(path), "--seed", "1"]
    data = json.loads(runner.invoke(build_app(), [*args, "--json"]).stdout)
    assert data["parameters"]["draws_per_model"]["exchange"] == 0
    assert data["issues"][0]["models"]["exchange"]["interval"] is None
    table = runner.invoke(build_app(), args).stdout
    assert "Draws cut to the time budget" in table and "exchange none" in table
    data = json.loads(runner.invoke(build_app(), [*args, "--json", "--full"]).stdout)
    assert data["parameters"]["draws_per_model"] is None
    assert data["issues"][0]["models"]["exchange"]["interval"] is not None


@pytest.mark.parametrize("command", ["forecast", "sensitivity"])
def test_a_run_far_too_long_is_refused_before_any_work_unless_asked_for(
    command: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    monkeypatch.setitem(registry._WORK, "exchange", lambda n, m, r: 7200.0)
    calls: list[int] = []
    real = registry.REGISTRY["exchange"]
    monkeypatch.setitem(registry.REGISTRY, "exchange", _Counting(real, calls))
    from pourparler.cli.app import main

    with pytest.raises(SystemExit) as info:
        main([command, str(path)])
    err = capsys.readouterr().err
    assert info.value.code == 2 and calls == [] and err.count("\n") == 1
    assert "3 actors × 2 issues: one run of the exchange model takes about 120 min" in err
    assert "(--full)" in err
    ran = CliRunner().invoke(build_app(), [command, str(path), "--full", "--json"])
    assert ran.exit_code == 0 and calls


class _Counting:
    def __init__(self, inner: object, calls: list[int]) -> None:
        self.inner, self.calls = inner, calls

    def __getattr__(self, name: str) -> object:
        return getattr(self.inner, name)

    def run(self, inputs: object, **kw: object) -> object:
        self.calls.append(1)
        return self.inner.run(inputs, **kw)  # type: ignore[attr-defined]


def test_the_ensemble_alone_is_budgeted_through_the_models_it_runs() -> None:
    from pourparler.forecast.budget import draws_within_budget
    from pourparler.forecast.models import needed_models
    from pourparler.forecast.registry import REGISTRY

    members = [m for m in needed_models(["ensemble"]) if not REGISTRY[m].requires]
    alone = draws_within_budget(["ensemble"], 200, 310, 15, 10)
    assert alone == draws_within_budget(members, 200, 310, 15, 10)
    assert min(alone.values()) < 200  # at this size the expensive members are cut
