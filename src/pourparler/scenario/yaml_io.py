"""Read and write scenario documents as YAML, keeping line numbers for error messages.

Hostile input is bounded before it costs anything: files over :data:`MAX_BYTES`, documents of
more than :data:`MAX_NODES` values or nested deeper than :data:`MAX_DEPTH`, aliases that would
expand the document by more than :data:`MAX_ALIAS_NODES` values (a "billion laughs" file) and
values YAML cannot build (``2025-02-30``, ``!!float abc``, an integer of thousands of digits) are
reported as a :class:`ScenarioError` naming the file, line and field.
"""

from __future__ import annotations

import reprlib
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pourparler.files import UnreadableFile, read_regular_file
from pourparler.scenario.errors import Loc, Problem, ScenarioError
from pourparler.scenario.model import Scenario

try:  # the C loader is much faster; fall back where libyaml is missing
    from yaml import CSafeDumper as _Dumper
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]

MAX_BYTES = 5_000_000
MAX_NODES = 200_000
MAX_DEPTH = 64
MAX_ALIAS_NODES = 100_000
MAX_INT_BITS = 1100  # beyond any float; longer integers are refused, not converted
_PYDANTIC_TAGS = {"float", "int", "str", "bool", "list", "dict", "tuple", "none"}
_TAG = "tag:yaml.org,2002:"
_WHAT = {"int": "integer", "float": "number", "timestamp": "date", "bool": "boolean"}
_short = reprlib.Repr()
_short.maxstring = 40
_short.maxother = 40
_short.maxlist = _short.maxdict = _short.maxtuple = _short.maxset = 4
_short.maxlevel = 2


class _BadValue(Exception):
    """A YAML node whose value cannot be built; ``reason`` says why."""

    def __init__(self, node: yaml.Node, reason: str):
        super().__init__(reason)
        self.node = node
        self.reason = reason


class _Loader(_BaseLoader):
    """The safe loader, reporting the node whose value cannot be built."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (_BadValue, MemoryError):
            raise
        except yaml.MarkedYAMLError as exc:
            raise _BadValue(node, exc.problem or str(exc)) from None
        except Exception as exc:  # any other failure to build a value is a bad value
            raise _BadValue(node, _reason(node, exc)) from None

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        digits = str(node.value).replace("_", "")
        if len(digits) > MAX_INT_BITS:  # before Python's own conversion limit says it worse
            raise ValueError("integer too large")
        value: int = super().construct_yaml_int(node)
        if value.bit_length() > MAX_INT_BITS:
            raise ValueError("integer too large")
        return value


_Loader.add_constructor(_TAG + "int", _Loader.construct_yaml_int)


def _reason(node: yaml.Node, exc: Exception) -> str:
    tag = str(node.tag).removeprefix(_TAG)
    shown = _short.repr(node.value) if isinstance(node, yaml.ScalarNode) else ""
    if str(exc) == "integer too large":
        return f"integer too large: {shown} ({len(str(node.value)):,} characters)"
    what = _WHAT.get(tag)
    if what is not None:
        detail = f" ({exc})" if tag == "timestamp" and type(exc) is ValueError else ""
        return f"not a valid {what}: {shown}{detail}"
    return f"cannot read value tagged !!{tag}: {exc}"


def read_text(path: Path) -> str:
    """The file's text, or a :class:`ScenarioError` naming the file and what is wrong."""
    name = str(path)
    try:
        raw = read_regular_file(path, MAX_BYTES)
    except UnreadableFile as exc:
        raise ScenarioError([Problem((), str(exc), file=name)]) from None
    return decode_text(raw, name)


def decode_text(raw: bytes, name: str) -> str:
    """``raw`` as UTF-8 text (a byte-order mark dropped), or a :class:`ScenarioError` naming
    ``name``: binary, not UTF-8, or empty."""
    if b"\x00" in raw:
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
    _check_events(text, file)
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            raise ScenarioError([Problem((), "file is empty", file=file)])
        _check_aliases(node, file)
        lines: dict[Loc, int] = {}
        where: dict[int, Loc] = {}
        duplicates: list[Problem] = []
        _index(loader, node, (), lines, where, duplicates, file)
        if duplicates:
            raise ScenarioError(duplicates)
        try:
            data = loader.construct_document(node)
        except _BadValue as exc:
            loc = where.get(id(exc.node), ())
            line = exc.node.start_mark.line + 1
            raise ScenarioError([Problem(loc, exc.reason, file=file, line=line)]) from None
    except yaml.MarkedYAMLError as exc:
        raise _yaml_problem(exc, file) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem((), f"not valid YAML: {exc}", file=file)]) from None
    finally:
        loader.dispose()
    return data, lines


def _yaml_problem(exc: yaml.MarkedYAMLError, file: str) -> ScenarioError:
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    what = exc.problem or "invalid YAML"
    return ScenarioError([Problem((), f"not valid YAML: {what}", file=file, line=line)])


