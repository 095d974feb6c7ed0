"""The results shaped for output (``pourparler.report``): provenance, ``to_data()`` equal to what
``--json`` prints, ``to_frame()`` and ``--csv``."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest

from pourparler.report import Provenance
from pourparler.scenario import Scenario, load_scenario
from scenario_samples import base


def _mini() -> Scenario:
    return Scenario.model_validate(base())


def test_provenance_records_scenario_version_parameters_and_seed() -> None:
    from pourparler import __version__

    sc = load_scenario("istanbul-2022")
    p = Provenance.of(sc, seed=7, method="forecast", rounds=10, models=["bdm"])
    assert p.to_data() == {
        "scenario": "istanbul-2022",
        "scenario_hash": sc.digest(),
        "version": __version__,
        "parameters": {"rounds": 10, "models": ["bdm"]},
        "seed": 7,
    }
    assert p.method == "forecast"


def test_provenance_is_frozen_and_keeps_its_own_parameters() -> None:
    params: dict[str, Any] = {"rounds": 10, "nested": {"q": 1.0}}
    p = Provenance.from_parameters(_mini(), params, seed=None, method="x")
    with pytest.raises(dataclasses.FrozenInstanceError):
        p.seed = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        p.parameters["rounds"] = 5  # type: ignore[index]
    params["rounds"] = 99
    params["nested"]["q"] = 0.0
    assert p.parameters["rounds"] == 10
    assert p.to_data()["parameters"] == {"rounds": 10, "nested": {"q": 1.0}}
    data = p.to_data()
    data["parameters"]["rounds"] = 1
    assert p.to_data()["parameters"]["rounds"] == 10


def test_provenance_parameters_may_be_named_seed_or_method() -> None:
    from pourparler.cli.common import provenance

    sc = _mini()
    data = provenance(sc, method="milp", seed=3)
    assert data["parameters"] == {"method": "milp", "seed": 3}
    assert set(data) == {"scenario", "scenario_hash", "version", "parameters"}


def test_provenance_data_is_json_ready() -> None:
    p = Provenance.of(_mini(), interval=(0.1, 0.9), missing=float("nan"))
    assert p.to_data()["parameters"] == {"interval": [0.1, 0.9], "missing": None}
