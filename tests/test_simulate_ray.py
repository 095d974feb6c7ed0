"""The Ray backend gives the serial result exactly (skipped when Ray is not installed)."""

from __future__ import annotations

import json

import pytest

from pourparler.dynamics.simulate import simulate
from simulate_samples import constant_hazard, scenario

ray = pytest.importorskip("ray")


def test_a_local_ray_gives_the_serial_result() -> None:
    sc = scenario()
    hazard = constant_hazard(0.05)
    serial = simulate(sc, months=12, runs=250, seed=21, hazard=hazard)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = simulate(sc, months=12, runs=250, seed=21, hazard=hazard, backend="ray")
    finally:
        ray.shutdown()
    assert json.dumps(on_ray.to_data()) == json.dumps(serial.to_data())