def _check_events(text: str, file: str) -> None:
    """Refuse documents with too many values or too deep a nesting, before building any."""
    scanner = _Loader(text)
    nodes = depth = 0
    try:
        while scanner.check_event():
            event = scanner.get_event()
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    raise _at(event, f"nested more than {MAX_DEPTH} levels deep", file)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
            if isinstance(event, yaml.NodeEvent):
                nodes += 1
                if nodes > MAX_NODES:
                    raise _at(event, f"too many values (more than {MAX_NODES:,})", file)
    except yaml.MarkedYAMLError as exc:
        raise _yaml_problem(exc, file) from None
    except yaml.YAMLError as exc:
        raise ScenarioError([Problem((), f"not valid YAML: {exc}", file=file)]) from None
    finally:
        scanner.dispose()


def _line(event: yaml.Event) -> int | None:
    return event.start_mark.line + 1 if event.start_mark is not None else None


def _at(event: yaml.Event, message: str, file: str) -> ScenarioError:
    """A problem with the whole document, located at ``event``'s line."""
    return ScenarioError([Problem((), message, file=file, line=_line(event))])


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.MappingNode):
        return [part for pair in node.value for part in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _check_aliases(root: yaml.Node, file: str) -> None:
    """Refuse aliases that make a node contain itself or that expand the document by more than
    :data:`MAX_ALIAS_NODES` values."""
    cap = MAX_NODES + MAX_ALIAS_NODES + 1
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            open_nodes.discard(key)
            size[key] = min(cap, 1 + sum(size[id(c)] for c in _children(node)))
            continue
        if key in size:
            continue
        open_nodes.add(key)
        stack.append((node, True))
        for child in _children(node):
            if id(child) in open_nodes:
                raise ScenarioError(
                    [
                        Problem(
                            (),
                            "an alias refers to a node that contains it (a recursive document)",
                            file=file,
                            line=child.start_mark.line + 1,
                        )
                    ]
                )
            if id(child) not in size:
                stack.append((child, False))
    if size[id(root)] > len(size) + MAX_ALIAS_NODES:
        raise ScenarioError(
            [
                Problem(
                    (),
                    f"aliases (*name) expand the document by more than {MAX_ALIAS_NODES:,} values",
                    file=file,
                )
            ]
        )


def _index(
    loader: _Loader,
    node: yaml.Node,
    loc: Loc,
    lines: dict[Loc, int],
    where: dict[int, Loc],
    dups: list[Problem],
    file: str,
) -> None:
    """Record the line of each field path and the first path of each node (aliases are not
    followed: what they point to is indexed once, where it is defined)."""
    lines.setdefault(loc, node.start_mark.line + 1)
    if id(node) in where:
        return
    where[id(node)] = loc
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, tuple[str, int]] = {}
        for key, value in node.value:
            name = str(key.value) if isinstance(key, yaml.ScalarNode) else "(key)"
            line = key.start_mark.line + 1
            same = _key_identity(loader, key)
            if same in seen:
                first, first_line = seen[same]
                note = f" (the same key as {first!r} on line {first_line})"
                if first == name:
                    note = "" if first_line == line else f" (first on line {first_line})"
                dups.append(Problem((*loc, name), f"duplicate key{note}", file=file, line=line))
            else:
                seen[same] = (name, line)
            where.setdefault(id(key), (*loc, name))
            lines[(*loc, name)] = line
            _index(loader, value, (*loc, name), lines, where, dups, file)
    elif isinstance(node, yaml.SequenceNode):
        for k, item in enumerate(node.value):
            _index(loader, item, (*loc, k), lines, where, dups, file)


def _key_identity(loader: _Loader, key: yaml.Node) -> Any:
    """What a key becomes in the loaded mapping: ``25``, ``25.0`` and ``0x19`` are one key."""
    if not isinstance(key, yaml.ScalarNode) or key.tag == _TAG + "str":
        return ("text", str(key.value))
    try:
        value = loader.construct_object(key)
        hash(value)
    except (_BadValue, TypeError):
        return ("text", str(key.value))
    return value


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
    except RecursionError:
        raise ScenarioError([Problem((), "nested too deeply", file=file)]) from None


def _problem_from_pydantic(err: Any) -> Problem:
    loc: Loc = tuple(
        part if isinstance(part, int) else _short.repr(part) if not isinstance(part, str) else part
        for part in err["loc"]
        if isinstance(part, int)
        or not isinstance(part, str)
        or not (
            "[" in part or "(" in part or part in _PYDANTIC_TAGS or part.startswith("function-")
        )
    )
    msg = err["msg"]
    if err["type"] == "extra_forbidden":
        msg = "unknown field (not part of the scenario schema)"
    elif err["type"] == "missing":
        msg = "required field is missing"
    elif err["type"] == "value_error":
        msg = msg.removeprefix("Value error, ")
    elif "input" in err and err["type"] not in {"missing"}:
        msg = f"{msg} (got {_short.repr(err['input'])})"
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
