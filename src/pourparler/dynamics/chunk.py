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
    if setup.p_sd > 0:
        al, be = beta_parameters(setup.p, setup.p_sd)
        p = float(rng.beta(al, be))
    else:
        p = setup.p
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


def drawn_frontiers(
    setup: SimulationSetup, rng: np.random.Generator, inputs: dict[str, float]
) -> dict[str, tuple[FloatArray, FloatArray, IntArray]]:
    """Each track's frontier for the batch: ``(u_a, u_b, index into the frontier)``, valued
    at the belligerents' drawn positions when the spread draws them and the scenario states
    their uncertainty (:mod:`pourparler.dynamics.positions`), else as precomputed. Records the
    positions' mean shifts in ``inputs``."""
    val = setup.valuation
    tracks: dict[str, TrackData] = {"settlement": setup.settlement, "ceasefire": setup.ceasefire}
    if not (setup.spread.positions and val.uncertain):
        inputs["position_shift_a"] = inputs["position_shift_b"] = 0.0
        return {
            name: (t.frontier.u_a, t.frontier.u_b, np.arange(t.frontier.size))
            for name, t in tracks.items()
        }
    drawn, shift = draw_positions(val, rng)
    inputs["position_shift_a"], inputs["position_shift_b"] = float(shift[0]), float(shift[1])
    util = option_utilities(val, drawn)
    out = {}
    for name, t in tracks.items():
        u = package_utilities(util, val.offsets, t.frontier.choice)
        keep = two_party_front(u[0], u[1])
        out[name] = (u[0, keep], u[1, keep], keep)
    return out


