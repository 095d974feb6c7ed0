"""The figures docs/forecast.md quotes are what the commands it names give today: each quoted
phrase is rebuilt from a fresh run and must appear in the page (whitespace aside)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from typer.testing import CliRunner

from pourparler.cli.app import build_app

DOC = Path(__file__).resolve().parents[1] / "docs" / "forecast.md"


@pytest.fixture(scope="module")
def doc() -> str:
    return re.sub(r"\s+", " ", DOC.read_text(encoding="utf-8"))


def _issue(seed: int, issue: str) -> dict:
    args = ["forecast", "istanbul-2025", "--seed", str(seed), "--json"]
    out = CliRunner().invoke(build_app(), args)
    assert out.exit_code == 0, out.output
    return next(i for i in json.loads(out.stdout)["issues"] if i["id"] == issue)


def test_nato_figures(doc: str) -> None:
    """`pourparler forecast istanbul-2025 --seed 0 --json`, issue nato: the models' spread
    beside the ensemble's interval, and the `--json` example."""
    assert "`pourparler forecast istanbul-2025 --seed 0 --json`" in doc
    nato = _issue(0, "nato")
    m = nato["models"]
    lo, hi = m["ensemble"]["interval"]
    assert (
        f"the ensemble's interval is {lo:.1f}–{hi:.1f} while BDM says {m['bdm']['forecast']:.1f} "
        f"and the exchange model {m['exchange']['forecast']:.1f}"
    ) in doc
    a, b = nato["models_range"]
    assert f'"models_range": [{a:.1f}, {b:.1f}]' in doc
    c = m["compromise"]
    c_lo, c_hi = c["interval"]
    assert (
        f'"compromise": {{"forecast": {c["forecast"]:.1f}, "interval": [{c_lo:.1f}, {c_hi:.1f}], '
        f'"draw_median": {c["draw_median"]:.1f}, "outside_interval": false'
    ) in doc
    r0 = m["bdm"]["rounds"][0]
    assert f'"bdm": {{"forecast": {m["bdm"]["forecast"]:.1f},' in doc
    assert (
        f'{{"round": 0, "median": {r0["median"]:.1f}, "mean": {r0["mean"]:.1f}, '
        f'"positions": {{"RU": {r0["positions"]["RU"]:.1f}'
    ) in doc


def test_the_forecast_outside_its_interval(doc: str) -> None:
    """`--seed 1`, issue recognition: BDM's nominal forecast above its interval, and the draws
    with every standard deviation shrunk by f."""
    from pourparler.cli.common import load
    from pourparler.forecast.montecarlo import InputSD, monte_carlo
    from pourparler.forecast.scenario_forecast import scenario_inputs

    bdm = _issue(1, "recognition")["models"]["bdm"]
    assert bdm["outside_interval"] and bdm["forecast"] > bdm["interval"][1]
    lo, hi = bdm["interval"]
    assert (
        f"BDM's nominal {bdm['forecast']:.1f} lies above its interval {lo:.1f}–{hi:.1f} "
        f"(median of the draws {bdm['draw_median']:.1f})"
    ) in doc
    sc = load("istanbul-2025")
    arr, base = sc.arrays(), scenario_inputs(sc)
    k = list(arr.issue_ids).index("recognition")
    sd = InputSD.from_arrays(arr)
    got = {}
    for f in (1e-6, 1e-3, 0.1, 1.0):
        shrunk = InputSD(sd.position * f, sd.salience * f, sd.capability * f)
        x = monte_carlo(base, shrunk, ["bdm"], draws=200, seed=1)["bdm"].samples[:, k]
        got[f] = (int(np.sum(x >= 99.95)), f"{np.median(x):.1f}", int(np.sum(x < 10)))
    assert (
        f"with f = 10⁻⁶ {got[1e-6][0]} of the 200 draws still end at 100, with f = 10⁻³ "
        f"{got[1e-3][0]}, with f = 0.1 only {got[0.1][0]} (median {got[0.1][1]}), and with the "
        f"stated deviations {got[1.0][0]} ({got[1.0][2]} of them below 10"
    ) in doc


