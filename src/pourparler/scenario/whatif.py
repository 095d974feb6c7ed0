"""What-if changes: a scenario with one value set, an actor dropped, seated or unseated, without
editing its file.

A :class:`Change` is parsed from the text of a command-line option (``--set RU.nato.position=50``,
``--drop CN``, ``--seat EU``, ``--unseat TR``) and :func:`apply_changes` applies a list of them to
the scenario's document. The changed document is validated exactly as a file is (the pydantic
model, then the cross-field checks of :mod:`pourparler.scenario.checks`), so a what-if scenario is
the scenario one gets by making the same edits in the file, with the same digest. Its id is kept;
:func:`applied_changes` says which changes made it (results record them in their provenance).

Paths of ``--set`` (ids are the scenario's actor and issue ids; field names those of the file):

- ``ACTOR.ISSUE.FIELD``: a stance (``position``, ``salience``, ``red_line`` as ``LOW,HIGH`` or
  ``none``, ``uncertainty.position``, ``uncertainty.salience``);
- ``ACTOR.FIELD``: an actor (``capability``, ``veto``, ``at_table``, ``no_deal.utility``, ...);
- ``ISSUE.FIELD``: an issue (``status_quo``, ``name``, ...);
- ``SECTION.FIELD``: a scalar field of a top-level section such as ``battlefield`` or ``talks``
  (nested sections by more dots, ``talks.durability.baseline_monthly_hazard``; a mapping's entry
  by its key, ``talks.durability.coefficients.pko``).

The changes apply in a fixed order whatever their order on the command line: every ``--set``,
then ``--seat`` and ``--unseat``, then ``--drop``. An actor cannot be both dropped and changed.
"""

from __future__ import annotations

import types
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from pourparler.errors import InputError
from pourparler.scenario.attached import Attached
from pourparler.scenario.errors import ScenarioError, format_loc
from pourparler.scenario.model import Actor, Issue, Scenario, Stance

ChangeKind = Literal["set", "seat", "unseat", "drop"]
KINDS: tuple[ChangeKind, ...] = ("set", "seat", "unseat", "drop")
NONE_WORDS = frozenset({"none", "null"})
TRUE_WORDS = frozenset({"true", "yes", "on", "1"})
FALSE_WORDS = frozenset({"false", "no", "off", "0"})
FIXED_FIELDS = frozenset({"id", "actor", "issue", "schema_version"})


@dataclass(frozen=True)
class Change:
    """One what-if change: ``set`` a value at ``target`` (a path) to ``value`` (its text, as
    typed), or ``seat``, ``unseat`` or ``drop`` the actor ``target``."""

    kind: ChangeKind
    target: str
    value: str | None = None

    @classmethod
    def parse(cls, kind: ChangeKind, text: str) -> Change:
        """The change an option's text asks for (``PATH=VALUE`` for ``set``, an actor id
        otherwise). Raises :class:`InputError` naming the option when the text is malformed."""
        if kind not in KINDS:
            raise ValueError(f"unknown kind of change {kind!r}")
        text = text.strip()
        if kind == "set":
            path, eq, value = text.partition("=")
            path, value = path.strip(), value.strip()
            if not eq or not path:
                raise InputError(f"--set {text}: expected PATH=VALUE, e.g. RU.nato.position=50")
            if not value:
                raise InputError(f"--set {text}: no value after '='")
            return cls("set", path, value)
        if not text:
            raise InputError(f"--{kind}: expected an actor id")
        return cls(kind, text)

    @property
    def option(self) -> str:
        """The change as the option that asks for it: ``--set RU.nato.position=50``."""
        if self.kind == "set":
            return f"--set {self.target}={self.value}"
        return f"--{self.kind} {self.target}"

    def __str__(self) -> str:
        return self.option