def run_chunk(
    setup: SimulationSetup, runs: int, seed: np.random.SeedSequence, record: bool = False
) -> ChunkResult:
    """Simulate ``runs`` runs of one batch from its own seed (module docstring)."""
    rng = np.random.default_rng(seed)
    x = draw_inputs(setup, rng)
    fronts = drawn_frontiers(setup, rng, x)
    (st_a, st_b, st_idx), (cf_a, cf_b, cf_idx) = fronts["settlement"], fronts["ceasefire"]
    months, n = setup.months, setup.steps
    fight = fight_value_table(n, setup.discount, x["cost_a"], x["cost_b"], GRID)
    # each side's chance of winning the war, discounted by how long it takes, under a belief
    ruin = fight_value_table(n, setup.discount, 0.0, 0.0, GRID)
    al_a, be_a = beliefs.prior_from_optimism(setup.p, x["optimism_a"], setup.belief_strength, "a")
    al_b, be_b = beliefs.prior_from_optimism(setup.p, x["optimism_b"], setup.belief_strength, "b")
    alpha = np.array([[al_a], [al_b]]) * np.ones((2, runs))
    beta = np.array([[be_a], [be_b]]) * np.ones((2, runs))
    anchor_a, anchor_b = fight.values(setup.start, setup.p)
    k = np.full(runs, setup.start, dtype=np.int64)
    state = np.zeros(runs, dtype=np.int8)
    signed_at = np.zeros(runs, dtype=np.int64)
    pick = np.full(runs, -1, dtype=np.int64)  # the agreement in force's frontier point
    last_settlement = np.full(runs, -1, dtype=np.int64)
    last_ceasefire = np.full(runs, -1, dtype=np.int64)
    first_silence = np.zeros(runs, dtype=np.int64)
    first_settlement = np.zeros(runs, dtype=np.int64)
    broken_ever = np.zeros(runs, dtype=bool)
    out = {
        name: np.zeros(months, dtype=np.int64)
        for name in ("ceasefire", "settlement", "signed", "silenced", "broken", "da", "db")
    }
    front_sum = np.zeros(months, dtype=np.int64)
    ripe = np.full((runs, months), np.nan, dtype=np.float32)
    state_path = np.zeros((runs, months), dtype=np.int8) if record else None
    front_path = np.zeros((runs, months), dtype=np.int64) if record else None
    st, cf = setup.settlement, setup.ceasefire
    seq = setup.sequencing
    for t in range(1, months + 1):
        war = state <= CEASEFIRE
        p_hat = alpha / (alpha + beta)
        wa, _ = fight.values(k, p_hat[0])
        _, wb = fight.values(k, p_hat[1])
        d_a = np.clip(setup.utility_a + wa - anchor_a, 0.0, 1.0)
        d_b = np.clip(setup.utility_b + wb - anchor_b, 0.0, 1.0)
        gap = np.full(runs, np.inf)  # how far the nearest zone on an open track is
        # -- settlement track
        may_settle = (state == FIGHTING) if seq != "ceasefire-first" else np.zeros(runs, bool)
        if seq != "settlement-first":
            may_settle |= state == CEASEFIRE
        rows = np.flatnonzero(may_settle)
        open_s, pick_s = mediate(st_a, st_b, d_a[rows], d_b[rows], setup.weight_a, setup.weight_b)
        pick_s = np.where(open_s, st_idx[np.maximum(pick_s, 0)] if len(st_idx) else -1, -1)
        gap[rows] = np.minimum(gap[rows], zone_gap(st_a, st_b, d_a[rows], d_b[rows]))
        sign = rows[open_s]
        state[sign] = SETTLED
        signed_at[sign] = t
        pick[sign] = pick_s[open_s]
        last_settlement[sign] = pick_s[open_s]
        first_settlement[sign] = np.where(first_settlement[sign] == 0, t, first_settlement[sign])
        first_silence[sign] = np.where(first_silence[sign] == 0, t, first_silence[sign])
        # -- ceasefire track
        if seq != "settlement-first":
            rows = np.flatnonzero(state == FIGHTING)
            open_c, pick_c = mediate(
                cf_a, cf_b, d_a[rows], d_b[rows], setup.weight_a, setup.weight_b
            )
            pick_c = np.where(open_c, cf_idx[np.maximum(pick_c, 0)] if len(cf_idx) else -1, -1)
            gap[rows] = np.minimum(gap[rows], zone_gap(cf_a, cf_b, d_a[rows], d_b[rows]))
            sign = rows[open_c]
            state[sign] = CEASEFIRE
            signed_at[sign] = t
            pick[sign] = pick_c[open_c]
            last_ceasefire[sign] = pick_c[open_c]
            first_silence[sign] = np.where(first_silence[sign] == 0, t, first_silence[sign])
        # -- ripeness of the month, for the runs whose war was on when it began
        factor = np.where(state == CEASEFIRE, setup.ceasefire_cost_factor, 1.0)
        win_a, _ = ruin.values(k, p_hat[0])
        _, win_b = ruin.values(k, p_hat[1])
        r = ripeness(
            x["cost_a"] * factor, x["cost_b"] * factor, setup.discount, win_a, win_b, way_out(gap)
        )
        ripe[:, t - 1] = np.where(war, r, np.nan)
        # -- battle
        won = rng.random(runs) < x["p"]
        fighting = state == FIGHTING
        k = np.where(fighting, np.where(won, k + 1, k - 1), k)
        alpha[:, fighting] += won[fighting]
        beta[:, fighting] += ~won[fighting]
        state[fighting & (k == 0)] = DEFEAT_A
        state[fighting & (k == n)] = DEFEAT_B
        # -- breakdown of agreements signed in earlier months
        u = rng.random(runs)
        held = ((state == CEASEFIRE) | (state == SETTLED)) & (signed_at < t)
        rows = np.flatnonzero(held)
        age = t - signed_at[rows]  # months since signing, 1..months-1
        on_cf = state[rows] == CEASEFIRE
        h = np.where(
            on_cf,
            cf.hazard[np.where(on_cf, pick[rows], 0), age - 1] if cf.frontier.size else 0.0,
            st.hazard[np.where(on_cf, 0, pick[rows]), age - 1] if st.frontier.size else 0.0,
        )
        s = np.where(
            on_cf,
            cf.spoil[np.where(on_cf, pick[rows], 0)] if cf.frontier.size else 0.0,
            st.spoil[np.where(on_cf, 0, pick[rows])] if st.frontier.size else 0.0,
        )
        breaks = rows[u[rows] < 1.0 - (1.0 - h) * (1.0 - s)]
        state[breaks] = FIGHTING
        pick[breaks] = -1
        broken_ever[breaks] = True
        # -- the month's record
        i = t - 1
        out["ceasefire"][i] = np.count_nonzero(state == CEASEFIRE)
        out["settlement"][i] = np.count_nonzero(state == SETTLED)
        out["signed"][i] = np.count_nonzero(first_settlement > 0)
        out["silenced"][i] = np.count_nonzero(first_silence > 0)
        out["broken"][i] = np.count_nonzero(broken_ever)
        out["da"][i] = np.count_nonzero(state == DEFEAT_A)
        out["db"][i] = np.count_nonzero(state == DEFEAT_B)
        front_sum[i] = int(k.sum())
        if state_path is not None and front_path is not None:
            state_path[:, i] = state
            front_path[:, i] = k
    return ChunkResult(
        runs=runs,
        inputs=x,
        ceasefire=out["ceasefire"],
        settlement=out["settlement"],
        signed=out["signed"],
        silenced=out["silenced"],
        broken=out["broken"],
        defeat_a=out["da"],
        defeat_b=out["db"],
        front=front_sum,
        first_silence=first_silence,
        first_settlement=first_settlement,
        ripeness=ripe,
        settlement_terms=_counts(last_settlement, st.frontier.size),
        ceasefire_terms=_counts(last_ceasefire, cf.frontier.size),
        paths=None if state_path is None or front_path is None else (state_path, front_path),
    )


def _counts(picks: IntArray, size: int) -> IntArray:
    return np.bincount(picks[picks >= 0], minlength=size).astype(np.int64)
