"""Malformed scenario documents: each gives one clear message naming file, line and field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pourparler.cli.app import main
from pourparler.scenario import ScenarioError, load_scenario
from scenario_samples import base

Doc = dict[str, Any]


def _set(path: str, value: Any) -> Callable[[Doc], None]:
    """A mutation setting ``a.0.b`` style paths."""

    def apply(doc: Doc) -> None:
        *head, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = doc
        for p in head:
            node = node[p]
        node[last] = value

    return apply


def _drop(path: str) -> Callable[[Doc], None]:
    def apply(doc: Doc) -> None:
        *head, last = [int(p) if p.isdigit() else p for p in path.split(".")]
        node: Any = doc
        for p in head:
            node = node[p]
        del node[last]

    return apply


def _append(section: str, item: Any) -> Callable[[Doc], None]:
    return lambda doc: doc[section].append(item)


# (case id, mutation, expected field path in the message, expected words in the message)
CASES: list[tuple[str, Callable[[Doc], None], str, str]] = [
    ("unknown-actor", _set("stances.2.actor", "XX"), "stances[2].actor", "unknown actor 'XX'"),
    ("unknown-issue", _set("stances.1.issue", "land"), "stances[1].issue", "unknown issue 'land'"),
    ("duplicate-actor", _set("actors.2.id", "UA"), "actors[2].id", "duplicate id 'UA'"),
    ("duplicate-issue", _set("issues.1.id", "nato"), "issues[1].id", "duplicate id 'nato'"),
    ("duplicate-source", _set("sources.1.id", "s1"), "sources[1].id", "duplicate id 's1'"),
    (
        "position-high",
        _set("stances.1.position", 130),
        "stances[1].position",
        "less than or equal to 100",
    ),
    (
        "position-low",
        _set("stances.2.position", -5),
        "stances[2].position",
        "greater than or equal to 0",
    ),
    (
        "salience-high",
        _set("stances.0.salience", 1.5),
        "stances[0].salience",
        "less than or equal to 1",
    ),
    (
        "salience-negative",
        _set("stances.3.salience", -0.1),
        "stances[3].salience",
        "greater than or equal",
    ),
    (
        "red-line-excludes-position",
        _set("stances.0.red_line", [0, 50]),
        "stances[0].red_line",
        "excludes the actor's own position 100",
    ),
    (
        "red-line-reversed",
        _set("stances.0.red_line", [90, 80]),
        "stances[0].red_line",
        "above its high end",
    ),
    (
        "red-line-off-scale",
        _set("stances.0.red_line", [80, 120]),
        "stances[0].red_line[1]",
        "less than",
    ),
    ("red-line-short", _set("stances.0.red_line", [80]), "stances[0].red_line[1]", "missing"),
    (
        "options-out-of-order",
        _set("issues.0.options.1.value", 0),
        "issues[0].options[1].value",
        "increasing order",
    ),
    (
        "option-label-repeated",
        _set("issues.0.options.2.label", "membership"),
        "issues[0].options",
        "repeated",
    ),
    (
        "one-option",
        _set("issues.1.options", [{"value": 0, "label": "none"}]),
        "issues[1].options",
        "at least 2",
    ),
    (
        "option-off-scale",
        _set("issues.1.options.1.value", 101),
        "issues[1].options[1].value",
        "less than",
    ),
    ("status-quo-off-scale", _set("issues.0.status_quo", 200), "issues[0].status_quo", "less than"),
    (
        "cited-source-missing",
        _set("stances.0.cites.0.source", "nowhere"),
        "stances[0].cites[0].source",
        "unknown source 'nowhere'",
    ),
    (
        "no-deal-cites-missing-source",
        _set("actors.0.no_deal.cites.0.source", "s9"),
        "actors[0].no_deal.cites[0].source",
        "unknown source 's9'",
    ),
    (
        "citation-without-note",
        _drop("stances.0.cites.0.note"),
        "stances[0].cites[0].note",
        "missing",
    ),
    ("missing-stance-of-veto-actor", _drop("stances.4"), "actors[1].veto", "no stance on 'pows'"),
    (
        "issue-nobody-cares-about",
        lambda d: [s.update(salience=0) for s in d["stances"] if s["issue"] == "pows"],
        "issues[1].id",
        "no stance with positive",
    ),
    (
        "second-stance",
        _append("stances", {"actor": "TR", "issue": "nato", "position": 1, "salience": 0.1}),
        "stances[5]",
        "second stance of 'TR' on 'nato'",
    ),
    (
        "capability-text",
        _set("actors.0.capability", "strong"),
        "actors[0].capability",
        "valid number",
    ),
    (
        "capability-negative",
        _set("actors.1.capability", -1),
        "actors[1].capability",
        "greater than",
    ),
    ("at-table-text", _set("actors.0.at_table", "yes"), "actors[0].at_table", "valid boolean"),
    ("position-as-string", _set("stances.1.position", "10"), "stances[1].position", "valid number"),
    ("unknown-field", _set("stances.1.salince", 0.3), "stances[1].salince", "unknown field"),
    (
        "missing-position",
        _drop("stances.2.position"),
        "stances[2].position",
        "required field is missing",
    ),
    ("missing-title", _drop("title"), "title", "required field is missing"),
    ("bad-id", _set("actors.2.id", "Turkey Republic"), "actors[2].id", "should match pattern"),
    ("unknown-kind", _set("actors.2.kind", "referee"), "actors[2].kind", "'belligerent'"),
    ("unknown-track", _set("issues.1.track", "sports"), "issues[1].track", "'ceasefire'"),
    ("bad-date", _set("sources.0.date", "16 May 2025"), "sources[0].date", "valid date"),
    (
        "no-deal-utility-high",
        _set("actors.1.no_deal", {"utility": 2}),
        "actors[1].no_deal.utility",
        "less",
    ),
    (
        "option-utility-not-an-option",
        _set("stances.4.option_utilities", {0: 0.0, 55: 0.5}),
        "stances[4].option_utilities",
        "55 is not an option value",
    ),
    ("stances-not-a-list", _set("stances", {"RU": 1}), "stances", "valid list"),
    ("no-actors", _set("actors", []), "actors", "at least 1"),
    ("schema-version", _set("schema_version", 7), "schema_version", "1"),
]


def _write(tmp_path: Path, doc: Doc) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def _line_of(text: str, line: int) -> str:
    return text.splitlines()[line - 1]


def test_base_document_is_valid(tmp_path: Path) -> None:
    sc = load_scenario(_write(tmp_path, base()))
    assert [a.id for a in sc.actors] == ["RU", "UA", "TR"]
    assert sc.stance("UA", "nato") is not None
    assert sc.stance("UA", "nato").uncertainty.position == 10  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("mutate", "field", "words"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_malformed_document_names_field(
    tmp_path: Path, mutate: Callable[[Doc], None], field: str, words: str
) -> None:
    doc = base()
    mutate(doc)
    path = _write(tmp_path, doc)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    problem = info.value.problems[0]
    message = str(info.value)
    assert message.startswith(f"{path}:"), message
    assert f": {field}: " in message, message
    assert words in message, message
    assert problem.line is not None, message
    # the line points into the part of the document the field belongs to
    first_part = field.split(".")[0].split("[")[0]
    text = path.read_text()
    heads = [k for k, ln in enumerate(text.splitlines(), 1) if ln.startswith(first_part + ":")]
    if heads:  # a missing top-level field has no line of its own
        assert problem.line >= heads[0], (problem.line, heads[0])


def test_line_number_is_exact(tmp_path: Path) -> None:
    doc = base()
    doc["stances"][2]["salience"] = 3
    path = _write(tmp_path, doc)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    line = info.value.problems[0].line
    assert line is not None
    assert _line_of(path.read_text(), line).strip() == "salience: 3"


def test_every_problem_is_reported(tmp_path: Path) -> None:
    doc = base()
    doc["stances"][0]["actor"] = "XX"
    doc["stances"][1]["issue"] = "YY"
    with pytest.raises(ScenarioError) as info:
        load_scenario(_write(tmp_path, doc))
    fields = [p.loc for p in info.value.problems]
    assert ("stances", 0, "actor") in fields
    assert ("stances", 1, "issue") in fields
    assert "(and " in str(info.value)


# --- files that are not scenario documents at all -------------------------------------------
RAW_CASES = [
    ("empty", b"", "file is empty"),
    ("whitespace", b"  \n\n", "file is empty"),
    ("yaml-syntax", b"id: x\ntitle: [unclosed\nactors: 1\n", "not valid YAML"),
    ("top-level-list", b"- 1\n- 2\n", "expected a mapping"),
    ("top-level-scalar", b"hello\n", "expected a mapping"),
    ("binary", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("not-utf8", b"id: caf\xe9\ntitle: t\n", "not UTF-8"),
    ("duplicate-key", b"id: a\nid: b\ntitle: t\n", "duplicate key"),
]


@pytest.mark.parametrize(
    ("content", "words"), [c[1:] for c in RAW_CASES], ids=[c[0] for c in RAW_CASES]
)
def test_unreadable_content(tmp_path: Path, content: bytes, words: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(content)
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert str(info.value).startswith(str(path)), str(info.value)
    assert words in str(info.value)


def test_yaml_syntax_error_has_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: x\ntitle: ok\nactors:\n  - {id: a, name: [\n")
    with pytest.raises(ScenarioError) as info:
        load_scenario(path)
    assert info.value.problems[0].line is not None
    assert info.value.problems[0].line >= 4


def test_missing_path_and_directory(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario(tmp_path / "nope.yaml")
    with pytest.raises(ScenarioError, match=r"\(folder\): no GENIUS domain file"):
        load_scenario(str(tmp_path) + "/")  # a folder is read as a GENIUS domain


def test_unknown_builtin_name() -> None:
    with pytest.raises(ScenarioError, match="no such file"):
        load_scenario("no-such-scenario")


# --- the command line: one line on stderr, exit code 2, no traceback -------------------------
@pytest.mark.parametrize("command", ["forecast", "show", "export", "validate"])
def test_cli_bad_input_exits_2_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    doc = base()
    doc["stances"][1]["position"] = 130
    path = _write(tmp_path, doc)
    with pytest.raises(SystemExit) as info:
        main([command, str(path)])
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1, err
    assert str(path) in err[0] and "stances[1].position" in err[0]
    assert "Traceback" not in err[0]


def test_cli_valid_file_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, base())
    with pytest.raises(SystemExit) as info:
        main(["validate", str(path)])
    assert info.value.code == 0
    assert "ok (3 actors, 2 issues, 5 stances)" in capsys.readouterr().out


def test_init_does_not_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "mine.yaml"
    target.write_text("precious")
    name = _any_builtin()
    with pytest.raises(SystemExit) as info:
        main(["init", name, "--to", str(target)])
    assert info.value.code == 2
    assert target.read_text() == "precious"
    assert "file exists" in capsys.readouterr().err


def _any_builtin() -> str:
    from pourparler.scenario.builtin import builtin_names

    names = builtin_names()
    if not names:
        pytest.skip("no built-in scenario yet")
    return names[0]
