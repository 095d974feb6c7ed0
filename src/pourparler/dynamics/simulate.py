"""``simulate``: the talks month by month over many runs, and what the runs add up to.

The model (documented in ``docs/dynamics.md``): a Slantchev (2003) random-walk war whose sides
learn about their battle chances by Bayes' rule (Smith & Stam 2004); reservation values that
follow each side's value of fighting on; a mediator proposing the weighted Nash package of the
month's zone on the ceasefire and settlement tracks; agreements that break down by the durability
hazard of their provisions or an absent veto actor's spoiling (Stedman 1997); and a ripeness index
(Zartman; Ruhe 2015) recorded alongside. The runs come in batches that share one draw of the
uncertain inputs; intervals are the 10% and 90% quantiles of the shares of the full batches
(:data:`MIN_BATCHES` of them at least; a last, shorter batch counts in the shares of all runs
only).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.dynamics.chunk import INPUTS, ChunkResult
from pourparler.dynamics.runners import BACKENDS, BATCH_RUNS, Backend, batches, run_batches
from pourparler.dynamics.setup import (
    HazardFunction,
    SimulationSetup,
    Spread,
    prepare,
    territory_status_quo,
)
from pourparler.errors import InputError
from pourparler.report.provenance import Provenance
from pourparler.report.simulation import (
    METHOD,
    Driver,
    IssueTerms,
    MonthRow,
    RationalSplit,
    Share,
    SimulationResult,
)

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

MAX_MONTHS = 600
MAX_RUNS = 1_000_000
MAX_RUN_MONTHS = 50_000_000  # runs × months: each keeps its ripeness (4 bytes) for the bands
INTERVAL = (0.10, 0.90)
HORIZONS = (6, 12, 24, 36)
DRIVER_MONTH = 12
MIN_BATCHES = 10  # full batches an 80% interval needs: at least one batch beyond each 10% tail


def check_arguments(months: int, runs: int, backend: str, workers: int) -> None:
    """Bad input, before any work, for arguments out of range."""
    if isinstance(months, bool) or not 1 <= months <= MAX_MONTHS:
        raise InputError(f"months: {months}: expected a whole number from 1 to {MAX_MONTHS}")
    if isinstance(runs, bool) or not 1 <= runs <= MAX_RUNS:
        raise InputError(f"runs: {runs}: expected a whole number from 1 to {MAX_RUNS:,}")
    if runs * months > MAX_RUN_MONTHS:
        raise InputError(
            f"runs: {runs:,} runs × {months} months = {runs * months:,} run-months, more than "
            f"{MAX_RUN_MONTHS:,} (about {4 * MAX_RUN_MONTHS // 10**6} MB of ripeness values); "
            "reduce the runs or the months"
        )
    if backend not in BACKENDS:
        raise InputError(f"backend: {backend!r}: expected one of {', '.join(BACKENDS)}")
    if isinstance(workers, bool) or workers < 1:
        raise InputError(f"workers: {workers}: expected at least 1")


def default_hazard() -> HazardFunction:
    """The fitted durability model's monthly breakdown probabilities."""
    from pourparler.dynamics.durability import breakdown_probabilities

    return breakdown_probabilities


def simulate(
    scenario: Scenario,
    *,
    months: int = 36,
    runs: int = 10_000,
    seed: int | None = 0,
    backend: Backend = "local",
    workers: int = 1,
    ray_address: str | None = None,
    hazard: HazardFunction | None = None,
    spread: Spread | None = None,
    progress: Callable[[int], None] | None = None,
) -> SimulationResult:
    """Simulate ``runs`` runs of ``months`` months of the talks of ``scenario`` (module
    docstring). ``hazard(provisions, months, override)`` gives an agreement's monthly breakdown
    probabilities (default: :func:`pourparler.dynamics.durability.breakdown_probabilities`);
    the same ``seed`` gives the same result on every backend and any number of workers;
    ``seed=None`` draws a fresh one from the system's entropy and records it in the result's
    provenance, so the result can be made again."""
    check_arguments(months, runs, backend, workers)
    if seed is None:
        # below 10**15, as the command line draws one: a spreadsheet keeps 15 digits whole
        seed = int(np.random.SeedSequence().generate_state(1, dtype=np.uint64)[0] % 10**15)
    setup = prepare(scenario, months, hazard or default_hazard(), spread)
    chunks = run_batches(
        setup,
        runs,
        seed,
        backend=backend,
        workers=workers,
        ray_address=ray_address,
        progress=progress,
    )
    provenance = Provenance.of(
        scenario,
        seed=seed,
        method=METHOD,
        months=months,
        runs=runs,
        batch_runs=BATCH_RUNS,
        batches=len(batches(runs)),
        spread={
            "cost_log_sd": setup.spread.cost_log_sd,
            "optimism_sd": setup.spread.optimism_sd,
            "positions": setup.spread.positions,
        },
    )
    return summarise(scenario, setup, chunks, provenance)


