"""Properties every batch of simulated runs keeps, whatever the battlefield and the talks."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from pourparler.dynamics.chunk import (
    CEASEFIRE,
    DEFEAT_A,
    DEFEAT_B,
    FIGHTING,
    SETTLED,
    run_chunk,
)
from pourparler.dynamics.runners import batch_seeds
from pourparler.dynamics.setup import prepare
from simulate_samples import constant_hazard, doc

SEQUENCING = ("ceasefire-first", "settlement-first", "together")


@st.composite
def battlefields(draw: st.DrawFn) -> dict:
    steps = draw(st.integers(2, 12))
    return {
        "steps": steps,
        "start": draw(st.integers(1, steps - 1)),
        "p": draw(st.floats(0.05, 0.95)),
        "p_sd": draw(st.sampled_from([0.0, 0.02])),
        "discount": draw(st.floats(0.8, 0.99)),
        "cost_a": draw(st.floats(0.0, 0.2)),
        "cost_b": draw(st.floats(0.0, 0.2)),
        "belief_strength": draw(st.floats(1.0, 30.0)),
    }


@settings(max_examples=25, deadline=None)
@given(
    battlefields(),
    st.sampled_from(SEQUENCING),
    st.floats(0.0, 0.8),
    st.floats(0.0, 0.8),
    st.floats(0.0, 1.0),
    st.floats(0.0, 1.0),
    st.floats(0.0, 0.5),
    st.integers(0, 2**32 - 1),
)
def test_runs_keep_the_rules_of_the_war_and_the_talks(
    bf: dict,
    sequencing: str,
    u_a: float,
    u_b: float,
    opt_a: float,
    opt_b: float,
    hazard: float,
    seed: int,
) -> None:
    from pourparler.scenario import Scenario

    data = doc()
    data["battlefield"].update(bf)
    data["talks"]["sequencing"] = sequencing
    for actor, u, o in (("A", u_a, opt_a), ("B", u_b, opt_b)):
        for a in data["actors"]:
            if a["id"] == actor:
                a["no_deal"].update(utility=u, optimism=o)
    setup = prepare(Scenario.model_validate(data), 18, constant_hazard(hazard))
    res = run_chunk(setup, 60, batch_seeds(seed, 1)[0], record=True)
    assert res.paths is not None
    state, front = res.paths
    steps = bf["steps"]
    assert ((front >= 0) & (front <= steps)).all()
    before = np.concatenate([np.full((60, 1), FIGHTING), state[:, :-1]], axis=1)
    k_before = np.concatenate([np.full((60, 1), bf["start"]), front[:, :-1]], axis=1)
    step = np.abs(front - k_before)
    assert (step[before == CEASEFIRE] == 0).all()  # a ceasefire freezes the front
    assert (step[before >= SETTLED] == 0).all()  # so do a settlement and a defeat
    assert np.isin(step[before == FIGHTING], [0, 1]).all()
    assert ((state == DEFEAT_A) == (front == 0)).all()
    assert ((state == DEFEAT_B) == (front == steps)).all()
    ended = before >= DEFEAT_A
    assert (state[ended] == before[ended]).all()  # a defeat is final
    if sequencing == "settlement-first":
        assert not (state == CEASEFIRE).any()
    if sequencing == "ceasefire-first":
        became = (state == SETTLED) & (before != SETTLED)
        assert (before[became] == CEASEFIRE).all()
    signed = res.first_settlement > 0
    assert (res.first_silence[signed] <= res.first_settlement[signed]).all()
    for counts in (res.signed, res.silenced, res.broken, res.defeat_a, res.defeat_b):
        assert (np.diff(counts) >= 0).all() and counts[-1] <= 60
    if hazard == 0.0 and not setup.settlement.spoil.any() and not setup.ceasefire.spoil.any():
        assert res.broken[-1] == 0
