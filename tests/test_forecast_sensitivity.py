"""One-at-a-time sensitivity: each perturbed run changes one input, changes are clamped to the
input's scale and said to be, and the library gives the command's numbers."""

from __future__ import annotations

import json
from dataclasses import astuple, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from pourparler.cli.app import build_app
from pourparler.forecast import sensitivity as sens
from pourparler.forecast.inputs import ForecastInputs, ModelRun
from pourparler.forecast.models import run_models
from pourparler.forecast.registry import REGISTRY
from pourparler.scenario import load_scenario
from scenario_samples import base


def _inputs(seed: int = 0, actors: int = 4, issues: int = 3) -> ForecastInputs:
    rng = np.random.default_rng(seed)
    present = np.ones((actors, issues), dtype=bool)
    present[3, 2] = False
    pos = np.where(present, rng.uniform(5, 95, (1, actors, issues)).round(1), np.nan)
    pos[0, 0, 1] = 100.0  # at the top of the scale
    pos[0, 1, 0] = 3.0  # δ = 10 reaches below 0
    sal = np.where(present, rng.uniform(0.2, 0.9, (1, actors, issues)).round(2), 0.0)
    cap = rng.uniform(0.2, 1.0, (1, actors))
    cap[0, 2] = 0.0  # an actor without capability: nothing to scale
    return ForecastInputs(pos, sal, cap, present, np.full(issues, 50.0))


ACTORS = ("a", "b", "c", "d")
ISSUES = ("i", "j", "k")


@dataclass
class Recording:
    """A registry entry that records every batch it is asked to run."""

    inner: Any
    batches: list[ForecastInputs] = field(default_factory=list)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def run(self, inputs: ForecastInputs, *, rounds: int = 10, q: float = 1.0) -> ModelRun:
        self.batches.append(inputs)
        return self.inner.run(inputs, rounds=rounds, q=q)


def _record(monkeypatch: pytest.MonkeyPatch, name: str) -> Recording:
    rec = Recording(REGISTRY[name])
    monkeypatch.setitem(REGISTRY, name, rec)
    return rec


def _changed_cells(batch: ForecastInputs, nominal: ForecastInputs) -> list[set[tuple[Any, ...]]]:
    out = []
    for r in range(batch.n_draws):
        pos = ~np.isclose(batch.position[r], nominal.position[0], equal_nan=True)
        sal = batch.salience[r] != nominal.salience[0]
        cap = batch.capability[r] != nominal.capability[0]
        cells = {("position", a, k) for a, k in zip(*np.nonzero(pos), strict=True)}
        cells |= {("salience", a, k) for a, k in zip(*np.nonzero(sal), strict=True)}
        cells |= {("capability", int(a)) for a in np.flatnonzero(cap)}
        out.append(cells)
    return out


@pytest.mark.parametrize("model", ["exchange", "ensemble"])
def test_exchange_rows_change_one_actor_on_one_issue(
    monkeypatch: pytest.MonkeyPatch, model: str
) -> None:
    nominal = _inputs()
    rec = _record(monkeypatch, "exchange")
    sens.sensitivity(nominal, ACTORS, ISSUES, model=model, rounds=2)
    rows = [cells for batch in rec.batches for cells in _changed_cells(batch, nominal)]
    assert rows[0] == set()  # the nominal run
    perturbed = rows[1:]
    assert perturbed and all(len(cells) == 1 for cells in perturbed)
    # every (actor, issue) position and salience that can move is tried on its own, both ways
    tried = {cells.pop() for cells in [set(c) for c in perturbed]}
    stances = {(a, k) for a, k in zip(*np.nonzero(nominal.present), strict=True)}
    assert {(x, a, k) for x, a, k in (t for t in tried if len(t) == 3)} == {
        (x, a, k) for x in ("position", "salience") for a, k in stances
    }
    assert {t for t in tried if len(t) == 2} == {
        ("capability", 0),
        ("capability", 1),
        ("capability", 3),
    }


def test_per_issue_models_move_an_actor_on_every_issue_in_one_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    nominal = _inputs()
    rec = _record(monkeypatch, "bdm")
    sens.sensitivity(nominal, ACTORS, ISSUES, model="bdm", rounds=2)
    rows = [cells for batch in rec.batches for cells in _changed_cells(batch, nominal)][1:]
    # one run per actor, input and side that can move: 4 actors × 2 sides × (position,
    # salience) + 3 capabilities × 2 sides
    assert len(rows) == 4 * 2 * 2 + 3 * 2
    assert all(len({c[1] for c in cells}) == 1 for cells in rows)  # one actor each


