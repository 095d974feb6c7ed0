"""What every result records: the scenario (id and digest), the package version, the
parameters, the seed and the method that produced it."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready, without_negative_zero

if TYPE_CHECKING:
    from pourparler.scenario import Scenario


@dataclass(frozen=True)
class Provenance:
    """Where a result comes from. ``parameters`` is a read-only copy of what was passed (with,
    for a what-if scenario, ``what_if``: the options that changed it; ``-0.0`` becomes 0.0);
    ``method`` names the analysis (it is not part of :meth:`to_data`, whose fields are those
    ``--json`` prints at its top level)."""

    scenario: str
    scenario_hash: str
    version: str
    parameters: Mapping[str, Any] = field(default_factory=dict, hash=False)
    seed: int | None = None
    method: str = ""

    def __post_init__(self) -> None:
        # a copy, with -0.0 recorded as 0.0 (``--q -0`` is Q = 0)
        frozen = MappingProxyType(without_negative_zero(copy.deepcopy(dict(self.parameters))))
        object.__setattr__(self, "parameters", frozen)

    @classmethod
    def of(
        cls, scenario: Scenario, /, *, seed: int | None = None, method: str = "", **parameters: Any
    ) -> Provenance:
        """The provenance of a result computed from ``scenario`` with these parameters."""
        return cls.from_parameters(scenario, parameters, seed=seed, method=method)

    @classmethod
    def from_parameters(
        cls,
        scenario: Scenario,
        parameters: Mapping[str, Any],
        *,
        seed: int | None = None,
        method: str = "",
    ) -> Provenance:
        """As :meth:`of`, with the parameters given as one mapping (their names may then be
        ``seed`` or ``method`` too)."""
        from pourparler import __version__
        from pourparler.scenario.whatif import applied_changes

        changes = applied_changes(scenario)
        if changes:  # a what-if scenario: record the changes that made it
            parameters = {**parameters, "what_if": [c.option for c in changes]}
        return cls(
            scenario=scenario.id,
            scenario_hash=scenario.digest(),
            version=__version__,
            parameters=parameters,
            seed=seed,
            method=method,
        )

    def to_data(self) -> dict[str, Any]:
        """``scenario``, ``scenario_hash``, ``version``, ``parameters`` and ``seed``, as plain
        JSON-ready data."""
        return {
            "scenario": self.scenario,
            "scenario_hash": self.scenario_hash,
            "version": self.version,
            "parameters": json_ready(copy.deepcopy(dict(self.parameters))),
            "seed": self.seed,
        }