def _forecast_file(path: Path) -> dict:
    out = CliRunner().invoke(build_app(), ["forecast", str(path), "--json"])
    assert out.exit_code == 0, out.output
    return json.loads(out.stdout)


def _models(issue: dict) -> dict[str, float]:
    return {k: v["forecast"] for k, v in issue["models"].items()}


def test_imported_files_status_quo_nash_and_ensemble(doc: str, tmp_path: Path) -> None:
    """Decide and BDM files: the status quo is a weighted mean, which Nash returns, as the
    compromise model does where its weights are the status quo's."""
    from pourparler.forecast.registry import REGISTRY

    ec = _forecast_file(DOC.parents[1] / "tests" / "data" / "bdm_ec_emissions.csv")
    assert ec["parameters"]["nash_disagreement"] == "status_quo"
    issue = ec["issues"][0]
    m = _models(issue)
    assert m["nash"] == issue["status_quo"] == pytest.approx(m["compromise"], abs=1e-12)
    assert f"({m['nash']:.2f} from both on `tests/data/bdm_ec_emissions.csv`)" in doc
    weights = {name: REGISTRY[name].weight for name in ("compromise", "nash")}
    assert f"({weights['compromise']:g} + {weights['nash']:g})" in doc

    years = tmp_path / "years.csv"
    years.write_text("Actor,Capability,Position,Salience\nA,1,1990,50\nB,1,1995,50\nC,2,2000,50\n")
    m = _models(_forecast_file(years)["issues"][0])
    assert m["compromise"] == m["nash"] == m["exchange"] == 62.5
    assert m["median"] == m["bdm"] == 75.0 and m["ensemble"] == 66.25
    assert (
        "get 62.5 from the compromise, Nash and exchange models, 75 from the median and BDM, "
        "and 66.25 = 0.7 × 62.5 + 0.3 × 75 from the ensemble"
    ) in doc

    decide = (
        "'#A'\t'A1'\t'A1'\t''\n'#A'\t'B2'\t'B2'\t''\n'#P'\t'tax'\t'tax'\t''\n"
        "'#M'\t'tax'\t2\t'low'\n'#M'\t'tax'\t10\t'high'\n"
        "'#D'\t'A1'\t'tax'\t4\t0.5\t{a}\n'#D'\t'B2'\t'tax'\t10\t1\t{b}\n"
        "'#P'\t'vat'\t'vat'\t''\n'#D'\t'A1'\t'vat'\t40\t0.5\t3\n'#D'\t'B2'\t'vat'\t60\t0.5\t3\n"
    )
    path = tmp_path / "power.txt"
    path.write_text(decide.format(a=1, b=3))
    tax = _forecast_file(path)["issues"][0]
    m = _models(tax)
    assert f"status quo and Nash {tax['status_quo']:.1f}, compromise {m['compromise']:.1f})" in doc
    assert m["nash"] == pytest.approx(tax["status_quo"], abs=1e-12)
    path.write_text(decide.format(a=0, b=0))
    tax = _forecast_file(path)["issues"][0]
    assert tax["status_quo"] == _models(tax)["nash"] == 50.0
    assert "on a Decide issue whose powers are all 0 (status quo and Nash 50)" in doc


def test_the_nearest_option_on_a_tie(doc: str, tmp_path: Path) -> None:
    camps = tmp_path / "camps.csv"
    camps.write_text(
        "Actor,Capability,Position,Salience\nA,1,0,50\nB,1,0,50\nC,1,100,50\nD,1,100,50\n"
    )
    issue = _forecast_file(camps)["issues"][0]
    assert {(v["forecast"], v["option"]) for v in issue["models"].values()} == {(50.0, "0")}
    assert "get 50 and the 0 option's label" in doc
    years = tmp_path / "years.csv"
    years.write_text("Actor,Capability,Position,Salience\nA,1,1990,50\nB,1,1995,50\nC,2,2000,50\n")
    median = _forecast_file(years)["issues"][0]["models"]["median"]
    assert (median["forecast"], median["option"]) == (75.0, "1995")
    assert "the median's 75 on the 1990/1995/2000 table above names 1995" in doc
