"""One batch of runs of the talks, month by month, vectorised over the runs.

A batch shares one draw of the uncertain inputs (side a's battle chance ``p`` from a Beta with
the scenario's mean and ``p_sd``; the monthly costs and each side's optimism by
:class:`~pourparler.dynamics.setup.Spread`; the belligerents' positions by their stated
uncertainty, :mod:`pourparler.dynamics.positions`), so batch means are the unit of the
intervals over inputs. Each month ``t`` of each run:

1. **Talks.** Each belligerent's reservation value is its static no-deal utility moved by what
   fighting on is worth to it now, under its own belief: ``d_i(t) = clip(u_i + W_i(k_t, p̂_i,t)
   − W_i(k_0, p), 0, 1)`` (Slantchev 2003 for ``W``). The mediator proposes the weighted Nash
   package of the track's zone (:func:`~pourparler.dynamics.zone_path.mediate`); a non-empty
   zone means every veto actor at the table accepts it. Which track may sign follows
   ``talks.sequencing``: a settlement needs a ceasefire in force (``ceasefire-first``), a
   ceasefire comes only with a settlement (``settlement-first``), or either (``together``; a
   settlement is preferred when both zones are open).
2. **Battle.** While fighting, the front moves up with probability ``p`` and down otherwise;
   0 and ``steps`` end the war by defeat. Both sides update their Beta beliefs on the battle
   (Smith & Stam 2004). A ceasefire freezes the front and the beliefs.
3. **Breakdown.** An agreement signed in an earlier month breaks down with probability
   ``1 − (1 − h_m)(1 − s)``: ``h_m`` the durability hazard ``m`` months after signing, ``s`` the
   chance that an absent veto actor spoils it (Stedman 1997). Fighting then resumes.

Ripeness (Zartman 2000; Ruhe 2015) is recorded per run and month while the war is on
(:mod:`pourparler.dynamics.ripeness`); it causes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from pourparler.dynamics import beliefs
from pourparler.dynamics.battlefield import fight_value_table
from pourparler.dynamics.positions import (
    draw_positions,
    option_utilities,
    package_utilities,
)
from pourparler.dynamics.ripeness import ripeness, way_out
from pourparler.dynamics.setup import SimulationSetup, TrackData, beta_parameters
from pourparler.dynamics.zone_path import mediate, two_party_front, zone_gap

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.int64]

GRID = 401  # beliefs tabulated for the fight values
FIGHTING, CEASEFIRE, SETTLED, DEFEAT_A, DEFEAT_B = 0, 1, 2, 3, 4
COUNTS = (
    "ceasefire",
    "settlement",
    "signed",
    "silenced",
    "broken",
    "defeat_a",
    "defeat_b",
    "front",
)
INPUTS = (
    "p",
    "cost_a",
    "cost_b",
    "optimism_a",
    "optimism_b",
    "position_shift_a",
    "position_shift_b",
)


@dataclass(frozen=True)
class ChunkResult:
    """What one batch gives. Per month ``t`` (arrays of shape (months,)), counts of runs:
    ``ceasefire`` with a ceasefire in force, ``settlement`` with a settlement in force,
    ``signed`` that have signed a settlement by ``t``, ``silenced`` whose fighting stopped by an
    agreement (ceasefire or settlement) by ``t``, ``broken`` where some agreement broke down by
    ``t``, ``defeat_a``/``defeat_b`` ended by a side's defeat by ``t``, and ``front`` the sum of
    the fronts. Per run: ``first_silence`` and ``first_settlement`` (month, 0 = never),
    ``ripeness (runs, months)`` (NaN once the war is over). ``settlement_terms`` and
    ``ceasefire_terms`` count the runs' last signed package per frontier point. ``paths`` holds
    each run's state and front per month when asked for."""

    runs: int
    inputs: dict[str, float]
    ceasefire: IntArray
    settlement: IntArray
    signed: IntArray
    silenced: IntArray
    broken: IntArray
    defeat_a: IntArray
    defeat_b: IntArray
    front: IntArray
    first_silence: IntArray
    first_settlement: IntArray
    ripeness: NDArray[np.float32]
    settlement_terms: IntArray
    ceasefire_terms: IntArray
    paths: tuple[NDArray[np.int8], IntArray] | None = None


