"""The command line run in-process, as the tests run it: the exit code and what it wrote on
stdout and stderr."""

from __future__ import annotations

import pytest

from pourparler.cli.app import main


def run_cli(capsys: pytest.CaptureFixture[str], args: list[str]) -> tuple[int, str, str]:
    """Exit code (0 when ``main`` returns), stdout and stderr of ``pourparler ARGS``."""
    try:
        main(args)
        code = 0
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err
