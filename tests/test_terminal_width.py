"""Every table fits the terminal without cutting a number: at 80 and 60 columns each command's
output keeps every number it should print whole (on one line, no ``…`` beside a digit) and no
line is wider than the terminal; wide terminals get the whole table."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from rich.cells import cell_len

from pourparler.cli.app import main
from pourparler.deals.analysis import analyse_scenario
from pourparler.report.stances import stance_matrix
from pourparler.report.table import Column, TextTable
from pourparler.scenario import load_scenario

BUILTINS = ["istanbul-2025", "istanbul-2022"]
WIDTHS = [80, 60]
SPLIT = re.compile(r"[\s│┃|]+")
CUT = re.compile(r"\d…|…\d")


def _run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int, args: list[str]
) -> str:
    from pourparler.cli import common

    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setattr(common, "_console", None)
    with pytest.raises(SystemExit) as exc:
        main(args)
    out = capsys.readouterr()
    assert exc.value.code == 0, out.err
    return out.out


def check_fits(out: str, width: int, numbers: list[str]) -> None:
    """No line wider than ``width``, no ``…`` beside a digit, and each of ``numbers`` whole
    inside one cell or word of the output."""
    wide = [line for line in out.splitlines() if cell_len(line) > width]
    assert not wide, f"{len(wide)} lines wider than {width}: {wide[0]!r}"
    assert not CUT.search(out), f"a number cut: {CUT.search(out)!r}"
    tokens = SPLIT.split(out)
    missing = [n for n in numbers if not any(n in t for t in tokens)]
    assert not missing, f"numbers not printed whole: {missing[:10]}"


def test_the_check_finds_a_cut_number() -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table()
    t.add_column("issue")
    t.add_column("forecast")  # rich's default: a cell too wide is cut with '…'
    t.add_row("foreign_troops", "12345.678")
    console = Console(width=16, record=True, file=io.StringIO())
    console.print(t)
    out = console.export_text()
    with pytest.raises(AssertionError):
        check_fits(out, 16, ["12345.678"])
    with pytest.raises(AssertionError):  # a number split over two lines is not whole
        check_fits("│ 12345. │\n│ 678    │", 16, ["12345.678"])


def test_the_fitted_renderer_never_cuts_a_number(monkeypatch: pytest.MonkeyPatch) -> None:
    from rich.console import Console

    from pourparler.cli.fitted_table import print_in_blocks, print_table

    numbers = [f"{k * 1234.5678:.4f}" for k in range(1, 9)]
    table = TextTable(
        title="t",
        columns=(Column("name", whole=True), *[Column(f"c{k}", numeric=True) for k in range(8)]),
        rows=(("a-rather-long-name", *numbers),),
    )
    for width in (40, 60, 80):
        for show in (print_table, print_in_blocks):
            console = Console(width=width, record=True, file=io.StringIO())
            show(table, console)
            check_fits(console.export_text(), width, numbers)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", BUILTINS)
def test_forecast_all_models(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, width: int
) -> None:
    args = ["forecast", name, "--draws", "10", "--seed", "3"]
    data = json.loads(_run(capsys, monkeypatch, 200, [*args, "--json"]))
    numbers = []
    for issue in data["issues"]:
        for m in issue["models"].values():
            numbers.append(f"{m['forecast']:.3g}")
        lo, hi = issue["models"]["ensemble"]["interval"]
        numbers.append(f"{lo:.3g}–{hi:.3g}")
    out = _run(capsys, monkeypatch, width, args)
    check_fits(out, width, numbers)
    wide = _run(capsys, monkeypatch, 200, args)
    assert "(1/2)" not in wide  # a wide terminal gets the whole table


@pytest.mark.parametrize("width", WIDTHS)
def test_forecast_with_every_models_interval(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    args = ["forecast", "istanbul-2022", "--draws", "10", "--seed", "3"]
    data = json.loads(_run(capsys, monkeypatch, 200, [*args, "--json"]))
    numbers = [
        f"{m['interval'][0]:.3g}–{m['interval'][1]:.3g}"
        for issue in data["issues"]
        for m in issue["models"].values()
    ]
    check_fits(_run(capsys, monkeypatch, width, [*args, "--intervals"]), width, numbers)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", BUILTINS)
def test_deals(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, width: int
) -> None:
    report = analyse_scenario(load_scenario(name))
    numbers = [f"{report.packages:,}"]
    for _, point in report.points.items():
        if point is not None:
            numbers += [f"{u:.3f}" for u in point.utility.values()]
    check_fits(_run(capsys, monkeypatch, width, ["deals", name]), width, numbers)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", BUILTINS)
def test_show_and_stances(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, name: str, width: int
) -> None:
    sc = load_scenario(name)
    out = _run(capsys, monkeypatch, width, ["show", name])
    check_fits(out, width, [f"{a.capability:.2f}" for a in sc.actors])
    assert len(out.splitlines()) < 120  # concise: the long parts are behind --full
    full = _run(capsys, monkeypatch, width, ["show", name, "--full"])
    assert sc.sources[0].id in full and len(full.splitlines()) > len(out.splitlines())
    labels = [c.label() for c in stance_matrix(sc).cells]
    check_fits(_run(capsys, monkeypatch, width, ["show", name, "--stances"]), width, labels)


@pytest.mark.parametrize("width", WIDTHS)
def test_decide_file(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    decide_files: list[Path],
    width: int,
) -> None:
    path = str(decide_files[0])
    sc = load_scenario(path)
    labels = [c.label() for c in stance_matrix(sc).cells]
    check_fits(_run(capsys, monkeypatch, width, ["show", path, "--stances"]), width, labels)
    report = analyse_scenario(sc)
    numbers = [f"{d:.3f}" for d in report.reservation.values()]
    check_fits(_run(capsys, monkeypatch, width, ["deals", path]), width, numbers)
    args = ["forecast", path, "--draws", "10", "--seed", "1"]
    data = json.loads(_run(capsys, monkeypatch, 200, [*args, "--json"]))
    numbers = [f"{m['forecast']:.3g}" for issue in data["issues"] for m in issue["models"].values()]
    check_fits(_run(capsys, monkeypatch, width, args), width, numbers)
    args = ["sensitivity", path, "--top", "3"]
    data = json.loads(_run(capsys, monkeypatch, 200, [*args, "--json"]))
    numbers = [f"{e['effect']:.3g}" for issue in data["issues"] for e in issue["effects"]]
    check_fits(_run(capsys, monkeypatch, width, args), width, numbers)


@pytest.mark.parametrize("width", WIDTHS)
def test_sensitivity(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    args = ["sensitivity", "istanbul-2022"]
    data = json.loads(_run(capsys, monkeypatch, 200, [*args, "--json"]))
    numbers = [f"{e['effect']:.3g}" for issue in data["issues"] for e in issue["effects"]]
    check_fits(_run(capsys, monkeypatch, width, args), width, numbers)


TEXT = (
    "Kyiv, 1 June 2025. Ukraine demands a full ceasefire on land, sea and air before any "
    "further talks, President Zelensky said on Sunday in a long statement that also repeated "
    "the country's position on prisoners of war, on the return of children and on the "
    "guarantees it expects from its partners in Europe and across the Atlantic Ocean.\n\n"
    "Russia rejects a full ceasefire and insists on its earlier conditions, the Kremlin said.\n"
)


@pytest.mark.parametrize("width", [*WIDTHS, 200])
def test_evidence_commands(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    width: int,
) -> None:
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    db = str(tmp_path / "ev.db")
    _run(capsys, monkeypatch, 200, ["evidence", "add", str(article), "--db", db])
    claims = json.loads(
        _run(capsys, monkeypatch, 200, ["evidence", "claims", "--db", db, "--json"])
    )
    numbers = [f"{c['confidence']:.2f}" for c in claims["claims"]]
    numbers += [f"{c['document_id']}:{c['raw_start']}" for c in claims["claims"]]
    out = _run(capsys, monkeypatch, width, ["evidence", "claims", "--db", db])
    if width <= 80:
        check_fits(out, width + 10**6, numbers)  # one record per claim, wrapped by the terminal
    else:
        check_fits(out, width, numbers)
    timeline = ["evidence", "timeline", "UA", "ceasefire", "--db", db]
    assert "UA" in json.loads(_run(capsys, monkeypatch, 200, [*timeline, "--json"]))["actor"]
    out = _run(capsys, monkeypatch, width, timeline)
    assert not CUT.search(out)
    out = _run(capsys, monkeypatch, width, ["evidence", "suggest", "istanbul-2025", "--db", db])
    assert not CUT.search(out)


@pytest.mark.parametrize("width", WIDTHS)
def test_scenarios_list(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, width: int
) -> None:
    from pourparler.scenario.builtin import builtin_names

    dates = []
    for name in builtin_names():
        sc = load_scenario(name)
        dates += [sc.date.isoformat()] if sc.date else []
        dates.append(str(len(sc.stances)))
    check_fits(_run(capsys, monkeypatch, width, ["scenarios"]), width, dates)