def draw_inputs(setup: SimulationSetup, rng: np.random.Generator) -> dict[str, float]:
    """One draw of the batch's uncertain inputs (module docstring)."""
    beta = beta_parameters(setup.p, setup.p_sd) if setup.p_sd > 0 else None
    p = float(rng.beta(*beta)) if beta is not None else setup.p
    p = float(np.clip(p, 1e-3, 1 - 1e-3))
    s = setup.spread.cost_log_sd
    z = rng.standard_normal(4)
    factor = np.exp(s * z[:2] - 0.5 * s * s)
    o = setup.spread.optimism_sd
    return {
        "p": p,
        "cost_a": float(setup.cost_a * factor[0]),
        "cost_b": float(setup.cost_b * factor[1]),
        "optimism_a": float(np.clip(setup.optimism_a + o * z[2], 0.0, 1.0)),
        "optimism_b": float(np.clip(setup.optimism_b + o * z[3], 0.0, 1.0)),
    }


Front = tuple[FloatArray, FloatArray, IntArray]  # u_a, u_b, index into the track's frontier


def drawn_frontiers(
    setup: SimulationSetup, rng: np.random.Generator, inputs: dict[str, float]
) -> dict[str, list[Front]]:
    """Each track's frontiers for the batch, one per front-held variant (:class:`TrackData`):
    ``(u_a, u_b, index into the track's frontier)``, valued at the belligerents' drawn
    positions when the spread draws them and the scenario states their uncertainty
    (:mod:`pourparler.dynamics.positions`), else as precomputed. Records the positions' mean
    shifts in ``inputs``."""
    val = setup.valuation
    tracks: dict[str, TrackData] = {"settlement": setup.settlement, "ceasefire": setup.ceasefire}
    if not (setup.spread.positions and val.uncertain):
        inputs["position_shift_a"] = inputs["position_shift_b"] = 0.0
        return {
            name: [
                (t.frontier.u_a[lo:hi], t.frontier.u_b[lo:hi], np.arange(lo, hi))
                for lo, hi in zip(t.starts[:-1], t.starts[1:], strict=True)
            ]
            for name, t in tracks.items()
        }
    drawn, shift = draw_positions(val, rng)
    inputs["position_shift_a"], inputs["position_shift_b"] = float(shift[0]), float(shift[1])
    util = option_utilities(val, drawn)
    out: dict[str, list[Front]] = {}
    for name, t in tracks.items():
        u = package_utilities(util, val.offsets, t.frontier.choice)
        out[name] = []
        for lo, hi in zip(t.starts[:-1], t.starts[1:], strict=True):
            keep = two_party_front(u[0, lo:hi], u[1, lo:hi])
            out[name].append((u[0, lo:hi][keep], u[1, lo:hi][keep], lo + keep))
    return out


