"""The month-by-month simulation: determinism, sequencing, the frozen front, spoilers, the
shape of its probabilities, and the ``simulate`` command's output and bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import yaml
from typer.testing import CliRunner

from cli_run import run_cli
from pourparler.cli.app import build_app, main
from pourparler.dynamics.chunk import CEASEFIRE, FIGHTING, INPUTS, SETTLED, run_chunk
from pourparler.dynamics.runners import batch_seeds
from pourparler.dynamics.setup import SimulationSetup, prepare
from pourparler.dynamics.simulate import simulate
from pourparler.errors import InputError
from simulate_samples import constant_hazard, doc, scenario, set_no_deal

runner = CliRunner()
HAZARD = constant_hazard(0.05)


def _setup(sc: Any, months: int = 24, rate: float = 0.05) -> SimulationSetup:
    return prepare(sc, months, constant_hazard(rate))


def _paths(setup: SimulationSetup, runs: int = 200, seed: int = 7) -> tuple[Any, Any, Any]:
    res = run_chunk(setup, runs, batch_seeds(seed, 1)[0], record=True)
    assert res.paths is not None
    return res, res.paths[0], res.paths[1]


def _blocked_settlement(sequencing: str, **bf: Any) -> Any:
    """Red lines leave no settlement package (A wants all, B none of the territory); the
    ceasefire track stays open."""
    data = doc()
    data["stances"][2]["red_line"] = [100, 100]
    data["stances"][3]["red_line"] = [0, 0]
    data["talks"]["sequencing"] = sequencing
    data["battlefield"].update(bf)
    from pourparler.scenario import Scenario

    return Scenario.model_validate(data)


def _easy(sequencing: str = "together") -> Any:
    """Both sides value war at nothing and are realistic; the guarantor sits at the table:
    a zone exists every month and everyone accepts."""
    data = doc()
    set_no_deal(data, "A", utility=0.0)
    set_no_deal(data, "B", utility=0.0)
    data["actors"][3]["at_table"] = True
    data["battlefield"]["p_sd"] = 0.0
    data["talks"]["sequencing"] = sequencing
    from pourparler.scenario import Scenario

    return Scenario.model_validate(data)


# -- determinism ----------------------------------------------------------------------------


def test_same_seed_gives_byte_identical_json_and_another_seed_differs() -> None:
    sc = scenario()
    one = json.dumps(simulate(sc, months=12, runs=250, seed=5, hazard=HAZARD).to_data())
    two = json.dumps(simulate(sc, months=12, runs=250, seed=5, hazard=HAZARD).to_data())
    other = json.dumps(simulate(sc, months=12, runs=250, seed=6, hazard=HAZARD).to_data())
    assert one == two
    assert one != other


def test_serial_equals_two_worker_processes() -> None:
    sc = scenario()
    serial = simulate(sc, months=12, runs=300, seed=11, hazard=HAZARD, workers=1)
    pooled = simulate(sc, months=12, runs=300, seed=11, hazard=HAZARD, workers=2)
    assert json.dumps(serial.to_data()) == json.dumps(pooled.to_data())


# -- outcomes -------------------------------------------------------------------------------


def test_an_open_zone_everyone_accepts_settles_in_month_one_in_every_run() -> None:
    res = simulate(_easy(), months=6, runs=1000, seed=2, hazard=constant_hazard(0.0))
    first = res.months[0]
    assert first.signed.value == first.signed.low == first.signed.high == 1.0
    assert res.summary["median_months_to_settlement"] == 1.0
    assert res.summary["p_breakdown_by_6"] == 0.0
    assert all(m.settlement.value == 1.0 for m in res.months)


def test_mutual_optimism_without_a_zone_gives_no_agreement() -> None:
    data = doc()
    for side in ("A", "B"):
        set_no_deal(data, side, utility=0.85, optimism=0.95)
    from pourparler.dynamics import beliefs
    from pourparler.dynamics.battlefield import fight_values
    from pourparler.scenario import Scenario

    sc = Scenario.model_validate(data)
    bf = sc.battlefield
    assert bf is not None
    mean_a = beliefs.mean(*beliefs.prior_from_optimism(bf.p, 0.95, bf.belief_strength, "a"))
    mean_b = beliefs.mean(*beliefs.prior_from_optimism(bf.p, 0.95, bf.belief_strength, "b"))
    wa, _ = fight_values(bf.steps, float(mean_a), bf.discount, bf.cost_a, bf.cost_b)
    _, wb = fight_values(bf.steps, float(mean_b), bf.discount, bf.cost_a, bf.cost_b)
    assert beliefs.mutual_optimism(wa[bf.start], wb[bf.start])  # the sides are mutually optimistic
    res = simulate(sc, months=24, runs=300, seed=3, hazard=HAZARD)
    assert res.summary["p_settlement_by_24"] == 0.0
    assert res.summary["p_ceasefire_by_24"] == 0.0
    assert all(m.ripeness in (0.0, None) for m in res.months)  # no way out: not ripe


def test_ceasefire_first_signs_a_settlement_only_under_a_ceasefire() -> None:
    setup = _setup(_easy("ceasefire-first"))
    res, state, _ = _paths(setup)
    assert (state[:, 0] == CEASEFIRE).all()  # the zone is open: a ceasefire in month 1
    became_settled = (state[:, 1:] == SETTLED) & (state[:, :-1] != SETTLED)
    assert became_settled.any()
    assert (state[:, :-1][became_settled] == CEASEFIRE).all()
    signed = res.first_settlement > 0
    assert (res.first_silence[signed] < res.first_settlement[signed]).all()


def test_settlement_first_brings_no_ceasefire_before_the_settlement() -> None:
    setup = _setup(_easy("settlement-first"))
    res, state, _ = _paths(setup)
    assert not (state == CEASEFIRE).any()
    assert (res.first_settlement == 1).all()
    assert (res.first_silence == res.first_settlement).all()


def test_together_lets_a_ceasefire_come_alone_when_no_settlement_is_possible() -> None:
    setup = _setup(_blocked_settlement("together"))
    assert setup.settlement.frontier.size == 0
    _, state, _ = _paths(setup)
    assert (state == CEASEFIRE).any()
    assert not (state == SETTLED).any()


def test_the_front_is_frozen_while_a_ceasefire_holds_and_moves_while_fighting() -> None:
    setup = _setup(_blocked_settlement("ceasefire-first"), months=36, rate=0.2)
    _, state, front = _paths(setup, runs=300)
    held = state[:, :-1] == CEASEFIRE
    assert held.sum() > 100
    assert (front[:, 1:][held] == front[:, :-1][held]).all()
    fought = state[:, :-1] == FIGHTING
    moved = np.abs(front[:, 1:] - front[:, :-1])
    assert (moved[fought & (state[:, 1:] == FIGHTING)] == 1).all()


def test_spoil_probability_is_zero_when_every_veto_actor_is_at_the_table() -> None:
    data = doc()
    data["actors"][3]["at_table"] = True
    from pourparler.scenario import Scenario

    seated = _setup(Scenario.model_validate(data))
    assert seated.settlement.spoil.size and not seated.settlement.spoil.any()
    assert not seated.ceasefire.spoil.any()
    data["actors"][3]["at_table"] = False
    set_no_deal(data, "G", utility=0.9)
    absent = _setup(Scenario.model_validate(data))
    assert (absent.settlement.spoil > 0).all()
    g = 3
    shortfall = np.maximum(0.0, 0.9 - absent.settlement.frontier.utility[:, g])
    assert np.allclose(absent.settlement.spoil, np.minimum(1.0, shortfall))


def test_monthly_probabilities_lie_in_0_1_and_the_ever_shares_never_fall() -> None:
    res = simulate(scenario(), months=36, runs=1000, seed=4, hazard=constant_hazard(0.08))
    for name in ("ceasefire", "settlement", "signed", "silenced", "broken"):
        for m in res.months:
            share = getattr(m, name)
            assert 0.0 <= share.low <= share.high <= 1.0 and 0.0 <= share.value <= 1.0
    for name in ("signed", "silenced", "broken"):
        values = [getattr(m, name).value for m in res.months]
        assert np.all(np.diff(values) >= 0)
    for name in ("defeat_a", "defeat_b"):
        assert np.all(np.diff([getattr(m, name) for m in res.months]) >= 0)
    assert res.months[-1].broken.value > 0  # breakdowns happen at 8% a month
    for m in res.months:
        if m.ripeness is not None and m.ripeness_band is not None:
            assert (
                0.0 <= m.ripeness_band[0] <= m.ripeness <= m.ripeness_band[1] + 1e-12 <= 1.0 + 1e-12
            )


def test_summary_matches_the_monthly_rows_and_terms_shares_sum_to_one() -> None:
    res = simulate(scenario(), months=24, runs=300, seed=9, hazard=HAZARD)
    assert res.summary["p_settlement_by_12"] == res.months[11].signed.value
    assert res.summary["p_ceasefire_by_12"] == res.months[11].silenced.value
    assert res.summary["p_breakdown_by_24"] == res.months[23].broken.value
    assert res.summary["p_breakdown_by_36"] is None  # beyond the months simulated
    for t in res.terms:
        if t.runs:
            assert sum(t.shares.values()) == pytest.approx(1.0)
    assert {d.input for d in res.drivers} == set(INPUTS)
    unmoved = {d.input for d in res.drivers if d.correlation is None}
    assert {"position_shift_a", "position_shift_b"} <= unmoved  # the sample states none


def test_the_hazard_function_sets_breakdowns() -> None:
    sc = _easy()
    never = simulate(sc, months=24, runs=200, seed=1, hazard=constant_hazard(0.0))
    always = simulate(sc, months=24, runs=200, seed=1, hazard=constant_hazard(1.0))
    assert never.summary["p_breakdown_by_24"] == 0.0
    assert always.months[1].broken.value == 1.0  # every settlement breaks the month after


def test_without_a_battlefield_the_simulation_is_bad_input() -> None:
    data = doc()
    del data["battlefield"]
    from pourparler.scenario import Scenario

    with pytest.raises(InputError, match="battlefield: missing"):
        simulate(Scenario.model_validate(data), runs=10, hazard=HAZARD)


def test_a_hazard_function_giving_no_probability_is_named_with_the_value() -> None:
    def nan_hazard(provisions: Any, months: int, override: Any = None) -> np.ndarray:
        out = np.full(months, 0.1)
        out[2] = np.nan
        return out

    with pytest.raises(ValueError, match=r"month 3 after signing: nan: not a probability"):
        prepare(scenario(), 12, nan_hazard)
    with pytest.raises(ValueError, match=r"expected 12 probabilities, got shape \(11,\)"):
        prepare(scenario(), 12, lambda provisions, months, override: np.zeros(months - 1))


# -- the command ----------------------------------------------------------------------------


@pytest.fixture
def front_file(tmp_path: Path) -> Path:
    path = tmp_path / "front.yaml"
    path.write_text(yaml.safe_dump(doc(), sort_keys=False), encoding="utf-8")
    return path


def test_json_is_the_result_and_records_its_provenance(front_file: Path) -> None:
    args = ["simulate", str(front_file), "--months", "12", "--runs", "200", "--seed", "8"]
    out = runner.invoke(build_app(), [*args, "--json"])
    assert out.exit_code == 0, out.output
    data = json.loads(out.stdout)
    from pourparler.scenario import load_scenario

    sc = load_scenario(str(front_file))
    expected = simulate(sc, months=12, runs=200, seed=8).to_data()
    assert data == json.loads(json.dumps(expected))
    assert data["seed"] == 8 and data["scenario_hash"] == sc.digest()
    assert data["parameters"]["runs"] == 200 and len(data["months"]) == 12


def test_csv_has_one_row_per_month(front_file: Path) -> None:
    pytest.importorskip("pandas")
    out = runner.invoke(
        build_app(), ["simulate", str(front_file), "--months", "6", "--runs", "100", "--csv"]
    )
    assert out.exit_code == 0, out.output
    lines = out.stdout.strip().splitlines()
    assert lines[0].startswith("scenario,month,ceasefire,")
    assert len(lines) == 7


def test_table_fits_80_columns(front_file: Path) -> None:
    out = runner.invoke(
        build_app(),
        ["simulate", str(front_file), "--months", "24", "--runs", "200", "--seed", "1"],
        env={"COLUMNS": "80"},
    )
    assert out.exit_code == 0, out.output
    assert "month" in out.stdout and "Terms agreed" in out.stdout
    assert max(len(line) for line in out.stdout.splitlines()) <= 80


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--months", "0"], "--months: 0"),
        (["--runs", "-1"], "--runs: -1"),
        (["--backend", "foo"], "--backend: 'foo'"),
        (["--workers", "0"], "--workers: 0"),
        (["--json", "--csv"], "--json and --csv"),
        (["--runs", "1000000", "--months", "600"], "600,000,000 run-months"),
        (["--ray-address", "10.0.0.1:6379"], "--ray-address: 10.0.0.1:6379: only with --backend"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    front_file: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(front_file), *args])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_a_scenario_without_battlefield_exits_2_naming_file_and_section(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = doc()
    del data["battlefield"]
    path = tmp_path / "nowar.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(path), "--runs", "10"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0] and "battlefield: missing" in err[0]


def test_an_empty_scenario_argument_is_refused_as_empty(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Path('') is the current folder: the command said it held no GENIUS domain file."""
    from pourparler.scenario import ScenarioError, load_scenario

    with pytest.raises(ScenarioError, match=r"^'': \(document\): empty: expected a built-in"):
        load_scenario("")
    code, out, err = run_cli(capsys, ["simulate", "", "--runs", "10"])
    assert code == 2 and out == ""
    (line,) = err.strip().splitlines()
    assert "empty: expected a built-in scenario name" in line and "GENIUS" not in line


