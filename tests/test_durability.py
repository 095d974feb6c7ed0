"""How long agreements last: the UCDP data read as survival data, the Kaplan–Meier curves, the
shipped proportional-hazards fit, ``breakdown_probabilities`` and ``pourparler durability``."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats
from typer.testing import CliRunner

from pourparler.cli.app import build_app, main
from pourparler.dynamics import durability as dur
from pourparler.dynamics.kaplan_meier import product_limit
from pourparler.dynamics.ucdp import DAYS_PER_MONTH, read_agreements, shipped_path
from pourparler.errors import InputError
from pourparler.report.durability import durability_report
from pourparler.scenario.model import PROVISIONS, DurabilityOverride

runner = CliRunner()
HEADER = (
    "paid,conflict_id,pa_date,pa_3rd,ended,duration,cease,intarmy,ddr,withd,mil_prov,elections,"
    "interim,shagov,pol_prov,aut,ref ,demarcation,terr_prov,amn,pris,recon,return ,"
    "justice_prov,pko,co_impl\n"
)


def _csv(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "pa.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def _row(paid: int, signed: str, ended: str, end: str, third: str = "", cease: str = "0") -> str:
    """One agreement of conflict 1: ceasefire ``cease``, third party ``third``, no other
    provision."""
    return f"{paid},1,{signed},{third},{ended},{end},{cease}," + ",".join(["0"] * 19)


# --- Kaplan–Meier -------------------------------------------------------------------------


def test_product_limit_on_a_worked_example() -> None:
    # times 1 2 2+ 3 4+ 5: S = 5/6, 5/6·4/5, ·2/3, ·0/1; the censored 2 is at risk at 2
    km = product_limit(np.array([1, 2, 2, 3, 4, 5.0]), np.array([1, 1, 0, 1, 0, 1], bool))
    assert km.times.tolist() == [1, 2, 3, 5]
    assert km.at_risk.tolist() == [6, 5, 3, 1]
    assert km.survival == pytest.approx([5 / 6, 2 / 3, 4 / 9, 0.0])
    assert km.at(np.array([0.5, 2.5, 4.9, 9.0])) == pytest.approx([1.0, 2 / 3, 4 / 9, 0.0])
    # Greenwood: Σ d / (n (n − d)) = 1/30, + 1/20, + 1/6
    assert km.greenwood[:3] == pytest.approx([1 / 30, 1 / 30 + 1 / 20, 1 / 30 + 1 / 20 + 1 / 6])
    assert km.median()[0] == 3.0


@given(st.lists(st.tuples(st.integers(0, 40).map(float), st.booleans()), min_size=1, max_size=60))
def test_kaplan_meier_equals_scipy_on_any_censored_sample(obs: list[tuple[float, bool]]) -> None:
    t = np.array([o[0] for o in obs])
    e = np.array([o[1] for o in obs])
    km = product_limit(t, e)
    grid = np.arange(-1.0, 42.0, 0.5)
    if e.any():
        ref = stats.ecdf(stats.CensoredData(uncensored=t[e], right=t[~e]))
        assert km.at(grid) == pytest.approx(ref.sf.evaluate(grid), abs=1e-12)
    else:
        assert np.all(km.at(grid) == 1.0)
    s = km.at(grid)
    assert np.all(np.diff(s) <= 0) and np.all((s >= 0) & (s <= 1))


def test_kaplan_meier_equals_scipy_on_the_ucdp_data() -> None:
    data = read_agreements()
    km = product_limit(data.months, data.ended)
    ref = stats.ecdf(
        stats.CensoredData(uncensored=data.months[data.ended], right=data.months[~data.ended])
    )
    grid = np.concatenate([[1.0, 6.0, 12.0, 24.0, 60.0, 240.0], km.times])
    assert km.at(grid) == pytest.approx(ref.sf.evaluate(grid), abs=1e-12)
    ci = ref.sf.confidence_interval(0.95, method="log-log")
    low, high = km.interval(np.array([6.0, 12.0, 24.0, 60.0]))
    assert low == pytest.approx(ci.low.evaluate([6, 12, 24, 60]), abs=1e-10)
    assert high == pytest.approx(ci.high.evaluate([6, 12, 24, 60]), abs=1e-10)


def test_still_in_force_is_at_risk_until_the_censoring_date_only(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            _row(1, "2021-06-30", "", ""),  # in force: 184 days at risk, not more
            _row(2, "2000-01-01", "True", "2000-12-31"),  # ended after 365 days
            _row(3, "2021-01-01", "False", ""),  # 'False': in force
        ],
    )
    data = read_agreements(path)
    expected = [184 / DAYS_PER_MONTH, 365 / DAYS_PER_MONTH, 364 / DAYS_PER_MONTH]
    assert data.months == pytest.approx(expected)
    assert data.ended.tolist() == [False, True, False]
    km = product_limit(data.months, data.ended)
    # at the 12-month event only agreement 2 is at risk: the in-force ones left before it
    assert km.at_risk.tolist() == [1]
    assert km.at(13.0) == pytest.approx(0.0)


def test_odd_rows_are_counted_and_handled(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        [
            _row(1, "", "", ""),
            _row(2, "2022-03-01", "", ""),
            _row(3, "2013-02-27", "True", ""),
            _row(4, "2000-08-26", "True", "2000-01-01"),
            _row(5, "2019-01-01", "True", "2022-06-01"),
            _row(6, "2015-05-05", "True", "2015-05-05", third="UN"),
            _row(7, "2019-01-01", "False", "", cease="1"),
        ],
    )
    data = read_agreements(path)
    assert data.odd_rows == {
        "no signing date": 1,
        "signed after the censoring date": 1,
        "ended without an end date": 1,
        "ends before it was signed": 1,
        "ends after the censoring date (censored)": 1,
        "ended 'False' (in force)": 1,
        "zero length (ends in month 1)": 1,
    }
    assert data.paid.tolist() == [5, 6, 7]
    assert data.ended.tolist() == [False, True, False]
    days = (dt.date(2021, 12, 31) - dt.date(2019, 1, 1)).days
    assert data.months * DAYS_PER_MONTH == pytest.approx([days, 0.5, days])
    assert data.has("third_party").tolist() == [False, True, False]
    assert data.has("cease").tolist() == [False, False, True]


def test_bad_provision_value_names_the_line_and_column(tmp_path: Path) -> None:
    path = _csv(tmp_path, [_row(1, "2019-01-01", "", "", cease="yes")])
    with pytest.raises(InputError, match=r"line 2: cease: 'yes': not 0 or 1"):
        read_agreements(path)


def test_the_shipped_data_counts() -> None:
    data = read_agreements()
    assert (data.n, data.events) == (368, 128)
    assert data.odd_rows["ended without an end date"] == 5
    assert data.odd_rows["ends before it was signed"] == 1
    assert data.odd_rows["ended 'False' (in force)"] == 2
    assert data.sha256 == hashlib.sha256(shipped_path().read_bytes()).hexdigest()


# --- the shipped fit and breakdown probabilities ---------------------------------------------


def _shipped() -> dict:
    return json.loads(dur.fit_path().read_text(encoding="utf-8"))


def test_shipped_fit_is_of_the_shipped_data() -> None:
    fit = _shipped()
    assert fit["data_sha256"] == read_agreements().sha256
    assert {c["code"] for c in fit["coefficients"]} | {d["code"] for d in fit["dropped"]} == set(
        PROVISIONS
    )
    assert [d["code"] for d in fit["dropped"]] == ["ref"]  # 1 of its 14 agreements ended
    s = np.asarray(fit["baseline"]["survival"])
    assert s[0] == 1.0 and np.all(np.diff(s) <= 0) and s[-1] > 0


def test_tail_hazard_of_a_geometric_curve_is_its_hazard() -> None:
    from pourparler.dynamics.durability_fit import tail_hazard

    survival = 0.97 ** np.arange(50)
    assert tail_hazard(survival, np.arange(1.0, 40.0)) == pytest.approx(0.03, rel=1e-12)


def test_provisions_with_few_breakdowns_are_left_out(tmp_path: Path) -> None:
    from pourparler.dynamics.durability_fit import selected_codes

    rows = [_row(i, "2000-01-01", "True", f"2000-0{1 + i % 9}-20", cease="1") for i in range(4)]
    rows += [_row(10 + i, "2000-01-01", "True", "2001-01-01") for i in range(6)]
    kept, dropped = selected_codes(read_agreements(_csv(tmp_path, rows)))
    reasons = dict(dropped)
    assert "cease" not in kept
    assert reasons["cease"] == "4 of the 4 agreements containing it ended (fewer than 5)"
    # no agreement has any other provision: 0 of 0 containing it ended
    assert kept == [] and len(dropped) == len(PROVISIONS)


def test_refit_equals_the_shipped_fit() -> None:
    pytest.importorskip("lifelines")
    from pourparler.dynamics.durability_fit import differences, fit_data

    assert differences(_shipped(), fit_data(), tol=1e-9) == []


def test_breslow_baseline_equals_lifelines_at_zero_covariates() -> None:
    pytest.importorskip("lifelines")
    import pandas as pd
    from lifelines import CoxPHFitter

    from pourparler.dynamics.durability_fit import breslow_baseline

    data = read_agreements()
    x = data.provisions[:, :4].astype(float)
    frame = pd.DataFrame(x, columns=list(data.codes[:4]))
    frame["t"], frame["e"] = data.months, data.ended.astype(int)
    cph = CoxPHFitter().fit(frame, "t", "e")
    beta = cph.params_.to_numpy()
    mine = breslow_baseline(data.months, data.ended, x, beta)
    # lifelines' baseline is at the covariates' means: H0 = H_mean · exp(−β·x̄)
    theirs = cph.baseline_cumulative_hazard_.iloc[:, 0] * math.exp(-x.mean(0) @ beta)
    idx = np.searchsorted(theirs.index.to_numpy(), np.arange(mine.size), side="right") - 1
    expected = np.where(idx < 0, 0.0, theirs.to_numpy()[np.maximum(idx, 0)])
    assert mine == pytest.approx(expected, rel=1e-9, abs=1e-12)


def _survival_from_json(codes: set[str], months: int) -> np.ndarray:
    """S(m | x) = S0(m)^exp(β·x) straight from the JSON, the tail as a constant hazard."""
    fit = _shipped()
    beta = {c["code"]: c["coef"] for c in fit["coefficients"]}
    s0 = np.asarray(fit["baseline"]["survival"])
    tail = (1 - fit["baseline"]["tail_hazard"]) ** np.arange(1, months + 2 - s0.size)
    s0 = np.concatenate([s0, s0[-1] * tail])[: months + 1]
    return s0 ** math.exp(sum(beta.get(c, 0.0) for c in codes))


@pytest.mark.parametrize(
    ("provisions", "codes"),
    [
        ((), set()),
        (("pko", "third_party"), {"pko", "third_party"}),
        (("cease",), {"cease", "mil_prov"}),  # a ceasefire is a military provision
        (("ref", "aut", "co_impl"), {"ref", "aut", "co_impl", "terr_prov"}),
    ],
)
def test_probabilities_multiply_to_the_survival(provisions: tuple, codes: set[str]) -> None:
    months = 700  # past the data's longest follow-up: the tail hazard takes over
    p = dur.breakdown_probabilities(provisions, months)
    assert p.shape == (months,) and np.all((p >= 0) & (p <= 1))
    expected = _survival_from_json(codes, months)
    assert np.concatenate([[1.0], np.cumprod(1 - p)]) == pytest.approx(expected, rel=1e-12)
    assert dur.survival(provisions, months) == pytest.approx(expected, rel=1e-12)


def test_a_negative_coefficient_lowers_the_hazard() -> None:
    beta = dur.shipped_fit().beta
    assert beta["co_impl"] < 0  # commission to implement: fitted hazard ratio below 1
    with_, without = (dur.breakdown_probabilities(x, 120) for x in (["co_impl"], []))
    assert np.all(with_ <= without) and with_.sum() < without.sum()
    lower = DurabilityOverride(coefficients={"pko": -1.0})
    higher = DurabilityOverride(coefficients={"pko": 1.0})
    a, b = (dur.breakdown_probabilities(["pko"], 60, o) for o in (lower, higher))
    assert np.all(a <= b) and a.sum() < b.sum()


def test_overrides_replace_the_baseline_and_coefficients() -> None:
    flat = DurabilityOverride(baseline_monthly_hazard=0.02)
    assert dur.breakdown_probabilities([], 24, flat) == pytest.approx(np.full(24, 0.02))
    doubled = DurabilityOverride(baseline_monthly_hazard=0.02, coefficients={"pko": math.log(2)})
    assert dur.breakdown_probabilities(["pko"], 3, doubled) == pytest.approx(
        np.full(3, 1 - 0.98**2)
    )
    # a dropped code (ref) gets a coefficient only from an override; it implies terr_prov
    ref = DurabilityOverride(baseline_monthly_hazard=0.1, coefficients={"ref": 0.5})
    ratio = math.exp(0.5 + dur.shipped_fit().beta["terr_prov"])
    assert dur.breakdown_probabilities(["ref"], 2, ref) == pytest.approx(1 - 0.9**ratio)
    # the implied umbrella keeps its fitted coefficient
    cease = DurabilityOverride(baseline_monthly_hazard=0.1, coefficients={"cease": -1.0})
    ratio = math.exp(-1.0 + dur.shipped_fit().beta["mil_prov"])
    assert dur.breakdown_probabilities(["cease"], 2, cease) == pytest.approx(1 - 0.9**ratio)
    assert np.all(
        dur.breakdown_probabilities(
            ["cease"], 5, flat.model_copy(update={"baseline_monthly_hazard": 1.0})
        )
        == 1.0
    )
    assert np.all(
        dur.breakdown_probabilities(
            ["cease"], 5, flat.model_copy(update={"baseline_monthly_hazard": 0.0})
        )
        == 0.0
    )


@pytest.mark.parametrize("hazard", [1.0, 0.5, None])
def test_a_hazard_ratio_that_rounds_to_zero_means_no_breakdown(hazard: float | None) -> None:
    """exp(-750) is 0 in floats: no breakdown, also against a baseline hazard of 1, where
    0 × log(1 − 1) would be NaN."""
    override = DurabilityOverride(baseline_monthly_hazard=hazard, coefficients={"mil_prov": -750})
    p = dur.breakdown_probabilities(["cease"], 36, override)
    assert not np.isnan(p).any()
    assert np.all(p == 0.0)
    assert np.all(dur.survival(["cease"], 36, override) == 1.0)
    # a ratio above 0, however small, against a baseline hazard of 1 still breaks down at once
    tiny = DurabilityOverride(baseline_monthly_hazard=1.0, coefficients={"mil_prov": -700})
    assert np.all(dur.breakdown_probabilities(["cease"], 3, tiny) == 1.0)


def test_unknown_codes_and_bad_months_are_input_errors() -> None:
    with pytest.raises(InputError, match=r"^provision: nope: unknown"):
        dur.breakdown_probabilities(["cease", "nope"], 12)
    bad = DurabilityOverride.model_construct(baseline_monthly_hazard=None, coefficients={"xx": 1})
    with pytest.raises(InputError, match=r"^talks.durability.coefficients: xx: unknown provision"):
        dur.breakdown_probabilities(["cease"], 12, bad)
    with pytest.raises(InputError, match="expected a collection of codes, not one"):
        dur.breakdown_probabilities("cease", 12)
    with pytest.raises(InputError, match="months: -1: negative"):
        dur.breakdown_probabilities([], -1)
    with pytest.raises(InputError, match="not a whole number"):
        dur.breakdown_probabilities([], 2.5)  # type: ignore[arg-type]
    assert dur.breakdown_probabilities([], 0).shape == (0,)


def test_results_are_cached_and_read_only() -> None:
    a = dur.breakdown_probabilities(["pko", "cease"], 36)
    b = dur.breakdown_probabilities(("cease", "pko", "cease"), 36)
    assert a is b and not a.flags.writeable


@given(
    st.sets(st.sampled_from(sorted(PROVISIONS)), max_size=6),
    st.integers(0, 600),
    st.one_of(st.none(), st.floats(0.0, 1.0)),
    st.dictionaries(st.sampled_from(sorted(PROVISIONS)), st.floats(-5, 5), max_size=3),
)
def test_probabilities_are_probabilities(
    codes: set[str], months: int, hazard: float | None, coefs: dict[str, float]
) -> None:
    override = DurabilityOverride(baseline_monthly_hazard=hazard, coefficients=coefs)
    p = dur.breakdown_probabilities(codes, months, override)
    assert p.shape == (months,) and np.all((p >= 0) & (p <= 1))
    if hazard is not None and months:
        assert np.all(p == p[0])


# --- report and command ---------------------------------------------------------------------


def test_report_curves_match_their_groups() -> None:
    report = durability_report(by=["pko"], among="cease")
    data = read_agreements()
    cease, pko = data.has("cease"), data.has("pko")
    labels = [c.label for c in report.curves]
    assert labels == ["all with cease", "with pko", "no pko"]
    with_pko = report.curves[1]
    assert (with_pko.n, with_pko.events) == (
        int((cease & pko).sum()),
        int(data.ended[cease & pko].sum()),
    )
    km = product_limit(data.months[cease & pko], data.ended[cease & pko])
    assert [s.survival for s in with_pko.at] == pytest.approx(km.at(np.array([6, 12, 24, 60.0])))
    assert with_pko.held == pytest.approx(1 - data.ended[cease & pko].mean())


def test_json_shape() -> None:
    result = runner.invoke(build_app(), ["durability", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data == json.loads(json.dumps(durability_report().to_data()))
    assert data["data_sha256"] == hashlib.sha256(shipped_path().read_bytes()).hexdigest()
    assert data["data_version"] == "22.1" and data["library"] == "lifelines"
    assert data["parameters"]["by"] == ["cease", "pko", "third_party"]
    assert data["agreements"]["n"] == 368 and data["agreements"]["events"] == 128
    curves = data["kaplan_meier"]
    assert [c["label"] for c in curves] == [
        "all",
        "with cease",
        "no cease",
        "with pko",
        "no pko",
        "with third_party",
        "no third_party",
    ]
    assert curves[1]["n"] + curves[2]["n"] == curves[0]["n"]
    first = curves[0]["survival"][0]
    assert set(first) == {"months", "survival", "low", "high"}
    assert first["low"] <= first["survival"] <= first["high"]
    assert set(curves[0]["median"]) == {"months", "low", "high"}
    cox = data["cox"]
    assert cox["n"] == 368 and 0.5 < cox["concordance"] < 1
    row = cox["coefficients"][0]
    assert set(row) == {
        "code",
        "name",
        "coef",
        "se",
        "hazard_ratio",
        "low",
        "high",
        "p",
        "n_with",
        "events_with",
        "ph_p",
    }
    assert row["hazard_ratio"] == pytest.approx(math.exp(row["coef"]))
    assert cox["dropped"] == [{"code": "ref", "reason": cox["dropped"][0]["reason"]}]


@pytest.mark.parametrize("width", [80, 60])
def test_text_fits_the_terminal_with_every_number_whole(
    monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    import re

    import pourparler.cli.common as common

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(common, "_console", None)
    result = runner.invoke(build_app(), ["durability", "--by", "pko"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(ln) for ln in lines) <= width
    assert "…" not in result.stdout
    tokens = set(re.split(r"\s+", result.stdout))
    report = durability_report(by=["pko"])
    numbers = [f"{k.hazard_ratio:.2f}" for k in report.coefficients]
    numbers += [f"{k.low:.2f}–{k.high:.2f}" for k in report.coefficients]
    numbers += [f"{s.survival:.2f}" for c in report.curves for s in c.at]
    assert not [n for n in numbers if n not in tokens]
    assert any(ln.split()[:3] == ["with", "pko", "50"] for ln in lines)


def test_a_provision_given_twice_to_by_is_shown_once() -> None:
    report = durability_report(by=["pko", "cease", "pko"])
    assert [c.label for c in report.curves] == [
        "all",
        "with pko",
        "no pko",
        "with cease",
        "no cease",
    ]
    result = runner.invoke(build_app(), ["durability", "--by", "pko", "--by", "pko", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [c["label"] for c in data["kaplan_meier"]] == ["all", "with pko", "no pko"]
    assert data["parameters"]["by"] == ["pko"]


def test_csv_has_one_row_per_estimate() -> None:
    pytest.importorskip("pandas")
    csv = runner.invoke(build_app(), ["durability", "--csv"]).stdout.splitlines()
    assert csv[0] == "section,label,provision,has,months,coef,estimate,low,high,p,ph_p,n,events"
    # 20 coefficients, 7 curves × (4 times + a median)
    assert len(csv) == 1 + 20 + 7 * 5


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "nope"], "pourparler: error: --by: nope: unknown provision"),
        (["--among", "ceasefire"], "pourparler: error: --among: ceasefire: unknown provision"),
        (["--json", "--csv"], "pourparler: error: --json and --csv: choose one"),
        (
            ["--among", "pko", "--among", "cease"],
            "pourparler: error: --among: pko, cease: give one",
        ),
        (["--by", "cease", "--among", "cease"], "pourparler: error: --by cease: every agreement"),
    ],
)
def test_bad_options_exit_2_with_one_line(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["durability", *args])
    assert exc.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(message) and err.count("\n") == 1


def test_refit_entry_point_rejects_other_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert dur.main(["--nope"]) == 2
    assert "usage" in capsys.readouterr().err


def test_runs_without_the_survival_library_or_pandas() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in ('lifelines', 'pandas'):\n"
        "            raise ImportError(name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "from pourparler.dynamics.durability import breakdown_probabilities\n"
        "p = breakdown_probabilities(['pko', 'third_party'], 24)\n"
        "from pourparler.cli.app import main\n"
        "print(round(float(p.sum()), 6))\n"
        "main(['durability', '--json'])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, timeout=120
    )
    assert out.returncode == 0, out.stderr
    first, _, rest = out.stdout.partition("\n")
    assert float(first) == pytest.approx(
        float(dur.breakdown_probabilities(["pko", "third_party"], 24).sum()), abs=1e-6
    )
    assert json.loads(rest)["cox"]["n"] == 368


DOC = Path(__file__).resolve().parents[1] / "docs" / "durability.md"


def test_the_doc_shows_what_the_command_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    import pourparler.cli.common as common

    monkeypatch.setenv("COLUMNS", "80")
    monkeypatch.setattr(common, "_console", None)
    printed = runner.invoke(build_app(), ["durability"]).stdout
    text = DOC.read_text(encoding="utf-8")
    (block,) = re.findall(r"```text\n(.*?)```", text, flags=re.S)
    assert block.splitlines() == [ln.rstrip() for ln in printed.splitlines()]
    for code in re.findall(r"```python\n(.*?)```", text, flags=re.S):
        exec(compile(code, str(DOC), "exec"), {})


def test_the_doc_figures_are_the_models() -> None:
    text = DOC.read_text(encoding="utf-8")
    report = durability_report(by=["pko"], among="cease")
    for curve, word in zip(
        report.curves[1:], ("with a peacekeeping operation", "without"), strict=True
    ):
        s60 = curve.at[-1]
        row = (
            f"| {word} | {curve.n} | {curve.events} | {curve.held:.0%} | "
            f"{s60.survival:.2f} ({s60.low:.2f}–{s60.high:.2f}) |"
        )
        assert row in text
    for codes in (
        [],
        ["cease"],
        ["cease", "third_party", "co_impl"],
        ["cease", "pko", "third_party"],
    ):
        s = dur.survival(codes, 60)
        ratio = math.exp(dur.log_hazard_ratio(codes))
        name = ", ".join(f"`{c}`" for c in codes) or "none"
        assert f"| {name} | {ratio:.2f} | {1 - s[12]:.0%} | {1 - s[60]:.0%} |" in text


def test_refit_without_lifelines_says_so_in_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "lifelines", None)  # importing it then fails
    assert dur.main(["--check"]) == 2
    err = capsys.readouterr().err
    assert err == "error: refit: needs lifelines: pip install 'pourparler[survival]'\n"
