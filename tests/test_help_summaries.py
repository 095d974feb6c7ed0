"""The command lists of ``pourparler --help`` (and of a command group's ``--help``) give each
command a summary wrapped only where the next word does not fit, never at the docstring's own
line breaks, and list every command; ``pourparler CMD --help`` shows the whole help text."""

from __future__ import annotations

import inspect
import re
from itertools import pairwise

import pytest
import typer
from rich.cells import cell_len
from typer.testing import CliRunner

from pourparler.cli.app import build_app, reflow, summary

runner = CliRunner()
ROW = re.compile(r"^│ (\S+)?(\s+)(\S.*?)\s*│$")


def _help(args: list[str], width: int) -> str:
    result = runner.invoke(build_app(), [*args, "--help"], env={"COLUMNS": str(width)})
    assert result.exit_code == 0, result.output
    return result.stdout


def _commands_panel(out: str) -> dict[str, list[tuple[str, int]]]:
    """Each command of the ``Commands`` panel: its summary's lines, each with the width the
    summary column has on that line (up to the panel's right edge)."""
    lines = out.splitlines()
    top = next(k for k, line in enumerate(lines) if line.startswith("╭─ Commands"))
    rows: dict[str, list[tuple[str, int]]] = {}
    name = ""
    for line in lines[top + 1 :]:
        if line.startswith("╰"):
            break
        m = ROW.match(line)
        assert m, f"not a row of the panel: {line!r}"
        start = m.start(3)
        if m.group(1):
            name = m.group(1)
            rows[name] = []
        rows[name].append((m.group(3), cell_len(line) - 2 - cell_len(line[:start])))
    return rows


def _names(app: typer.Typer) -> set[str]:
    return {c.name or "" for c in app.registered_commands} | {
        str(g.name) for g in app.registered_groups
    }


def _early_breaks(panel: dict[str, list[tuple[str, int]]]) -> list[str]:
    """Lines of a summary ended although the next line's first word would have fit on them."""
    early = []
    for name, rows in panel.items():
        for (text, room), (after, _) in pairwise(rows):
            if cell_len(text) + 1 + cell_len(after.split()[0]) <= room:
                early.append(f"{name}: {text!r} / {after!r}")
    return early


@pytest.mark.parametrize("width", [80, 120])
def test_summaries_wrap_only_where_the_next_word_does_not_fit(width: int) -> None:
    app = build_app()
    panel = _commands_panel(_help([], width))
    assert set(panel) == _names(app)
    assert not _early_breaks(panel)
    for info in app.registered_commands:
        said = " ".join(text for text, _ in panel[str(info.name)])
        assert said == summary(inspect.getdoc(info.callback) or "")


@pytest.mark.parametrize("width", [80, 120])
def test_a_group_lists_its_commands_the_same_way(width: int) -> None:
    app = build_app()
    group = next(g for g in app.registered_groups if g.name == "evidence")
    panel = _commands_panel(_help(["evidence"], width))
    assert isinstance(group.typer_instance, typer.Typer)
    assert set(panel) == _names(group.typer_instance)
    assert not _early_breaks(panel)


def test_the_check_finds_a_summary_broken_at_a_hard_line_break() -> None:
    panel = {"show": [("Summarise a scenario: actors (what", 40), ("its ends mean.", 40)]}
    assert _early_breaks(panel) == ["show: 'Summarise a scenario: actors (what' / 'its ends mean.'"]


@pytest.mark.parametrize("width", [60, 120])
def test_a_commands_own_help_has_its_whole_text(width: int) -> None:
    for info in build_app().registered_commands:
        doc = inspect.getdoc(info.callback) or ""
        out = " ".join(_help([str(info.name)], width).split())
        assert " ".join(doc.split()) in out, info.name


def test_summary_is_the_first_sentence_outside_parentheses() -> None:
    text = """Check files (see docs/x.md. Twice); print each
    problem. What-if options apply.

    More here."""
    assert summary(text) == "Check files (see docs/x.md. Twice); print each problem."
    assert summary("No full stop, e.g. this one") == "No full stop, e.g. this one"
    assert reflow(text) == (
        "Check files (see docs/x.md. Twice); print each problem. What-if options apply.\n\n"
        "More here."
    )
