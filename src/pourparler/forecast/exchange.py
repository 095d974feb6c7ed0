"""Stokman's equal-gain exchange model: actors trade voting positions across pairs of issues.

An actor concedes on an issue it cares little about in return for a concession on one it cares
more about; both gain the same expected utility (the equal-gain rule of Stokman & Van Assen 2003,
building on Stokman & Van Oosten 1994). Exchanges with the highest gain are realised first; after
each round actors move part of the way towards their voting positions and the next round starts.
The outcome on each issue is the power × salience weighted mean of the positions.

This module is the typed facade over :mod:`pourparler.forecast.exchange_kernel`; the rules are
those of the Decide exchange model (``models/exchange-model.md``), reproduced to the exchange.
Equal gains are ordered as the Decide model's repeatedly stable-sorted list orders them (the
higher gain at the latest step where they differed, else the candidate created first). The
Decide model computes in 28-digit decimals; where its choice rests on the last digits (gains
equal but for rounding, or an outcome that sits on a partner's position before a move) a float
implementation cannot follow it, and the two runs may part there (see tests/test_exchange.py).

>>> import numpy as np
>>> pos = np.array([[20.0, 80.0], [60.0, 30.0]])
>>> sal = np.array([[0.8, 0.4], [0.5, 0.6]])
>>> result = run_exchange(pos, sal, np.array([1.0, 2.0]), rounds=1)
>>> round(result.rounds[0].realised[0].gain, 10)  # 35/13
2.6923076923
>>> result.forecast().round(4)
array([32.6068, 30.    ])
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pourparler.forecast.exchange_kernel import run_round, weighted_outcome

FloatArray = NDArray[np.float64]
TieBreak = Literal["peer", "random"]

SALIENCE_WEIGHT = 0.4  # next round: x' = x + (FIXED_WEIGHT + SALIENCE_WEIGHT·(1 − s))·(y − x)
FIXED_WEIGHT = 0.1


@dataclass(frozen=True)
class RealisedExchange:
    """One realised exchange: ``actor_i`` moves on ``issue_i`` (its supply issue) towards
    ``actor_j``, who moves on ``issue_j``; moves are signed, ``y`` the new positions."""

    actor_i: int
    actor_j: int
    issue_i: int
    issue_j: int
    move_i: float
    move_j: float
    y_i: float
    y_j: float
    gain: float


@dataclass(frozen=True)
class ExchangeRound:
    """One round (round 0 starts from the input positions)."""

    round: int
    positions: FloatArray  # (n_actors, n_issues) at the start of the round, NaN where absent
    outcome_start: FloatArray  # (n_issues,) weighted mean at the start of the round
    outcome_voting: FloatArray  # (n_issues,) weighted mean of the voting positions
    n_candidates: int
    realised: tuple[RealisedExchange, ...]


@dataclass(frozen=True)
class ExchangeResult:
    """All rounds of a run, with the parameters that produced it."""

    rounds: tuple[ExchangeRound, ...]
    initial_outcome: FloatArray  # (n_issues,) weighted mean of the input positions
    tie_break: str = "peer"
    seed: int | None = None

    def forecast(self) -> FloatArray:
        """The final outcome per issue: the voting outcome of the last round (the weighted
        mean of the input positions when no round was run)."""
        if not self.rounds:
            return self.initial_outcome.copy()
        return self.rounds[-1].outcome_voting.copy()


def _validate(
    position: ArrayLike, salience: ArrayLike, power: ArrayLike
) -> tuple[FloatArray, FloatArray, FloatArray, NDArray[np.bool_]]:
    x = np.array(position, dtype=float)
    if x.ndim != 2 or x.shape[0] < 1 or x.shape[1] < 1:
        raise ValueError(f"position: expected a 2-d array (actors × issues), got shape {x.shape}")
    s = np.array(salience, dtype=float)
    if s.shape != x.shape:
        raise ValueError(f"salience: shape {s.shape} differs from position's {x.shape}")
    c = np.array(power, dtype=float)
    if c.ndim == 1 and c.shape[0] == x.shape[0]:
        c = np.repeat(c[:, None], x.shape[1], axis=1)
    if c.shape != x.shape:
        raise ValueError(f"power: expected shape ({x.shape[0]},) or {x.shape}, got {c.shape}")
    present = ~np.isnan(x)
    if np.isinf(x).any():
        raise ValueError("position: must be finite (NaN marks an absent actor)")
    if ((x[present] < 0) | (x[present] > 100)).any():
        raise ValueError("position: must lie within [0, 100]")
    for name, arr in (("salience", s), ("power", c)):
        if not np.isfinite(arr[present]).all():
            raise ValueError(f"{name}: must be finite where the actor takes a position")
        if (arr[present] < 0).any():
            raise ValueError(f"{name}: must be non-negative")
    if (s[present] > 1).any():
        raise ValueError("salience: must lie within [0, 1]")
    return x, np.where(present, s, 0.0), np.where(present, c, 0.0), present


def run_exchange(
    position: ArrayLike,
    salience: ArrayLike,
    power: ArrayLike,
    *,
    rounds: int = 10,
    tie_break: TieBreak = "peer",
    rng: np.random.Generator | None = None,
    seed: int | None = None,
) -> ExchangeResult:
    """Run the equal-gain exchange model.

    ``position`` (n_actors, n_issues) on 0–100, NaN where an actor is absent; ``salience`` on
    0–1; ``power`` per actor (n_actors,) or per actor and issue. Ties between equal gains are
    broken as the Decide model does with ``ALLOW_RANDOM = False`` (``tie_break="peer"``), or
    uniformly at random (``tie_break="random"``) with ``rng`` or a generator seeded by ``seed``.
    """
    x, s, c, present = _validate(position, salience, power)
    if isinstance(rounds, bool) or not isinstance(rounds, int | np.integer) or rounds < 0:
        raise ValueError(f"rounds: expected a non-negative integer, got {rounds!r}")
    if tie_break not in ("peer", "random"):
        raise ValueError(f"tie_break: expected 'peer' or 'random', got {tie_break!r}")
    if rng is not None and seed is not None:
        raise ValueError("give rng or seed, not both")
    gen: np.random.Generator | None = None
    if tie_break == "random":
        if rng is not None:
            if not isinstance(rng, np.random.Generator):
                raise ValueError("rng: expected a numpy.random.Generator")
            gen = rng
        else:
            if seed is None:
                seed = int(np.random.SeedSequence().entropy % (2**63))  # type: ignore[operator]
            gen = np.random.default_rng(seed)
    weight = c * s
    initial = weighted_outcome(x, weight)
    out: list[ExchangeRound] = []
    for r in range(int(rounds)):
        res = run_round(x, present, s, c, gen)
        realised = tuple(
            RealisedExchange(
                actor_i=int(res.cand.i[k]),
                actor_j=int(res.cand.j[k]),
                issue_i=int(res.cand.q[k]),
                issue_j=int(res.cand.p[k]),
                move_i=float(res.move_i[n]),
                move_j=float(res.move_j[n]),
                y_i=float(res.y_i[n]),
                y_j=float(res.y_j[n]),
                gain=float(res.gain[n]),
            )
            for n, k in enumerate(res.order)
        )
        out.append(
            ExchangeRound(
                round=r,
                positions=x.copy(),
                outcome_start=weighted_outcome(x, weight),
                outcome_voting=weighted_outcome(res.voting, weight),
                n_candidates=res.n_candidates,
                realised=realised,
            )
        )
        rate = FIXED_WEIGHT + SALIENCE_WEIGHT * (1.0 - s)
        x = np.where(res.moved, x + rate * (res.voting - x), x)
    return ExchangeResult(
        rounds=tuple(out),
        initial_outcome=initial,
        tie_break=tie_break,
        seed=seed if gen is not None else None,
    )
