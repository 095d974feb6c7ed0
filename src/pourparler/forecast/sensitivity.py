"""One-at-a-time sensitivity: which input moves each issue's forecast most (tornado data).

For every actor and each of its inputs the model is rerun with that input lowered and raised
by δ, everything else held at the scenario's values:

* position: ±10% of the issue's scale (10 points on pourparler's 0–100 scale, the order of the
  position uncertainty experts typically state; the command takes the span of the issue's
  labelled options, so an issue measured in years 4–10 gets ±0.6), clipped to 0–100;
* salience: ±0.1, clipped to 0–1;
* capability: ±20% of the actor's own capability (capabilities have no common scale).

A position or salience change shifts the actor's stance on every issue at once; for the
per-issue models that is the same as shifting one issue at a time, while for the exchange
model, which links issues, the effect on an issue includes what the shift elsewhere does to it.
All perturbed inputs form one batch, so the models run once.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.models import ForecastInputs, run_models

POSITION_DELTA = 10.0
SALIENCE_DELTA = 0.1
CAPABILITY_FRACTION = 0.2
INPUTS = ("position", "salience", "capability")


@dataclass(frozen=True)
class Effect:
    """The forecast of one issue with one actor's input at ``low_value`` and ``high_value``."""

    actor: str
    input: str
    value: float
    low_value: float
    high_value: float
    forecast_low: float
    forecast_high: float

    @property
    def size(self) -> float:
        """How far the forecast moves between the two ends (0 when either is missing)."""
        span = abs(self.forecast_high - self.forecast_low)
        return float(span) if np.isfinite(span) else 0.0


@dataclass(frozen=True)
class IssueSensitivity:
    issue: str
    forecast: float
    effects: list[Effect]  # largest first


def sensitivity(
    base: ForecastInputs,
    actor_ids: tuple[str, ...],
    issue_ids: tuple[str, ...],
    *,
    model: str = "ensemble",
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    position_delta: float | np.ndarray = POSITION_DELTA,
) -> list[IssueSensitivity]:
    """Per issue, every (actor, input) pair's effect on ``model``'s forecast, largest first.

    ``position_delta`` is δ for positions, one value or one per issue."""
    if base.n_draws != 1:
        raise ValueError("sensitivity: needs the scenario's nominal inputs (one draw)")
    n = len(actor_ids)
    pos = np.repeat(base.position, 1 + 6 * n, axis=0)
    sal = np.repeat(base.salience, 1 + 6 * n, axis=0)
    cap = np.repeat(base.capability, 1 + 6 * n, axis=0)
    present = base.present
    delta = np.broadcast_to(np.asarray(position_delta, dtype=float), base.status_quo.shape)
    if not np.all(np.isfinite(delta)) or np.any(delta <= 0):
        raise ValueError("sensitivity: position_delta must be positive")
    row = 1
    for a in range(n):
        for sign in (-1.0, 1.0):
            pos[row, a] = np.where(present[a], np.clip(pos[row, a] + sign * delta, 0, 100), np.nan)
            sal[row + 2, a] = np.where(
                present[a], np.clip(sal[row + 2, a] + sign * SALIENCE_DELTA, 0, 1), 0
            )
            cap[row + 4, a] = cap[row + 4, a] * (1 + sign * CAPABILITY_FRACTION)
            row += 1
        row += 4
    batch = ForecastInputs(pos, sal, cap, present, base.status_quo, base.disagreement)
    runs = run_models(batch, [model], rounds=rounds, q=q)
    f = runs[model].forecast  # (1 + 6n, n_issues)
    out: list[IssueSensitivity] = []
    for k, issue in enumerate(issue_ids):
        effects: list[Effect] = []
        for a, actor in enumerate(actor_ids):
            first = 1 + 6 * a
            for j, name in enumerate(INPUTS):
                lo_row, hi_row = first + 2 * j, first + 2 * j + 1
                if name == "capability":
                    value, low, high = cap[0, a], cap[lo_row, a], cap[hi_row, a]
                elif not present[a, k]:
                    continue
                elif name == "position":
                    value, low, high = pos[0, a, k], pos[lo_row, a, k], pos[hi_row, a, k]
                else:
                    value, low, high = sal[0, a, k], sal[lo_row, a, k], sal[hi_row, a, k]
                effects.append(
                    Effect(
                        actor,
                        name,
                        float(value),
                        float(low),
                        float(high),
                        float(f[lo_row, k]),
                        float(f[hi_row, k]),
                    )
                )
        effects.sort(key=lambda e: -e.size)
        out.append(IssueSensitivity(issue, float(f[0, k]), effects))
    return out
