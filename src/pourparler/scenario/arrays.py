"""The scenario's numbers as numpy arrays, in the actor and issue order of the document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

if TYPE_CHECKING:
    from pourparler.scenario.model import Scenario

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class ScenarioArrays:
    """Actors × issues matrices. Where an actor has no stance, ``present`` is False,
    ``position`` is NaN and ``salience`` is 0, so weighted sums simply leave it out."""

    actor_ids: tuple[str, ...]
    issue_ids: tuple[str, ...]
    capability: FloatArray  # (n_actors,)
    capability_sd: FloatArray  # (n_actors,)
    veto: BoolArray  # (n_actors,)
    at_table: BoolArray  # (n_actors,)
    present: BoolArray  # (n_actors, n_issues)
    position: FloatArray  # (n_actors, n_issues)
    salience: FloatArray  # (n_actors, n_issues)
    position_sd: FloatArray  # (n_actors, n_issues)
    salience_sd: FloatArray  # (n_actors, n_issues)
    red_line_low: FloatArray  # (n_actors, n_issues), 0 where none
    red_line_high: FloatArray  # (n_actors, n_issues), 100 where none
    status_quo: FloatArray  # (n_issues,)

    @property
    def n_actors(self) -> int:
        return len(self.actor_ids)

    @property
    def n_issues(self) -> int:
        return len(self.issue_ids)

    @classmethod
    def from_scenario(cls, sc: Scenario) -> ScenarioArrays:
        a_index = {a.id: k for k, a in enumerate(sc.actors)}
        i_index = {i.id: k for k, i in enumerate(sc.issues)}
        shape = (len(a_index), len(i_index))
        present = np.zeros(shape, dtype=bool)
        position = np.full(shape, np.nan)
        salience = np.zeros(shape)
        position_sd = np.zeros(shape)
        salience_sd = np.zeros(shape)
        low = np.zeros(shape)
        high = np.full(shape, 100.0)
        for st in sc.stances:
            a, i = a_index[st.actor], i_index[st.issue]
            present[a, i] = True
            position[a, i] = st.position
            salience[a, i] = st.salience
            position_sd[a, i] = st.uncertainty.position
            salience_sd[a, i] = st.uncertainty.salience
            if st.red_line is not None:
                low[a, i], high[a, i] = st.red_line
        return cls(
            actor_ids=tuple(a_index),
            issue_ids=tuple(i_index),
            capability=np.array([a.capability for a in sc.actors], dtype=float),
            capability_sd=np.array([a.capability_sd for a in sc.actors], dtype=float),
            veto=np.array([a.veto for a in sc.actors], dtype=bool),
            at_table=np.array([a.at_table for a in sc.actors], dtype=bool),
            present=present,
            position=position,
            salience=salience,
            position_sd=position_sd,
            salience_sd=salience_sd,
            red_line_low=low,
            red_line_high=high,
            status_quo=np.array([i.status_quo for i in sc.issues], dtype=float),
        )
