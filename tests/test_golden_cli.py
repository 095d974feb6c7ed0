"""The numbers the command line prints for the built-in scenarios do not move unnoticed.

``forecast NAME --json --seed 1`` and ``deals NAME --json`` are compared, number by number (to
1e-9), with the golden files in ``tests/golden/cli``; only the ``version`` field and timing fields
are ignored. When a change of the numbers is intended, rerun
``.venv/bin/python tests/golden/cli/make_golden.py`` and commit the new files with the reason.
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from pourparler.scenario.builtin import builtin_names

GOLDEN = Path(__file__).resolve().parent / "golden" / "cli"
TOLERANCE = 1e-9
REGENERATE = "if the change is intended, rerun `.venv/bin/python tests/golden/cli/make_golden.py`"
TIMING = re.compile(
    r"(^|_)(time|times|timing|timings|elapsed|seconds|duration|wall|runtime)(_s|_ms)?$"
)


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_golden", GOLDEN / "make_golden.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_golden", module)
    spec.loader.exec_module(module)
    return module


make_golden = _load_script()


def ignored(key: str) -> bool:
    """The fields that may differ between runs: the package version and any timing."""
    return key == "version" or bool(TIMING.search(key.lower()))


def differences(want: Any, got: Any, path: str = "$") -> list[str]:
    """Where ``got`` departs from ``want``: numbers beyond the tolerance, anything else unequal."""
    if isinstance(want, dict) and isinstance(got, dict):
        out: list[str] = []
        keys = [k for k in want if not ignored(k)] + [
            k for k in got if k not in want and not ignored(k)
        ]
        for key in keys:
            if key not in got:
                out.append(f"{path}.{key}: missing")
            elif key not in want:
                out.append(f"{path}.{key}: new field")
            else:
                out += differences(want[key], got[key], f"{path}.{key}")
        return out
    if isinstance(want, list) and isinstance(got, list):
        if len(want) != len(got):
            return [f"{path}: {len(got)} items, golden has {len(want)}"]
        out = []
        for k, (a, b) in enumerate(zip(want, got, strict=True)):
            out += differences(a, b, f"{path}[{k}]")
        return out
    if _number(want) and _number(got):
        if math.isclose(want, got, rel_tol=TOLERANCE, abs_tol=TOLERANCE):
            return []
        return [f"{path}: {got!r}, golden {want!r}"]
    if want != got or type(want) is not type(got):
        return [f"{path}: {got!r}, golden {want!r}"]
    return []


def _number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool)


CASES = [(name, command) for name in builtin_names() for command in make_golden.COMMANDS]


@pytest.mark.slow
@pytest.mark.parametrize(("name", "command"), CASES)
def test_cli_output_matches_the_golden_file(name: str, command: str) -> None:
    path = make_golden.golden_path(name, command)
    assert path.is_file(), f"no golden file {path.name}: {REGENERATE}"
    want = json.loads(path.read_text(encoding="utf-8"))
    got = make_golden.run_cli(name, command)
    found = differences(want, got)
    shown = "\n  ".join(found[:15]) + (
        f"\n  … and {len(found) - 15} more" if len(found) > 15 else ""
    )
    assert not found, (
        f"{name} {command}: {len(found)} value(s) moved from {path.name}:\n  {shown}\n{REGENERATE}"
    )


# -- the comparison itself ------------------------------------------------------------------------
def test_a_moved_number_a_missing_field_and_a_changed_label_are_found() -> None:
    want = {"version": "1", "a": [1.0, {"b": 2}], "label": "x", "n": 3}
    assert differences(want, {"version": "2", "a": [1.0, {"b": 2}], "label": "x", "n": 3}) == []
    assert differences(want, {**want, "a": [1.0 + 1e-12, {"b": 2}]}) == []
    assert differences(want, {**want, "a": [1.0 + 1e-6, {"b": 2}]}) == [
        "$.a[0]: 1.000001, golden 1.0"
    ]
    assert differences(want, {**want, "label": "y"}) == ["$.label: 'y', golden 'x'"]
    assert differences(want, {k: v for k, v in want.items() if k != "n"}) == ["$.n: missing"]
    assert differences(want, {**want, "a": [1.0]}) == ["$.a: 1 items, golden has 2"]
    assert differences(want, {**want, "n": True}) == ["$.n: True, golden 3"]


def test_only_version_and_timings_are_ignored() -> None:
    for key in ("version", "seconds", "elapsed_s", "milp_time", "timings", "wall_s"):
        assert ignored(key), key
    for key in ("interval", "scenario_hash", "seed", "size", "milps", "enumerated", "times_x"):
        assert not ignored(key), key
