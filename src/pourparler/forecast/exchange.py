"""Stokman's equal-gain exchange model: actors trade voting positions across pairs of issues.

An actor concedes on an issue it cares little about in return for a concession on one it cares
more about; both gain the same expected utility (the equal-gain rule of Stokman & Van Assen 2003,
building on Stokman & Van Oosten 1994). Exchanges with the highest gain are realised first; after
each round actors move part of the way towards their voting positions and the next round starts.
The outcome on each issue is the power × salience weighted mean of the positions.

This module is the typed facade over :mod:`pourparler.forecast.exchange_kernel`:
:func:`run_exchange` runs one set of inputs and lists every exchange, :func:`run_exchange_batch`
runs a batch of draws of the inputs at once (a Monte Carlo) and returns the rounds' positions and
outcomes; each draw of a batch gives what it gives alone, bit for bit. The rules are
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

from pourparler.forecast.exchange_kernel import RoundResult, TieRng, run_round, weighted_outcome
from pourparler.forecast.exchange_order import SIDE_TOL

FloatArray = NDArray[np.float64]
TieBreak = Literal["peer", "random"]

MAX_BATCH_BYTES = 512 << 20  # a slice of draws aims to keep its round's tables below this
BYTES_PER_CANDIDATE = 400  # a candidate's arrays in a round, with its history of gains
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


@dataclass(frozen=True)
class ExchangeBatch:
    """The rounds of a batch of draws: ``positions (draws, rounds, actors, issues)`` at the start
    of each round (NaN where absent), ``outcome_start`` and ``outcome_voting`` ``(draws, rounds,
    issues)``, ``n_candidates (draws, rounds)`` and ``initial_outcome (draws, issues)``."""

    positions: FloatArray
    outcome_start: FloatArray
    outcome_voting: FloatArray
    n_candidates: NDArray[np.int64]
    initial_outcome: FloatArray

    def forecast(self) -> FloatArray:
        """Per draw and issue: the voting outcome of the last round (the weighted mean of the
        input positions when no round was run)."""
        if self.positions.shape[1] == 0:
            return self.initial_outcome.copy()
        return self.outcome_voting[:, -1].copy()


def _validate(
    position: ArrayLike, salience: ArrayLike, power: ArrayLike, *, batch: bool = False
) -> tuple[FloatArray, FloatArray, FloatArray, NDArray[np.bool_]]:
    """Arrays (draws, actors, issues) when ``batch``, else (actors, issues)."""
    x = np.array(position, dtype=float)
    ndim, axes = (3, "draws × actors × issues") if batch else (2, "actors × issues")
    if x.ndim != ndim or min(x.shape) < 1:
        raise ValueError(f"position: expected a {ndim}-d array ({axes}), got shape {x.shape}")
    s = np.array(salience, dtype=float)
    if s.shape != x.shape:
        raise ValueError(f"salience: shape {s.shape} differs from position's {x.shape}")
    c = np.array(power, dtype=float)
    if c.shape == x.shape[:-1]:
        c = np.repeat(c[..., None], x.shape[-1], axis=-1)
    if c.shape != x.shape:
        raise ValueError(f"power: expected shape {x.shape[:-1]} or {x.shape}, got {c.shape}")
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


def _check_rounds(rounds: int) -> None:
    if isinstance(rounds, bool) or not isinstance(rounds, int | np.integer) or rounds < 0:
        raise ValueError(f"rounds: expected a non-negative integer, got {rounds!r}")


def _chain(
    x: FloatArray,
    present: NDArray[np.bool_],
    s: FloatArray,
    c: FloatArray,
    rounds: int,
    rng: TieRng,
    results: list[RoundResult] | None = None,
) -> ExchangeBatch:
    """``rounds`` rounds of a batch (arrays (draws, actors, issues)); each round's kernel result
    is appended to ``results`` when given."""
    n_draws, n_actors, n_issues = x.shape
    weight = c * s
    positions = np.empty((n_draws, rounds, n_actors, n_issues))
    starts = np.empty((n_draws, rounds, n_issues))
    votes = np.empty((n_draws, rounds, n_issues))
    n_cand = np.zeros((n_draws, rounds), dtype=np.int64)
    initial = weighted_outcome(x, weight)
    if n_issues < 2 and results is None:  # no issue to trade against: nothing ever moves
        positions[:] = x[:, None]
        starts[:] = initial[:, None]
        votes[:] = initial[:, None]
        return ExchangeBatch(positions, starts, votes, n_cand, initial)
    rate = FIXED_WEIGHT + SALIENCE_WEIGHT * (1.0 - s)
    for r in range(rounds):
        res = run_round(x, present, s, c, rng)
        positions[:, r] = x
        starts[:, r] = weighted_outcome(x, weight)
        votes[:, r] = weighted_outcome(res.voting, weight)
        n_cand[:, r] = res.n_candidates
        if results is not None:
            results.append(res)
        x = np.where(res.moved, x + rate * (res.voting - x), x)
    return ExchangeBatch(positions, starts, votes, n_cand, initial)


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
    _check_rounds(rounds)
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
    results: list[RoundResult] = []
    batch = _chain(x[None], present[None], s[None], c[None], int(rounds), gen, results)
    out: list[ExchangeRound] = []
    for r, res in enumerate(results):
        cand, lo, hi = res.cand, int(res.start[0]), int(res.start[1])
        realised = tuple(
            RealisedExchange(
                actor_i=int(cand.i[k]),
                actor_j=int(cand.j[k]),
                issue_i=int(cand.q[k]),
                issue_j=int(cand.p[k]),
                move_i=float(res.move_i[n]),
                move_j=float(res.move_j[n]),
                y_i=float(res.y_i[n]),
                y_j=float(res.y_j[n]),
                gain=float(res.gain[n]),
            )
            for n, k in zip(range(lo, hi), res.order[lo:hi].tolist(), strict=True)
        )
        out.append(
            ExchangeRound(
                round=r,
                positions=batch.positions[0, r].copy(),
                outcome_start=batch.outcome_start[0, r].copy(),
                outcome_voting=batch.outcome_voting[0, r].copy(),
                n_candidates=int(res.n_candidates[0]),
                realised=realised,
            )
        )
    return ExchangeResult(
        rounds=tuple(out),
        initial_outcome=batch.initial_outcome[0].copy(),
        tie_break=tie_break,
        seed=seed if gen is not None else None,
    )


def draw_bytes(
    x: FloatArray, present: NDArray[np.bool_], s: FloatArray, c: FloatArray
) -> NDArray[np.int64]:
    """Estimated peak bytes of one round of each draw (arrays (draws, actors, issues)): its
    candidates, as many as round 0 has and half as many again (later rounds may have more, up
    to the bound of a quarter of the actors present on both issues, squared, per issue pair),
    and its table of recorded positions (actors² × issues)."""
    n_draws, n_actors, n_issues = x.shape
    table = 9 * n_actors * n_actors * n_issues
    if n_issues < 2:  # no issue pair: no candidates
        return np.full(n_draws, table, dtype=np.int64)
    x0 = np.where(present, x, 0.0)
    outcome = weighted_outcome(x0, np.where(present, c * s, 0.0))
    left = present & (x0 <= np.nan_to_num(outcome)[:, None, :] + SIDE_TOL)
    right = present & ~left
    count = np.zeros(n_draws, dtype=np.int64)
    bound = np.zeros(n_draws, dtype=np.int64)
    for a in range(n_issues - 1):  # issue pairs (a, b > a), one issue a at a time
        both = present[:, :, a, None] & present[:, :, a + 1 :]
        ra, la = right[:, :, a, None] & both, left[:, :, a, None] & both
        rb, lb = right[:, :, a + 1 :], left[:, :, a + 1 :]
        count += ((ra & rb).sum(1) * (la & lb).sum(1) + (la & rb).sum(1) * (ra & lb).sum(1)).sum(1)
        bound += (both.sum(1) ** 2 // 4).sum(1)
    n_cand = np.minimum(bound, count + count // 2)
    return n_cand * BYTES_PER_CANDIDATE + table


def _slices(x: FloatArray, present: NDArray[np.bool_], s: FloatArray, c: FloatArray) -> list[slice]:
    """Consecutive slices of the draws whose estimated bytes (:func:`draw_bytes`) stay within
    ``MAX_BATCH_BYTES`` (a draw that alone exceeds it has a slice of its own). A single issue
    is one slice: with nothing to trade no round builds its tables (see :func:`_chain`)."""
    if x.shape[2] < 2:
        return [slice(0, x.shape[0])]
    size = draw_bytes(x, present, s, c)
    out, lo, total = [], 0, 0
    for d, b in enumerate(size.tolist()):
        if d > lo and total + b > MAX_BATCH_BYTES:
            out.append(slice(lo, d))
            lo, total = d, 0
        total += b
    out.append(slice(lo, x.shape[0]))
    return out


def run_exchange_batch(
    position: ArrayLike,
    salience: ArrayLike,
    power: ArrayLike,
    *,
    rounds: int = 10,
    rng: TieRng = None,
) -> ExchangeBatch:
    """Run the model on a batch of draws: ``position`` (draws, actors, issues), NaN where
    absent, ``salience`` alike, ``power`` (draws, actors) or (draws, actors, issues).

    Ties are broken as :func:`run_exchange` breaks them with ``tie_break="peer"`` when ``rng``
    is None, so every draw gives exactly what it gives alone. With one generator per draw, a
    draw's random tie-breaks use its own generator and do not depend on the other draws; with
    one generator for the batch they are drawn step by step in draw order (reproducible for
    one batch, but not the same as running the draws alone). The draws are run in slices whose
    estimated tables (:func:`draw_bytes`) stay below ``MAX_BATCH_BYTES``; with one shared
    generator the slicing is part of what the seed reproduces."""
    x, s, c, present = _validate(position, salience, power, batch=True)
    _check_rounds(rounds)
    n_draws = x.shape[0]
    gens = None if rng is None or isinstance(rng, np.random.Generator) else list(rng)
    if gens is not None and len(gens) != n_draws:
        raise ValueError(f"rng: expected one generator per draw ({n_draws}), got {len(gens)}")
    parts = []
    for sl in _slices(x, present, s, c):
        part_rng: TieRng = rng if gens is None else gens[sl]
        parts.append(_chain(x[sl], present[sl], s[sl], c[sl], int(rounds), part_rng))
    if len(parts) == 1:
        return parts[0]
    return ExchangeBatch(
        *(
            np.concatenate([getattr(p, f) for p in parts])
            for f in ExchangeBatch.__dataclass_fields__
        )
    )
