"""Turn what a user types (a built-in name, a file or a folder path) into a scenario, whatever
the format."""

from __future__ import annotations

from pathlib import Path

from pourparler.scenario.errors import Problem, ScenarioError
from pourparler.scenario.model import Scenario

DEFAULT_SCENARIO = "istanbul-2025"
DECIDE_TAGS = {"#A", "#P", "#M", "#D", "#/", "#O"}


def detect_format(path: Path, text: str) -> str:
    """``"yaml"``, ``"decide"``, ``"bdm-csv"`` or ``"genius"``, from the content of the first
    line (and the file name's suffix)."""
    lines = text.lstrip().splitlines()
    first = lines[0].strip() if lines else ""
    if first.startswith("<") or path.suffix.lower() == ".xml":
        return "genius"
    tag = first.split("\t", 1)[0].split(";", 1)[0].strip().strip("'\"")
    if tag in DECIDE_TAGS or first.startswith("'#"):  # a quoted record tag, known or not
        return "decide"
    header = {c.strip().strip('"').lower() for c in first.replace(";", ",").split(",")}
    if "actor" in header or path.suffix.lower() in {".csv", ".tsv"}:
        return "bdm-csv"
    return "yaml"


def _exists(path: Path, spec: str | Path) -> bool:
    try:
        return path.exists()
    except (OSError, ValueError) as exc:  # a name too long, or with a NUL byte
        reason = getattr(exc, "strerror", None) or "not a usable file name"
        raise ScenarioError([Problem((), reason, file=str(spec))]) from None


def load_scenario(spec: str | Path | None = None) -> Scenario:
    """Load a built-in scenario by name; a YAML, Decide or BDM CSV file by path; or a GENIUS
    domain (a folder holding the domain and its utility profiles, or the domain ``.xml`` file,
    its profiles read from its folder).

    Raises :class:`ScenarioError` whose message names the file, line and field at fault.
    """
    from pourparler.scenario.builtin import builtin_names, builtin_path
    from pourparler.scenario.yaml_io import load_yaml_scenario, parse_yaml, read_text

    spec = DEFAULT_SCENARIO if spec is None else spec
    if isinstance(spec, str) and not spec:  # Path("") is the current folder
        raise ScenarioError(
            [
                Problem(
                    (),
                    "empty: expected a built-in scenario name "
                    f"({', '.join(builtin_names())}) or a file",
                    file="''",
                )
            ]
        )
    path = Path(spec)
    exists = _exists(path, spec)
    if isinstance(spec, str) and not exists and spec in builtin_names():
        return load_yaml_scenario(builtin_path(spec))
    if not exists:
        hint = f" and is not a built-in scenario ({', '.join(builtin_names())})"
        raise ScenarioError([Problem((), "no such file" + hint, file=str(spec))])
    if path.is_dir():
        from pourparler.deals.genius import scenario_from_genius

        return scenario_from_genius(path)
    text = read_text(path)
    fmt = detect_format(path, text)
    if fmt == "genius":
        from pourparler.deals.genius import scenario_from_genius

        return scenario_from_genius(path)
    if fmt == "decide":
        from pourparler.scenario.interop_decide import scenario_from_decide

        return scenario_from_decide(text, str(path))
    if fmt == "bdm-csv":
        from pourparler.scenario.interop_bdm import scenario_from_bdm_csv

        return scenario_from_bdm_csv(text, str(path))
    from pourparler.scenario.yaml_io import scenario_from_data

    data, lines = parse_yaml(text, str(path))
    return scenario_from_data(data, str(path), lines)
