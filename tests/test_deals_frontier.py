"""The ε-constraint frontier (the large-agenda path, forced here with ``max_points=0``) against
the brute-force Pareto frontier on small random package spaces: every traced package is
Pareto-optimal, every Pareto package is covered to the stated resolution, the trace is
deterministic, and with two parties at a fine resolution it is the exact frontier."""

from __future__ import annotations

import inspect
import json
import os
from functools import partial
from pathlib import Path

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from deals_brute import all_packages, pareto_rows, random_space, zone_mask
from pourparler.cli.app import main
from pourparler.deals import analysis, build_space
from pourparler.deals.frontier import frontier, passes
from pourparler.deals.points import program
from pourparler.deals.synthetic import random_scenario
from pourparler.errors import InputError

SPACES = st.builds(
    random_space,
    st.integers(0, 2**32 - 1),
    st.integers(2, 4),
    st.integers(1, 4),
    st.integers(2, 4),
    bystanders=st.integers(0, 1),
)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _brute_front(space, zone_only: bool) -> np.ndarray:
    _, util, ok = all_packages(space)
    p = space.parties
    mask = zone_mask(space, util, ok) if zone_only else np.ones(len(util), bool)
    rows = sorted(pareto_rows(util[mask][:, p])) if mask.any() else []
    return np.array(rows).reshape(-1, int(p.sum()))


def _traced(space, f) -> np.ndarray:
    idx = np.flatnonzero(space.parties)
    got = [[r["utility"][space.actor_ids[a]] for a in idx] for r in f["packages"]]
    return np.array(got).reshape(-1, len(idx))


def _uncovered(space, f, front: np.ndarray) -> list[tuple[float, ...]]:
    """Pareto points y with no traced z: z_k >= y_k - 1e-6 and z_i >= y_i - δ - 1e-6."""
    got = _traced(space, f)
    idx = list(np.flatnonzero(space.parties))
    j = idx.index(space.actor_ids.index(f["objective"]))
    out = []
    for y in front:
        gap = y - got
        ok = (gap[:, j] <= 1e-6) & (np.delete(gap, j, axis=1) <= f["resolution"] + 1e-6).all(axis=1)
        if not ok.any():
            out.append(tuple(y))
    return out


@FAST
@given(SPACES, st.booleans(), st.sampled_from([None, 0.3, 0.1, 0.05]))
def test_traced_frontier_is_pareto_optimal_and_covers_the_frontier(space, zone_only, resolution):
    f = frontier(space, space.parties, zone_only, 10**6, resolution, max_points=0, max_milps=None)
    front = _brute_front(space, zone_only)
    if not len(front):
        assert f["packages"] == []
        return
    assert f["method"] == "milp-epsilon-constraint" and f["complete"] is False
    assert f["size"] is None and f["found"] == len(f["packages"])
    assert f["resolution"] == (resolution or 0.05)  # no MILP budget: the target is reached
    assert f["milps"] >= f["solved_cells"] >= 1
    exact = {tuple(y) for y in front}
    # (a) every traced package is Pareto-optimal (within the zone when zone_only)
    assert all(tuple(np.round(z, 9)) in exact for z in _traced(space, f))
    # (b) every Pareto package is matched to the stated resolution
    assert _uncovered(space, f, front) == []


@FAST
@given(SPACES, st.booleans())
def test_traced_frontier_is_deterministic(space, zone_only):
    runs = [frontier(space, space.parties, zone_only, 10**6, None, max_points=0) for _ in range(2)]
    assert runs[0] == runs[1]


@FAST
@given(st.integers(0, 2**32 - 1), st.integers(1, 4), st.integers(2, 4), st.booleans())
def test_two_parties_at_a_fine_resolution_give_the_exact_frontier(seed, n_i, hi, zone_only):
    space = random_space(seed, 2, n_i, hi)
    front = _brute_front(space, zone_only)
    gaps = [np.diff(np.unique(front[:, j])) for j in range(2)]
    gap = min([float(g.min()) for g in gaps if len(g)], default=1.0)
    assume(gap > 2e-5)
    delta = min(gap / 2, 0.05)
    f = frontier(space, space.parties, zone_only, 10**6, delta, max_points=0)
    got = {tuple(np.round(z, 9)) for z in _traced(space, f)}
    assert got == {tuple(y) for y in front}
    assert len(f["packages"]) == len(front)
    exact = frontier(space, space.parties, zone_only, 10**6)
    assert exact["method"] == "minkowski" and exact["size"] == len(front)


@pytest.mark.parametrize("seed", [1, 2])
def test_a_small_milp_budget_states_a_coarser_resolution_that_still_holds(seed):
    space = build_space(random_scenario(4, 5, 4, seed, reservation=(0.0, 0.3)))
    front = _brute_front(space, False)
    f = frontier(space, space.parties, False, 10**6, None, max_points=0, max_milps=12)
    assert f["milps"] <= 12 and f["milp_budget"] == 12
    assert f["resolution"] > 0.05 and f["resolution"] in [*passes(0.05), 1.0]
    assert [p["resolution"] for p in f["passes"]] == [
        r for r in passes(0.05) if r >= f["resolution"]
    ]
    assert _uncovered(space, f, front) == []
    full = frontier(space, space.parties, False, 10**6, None, max_points=0, max_milps=None)
    assert full["resolution"] == 0.05 and full["milps"] > f["milps"]


