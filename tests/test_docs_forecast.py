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
