"""The README's Python examples run, and its quick start names real dev.py tasks."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parents[1] / "README.md"


def _blocks(lang: str) -> list[str]:
    return re.findall(rf"```{lang}\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.mark.parametrize("code", _blocks("python"))
def test_python_examples_run(code: str, capsys: pytest.CaptureFixture[str]) -> None:
    from pourparler.scenario.builtin import builtin_names

    if "istanbul-2025" in code and "istanbul-2025" not in builtin_names():
        pytest.skip("built-in scenario not present")
    exec(compile(code, str(README), "exec"), {})
    assert capsys.readouterr().out.strip()


def test_quick_start_is_two_dev_commands() -> None:
    quick = _blocks("sh")[0]
    commands = [ln.split("#")[0].strip() for ln in quick.splitlines() if ln.strip()]
    assert commands == ["python3 dev.py forecast", "python3 dev.py test"]
    ci = (README.parent / ".ci" / "run").read_text()
    assert "python3 dev.py test" in ci