def full_batches(sizes: np.ndarray) -> np.ndarray:
    """Which batches hold the full :data:`BATCH_RUNS` runs (all but a shorter last one)."""
    return np.asarray(sizes == BATCH_RUNS)


def _share(counts: np.ndarray, sizes: np.ndarray) -> list[Share]:
    """Per month, the share of all runs and the 10%/90% quantiles of the full batches' shares
    (no interval with fewer than :data:`MIN_BATCHES` full batches: a shorter batch's share is
    noisier, one run's is 0 or 1, and a few batches make no 80% interval)."""
    total = counts.sum(axis=0) / sizes.sum()
    full = full_batches(sizes)
    if full.sum() < MIN_BATCHES:
        return [Share(float(v), None, None) for v in total]
    per_batch = counts[full] / BATCH_RUNS
    low, high = np.quantile(per_batch, INTERVAL, axis=0)
    return [
        Share(float(v), float(lo), float(hi)) for v, lo, hi in zip(total, low, high, strict=True)
    ]


def _median_month(first: np.ndarray) -> float | None:
    """The median month of reaching a state (0 = never), None when fewer than half the runs
    reach it."""
    months = np.sort(np.where(first > 0, first, np.iinfo(np.int64).max))
    n = len(months)
    if n == 0:
        return None
    mid = months[(n - 1) // 2] if n % 2 else None
    if mid is not None:
        return None if mid == np.iinfo(np.int64).max else float(mid)
    lo, hi = months[n // 2 - 1], months[n // 2]
    if hi == np.iinfo(np.int64).max:
        return None
    return float((lo + hi) / 2)


def _spearman(x: np.ndarray, y: np.ndarray) -> float | None:
    if len(x) < 3 or np.ptp(x) == 0 or np.ptp(y) == 0:
        return None
    from scipy.stats import rankdata

    rx, ry = rankdata(x), rankdata(y)
    return float(np.corrcoef(rx, ry)[0, 1])


def summarise(
    scenario: Scenario,
    setup: SimulationSetup,
    chunks: list[ChunkResult],
    provenance: Provenance,
) -> SimulationResult:
    """The result of the batches' runs."""
    bf = scenario.battlefield
    assert bf is not None
    months = setup.months
    sizes = np.array([c.runs for c in chunks], dtype=float)
    n = sizes.sum()

    def stack(name: str) -> np.ndarray:
        return np.stack([getattr(c, name) for c in chunks]).astype(float)

    shares = {
        name: _share(stack(name), sizes)
        for name in ("ceasefire", "settlement", "signed", "silenced", "broken")
    }
    defeat_a = stack("defeat_a").sum(axis=0) / n
    defeat_b = stack("defeat_b").sum(axis=0) / n
    front = stack("front").sum(axis=0) / n
    ripe = np.concatenate([c.ripeness for c in chunks])
    rows = []
    stated = {issue.id: issue.status_quo for issue in scenario.issues}
    for i in range(months):
        col = ripe[:, i]
        col = col[~np.isnan(col)]
        band = None
        mean = None
        if len(col):
            mean = float(col.mean(dtype=np.float64))
            lo, hi = np.quantile(col, INTERVAL)
            band = (float(lo), float(hi))
        territory = {
            link.issue: territory_status_quo(
                stated[link.issue], link, float(front[i]), bf.start, bf.steps
            )
            for link in bf.territory
        }
        rows.append(
            MonthRow(
                month=i + 1,
                ceasefire=shares["ceasefire"][i],
                settlement=shares["settlement"][i],
                signed=shares["signed"][i],
                silenced=shares["silenced"][i],
                broken=shares["broken"][i],
                defeat_a=float(defeat_a[i]),
                defeat_b=float(defeat_b[i]),
                front=float(front[i]),
                territory=territory,
                ripeness=mean,
                ripeness_band=band,
            )
        )
    summary: dict[str, float | None] = {}
    for h in HORIZONS:
        inside = h <= months
        summary[f"p_ceasefire_by_{h}"] = shares["silenced"][h - 1].value if inside else None
        summary[f"p_settlement_by_{h}"] = shares["signed"][h - 1].value if inside else None
        summary[f"p_breakdown_by_{h}"] = shares["broken"][h - 1].value if inside else None
    first_silence = np.concatenate([c.first_silence for c in chunks])
    first_settlement = np.concatenate([c.first_settlement for c in chunks])
    summary["median_months_to_ceasefire"] = _median_month(first_silence)
    summary["median_months_to_settlement"] = _median_month(first_settlement)
    summary["p_defeat_a"] = float(defeat_a[-1])
    summary["p_defeat_b"] = float(defeat_b[-1])
    summary["p_settlement_in_force_at_end"] = shares["settlement"][-1].value
    driver_month = min(DRIVER_MONTH, months)
    driver_target = "settlement_signed"
    full = full_batches(sizes)
    signed = stack("signed")[:, driver_month - 1] / sizes
    # the settlement share is the same in every full batch (no run can sign, say): screen the
    # ceasefire instead; with fewer than two full batches nothing can differ, so only when no
    # run signed at all
    same = np.ptp(signed[full]) == 0 if full.sum() >= 2 else not signed.any()
    if same:
        driver_target = "fighting_stopped"
        target = stack("silenced")[:, driver_month - 1] / sizes
    else:
        target = signed
    drivers = _drivers(chunks, full, target[full])
    return SimulationResult(
        provenance=provenance,
        sides=(bf.side_a, bf.side_b),
        months=tuple(rows),
        terms=_terms(scenario, setup, chunks),
        drivers=tuple(drivers),
        driver_month=driver_month,
        driver_target=driver_target,
        summary=summary,
        zone=_zone(setup),
        notes=_notes(setup, int(n), int(full.sum())),
        split=rational_split(scenario),
    )


def rational_split(scenario: Scenario) -> RationalSplit | None:
    """Slantchev's complete-information offers and fight values at the scenario's starting
    front (None without a battlefield)."""
    from pourparler.dynamics.battlefield import complete_information_offers, fight_values

    bf = scenario.battlefield
    if bf is None:
        return None
    x, y = complete_information_offers(bf.steps, bf.p, bf.discount, bf.cost_a, bf.cost_b)
    wa, wb = fight_values(bf.steps, bf.p, bf.discount, bf.cost_a, bf.cost_b)
    k = bf.start
    return RationalSplit(
        front=k,
        steps=bf.steps,
        p=bf.p,
        x=float(x[k]),
        y=float(y[k]),
        w_a=float(wa[k]),
        w_b=float(wb[k]),
    )


def _drivers(chunks: list[ChunkResult], full: np.ndarray, target: np.ndarray) -> list[Driver]:
    """Each drawn input's rank correlation with ``target`` (a share per full batch) across
    the full batches, the largest magnitude first (inputs that did not vary last); the range
    spans every batch's draw."""
    out = []
    for name in INPUTS:
        x = np.array([c.inputs[name] for c in chunks])
        rho = _spearman(x[full], target)
        out.append(Driver(name, rho, float(x.min()), float(x.max())))
    moved = sorted(
        (d for d in out if d.correlation is not None), key=lambda d: -abs(d.correlation or 0.0)
    )
    return moved + [d for d in out if d.correlation is None]


def _terms(
    scenario: Scenario, setup: SimulationSetup, chunks: list[ChunkResult]
) -> tuple[IssueTerms, ...]:
    out = []
    for name, track in (("settlement", setup.settlement), ("ceasefire", setup.ceasefire)):
        counts = np.sum([getattr(c, f"{name}_terms") for c in chunks], axis=0)
        total = int(np.sum(counts))
        for i, issue in enumerate(scenario.issues):
            if not track.frontier.issues[i]:
                continue
            shares: dict[str, float] = {}
            if total:
                picked = track.frontier.choice[:, i]
                for j, option in enumerate(issue.options):
                    share = float(counts[picked == j].sum()) / total
                    if share > 0:
                        shares[option.label] = share
            out.append(IssueTerms(issue.id, name, total, shares))
    return tuple(out)


def _zone(setup: SimulationSetup) -> dict[str, Any]:
    return {
        name: {
            "frontier_points": track.frontier.size,
            "method": track.frontier.method,
            "issues": int(track.frontier.issues.sum()),
            "lines": track.variants,  # frontiers, one per status quo the front holds it at
        }
        for name, track in (("settlement", setup.settlement), ("ceasefire", setup.ceasefire))
    }


def _notes(setup: SimulationSetup, runs: int, full: int) -> tuple[str, ...]:
    notes = []
    if full < MIN_BATCHES:
        notes.append(
            f"no 80% intervals: an interval needs at least {MIN_BATCHES} full batches of "
            f"{BATCH_RUNS} runs ({MIN_BATCHES * BATCH_RUNS:,} runs); "
            + (f"{runs:,} runs make {full}" if runs > 1 else "1 run makes 0")
        )
    for name, track in (("settlement", setup.settlement), ("ceasefire", setup.ceasefire)):
        if track.frontier.size == 0:
            notes.append(
                f"the {name} track has no package inside the parties' red lines and the other "
                "parties' reservation values: no run can sign it"
            )
    if setup.sequencing == "settlement-first":
        notes.append("settlement-first: a ceasefire comes only with a settlement")
    return tuple(notes)
