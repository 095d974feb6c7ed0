"""Monte Carlo over the uncertain inputs: every model's forecast becomes a distribution.

Each draw samples, independently,

* every stance's position ~ Normal(position, uncertainty.position), clipped to 0–100,
* every stance's salience ~ Normal(salience, uncertainty.salience), clipped to 0–1,
* every actor's capability ~ Normal(capability, capability_sd), clipped at 0,

and runs every model on it, the exchange model included: it runs on all draws of a chunk at once
(:func:`pourparler.forecast.exchange.run_exchange_batch`), each draw giving what it gives alone.
Draws are made in fixed-size chunks; chunk k draws from its own generator seeded by child k + 1
of ``SeedSequence(seed)``, so a run gives the same numbers whether its
chunks are computed one after another or in parallel (``workers``). With fewer chunks than
workers (the default 200 draws are one chunk) the draws of a chunk are shared among the threads
instead: each draw gives what it gives alone, so the numbers do not change either. A
distribution is summarised by its median and its central 80% interval.

The interval covers input uncertainty only: the positions, saliences and capabilities as the
scenario states them, with the standard deviations it states. It does not cover model
uncertainty (the models' disagreement), nor errors in the numbers beyond the stated ones. When
the scenario states no uncertainty at all (:func:`is_uncertain` is false) every draw would
repeat the nominal run, and the caller should not draw.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from pourparler.errors import InputError
from pourparler.forecast import models as _models
from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.models import (
    BASE_MODELS,
    ForecastInputs,
    ModelRun,
    check_scale,
    gigabytes,
    needed_models,
    run_models,
)
from pourparler.forecast.registry import REGISTRY, reference_seconds
from pourparler.forecast.threads import in_threads, split_evenly, threads_for

if TYPE_CHECKING:
    from pourparler.scenario.arrays import ScenarioArrays

FloatArray = NDArray[np.float64]

CHUNK_SIZE = 250
PROBE_DRAWS = 10  # draws of the first chunk timed on their own when progress is reported
PROBE_PARTS = 4  # else the first chunk after warm-up runs in this many parts
PROBE_DRAW_SECONDS = 1.0  # reference seconds of a draw from which a few draws are timed
INTERVAL = (0.10, 0.90)
SCALE = (0.0, 100.0)


@dataclass(frozen=True)
class Distribution:
    """One model's forecasts over the draws: ``samples (draws, n_issues)`` and, per issue, the
    median and the 80% interval over the draws that give a forecast (NaN where none does)."""

    samples: FloatArray
    median: FloatArray
    low: FloatArray
    high: FloatArray

    @property
    def without_forecast(self) -> NDArray[np.int64]:
        """Per issue, the draws that give no forecast (no actor had any weight on it)."""
        return np.isnan(self.samples).sum(axis=0)


def child_seeds(seed: int | None, n_chunks: int) -> list[np.random.SeedSequence]:
    """One seed per chunk: children 1..n of ``SeedSequence(seed)`` (child 0 once served a
    nominal run; skipping it keeps the numbers of earlier versions)."""
    return np.random.SeedSequence(seed).spawn(n_chunks + 1)[1:]


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


def is_uncertain(sd: InputSD, present: NDArray[np.bool_] | None = None) -> bool:
    """Whether any input has a positive standard deviation (on a stance that exists, when
    ``present`` is given)."""
    pos, sal = np.asarray(sd.position), np.asarray(sd.salience)
    if present is not None:
        pos, sal = np.where(present, pos, 0.0), np.where(present, sal, 0.0)
    return bool(np.any(pos > 0) or np.any(sal > 0) or np.any(np.asarray(sd.capability) > 0))


def sample_bytes(draws: int, n_issues: int, n_models: int) -> float:
    """Memory that keeping every draw's forecast takes: the chunks' forecasts, their
    concatenation and clipped copy, and the copies the quantiles make (about six in all)."""
    return 8.0 * 6 * draws * n_issues * n_models


def check_draws(
    draws: int, n_actors: int, n_issues: int, models: Sequence[str], rounds: int
) -> None:
    """Raise InputError, before any work, when the run cannot fit in memory: one draw of a
    model too big (:func:`~pourparler.forecast.models.check_scale`), or the draws' forecasts
    too many to keep."""
    check_scale(n_actors, n_issues, models, rounds=rounds)
    need = sample_bytes(draws, n_issues, len(needed_models(models)))
    limit = _models.MEMORY_LIMIT
    if need > limit:
        raise InputError(
            f"{draws:,} draws × {n_issues:,} issues × {len(needed_models(models))} models: "
            f"keeping the forecasts needs about {gigabytes(need)} of memory (more than the "
            f"{gigabytes(limit)} allowed); reduce the draws"
        )


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
    workers: int | None = 1,
    progress: Callable[[int], None] | None = None,
    model_draws: Mapping[str, int] | None = None,
    held: Mapping[str, FloatArray] | None = None,
) -> dict[str, Distribution]:
    """The distribution of each model's forecast over ``draws`` draws of the inputs.

    ``progress(k)`` is called after each part of a chunk with ``k`` the draws just finished,
    weighted by their cost (the expensive models run on the first ``model_draws`` draws only);
    the calls add up to ``draws``.
    ``model_draws[m]`` runs model ``m`` on the first so many draws only (the same draws every
    other model sees; 0: not at all). A model built on others (the ensemble) is combined over
    the draws all its members ran; a member that ran on none is held at its forecast in
    ``held`` (its nominal one) on every draw.
    ``workers`` threads (None: the machine's cores, at most four) compute the chunks, or share
    the draws of each chunk when there are fewer chunks than threads; the numbers do not
    depend on it.
    """
    if isinstance(draws, bool) or draws < 1:
        raise ValueError(f"draws must be a positive integer, got {draws!r}")
    if chunk_size < 1:
        raise ValueError("chunk_size must be positive")
    workers = threads_for(workers)
    wanted = needed_models(models)
    n_actors, n_issues = base.position.shape[1:]
    check_draws(draws, n_actors, n_issues, wanted, rounds)
    per_draw = [m for m in wanted if not REGISTRY[m].requires]
    limit = {m: draws if model_draws is None else min(draws, model_draws.get(m, draws))
             for m in per_draw}  # fmt: skip
    sizes = [min(chunk_size, draws - lo) for lo in range(0, draws, chunk_size)]
    offsets = [sum(sizes[:k]) for k in range(len(sizes))]
    seeds = child_seeds(seed, len(sizes))

    # progress is told in draws weighted by what they cost (the models a draw runs on, in
    # reference seconds), so that the time left, extrapolated from the draws done, does not
    # take the draws only the cheap models run on for draws of the expensive ones
    secs = {m: reference_seconds(m, n_actors, n_issues, rounds) for m in per_draw}
    ends = sorted({0, draws, *limit.values()})
    cum = [0.0]  # cumulative cost at each of ``ends``
    for a, b in itertools.pairwise(ends):
        cum.append(cum[-1] + (b - a) * (1e-9 + sum(secs[m] for m in per_draw if limit[m] >= b)))

    def units(i: int) -> int:
        """Progress units (of ``draws`` in all) done with the first ``i`` draws."""
        return round(draws * float(np.interp(i, ends, cum)) / cum[-1])

    def parts_of(k: int) -> list[tuple[int, int]]:
        """The draws of chunk k run together. With progress to report, the first chunk's first
        few draws pay for warm-up (compiling, caches), then a timed part tells the time a draw
        takes: a few draws where a draw is dear, otherwise a quarter of the chunk, so that the
        fixed cost of a call weighs as it will on the larger batches. Each draw gives what it
        gives alone: the numbers do not change."""
        size = sizes[k]
        if k or progress is None or size <= PROBE_DRAWS:
            return [(0, size)]
        warm = PROBE_DRAWS // 2
        if max((secs[m] for m in per_draw if limit[m]), default=0.0) >= PROBE_DRAW_SECONDS:
            return [(0, warm), (warm, PROBE_DRAWS), (PROBE_DRAWS, size)]
        step = max(warm, -(-(size - warm) // PROBE_PARTS))
        return list(itertools.pairwise([0, *range(warm, size, step), size]))

    def work(k: int) -> dict[str, FloatArray]:
        rng = np.random.default_rng(seeds[k])
        batch = draw_inputs(base, sizes[k], rng, sd=sd)
        out: dict[str, list[FloatArray]] = {name: [] for name in per_draw}
        for lo, hi in parts_of(k):
            # each model on the draws it runs on (the first limit[name]); models that run on
            # the same draws run in one call
            upto: dict[int, list[str]] = {}
            for name in per_draw:
                top = min(hi, max(lo, limit[name] - offsets[k]))
                if top > lo:
                    upto.setdefault(top, []).append(name)
            for top, names in upto.items():
                for forecasts in share(batch, lo, top, names):
                    for name in names:
                        out[name].append(forecasts[name])
            done = units(offsets[k] + hi) - units(offsets[k] + lo)
            if progress is not None and done > 0:
                progress(done)
        drawn = {
            name: np.concatenate(parts) if parts else np.empty((0, n_issues))
            for name, parts in out.items()
        }
        # a draw in which no actor has any weight on an issue (its saliences or capabilities
        # drawn to 0) gives no forecast of it, by every model alike: some models have no
        # number there and Nash falls back on the status quo, which would make the ensemble
        # take Nash alone in those draws
        weightless = batch.weightless
        for samples in drawn.values():
            samples[weightless[: len(samples)]] = np.nan
        return drawn

    outer = min(workers, len(sizes))  # threads over the chunks
    inner = workers // outer  # and, within each, over its draws

    def share(
        batch: ForecastInputs, lo: int, hi: int, names: list[str]
    ) -> Iterator[dict[str, FloatArray]]:
        """The forecasts of ``names`` on draws lo:hi of ``batch``, in runs of draws computed
        side by side (each draw gives what it gives alone), in the order of the draws."""

        def one(span: tuple[int, int]) -> dict[str, FloatArray]:
            runs = run_models(batch.subset(slice(*span)), names, rounds=rounds, q=q)
            return {name: runs[name].forecast for name in names}

        return in_threads(one, split_evenly(lo, hi, inner), inner)

    parts = list(in_threads(work, range(len(sizes)), outer))
    # no forecast leaves the scale (the models keep to it; this guards the output)
    samples = {
        name: np.clip(np.concatenate([p[name] for p in parts], axis=0), *SCALE) for name in parts[0]
    }
    for name in wanted:
        if name in samples:
            continue
        # a model built on the others: combined over the draws every member ran
        members = [m for m in REGISTRY[name].requires if m in samples]
        drawn = [m for m in members if samples[m].shape[0] > 0]
        common = min((samples[m].shape[0] for m in drawn), default=0)
        if common == 0:
            continue
        runs = {}
        for m in members:
            if samples[m].shape[0] > 0:
                runs[m] = ModelRun(samples[m][:common])
            elif held is not None and m in held:
                runs[m] = ModelRun(np.broadcast_to(held[m], (common, n_issues)).copy())
        samples[name] = REGISTRY[name].combine(runs).forecast  # type: ignore[attr-defined]
    return {name: summarise(s) for name, s in samples.items() if s.shape[0] > 0}


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
