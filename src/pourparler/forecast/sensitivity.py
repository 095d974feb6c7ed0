"""One-at-a-time sensitivity: which input moves each issue's forecast most (tornado data).

For every actor and each of its inputs the model is rerun with that one input lowered and raised
by δ, everything else held at the scenario's values (a one-at-a-time design; Saltelli et al.
2008, *Global Sensitivity Analysis: The Primer*, ch. 1):

* position on an issue: ±10% of the span of the issue's labelled options (10 points where the
  options span nothing), :func:`position_deltas`;
* salience on an issue: ±0.1;
* capability: ±20% of the actor's own capability (capabilities have no common scale).

A changed value is clamped to its scale (positions 0–100, saliences 0–1), and the effect says so
(``clamped_low``, ``clamped_high``); a side on which the input cannot move at all (a position
already at 100, a capability of 0) is reported as no change possible (``low_possible`` /
``high_possible`` false, its forecast None) rather than as an effect.

The effect on an issue's forecast is that of the actor's input *on that issue* (its capability
counts on every issue). For a model that forecasts each issue on its own (the registry's
``links_issues`` false) changing the actor's position on every issue at once gives exactly the
one-issue effects, in one run per actor; for a model that links issues (the exchange model, and
so the ensemble) each (actor, issue) input is changed on its own. The effect's size is the span
of the forecast over the low, nominal and high values; for a model that is not monotone in an
input both changes can move the forecast the same way, which ``same_direction`` flags.

The runs are made in chunks of :data:`CHUNK_ROWS` perturbed inputs, so memory stays bounded
whatever the number of actors, and inputs too big to run are refused before any work.

*Screening.* With hundreds of actors a full design is out of reach for the expensive models
(200 actors × 10 issues: about 8,000 runs of the exchange model, hours). When the expensive
models' runs would cost more than ``budget`` reference seconds (a fixed formula of the size,
:func:`~pourparler.forecast.registry.reference_seconds`, so the choice is the same on every
machine), every change still runs on the cheap models, and the expensive ones run on the changes
that move the cheap screening models (compromise and median) the most, as many as the budget
allows (a two-stage screening design; Saltelli et al. 2008, ch. 2). For the other changes an
expensive model is held at its nominal forecast, and the effect names it in ``screened``. The
screening models have run on every change to screen them, so they are never held.
``budget=None`` runs everything.

Progress is reported in one stage per set of models run together, so that the time left is told
from runs of one cost; runs dearer than :data:`CHUNK_SECONDS` advance one at a time.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from pourparler.forecast.bdm import DEFAULT_Q, DEFAULT_ROUNDS
from pourparler.forecast.budget import allot, check_nominal
from pourparler.forecast.inputs import BoolArray, FloatArray, ForecastInputs, ModelRun
from pourparler.forecast.models import check_scale, run_models
from pourparler.forecast.progress import ProgressSink, as_sink
from pourparler.forecast.registry import REGISTRY, get, reference_seconds
from pourparler.forecast.threads import in_threads, threads_for

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

POSITION_SHARE = 0.1  # of the span of an issue's labelled options
POSITION_DELTA = 10.0  # where the options span nothing
SALIENCE_DELTA = 0.1
CAPABILITY_FRACTION = 0.2
INPUTS = ("position", "salience", "capability")
POSITION_SCALE = (0.0, 100.0)
SALIENCE_SCALE = (0.0, 1.0)
CHUNK_ROWS = 256
SCREEN_BUDGET = 45.0  # reference seconds of expensive-model runs before screening starts
CHEAP_SECONDS = 5.0  # a model whose runs on every change take less in all is never screened
SCREENING_MODELS = ("compromise", "median")
PROBE_ROWS = 8  # the first chunk, timed to estimate the rest
CHUNK_SECONDS = 2.0  # reference seconds of runs per chunk at most (a chunk has one row at least)


@dataclass(frozen=True)
class Effect:
    """The forecast of one issue with one actor's input at ``low_value`` and ``high_value``
    (``forecast`` with the input at ``value``). A side is ``clamped`` when the change by δ
    would have left the input's scale, and not ``possible`` when the input cannot move that
    way at all; its forecast is then NaN."""

    actor: str
    input: str
    value: float
    low_value: float
    high_value: float
    forecast_low: float
    forecast_high: float
    forecast: float = float("nan")
    clamped_low: bool = False
    clamped_high: bool = False
    screened: tuple[str, ...] = ()

    @property
    def low_possible(self) -> bool:
        return bool(self.low_value != self.value)

    @property
    def high_possible(self) -> bool:
        return bool(self.high_value != self.value)

    @property
    def no_forecast(self) -> bool:
        """A change tried leaves no forecast (no actor keeps any weight on the issue)."""
        return bool(
            (self.low_possible and not np.isfinite(self.forecast_low))
            or (self.high_possible and not np.isfinite(self.forecast_high))
        )

    @property
    def size(self) -> float:
        """The span of the forecast over the values tried (0 when none moved it or a forecast
        is missing; infinite when a change leaves no forecast at all, the largest effect)."""
        if self.no_forecast and np.isfinite(self.forecast):
            return float("inf")
        values = [self.forecast, self.forecast_low, self.forecast_high]
        if np.isnan(self.forecast):  # without the nominal forecast: the two ends
            values = values[1:]
        finite = [v for v in values if np.isfinite(v)]
        return float(max(finite) - min(finite)) if len(finite) >= 2 else 0.0

    @property
    def same_direction(self) -> bool:
        """Both changes move the forecast the same way (the model is not monotone here)."""
        lo, hi = self.forecast_low - self.forecast, self.forecast_high - self.forecast
        return bool(np.isfinite(lo) and np.isfinite(hi) and lo * hi > 0)


@dataclass(frozen=True)
class IssueSensitivity:
    issue: str
    forecast: float
    effects: list[Effect]  # largest first
    position_delta: float = POSITION_DELTA


class SensitivityResult(list[IssueSensitivity]):
    """The sensitivity of every issue (a list, in the scenario's order) and how the expensive
    models were screened: ``budget`` (reference seconds; None when every change ran on every
    model) and, per screened model, ``kept[model] = (changes run, changes in all)``."""

    def __init__(
        self,
        issues: Sequence[IssueSensitivity],
        budget: float | None = None,
        kept: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        super().__init__(issues)
        self.budget = budget
        self.kept = dict(kept or {})

    @property
    def screened(self) -> bool:
        return self.budget is not None


def position_deltas(
    scenario: Scenario | None = None, *, option_values: Sequence[Sequence[float]] | None = None
) -> FloatArray:
    """δ for positions per issue: 10% of the span of its labelled options (10 points where
    they span nothing), from a scenario or from each issue's option values."""
    if (scenario is None) == (option_values is None):
        raise ValueError("position_deltas: give a scenario or option_values")
    if scenario is not None:
        option_values = [[o.value for o in issue.options] for issue in scenario.issues]
    assert option_values is not None
    spans = np.array([max(v) - min(v) if len(v) else 0.0 for v in option_values], dtype=float)
    return np.where(spans > 0, POSITION_SHARE * spans, POSITION_DELTA)


@dataclass(frozen=True)
class _Change:
    """One perturbed input: ``actor``'s input ``kind`` (index into INPUTS) moved to its
    ``side`` (0 low, 1 high), on ``issue`` only or (−1) on every issue."""

    actor: int
    kind: int
    side: int
    issue: int


def _ends(
    base: ForecastInputs, delta: FloatArray
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Per actor, input and issue ``(n, 3, m)``: the value, the low and high values used, and
    the clamped flags ``(n, 3, 2, m)``."""
    x, s, c = base.position[0], base.salience[0], base.capability[0]
    m = x.shape[1]
    value = np.stack([x, s, np.repeat(c[:, None], m, axis=1)], axis=1)
    raw_lo = np.stack([x - delta, s - SALIENCE_DELTA, value[:, 2] * (1 - CAPABILITY_FRACTION)], 1)
    raw_hi = np.stack([x + delta, s + SALIENCE_DELTA, value[:, 2] * (1 + CAPABILITY_FRACTION)], 1)
    lo, hi = raw_lo.copy(), raw_hi.copy()
    for j, (a, b) in enumerate((POSITION_SCALE, SALIENCE_SCALE)):
        lo[:, j] = np.clip(raw_lo[:, j], a, b)
        hi[:, j] = np.clip(raw_hi[:, j], a, b)
    with np.errstate(invalid="ignore"):
        clamped = np.stack([lo != raw_lo, hi != raw_hi], axis=2)
    present = np.repeat(base.present[:, None, :], 3, axis=1)
    present[:, 2] = True
    clamped &= present[:, :, None, :]
    return value, lo, hi, clamped


def _weightless(base: ForecastInputs, lo: FloatArray, hi: FloatArray) -> BoolArray:
    """``(n_actors, 3, 2, n_issues)``: whether changing actor a's input (position, salience,
    capability) to its low or high value leaves no actor any weight (capability × salience) on
    the issue."""
    c = base.capability[0]
    s = np.where(base.present, base.salience[0], 0.0)
    weight = (c[:, None] * s).sum(axis=0)  # (n_issues,)
    own = c[:, None] * s  # each actor's part of it
    out = np.zeros((*lo.shape[:2], 2, lo.shape[2]), dtype=bool)
    for side, to in enumerate((lo, hi)):
        out[:, 0, side] = ~(weight > 0)[None, :]  # a position moves no weight
        out[:, 1, side] = ~(weight - own + c[:, None] * np.where(base.present, to[:, 1], 0.0) > 0)
        out[:, 2, side] = ~(weight - own + to[:, 2] * s > 0)
    return out


def _apply(
    base: ForecastInputs, changes: Sequence[_Change], lo: FloatArray, hi: FloatArray
) -> ForecastInputs:
    """One row of inputs per change."""
    rows = len(changes)
    pos = np.repeat(base.position, rows, axis=0)
    sal = np.repeat(base.salience, rows, axis=0)
    cap = np.repeat(base.capability, rows, axis=0)
    for r, ch in enumerate(changes):
        end = (lo, hi)[ch.side][ch.actor, ch.kind]
        cols = slice(None) if ch.issue < 0 else slice(ch.issue, ch.issue + 1)
        if ch.kind == 0:
            pos[r, ch.actor, cols] = np.where(base.present[ch.actor, cols], end[cols], np.nan)
        elif ch.kind == 1:
            sal[r, ch.actor, cols] = np.where(base.present[ch.actor, cols], end[cols], 0.0)
        else:
            cap[r, ch.actor] = end[0]
    return ForecastInputs(pos, sal, cap, base.present, base.status_quo, base.disagreement)


def _changes(
    base: ForecastInputs, value: FloatArray, lo: FloatArray, hi: FloatArray, linked: bool
) -> list[_Change]:
    """The perturbed inputs to run: one actor's input on every issue at once for models that
    forecast each issue on its own, one (actor, issue) input at a time for models that link
    issues; sides on which nothing can move are left out (their forecast is the nominal one)."""
    n = value.shape[0]
    out: list[_Change] = []
    for a in range(n):
        for kind in range(3):
            for side, end in enumerate((lo, hi)):
                moved = (end[a, kind] != value[a, kind]) & (base.present[a] | (kind == 2))
                if kind == 2 or not linked:
                    if moved.any():
                        out.append(_Change(a, kind, side, -1))
                else:
                    out += [_Change(a, kind, side, int(k)) for k in np.flatnonzero(moved)]
    return out


def _screening_scores(
    base: ForecastInputs,
    changes: Sequence[_Change],
    screen: FloatArray,
    nominal: FloatArray,
) -> FloatArray:
    """How much each change moves the cheap screening models' forecasts: on its issue, or the
    most on any issue for a change made on every issue."""
    moved = np.abs(screen - nominal)  # (n, 3, 2, m)
    moved = np.where(np.isfinite(moved), moved, 0.0)
    return np.array(
        [
            moved[ch.actor, ch.kind, ch.side].max()
            if ch.issue < 0
            else moved[ch.actor, ch.kind, ch.side, ch.issue]
            for ch in changes
        ]
    )


def sensitivity(
    base: ForecastInputs,
    actor_ids: tuple[str, ...],
    issue_ids: tuple[str, ...],
    *,
    model: str = "ensemble",
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    position_delta: float | FloatArray = POSITION_DELTA,
    budget: float | None = SCREEN_BUDGET,
    progress: ProgressSink | Callable[[int], None] | None = None,
    workers: int | None = None,
) -> SensitivityResult:
    """Per issue, every (actor, input) pair's effect on ``model``'s forecast, largest first.

    ``position_delta`` is δ for positions, one value or one per issue (see
    :func:`position_deltas`, which gives the command line's δ for a scenario). ``budget`` caps
    the reference seconds (:func:`~pourparler.forecast.registry.reference_seconds`) spent on
    the expensive models; None runs every change on every model. ``workers`` threads (None:
    the machine's cores, at most four) run the batches of changes side by side; the batches,
    and so the numbers, do not depend on it."""
    if base.n_draws != 1:
        raise ValueError("sensitivity: needs the scenario's nominal inputs (one draw)")
    entry = get(model)
    n, m = base.n_actors, base.n_issues
    if len(actor_ids) != n or len(issue_ids) != m:
        raise ValueError("sensitivity: actor_ids and issue_ids must match the inputs")
    delta = np.broadcast_to(np.asarray(position_delta, dtype=float), (m,)).copy()
    if not np.all(np.isfinite(delta)) or np.any(delta <= 0):
        raise ValueError("sensitivity: position_delta must be positive")
    if budget is not None and not budget >= 0:
        raise ValueError("sensitivity: budget must be non-negative (or None)")
    try:
        workers = threads_for(workers)
    except ValueError as exc:
        raise ValueError(f"sensitivity: {exc}") from None
    base.validate()
    members = list(entry.requires) or [model]
    check_scale(n, m, members, rounds=rounds)
    if budget is not None:
        check_nominal(members, n, m, rounds)
    sink = as_sink(progress)
    value, lo, hi, clamped = _ends(base, delta)
    groups = [
        [c for c in members if REGISTRY[c].links_issues == linked] for linked in (False, True)
    ]
    plans = [
        (group, _changes(base, value, lo, hi, linked))
        for group, linked in zip(groups, (False, True), strict=True)
        if group
    ]
    secs = {c: reference_seconds(c, n, m, rounds) for c in members}

    def dear(c: str, changes: Sequence[_Change]) -> bool:
        # the screening models run on every change whenever there is screening
        return c not in SCREENING_MODELS and len(changes) * secs[c] >= CHEAP_SECONDS

    full = [len(changes) * sum(secs[c] for c in group if dear(c, changes))
            for group, changes in plans]  # fmt: skip
    screening = budget is not None and sum(full) > budget
    scores: list[FloatArray | None] = [None] * len(plans)
    # forecast[c][a, kind, side, k]: issue k's forecast with that one input changed
    table: dict[str, FloatArray] = {}
    if screening:
        assert budget is not None
        screeners = list(SCREENING_MODELS)
        per_issue = _changes(base, value, lo, hi, False)
        nominal_s = run_models(base, screeners, rounds=rounds, q=q)
        table.update(
            {c: np.broadcast_to(nominal_s[c].forecast[0], (n, 3, 2, m)).copy() for c in screeners}
        )
        screened_chunks = [
            per_issue[start : start + CHUNK_ROWS] for start in range(0, len(per_issue), CHUNK_ROWS)
        ]

        def screen_run(chunk: list[_Change]) -> dict[str, ModelRun]:
            runs = run_models(_apply(base, chunk, lo, hi), screeners, rounds=rounds, q=q)
            return {c: ModelRun(runs[c].forecast) for c in screeners}  # not every round's

        runs_of = in_threads(screen_run, screened_chunks, workers)
        for chunk, runs_s in zip(screened_chunks, runs_of, strict=True):
            for c in screeners:
                for r, ch in enumerate(chunk):
                    table[c][ch.actor, ch.kind, ch.side] = runs_s[c].forecast[r]
        screen = np.stack([nominal_s[c].forecast[0] for c in screeners]).mean(axis=0)
        table_s = np.stack([table[c] for c in screeners]).mean(axis=0)
        scores = [_screening_scores(base, changes, table_s, screen) for _, changes in plans]
        shares = allot(full, budget)
        for c in [c for c in screeners if c not in members]:
            del table[c]
    nominal: dict[str, FloatArray] = {}
    took: dict[str, float] = {}  # seconds of one nominal run, per model
    for c in members:
        t0 = time.perf_counter()
        nominal[c] = run_models(base, [c], rounds=rounds, q=q)[c].forecast[0]
        took[c] = time.perf_counter() - t0
    # the runs to make: (models, changes); expensive models on the kept changes only
    work: list[tuple[list[str], list[_Change]]] = []
    screened = {c: np.zeros((n, 3, 2, m), dtype=bool) for c in members}
    kept_counts: dict[str, tuple[int, int]] = {}
    for p, (group, changes) in enumerate(plans):
        todo = [c for c in group if c not in table]  # the screening models have run already
        cheap = [c for c in todo if not dear(c, changes)]
        costly = [c for c in todo if dear(c, changes)]
        if not screening or not costly:
            if todo:
                work.append((todo, changes))
            continue
        if cheap:
            work.append((cheap, changes))
        per_run = sum(secs[c] for c in costly)
        keep = min(len(changes), int(shares[p] // per_run)) if per_run > 0 else len(changes)
        score = scores[p]
        assert score is not None
        order = np.argsort(-score, kind="stable")[:keep]
        chosen = [changes[i] for i in sorted(order)]
        if chosen:
            work.append((costly, chosen))
        dropped = np.ones(len(changes), dtype=bool)
        dropped[order] = False
        for i in np.flatnonzero(dropped):
            ch = changes[i]
            cols = slice(None) if ch.issue < 0 else ch.issue
            for c in costly:
                screened[c][ch.actor, ch.kind, ch.side, cols] = True
        for c in costly:
            kept_counts[c] = (len(chosen), len(changes))
    for c in members:
        if c not in table:
            table[c] = np.broadcast_to(nominal[c], (n, 3, 2, m)).copy()
    for group, changes in work:
        # one stage per set of models, so that the time left is told from runs of one cost;
        # a run in a batch costs at most what the nominal run cost
        sink.start(f"perturbed runs ({', '.join(group)})", len(changes),
                   sum(took[c] for c in group) * len(changes))  # fmt: skip
        try:
            per_row = sum(secs[c] for c in group)
            step = max(
                1, min(CHUNK_ROWS, int(CHUNK_SECONDS / per_row) if per_row > 0 else CHUNK_ROWS)
            )
            # a small first chunk tells the progress sink early how long a run takes
            starts = [0, *range(min(PROBE_ROWS, step), len(changes), step)]
            chunks = [
                changes[a:b]
                for a, b in zip(starts, [*starts[1:], len(changes)], strict=True)
                if b > a
            ]

            def run(chunk: list[_Change], group: list[str] = group) -> dict[str, ModelRun]:
                runs = run_models(_apply(base, chunk, lo, hi), group, rounds=rounds, q=q)
                return {c: ModelRun(runs[c].forecast) for c in group}  # not every round's

            for chunk, runs in zip(chunks, in_threads(run, chunks, workers), strict=True):
                for c in group:
                    f = runs[c].forecast
                    for r, ch in enumerate(chunk):
                        if ch.issue < 0:
                            table[c][ch.actor, ch.kind, ch.side] = f[r]
                        else:
                            table[c][ch.actor, ch.kind, ch.side, ch.issue] = f[r, ch.issue]
                sink.advance(len(chunk))
        finally:
            sink.finish()
    # a change that leaves no actor any weight on an issue leaves no forecast of it, by every
    # model alike (as a draw of the inputs does)
    none = _weightless(base, lo, hi)
    for c in members:
        table[c] = np.where(none, np.nan, table[c])
    if entry.requires:
        combine = entry.combine  # type: ignore[attr-defined]
        final = combine({c: ModelRun(table[c]) for c in members}).forecast
        f0 = combine({c: ModelRun(nominal[c]) for c in members}).forecast
    else:
        final, f0 = table[model], nominal[model]
    possible = np.stack([lo != value, hi != value], axis=2)
    final = np.where(possible, final, np.nan)
    out: list[IssueSensitivity] = []
    for k, issue in enumerate(issue_ids):
        effects: list[Effect] = []
        for a, actor in enumerate(actor_ids):
            for j, name in enumerate(INPUTS):
                if j < 2 and not base.present[a, k]:
                    continue
                held = tuple(
                    c
                    for c in members
                    if screened[c][a, j, :, k].any() and possible[a, j, :, k].any()
                )
                effects.append(
                    Effect(
                        actor,
                        name,
                        float(value[a, j, k]),
                        float(lo[a, j, k]),
                        float(hi[a, j, k]),
                        float(final[a, j, 0, k]),
                        float(final[a, j, 1, k]),
                        float(f0[k]),
                        bool(clamped[a, j, 0, k]),
                        bool(clamped[a, j, 1, k]),
                        held,
                    )
                )
        effects.sort(key=lambda e: -e.size)
        out.append(IssueSensitivity(issue, float(f0[k]), effects, float(delta[k])))
    return SensitivityResult(out, budget if screening else None, kept_counts)


def scenario_sensitivity(
    sc: Scenario,
    *,
    model: str = "ensemble",
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    budget: float | None = SCREEN_BUDGET,
    progress: ProgressSink | Callable[[int], None] | None = None,
    workers: int | None = None,
) -> SensitivityResult:
    """:func:`sensitivity` of a scenario with the δ of :func:`position_deltas`: the numbers
    ``pourparler sensitivity`` prints."""
    from pourparler.forecast.scenario_forecast import scenario_inputs

    arr = sc.arrays()
    return sensitivity(
        scenario_inputs(sc),
        arr.actor_ids,
        arr.issue_ids,
        model=model,
        rounds=rounds,
        q=q,
        position_delta=position_deltas(sc),
        budget=budget,
        progress=progress,
        workers=workers,
    )
