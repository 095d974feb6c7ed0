"""What the forecast's numbers cover: no draws when nothing is uncertain, the models' range,
nominal forecasts outside their interval flagged, forecasts kept on the scale, scale checks
before any work, progress with an estimate, and no numpy warnings from a powerless actor."""

from __future__ import annotations

import json
import time
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from pourparler.cli.app import build_app, main
from pourparler.errors import InputError
from pourparler.forecast import models as models_mod
from pourparler.forecast.inputs import ForecastInputs, ModelRun
from pourparler.forecast.models import run_models
from pourparler.forecast.montecarlo import InputSD, is_uncertain
from pourparler.forecast.registry import Model, WorkedExample, register, unregister
from pourparler.forecast.scenario_forecast import forecast_scenario, guard_scale
from pourparler.scenario import load_scenario
from scenario_samples import base

runner = CliRunner()


def _write(tmp_path: Path, doc: dict[str, Any], name: str = "s.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def _certain(doc: dict[str, Any]) -> dict[str, Any]:
    for st in doc["stances"]:
        st.pop("uncertainty", None)
    for a in doc["actors"]:
        a.pop("capability_sd", None)
    return doc


def _json(args: list[str]) -> dict[str, Any]:
    result = runner.invoke(build_app(), [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_no_draws_when_the_inputs_state_no_uncertainty(tmp_path: Path) -> None:
    path = _write(tmp_path, _certain(base()))
    data = _json(["forecast", str(path), "--seed", "3"])
    params = data["parameters"]
    assert (params["draws"], params["draws_requested"]) == (0, 200)
    assert params["no_draws_reason"] == "inputs state no uncertainty"
    assert params["interval"] is None
    for issue in data["issues"]:
        for m in issue["models"].values():
            assert m["interval"] is None and m["draw_median"] is None
    table = runner.invoke(build_app(), ["forecast", str(path), "--seed", "3"])
    assert "80%" not in table.stdout and "No intervals" in table.stdout
    assert "inputs state no uncertainty" in table.stdout
    # with one stated uncertainty the draws are made
    doc = _certain(base())
    doc["stances"][0]["uncertainty"] = {"position": 5}
    uncertain = _json(["forecast", str(_write(tmp_path, doc, "u.yaml")), "--seed", "3"])
    assert uncertain["parameters"]["draws"] == 200
    assert uncertain["parameters"]["interval_covers"].startswith("input uncertainty only")


def test_is_uncertain_ignores_absent_stances() -> None:
    zero = InputSD(np.zeros((2, 2)), np.zeros((2, 2)), np.zeros(2))
    assert not is_uncertain(zero)
    pos = zero.position.copy()
    pos[1, 1] = 4.0
    sd = InputSD(pos, zero.salience, zero.capability)
    assert is_uncertain(sd)
    assert not is_uncertain(sd, np.array([[True, True], [True, False]]))
    assert is_uncertain(InputSD(zero.position, zero.salience, np.array([0.0, 0.1])))


def test_decide_files_make_no_draws_and_finish_fast(decide_files: list[Path]) -> None:
    for path in decide_files:
        t0 = time.perf_counter()
        data = _json(["forecast", str(path), "--model", "exchange", "--seed", "1"])
        assert time.perf_counter() - t0 < 20  # one run, not 200 identical ones
        assert data["parameters"]["draws"] == 0
        assert data["parameters"]["no_draws_reason"] == "inputs state no uncertainty"


def test_models_range_is_the_spread_of_the_models(tmp_path: Path) -> None:
    data = _json(["forecast", str(_write(tmp_path, base())), "--draws", "20", "--seed", "1"])
    for issue in data["issues"]:
        values = [issue["models"][m]["forecast"] for m in models_mod.BASE_MODELS]
        assert issue["models_range"] == [min(values), max(values)]
    one = _json(["forecast", str(_write(tmp_path, base())), "--model", "bdm", "--draws", "0"])
    assert all(issue["models_range"] is None for issue in one["issues"])


def _knife(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    """80 on the scenario's own whole-number positions, 20 as soon as any moves: a knife edge."""
    whole = np.all(np.isnan(inputs.position) | (inputs.position % 1 == 0), axis=1)
    return ModelRun(np.where(whole, 80.0, 20.0))


def test_a_nominal_forecast_outside_its_interval_is_flagged_and_explained(
    tmp_path: Path,
) -> None:
    register(Model("knife", "a knife edge", "none", _knife, lambda n, m, r: 8.0, _ex))
    try:
        path = _write(tmp_path, base())
        args = ["forecast", str(path), "--model", "all", "--draws", "50", "--seed", "2"]
        data = _json(args)
        nato, pows = data["issues"]  # positions uncertain on nato only
        knife = nato["models"]["knife"]
        assert knife["forecast"] == 80.0 and knife["interval"] == [20.0, 20.0]
        assert knife["outside_interval"] is True
        assert pows["models"]["knife"]["interval"] == [80.0, 80.0]
        assert pows["models"]["knife"]["outside_interval"] is False
        # the compromise is linear: its nominal forecast lies inside its interval
        assert nato["models"]["compromise"]["outside_interval"] is False
        out = runner.invoke(build_app(), args)  # the same seed: the same draws
        assert "80†" in out.stdout and "outside the model's own 80% interval" in out.stdout
    finally:
        unregister("knife")


def _ex() -> WorkedExample:
    return WorkedExample(_uniform(1, 1, 1), (0.0,), "none")


def _uniform(d: int, n: int, m: int) -> ForecastInputs:
    """Every actor at 50 with salience 0.5 and capability 1."""
    return ForecastInputs(
        np.full((d, n, m), 50.0),
        np.full((d, n, m), 0.5),
        np.ones((d, n)),
        np.ones((n, m), bool),
        np.full(m, 50.0),
    )


def _beyond(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    return ModelRun(np.full((inputs.n_draws, inputs.n_issues), 120.0))


def test_forecasts_never_leave_the_scale(tmp_path: Path) -> None:
    clipped, flag = guard_scale(np.array([-3.0, 50.0, 100.5, np.nan, 100.00000000000001, -1e-13]))
    np.testing.assert_array_equal(clipped, [0.0, 50.0, 100.0, np.nan, 100.0, 0.0])
    assert flag.tolist() == [True, False, True, False, False, False]  # rounding is not flagged
    register(Model("beyond", "always 120", "none", _beyond, lambda n, m, r: 8.0, _ex))
    try:
        path = _write(tmp_path, base())
        data = _json(["forecast", str(path), "--model", "beyond", "--draws", "20", "--seed", "1"])
        for issue in data["issues"]:
            m = issue["models"]["beyond"]
            assert m["forecast"] == 100.0 and m["clipped"] is True
            assert m["interval"] == [100.0, 100.0]
        out = runner.invoke(build_app(), ["forecast", str(path), "--model", "beyond"])
        assert "100‡" in out.stdout and "outside the 0–100 scale" in out.stdout
    finally:
        unregister("beyond")


def test_inputs_too_big_are_refused_before_any_work() -> None:
    n, m = 2000, 10
    inputs = _uniform(1, n, m)
    t0 = time.perf_counter()
    with pytest.raises(InputError, match=r"2,000 actors × 10 issues: one run of the exchange"):
        run_models(inputs, ["exchange"])
    assert time.perf_counter() - t0 < 1.0
    run_models(inputs.subset([0]), ["compromise"])  # the cheap models still run


def test_too_big_a_table_exits_2_with_one_line_naming_the_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pourparler.forecast.registry import REGISTRY

    need = REGISTRY["bdm"].bytes_per_draw(3_000, 1, 10)
    monkeypatch.setattr(models_mod, "MEMORY_LIMIT", need / 2)
    rows = ["Actor,Capability,Position,Salience"]
    rows += [f"a{i},{1 + i % 7},{i % 101},{5 + i % 90}" for i in range(3_000)]
    path = tmp_path / "big.csv"
    path.write_text("\n".join(rows) + "\n")
    for command in (["forecast", str(path)], ["sensitivity", str(path), "--model", "bdm"]):
        t0 = time.perf_counter()
        with pytest.raises(SystemExit) as info:
            main(command)
        assert time.perf_counter() - t0 < 10  # refused before any work
        assert info.value.code == 2
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "3,000 actors × 1 issues" in err[0]
        assert f"bdm model needs about {models_mod.gigabytes(need)}" in err[0]


def test_too_many_draws_to_keep_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(models_mod, "MEMORY_LIMIT", 1e6)
    sc = load_scenario(_write(tmp_path, base()))
    with pytest.raises(InputError, match=r"100,000 draws × 2 issues × 6 models.*reduce the draws"):
        forecast_scenario(sc, ["all"], draws=100_000, seed=1)


def test_slicing_a_batch_for_memory_never_changes_a_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    rng = np.random.default_rng(0)
    pos = rng.uniform(0, 100, (9, 5, 3))
    sal = rng.uniform(0.1, 1, (9, 5, 3))
    cap = rng.uniform(0.1, 1, (9, 5))
    inputs = ForecastInputs(pos, sal, cap, np.ones((5, 3), bool), np.full(3, 50.0))
    whole = run_models(inputs, ["ensemble"], rounds=3)
    monkeypatch.setattr(models_mod, "BATCH_BYTES", 1.0)  # one draw per call
    sliced = run_models(inputs, ["ensemble"], rounds=3)
    for name, run in whole.items():
        np.testing.assert_array_equal(run.forecast, sliced[name].forecast)
        if run.rounds is not None:
            assert sliced[name].rounds is not None
            np.testing.assert_array_equal(run.rounds.positions, sliced[name].rounds.positions)


class Sink:
    def __init__(self) -> None:
        self.calls: list[tuple[str, Any]] = []

    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        self.calls.append(("start", (what, total, estimate_s)))

    def advance(self, n: int) -> None:
        self.calls.append(("advance", n))

    def finish(self) -> None:
        self.calls.append(("finish", None))


def test_progress_is_told_the_draws_and_an_estimate(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, base()))
    sink = Sink()
    forecast_scenario(sc, ["compromise"], draws=600, seed=1, progress=sink)
    starts = [c[1] for c in sink.calls if c[0] == "start"]
    assert [s[:2] for s in starts] == [("nominal run", 1), ("draws", 600)]
    assert starts[1][2] is not None and starts[1][2] >= 0
    assert sum(c[1] for c in sink.calls if c[0] == "advance") == 1 + 600


def test_stderr_progress_off_a_terminal_is_one_line_for_long_runs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from pourparler.cli import progress_display
    from pourparler.cli.progress_display import StderrProgress, duration

    clock = iter([0.0, 1.0, 0.0, 30.0, 60.0, 70.0, 0.0, 30.0, 31.0])
    monkeypatch.setattr(progress_display.time, "perf_counter", lambda: next(clock))
    bar = StderrProgress(terminal=False)
    bar.start("draws", 200, 5000.0)  # an upper bound: not enough to speak
    bar.advance(100)  # 1 s for half: fast, nothing
    bar.finish()
    bar.start("draws", 200, None)
    bar.advance(5)  # the first steps pay for warm-up: no estimate from them alone
    bar.advance(5)  # 30 s for the next 5 draws: about 19 min left
    bar.advance(10)  # said once only
    bar.finish()
    bar.start("draws", 200, None)
    bar.advance(5)  # a slow warm-up (30 s, compiling) ...
    bar.advance(5)  # ... then 1 s for 5 draws: 38 s left, nothing to say
    bar.finish()
    err = capsys.readouterr().err.splitlines()
    assert err == ["pourparler: draws: 10 of 200 done, about 19 min left"]
    assert (duration(40), duration(300), duration(6000)) == ("40 s", "5 min", "1 h 40 min")


def test_the_first_draws_are_timed_on_their_own_without_changing_a_number() -> None:
    from pourparler.forecast.montecarlo import monte_carlo

    rng = np.random.default_rng(1)
    one = ForecastInputs(
        rng.uniform(0, 100, (1, 4, 3)),
        rng.uniform(0.1, 1, (1, 4, 3)),
        rng.uniform(0.1, 1, (1, 4)),
        np.ones((4, 3), bool),
        np.full(3, 50.0),
    )
    sd = InputSD(np.full((4, 3), 10.0), np.full((4, 3), 0.1), np.full(4, 0.1))
    steps: list[int] = []
    kw: dict[str, Any] = {"draws": 60, "seed": 3, "rounds": 3, "chunk_size": 25}
    timed = monte_carlo(one, sd, ["ensemble"], progress=steps.append, **kw)
    plain = monte_carlo(one, sd, ["ensemble"], **kw)
    assert steps == [5, 5, 5, 5, 5, 25, 10]  # warm-up, the rest of the chunk in quarters, ...
    for name, dist in plain.items():
        np.testing.assert_array_equal(dist.samples, timed[name].samples)
    # where a draw is dear, a few draws are timed: the rate is known early
    dear: list[int] = []
    from pourparler.forecast import montecarlo

    real = montecarlo.PROBE_DRAW_SECONDS
    try:
        montecarlo.PROBE_DRAW_SECONDS = 0.0
        monte_carlo(one, sd, ["ensemble"], progress=dear.append, **kw)
    finally:
        montecarlo.PROBE_DRAW_SECONDS = real
    assert dear == [5, 5, 15, 25, 10]


def test_progress_weighs_draws_by_the_models_they_run() -> None:
    """With the expensive model on the first 20 of 60 draws only, those 20 are nearly all the
    work: the time left is not told from them for 40 more draws of the same cost."""
    from pourparler.forecast.montecarlo import monte_carlo

    rng = np.random.default_rng(1)
    one = ForecastInputs(
        rng.uniform(0, 100, (1, 4, 3)),
        rng.uniform(0.1, 1, (1, 4, 3)),
        rng.uniform(0.1, 1, (1, 4)),
        np.ones((4, 3), bool),
        np.full(3, 50.0),
    )
    sd = InputSD(np.full((4, 3), 10.0), np.full((4, 3), 0.1), np.full(4, 0.1))
    steps: list[int] = []
    models = ["compromise", "bdm"]
    limits = {"compromise": 60, "bdm": 20}
    kw: dict[str, Any] = {"draws": 60, "seed": 3, "rounds": 3, "chunk_size": 60}
    timed = monte_carlo(one, sd, models, progress=steps.append, model_draws=limits, **kw)
    plain = monte_carlo(one, sd, models, model_draws=limits, **kw)
    assert sum(steps) == 60
    assert steps[0] > 5 * 2  # the 5 warm-up draws run BDM: more than twice their share
    assert steps[-1] <= 13 // 4  # the last 13 draws run the compromise model alone
    for name, dist in plain.items():
        np.testing.assert_array_equal(dist.samples, timed[name].samples)


def test_a_powerless_actor_raises_no_numpy_warning(tmp_path: Path) -> None:
    from pourparler.forecast.sensitivity import scenario_sensitivity

    doc = base()
    doc["actors"][2]["capability"] = 0.0  # TR: no capability
    doc["actors"][1]["capability_sd"] = 0.3  # and draws in which UA's capability is 0
    sc = load_scenario(_write(tmp_path, doc))
    with warnings.catch_warnings(), np.errstate(all="raise"):
        warnings.simplefilter("error")
        forecast_scenario(sc, ["all"], draws=60, seed=4)
        scenario_sensitivity(sc, model="ensemble")


WEIGHTLESS = {
    "id": "weightless",
    "title": "saliences that draws can take to 0",
    "actors": [{"id": a, "name": a, "capability": 1} for a in ("A", "B")],
    "issues": [
        {
            "id": "i0",
            "name": "Issue",
            "status_quo": 50,
            "options": [{"value": 0, "label": "low"}, {"value": 100, "label": "high"}],
        }
    ],
    "stances": [
        {"actor": a, "issue": "i0", "position": x, "salience": 0.02,
         "uncertainty": {"position": 1, "salience": 0.1}}
        for a, x in (("A", 20), ("B", 30))
    ],
}  # fmt: skip


def test_a_draw_without_any_weight_on_an_issue_gives_no_forecast_from_any_model(
    tmp_path: Path,
) -> None:
    """Nash fell back on the status quo (50) in such draws while the other models had none, so
    the ensemble's interval reached 50 though every model forecast 20–30."""
    path = _write(tmp_path, WEIGHTLESS)
    result = forecast_scenario(load_scenario(str(path)), draws=200, seed=1)
    missing = {name: int(d.without_forecast[0]) for name, d in result.distributions.items()}
    assert len(set(missing.values())) == 1 and missing["ensemble"] > 0  # every model alike
    for name, dist in result.distributions.items():
        assert 19 < dist.low[0] and dist.high[0] < 31, (name, dist.low[0], dist.high[0])
    r = runner.invoke(build_app(), ["forecast", str(path), "--seed", "1", "--json"])
    (issue,) = json.loads(r.stdout)["issues"]
    assert issue["draws_without_forecast"] == missing["ensemble"]
    r = runner.invoke(build_app(), ["forecast", str(path), "--seed", "1"], env={"COLUMNS": "200"})
    assert f"i0 {missing['ensemble']}; the intervals are over the others" in r.stdout
