"""What a simulation computes once per scenario before any run: the battlefield's numbers, the
two tracks' zone frontiers (:mod:`pourparler.dynamics.zone_path`), and for every frontier package
its monthly breakdown hazard and the chance that an absent veto actor spoils it.

Everything here is plain data (numpy arrays and numbers), so a :class:`SimulationSetup` pickles
to worker processes and Ray tasks as it is.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

import numpy as np

from pourparler.deals.kernels import BoolArray, FloatArray, IntArray
from pourparler.deals.space import build_space
from pourparler.dynamics.positions import Valuation, valuation
from pourparler.dynamics.zone_path import TrackFrontier, belligerent_weights, track_frontier
from pourparler.errors import InputError

if TYPE_CHECKING:
    from pourparler.scenario import Scenario
    from pourparler.scenario.model import DurabilityOverride, TerritoryLink

HazardFunction = Callable[[Collection[str], int, "DurabilityOverride | None"], FloatArray]
Sequencing = Literal["ceasefire-first", "settlement-first", "together"]

CEASEFIRE_TRACK = "ceasefire"
CEASEFIRE_PROVISION = "cease"


@dataclass(frozen=True)
class Spread:
    """How far the inputs the scenario gives without an uncertainty vary between batches of
    runs: each side's monthly cost is multiplied by a mean-one log-normal factor with log-sd
    ``cost_log_sd``; each side's optimism moves by Normal(0, ``optimism_sd``), clipped to 0–1.
    ``p`` varies by the scenario's own ``battlefield.p_sd`` and, with ``positions``, the
    belligerents' positions by their stances' ``uncertainty.position``."""

    cost_log_sd: float = 0.25
    optimism_sd: float = 0.05
    positions: bool = True

    def __post_init__(self) -> None:
        for name in ("cost_log_sd", "optimism_sd"):
            value = getattr(self, name)
            if not (np.isfinite(value) and 0.0 <= value <= 1.0):
                raise InputError(f"spread.{name}: {value!r}: expected a number in [0, 1]")


@dataclass(frozen=True)
class TrackData:
    """One track's frontier with, per frontier package, its breakdown hazard in months 1..M
    after signing ``hazard (F, M)`` and the monthly chance that some absent veto actor spoils
    it ``spoil (F,)``.

    A track that holds a territorial issue (``battlefield.territory``) at its status quo holds
    it where the front puts it, so its frontier depends on the front: the frontier is then the
    frontiers of each distinct held position, one after another, ``starts (V + 1,)`` where each
    begins, and ``variant (steps + 1,)`` the one that applies at each front position (one
    frontier, ``variant`` all 0, for a track the front does not move)."""

    frontier: TrackFrontier
    hazard: FloatArray
    spoil: FloatArray
    starts: IntArray
    variant: IntArray

    @property
    def variants(self) -> int:
        return len(self.starts) - 1


@dataclass(frozen=True)
class SimulationSetup:
    """A scenario's numbers for the month-by-month runs (see :mod:`pourparler.dynamics.chunk`)."""

    months: int
    steps: int
    start: int
    p: float
    p_sd: float
    discount: float
    cost_a: float
    cost_b: float
    belief_strength: float
    optimism_a: float
    optimism_b: float
    utility_a: float  # the belligerents' static no-deal utilities
    utility_b: float
    weight_a: float
    weight_b: float
    sequencing: Sequencing
    ceasefire_cost_factor: float
    spread: Spread
    settlement: TrackData
    ceasefire: TrackData
    valuation: Valuation


def status_quo_options(scenario: Scenario) -> IntArray:
    """Each issue's option nearest its status quo (the lower one on a tie)."""
    return np.array(
        [
            next(
                j
                for j, o in enumerate(issue.options)
                if o == issue.nearest_option(issue.status_quo)
            )
            for issue in scenario.issues
        ],
        dtype=np.int64,
    )


def territory_status_quo(
    status_quo: float, link: TerritoryLink, k: float, start: int, steps: int
) -> float:
    """The status quo of a territorial issue (stated ``status_quo``) with the front at ``k``:
    it moves ``(at_high − at_low)/steps`` a step, anchored at the stated status quo at the
    starting front, clipped to 0–100."""
    return min(100.0, max(0.0, status_quo + (link.at_high - link.at_low) * (k - start) / steps))


