"""What-if changes (``--set``, ``--drop``, ``--seat``, ``--unseat``): each path changes exactly its
value and the digest, bad paths and values end with exit 2 and one line naming the option, the
changes reach the forecast and are recorded in the provenance."""

from __future__ import annotations

import itertools
import json
import re
import shlex
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from cli_run import run_cli
from pourparler.errors import InputError
from pourparler.forecast.scenario_forecast import disagreement_kind
from pourparler.scenario import Scenario, load_scenario
from pourparler.scenario.whatif import Change, applied_changes, apply_changes, parse_changes
from pourparler.scenario.yaml_io import loads_yaml_scenario
from scenario_samples import base

SC = load_scenario("istanbul-2025")


def _leaves(obj: Any, path: tuple[Any, ...] = ()) -> dict[tuple[Any, ...], Any]:
    if isinstance(obj, dict):
        out: dict[tuple[Any, ...], Any] = {}
        for k, v in obj.items():
            out.update(_leaves(v, (*path, k)))
        return out or {path: {}}
    if isinstance(obj, list):
        out = {}
        for k, v in enumerate(obj):
            out.update(_leaves(v, (*path, k)))
        return out or {path: []}
    return {path: obj}


def _index(section: str, **match: str) -> int:
    items = SC.model_dump(mode="json")[section]
    return next(k for k, it in enumerate(items) if all(it[f] == v for f, v in match.items()))


STANCE_RU_NATO = ("stances", _index("stances", actor="RU", issue="nato"))
ACTOR_RU = ("actors", _index("actors", id="RU"))
ACTOR_EU = ("actors", _index("actors", id="EU"))
ISSUE_NATO = ("issues", _index("issues", id="nato"))

# (option text, where the change lands in the document, the value read back from the scenario)
SETS: list[tuple[str, tuple[Any, ...], Callable[[Scenario], Any], Any]] = [
    (
        "RU.nato.position=90",
        (*STANCE_RU_NATO, "position"),
        lambda s: s.stance("RU", "nato").position,
        90,
    ),
    (
        "RU.nato.salience=0.8",
        (*STANCE_RU_NATO, "salience"),
        lambda s: s.stance("RU", "nato").salience,
        0.8,
    ),
    (
        "RU.nato.red_line=70,100",
        (*STANCE_RU_NATO, "red_line"),
        lambda s: s.stance("RU", "nato").red_line,
        (70, 100),
    ),
    (
        "RU.nato.red_line=none",
        (*STANCE_RU_NATO, "red_line"),
        lambda s: s.stance("RU", "nato").red_line,
        None,
    ),
    (
        "RU.nato.uncertainty.position=7",
        (*STANCE_RU_NATO, "uncertainty", "position"),
        lambda s: s.stance("RU", "nato").uncertainty.position,
        7,
    ),
    ("RU.capability=0.7", (*ACTOR_RU, "capability"), lambda s: s.actor("RU").capability, 0.7),
    ("RU.veto=false", (*ACTOR_RU, "veto"), lambda s: s.actor("RU").veto, False),
    ("EU.at_table=yes", (*ACTOR_EU, "at_table"), lambda s: s.actor("EU").at_table, True),
    (
        "RU.no_deal.utility=0.3",
        (*ACTOR_RU, "no_deal", "utility"),
        lambda s: s.actor("RU").no_deal.utility,
        0.3,
    ),
    ("nato.status_quo=30", (*ISSUE_NATO, "status_quo"), lambda s: s.issue("nato").status_quo, 30),
    ("battlefield.p=0.6", ("battlefield", "p"), lambda s: s.battlefield.p, 0.6),
    ("battlefield.start=4", ("battlefield", "start"), lambda s: s.battlefield.start, 4),
    (
        "battlefield.meaning.step=one month",
        ("battlefield", "meaning", "step"),
        lambda s: s.battlefield.meaning.step,
        "one month",
    ),
    (
        "talks.sequencing=ceasefire-first",
        ("talks", "sequencing"),
        lambda s: s.talks.sequencing,
        "ceasefire-first",
    ),
    ("talks.spoiler_scale=2", ("talks", "spoiler_scale"), lambda s: s.talks.spoiler_scale, 2.0),
    (
        "talks.durability.baseline_monthly_hazard=0.01",
        ("talks", "durability", "baseline_monthly_hazard"),
        lambda s: s.talks.durability.baseline_monthly_hazard,
        0.01,
    ),
    (
        "talks.durability.coefficients.pko=-0.5",
        ("talks", "durability", "coefficients"),
        lambda s: dict(s.talks.durability.coefficients),
        {"pko": -0.5},
    ),
]


