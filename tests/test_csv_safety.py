"""CSV outputs open in a spreadsheet as data: text cells that a spreadsheet would run as a
formula get a leading ``'`` (OWASP), numbers stay numbers, on every ``--csv`` and download."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

pd = pytest.importorskip("pandas")

from typer.testing import CliRunner  # noqa: E402

from pourparler.cli.app import build_app  # noqa: E402
from pourparler.report.csv import FORMULA_STARTS, csv_text  # noqa: E402
from scenario_samples import base  # noqa: E402

SRC = Path(__file__).resolve().parents[1] / "src" / "pourparler"
FORMULAS = ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", '=HYPERLINK("http://x")']
runner = CliRunner()


def rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


def runs_as_formula(cell: str) -> bool:
    """Whether a spreadsheet would read ``cell`` as a formula (numbers are not)."""
    return cell.startswith(FORMULA_STARTS) and not re.fullmatch(
        r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", cell
    )


# -- the function --------------------------------------------------------------------------------


def test_formula_text_gets_a_quote_and_numbers_stay_numbers():
    frame = pd.DataFrame(
        {
            "label": [*FORMULAS, "plain", "-5", "+2.5e3", None],
            "value": [-1.5, -2, 0, 3, 4, 5, 6, -7, 8, 9, -10],
        }
    )
    got = rows(csv_text(frame))
    assert got[0] == ["label", "value"]
    labels = [r[0] for r in got[1:]]
    assert labels[: len(FORMULAS)] == ["'" + f.replace("\r", "\n") for f in FORMULAS]
    assert labels[len(FORMULAS) :] == ["plain", "-5", "+2.5e3", ""]
    assert [r[1] for r in got[1:]] == [str(v) for v in frame["value"]]


def test_text_in_string_and_category_columns_and_column_names():
    frame = pd.DataFrame(
        {
            "=name": pd.Series(["@x", "ok"], dtype="string"),
            "kind": pd.Series(["-a", "b"], dtype="category"),
        }
    )
    got = rows(csv_text(frame))
    assert got == [["'=name", "kind"], ["'@x", "'-a"], ["ok", "b"]]


def test_the_frame_itself_is_not_changed():
    frame = pd.DataFrame({"label": ["=1+1"]})
    csv_text(frame)
    assert frame["label"][0] == "=1+1"


@given(st.lists(st.text(max_size=12), min_size=1, max_size=6))
def test_no_cell_runs_as_a_formula_and_the_text_is_kept(texts):
    got = [r[0] for r in rows(csv_text(pd.DataFrame({"t": texts})))[1:]]
    for cell, text in zip(got, texts, strict=True):
        assert not runs_as_formula(cell)
        expected = "'" + text if runs_as_formula(text) else text
        assert cell == expected.replace("\r\n", "\n").replace("\r", "\n")


def test_every_csv_writer_goes_through_csv_text():
    offenders = [
        f"{path.relative_to(SRC)}:{n}"
        for path in SRC.rglob("*.py")
        if path.name != "csv.py"
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ".to_csv(" in line
    ]
    assert offenders == []


# -- the command line ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    doc = base()
    doc["issues"][0]["name"] = '=HYPERLINK("http://evil","x")'
    doc["issues"][0]["options"][0]["label"] = "@SUM(1+1)"
    doc["issues"][0]["options"][1]["label"] = "+1+1"
    doc["issues"][0]["options"][2]["label"] = "-2+3"
    doc["issues"][1]["options"][1]["label"] = "\t=1"
    path = tmp_path_factory.mktemp("csv") / "hostile.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def cells(text: str) -> list[str]:
    return [c for r in rows(text) for c in r]


@pytest.mark.parametrize(
    "args",
    [
        ["forecast", "--draws", "0"],
        ["deals"],
        ["sensitivity", "--model", "compromise"],
    ],
    ids=["forecast", "deals", "sensitivity"],
)
def test_scenario_commands_write_no_formula(hostile, args):
    result = runner.invoke(build_app(), [args[0], str(hostile), *args[1:], "--csv"])
    assert result.exit_code == 0, result.output
    got = cells(result.stdout)
    assert not [c for c in got if runs_as_formula(c)]
    assert any(c.startswith("'") for c in got)  # the hostile labels are there, quoted
    # negative numbers stay numbers
    assert not [c for c in got if re.fullmatch(r"'-\d+(\.\d+)?", c)]


def test_evidence_claims_csv_quotes_a_formula_sentence(tmp_path):
    from pourparler.evidence.store import Store

    db = tmp_path / "e.db"
    claim = {
        "actor": "RU",
        "issue": "nato",
        "stance": "support",
        "negated": False,
        "position": -1.0,
        "confidence": 0.9,
        "sentence": "=cmd|' /C calc'!A0 Russia demands neutrality.",
        "start": 0,
        "end": 10,
        "raw_start": 0,
        "raw_end": 10,
        "cue": "demands",
        "speaker": None,
    }
    with Store(db) as store:
        store.add_document(
            sha256="0" * 64,
            path=tmp_path / "a.txt",
            fmt="text",
            title="@title",
            outlet="-outlet",
            locator=None,
            date=None,
            text="x",
            runs=[],
            scenario="mini",
            claims=[claim],
        )
    result = runner.invoke(build_app(), ["evidence", "claims", "--db", str(db), "--csv"])
    assert result.exit_code == 0, result.output
    got = cells(result.stdout)
    assert "'=cmd|' /C calc'!A0 Russia demands neutrality." in got
    assert not [c for c in got if runs_as_formula(c)]