@pytest.mark.parametrize("model", ["bdm", "median", "exchange", "ensemble"])
def test_effects_equal_runs_with_that_one_input_changed(model: str) -> None:
    nominal = _inputs(3)
    result = sens.sensitivity(nominal, ACTORS, ISSUES, model=model, rounds=3, position_delta=7.0)
    for k, res in enumerate(result):
        for e in res.effects[:6]:
            a = ACTORS.index(e.actor)
            for end, got in ((e.low_value, e.forecast_low), (e.high_value, e.forecast_high)):
                if end == e.value:
                    assert np.isnan(got)
                    continue
                pos, sal = nominal.position.copy(), nominal.salience.copy()
                cap = nominal.capability.copy()
                if e.input == "position":
                    pos[0, a, k] = end
                elif e.input == "salience":
                    sal[0, a, k] = end
                else:
                    cap[0, a] = end
                alone = ForecastInputs(pos, sal, cap, nominal.present, nominal.status_quo)
                want = run_models(alone, [model], rounds=3)[model].forecast[0, k]
                assert got == pytest.approx(want, abs=1e-9)


def test_clamped_and_impossible_sides_are_flagged() -> None:
    result = sens.sensitivity(_inputs(), ACTORS, ISSUES, model="compromise")
    by = {(r.issue, e.actor, e.input): e for r in result for e in r.effects}
    top = by[("j", "a", "position")]  # at 100: cannot go up
    assert (top.value, top.low_value, top.high_value) == (100.0, 90.0, 100.0)
    assert top.clamped_high and not top.clamped_low
    assert top.low_possible and not top.high_possible
    assert np.isnan(top.forecast_high) and np.isfinite(top.forecast_low)
    assert top.size == pytest.approx(abs(top.forecast - top.forecast_low))
    low = by[("i", "b", "position")]  # at 3: −10 is clamped to 0, still a change
    assert (low.low_value, low.high_value) == (0.0, 13.0)
    assert low.clamped_low and low.low_possible and not low.clamped_high
    zero = by[("i", "c", "capability")]  # capability 0: no change either way
    assert not zero.low_possible and not zero.high_possible and zero.size == 0.0
    assert ("k", "d", "position") not in by  # no stance, no effect


def test_effect_size_spans_the_values_tried_and_flags_same_direction() -> None:
    e = sens.Effect("a", "position", 50, 40, 60, 12.0, 13.0, forecast=10.0)
    assert e.size == 3.0 and e.same_direction
    f = sens.Effect("a", "position", 50, 40, 60, 8.0, 13.0, forecast=10.0)
    assert f.size == 5.0 and not f.same_direction


def test_chunking_does_not_change_the_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    nominal = _inputs(5)
    whole = sens.sensitivity(nominal, ACTORS, ISSUES, model="ensemble", rounds=2)
    monkeypatch.setattr(sens, "CHUNK_ROWS", 3)
    pieces = sens.sensitivity(nominal, ACTORS, ISSUES, model="ensemble", rounds=2)
    flat = [[(r.issue, r.forecast, *astuple(e)) for e in r.effects] for r in whole]
    np.testing.assert_equal(
        flat, [[(r.issue, r.forecast, *astuple(e)) for e in r.effects] for r in pieces]
    )


@pytest.mark.parametrize("budget", [None, 0.0])
def test_threads_change_no_number(monkeypatch: pytest.MonkeyPatch, budget: float | None) -> None:
    # several batches of changes (and, with a budget of 0, of screening runs) side by side
    monkeypatch.setattr(sens, "CHUNK_ROWS", 3)
    monkeypatch.setattr(sens, "CHEAP_SECONDS", 0.0)  # every model counts as dear: screening
    nominal = _inputs(6)
    used: list[int] = []
    real = sens.in_threads

    def counted(fn: Any, items: Any, workers: int) -> Any:
        used.append(min(workers, len(items)))
        return real(fn, items, workers)

    def flat(result: sens.SensitivityResult) -> list[Any]:
        return [[(r.issue, r.forecast, *astuple(e)) for e in r.effects] for r in result]

    one = sens.sensitivity(nominal, ACTORS, ISSUES, rounds=2, budget=budget, workers=1)
    monkeypatch.setattr(sens, "in_threads", counted)
    three = sens.sensitivity(nominal, ACTORS, ISSUES, rounds=2, budget=budget, workers=3)
    np.testing.assert_equal(flat(one), flat(three))
    assert max(used) == 3
    with pytest.raises(ValueError, match="workers"):
        sens.sensitivity(nominal, ACTORS, ISSUES, workers=0)


def test_position_deltas_from_the_labelled_options() -> None:
    got = sens.position_deltas(option_values=[[0, 50, 100], [4, 7, 10], [30, 30]])
    np.testing.assert_allclose(got, [10.0, 0.6, 10.0])
    with pytest.raises(ValueError, match="position_deltas"):
        sens.position_deltas()


