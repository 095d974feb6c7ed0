"""The forecast models, each described once: what it is, where it comes from, how it runs.

Every model satisfies :class:`ForecastModel`: a name, a one-line description, a citation, a
``run(inputs, *, rounds, q)`` over a batch of draws, whether it is iterative (reports rounds),
whether it links issues (its forecast of one issue depends on the inputs of others), its weight
in the ensemble, an estimate of its working memory per draw, and a worked example (a tiny input
and the forecast expected of it, worked by hand or from the literature) that the tests run for
every registered model. :mod:`~pourparler.forecast.models`, the Monte Carlo, the sensitivity
analysis, the ensemble and the command line all read this registry: a model is added here, in
:data:`REGISTRY`, and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the kernels and numpy are imported when a model runs, not when listed
    from pourparler.forecast.inputs import FloatArray, ForecastInputs, ModelRun

DEFAULT_ROUNDS = 10  # as pourparler.forecast.bdm
DEFAULT_Q = 1.0


@dataclass(frozen=True)
class WorkedExample:
    """A one-draw input and the forecast per issue expected of a model after ``rounds``."""

    inputs: ForecastInputs
    expected: tuple[float, ...]
    source: str
    rounds: int = DEFAULT_ROUNDS
    q: float = DEFAULT_Q
    tolerance: float = 1e-9


class ForecastModel(Protocol):
    """What every registered model provides."""

    @property
    def name(self) -> str: ...
    @property
    def description(self) -> str: ...
    @property
    def citation(self) -> str: ...
    @property
    def iterative(self) -> bool: ...
    @property
    def links_issues(self) -> bool: ...
    @property
    def weight(self) -> float: ...
    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def example(self) -> WorkedExample: ...

    def run(
        self, inputs: ForecastInputs, *, rounds: int = DEFAULT_ROUNDS, q: float = DEFAULT_Q
    ) -> ModelRun: ...

    def bytes_per_draw(self, n_actors: int, n_issues: int, rounds: int) -> float: ...


RunFn = Callable[["ForecastInputs", int, float], "ModelRun"]
CostFn = Callable[[int, int, int], float]


@dataclass(frozen=True)
class Model:
    """A model that runs on the inputs themselves."""

    name: str
    description: str
    citation: str
    run_batch: RunFn = field(repr=False)
    cost: CostFn = field(repr=False)
    make_example: Callable[[], WorkedExample] = field(repr=False)
    iterative: bool = False
    links_issues: bool = False
    weight: float = 0.0
    requires: tuple[str, ...] = ()

    @property
    def example(self) -> WorkedExample:
        return self.make_example()

    def run(
        self, inputs: ForecastInputs, *, rounds: int = DEFAULT_ROUNDS, q: float = DEFAULT_Q
    ) -> ModelRun:
        """The forecast of every draw and issue of ``inputs``."""
        return self.run_batch(inputs, rounds, q)

    def bytes_per_draw(self, n_actors: int, n_issues: int, rounds: int) -> float:
        """About how much working memory one draw takes."""
        return self.cost(n_actors, n_issues, rounds)


@dataclass(frozen=True)
class Ensemble:
    """A fixed-weight average of the per-issue forecasts of every model with a weight; a model
    whose forecast is missing (NaN) is left out and the other weights scaled up to sum to one."""

    name: str = "ensemble"
    description: str = "fixed-weight average of the other models (weights in forecast/registry.py)"
    citation: str = "Achen (2006), The European Union Decides, ch. 10 (model comparison)"
    iterative: bool = False
    weight: float = 0.0

    @property
    def requires(self) -> tuple[str, ...]:
        return tuple(ensemble_weights())

    @property
    def links_issues(self) -> bool:
        return any(REGISTRY[m].links_issues for m in self.requires)

    @property
    def example(self) -> WorkedExample:
        # the members' hand-worked forecasts on HAND: compromise 40, median 20, Nash 80/3,
        # BDM 20 (the salience-0 actor has no say, so the 20 side wins), exchange 40
        forecasts = {"compromise": 40.0, "median": 20.0, "nash": 80 / 3, "bdm": 20.0}
        forecasts["exchange"] = 40.0
        w = ensemble_weights()
        value = sum(w[m] * forecasts[m] for m in w) / sum(w.values())
        return WorkedExample(_hand(), (value,), "the weighted average of the members' examples")

    def run(
        self, inputs: ForecastInputs, *, rounds: int = DEFAULT_ROUNDS, q: float = DEFAULT_Q
    ) -> ModelRun:
        runs = {m: REGISTRY[m].run(inputs, rounds=rounds, q=q) for m in self.requires}
        return self.combine(runs)

    def combine(self, runs: Mapping[str, ModelRun]) -> ModelRun:
        """The ensemble of runs already made (of every model in :attr:`requires`)."""
        from pourparler.forecast.ensemble import combine
        from pourparler.forecast.inputs import ModelRun

        return ModelRun(combine({m: runs[m].forecast for m in self.requires if m in runs}))

    def bytes_per_draw(self, n_actors: int, n_issues: int, rounds: int) -> float:
        return 8.0 * n_issues * len(self.requires)


# --- the models ---------------------------------------------------------------------------


def _weights(inputs: ForecastInputs) -> tuple[FloatArray, FloatArray]:
    """Positions and capability × salience weights, both (draws, issues, actors)."""
    import numpy as np

    w = inputs.capability[:, :, None] * inputs.salience
    return np.swapaxes(inputs.position, 1, 2), np.swapaxes(w, 1, 2)


def _run_compromise(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    from pourparler.forecast.central import weighted_mean
    from pourparler.forecast.inputs import ModelRun

    return ModelRun(weighted_mean(*_weights(inputs)))


def _run_median(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    from pourparler.forecast.central import weighted_median
    from pourparler.forecast.inputs import ModelRun

    return ModelRun(weighted_median(*_weights(inputs)))


def _run_nash(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    from pourparler.forecast.inputs import ModelRun
    from pourparler.forecast.nash import nash_bargaining

    dis = None if inputs.disagreement is None else inputs.disagreement[None, None, :]
    position, w = _weights(inputs)
    return ModelRun(nash_bargaining(position, w, inputs.status_quo[None], dis))


def _run_bdm(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    import numpy as np

    from pourparler.forecast.bdm import bdm_rounds
    from pourparler.forecast.inputs import ModelRun, Rounds

    d, n, m = inputs.position.shape
    positions = np.full((d, m, rounds + 1, n), np.nan)
    median = np.full((d, m, rounds + 1), np.nan)
    mean = np.full((d, m, rounds + 1), np.nan)
    for k in range(m):
        idx = np.flatnonzero(inputs.present[:, k])
        if idx.size == 0:
            continue
        res = bdm_rounds(
            inputs.position[:, idx, k],
            inputs.capability[:, idx],
            inputs.salience[:, idx, k],
            rounds=rounds,
            q=q,
        )
        positions[:, k][..., idx] = res.positions
        median[:, k] = res.median
        mean[:, k] = res.mean
    return ModelRun(median[..., -1].copy(), Rounds(positions, median, mean))


def _run_exchange(inputs: ForecastInputs, rounds: int, q: float) -> ModelRun:
    """Every draw at once (ties broken as the Decide model does, so each draw gives what it
    gives alone). Rounds are numbered from 0 (the input) and give the positions and outcome at
    the start of each round and the outcome after voting; the forecast is the voting outcome of
    the last round (the weighted mean with no rounds)."""
    import numpy as np

    from pourparler.forecast.central import weighted_mean, weighted_median
    from pourparler.forecast.exchange import run_exchange_batch
    from pourparler.forecast.inputs import ModelRun, Rounds

    x = np.where(inputs.present, inputs.position, np.nan)
    if rounds > 0:
        res = run_exchange_batch(x, inputs.salience, inputs.capability, rounds=rounds)
        positions = np.ascontiguousarray(res.positions.transpose(0, 3, 1, 2))  # (d, m, r, n)
        starts = np.ascontiguousarray(np.swapaxes(res.outcome_start, 1, 2))
        votes = np.ascontiguousarray(np.swapaxes(res.outcome_voting, 1, 2))
        final = votes[..., -1].copy()
    else:  # the weighted mean, computed as the compromise model computes it
        positions = np.swapaxes(x, 1, 2)[:, :, None, :].copy()
        w0 = np.swapaxes(inputs.capability[:, :, None] * inputs.salience, 1, 2)
        final = weighted_mean(np.swapaxes(x, 1, 2), w0)
        starts, votes = final[..., None].copy(), final[..., None].copy()
    w = np.swapaxes(inputs.capability[:, :, None] * inputs.salience, 1, 2)[:, :, None, :]
    if inputs.n_issues < 2:  # nothing to exchange: every round's positions are the input's
        w = np.where(np.isnan(positions[:, :, :1]), 0.0, w)
        median = np.repeat(weighted_median(positions[:, :, :1], w), positions.shape[2], axis=2)
    else:
        w = np.where(np.isnan(positions), 0.0, np.broadcast_to(w, positions.shape))
        median = weighted_median(positions, w)
    return ModelRun(final, Rounds(positions, median, starts.copy(), starts, votes))


# Working memory per draw, in bytes, measured with tracemalloc (peak over a run): the per-issue
# models hold a few (issues × actors) arrays; BDM what its own estimate (bdm_cost) says for one
# issue, the issues being run one after another; the exchange model about 48 bytes per cell of
# its candidate table (issue pairs × 2 × actors²), which it fills for up to MAX_CELLS cells at a
# time; and the rounds the iterative models report.
def _cost_central(n: int, m: int, rounds: int) -> float:
    return 96.0 * n * m


def _cost_nash(n: int, m: int, rounds: int) -> float:
    return 256.0 * n * m


def _cost_rounds(n: int, m: int, rounds: int) -> float:
    return 40.0 * m * (rounds + 1) * n


def _cost_bdm(n: int, m: int, rounds: int) -> float:
    from pourparler.forecast.bdm import bdm_cost

    return float(bdm_cost(n, 1, rounds)[1]) + _cost_rounds(n, m, rounds)


def exchange_cells(n: int, m: int) -> int:
    """Cells of the exchange model's candidate table for one draw (none with a single issue:
    there is nothing to exchange)."""
    return m * (m - 1) // 2 * 2 * n * n


def _cost_exchange(n: int, m: int, rounds: int) -> float:
    return 48.0 * exchange_cells(n, m) + _cost_rounds(n, m, rounds)


# --- worked examples ----------------------------------------------------------------------


def _one_draw(
    position: list[list[float]],
    salience: list[list[float]],
    capability: list[float],
    status_quo: list[float],
    disagreement: list[float] | None = None,
) -> ForecastInputs:
    import numpy as np

    from pourparler.forecast.inputs import ForecastInputs

    x = np.array(position, dtype=float)
    return ForecastInputs(
        position=x[None],
        salience=np.array(salience, dtype=float)[None],
        capability=np.array(capability, dtype=float)[None],
        present=np.ones(x.shape, dtype=bool),
        status_quo=np.array(status_quo, dtype=float),
        disagreement=None if disagreement is None else np.array(disagreement, dtype=float),
    )


def _hand() -> ForecastInputs:
    """Three actors at 20, 80 and 50 with capability × salience 0.5·0.8, 0.2·1 and 0.5·0; the
    status quo at 60 and a no-deal utility of 0 for everyone."""
    return _one_draw(
        [[20.0], [80.0], [50.0]], [[0.8], [1.0], [0.0]], [0.5, 0.2, 0.5], [60.0], [0, 0, 0]
    )


# Scholz, Calbert & Smith (2011), Table 1 (Bueno de Mesquita 1994's EC emission standards):
# position, capability, salience (0–1) of the Netherlands, Belgium, Luxembourg, Germany, France,
# Italy, UK, Ireland, Denmark, Greece
_TABLE1 = (
    (4, 7, 4, 4, 10, 10, 10, 7, 4, 7),
    (0.08, 0.08, 0.03, 0.16, 0.16, 0.16, 0.16, 0.05, 0.05, 0.08),
    (0.8, 0.4, 0.2, 0.8, 0.6, 0.6, 0.9, 0.1, 1.0, 0.7),
)


def _table1() -> ForecastInputs:
    x, c, s = _TABLE1
    return _one_draw([[float(v)] for v in x], [[v] for v in s], list(c), [7.0])


def _two_issues() -> ForecastInputs:
    """Two actors, two issues (the example of :mod:`pourparler.forecast.exchange`)."""
    return _one_draw(
        [[20.0, 80.0], [60.0, 30.0]], [[0.8, 0.4], [0.5, 0.6]], [1.0, 2.0], [50.0, 50.0]
    )


REGISTRY: dict[str, ForecastModel] = {}


def register(model: ForecastModel) -> ForecastModel:
    """Add ``model`` (its name must be new); the ensemble stays last."""
    if model.name in REGISTRY or model.name in ("all",):
        raise ValueError(f"a model named {model.name!r} is already registered")
    ensemble = REGISTRY.pop("ensemble", None)
    REGISTRY[model.name] = model
    if ensemble is not None and model.name != "ensemble":
        REGISTRY["ensemble"] = ensemble
    return model


def unregister(name: str) -> None:
    """Remove a model (for tests that register one of their own)."""
    REGISTRY.pop(name)


def model_names() -> tuple[str, ...]:
    """Every registered model, the ensemble last."""
    return tuple(REGISTRY)


def base_names() -> tuple[str, ...]:
    """The models that run on the inputs themselves (not on other models' forecasts)."""
    return tuple(m for m, model in REGISTRY.items() if not model.requires)


def ensemble_weights() -> dict[str, float]:
    """Each model's weight in the ensemble (models without weight left out)."""
    return {m: model.weight for m, model in REGISTRY.items() if model.weight > 0}


def get(name: str) -> ForecastModel:
    """The model called ``name``; ValueError naming the choices when there is none."""
    try:
        return REGISTRY[name]
    except KeyError:
        raise ValueError(f"unknown model {name!r}; choose from {', '.join(REGISTRY)}") from None


# Ensemble weights, and why (Thomson, Stokman, Achen & König 2006, *The European Union Decides*,
# ch. 10, compare these models on EU legislative decisions):
# compromise 0.30: the smallest errors there, and the most stable under noisy inputs;
# nash 0.25: close behind it; median 0.15: the Condorcet winner under majority rule, and peace
# talks rarely decide by vote; bdm 0.15: did less well than the compromise model and does not
# settle (Scholz et al. 2011), but it is the one model here in which actors threaten and concede;
# exchange 0.15: adds what no per-issue model sees, trades between issues of unequal salience.
register(
    Model(
        "compromise",
        "the capability × salience weighted mean",
        "Achen (2006), in Thomson et al., The European Union Decides, ch. 4",
        _run_compromise,
        _cost_central,
        lambda: WorkedExample(
            _hand(), ((0.4 * 20 + 0.2 * 80) / 0.6,), "by hand: (0.4·20 + 0.2·80)/0.6"
        ),
        weight=0.30,
    )
)
register(
    Model(
        "median",
        "the weighted median: the Condorcet winner in one dimension",
        "Black (1948), On the rationale of group decision-making",
        _run_median,
        _cost_central,
        lambda: WorkedExample(_hand(), (20.0,), "by hand: 20 holds 0.4 of the 0.6 weight"),
        weight=0.15,
    )
)
register(
    Model(
        "nash",
        "the asymmetric Nash bargaining point, max Σ w·log(u(x) − d)",
        "Nash (1950); Harsanyi & Selten (1972); Achen (2006)",
        _run_nash,
        _cost_nash,
        # between 20 and 80, −w1/(120 − x) + w2/(20 + x) = 0 gives x = (120·w2 − 20·w1)/(w1 + w2)
        lambda: WorkedExample(
            _hand(), ((120 * 0.2 - 20 * 0.4) / 0.6,), "by hand: first-order condition"
        ),
        weight=0.25,
    )
)
register(
    Model(
        "bdm",
        "Bueno de Mesquita's expected-utility model (Scholz et al.'s reading)",
        "Bueno de Mesquita (1994); Scholz, Calbert & Smith (2011), ICAART",
        _run_bdm,
        _cost_bdm,
        lambda: WorkedExample(
            _table1(), (7.0,), "Scholz et al. (2011) Table 1; median after round 10"
        ),
        iterative=True,
        weight=0.15,
    )
)
register(
    Model(
        "exchange",
        "Stokman's equal-gain exchange model across issue pairs",
        "Stokman & Van Oosten (1994); Stokman & Van Assen (2003)",
        _run_exchange,
        _cost_exchange,
        # round 0: actor 0 concedes issue 1 (80 → 30) for actor 1's move on issue 0 to 555/13;
        # outcome on issue 0: (0.8·20 + 1.0·555/13)/1.8
        lambda: WorkedExample(
            _two_issues(), ((0.8 * 20 + 555 / 13) / 1.8, 30.0), "by hand: one exchange", rounds=1
        ),
        iterative=True,
        links_issues=True,
        weight=0.15,
    )
)
register(Ensemble())


# --- work per run -------------------------------------------------------------------------

# Reference seconds one run of a model takes on one core with the numpy kernels, as a function
# of the size alone (measured on the development machine, 2026-12: BDM about 150 ns per pair of
# actors per issue and round; the exchange model about 4 µs per candidate exchange (actor pairs
# × issue pairs × 2) over ten rounds). A fixed formula, not a timing, so that anything decided
# from it (what sensitivity screens) is the same on every machine and every run.
_WORK: dict[str, Callable[[int, int, int], float]] = {
    "compromise": lambda n, m, r: 1e-7 * n * m,
    "median": lambda n, m, r: 2e-7 * n * m,
    "nash": lambda n, m, r: 2e-6 * n * m,
    "bdm": lambda n, m, r: 1.5e-7 * n * n * m * max(r, 1),
    "exchange": lambda n, m, r: 4e-7 * (n * (n - 1) // 2) * (m * (m - 1)) * max(r, 1),
}


def reference_seconds(name: str, n_actors: int, n_issues: int, rounds: int) -> float:
    """About how long one run of model ``name`` takes (reference seconds, see ``_WORK``); a
    model built on others costs what they cost; a model without an estimate counts as cheap."""
    model = get(name)
    if model.requires:
        return sum(reference_seconds(m, n_actors, n_issues, rounds) for m in model.requires)
    work = _WORK.get(name)
    return float(work(n_actors, n_issues, rounds)) if work else 1e-6 * n_actors * n_issues
