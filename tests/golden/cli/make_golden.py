"""Regenerate the golden command-line outputs of the built-in scenarios.

Run from the repository root::

    .venv/bin/python tests/golden/cli/make_golden.py

For every built-in scenario NAME it runs, through ``python -m pourparler`` (the installed command
line, in a fresh process), ``forecast NAME --json --seed 1`` (default draws) and
``deals NAME --json``, and writes ``NAME.forecast.json`` and ``NAME.deals.json`` here.
``tests/test_golden_cli.py`` reruns the same commands and fails when any number moves. Rerun this
script, and commit its output, only when a change of the numbers is intended; say in the commit why
they moved.

Why the numbers can be trusted (checked by hand on the first generation, istanbul-2025 as of
2 June 2025, 10 actors and 15 issues):

* Compromise forecast on ``language``: the capability x salience weighted mean of the stances.
  From the YAML: Russia 100 (capability 1.0, salience 0.4), Ukraine 0 (0.55, 0.6), United States 50
  (1.0, 0.05), European Union 25 (0.3, 0.2). Weights 0.40, 0.33, 0.05, 0.06 (sum 0.84), weighted sum
  40 + 0 + 2.5 + 1.5 = 44, so 44 / 0.84 = 52.381: the golden ``forecast`` of the compromise model on
  that issue. The weighted median is 50 (Russia's 0.40 is under half of 0.84; the United States'
  stance at 50 brings the cumulative weight from the top past half), also what the file holds.
* Deals zone empty: the parties (veto and at the table) are Russia, Ukraine and the United States.
  Their red lines are disjoint on two issues: NATO (Russia [75, 100], Ukraine [0, 50]: the June 2025
  memorandum rejects any neutrality obligation) and army limits (Russia [50, 100], Ukraine
  [0, 25]). So no package lies inside every party's red lines, the zone has size 0, and no single
  relaxation opens it: the golden obstacle says exactly that.
* The package count is the product of the issues' option counts: 5^12 x 4 x 3 x 3 = 8,789,062,500
  for istanbul-2025 (12 five-option issues, army limits with 4 options, elections and language
  with 3).

For istanbul-2022 (10 issues) the parties are Russia and Ukraine alone (the United States was not at
the table). The package count is 5^8 x 4 x 3 = 4,687,500. The options inside both parties' red lines
are 5 (ceasefire) x 1 (nato: neutrality with guarantees) x 1 (guarantees) x 1 (recognition) x 3
(withdrawal) x 3 (army limits) x 2 (foreign troops) x 5 (sanctions) x 5 (EU membership) x 3
(language) = 6,750, the golden ``enumerated``; the zone (5,883) is the part of those that gives both
parties more than their no-deal utility.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

COMMANDS: dict[str, list[str]] = {
    "forecast": ["forecast", "{name}", "--json", "--seed", "1"],
    "deals": ["deals", "{name}", "--json"],
}


def builtin_names() -> list[str]:
    from pourparler.scenario.builtin import builtin_names as names

    return names()


def golden_path(name: str, command: str) -> Path:
    return HERE / f"{name}.{command}.json"


def run_cli(name: str, command: str) -> Any:
    """The JSON the command line prints for ``command`` on the built-in scenario ``name``."""
    args = [part.format(name=name) for part in COMMANDS[command]]
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    done = subprocess.run(
        [sys.executable, "-m", "pourparler", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"pourparler {' '.join(args)} exited {done.returncode}: {done.stderr}")
    return json.loads(done.stdout)


def main() -> None:
    for name in builtin_names():
        for command in COMMANDS:
            data = run_cli(name, command)
            path = golden_path(name, command)
            path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