@dataclass
class _Runs:
    """The state of a batch's runs, changed month by month inside :func:`run_chunk`: the front,
    the state (:data:`FIGHTING`, ...), each side's Beta belief (rows a, b), the agreement in
    force (its frontier point and month of signing), each run's last signed packages, first
    months and whether an agreement ever broke down."""

    k: IntArray
    state: NDArray[np.int8]
    alpha: FloatArray  # (2, runs)
    beta: FloatArray
    signed_at: IntArray
    pick: IntArray
    last_settlement: IntArray
    last_ceasefire: IntArray
    first_silence: IntArray
    first_settlement: IntArray
    broken: NDArray[np.bool_]

    @classmethod
    def start(cls, setup: SimulationSetup, runs: int, x: dict[str, float]) -> _Runs:
        prior = [
            beliefs.prior_from_optimism(setup.p, x[f"optimism_{side}"], setup.belief_strength, side)
            for side in ("a", "b")
        ]
        ones = np.ones((2, runs))

        def never() -> IntArray:
            return np.full(runs, -1, dtype=np.int64)

        return cls(
            k=np.full(runs, setup.start, dtype=np.int64),
            state=np.zeros(runs, dtype=np.int8),
            alpha=np.array([[prior[0][0]], [prior[1][0]]]) * ones,
            beta=np.array([[prior[0][1]], [prior[1][1]]]) * ones,
            signed_at=np.zeros(runs, dtype=np.int64),
            pick=never(),
            last_settlement=never(),
            last_ceasefire=never(),
            first_silence=np.zeros(runs, dtype=np.int64),
            first_settlement=np.zeros(runs, dtype=np.int64),
            broken=np.zeros(runs, dtype=bool),
        )

    def sign(self, rows: IntArray, picks: IntArray, t: int, settlement: bool) -> None:
        """Runs ``rows`` sign the frontier points ``picks`` of a track in month ``t``."""
        self.state[rows] = SETTLED if settlement else CEASEFIRE
        self.signed_at[rows] = t
        self.pick[rows] = picks
        (self.last_settlement if settlement else self.last_ceasefire)[rows] = picks
        firsts = (
            (self.first_silence, self.first_settlement) if settlement else (self.first_silence,)
        )
        for first in firsts:
            first[rows] = np.where(first[rows] == 0, t, first[rows])

    def battle(self, won: NDArray[np.bool_], steps: int) -> None:
        """The month's battle for the runs still fighting; the beliefs learn from it."""
        fighting = self.state == FIGHTING
        self.k = np.where(fighting, np.where(won, self.k + 1, self.k - 1), self.k)
        self.alpha[:, fighting] += won[fighting]
        self.beta[:, fighting] += ~won[fighting]
        self.state[fighting & (self.k == 0)] = DEFEAT_A
        self.state[fighting & (self.k == steps)] = DEFEAT_B

    def break_down(
        self, u: FloatArray, t: int, settlement: TrackData, ceasefire: TrackData
    ) -> None:
        """Agreements signed before month ``t`` break down by their hazard and spoilers."""
        rows = np.flatnonzero((self.state == CEASEFIRE) | (self.state == SETTLED))
        rows = rows[self.signed_at[rows] < t]
        age = t - self.signed_at[rows]  # months since signing, 1..months-1
        chance = np.zeros(len(rows))
        for track, code in ((ceasefire, CEASEFIRE), (settlement, SETTLED)):
            on = self.state[rows] == code
            if on.any():
                j = self.pick[rows[on]]
                hold = (1.0 - track.hazard[j, age[on] - 1]) * (1.0 - track.spoil[j])
                chance[on] = 1.0 - hold
        breaks = rows[u[rows] < chance]
        self.state[breaks] = FIGHTING
        self.pick[breaks] = -1
        self.broken[breaks] = True


def _offer(
    front: Front,
    d_a: FloatArray,
    d_b: FloatArray,
    setup: SimulationSetup,
) -> tuple[NDArray[np.bool_], IntArray, FloatArray]:
    """The mediator's offer on one track to runs with reservation values ``d_a``, ``d_b``:
    whether the zone is open, the frontier point proposed (-1: none) and the gap to the zone."""
    u_a, u_b, index = front
    open_, pick = mediate(u_a, u_b, d_a, d_b, setup.weight_a, setup.weight_b)
    pick = np.where(open_, index[np.maximum(pick, 0)] if len(index) else -1, -1)
    return open_, pick, zone_gap(u_a, u_b, d_a, d_b)


def _offer_at_front(
    fronts: list[Front],
    variant: IntArray,
    d_a: FloatArray,
    d_b: FloatArray,
    setup: SimulationSetup,
) -> tuple[NDArray[np.bool_], IntArray, FloatArray]:
    """:func:`_offer` to runs whose track frontier is ``fronts[variant]`` (their fronts')."""
    if len(fronts) == 1:
        return _offer(fronts[0], d_a, d_b, setup)
    n = len(d_a)
    open_ = np.zeros(n, dtype=bool)
    pick = np.full(n, -1, dtype=np.int64)
    gap = np.full(n, np.inf)
    for v in np.unique(variant):
        rows = variant == v
        open_[rows], pick[rows], gap[rows] = _offer(fronts[v], d_a[rows], d_b[rows], setup)
    return open_, pick, gap


