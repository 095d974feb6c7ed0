"""Readers for the Decide exchange-model format and the BDM actor table."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from pourparler.forecast.central import weighted_mean, weighted_median
from pourparler.scenario import ScenarioError, load_scenario
from pourparler.scenario.interop_decide import read_decide
from pourparler.scenario.resolve import detect_format

DATA = Path(__file__).parent / "data"

DECIDE = (
    "'#A'\t'A1'\t'Alpha'\t''\n"
    "'#A'\t'B 2'\t'Beta'\t''\n"
    "'#P'\t'tax'\t'tax'\t'Tax level'\n"
    "'#M'\t'tax'\t2\t'low'\n"
    "'#M'\t'tax'\t5\t'mid'\n"
    "'#M'\t'tax'\t10\t'high'\n"
    "'#/'\tcomment\n"
    "'#D'\t'A1'\t'tax'\t4.0\t0.5\t1.0\n"
    "'#D'\t'B 2'\t'tax'\t10.0\t1.0\t3.0\n"
)


def test_decide_text_is_rescaled_and_labelled(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt"
    path.write_text(DECIDE)
    d = read_decide(DECIDE, "mini.txt")
    assert d.actor_ids == ("A1", "B 2")
    np.testing.assert_allclose(d.position[:, 0], [25.0, 100.0])  # (4-2)/(10-2)*100
    sc = load_scenario(path)
    assert [a.id for a in sc.actors] == ["A1", "B-2"]  # ids made safe, names kept
    assert sc.actors[1].name == "Beta"
    assert [o.label for o in sc.issues[0].options] == ["low", "mid", "high"]
    assert [o.value for o in sc.issues[0].options] == [0.0, 37.5, 100.0]
    assert sc.actors[1].capability == 3.0
    # status quo = power x salience weighted mean: (0.5*25 + 3*100) / 3.5
    assert sc.issues[0].status_quo == pytest.approx((0.5 * 25 + 3 * 100) / 3.5)


def test_decide_sample_files(decide_files: list[Path]) -> None:
    sizes = {p.name: load_scenario(p).summary() for p in decide_files}
    assert sizes["sample_data.txt"]["actors"] == 10
    assert sizes["sample_data.txt"]["issues"] == 6
    assert sizes["copenhagen.csv"]["actors"] == 11
    assert sizes["copenhagen.csv"]["issues"] == 7
    sample = next(p for p in decide_files if p.name == "sample_data.txt")
    sc = load_scenario(sample)
    # tol-hoogte runs from 0.5 to 7; Willems stands at 3.0
    assert sc.stance("Willems", "tol-hoogte").position == pytest.approx(2.5 / 6.5 * 100)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("'#D'\t'Z'\t'tax'\t4.0\t0.5\t1.0\n", "unknown actor 'Z'"),
        ("'#D'\t'A1'\t'vat'\t4.0\t0.5\t1.0\n", "unknown issue 'vat'"),
        ("'#D'\t'A1'\t'tax'\tfour\t0.5\t1.0\n", "expected a number"),
        ("'#D'\t'A1'\t'tax'\t40\t0.5\t1.0\n", "outside the scale"),
        ("'#D'\t'A1'\t'tax'\t4\n", "needs 5 fields"),
        ("'#X'\t'A1'\n", "unknown record type"),
        # a record without its '#' (or a stray line) is not skipped: it would lose a stance
        ("'D'\t'A1'\t'tax'\t4.0\t0.5\t1.0\n", "'D' starts no record"),
        ("some notes\n", "'some notes' starts no record"),
        ("'#A'\t'a1'\t'Alpha again'\t''\n", "#A: duplicate actor 'a1' (first on line 1)"),
        ("'#D'\t'A1'\t'tax'\t٤\t0.5\t1.0\n", "#D position: expected a number, got '٤'"),
        ("'#D'\t'A1'\t'tax'\t4.0\t0.5\t1_000\n", "#D power: expected a number, got '1_000'"),
        ("'#D'\t'A1'\t'tax'\t4.0\t0.5\t1000001\n", "at most 1e+06, got 1000001"),
        ("'#D'\t'A1'\t'tax'\t4.0\t100.25\t1\n", "must lie in 0–100, got 100.25"),
    ],
)
def test_decide_errors_name_the_line(tmp_path: Path, line: str, words: str) -> None:
    path = tmp_path / "bad.txt"
    text = DECIDE.replace("'#D'\t'A1'\t'tax'\t4.0\t0.5\t1.0\n", line)
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    n = text.splitlines().index(line.rstrip("\n")) + 1
    assert str(info.value).startswith(f"{path}:{n}:"), str(info.value)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("old", "new", "line", "words"),
    [
        # saliences on both scales: 0.5 would silently become 0.005
        (
            "'B 2'\t'tax'\t10.0\t1.0",
            "'B 2'\t'tax'\t10.0\t80",
            8,
            "#D salience: 0.5 beside 80 (line 9): the saliences mix the 0–1 and 0–100 scales",
        ),
        # one scale point: no scale to map onto 0–100
        (
            "'#M'\t'tax'\t5\t'mid'\n'#M'\t'tax'\t10\t'high'\n",
            "",
            4,
            "#M: issue 'tax' needs two distinct scale points, has only 2",
        ),
        # one value with two meanings: one of them would be dropped
        (
            "'#M'\t'tax'\t10\t'high'\n",
            "'#M'\t'tax'\t10\t'high'\n'#M'\t'tax'\t10\t'top'\n",
            7,
            "#M position: 10 is already a scale point of 'tax' (line 6, 'high'): one meaning",
        ),
    ],
)
def test_decide_scales_that_cannot_be_read_are_refused_on_their_line(
    tmp_path: Path, old: str, new: str, line: int, words: str
) -> None:
    path = tmp_path / "bad.txt"
    text = DECIDE.replace(old, new)
    if not new:  # the one point left must also hold the stances
        text = text.replace("4.0\t0.5", "2\t0.5").replace("10.0\t1.0", "2\t1.0")
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value).startswith(f"{path}:{line}: "), str(info.value)
    assert words in str(info.value)


def test_decide_a_scale_point_given_twice_with_one_meaning_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "twice.txt"
    path.write_text(DECIDE.replace("'#M'\t'tax'\t5\t'mid'\n", "'#M'\t'tax'\t5\t'mid'\n" * 2))
    assert [o.label for o in load_scenario(path).issues[0].options] == ["low", "mid", "high"]


def test_decide_power_that_varies_by_issue_is_averaged_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from pourparler.cli.app import main

    text = DECIDE + "'#P'\t'vat'\t'vat'\t''\n'#D'\t'A1'\t'vat'\t40\t0.5\t3.0\n"
    text += "'#D'\t'B 2'\t'vat'\t60\t0.5\t3.0\n"
    path = tmp_path / "power.txt"
    path.write_text(text)
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    assert info.value.code in (0, None)
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"warning: {path}:11: #D power: actor 'A1': power varies by issue (1 to 3); every "
        "model uses its mean, 2, as the capability on every issue (the status quo alone "
        "weights each issue's positions by that issue's power)"
    ]
    assert load_scenario(path).actors[0].capability == 2.0
    # the same power everywhere: nothing to say
    path.write_text(DECIDE)
    with pytest.raises(SystemExit):
        main(["show", str(path)])
    assert "warning" not in capsys.readouterr().err


def test_decide_powers_that_vary_for_many_actors_are_one_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """2,000 actors whose power varies by issue: one line for the file, on the line of the
    first differing power, naming the first few actors met with their range to 3 significant
    digits (more where 3 would not tell the ends apart)."""
    from pourparler.cli.app import main

    n = 2000
    text = "".join(f"'#A'\t'a{k}'\t'a{k}'\t''\n" for k in range(n))
    text += "'#P'\t'p'\t'p'\t''\n'#P'\t'q'\t'q'\t''\n"
    powers = {"a0": (1.0001, 1.0002)}  # told apart only by a fifth digit
    for k in range(n):
        low, high = powers.get(f"a{k}", (0.369 + 0.2, 0.1 + 0.2 + k))  # 0.5690000000000001
        text += f"'#D'\t'a{k}'\t'p'\t10\t0.5\t{low!r}\n'#D'\t'a{k}'\t'q'\t90\t0.5\t{high!r}\n"
    path = tmp_path / "many.txt"
    path.write_text(text)
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    assert info.value.code in (0, None)
    err = capsys.readouterr().err.strip().splitlines()
    first = n + 2 + 2  # the actors, the issues, then a0's second record
    assert err == [
        f"warning: {path}:{first}: #D power: 2,000 actors' power varies by issue: "
        "'a0' (1.0001 to 1.0002, mean 1.0002), 'a1' (0.569 to 1.3, mean 0.934), "
        "'a2' (0.569 to 2.3, mean 1.43) and 1,997 more; every model uses each actor's mean as "
        "the capability on every issue (the status quo alone weights each issue's positions "
        "by that issue's power)"
    ]
    sc = load_scenario(path)
    assert sc.actors[1].capability == pytest.approx((0.569 + 1.3) / 2)  # the mean, unrounded


def test_bdm_csv_reproduces_scholz_initial_state() -> None:
    """Scholz, Calbert & Smith (2011), Table 2: initial median 7.0, weighted mean 7.39."""
    sc = load_scenario(DATA / "bdm_ec_emissions.csv")
    arr = sc.arrays()
    w = arr.capability * arr.salience[:, 0]
    assert float(weighted_median(arr.position[:, 0], w)) == 7.0
    assert float(weighted_mean(arr.position[:, 0], w)) == pytest.approx(7.39, abs=0.005)
    assert sc.stance("Denmark", sc.issues[0].id).salience == 1.0  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Actor,Capability,Position\nA,1,2\nB,1,3\n", "Salience: required column is missing"),
        ("Actor,Capability,Position,Salience\nA,big,2,50\nB,1,3,50\n", ":2: Capability: expected"),
        (
            "Actor,Capability,Position,Salience\nA,1,2,50\nB,-1,3,50\n",
            ":3: Capability: must be non",
        ),
        ("Actor,Capability,Position,Salience\nA,1,2,500\nB,1,3,50\n", ":2: Salience: must lie"),
        ("Actor,Capability,Position,Salience\nA,1,2,50\n", "at least two actor rows"),
        (
            "Actor,Capability,Position,Salience\nA,1,0,50\nA,1,100,50\n",
            "t.csv:3: Actor: duplicate actor 'A' (first on line 2)",
        ),
        (
            "Actor,Capability,Position,Salience\nAb,1,0,50\n\nB,1,5,50\n ab ,1,100,50\n",
            "t.csv:5: Actor: duplicate actor 'ab' (first on line 2)",
        ),
        (
            "Actor,Capability,Position,Salience\nA,1000001,2,50\nB,1,3,50\n",
            ":2: Capability: must be at most 1e+06, got 1000001",
        ),
        (
            "Actor,Capability,Position,Salience,Salience\nA,1,2,50,60\nB,1,3,50,60\n",
            ":1: Salience: the column is named twice in the header",
        ),
        ("Actor,Capability,Position,Salience\nA,1,١٠,50\nB,1,3,50\n", ":2: Position: expected"),
        ("Actor;Capability;Position;Salience\nA;1_0;2;50\nB;1;3;50\n", ":2: Capability: expected"),
        (
            "Actor,Capability,Position,Salience\nA,1,2,80\nB,1,3,0.5\nC,1,4,60\n",
            ":3: Salience: 0.5 beside 80 (line 2): the column mixes the 0–1 and 0–100 scales",
        ),
    ],
)
def test_bdm_csv_errors(tmp_path: Path, text: str, words: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(text)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert words in str(info.value), str(info.value)


def test_bdm_positions_off_the_scale_are_mapped(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("actor;capability;position;salience\nA;1;-10;0.5\nB;1;30;0.5\nC;2;10;1\n")
    sc = load_scenario(path)
    assert [s.position for s in sc.stances] == [0.0, 100.0, 50.0]
    assert "mapped to 0–100" in sc.description


def test_bdm_options_are_labelled_with_the_positions_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Mapped onto 0–100 or not, an option keeps the number the table gives, as a Decide scale
    point does: years stay years in every output and through an export."""
    import csv
    import io
    import json

    from cli_run import run_cli

    path = tmp_path / "years.csv"
    path.write_text("Actor,Capability,Position,Salience\nA,1,1990,50\nB,1,1995,50\nC,2,2000,50\n")
    issue = load_scenario(path).issues[0]
    assert [(o.value, o.label) for o in issue.options] == [
        (0.0, "1990"),
        (50.0, "1995"),
        (100.0, "2000"),
    ]
    code, out, _ = run_cli(capsys, ["forecast", str(path), "--json"])
    assert code == 0
    data = json.loads(out)["issues"][0]
    assert data["status_quo_option"] == "1995"
    assert {m["option"] for m in data["models"].values()} == {"1995"}
    code, out, _ = run_cli(capsys, ["forecast", str(path), "--csv"])
    assert {row["option"] for row in csv.DictReader(io.StringIO(out))} == {"1995"}
    code, out, _ = run_cli(capsys, ["forecast", str(path)])
    assert "1995" in out
    code, out, _ = run_cli(capsys, ["show", str(path)])
    assert "0 1990 ↔ 100 2000" in out
    exported = tmp_path / "years.yaml"
    assert run_cli(capsys, ["export", str(path), "--to", str(exported)])[0] == 0
    again = load_scenario(exported)
    assert again == load_scenario(path)
    assert [o.label for o in again.issues[0].options] == ["1990", "1995", "2000"]
    # kept on 0–100: as written too, the first row's text where two rows write one value
    path.write_text("Actor;Capability;Position;Salience\nA;1;0.5;1\nB;1;0,50;1\nC;1;2.25;1\n")
    assert [o.label for o in load_scenario(path).issues[0].options] == ["0.5", "2.25"]
    # one point only: the ends are added, said as what they are
    path.write_text("Actor,Capability,Position,Salience\nA,1,1990,50\nB,1,1990,50\n")
    assert [o.label for o in load_scenario(path).issues[0].options] == [
        "below 1990",
        "1990",
        "above 1990",
    ]
    path.write_text("Actor,Capability,Position,Salience\nA,1,40,50\nB,1,40,50\n")
    assert [o.label for o in load_scenario(path).issues[0].options] == ["0", "40", "100"]


