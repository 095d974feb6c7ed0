"""Turn what a user types (a built-in name or a file path) into a scenario, whatever the format."""

from __future__ import annotations

from pathlib import Path

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.model import Scenario

DEFAULT_SCENARIO = "istanbul-2025"
DECIDE_TAGS = {"#A", "#P", "#M", "#D", "#/", "#O"}


def detect_format(path: Path, text: str) -> str:
    """``"yaml"``, ``"decide"`` or ``"bdm-csv"``, from the content of the first line."""
    first = text.lstrip().split("\n", 1)[0].strip()
    tag = first.split("\t", 1)[0].split(";", 1)[0].strip().strip("'\"")
    if tag in DECIDE_TAGS:
        return "decide"
    header = {c.strip().strip('"').lower() for c in first.replace(";", ",").split(",")}
    if "actor" in header or path.suffix.lower() in {".csv", ".tsv"}:
        return "bdm-csv"
    return "yaml"


def load_scenario(spec: str | Path | None = None) -> Scenario:
    """Load a built-in scenario by name, or a YAML, Decide or BDM CSV file by path.

    Raises :class:`ScenarioError` whose message names the file, line and field at fault.
    """
    from pourparler.scenario.builtin import builtin_names, builtin_path
    from pourparler.scenario.yaml_io import load_yaml_scenario, parse_yaml, read_text

    spec = DEFAULT_SCENARIO if spec is None else spec
    path = Path(spec)
    if isinstance(spec, str) and not path.exists() and spec in builtin_names():
        return load_yaml_scenario(builtin_path(spec))
    if not path.exists():
        hint = f" and is not a built-in scenario ({', '.join(builtin_names())})"
        raise ScenarioError([Problem((), "no such file" + hint, file=str(spec))])
    text = read_text(path)
    fmt = detect_format(path, text)
    if fmt == "decide":
        from pourparler.scenario.interop_decide import scenario_from_decide

        return scenario_from_decide(text, str(path))
    if fmt == "bdm-csv":
        from pourparler.scenario.interop_bdm import scenario_from_bdm_csv

        return scenario_from_bdm_csv(text, str(path))
    from pourparler.scenario.yaml_io import scenario_from_data

    data, lines = parse_yaml(text, str(path))
    return scenario_from_data(data, str(path), lines)
