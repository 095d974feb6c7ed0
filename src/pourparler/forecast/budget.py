"""Work budgets: how much of an expensive analysis to run when the whole would take too long.

Costs are reference seconds (:func:`~pourparler.forecast.registry.reference_seconds`), a fixed
formula of the problem's size, so what a budget decides is the same on every machine and every
run. The Monte Carlo gives each model as many draws as its share of :data:`DRAWS_BUDGET` allows
(all of them whenever the whole fits); sensitivity screens its expensive runs the same way.
"""

from __future__ import annotations

from collections.abc import Sequence

from pourparler.errors import InputError

DRAWS_BUDGET = 40.0  # reference seconds of Monte Carlo draws before models are given fewer
MIN_MODEL_DRAWS = 30  # fewer draws than this make no interval worth printing
MIN_DRAWS = 10  # fewest draws asked for that make an 80% interval (0 asks for none)
NOMINAL_LIMIT = 900.0  # reference seconds one run of the chosen models may take within a budget


class TooLong(InputError):
    """The analysis asked for would take far longer than a sitting; the message names the size
    and the model. Callers that can lift the budget say how."""


def check_nominal(models: Sequence[str], n_actors: int, n_issues: int, rounds: int) -> None:
    """Raise :class:`TooLong` before any work when one run of ``models`` would cost more than
    :data:`NOMINAL_LIMIT` reference seconds."""
    from pourparler.forecast.registry import REGISTRY, reference_seconds

    base = [m for m in models if not REGISTRY[m].requires]
    cost = {m: reference_seconds(m, n_actors, n_issues, rounds) for m in base}
    total = sum(cost.values())
    if total > NOMINAL_LIMIT:
        worst = max(cost, key=lambda m: cost[m])
        raise TooLong(
            f"{n_actors:,} actors × {n_issues:,} issues: one run of the {worst} model takes "
            f"about {cost[worst] / 60:,.0f} min ({total / 60:,.0f} min for every model chosen); "
            "choose cheaper models or fewer rounds, or lift the budget to run it anyway"
        )


def allot(costs: Sequence[float], budget: float) -> list[float]:
    """Share ``budget`` between parts costing ``costs`` in full: equal shares, what a part does
    not need passed on to the others (water-filling)."""
    share = [0.0] * len(costs)
    left, todo = budget, sorted(range(len(costs)), key=lambda i: costs[i])
    while todo:
        each = left / len(todo)
        i = todo.pop(0)
        share[i] = min(costs[i], each)
        left -= share[i]
    return share


def draws_within_budget(
    models: Sequence[str],
    draws: int,
    n_actors: int,
    n_issues: int,
    rounds: int,
    budget: float | None = DRAWS_BUDGET,
) -> dict[str, int]:
    """Per model that runs on the inputs, the draws it gets: all ``draws`` when every model's
    draws fit in ``budget`` (or it is None); otherwise each its share, and none at all when its
    share buys fewer than :data:`MIN_MODEL_DRAWS` (of ``draws``). A model built on others (the
    ensemble) is budgeted through the models it runs."""
    from pourparler.forecast.models import needed_models
    from pourparler.forecast.registry import REGISTRY, reference_seconds

    base = [m for m in needed_models(models) if not REGISTRY[m].requires]
    cost = {m: reference_seconds(m, n_actors, n_issues, rounds) for m in base}
    full = [draws * cost[m] for m in base]
    if budget is None or sum(full) <= budget:
        return {m: draws for m in base}
    out: dict[str, int] = {}
    for m, share in zip(base, allot(full, budget), strict=True):
        got = draws if share >= draws * cost[m] else int(share // cost[m])
        out[m] = got if got >= min(MIN_MODEL_DRAWS, draws) else 0
    return out