@pytest.mark.parametrize("sep", [";", "\t"])
def test_bdm_decimal_commas_are_read_where_cells_are_not_comma_separated(
    tmp_path: Path, sep: str
) -> None:
    path = tmp_path / "t.csv"
    rows = [["Actor", "Capability", "Position", "Salience"], ["A", "1,5", "10", "0,8"]]
    rows += [["B", "2", "90,5", "0.5"]]
    path.write_text("".join(sep.join(r) + "\n" for r in rows))
    sc = load_scenario(path)
    assert [a.capability for a in sc.actors] == [1.5, 2.0]
    assert [(s.position, s.salience) for s in sc.stances] == [(10.0, 0.8), (90.5, 0.5)]


def test_bdm_a_quoted_comma_in_a_comma_separated_table_is_not_a_decimal(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('Actor,Capability,Position,Salience\nA,"1,5",10,50\nB,2,90,50\n')
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert "t.csv:2: Capability: expected a number, got '1,5'" in str(info.value)


def test_format_detection() -> None:
    assert detect_format(Path("x"), DECIDE) == "decide"
    # a quoted tag the reader does not know is still a Decide file (refused as such), not YAML
    assert detect_format(Path("x"), "'#Z'\t'A1'\n" + DECIDE) == "decide"
    assert detect_format(Path("x.csv"), "Actor,Capability,Position,Salience\n") == "bdm-csv"
    assert detect_format(Path("x.yml"), "id: a\n") == "yaml"