@pytest.mark.parametrize("p", [1e-17, 5e-324])
def test_a_battle_chance_so_small_that_one_minus_it_is_one_simulates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], p: float
) -> None:
    """Side b's chance 1 − p rounds to 1: its belief is the largest allowed, not an error
    about a p of 1.0 that the file does not hold."""
    data = doc()
    data["battlefield"].update(p=p, p_sd=0.0)
    path = tmp_path / "lopsided.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(path), "--runs", "100", "--months", "6", "--seed", "3", "--json"])
    out, err = capsys.readouterr()
    assert info.value.code == 0, err
    assert err == ""
    assert len(json.loads(out)["months"]) == 6


@pytest.mark.parametrize("p_sd", [1e-160, 1e-300, 5e-324])
def test_a_p_sd_too_small_for_a_beta_in_floats_simulates_as_a_fixed_p(p_sd: float) -> None:
    """The Beta's parameters pass the largest float (1e-300 squared is 0): it is p itself, as
    with p_sd 0, instead of a division by zero or a p of NaN (every run lost by side a)."""
    fixed = simulate(scenario(battlefield={"p_sd": 0.0}), months=12, runs=200, seed=5)
    tiny = simulate(scenario(battlefield={"p_sd": p_sd}), months=12, runs=200, seed=5)
    assert tiny.to_data()["months"] == fixed.to_data()["months"]


