#!/usr/bin/env python3
"""Set-up-free task runner: creates ``.venv`` on first use, then runs a task in it.

    python3 dev.py forecast [ARGS...]   # pourparler forecast on the built-in scenario
    python3 dev.py test [PYTEST ARGS]   # the whole test suite
    python3 dev.py lint                 # ruff and mypy
    python3 dev.py bench                # the benchmarks in benchmarks/
    python3 dev.py run ARGS...          # any pourparler command

Only the standard library is used here, so it runs on a bare Python >= 3.11 with pip.
The environment is rebuilt when pyproject.toml changes.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("POURPARLER_VENV", ROOT / ".venv"))
STAMP = VENV / ".pourparler-install"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def _python() -> Path:
    return BIN / ("python.exe" if os.name == "nt" else "python")


def _ensure_env() -> None:
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text().strip() == wanted and _python().exists():
        return
    if not _python().exists():
        print(f"dev.py: creating virtual environment in {VENV}", file=sys.stderr)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("dev.py: installing pourparler with its test tools (first run only)", file=sys.stderr)
    pip = [str(_python()), "-m", "pip", "install", "--disable-pip-version-check", "-q"]
    subprocess.run([*pip, "--upgrade", "pip"], check=True)
    subprocess.run([*pip, "-e", f"{ROOT}[dev]"], check=True)
    STAMP.write_text(wanted)


def _run(args: list[str]) -> int:
    return subprocess.call(args, cwd=ROOT)


def main(argv: list[str]) -> int:
    if not argv or argv[0] in {"-h", "--help", "help"}:
        print(__doc__)
        return 0
    task, rest = argv[0], argv[1:]
    _ensure_env()
    py = str(_python())
    if task == "forecast":
        return _run([py, "-m", "pourparler", "forecast", *(rest or ["istanbul-2025"])])
    if task == "run":
        return _run([py, "-m", "pourparler", *rest])
    if task == "test":
        return _run([py, "-m", "pytest", *rest])
    if task == "lint":
        paths = [p for p in ("src", "tests", "benchmarks", "dev.py") if (ROOT / p).exists()]
        code = _run([py, "-m", "ruff", "check", *paths])
        code |= _run([py, "-m", "ruff", "format", "--check", *paths])
        code |= _run([py, "-m", "mypy"])
        return code
    if task == "bench":
        code = 0
        for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
            print(f"== {script.name}", flush=True)
            code |= _run([py, str(script), *rest])
        return code
    print(f"dev.py: unknown task {task!r}; try 'python3 dev.py help'", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