@pytest.mark.parametrize(("text", "where", "read", "expected"), SETS, ids=[s[0] for s in SETS])
def test_each_path_changes_exactly_its_value_and_the_digest(
    text: str, where: tuple[Any, ...], read: Callable[[Scenario], Any], expected: Any
) -> None:
    changed = apply_changes(SC, parse_changes(set_=[text]))
    assert read(changed) == expected and read(SC) != expected
    before = _leaves(SC.model_dump(mode="json"))
    after = _leaves(changed.model_dump(mode="json"))
    moved = {p for p in before.keys() | after.keys() if before.get(p, "∅") != after.get(p, "∅")}
    assert moved and all(p[: len(where)] == where for p in moved), moved
    assert changed.digest() != SC.digest() and changed.id == SC.id


def test_the_what_if_scenario_is_the_file_edited_by_hand() -> None:
    """Same document, same digest: a change is what editing the file would give."""
    data = SC.model_dump(mode="python", exclude_unset=True)
    data["stances"][STANCE_RU_NATO[1]]["position"] = 90.0
    data["actors"][_index("actors", id="TR")]["at_table"] = False
    data["battlefield"]["p"] = 0.6
    by_hand = Scenario.model_validate(data)
    changed = apply_changes(
        SC, parse_changes(set_=["RU.nato.position=90", "battlefield.p=0.6"], unseat=["TR"])
    )
    assert changed.digest() == by_hand.digest()
    assert [c.option for c in applied_changes(changed)] == [
        "--set RU.nato.position=90",
        "--set battlefield.p=0.6",
        "--unseat TR",
    ]
    assert applied_changes(by_hand) == () and applied_changes(SC) == ()


def test_no_change_is_the_same_scenario_and_unset_fields_stay_unset() -> None:
    assert apply_changes(SC, []) is SC
    changed = apply_changes(SC, parse_changes(set_=["nato.status_quo=30"]))
    # a field left at its default stays unset (the forecast reads which outlooks are stated)
    for a, b in zip(SC.actors, changed.actors, strict=True):
        assert a.model_fields_set == b.model_fields_set
    assert disagreement_kind(changed) == disagreement_kind(SC)


def test_changes_apply_on_top_of_earlier_ones() -> None:
    once = apply_changes(SC, parse_changes(set_=["RU.capability=0.7"]))
    twice = apply_changes(once, parse_changes(seat=["EU"]))
    assert twice.actor("RU").capability == 0.7 and twice.actor("EU").at_table
    assert [c.option for c in applied_changes(twice)] == ["--set RU.capability=0.7", "--seat EU"]


def test_seat_unseat_and_drop() -> None:
    seated = apply_changes(SC, parse_changes(seat=["EU"], unseat=["RU"]))
    assert seated.actor("EU").at_table and not seated.actor("RU").at_table
    dropped = apply_changes(SC, parse_changes(drop=["CN", "NATO"]))
    assert {a.id for a in dropped.actors} == {a.id for a in SC.actors} - {"CN", "NATO"}
    assert not [s for s in dropped.stances if s.actor in ("CN", "NATO")]
    kept = [s for s in SC.stances if s.actor not in ("CN", "NATO")]
    assert list(dropped.stances) == kept