def parse_changes(
    set_: Iterable[str] = (),
    drop: Iterable[str] = (),
    seat: Iterable[str] = (),
    unseat: Iterable[str] = (),
) -> tuple[Change, ...]:
    """The changes the options' texts ask for, in the order they apply (sets, seats, unseats,
    drops)."""
    changes = [Change.parse("set", t) for t in set_]
    changes += [Change.parse("seat", t) for t in seat]
    changes += [Change.parse("unseat", t) for t in unseat]
    changes += [Change.parse("drop", t) for t in drop]
    return tuple(changes)


# -- applying ------------------------------------------------------------------------------

_APPLIED: Attached[tuple[Change, ...]] = Attached(())


def applied_changes(scenario: Scenario) -> tuple[Change, ...]:
    """The changes :func:`apply_changes` made to get ``scenario`` (empty for any other)."""
    return _APPLIED.get(scenario)


def apply_changes(scenario: Scenario, changes: Sequence[Change]) -> Scenario:
    """``scenario`` with ``changes`` applied, validated as a file is. Raises
    :class:`InputError` naming the option at fault (``--set RU.nato.position=150: position must
    be between 0 and 100``) for a bad path, a bad value or a document the checks reject."""
    if not changes:
        return scenario
    order = sorted(changes, key=lambda c: KINDS.index(c.kind))
    _check_conflicts(order)
    data = scenario.model_dump(mode="python", exclude_unset=True)
    owners: dict[int, list[Change]] = {}  # an entry of the document -> the changes made to it
    for change in order:
        if change.kind == "set":
            container = _apply_set(scenario, data, change)
            owners.setdefault(id(container), []).append(change)
        elif change.kind in ("seat", "unseat"):
            actor = _actor_data(scenario, data, change)
            actor["at_table"] = change.kind == "seat"
            owners.setdefault(id(actor), []).append(change)
        else:
            _apply_drop(scenario, data, change)
    try:
        changed = Scenario.model_validate(data)
    except ValidationError as exc:
        err = exc.errors(include_url=False)[0]
        culprit, _ = _owner(data, err["loc"], owners, order)
        message = _pydantic_message(err, _written(culprit, err))
        raise InputError(f"{_options(culprit)}: {message}") from None
    except ScenarioError as exc:
        problem = exc.problems[0]
        culprit, found = _owner(data, problem.loc, owners, order)
        where = "" if found else f"{format_loc(problem.loc)}: "
        raise InputError(f"{_options(culprit)}: {where}{problem.message}") from None
    _APPLIED.set(changed, applied_changes(scenario) + tuple(order))
    return changed


def _check_conflicts(changes: Sequence[Change]) -> None:
    dropped = {c.target: c for c in changes if c.kind == "drop"}
    seated: dict[str, Change] = {}
    paths: dict[str, Change] = {}
    for c in changes:
        if c.kind == "set":
            other = paths.setdefault(c.target, c)
            if other is not c:
                raise InputError(
                    f"--set {c.target}: the path is given twice ({other.option}, {c.option}); "
                    "give it once"
                )
        if c.kind in ("seat", "unseat"):
            other = seated.setdefault(c.target, c)
            if other.kind != c.kind:
                raise InputError(f"{c.option}: conflicts with {other.option}")
        if c.kind != "drop":
            head = c.target.split(".", 1)[0] if c.kind == "set" else c.target
            for actor, drop in dropped.items():
                if head == actor or c.target.startswith(actor + "."):
                    raise InputError(f"{drop.option}: the actor is also changed by {c.option}")


def _options(changes: Sequence[Change]) -> str:
    return ", ".join(c.option for c in changes)


def _owner(
    data: dict[str, Any],
    loc: Sequence[Any],
    owners: dict[int, list[Change]],
    order: Sequence[Change],
) -> tuple[Sequence[Change], bool]:
    """The changes made to the entry (actor, stance, issue, section) that holds the problem at
    ``loc``, and True; else the drops (which remove what other parts rely on) or, without any,
    every change, and False."""
    node: Any = data
    for part in loc:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            break
        if id(node) in owners:
            return owners[id(node)], True
    drops = [c for c in order if c.kind == "drop"]
    return drops or order, False


