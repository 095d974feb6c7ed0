"""Built-in scenarios shipped with pourparler (YAML files in this folder)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from pourparler.scenario.errors import Problem, ScenarioError

SUFFIX = ".yaml"


def builtin_names() -> list[str]:
    """Names of the built-in scenarios, sorted."""
    folder = resources.files(__name__)
    return sorted(p.name[: -len(SUFFIX)] for p in folder.iterdir() if p.name.endswith(SUFFIX))


def builtin_path(name: str) -> Path:
    """Path of the built-in scenario ``name``; :class:`ScenarioError` when there is none."""
    path = Path(str(resources.files(__name__).joinpath(name + SUFFIX)))
    if not path.is_file():
        known = ", ".join(builtin_names()) or "none"
        raise ScenarioError(
            [Problem((), f"no built-in scenario {name!r} (built-in: {known})", file=name)]
        )
    return path
