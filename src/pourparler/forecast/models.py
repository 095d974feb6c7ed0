"""One facade over every forecast model: a batch of inputs in, per-issue forecasts out.

:class:`ForecastInputs` holds a batch of draws of a scenario's numbers (actors × issues);
:func:`run_models` runs the named models on every draw and returns, per model, the forecast of
each issue and, for the iterative models, the state after every round. The models are those of
:mod:`pourparler.forecast.registry` (``compromise``, ``median``, ``nash``, ``bdm``,
``exchange`` and ``ensemble``); every model weighs an actor by capability × salience.

Memory stays bounded: each model runs on slices of the batch small enough to fit
:data:`BATCH_BYTES` of working memory (every model computes each draw as it would alone, so the
slicing never changes a number), and :func:`check_scale` refuses, before any work, inputs of
which one draw would need more than :data:`MEMORY_LIMIT`.
"""

from __future__ import annotations

import os
from collections.abc import Sequence

from pourparler.errors import InputError
from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.inputs import (
    BoolArray,
    FloatArray,
    ForecastInputs,
    ModelRun,
    Rounds,
    concat_runs,
)
from pourparler.forecast.registry import REGISTRY, base_names, get, model_names

__all__ = [
    "BASE_MODELS",
    "BATCH_BYTES",
    "ITERATIVE",
    "MEMORY_LIMIT",
    "MODELS",
    "BoolArray",
    "FloatArray",
    "ForecastInputs",
    "ModelRun",
    "Rounds",
    "check_scale",
    "needed_models",
    "run_models",
]

BASE_MODELS = base_names()
MODELS = model_names()
ITERATIVE = tuple(m for m in MODELS if REGISTRY[m].iterative)

BATCH_BYTES = float(1 << 30)  # working memory of one model call on a slice of draws


def _memory_limit() -> float:
    """Half the machine's memory, and at most 8 GiB: what one draw of one model may take."""
    try:
        physical = float(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (ValueError, OSError, AttributeError):
        physical = float(16 << 30)
    return min(physical / 2, float(8 << 30))


MEMORY_LIMIT = _memory_limit()


def needed_models(models: Sequence[str]) -> list[str]:
    """The models to run for ``models``: a model built on others (the ensemble) needs them,
    and comes after them."""
    wanted = list(dict.fromkeys(models))
    combined = [m for m in wanted if m in REGISTRY and REGISTRY[m].requires]
    if not combined:
        return wanted
    base = [m for m in wanted if m not in combined]
    for m in combined:
        base += [r for r in REGISTRY[m].requires if r not in base]
    return [*base, *combined]


def gigabytes(n_bytes: float) -> str:
    """``n_bytes`` as a short human figure ("12 GB", "0.4 GB")."""
    gb = n_bytes / 1e9
    return f"{gb:,.0f} GB" if gb >= 10 else f"{gb:.1f} GB"


def check_scale(n_actors: int, n_issues: int, models: Sequence[str], *, rounds: int) -> None:
    """Raise InputError when one draw of one of ``models`` would need more than
    :data:`MEMORY_LIMIT` of memory, naming the size, before any work is done."""
    for name in needed_models(models):
        need = get(name).bytes_per_draw(n_actors, n_issues, rounds)
        if need > MEMORY_LIMIT:
            raise InputError(
                f"{n_actors:,} actors × {n_issues:,} issues: one run of the {name} model needs "
                f"about {gigabytes(need)} of memory (more than the {gigabytes(MEMORY_LIMIT)} "
                "allowed); reduce the actors or issues, or choose another model"
            )


def draws_per_call(name: str, inputs: ForecastInputs, rounds: int) -> int:
    """How many draws one call of model ``name`` takes at a time to stay within
    :data:`BATCH_BYTES`."""
    per_draw = get(name).bytes_per_draw(inputs.n_actors, inputs.n_issues, rounds)
    return max(1, int(BATCH_BYTES // max(per_draw, 1.0)))


def run_models(
    inputs: ForecastInputs,
    models: Sequence[str] = BASE_MODELS,
    *,
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    workers: int = 1,
) -> dict[str, ModelRun]:
    """Run ``models`` on every draw of ``inputs``; the ensemble combines the others (it runs
    the models it needs). Every model is deterministic: the exchange model breaks equal gains
    as the Decide model does. ``workers`` is accepted for compatibility; the Monte Carlo spreads
    its chunks of draws over threads instead."""
    del workers
    unknown = [m for m in models if m not in REGISTRY]
    if unknown:
        raise ValueError(f"unknown model(s) {unknown}; choose from {list(REGISTRY)}")
    inputs.validate()
    check_scale(inputs.n_actors, inputs.n_issues, models, rounds=rounds)
    out: dict[str, ModelRun] = {}
    for name in needed_models(models):
        model = REGISTRY[name]
        if model.requires:
            combine = getattr(model, "combine", None)
            if combine is not None:
                out[name] = combine(out)
                continue
        step = draws_per_call(name, inputs, rounds)
        if step >= inputs.n_draws:
            out[name] = model.run(inputs, rounds=rounds, q=q)
        else:
            parts = [
                model.run(inputs.subset(slice(lo, lo + step)), rounds=rounds, q=q)
                for lo in range(0, inputs.n_draws, step)
            ]
            out[name] = concat_runs(parts)
    return out