def test_library_gives_the_command_numbers(tmp_path: Path) -> None:
    doc = base()
    doc["issues"][1]["options"] = [{"value": 20, "label": "few"}, {"value": 60, "label": "many"}]
    doc["stances"][4]["option_utilities"] = {20: 0.0, 60: 1.0}
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    args = ["sensitivity", str(path), "--model", "ensemble", "--top", "0", "--json"]
    result = CliRunner().invoke(build_app(), args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == 3  # 3: no_forecast
    lib = sens.scenario_sensitivity(load_scenario(path), model="ensemble")
    assert [i["position_delta"] for i in data["issues"]] == [10.0, 4.0]
    for row, res in zip(data["issues"], lib, strict=True):
        assert row["forecast"] == res.forecast and row["position_delta"] == res.position_delta
        assert len(row["effects"]) == len(res.effects)
        for got, e in zip(row["effects"], res.effects, strict=True):
            assert (got["actor"], got["input"]) == (e.actor, e.input)
            assert got["effect"] == e.size
            for key, want in (("forecast_low", e.forecast_low), ("forecast_high", e.forecast_high)):
                assert got[key] == (None if np.isnan(want) else want)
            assert (got["low"], got["high"]) == (e.low_value, e.high_value)
            assert got["clamped_low"] == e.clamped_low and got["clamped_high"] == e.clamped_high


# -- screening the expensive models --------------------------------------------------------------
def _effects(result: list[sens.IssueSensitivity]) -> dict[tuple[str, str, str], sens.Effect]:
    return {(r.issue, e.actor, e.input): e for r in result for e in r.effects}


def test_no_screening_within_the_budget() -> None:
    result = sens.sensitivity(_inputs(), ACTORS, ISSUES, model="ensemble")
    assert not result.screened and result.kept == {}
    assert all(not e.screened for e in _effects(result).values())


@pytest.mark.parametrize("model", ["exchange", "ensemble"])
def test_screening_runs_the_changes_that_matter_most_and_names_the_rest(
    model: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a budget for a few exchange runs, the kept changes give exactly the full design's
    effects, the others hold the exchange model at its nominal forecast and say so."""
    # at this size only the exchange model counts as expensive
    # (the threshold is on a model's runs over every change: ~24 of BDM's, ~50 of the exchange's)
    monkeypatch.setattr(sens, "CHEAP_SECONDS", 20 * sens.reference_seconds("exchange", 4, 3, 10))
    assert 30 * sens.reference_seconds("bdm", 4, 3, 10) < sens.CHEAP_SECONDS
    inputs = _inputs(actors=4, issues=3)
    full = _effects(sens.sensitivity(inputs, ACTORS, ISSUES, model=model, budget=None))
    per_run = sens.reference_seconds("exchange", 4, 3, 10)
    result = sens.sensitivity(inputs, ACTORS, ISSUES, model=model, budget=5.5 * per_run)
    assert result.screened
    run, total = result.kept["exchange"]
    assert run == 5 < total  # the whole budget is the exchange model's: five runs fit
    got = _effects(result)
    exact = [key for key, e in got.items() if not e.screened]
    held = [key for key, e in got.items() if e.screened]
    assert held and all(got[k].screened == ("exchange",) for k in held)
    for key in exact:  # run in full: the same numbers as the full design
        assert got[key].forecast_low == pytest.approx(full[key].forecast_low, nan_ok=True)
        assert got[key].forecast_high == pytest.approx(full[key].forecast_high, nan_ok=True)
    if model == "exchange":  # a side held at nominal claims no effect
        for k in held:
            e = got[k]
            assert e.forecast in (e.forecast_low, e.forecast_high) or not (
                e.low_possible and e.high_possible
            )
    # the kept changes are those that move the screening models most
    scores = _effects(sens.sensitivity(inputs, ACTORS, ISSUES, model="compromise", budget=None))
    kept_pos = [k for k in exact if k[2] != "capability" and got[k].low_possible]
    dropped = [k for k in held if k[2] != "capability"]
    if kept_pos and dropped:
        assert min(scores[k].size for k in kept_pos) >= 0.0


def test_screening_is_reported_by_the_command(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sens, "CHEAP_SECONDS", 0.0)
    doc = base()
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    real = sens.SCREEN_BUDGET
    try:
        sens.SCREEN_BUDGET = 0.0
        out = CliRunner().invoke(build_app(), ["sensitivity", str(path), "--json"])
        data = json.loads(out.stdout)
        screening = data["parameters"]["screening"]
        assert screening["changes_run"]["exchange"]["run"] == 0
        assert any("exchange" in e["screened"] for i in data["issues"] for e in i["effects"])
        table = CliRunner().invoke(build_app(), ["sensitivity", str(path)]).stdout
        assert "Screened" in table and "°" in table
        full = json.loads(
            CliRunner().invoke(build_app(), ["sensitivity", str(path), "--json", "--full"]).stdout
        )
        assert full["parameters"]["screening"] is None
    finally:
        sens.SCREEN_BUDGET = real


def test_screening_models_run_every_change_and_are_never_held(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Screening has run the compromise and median models on every change already: the ensemble
    uses those runs, and only the expensive models are held at their nominal forecasts."""
    monkeypatch.setattr(sens, "CHEAP_SECONDS", 0.0)  # every model counts as expensive
    inputs = _inputs()
    result = sens.sensitivity(inputs, ACTORS, ISSUES, model="ensemble", budget=0.0)
    assert result.screened
    assert set(result.kept) == {"nash", "bdm", "exchange"}
    assert all(k == 0 for k, _ in result.kept.values())
    held = {c for e in _effects(result).values() for c in e.screened}
    assert held == {"nash", "bdm", "exchange"}
    # the cheap members' runs on every change still move the ensemble, by their share
    compromise = _effects(sens.sensitivity(inputs, ACTORS, ISSUES, model="compromise"))
    got = _effects(result)
    moved = [k for k, e in compromise.items() if e.size > 1e-6]
    assert moved and all(got[k].size > 0 for k in moved)


@dataclass
class _Stages:
    """A progress sink that records each stage's name, steps and the steps of each advance."""

    stages: list[tuple[str, int, list[int]]] = field(default_factory=list)

    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        self.stages.append((what, total, []))

    def advance(self, n: int) -> None:
        self.stages[-1][2].append(n)

    def finish(self) -> None:
        pass


@pytest.mark.parametrize("dear", [False, True])
def test_progress_has_one_stage_per_cost_and_dear_runs_one_at_a_time(
    dear: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The time left is told from runs of one cost: each set of models is its own stage, and
    runs costing more than a chunk's worth advance one at a time."""
    if dear:
        monkeypatch.setattr(sens, "CHUNK_SECONDS", 1e-9)
    sink = _Stages()
    sens.sensitivity(_inputs(), ACTORS, ISSUES, model="ensemble", budget=None, progress=sink)
    names = [what for what, _, _ in sink.stages]
    assert names == ["perturbed runs (compromise, median, nash, bdm)", "perturbed runs (exchange)"]
    for _, total, steps in sink.stages:
        assert sum(steps) == total
        assert set(steps) == {1} if dear else steps[0] == sens.PROBE_ROWS < max(steps[1:])


def test_the_changes_that_leave_an_issue_without_weight_are_the_runs_without_any() -> None:
    """``_weightless`` reads off each change what the changed inputs' own weights give."""
    rng = np.random.default_rng(4)
    n, m = 4, 3
    present = rng.random((n, m)) < 0.8
    present[0] = True
    salience = np.where(present, rng.choice([0.0, 0.05, 0.3], (n, m)), 0.0)
    capability = rng.choice([0.0, 0.5, 2.0], n)
    capability[0] = 1.0
    salience[0] = 0.05  # every issue keeps some weight nominally
    salience[1:, 0] = 0.0  # issue 0's only weight: actor 0's, which its salience − δ takes
    base = ForecastInputs(
        np.where(present, 50.0, np.nan)[None],
        salience[None],
        capability[None],
        present,
        np.full(m, 50.0),
    )
    _, lo, hi, _ = sens._ends(base, np.full(m, 10.0))
    got = sens._weightless(base, lo, hi)
    assert got.any()  # the test reaches the case
    for a in range(n):
        for kind in range(3):
            for side in range(2):
                change = sens._Change(a, kind, side, -1)
                want = sens._apply(base, [change], lo, hi).weightless[0]
                assert (got[a, kind, side] == want).all(), (a, kind, side)


LONE = "Actor,Capability,Position,Salience\nA,1,10,0.05\nB,1,90,0\n"


@pytest.mark.parametrize("model", ["median", "compromise", "ensemble"])
def test_a_change_that_leaves_no_weight_is_no_forecast_ranked_first(
    tmp_path: Path, model: str
) -> None:
    path = tmp_path / "lone.csv"
    path.write_text(LONE, encoding="utf-8")
    runner = CliRunner()
    r = runner.invoke(build_app(), ["sensitivity", str(path), "--model", model, "--json"])
    assert r.exit_code == 0, r.output
    first = json.loads(r.stdout)["issues"][0]["effects"][0]
    assert (first["actor"], first["input"], first["no_forecast"]) == ("A", "salience", True)
    assert first["forecast_low"] is None and first["low_possible"] and first["effect"] is None
    assert first["forecast_high"] is not None  # the other side still has a forecast
    r = runner.invoke(build_app(), ["sensitivity", str(path), "--model", model],
                      env={"COLUMNS": "120"})  # fmt: skip
    assert r.exit_code == 0, r.output
    assert "0* → no forecast¶" in r.stdout and "¶ the change leaves no actor any weight" in r.stdout