def _actor_data(scenario: Scenario, data: dict[str, Any], change: Change) -> dict[str, Any]:
    for k, actor in enumerate(scenario.actors):
        if actor.id == change.target:
            entry: dict[str, Any] = data["actors"][k]
            return entry
    raise InputError(f"{change.option}: unknown actor {change.target!r} ({_ids(scenario.actors)})")


def _apply_drop(scenario: Scenario, data: dict[str, Any], change: Change) -> None:
    actor_id = change.target
    if all(a["id"] != actor_id for a in data["actors"]):
        if any(a.id == actor_id for a in scenario.actors):
            return  # dropped twice
        _actor_data(scenario, data, change)  # raises: unknown actor
    for name, section in _sections(scenario):
        for field, value in section:
            if isinstance(value, str) and value == actor_id:
                raise InputError(
                    f"{change.option}: the {name} section names {actor_id} ({name}.{field}); "
                    "an actor it names cannot be dropped"
                )
    data["actors"] = [a for a in data["actors"] if a["id"] != actor_id]
    data["stances"] = [s for s in data["stances"] if s["actor"] != actor_id]


def _sections(scenario: Scenario) -> list[tuple[str, BaseModel]]:
    """The top-level sections that are one model (not lists): ``battlefield``, ``talks``."""
    out = []
    for name, info in type(scenario).model_fields.items():
        if _model_class(info.annotation) is not None:
            value = getattr(scenario, name)
            if isinstance(value, BaseModel):
                out.append((name, value))
    return out


def _apply_set(scenario: Scenario, data: dict[str, Any], change: Change) -> dict[str, Any]:
    """Set the value ``change`` names; return the top-level entry (actor, stance, issue or
    section) holding it."""
    path = change.target
    actor_ids = [a.id for a in scenario.actors]
    issue_ids = [i.id for i in scenario.issues]
    section_names = [name for name, _ in _sections(scenario)]
    optional_sections = [
        name
        for name, info in type(scenario).model_fields.items()
        if _model_class(info.annotation) is not None and name not in section_names
    ]
    head, rest = _take(path, actor_ids + issue_ids + section_names + optional_sections)
    if head is None or not rest:
        known = f"actors: {', '.join(actor_ids)}; issues: {', '.join(issue_ids)}" + (
            f"; sections: {', '.join(section_names + optional_sections)}"
        )
        what = "no field after the id" if head is not None else "no actor, issue or section"
        raise InputError(f"{change.option}: {what} ({known})")
    top: dict[str, Any]
    obj: BaseModel
    if head in actor_ids:
        issue, field_path = _take(rest, issue_ids)
        k = actor_ids.index(head)
        if issue is not None and field_path:
            stance = scenario.stance(head, issue)
            if stance is None:
                raise InputError(
                    f"{change.option}: {head} has no stance on {issue} (add one to the file)"
                )
            j = next(
                j
                for j, s in enumerate(data["stances"])
                if (s["actor"], s["issue"]) == (head, issue)
            )
            top, obj, rest = data["stances"][j], stance, field_path
        elif head in issue_ids:
            raise InputError(f"{change.option}: {head} is both an actor and an issue")
        elif "." in rest and rest.split(".", 1)[0] not in Actor.model_fields:
            raise InputError(
                f"{change.option}: unknown issue {rest.split('.', 1)[0]!r} "
                f"({_ids(scenario.issues)})"
            )
        else:
            top, obj = data["actors"][k], scenario.actors[k]
    elif head in issue_ids:
        k = issue_ids.index(head)
        top, obj = data["issues"][k], scenario.issues[k]
    elif head in optional_sections:
        raise InputError(f"{change.option}: the scenario has no {head} section")
    else:
        top, obj = data.setdefault(head, {}), getattr(scenario, head)
    _set_field(top, obj, rest.split("."), change)
    return top


def _take(path: str, ids: Sequence[str]) -> tuple[str | None, str]:
    """The longest id that ``path`` starts with (ids may hold dots), and what follows it."""
    best = None
    for name in ids:
        if (path == name or path.startswith(name + ".")) and (
            best is None or len(name) > len(best)
        ):
            best = name
    if best is None:
        return None, path
    return best, path[len(best) + 1 :]