def test_drop_that_leaves_an_issue_without_weight_is_one_error() -> None:
    doc = base()
    doc["stances"] = [
        s for s in doc["stances"] if not (s["issue"] == "pows" and s["actor"] != "UA")
    ]
    doc["actors"][0]["veto"] = doc["actors"][1]["veto"] = False
    sc = Scenario.model_validate(doc)
    with pytest.raises(InputError, match=r"^--drop UA: .*'pows'.*missing stances"):
        apply_changes(sc, parse_changes(drop=["UA"]))


@pytest.mark.parametrize(
    ("kind", "text", "message"),
    [
        ("set", "RU.nato.position", r"--set RU.nato.position: expected PATH=VALUE"),
        ("set", "RU.nato.position=", r"no value after '='"),
        ("drop", " ", r"--drop: expected an actor id"),
    ],
)
def test_malformed_option_text(kind: Any, text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        Change.parse(kind, text)


BAD = [
    (
        ["--set", "RU.nato.position=150"],
        "--set RU.nato.position=150: position must be between 0 and 100",
    ),
    (
        ["--set", "RU.nato.salience=high"],
        "--set RU.nato.salience=high: salience: Input should be a valid number",
    ),
    (["--set", "RU.nato.salience=nan"], "--set RU.nato.salience=nan: salience:"),
    (  # digits other than ASCII: a scenario file would not read them as a number either
        ["--set", "RU.nato.position=٥٠"],
        "--set RU.nato.position=٥٠: position: Input should be a valid number",
    ),
    (["--set", "battlefield.start=٤"], "--set battlefield.start=٤: start: Input should be a valid"),
    (
        ["--set", "RU.nato.red_line=0,50"],
        "--set RU.nato.red_line=0,50: red line [0, 50] excludes the actor's own position 100",
    ),
    (["--set", "RU.nato.red_line=1,2,3"], "--set RU.nato.red_line=1,2,3: red_line:"),
    (["--set", "XX.capability=1"], "--set XX.capability=1: no actor, issue or section"),
    (["--set", "RU.natoo.position=50"], "--set RU.natoo.position=50: unknown issue 'natoo'"),
    (
        ["--set", "RU.nato.stance=50"],
        "--set RU.nato.stance=50: the stance of RU on nato has no field 'stance'",
    ),
    (["--set", "RU.power=2"], "--set RU.power=2: actor RU has no field 'power'"),
    (["--set", "RU.id=XX"], "--set RU.id=XX: id of actor RU cannot be changed"),
    (["--set", "RU.aliases=x"], "--set RU.aliases=x: aliases is a list"),
    (["--set", "RU.no_deal=0.3"], "--set RU.no_deal=0.3: no_deal is a section"),
    (["--set", "RU.veto=maybe"], "--set RU.veto=maybe: veto: Input should be a valid boolean"),
    (["--set", "RU"], "--set RU: expected PATH=VALUE"),
    (["--set", "RU=1"], "--set RU=1: no field after the id"),
    (["--set", "CN.nato.position=50"], "--set CN.nato.position=50: CN has no stance on nato"),
    (
        ["--set", "nato.status_quo=-1"],
        "--set nato.status_quo=-1: status_quo must be between 0 and 100",
    ),
    (["--set", "battlefield.p=1.5"], "--set battlefield.p=1.5: p must be between 0 and 1"),
    (  # the value as typed, and the float it rounds to, not "got 1.0"
        ["--set", "battlefield.discount=0.999999999999999999"],
        "--set battlefield.discount=0.999999999999999999: discount must be between 0 and 1 "
        "(got 0.999999999999999999, read as 1)",
    ),
    (
        ["--set", "RU.nato.position=1e400"],
        "--set RU.nato.position=1e400: position: Input should be a finite number "
        "(got 1e400, read as inf)",
    ),
    (
        ["--set", "RU.nato.position=1.5e2"],
        "--set RU.nato.position=1.5e2: position must be between 0 and 100 (got 1.5e2)",
    ),
    (
        ["--set", "battlefield.start=4.5"],
        "--set battlefield.start=4.5: start: Input should be a valid integer",
    ),
    (
        ["--set", "talks.sequencing=later"],
        "--set talks.sequencing=later: sequencing: Input should be",
    ),
    (
        ["--set", "talks.durability.coefficients.bogus=1"],
        "--set talks.durability.coefficients.bogus=1: coefficients: 'bogus': not a key it "
        "takes: Input should be 'cease',",
    ),
    (["--drop", "XX"], "--drop XX: unknown actor 'XX'"),
    (["--drop", "RU"], "--drop RU: the battlefield section names RU (battlefield.side_a)"),
    (["--seat", "XX"], "--seat XX: unknown actor 'XX'"),
    (["--seat", "EU", "--unseat", "EU"], "--unseat EU: conflicts with --seat EU"),
    (
        ["--set", "RU.nato.position=90", "--set", "RU.nato.position=95"],
        "--set RU.nato.position: the path is given twice (--set RU.nato.position=90, "
        "--set RU.nato.position=95); give it once",
    ),
    (
        ["--drop", "CN", "--set", "CN.capability=1"],
        "--drop CN: the actor is also changed by --set CN.capability=1",
    ),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(b[0]) for b in BAD])