def held_by_front(
    scenario: Scenario, held: IntArray, issues: BoolArray
) -> tuple[IntArray, IntArray]:
    """The options a track (``issues``) holds the other issues at, per front position
    ``k = 0..steps``: a territorial issue's status quo follows the front, anchored at the
    scenario's own status quo at the starting front, ``status_quo + (at_high − at_low)·(k −
    start)/steps`` clipped to 0–100, and is held at the option nearest it (the lower one on a
    tie). Returns the distinct held rows ``(V, n_issues)``, in the order the front first
    reaches them from 0, and the row for each front position ``(steps + 1,)``."""
    bf = scenario.battlefield
    assert bf is not None
    ids = [i.id for i in scenario.issues]
    links = [(ids.index(link.issue), link) for link in bf.territory]
    links = [(i, link) for i, link in links if not issues[i]]  # the track negotiates the rest
    rows: list[IntArray] = []
    seen: dict[tuple[int, ...], int] = {}
    variant = np.empty(bf.steps + 1, dtype=np.int64)
    for k in range(bf.steps + 1):
        row = held.copy()
        for i, link in links:
            issue = scenario.issues[i]
            moved = territory_status_quo(issue.status_quo, link, k, bf.start, bf.steps)
            nearest = issue.nearest_option(moved)
            row[i] = next(j for j, o in enumerate(issue.options) if o == nearest)
        key = tuple(int(v) for v in row)
        if key not in seen:
            seen[key] = len(rows)
            rows.append(row)
        variant[k] = seen[key]
    return np.array(rows, dtype=np.int64), variant


def _joined(fronts: list[TrackFrontier]) -> TrackFrontier:
    """Frontiers of one track one after another (each sorted as :class:`TrackFrontier` says)."""
    if len(fronts) == 1:
        return fronts[0]
    methods = list(dict.fromkeys(f.method for f in fronts))
    return TrackFrontier(
        choice=np.concatenate([f.choice for f in fronts]),
        u_a=np.concatenate([f.u_a for f in fronts]),
        u_b=np.concatenate([f.u_b for f in fronts]),
        utility=np.concatenate([f.utility for f in fronts]),
        issues=fronts[0].issues,
        method="; ".join(methods),
    )


def beta_parameters(mean: float, sd: float) -> tuple[float, float] | None:
    """The Beta(α, β) with this mean and standard deviation (method of moments); None when
    ``sd`` is so small (1e-300, say) that α and β pass the largest float: that Beta is
    ``mean`` itself."""
    var = sd * sd
    if not var < mean * (1.0 - mean):
        raise InputError(
            f"battlefield.p_sd: {sd:g}: too large for p = {mean:g} (a Beta needs "
            f"p_sd < {np.sqrt(mean * (1.0 - mean)):.3g})"
        )
    kappa = mean * (1.0 - mean) / var - 1.0 if var > 0 else math.inf
    if not math.isfinite(kappa):
        return None
    return mean * kappa, (1.0 - mean) * kappa


def provisions_of(scenario: Scenario, choice: np.ndarray, issues: np.ndarray) -> frozenset[str]:
    """The provisions the options of a package provide, on the issues its track negotiates."""
    out: set[str] = set()
    for i, issue in enumerate(scenario.issues):
        if issues[i]:
            out.update(issue.options[int(choice[i])].provides)
    return frozenset(out)


