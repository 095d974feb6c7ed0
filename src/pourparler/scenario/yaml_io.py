"""Read and write scenario documents as YAML, keeping line numbers for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pourparler.scenario.errors import Loc, Problem, ScenarioError
from pourparler.scenario.model import Scenario

try:  # the C loader is much faster; fall back where libyaml is missing
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_BYTES = 20_000_000
_PYDANTIC_TAGS = {"float", "int", "str", "bool", "list", "dict", "tuple", "none"}


def read_text(path: Path) -> str:
    """The file's text, or a :class:`ScenarioError` naming the file and what is wrong."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise ScenarioError(
            [Problem((), "is a directory, not a scenario file", file=name)]
        ) from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise ScenarioError([Problem((), f"cannot read file: {reason}", file=name)]) from None
    if len(raw) > MAX_BYTES:
        raise ScenarioError([Problem((), f"file is too large ({len(raw)} bytes)", file=name)])
    if b"\x00" in raw[:8192]:
        raise ScenarioError([Problem((), "binary file, expected UTF-8 text", file=name)])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ScenarioError(
            [Problem((), f"not UTF-8 text (byte {exc.start} cannot be decoded)", file=name)]
        ) from None
    if not text.strip():
        raise ScenarioError([Problem((), "file is empty", file=name)])
    return text


def parse_yaml(text: str, file: str) -> tuple[Any, dict[Loc, int]]:
    """Parse YAML text into plain data plus a map from field path to 1-based line number."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ScenarioError([Problem((), "file is empty", file=file)])
        lines: dict[Loc, int] = {}
        duplicates: list[Problem] = []
        _index(node, (), lines, duplicates, file)
        if duplicates:
            raise ScenarioError(duplicates)
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        what = exc.problem or "invalid YAML"
        raise ScenarioError(
            [Problem((), f"not valid YAML: {what}", file=file, line=line)]
        ) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem((), f"not valid YAML: {exc}", file=file)]) from None
    finally:
        loader.dispose()
    return data, lines


def _index(
    node: yaml.Node, loc: Loc, lines: dict[Loc, int], dups: list[Problem], file: str
) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = str(key.value)
            if name in seen:
                dups.append(
                    Problem((*loc, name), "duplicate key", file=file, line=key.start_mark.line + 1)
                )
            seen.add(name)
            lines[(*loc, name)] = key.start_mark.line + 1
            _index(value, (*loc, name), lines, dups, file)
    elif isinstance(node, yaml.SequenceNode):
        for k, item in enumerate(node.value):
            _index(item, (*loc, k), lines, dups, file)


def scenario_from_data(
    data: Any, file: str = "<data>", lines: dict[Loc, int] | None = None
) -> Scenario:
    """Validate plain data as a scenario; errors carry ``file`` and, when given, line numbers."""
    if not isinstance(data, dict):
        kind = type(data).__name__ if data is not None else "nothing"
        raise ScenarioError(
            [
                Problem(
                    (), f"expected a mapping of scenario fields at the top, found {kind}", file=file
                )
            ]
        )
    try:
        return Scenario.model_validate(data)
    except ValidationError as exc:
        problems = [_problem_from_pydantic(err) for err in exc.errors(include_url=False)]
        raise ScenarioError(problems).with_file(file, lines) from None
    except ScenarioError as exc:
        raise exc.with_file(file, lines) from None


def _problem_from_pydantic(err: Any) -> Problem:
    loc = tuple(
        part
        for part in err["loc"]
        if isinstance(part, int)
        or not (
            "[" in part or "(" in part or part in _PYDANTIC_TAGS or part.startswith("function-")
        )
    )
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = "unknown field (not part of the scenario schema)"
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif "input" in err and err["type"] not in {"missing"}:
        shown = repr(err["input"])
        if len(shown) > 40:
            shown = shown[:37] + "..."
        msg = f"{msg} (got {shown})"
    return Problem(loc, msg)


def load_yaml_scenario(path: str | Path) -> Scenario:
    """Read a scenario YAML file; raise :class:`ScenarioError` naming file, line and field."""
    p = Path(path)
    text = read_text(p)
    data, lines = parse_yaml(text, str(p))
    return scenario_from_data(data, str(p), lines)


def loads_yaml_scenario(text: str, name: str = "<string>") -> Scenario:
    data, lines = parse_yaml(text, name)
    return scenario_from_data(data, name, lines)


def dump_yaml(scenario: Scenario) -> str:
    """The scenario as YAML text; loading it again gives an equal scenario."""
    header = f"# pourparler scenario {scenario.id!r} (schema version {scenario.schema_version})\n"
    body = yaml.dump(
        scenario.to_data(), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100
    )
    return header + body