def _set_field(node: dict[str, Any], obj: BaseModel, parts: list[str], change: Change) -> None:
    name = parts[0]
    fields = type(obj).model_fields
    what = _kind_name(obj)
    settable = [f for f in fields if f not in FIXED_FIELDS and f != "cites"]
    if name not in fields or name == "cites":
        raise InputError(
            f"{change.option}: {what} has no field {name!r} (fields: {', '.join(settable)})"
        )
    if name in FIXED_FIELDS:
        raise InputError(f"{change.option}: {name} of {what} cannot be changed")
    info = fields[name]
    sub_class = _model_class(info.annotation)
    if sub_class is not None:
        if len(parts) == 1:
            sub = [f for f in sub_class.model_fields if f != "cites"]
            raise InputError(
                f"{change.option}: {name} is a section; set one of its fields "
                f"({', '.join(f'{name}.{f}' for f in sub)})"
            )
        value = getattr(obj, name)
        if value is None:
            raise InputError(f"{change.option}: {what} has no {name} section")
        child = node.get(name)
        if not isinstance(child, dict):
            child = node[name] = {}
        _set_field(child, value, parts[1:], change)
        return
    origin = get_origin(info.annotation)
    if origin is dict:
        key_type, value_type = get_args(info.annotation)
        if len(parts) != 2:
            raise InputError(f"{change.option}: name one entry of {name} ({name}.KEY=VALUE)")
        entries = dict(node.get(name, getattr(obj, name)))
        key = _parse(parts[1], key_type)
        if change.value is not None and change.value.lower() in NONE_WORDS:
            entries.pop(key, None)
        else:
            entries[key] = _parse(change.value or "", value_type)
        node[name] = entries
        return
    if len(parts) > 1:
        raise InputError(f"{change.option}: {name} of {what} has no field {parts[1]!r}")
    if origin in (list, set, frozenset) or _is_list(info.annotation):
        raise InputError(f"{change.option}: {name} is a list; edit it in the file")
    node[name] = _parse(change.value or "", info.annotation)


def _kind_name(obj: BaseModel) -> str:
    if isinstance(obj, Actor):
        return f"actor {obj.id}"
    if isinstance(obj, Issue):
        return f"issue {obj.id}"
    if isinstance(obj, Stance):
        return f"the stance of {obj.actor} on {obj.issue}"
    return f"section {type(obj).__name__}"


def _model_class(annotation: Any) -> type[BaseModel] | None:
    """The model class of a field typed ``Model`` or ``Model | None``."""
    for arg in (annotation, *_union_args(annotation)):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            return arg
    return None


def _union_args(annotation: Any) -> tuple[Any, ...]:
    if get_origin(annotation) in (Union, types.UnionType):
        return get_args(annotation)
    return ()


def _is_list(annotation: Any) -> bool:
    return any(get_origin(a) in (list, set, frozenset) for a in _union_args(annotation))


def _parse(text: str, annotation: Any) -> Any:
    """The text of a value as the type the field expects, where it can be read as one; what
    cannot is passed on as text, for the model to reject with its own message."""
    args = tuple(_bare(a) for a in _union_args(annotation) or (annotation,))
    if type(None) in args and text.lower() in NONE_WORDS:
        return None
    kinds = [a for a in args if a is not type(None)]
    base = kinds[0] if len(kinds) == 1 else None
    if get_origin(base) is tuple:
        return [_number(part.strip()) for part in text.split(",")]
    if base is bool:
        low = text.lower()
        return True if low in TRUE_WORDS else False if low in FALSE_WORDS else text
    if base in (int, float):
        return _number(text)
    return text


def _bare(annotation: Any) -> Any:
    """``T`` of ``Annotated[T, ...]``; any other annotation as it is."""
    return get_args(annotation)[0] if get_origin(annotation) is Annotated else annotation