def _hazards(
    scenario: Scenario,
    frontier: TrackFrontier,
    months: int,
    hazard: HazardFunction,
    extra: frozenset[str],
) -> FloatArray:
    override = scenario.talks.durability
    cache: dict[frozenset[str], FloatArray] = {}
    out = np.zeros((frontier.size, months))
    for j in range(frontier.size):
        provisions = provisions_of(scenario, frontier.choice[j], frontier.issues) | extra
        if provisions not in cache:
            h = np.asarray(hazard(sorted(provisions), months, override), dtype=float)
            if h.shape != (months,):
                raise ValueError(
                    f"hazard function: expected {months} probabilities, got shape {h.shape}"
                )
            bad = np.flatnonzero(~((h >= 0.0) & (h <= 1.0)))
            if bad.size:
                m = int(bad[0])
                raise ValueError(
                    f"hazard function: month {m + 1} after signing: {float(h[m])}: not a "
                    f"probability in [0, 1] (provisions: {', '.join(sorted(provisions)) or 'none'})"
                )
            cache[provisions] = h
        out[j] = cache[provisions]
    return out


def _spoil(
    frontier: TrackFrontier, reservation: FloatArray, spoilers: np.ndarray, scale: float
) -> FloatArray:
    """1 − Π_j (1 − min(1, scale · shortfall_j)) over the absent veto actors j (Stedman 1997)."""
    if frontier.size == 0 or not spoilers.any():
        return np.zeros(frontier.size)
    shortfall = np.maximum(0.0, reservation[spoilers][None, :] - frontier.utility[:, spoilers])
    hold = np.prod(1.0 - np.minimum(1.0, scale * shortfall), axis=1)
    return 1.0 - hold


def prepare(
    scenario: Scenario, months: int, hazard: HazardFunction, spread: Spread | None = None
) -> SimulationSetup:
    """The setup of ``scenario`` for runs of ``months`` months; bad input (no battlefield
    section) raises :class:`~pourparler.errors.InputError`."""
    bf = scenario.battlefield
    if bf is None:
        raise InputError(
            f"battlefield: missing: scenario {scenario.id!r} has no battlefield section, which "
            "the simulation needs (see docs/dynamics.md)"
        )
    space = build_space(scenario)
    a, b = space.actor_ids.index(bf.side_a), space.actor_ids.index(bf.side_b)
    held = status_quo_options(scenario)
    on_ceasefire = np.array([i.track == CEASEFIRE_TRACK for i in scenario.issues])
    tracks = {}
    # settlement-first: the ceasefire comes with the settlement, which then settles its terms too
    brings_ceasefire = scenario.talks.sequencing == "settlement-first"
    settles = np.ones_like(on_ceasefire) if brings_ceasefire else ~on_ceasefire
    for name, issues, extra in (
        ("settlement", settles, frozenset()),
        ("ceasefire", on_ceasefire, frozenset({CEASEFIRE_PROVISION})),
    ):
        rows, variant = held_by_front(scenario, held, issues)
        fronts = [track_frontier(space, issues, row, a, b) for row in rows]
        front = _joined(fronts)
        tracks[name] = TrackData(
            frontier=front,
            hazard=_hazards(scenario, front, months, hazard, extra),
            spoil=_spoil(front, space.reservation, space.spoilers, scenario.talks.spoiler_scale),
            starts=np.cumsum([0, *(f.size for f in fronts)]).astype(np.int64),
            variant=variant,
        )
    w_a, w_b = belligerent_weights(space, a, b)
    actor_a, actor_b = scenario.actor(bf.side_a), scenario.actor(bf.side_b)
    if bf.p_sd > 0:
        beta_parameters(bf.p, bf.p_sd)  # rejects an impossible p_sd before any run
    return SimulationSetup(
        months=months,
        steps=bf.steps,
        start=bf.start,
        p=bf.p,
        p_sd=bf.p_sd,
        discount=bf.discount,
        cost_a=bf.cost_a,
        cost_b=bf.cost_b,
        belief_strength=bf.belief_strength,
        optimism_a=actor_a.no_deal.optimism,
        optimism_b=actor_b.no_deal.optimism,
        utility_a=actor_a.no_deal.utility,
        utility_b=actor_b.no_deal.utility,
        weight_a=w_a,
        weight_b=w_b,
        sequencing=scenario.talks.sequencing,
        ceasefire_cost_factor=scenario.talks.ceasefire_cost_factor,
        spread=spread or Spread(),
        settlement=tracks["settlement"],
        ceasefire=tracks["ceasefire"],
        valuation=valuation(scenario, space, (bf.side_a, bf.side_b)),
    )