@pytest.mark.parametrize("command", ["show", "forecast"])
def test_bad_paths_and_values_exit_2_with_one_line(
    capsys: pytest.CaptureFixture[str], command: str, args: list[str], message: str
) -> None:
    code, out, err = run_cli(capsys, [command, "istanbul-2025", *args])
    assert code == 2 and out == ""
    assert err.startswith(f"pourparler: error: {message}"), err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_front_must_start_inside_it(capsys: pytest.CaptureFixture[str]) -> None:
    steps = SC.battlefield.steps  # type: ignore[union-attr]
    option = f"battlefield.start={steps}"
    code, _, err = run_cli(capsys, ["show", "istanbul-2025", "--set", option])
    assert code == 2
    assert err.startswith(
        f"pourparler: error: --set {option}: start {steps} must lie strictly between 0 and steps"
    ), err


def test_a_scenario_without_battlefield_says_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "mini.yaml"
    path.write_text(yaml.safe_dump(base(), sort_keys=False), encoding="utf-8")
    code, _, err = run_cli(capsys, ["show", str(path), "--set", "battlefield.p=0.5"])
    assert code == 2
    assert (
        err
        == "pourparler: error: --set battlefield.p=0.5: the scenario has no battlefield section\n"
    )


def test_every_scenario_command_takes_the_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for command, after in (
        ("show", ()),
        ("validate", ()),
        ("export", ()),
        ("forecast", ()),
        ("sensitivity", ()),
        ("deals", ()),
        ("report", ()),
        ("compare", ()),
        ("simulate", ()),
        ("why", ("RU", "nato")),
        ("evidence suggest", ()),
    ):
        argv = [*command.split(), "istanbul-2025", *after, "--drop", "XX"]
        code, out, err = run_cli(capsys, argv)
        # validate lists each file's problem as its own line, without the error prefix
        prefix = "" if command == "validate" else "pourparler: error: "
        known = ", ".join(a.id for a in SC.actors)
        message = f"--drop XX: unknown actor 'XX' (known: {known})"
        assert (code, out, err) == (2, "", f"{prefix}{message}\n"), command
    # the change reaches the result of the commands that only explain or compare with it
    code, out, err = run_cli(
        capsys, ["why", "istanbul-2025", "RU", "nato", "--set", "RU.nato.position=90", "--json"]
    )
    assert code == 0, err
    why = json.loads(out)
    assert why["stance"]["position"] == 90 != SC.stance("RU", "nato").position
    assert why["parameters"]["what_if"] == ["--set RU.nato.position=90"]
    article, db = tmp_path / "a.txt", str(tmp_path / "e.db")
    article.write_text("Ukraine demanded an unconditional 30-day ceasefire on land, air and sea.")
    assert run_cli(capsys, ["evidence", "add", str(article), "--db", db])[0] == 0
    suggest = ["evidence", "suggest", "istanbul-2025", "--include-unreviewed", "--db", db]
    code, out, err = run_cli(capsys, [*suggest, "--json"])
    assert (code, json.loads(out)["proposals"]) == (0, []), err  # UA is at 0 already
    code, out, err = run_cli(capsys, [*suggest, "--set", "UA.ceasefire.position=50", "--json"])
    got = [(p["actor"], p["current"], p["proposed"]) for p in json.loads(out)["proposals"]]
    assert (code, got) == (0, [("UA", 50, 0)]), err


