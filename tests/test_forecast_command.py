"""``pourparler forecast`` and ``pourparler sensitivity``: output, JSON shape, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from pourparler import __version__
from pourparler.cli.app import build_app, main
from pourparler.scenario import load_scenario
from scenario_samples import base

BDM_CSV = Path(__file__).parent / "data" / "bdm_ec_emissions.csv"
REFERENCE_MEDIAN = [7.000, 8.416, 9.611, 9.962, 9.962, 9.962, 7.472, 8.825, 9.671, 9.671, 7.000]
runner = CliRunner()


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    return path


def _json(args: list[str]) -> dict:
    result = runner.invoke(build_app(), [*args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_shape_on_the_bdm_table1_csv() -> None:
    data = _json(["forecast", str(BDM_CSV), "--model", "all", "--draws", "40", "--seed", "0"])
    sc = load_scenario(BDM_CSV)
    assert data["scenario"] == sc.id and data["scenario_hash"] == sc.digest()
    assert data["seed"] == 0 and data["version"] == __version__
    params = data["parameters"]
    # a BDM table states no uncertainty: no draw is made, and the output says why
    assert params["rounds"] == 10 and params["draws"] == 0 and params["draws_requested"] == 40
    assert params["no_draws_reason"] == "inputs state no uncertainty"
    assert params["interval"] is None and params["interval_covers"] is None
    (issue,) = data["issues"]
    models = issue["models"]
    assert set(models) == {"compromise", "median", "nash", "bdm", "exchange", "ensemble"}
    for name, m in models.items():
        assert isinstance(m["forecast"], float)
        assert m["interval"] is None and m["outside_interval"] is None
        assert m["clipped"] is False
        assert ("rounds" in m) == (name in ("bdm", "exchange"))
    base = [models[m]["forecast"] for m in ("compromise", "median", "nash", "bdm", "exchange")]
    assert issue["models_range"] == [min(base), max(base)]
    rounds = models["bdm"]["rounds"]
    assert [r["round"] for r in rounds] == list(range(11))
    assert [r["median"] for r in rounds] == pytest.approx(REFERENCE_MEDIAN, abs=1e-3)
    assert rounds[0]["positions"]["France"] == 10.0
    assert rounds[0]["mean"] == pytest.approx(7.39, abs=0.005)
    assert models["bdm"]["forecast"] == rounds[-1]["median"]
    first = models["exchange"]["rounds"][0]
    assert {"outcome_start", "outcome_voting"} <= set(first)


def test_same_seed_same_json_and_seed_is_recorded(mini: Path) -> None:
    args = ["forecast", str(mini), "--draws", "60", "--seed", "11"]
    assert _json(args) == _json(args)
    fresh = _json(["forecast", str(mini), "--draws", "10"])
    assert isinstance(fresh["seed"], int)


def test_compromise_forecast_is_the_weighted_mean(mini: Path) -> None:
    data = _json(["forecast", str(mini), "--model", "compromise", "--draws", "0"])
    nato = next(i for i in data["issues"] if i["id"] == "nato")
    w = {"RU": 0.9 * 0.9, "UA": 0.6 * 0.8, "TR": 0.2 * 0.2}
    expected = (w["RU"] * 100 + w["UA"] * 10 + w["TR"] * 60) / sum(w.values())
    assert list(nato["models"]) == ["compromise"]
    assert nato["models"]["compromise"]["forecast"] == pytest.approx(expected)
    assert nato["models"]["compromise"]["interval"] is None


def test_table_shows_status_quo_models_interval_and_option(mini: Path) -> None:
    result = runner.invoke(build_app(), ["forecast", str(mini), "--seed", "1"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    for text in ("nato", "pows", "sq", "med.", "nash", "bdm", "ens.", "models", "80%"):
        assert text in out
    assert "nearest labelled option" in out


def test_builtin_scenario_runs_with_every_model() -> None:
    data = _json(["forecast", "--model", "all", "--draws", "20", "--seed", "2"])
    assert len(data["issues"]) >= 5
    for issue in data["issues"]:
        for m in issue["models"].values():
            assert 0 <= m["forecast"] <= 100


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--draws", "-1"], "--draws"),
        (["--draws", "1"], "--draws: an 80% interval needs at least 10 draws"),
        (["--draws", "9"], "--draws: an 80% interval needs at least 10 draws"),
        (["--rounds", "-2"], "--rounds"),
        (["--model", "oracle"], "--model: unknown model 'oracle'"),
        (["--q", "2"], "--q"),
        (["--seed", "-3"], "--seed"),
        (["--seed", "abc"], "Invalid value for '--seed'"),  # typer's own type check
        (["--draws", "1.5"], "Invalid value for '--draws'"),
        (["--no-such-option"], "No such option: --no-such-option"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    mini: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["forecast", str(mini), *args])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]


def test_bad_scenario_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Actor,Capability,Position,Salience\nA,x,4,80\n")
    with pytest.raises(SystemExit) as info:
        main(["forecast", str(bad)])
    assert info.value.code == 2
    assert str(bad) in capsys.readouterr().err


def test_sensitivity_json_gives_tornado_data(mini: Path) -> None:
    data = _json(["sensitivity", str(mini), "--model", "compromise", "--top", "0"])
    assert data["parameters"]["model"] == "compromise"
    assert data["seed"] is None  # the analysis draws nothing at random
    nato = next(i for i in data["issues"] if i["id"] == "nato")
    effects = nato["effects"]
    # 3 actors × (position, salience) + 3 capabilities
    assert len(effects) == 9
    sizes = [e["effect"] for e in effects]
    assert sizes == sorted(sizes, reverse=True)
    top = effects[0]
    assert top["effect"] == pytest.approx(abs(top["forecast_high"] - top["forecast_low"]))
    assert nato["position_delta"] == 10.0
    ru_pos = next(e for e in effects if e["actor"] == "RU" and e["input"] == "position")
    assert (ru_pos["low"], ru_pos["high"]) == (90.0, 100.0)  # clamped at the top of the scale
    assert ru_pos["clamped_high"] and not ru_pos["clamped_low"]
    assert not ru_pos["high_possible"] and ru_pos["forecast_high"] is None  # already at 100
    assert ru_pos["effect"] == pytest.approx(abs(nato["forecast"] - ru_pos["forecast_low"]))
    assert data["schema_version"] == 3


def test_sensitivity_table_and_bad_model(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    result = runner.invoke(
        build_app(), ["sensitivity", str(BDM_CSV), "--model", "bdm", "--top", "0"]
    )
    assert result.exit_code == 0, result.output
    assert "France" in result.stdout and "salience" in result.stdout
    # France stands at 10, the top of the issue's labelled options (4–10), so + δ is 10.6
    assert "10.6 →" in result.stdout
    with pytest.raises(SystemExit) as info:
        main(["sensitivity", str(mini), "--model", "all"])
    assert info.value.code == 2


def test_a_fresh_seed_is_shown_under_the_table_and_in_the_csv(mini: Path) -> None:
    """Without --seed the table and --csv say which seed was drawn, so that its intervals can
    be repeated; a seed given, or no draws made, adds no line to the table."""
    import csv
    import io
    import re

    from pourparler.cli.forecast_command import FRESH_SEEDS

    args = ["forecast", str(mini), "--draws", "10"]
    first = runner.invoke(build_app(), args)
    assert first.exit_code == 0, first.output
    found = re.search(r"seed (\d+) \(give --seed (\d+) to repeat the draws\)", first.stdout)
    assert found is not None and found[1] == found[2]
    seed = int(found[1])
    assert 0 <= seed < FRESH_SEEDS  # 15 digits: a spreadsheet keeps it whole
    again = runner.invoke(build_app(), [*args, "--seed", str(seed)])
    assert again.exit_code == 0, again.output
    assert again.stdout == first.stdout.replace(found[0], "").rstrip() + "\n"
    assert "give --seed" not in again.stdout
    table = runner.invoke(build_app(), ["forecast", str(mini), "--draws", "0"]).stdout
    assert "give --seed" not in table  # nothing drawn, nothing to repeat

    fresh = runner.invoke(build_app(), [*args, "--csv"])
    assert fresh.exit_code == 0, fresh.output
    rows = list(csv.DictReader(io.StringIO(fresh.stdout)))
    assert list(rows[0])[-1] == "seed" and len({r["seed"] for r in rows}) == 1
    repeated = runner.invoke(build_app(), [*args, "--csv", "--seed", rows[0]["seed"]])
    assert repeated.stdout == fresh.stdout
    assert _json([*args, "--seed", rows[0]["seed"]])["seed"] == int(rows[0]["seed"])


def test_a_negative_zero_parameter_is_recorded_as_zero(mini: Path) -> None:
    """``--q -0`` is Q = 0, and --json says 0.0; so does any parameter a result records."""
    import math

    from pourparler.report import Provenance

    result = runner.invoke(
        build_app(), ["forecast", str(mini), "--q", "-0", "--draws", "0", "--json"]
    )
    assert result.exit_code == 0, result.output
    assert '"q": 0.0' in result.stdout and "-0.0" not in result.stdout
    params = Provenance.of(load_scenario(mini), q=-0.0, deltas={"a": [-0.0, (1.5, -0.0)]}).to_data()
    q, (first, (kept, second)) = params["parameters"]["q"], params["parameters"]["deltas"]["a"]
    assert kept == 1.5
    assert [math.copysign(1.0, x) for x in (q, first, second)] == [1.0, 1.0, 1.0]


@pytest.mark.parametrize("command", ["forecast", "sensitivity"])
def test_an_unknown_model_lists_what_the_command_takes(
    command: str, mini: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """sensitivity runs one model, so its message does not offer ``all``; every name it lists
    is taken."""
    with pytest.raises(SystemExit) as info:
        main([command, str(mini), "--model", "foo"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "--model: unknown model 'foo'; choose from " in err[0]
    choices = err[0].split("choose from ", 1)[1].split(", ")
    assert ("all" in choices) == (command == "forecast")
    for name in choices:
        args = [command, str(mini), "--model", name, "--json"]
        args += ["--draws", "0"] if command == "forecast" else ["--top", "0"]
        assert runner.invoke(build_app(), args).exit_code == 0, name


def test_decide_files_forecast(decide_files: list[Path]) -> None:
    for path in decide_files:
        data = _json(["forecast", str(path), "--model", "all", "--draws", "10", "--seed", "4"])
        assert data["issues"]
        for issue in data["issues"]:
            assert issue["models"]["bdm"]["rounds"][0]["round"] == 0


def test_usage_errors_of_any_command_are_one_line_and_bare_groups_print_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as info:
        main(["evidence", "remove"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "pourparler: error: evidence remove: Missing argument 'ids'. "
        "(see 'pourparler evidence remove --help')"
    ]
    with pytest.raises(SystemExit) as info:  # its arguments are optional with --followed
        main(["evidence", "add"])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        "pourparler: error: evidence add: give files, folders or addresses to read, or "
        "--followed (see 'pourparler evidence add --help')"
    ]
    with pytest.raises(SystemExit) as info:
        main(["evidence"])
    assert info.value.code == 2
    out = capsys.readouterr()
    assert "Usage: pourparler evidence" in out.out + out.err and "error" not in out.err
    with pytest.raises(SystemExit) as info:
        main(["scenarios"])
    assert info.value.code == 0


def test_model_help_lists_the_registry() -> None:
    from pourparler.forecast.registry import REGISTRY

    for command in ("forecast", "sensitivity"):
        result = runner.invoke(build_app(), [command, "--help"], env={"COLUMNS": "200"})
        assert result.exit_code == 0
        text = " ".join(result.stdout.split())
        for name in REGISTRY:
            assert name in text
    text = " ".join(
        runner.invoke(build_app(), ["forecast", "--help"], env={"COLUMNS": "200"}).stdout.split()
    )
    assert REGISTRY["exchange"].description.split(",")[0] in text


def test_library_refuses_too_few_draws_for_an_interval(mini: Path) -> None:
    from pourparler.errors import InputError
    from pourparler.forecast.scenario_forecast import forecast_scenario

    sc = load_scenario(mini)
    with pytest.raises(InputError, match="draws: an 80% interval needs at least 10"):
        forecast_scenario(sc, ["compromise"], draws=1, seed=0)
    assert forecast_scenario(sc, ["compromise"], draws=0, seed=0).draws == 0
    assert forecast_scenario(sc, ["compromise"], draws=10, seed=0).draws == 10
