"""Against NegMAS (optional AGPL peer in its own venv, run through a subprocess): the same Pareto
frontier of rational outcomes and the same Nash point on random linear-additive GENIUS domains."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import numpy as np
import pytest

from pourparler.deals import analyse_space, build_space
from pourparler.deals.genius import scenario_from_genius, write_genius
from pourparler.deals.synthetic import random_scenario

ROOT = Path(__file__).resolve().parents[1]
PEER = ROOT / ".venv-negmas" / "bin" / "python"
SCRIPT = ROOT / "benchmarks" / "negmas_peer.py"

pytestmark = pytest.mark.peer


def _peer_available() -> None:
    if not PEER.exists():
        pytest.skip("NegMAS peer venv .venv-negmas is absent")
    probe = subprocess.run([str(PEER), "-c", "import negmas"], capture_output=True)
    if probe.returncode:
        pytest.skip("negmas is not importable in .venv-negmas")


def _peer(folder: Path) -> dict:
    _peer_available()
    run = subprocess.run(
        [str(PEER), str(SCRIPT), str(folder)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(run.stdout)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_frontier_and_nash_point_match_negmas(tmp_path, seed):
    n_actors = 2 + seed % 3
    space = build_space(random_scenario(n_actors, 4, (2, 5), seed, reservation=(0.1, 0.5)))
    write_genius(space, tmp_path)
    ours = analyse_space(
        build_space(scenario_from_genius(tmp_path)), method="enumeration", frontier_listed=10**6
    ).to_data()
    peer = _peer(tmp_path)
    actors = ours["parties"]
    got = {
        tuple(np.round([p["utility"][a] for a in actors], 9))
        for p in ours["frontier"]["zone"]["packages"]
    }
    want = {tuple(np.round(p, 9)) for p in peer["frontier"]}
    assert got == want
    if ours["points"]["nash"] is None:
        assert not peer["nash"]
        return
    nash = [ours["points"]["nash"]["utility"][a] for a in actors]
    assert any(np.allclose(nash, p, atol=1e-9) for p in peer["nash"])


def _peer_make(folder: Path, seed: int, agents: int, issues: int) -> dict:
    _peer_available()
    run = subprocess.run(
        [str(PEER), str(SCRIPT), "--make", str(folder), str(seed), str(agents), str(issues)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    return json.loads(run.stdout)


@pytest.mark.parametrize(("seed", "agents"), [(11, 2), (12, 3), (13, 4)])
def test_domains_written_by_negmas_read_the_same(tmp_path, seed, agents):
    peer = _peer_make(tmp_path, seed, agents, 4)
    ours = analyse_space(
        build_space(scenario_from_genius(tmp_path)), method="enumeration", frontier_listed=10**6
    ).to_data()
    assert ours["parties"] == peer["names"]
    lo = np.array([r[0] for r in peer["ranges"]])
    hi = np.array([r[1] for r in peer["ranges"]])
    theirs = (np.array(peer["frontier"]) - lo) / (hi - lo)  # onto the package scale
    mine = np.array(
        [[p["utility"][a] for a in ours["parties"]] for p in ours["frontier"]["zone"]["packages"]]
    )
    assert mine.shape == theirs.shape
    np.testing.assert_allclose(_sorted_rows(mine), _sorted_rows(theirs), atol=1e-8)
    nash = np.array([ours["points"]["nash"]["utility"][a] for a in ours["parties"]])
    assert any(np.allclose(nash, (np.array(p) - lo) / (hi - lo), atol=1e-8) for p in peer["nash"])


def _sorted_rows(rows: np.ndarray) -> np.ndarray:
    rows = np.round(rows, 7)
    return rows[np.lexsort(rows.T[::-1])]