def _number(text: str) -> Any:
    """``text`` as an int or a float where it is written as one in ASCII digits (as a
    scenario file writes numbers: Python would also read "٥٠" as 50); else the text."""
    if not text.isascii():
        return text
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            continue
    return text


def _ids(items: Sequence[Any]) -> str:
    return "known: " + ", ".join(item.id for item in items)


# -- messages ------------------------------------------------------------------------------

_BOUNDS = {"ge": ">=", "gt": ">", "le": "<=", "lt": "<"}


def _written(culprit: Sequence[Change], err: Any) -> str | None:
    """The value as the option typed it, when the error is about the one ``--set`` among
    ``culprit`` that set its field to a number; else None."""
    sets = [c for c in culprit if c.kind == "set" and c.value is not None]
    loc = [part for part in err["loc"] if isinstance(part, str)]
    if len(sets) != 1 or not loc:
        return None
    change = sets[0]
    assert change.value is not None
    got = err.get("input")
    if change.target.rsplit(".", 1)[-1] != loc[-1] or isinstance(got, bool):
        return None
    if not isinstance(got, int | float) or _number(change.value) != got:
        return None
    return change.value


def _got(got: Any, written: str | None) -> str:
    """The value a message shows: as the option typed it, with the number it reads as when
    that differs (``0.999999999999999999, read as 1``); else its repr."""
    if written is None:
        return repr(got)
    from decimal import Decimal, InvalidOperation

    from pourparler.scenario.interop_common import shown

    try:
        same = Decimal(written) == Decimal(shown(float(got)))
    except (InvalidOperation, ValueError, OverflowError):
        same = True
    return written if same else f"{written}, read as {shown(float(got))}"


def _pydantic_message(err: Any, written: str | None = None) -> str:
    """One pydantic error as ``FIELD must be between LOW and HIGH`` or ``FIELD: message``;
    ``written``: the value as the option typed it, shown instead of the value read."""
    loc = [part for part in err["loc"] if isinstance(part, str)]
    if len(loc) >= 3 and loc[-1] == "[key]":  # a mapping's key: name the mapping and the key
        return f"{loc[-3]}: {loc[-2]!r}: not a key it takes: {err['msg']}"
    field = loc[-1] if loc else "value"
    got = err.get("input")
    kind = err["type"]
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        low, high = _field_bounds(err)
        if low is not None and high is not None:
            return f"{field} must be between {low:g} and {high:g} (got {_got(got, written)})"
        bound = next(iter(err.get("ctx", {}).items()), None)
        if bound is not None:
            return f"{field} must be {_BOUNDS[bound[0]]} {bound[1]:g} (got {_got(got, written)})"
    if kind == "extra_forbidden":
        return f"{field}: unknown field"
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{field}: {msg} (got {_got(got, written)})" if "input" in err else f"{field}: {msg}"


def _field_bounds(err: Any) -> tuple[float | None, float | None]:
    """The lower and upper bounds of the field at the error's location, looked up on the
    scenario's models."""
    model: Any = Scenario
    metadata: list[Any] = []
    for part in err["loc"]:
        if not isinstance(part, str) or model is None:
            continue
        fields = getattr(model, "model_fields", {})
        info = fields.get(part)
        if info is None:
            continue
        annotation = info.annotation
        metadata = list(info.metadata)
        for arg in (annotation, *_union_args(annotation)):
            if get_origin(arg) is tuple and get_args(arg):
                metadata += [m for a in get_args(get_args(arg)[0])[1:] for m in a.metadata]
        sub = _model_class(annotation)
        if sub is None:
            for arg in _union_args(annotation) or get_args(annotation):
                sub = _model_class(arg)
                if sub is not None:
                    break
        model = sub
    low = high = None
    for m in metadata:
        for attr in ("ge", "gt"):
            if getattr(m, attr, None) is not None:
                low = getattr(m, attr)
        for attr in ("le", "lt"):
            if getattr(m, attr, None) is not None:
                high = getattr(m, attr)
    return low, high


__all__ = [
    "Change",
    "ChangeKind",
    "applied_changes",
    "apply_changes",
    "parse_changes",
]