def test_passes_halve_down_to_the_target():
    assert passes(0.05) == pytest.approx([0.8, 0.4, 0.2, 0.1, 0.05])
    assert passes(1.0) == [1.0] and passes(0.3) == pytest.approx([0.6, 0.3])


def test_an_explicit_resolution_beyond_the_grid_ceiling_is_refused():
    space = build_space(random_scenario(8, 15, 5, 0))
    with pytest.raises(InputError, match=r"^frontier_resolution: 0\.001: .* use 0\.\d+ or more"):
        frontier(space, space.parties, False, 5, 0.001, max_points=0)


def test_maximise_respects_utility_floors():
    space = random_space(7, 3, 4, 3)
    _, util, _ = all_packages(space)
    prog = program(
        space, np.zeros(space.n_actors, bool), open_cols=np.ones(space.utility.shape[1], bool)
    )
    floor = np.array([0.4, -np.inf, 0.3])
    hit = prog.maximise(np.eye(3)[1], floor)
    assert hit is not None
    value = hit[1]
    ok = (util[:, 0] >= 0.4) & (util[:, 2] >= 0.3)
    assert value == pytest.approx(util[ok, 1].max(), abs=1e-9)
    assert prog.maximise(np.eye(3)[1], np.array([1.1, -np.inf, -np.inf])) is None


def test_json_command_keeps_c_stdout_off_its_json_stream(capfd):
    from pourparler.cli.deals_command import c_stdout_to_stderr

    with c_stdout_to_stderr():
        os.write(1, b"HighsMipSolverData::transformNewIntegerFeasibleSolution\n")
    print("ours")
    captured = capfd.readouterr()
    assert captured.out == "ours\n"
    assert "transformNewIntegerFeasibleSolution" in captured.err  # shown, not lost


BORDER = str(Path(__file__).parent / "data" / "deals" / "border.yaml")


@pytest.mark.parametrize("value", ["0", "-0.1", "1.5", "nan", "inf"])
def test_cli_bad_frontier_resolution_exits_2_with_one_line(value, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", "istanbul-2025", "--json", "--frontier-resolution", value])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and "--frontier-resolution" in err and "(0, 1]" in err


def _traced_report(monkeypatch, capsys, *options: str) -> dict:
    """`deals BORDER --json OPTIONS` with every frontier forced onto the traced path."""
    monkeypatch.setattr(analysis, "frontier", partial(frontier, max_points=0))
    with pytest.raises(SystemExit) as exc:
        main(["deals", BORDER, "--json", *options])
    assert exc.value.code == 0
    return json.loads(capsys.readouterr().out)


def test_cli_reports_the_traced_frontier_in_json_and_tables(monkeypatch, capsys):
    r = _traced_report(monkeypatch, capsys, "--frontier-resolution", "0.2")
    assert r["parameters"]["frontier_resolution"] == 0.2
    for where in ("zone", "overall"):
        f = r["frontier"][where]
        assert f["method"] == "milp-epsilon-constraint" and f["resolution"] == 0.2
        assert {"size", "complete", "packages", "milps", "found"} <= set(f)
    with pytest.raises(SystemExit):
        main(["deals", BORDER])
    out = " ".join(capsys.readouterr().out.split())
    assert "milp-epsilon-constraint" in out and "traced" in out and "0.05" in out


def test_cli_frontier_milps_bounds_each_traced_frontier(monkeypatch, capsys):
    from pourparler.cli.deals_command import deals
    from pourparler.deals.frontier import MILP_BUDGET

    default = inspect.signature(deals).parameters["frontier_milps"].default
    assert default == MILP_BUDGET  # the CLI states the library's default
    r = _traced_report(monkeypatch, capsys, "--frontier-milps", "6")
    assert r["parameters"]["frontier_milps"] == 6
    for where in ("zone", "overall"):
        f = r["frontier"][where]
        assert f["method"] == "milp-epsilon-constraint"
        assert f["milp_budget"] == 6 and f["milps"] <= 6


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--frontier-milps", "0"),
        ("--best", "0"),
        ("--frontier-listed", "-1"),
        ("--enumeration-limit", "0"),
    ],
)
def test_cli_counts_below_their_least_exit_2_with_one_line(option, value, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", BORDER, "--json", option, value])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert "\n" not in err and err.startswith(f"pourparler: error: {option}: must be at least")


def test_cli_a_negative_seed_exits_2_with_one_line(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["deals", BORDER, "--json", "--seed", "-1"])
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert err == "pourparler: error: --seed: must be non-negative, got -1"
