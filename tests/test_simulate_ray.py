"""The Ray backend gives the serial result exactly (skipped when Ray is not installed)."""

from __future__ import annotations

import json

import pytest

from cli_run import run_cli
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


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("127.0.0.1:{port}", "--ray-address: 127.0.0.1:{port}: nothing answers there"),
        ("http://127.0.0.1:{port}", "--ray-address: http://127.0.0.1:{port}: Invalid Ray address"),
    ],
)
def test_a_bad_cluster_address_is_one_line_not_a_wait(
    capsys: pytest.CaptureFixture[str], address: str, message: str
) -> None:
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = ["simulate", "istanbul-2025", "--runs", "100", "--backend", "ray"]
    code, out, err = run_cli(capsys, [*args, "--ray-address", address.format(port=port)])
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message.format(port=port) in err, err
    assert not ray.is_initialized()