def run_chunk(
    setup: SimulationSetup, runs: int, seed: np.random.SeedSequence, record: bool = False
) -> ChunkResult:
    """Simulate ``runs`` runs of one batch from its own seed (module docstring)."""
    rng = np.random.default_rng(seed)
    x = draw_inputs(setup, rng)
    fronts = drawn_frontiers(setup, rng, x)
    months, n, seq = setup.months, setup.steps, setup.sequencing
    fight = fight_value_table(n, setup.discount, x["cost_a"], x["cost_b"], GRID)
    # each side's chance of winning the war, discounted by how long it takes, under a belief
    ruin = fight_value_table(n, setup.discount, 0.0, 0.0, GRID)
    anchor_a, anchor_b = fight.values(setup.start, setup.p)
    r = _Runs.start(setup, runs, x)
    out = {name: np.zeros(months, dtype=np.int64) for name in COUNTS}
    ripe = np.full((runs, months), np.nan, dtype=np.float32)
    paths = (
        (np.zeros((runs, months), dtype=np.int8), np.zeros((runs, months), dtype=np.int64))
        if record
        else None
    )
    for t in range(1, months + 1):
        war = r.state <= CEASEFIRE
        p_hat = r.alpha / (r.alpha + r.beta)
        d_a = np.clip(setup.utility_a + fight.values(r.k, p_hat[0])[0] - anchor_a, 0.0, 1.0)
        d_b = np.clip(setup.utility_b + fight.values(r.k, p_hat[1])[1] - anchor_b, 0.0, 1.0)
        gap = np.full(runs, np.inf)  # how far the nearest zone on an open track is
        # -- talks: the settlement track, then the ceasefire track
        may_settle = np.zeros(runs, dtype=bool)
        if seq != "ceasefire-first":
            may_settle |= r.state == FIGHTING
        if seq != "settlement-first":
            may_settle |= r.state == CEASEFIRE
        for name in ("settlement", "ceasefire"):
            if name == "ceasefire" and seq == "settlement-first":
                continue
            rows = np.flatnonzero(may_settle if name == "settlement" else r.state == FIGHTING)
            track = setup.settlement if name == "settlement" else setup.ceasefire
            variant = track.variant[r.k[rows]]  # the status quo the front holds it at
            open_, pick, g = _offer_at_front(fronts[name], variant, d_a[rows], d_b[rows], setup)
            gap[rows] = np.minimum(gap[rows], g)
            r.sign(rows[open_], pick[open_], t, settlement=name == "settlement")
        # -- ripeness of the month, for the runs whose war was on when it began
        factor = np.where(r.state == CEASEFIRE, setup.ceasefire_cost_factor, 1.0)
        win_a = ruin.values(r.k, p_hat[0])[0]
        win_b = ruin.values(r.k, p_hat[1])[1]
        index = ripeness(
            x["cost_a"] * factor, x["cost_b"] * factor, setup.discount, win_a, win_b, way_out(gap)
        )
        ripe[:, t - 1] = np.where(war, index, np.nan)
        # -- battle, then breakdowns
        r.battle(rng.random(runs) < x["p"], n)
        r.break_down(rng.random(runs), t, setup.settlement, setup.ceasefire)
        # -- the month's record
        i = t - 1
        out["ceasefire"][i] = np.count_nonzero(r.state == CEASEFIRE)
        out["settlement"][i] = np.count_nonzero(r.state == SETTLED)
        out["signed"][i] = np.count_nonzero(r.first_settlement > 0)
        out["silenced"][i] = np.count_nonzero(r.first_silence > 0)
        out["broken"][i] = np.count_nonzero(r.broken)
        out["defeat_a"][i] = np.count_nonzero(r.state == DEFEAT_A)
        out["defeat_b"][i] = np.count_nonzero(r.state == DEFEAT_B)
        out["front"][i] = int(r.k.sum())
        if paths is not None:
            paths[0][:, i] = r.state
            paths[1][:, i] = r.k
    return ChunkResult(
        runs=runs,
        inputs=x,
        **out,
        first_silence=r.first_silence,
        first_settlement=r.first_settlement,
        ripeness=ripe,
        settlement_terms=_counts(r.last_settlement, setup.settlement.frontier.size),
        ceasefire_terms=_counts(r.last_ceasefire, setup.ceasefire.frontier.size),
        paths=paths,
    )


def _counts(picks: IntArray, size: int) -> IntArray:
    return np.bincount(picks[picks >= 0], minlength=size).astype(np.int64)