def test_validate_checks_the_changed_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, ["validate", "istanbul-2025", "--set", "RU.capability=2"])
    assert code == 0 and out.startswith("istanbul-2025: ok")
    code, out, err = run_cli(capsys, ["validate", "istanbul-2025", "--set", "RU.capability=-2"])
    assert code == 2 and "--set RU.capability=-2: capability must be between 0" in err


def test_export_writes_the_changed_document(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run_cli(capsys, ["export", "istanbul-2025", "--set", "RU.nato.position=90"])
    assert code == 0
    exported = loads_yaml_scenario(out)
    expected = apply_changes(SC, parse_changes(set_=["RU.nato.position=90"]))
    assert exported.digest() == expected.digest() != SC.digest()


def _forecast(capsys: pytest.CaptureFixture[str], *args: str) -> dict[str, Any]:
    code, out, err = run_cli(
        capsys,
        ["forecast", "istanbul-2025", "--model", "ensemble", "--draws", "0", "--json", *args],
    )
    assert code == 0, err
    data: dict[str, Any] = json.loads(out)
    return data


def test_moving_a_big_actor_moves_the_forecast_towards_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The US (capability 1, as high as any) stands at 15 on the ceasefire; moving it to 100
    moves the ensemble forecast up, and moving it to 0 moves it down."""

    def ceasefire(data: dict[str, Any]) -> float:
        row = next(i for i in data["issues"] if i["id"] == "ceasefire")
        return float(row["models"]["ensemble"]["forecast"])

    base_run = _forecast(capsys)
    up = _forecast(capsys, "--set", "US.ceasefire.position=100")
    down = _forecast(capsys, "--set", "US.ceasefire.position=0")
    assert ceasefire(down) < ceasefire(base_run) < ceasefire(up)


def test_provenance_records_the_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    plain = _forecast(capsys)
    changed = _forecast(capsys, "--set", "US.ceasefire.position=100", "--seat", "EU")
    assert "what_if" not in plain["parameters"]
    assert changed["parameters"]["what_if"] == ["--set US.ceasefire.position=100", "--seat EU"]
    assert changed["scenario"] == plain["scenario"] == "istanbul-2025"
    expected = apply_changes(
        SC, parse_changes(set_=["US.ceasefire.position=100"], seat=["EU"])
    ).digest()
    assert changed["scenario_hash"] == expected != plain["scenario_hash"]


DOC = Path(__file__).resolve().parents[1] / "docs" / "what-if.md"


def _doc_blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", DOC.read_text(encoding="utf-8"), flags=re.S)


def test_the_docs_error_examples_are_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pairs = []
    for block in _doc_blocks("console"):
        lines = block.splitlines()
        for command, answer in itertools.pairwise(lines):
            if command.startswith("$ pourparler ") and answer.startswith("pourparler: error:"):
                pairs.append((shlex.split(command[2:])[1:], answer))
    assert len(pairs) >= 4
    for args, answer in pairs:
        code, out, err = run_cli(capsys, args)
        assert (code, out, err) == (2, "", answer + "\n"), args


def test_the_docs_python_example_runs(capsys: pytest.CaptureFixture[str]) -> None:
    (code,) = [b for b in _doc_blocks("python") if "compare_scenarios(" in b]
    exec(compile(code, str(DOC), "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "['--set battlefield.p=0.6', '--seat EU']"
    assert float(printed[1]) == float(printed[1])  # a number, not None


@pytest.mark.parametrize(
    "command",
    [
        ["deals", "istanbul-2022"],
        ["sensitivity", "istanbul-2022", "--model", "compromise"],
        ["forecast", "istanbul-2022", "--model", "compromise", "--draws", "0"],
    ],
)
def test_every_result_records_the_what_if(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    option = "UA.nato.salience=0.9"
    code, out, err = run_cli(capsys, [*command, "--set", option, "--json"])
    assert code == 0, err
    data = json.loads(out)
    assert data["parameters"]["what_if"] == [f"--set {option}"]
    changed = apply_changes(load_scenario("istanbul-2022"), parse_changes(set_=[option]))
    assert data["scenario_hash"] == changed.digest()


def test_changes_are_checked_together() -> None:
    """Moving a position and its red line together works although the position alone would
    break the red-line rule; when they still break it, both are named."""
    both = parse_changes(set_=["RU.nato.position=60", "RU.nato.red_line=50,100"])
    changed = apply_changes(SC, both)
    assert changed.stance("RU", "nato").position == 60  # type: ignore[union-attr]
    with pytest.raises(InputError, match="excludes the actor's own position 60"):
        apply_changes(SC, both[:1])
    clash = parse_changes(set_=["RU.nato.position=60", "RU.nato.red_line=70,100"])
    with pytest.raises(InputError) as exc:
        apply_changes(SC, clash)
    assert str(exc.value) == (
        "--set RU.nato.position=60, --set RU.nato.red_line=70,100: "
        "red line [70, 100] excludes the actor's own position 60"
    )


@st.composite
def _stance_changes(draw: st.DrawFn) -> list[tuple[str, str, str, float]]:
    """Distinct (actor, issue, field, value) changes that keep every red line."""
    picks = draw(
        st.lists(
            st.sampled_from([(s.actor, s.issue) for s in SC.stances]),
            min_size=1,
            max_size=5,
            unique=True,
        )
    )
    out = []
    for actor, issue in picks:
        stance = SC.stance(actor, issue)
        assert stance is not None
        if draw(st.booleans()):
            lo, hi = stance.red_line or (0.0, 100.0)
            value = float(draw(st.integers(int(-(-lo // 1)), int(hi // 1))))
            out.append((actor, issue, "position", value))
        else:
            out.append((actor, issue, "salience", draw(st.integers(1, 100)) / 100))
    return out


@settings(max_examples=25, deadline=None)
@given(_stance_changes(), st.randoms(use_true_random=False))
def test_any_order_gives_the_file_edited_by_hand(
    changes: list[tuple[str, str, str, float]], rnd: Any
) -> None:
    texts = [f"{a}.{i}.{f}={v:g}" for a, i, f, v in changes]
    shuffled = list(texts)
    rnd.shuffle(shuffled)
    one = apply_changes(SC, parse_changes(set_=texts))
    other = apply_changes(SC, parse_changes(set_=shuffled))
    data = SC.model_dump(mode="python", exclude_unset=True)
    for actor, issue, field, value in changes:
        k = next(
            k for k, s in enumerate(data["stances"]) if (s["actor"], s["issue"]) == (actor, issue)
        )
        data["stances"][k][field] = value
    by_hand = Scenario.model_validate(data)
    assert one.digest() == other.digest() == by_hand.digest()
    for actor, issue, field, value in changes:
        assert getattr(one.stance(actor, issue), field) == value
