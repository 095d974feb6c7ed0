"""Random package-deal scenarios for property tests, benchmarks and peer comparisons."""

from __future__ import annotations

from typing import Any

import numpy as np

from pourparler.scenario import Scenario


def random_scenario(
    n_actors: int,
    n_issues: int,
    n_options: int | tuple[int, int],
    seed: int | np.random.Generator | None,
    *,
    red_line_share: float = 0.0,
    explicit_share: float = 0.0,
    reservation: tuple[float, float] = (0.2, 0.6),
    absent_veto: int = 0,
    bystanders: int = 0,
) -> Scenario:
    """A valid scenario with every actor a veto party at the table (the last ``absent_veto`` are
    away from it, the first ``bystanders`` at the table without a veto), random positions,
    saliences and reservations, red lines on about
    ``red_line_share`` of the stances and explicit option utilities on ``explicit_share``."""
    rng = np.random.default_rng(seed)
    lo, hi = n_options if isinstance(n_options, tuple) else (n_options, n_options)
    issues = []
    for i in range(n_issues):
        m = int(rng.integers(lo, hi + 1))
        values = np.linspace(0, 100, m).round(6)
        issues.append(
            {
                "id": f"i{i}",
                "name": f"Issue {i}",
                "status_quo": float(values[0]),
                "options": [{"value": float(v), "label": f"o{j}"} for j, v in enumerate(values)],
            }
        )
    actors, stances = [], []
    for a in range(n_actors):
        actors.append(
            {
                "id": f"a{a}",
                "name": f"Actor {a}",
                "capability": float(rng.uniform(0.1, 1.0)),
                "veto": a >= bystanders,
                "at_table": a < n_actors - absent_veto,
                "no_deal": {"utility": float(rng.uniform(*reservation))},
            }
        )
        for issue in issues:
            opts: list[float] = [o["value"] for o in issue["options"]]  # type: ignore[attr-defined]
            pos = float(rng.choice(opts))
            st: dict[str, Any] = {
                "actor": f"a{a}",
                "issue": issue["id"],
                "position": pos,
                "salience": float(rng.uniform(0.05, 1.0)),
            }
            if rng.random() < red_line_share:
                width = float(rng.uniform(20, 80))
                st["red_line"] = [max(0.0, pos - width), min(100.0, pos + width)]
            if rng.random() < explicit_share:
                st["option_utilities"] = {v: float(rng.uniform()) for v in opts}
            stances.append(st)
    return Scenario.model_validate(
        {
            "id": "random",
            "title": "Random agenda",
            "actors": actors,
            "issues": issues,
            "stances": stances,
        }
    )
