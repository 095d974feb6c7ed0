"""Monte Carlo over the uncertain inputs: every model's forecast becomes a distribution.

Each draw samples, independently,

* every stance's position ~ Normal(position, uncertainty.position), clipped to 0–100,
* every stance's salience ~ Normal(salience, uncertainty.salience), clipped to 0–1,
* every actor's capability ~ Normal(capability, capability_sd), clipped at 0,

and runs the models on it. The exchange model takes about a tenth of a second per draw on a
13-issue agenda, so it runs on the first ``exchange_draws`` draws only (by default one draw in 40,
at least 10: 10 of 200 draws, 25 of 1,000; see :func:`default_exchange_draws`); where the
ensemble needs its forecast on a later draw it reuses those in turn (draw i takes exchange draw
i mod ``exchange_draws``), which keeps the exchange model's spread in the ensemble though not its
correlation with the other models. Draws are made in fixed-size chunks; chunk k draws from its own
generator seeded by child k + 1 of ``SeedSequence(seed)`` (child 0 serves the nominal run), so
a run gives the same numbers whether its chunks are computed one after another or in parallel
(``workers``). A distribution is summarised by its median and its central 80% interval.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.ensemble import combine
from pourparler.forecast.models import BASE_MODELS, ForecastInputs, needed_models, run_models

if TYPE_CHECKING:
    from pourparler.scenario.arrays import ScenarioArrays

FloatArray = NDArray[np.float64]

CHUNK_SIZE = 250
EXCHANGE_SHARE = 40  # the exchange model runs on one draw in this many ...
EXCHANGE_MIN_DRAWS = 10  # ... and on at least this many


def default_exchange_draws(draws: int) -> int:
    """How many of ``draws`` the exchange model runs on by default."""
    return min(draws, max(EXCHANGE_MIN_DRAWS, draws // EXCHANGE_SHARE))


INTERVAL = (0.10, 0.90)
SCALE = (0.0, 100.0)


@dataclass(frozen=True)
class Distribution:
    """One model's forecasts over the draws: ``samples (draws, n_issues)`` and, per issue, the
    median and the 80% interval (NaN where a draw gives no forecast)."""

    samples: FloatArray
    median: FloatArray
    low: FloatArray
    high: FloatArray


def child_seeds(
    seed: int | None, n_chunks: int
) -> tuple[np.random.SeedSequence, list[np.random.SeedSequence]]:
    """The nominal run's seed and one seed per chunk, all spawned from ``SeedSequence(seed)``."""
    children = np.random.SeedSequence(seed).spawn(n_chunks + 1)
    return children[0], children[1:]


def draw_inputs(
    base: ForecastInputs, n_draws: int, rng: np.random.Generator, *, sd: InputSD
) -> ForecastInputs:
    """``n_draws`` perturbed copies of the single-draw ``base``."""
    shape = (n_draws, *base.position.shape[1:])
    pos = base.position[0] + sd.position * rng.standard_normal(shape)
    pos = np.where(base.present, np.clip(pos, *SCALE), np.nan)
    sal = base.salience[0] + sd.salience * rng.standard_normal(shape)
    sal = np.where(base.present, np.clip(sal, 0.0, 1.0), 0.0)
    cap = base.capability[0] + sd.capability * rng.standard_normal(
        (n_draws, *base.capability.shape[1:])
    )
    cap = np.maximum(cap, 0.0)
    return ForecastInputs(pos, sal, cap, base.present, base.status_quo, base.disagreement)


@dataclass(frozen=True)
class InputSD:
    """Standard deviations of the inputs: ``position``, ``salience`` ``(n_actors, n_issues)``
    and ``capability`` ``(n_actors,)``."""

    position: FloatArray
    salience: FloatArray
    capability: FloatArray

    @classmethod
    def from_arrays(cls, arrays: ScenarioArrays) -> InputSD:
        """The uncertainties a scenario states for its stances and actors."""
        return cls(arrays.position_sd, arrays.salience_sd, arrays.capability_sd)


def nominal_rng(seed: int | None) -> np.random.Generator:
    """The generator of the run on the scenario's own numbers (child 0 of the seed)."""
    return np.random.default_rng(child_seeds(seed, 0)[0])


def monte_carlo(
    base: ForecastInputs,
    sd: InputSD,
    models: Sequence[str] = BASE_MODELS,
    *,
    draws: int,
    seed: int | None,
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    chunk_size: int = CHUNK_SIZE,
    workers: int = 1,
    progress: Callable[[int], None] | None = None,
    exchange_draws: int | None = None,
) -> dict[str, Distribution]:
    """The distribution of each model's forecast over ``draws`` draws of the inputs.

    ``progress(k)`` is called with the number of draws just finished, after each chunk.
    """
    if isinstance(draws, bool) or draws < 1:
        raise ValueError(f"draws must be a positive integer, got {draws!r}")
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    if exchange_draws is None:
        exchange_draws = default_exchange_draws(draws)
    if exchange_draws < 1:
        raise ValueError("exchange_draws must be positive")
    wanted = needed_models(models)
    per_draw = [m for m in wanted if m not in ("exchange", "ensemble")]
    firsts = list(range(0, draws, chunk_size))
    sizes = [min(chunk_size, draws - lo) for lo in firsts]
    _, seeds = child_seeds(seed, len(sizes))

    def work(k: int) -> dict[str, FloatArray]:
        rng = np.random.default_rng(seeds[k])
        batch = draw_inputs(base, sizes[k], rng, sd=sd)
        out: dict[str, FloatArray] = {}
        if per_draw:
            runs = run_models(batch, per_draw, rounds=rounds, q=q, rng=rng)
            out = {name: run.forecast for name, run in runs.items()}
        if "exchange" in wanted:
            take = max(0, min(sizes[k], exchange_draws - firsts[k]))
            ex = batch.subset(slice(0, take))
            out["exchange"] = run_models(ex, ["exchange"], rounds=rounds, rng=rng)[
                "exchange"
            ].forecast
        if progress is not None:
            progress(sizes[k])
        return out

    if workers > 1 and len(sizes) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(work, range(len(sizes))))
    else:
        parts = [work(k) for k in range(len(sizes))]
    samples = {name: np.concatenate([p[name] for p in parts], axis=0) for name in parts[0]}
    if "ensemble" in wanted:
        members = {m: s for m, s in samples.items()}
        if "exchange" in members:
            ex = members["exchange"]
            members["exchange"] = ex[np.arange(draws) % ex.shape[0]]
        samples["ensemble"] = combine(members)
    return {name: summarise(s) for name, s in samples.items()}


def summarise(samples: FloatArray) -> Distribution:
    """Median and central 80% interval of ``samples`` over the first axis, ignoring NaN."""
    with np.errstate(invalid="ignore"):
        all_nan = np.all(np.isnan(samples), axis=0)
        filled = np.where(all_nan[None], 0.0, samples)
        lo, med, hi = np.nanquantile(filled, [INTERVAL[0], 0.5, INTERVAL[1]], axis=0)
    nan = np.full(all_nan.shape, np.nan)
    return Distribution(
        samples=samples,
        median=np.where(all_nan, nan, med),
        low=np.where(all_nan, nan, lo),
        high=np.where(all_nan, nan, hi),
    )
