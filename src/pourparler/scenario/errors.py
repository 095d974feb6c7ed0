"""Errors raised for invalid scenarios: each names the file, the line, the field and the problem."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from pourparler.errors import InputError

Loc = tuple[str | int, ...]


def format_loc(loc: Loc) -> str:
    """``("stances", 3, "salience")`` -> ``"stances[3].salience"``."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "(document)"


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario document."""

    loc: Loc
    message: str
    file: str | None = None
    line: int | None = None

    def __str__(self) -> str:
        where = self.file or "<scenario>"
        if self.line is not None:
            where += f":{self.line}"
        return f"{where}: {format_loc(self.loc)}: {self.message}"


class ScenarioError(InputError):
    """A scenario could not be read or is invalid. ``problems`` lists every finding, first first."""

    def __init__(self, problems: Sequence[Problem]):
        if not problems:
            raise ValueError("ScenarioError needs at least one problem")
        self.problems = list(problems)
        extra = len(self.problems) - 1
        text = str(self.problems[0])
        if extra:
            text += f" (and {extra} more problem{'s' if extra > 1 else ''})"
        super().__init__(text)

    def with_file(self, file: str, lines: dict[Loc, int] | None = None) -> ScenarioError:
        """The same problems, located in ``file`` (and on its lines when known)."""
        lines = lines or {}
        located = [
            replace(
                p, file=file, line=p.line if p.line is not None else _nearest_line(p.loc, lines)
            )
            for p in self.problems
        ]
        return ScenarioError(located)


def _nearest_line(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for k in range(len(loc), -1, -1):
        line = lines.get(tuple(loc[:k]))
        if line is not None:
            return line
    return None