def test_ray_backend_without_ray_is_one_line(
    front_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "ray", None)  # import ray raises ImportError
    with pytest.raises(SystemExit) as info:
        main(["simulate", str(front_file), "--backend", "ray", "--runs", "10"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pourparler[ray]" in err[0]


def test_a_hazard_ratio_that_rounds_to_zero_against_a_certain_breakdown_simulates(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """exp(-750) is 0: such an agreement never breaks down, instead of a NaN hazard."""
    args = ["--runs", "100", "--months", "12", "--seed", "1", "--json"]
    sets = [
        "--set",
        "talks.durability.baseline_monthly_hazard=1",
        "--set",
        "talks.durability.coefficients.mil_prov=-750",
    ]
    with pytest.raises(SystemExit) as info:
        main(["simulate", "istanbul-2025", *args, *sets])
    out, err = capsys.readouterr()
    assert info.value.code == 0, err
    assert json.loads(out)["summary"]["p_breakdown_by_12"] == 0.0


def test_a_share_equal_to_its_band_end_but_for_rounding_is_not_marked(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """np.quantile gives 0.0059999999999999784 for a band end of 0.006: the share 0.006 is at
    the band's end, not outside it."""
    from pourparler.report.dynamics_section import outside_band

    assert not outside_band(0.006, 0.0, 0.0059999999999999784)
    assert not outside_band(0.001, 0.0010000000000000002, 0.5)
    assert outside_band(0.006, 0.0, 0.005) and outside_band(0.001, 0.002, 0.5)
    args = ["simulate", "istanbul-2025", "--runs", "1000", "--seed", "9", "--months", "6"]
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    (row,) = [line.split() for line in out.splitlines() if line.split()[:1] == ["6"]]
    assert not any(cell.endswith("‡") for cell in row), row


def _read_percent(text: str) -> float:
    return float(text.rstrip("%‡"))


@pytest.mark.parametrize(
    ("value", "low", "high", "shown", "band"),
    [
        (0.016, 0.0, 0.015, "1.6%‡", "0.0–1.5"),  # not 1.6%‡ beside 0–2
        (0.002, 0.0, 0.0, "0.2%‡", "0.0–0.0"),
        (0.02, 0.0, 0.0, "2%‡", "0–0"),
        (0.1996, 0.2, 0.4, "19.96%‡", "20.00–40.00"),
        (0.3, 0.1, 0.2, "30%‡", "10–20"),
        (0.15, 0.1, 0.2, "15%", "10–20"),
    ],
)
def test_a_marked_share_is_printed_visibly_outside_its_printed_band(
    value: float, low: float, high: float, shown: str, band: str
) -> None:
    from pourparler.cli.simulate_command import _marked
    from pourparler.report.simulation import Share

    text, printed = _marked(Share(value, low, high))
    assert (text, printed) == (shown, band)
    if text.endswith("‡"):
        lo, hi = (float(x) for x in printed.split("–"))
        assert not lo <= _read_percent(text) <= hi


def test_a_ray_cluster_that_cannot_be_reached_is_blamed_on_the_option_not_the_file(
    front_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import types

    from pourparler.dynamics import runners

    def init(**options: Any) -> None:
        raise ConnectionError("Could not find any running Ray instance.")

    fake = types.SimpleNamespace(is_initialized=lambda: False, init=init)
    monkeypatch.setattr(runners, "import_ray", lambda: fake)
    args = ["simulate", str(front_file), "--backend", "ray", "--ray-address", "auto"]
    code, _out, err = run_cli(capsys, [*args, "--runs", "10"])
    assert code == 2
    (line,) = err.strip().splitlines()
    assert "--ray-address: auto: Could not find any running Ray instance" in line
    assert str(front_file) not in line


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_a_ray_address_nothing_answers_on_is_bad_input_at_once() -> None:
    import time

    from pourparler.dynamics.runners import check_address

    address = f"127.0.0.1:{_closed_port()}"
    start = time.monotonic()
    with pytest.raises(InputError, match=f"--ray-address: {address}: nothing answers there"):
        check_address(address)
    assert time.monotonic() - start < 10
    check_address("auto")  # named addresses are left to Ray


# -- the result and its batches ---------------------------------------------------------------


def test_result_is_frozen_and_records_its_provenance() -> None:
    import dataclasses

    sc = scenario()
    res = simulate(sc, months=6, runs=150, seed=12, hazard=HAZARD)
    with pytest.raises(dataclasses.FrozenInstanceError):
        res.summary = {}  # type: ignore[misc]
    prov = res.provenance
    assert (prov.seed, prov.method, prov.scenario_hash) == (12, "simulate", sc.digest())
    assert prov.parameters["batches"] == 2 and prov.parameters["batch_runs"] == 100


def test_without_a_seed_a_fresh_one_is_drawn_recorded_and_reproduces_the_result() -> None:
    sc = scenario()
    res = simulate(sc, months=6, runs=150, seed=None, hazard=HAZARD)
    assert 0 <= res.provenance.seed < 10**15  # as the command line draws one
    seed = res.provenance.seed
    assert isinstance(seed, int) and seed >= 0
    assert res.to_data()["seed"] == seed
    again = simulate(sc, months=6, runs=150, seed=seed, hazard=HAZARD)
    assert json.dumps(again.to_data()) == json.dumps(res.to_data())
    other = simulate(sc, months=6, runs=150, seed=None, hazard=HAZARD)
    assert other.provenance.seed != seed


def test_to_frame_has_one_row_per_month() -> None:
    pytest.importorskip("pandas")
    from pourparler.report.simulation import FRAME_COLUMNS

    res = simulate(scenario(), months=9, runs=120, seed=1, hazard=HAZARD)
    frame = res.to_frame()
    assert list(frame.columns) == FRAME_COLUMNS
    assert frame["month"].tolist() == list(range(1, 10))
    assert frame["signed"].tolist() == [m.signed.value for m in res.months]


def test_batches_depend_on_the_runs_only_so_more_runs_add_batches() -> None:
    from pourparler.dynamics.runners import run_batches

    setup = _setup(scenario(), months=12)
    small = run_batches(setup, 200, seed=4)
    large = run_batches(setup, 350, seed=4, workers=2)
    assert [c.runs for c in large] == [100, 100, 100, 50]
    for a, b in zip(small, large[:2], strict=True):
        assert a.inputs == b.inputs
        assert np.array_equal(a.signed, b.signed) and np.array_equal(a.broken, b.broken)


@pytest.mark.parametrize("runs", [100, 200, 250])
def test_too_few_batches_for_a_correlation_keep_the_settlement_as_the_drivers_target(
    runs: int,
) -> None:
    """The target falls back to the ceasefire only when the settlement share cannot differ
    between batches (no run can sign), not for want of batches to correlate."""
    from pourparler.scenario import load_scenario

    res = simulate(load_scenario("istanbul-2022"), months=12, runs=runs, seed=5)
    signed = [m.signed.value for m in res.months]
    assert signed[-1] > 0  # runs signed a settlement by month 12
    assert res.driver_target == "settlement_signed"
    assert all(d.correlation is None for d in res.drivers)  # fewer than 3 full batches
    blocked = simulate(load_scenario("istanbul-2025"), months=12, runs=runs, seed=5)
    assert blocked.summary["p_settlement_by_12"] == 0.0
    assert blocked.driver_target == "fighting_stopped"


def test_a_short_last_batch_moves_neither_the_intervals_nor_the_drivers() -> None:
    """The 80% intervals and the drivers come from the full batches: one run more (a batch of
    one, its share 0 or 1) changes the shares of all runs a little and the bands not at all."""
    sc = scenario()
    full = simulate(sc, months=12, runs=1000, seed=5, hazard=HAZARD)
    more = simulate(sc, months=12, runs=1001, seed=5, hazard=HAZARD)
    for a, b in zip(full.months, more.months, strict=True):
        for name in ("ceasefire", "settlement", "signed", "silenced", "broken"):
            sa, sb = getattr(a, name), getattr(b, name)
            assert sa.interval is not None and sa.interval == sb.interval
    assert [d.correlation for d in full.drivers] == [d.correlation for d in more.drivers]
    assert any(d.correlation is not None for d in full.drivers)


@pytest.mark.parametrize("runs", [1, 100, 999])
def test_too_few_full_batches_give_no_interval_and_say_so(runs: int) -> None:
    res = simulate(scenario(), months=6, runs=runs, seed=5, hazard=HAZARD)
    for m in res.months:
        for name in ("ceasefire", "settlement", "signed", "silenced", "broken"):
            share = getattr(m, name)
            assert (share.low, share.high, share.interval) == (None, None, None)
            assert 0.0 <= share.value <= 1.0
    assert res.to_data()["months"][0]["settlement_signed"]["interval"] is None
    (note,) = [n for n in res.notes if n.startswith("no 80% intervals")]
    made = "1 run makes 0" if runs == 1 else f"{runs:,} runs make {runs // 100}"
    assert note.endswith(made)


def test_one_run_is_one_run_in_the_table(
    front_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run_cli(capsys, ["simulate", str(front_file), "--months", "3", "--runs", "1"])
    assert code == 0, err
    text = " ".join(out.split())
    assert "1 run in batches of 100" in text and "1 run makes 0" in text
    assert "1 runs" not in text


def test_the_table_and_csv_show_no_interval_for_a_few_batches(
    front_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["simulate", str(front_file), "--months", "6", "--runs", "300", "--seed", "2"]
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    rows = [line.split() for line in out.splitlines()]
    rows = [row for row in rows if row and row[0] in ("1", "3", "6")]
    assert len(rows) == 3 and all(row[2] == row[4] == row[6] == "–" for row in rows)
    assert "no 80% intervals" in " ".join(out.split())
    pytest.importorskip("pandas")
    code, out, err = run_cli(capsys, [*args, "--csv"])
    assert code == 0, err
    lines = out.strip().splitlines()
    header = lines[0].split(",")
    first = dict(zip(header, lines[1].split(","), strict=True))
    assert first["signed_low"] == first["signed_high"] == "" and first["signed"] != ""


@pytest.mark.parametrize(("runs", "caveat"), [(500, True), (1000, False), (250, False)])
def test_the_table_caveats_drivers_from_fewer_than_ten_full_batches(
    capsys: pytest.CaptureFixture[str], runs: int, caveat: bool
) -> None:
    args = ["simulate", "istanbul-2022", "--months", "12", "--runs", str(runs), "--seed", "3"]
    code, out, err = run_cli(capsys, args)
    assert code == 0, err
    text = " ".join(out.split())
    assert ("What moves P(" in text) == (runs >= 300)  # at least 3 full batches correlate
    note = (
        f"drivers: rank correlations over only {runs // 100} full batches of 100 runs "
        "(fewer than 10): with so few, chance alone can make them large"
    )
    assert (note in text) == caveat
    assert ("drivers: rank correlations" in text) == caveat


def test_the_docs_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    import re

    page = Path(__file__).resolve().parents[1] / "docs" / "dynamics.md"
    blocks = re.findall(r"```python\n(.*?)```", page.read_text(encoding="utf-8"), flags=re.S)
    assert blocks
    for code in blocks:
        exec(compile(code, str(page), "exec"), {})
    printed = capsys.readouterr().out.split()
    assert 0.0 <= float(printed[0]) <= 1.0


def test_the_result_sets_slantchevs_complete_information_split_beside_the_runs() -> None:
    from pourparler.dynamics.battlefield import complete_information_offers, fight_values
    from pourparler.dynamics.simulate import rational_split
    from pourparler.scenario import load_scenario

    sc = load_scenario("istanbul-2025")
    bf = sc.battlefield
    assert bf is not None
    result = simulate(sc, months=3, runs=200, seed=1)
    split = result.split
    assert split is not None and split.front == bf.start
    x, y = complete_information_offers(bf.steps, bf.p, bf.discount, bf.cost_a, bf.cost_b)
    wa, wb = fight_values(bf.steps, bf.p, bf.discount, bf.cost_a, bf.cost_b)
    assert (split.x, split.y) == (x[bf.start], y[bf.start])
    assert wa[bf.start] <= split.x <= 1 - wb[bf.start]  # inside the bargaining range
    assert result.to_data()["rational_split"]["a_keeps_offering"] == split.x
    data = sc.to_data()
    del data["battlefield"]
    assert rational_split(type(sc).model_validate(data)) is None
