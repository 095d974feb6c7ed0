"""The Pareto frontier over the parties' utilities: exact by Minkowski sums when it is small
enough, otherwise traced by the augmented ε-constraint method to a stated resolution.

**ε-constraint tracing** (Haimes et al. 1971; AUGMECON, Mavrotas 2009; AUGMECON2, Mavrotas &
Florios 2013). One party ``k`` (the one whose utility spans the widest range) is maximised while
every other party ``i`` must get ``u_i >= ε_i``, for ``ε`` on a grid of step ``δ`` (the
resolution) over each party's range ``[min u_i, max u_i]`` on the feasible set (zone or overall).
Each cell is solved lexicographically: one MILP maximises ``u_k``; a second maximises the
parties' total utility over that package's dominators (every party at least as well off, to
1e-9), so every returned package is Pareto-optimal, not only weakly. (AUGMECON gets this from a
small weighted sum of the slacks in one MILP, at the price of an error of that weight on ``u_k``;
the second MILP keeps ``u_k`` exact to the solver's tolerances.)

**Bypass.** A solution ``z`` of cell ``ε`` also answers every cell ``ε'`` with ``ε <= ε' <= z``
(on the constrained parties): ``z`` is feasible there and optimal on a larger set. AUGMECON2 skips
such cells along the innermost grid axis, from the slack of its party; here the skip is applied on
every axis (as AUGMECON-R, Nikas et al. 2020, does), and a cell above an infeasible one is skipped
as infeasible. The MILPs solved are far fewer than the grid's cells.

**Guarantee.** For every Pareto-optimal package ``y`` of the feasible set some traced package
``z`` has ``z_k >= y_k - 1e-6`` and ``z_i >= y_i - δ`` for every other party (take the grid cell
just below ``y``: ``y`` is feasible there, so its optimum reaches ``y_k``).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import numpy as np

from pourparler.deals.enumeration import open_columns
from pourparler.deals.kernels import BoolArray, FloatArray, IntArray, minkowski_frontier
from pourparler.deals.milp import ZoneProgram
from pourparler.deals.points import program, record
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

MAX_POINTS = 50_000
DEFAULT_RESOLUTION = 0.05
MILP_BUDGET = 200  # default: MILPs one traced frontier may use
GRID_CEILING = 1_000_000  # grid cells one pass may visit
LEX_TOL = 1e-9


@dataclass(frozen=True)
class Trace:
    """Pareto packages traced by ε-constraint MILPs (see the module docstring)."""

    choices: list[IntArray]
    resolution: float  # the finest completed pass (1.0: only the first cell)
    objective: int  # the actor whose utility is maximised
    solved_cells: int
    milps: int
    passes: list[tuple[float, int]]  # each completed pass: (resolution, MILPs used so far)


def check_resolution(resolution: float | None) -> None:
    """Bad input unless ``resolution`` is None or a utility step in (0, 1]."""
    if resolution is not None and not 0.0 < resolution <= 1.0:
        raise InputError(f"frontier_resolution: {resolution}: expected a utility step in (0, 1]")


def grid_shape(spans: FloatArray, resolution: float) -> list[int]:
    """Grid values per constrained party: ``floor(span / δ) + 1``."""
    return [int(np.floor(s / resolution + 1e-12)) + 1 for s in spans]


def grid_cells(spans: FloatArray, resolution: float) -> int:
    return int(np.prod(grid_shape(spans, resolution), dtype=object))


def passes(target: float) -> list[float]:
    """Resolutions of the successive passes: ``target · 2^j`` from the largest at most 1 down to
    ``target`` (0.05: 0.8, 0.4, 0.2, 0.1, 0.05), so each grid refines the one before."""
    j = int(np.floor(np.log2(1.0 / target) + 1e-9))
    return [target * 2.0**i for i in range(j, -1, -1)]


class _Rows:
    """A growing (n, width) array of points."""

    def __init__(self, width: int) -> None:
        self.data = np.zeros((16, width))
        self.n = 0

    def add(self, row: FloatArray) -> None:
        if self.n == len(self.data):
            self.data = np.concatenate([self.data, np.zeros_like(self.data)])
        self.data[self.n] = row
        self.n += 1

    @property
    def rows(self) -> FloatArray:
        return self.data[: self.n]


class _Tracer:
    """The ε-constraint MILPs and the cells they answer, shared by successive passes (a cell's
    answer does not depend on the grid it belongs to)."""

    def __init__(self, prog: ZoneProgram, idx: IntArray, k: int, cons: IntArray) -> None:
        self.prog, self.idx, self.k, self.cons = prog, idx, k, cons
        n_a = prog.utility.shape[0]
        self.unit = np.eye(n_a)[k]
        self.total = np.zeros(n_a)
        self.total[idx] = 1.0
        self.corners = _Rows(len(cons))  # lower corner of each solved cell
        self.reached = _Rows(len(cons))  # its package's utilities on the constrained parties
        self.dead = _Rows(len(cons))  # infeasible cells
        self.found: dict[tuple[float, ...], IntArray] = {}
        self.pareto: set[tuple[int, ...]] = set()

    def answered(self, eps: FloatArray) -> bool:
        """Whether a cell solved or found infeasible already answers ``eps``."""
        if self.dead.n and (self.dead.rows <= eps + 1e-12).all(axis=1).any():
            return True
        if not self.corners.n:
            return False
        below = (self.corners.rows <= eps + 1e-12).all(axis=1)
        return bool((below & (self.reached.rows >= eps - 1e-9).all(axis=1)).any())

    def solve(self, eps: FloatArray) -> None:
        """Max ``u_k`` subject to ``u_i >= eps_i``, then the largest total at that ``u_k``."""
        prog, idx = self.prog, self.idx
        floor = np.full(len(self.total), -np.inf)
        floor[self.cons] = eps
        first = prog.maximise(self.unit, floor)
        if first is None:
            self.dead.add(eps)
            return
        z = first[0]
        if tuple(z.tolist()) not in self.pareto:
            # the largest total among packages at least as good as z for every party (only its
            # dominators, a much smaller set to search than the whole cell)
            floor[idx] = prog.package_utility(z)[idx] - LEX_TOL
            second = prog.maximise(self.total, floor)
            if second is not None:
                z = second[0]
        u = prog.package_utility(z)
        self.pareto.add(tuple(z.tolist()))
        self.found.setdefault(tuple(np.round(u[self.idx], 9).tolist()), z)
        self.corners.add(eps)
        self.reached.add(u[self.cons])


def least_utility(prog: ZoneProgram) -> FloatArray:
    """A lower bound on each actor's utility over ``prog``'s feasible set without a MILP
    (minimising over the zone can take HiGHS tens of seconds): its worst open option on each
    issue, or its reservation where that binds and is higher."""
    worst = np.where(prog.open, prog.utility, np.inf)
    least = np.array(
        [
            worst[:, a:b].min(axis=1)
            for a, b in zip(prog.offsets[:-1], prog.offsets[1:], strict=True)
        ]
    ).sum(axis=0)
    return np.where(prog.constrained, np.maximum(least, prog.reservation), least)


def _unconstrained_top(prog: ZoneProgram, a: int) -> IntArray | None:
    """Actor ``a``'s best open option on each issue: its best package when nobody's reservation
    binds (no MILP needed); None when some issue has no open option."""
    out = []
    for lo, hi in zip(prog.offsets[:-1], prog.offsets[1:], strict=True):
        cols = np.flatnonzero(prog.open[lo:hi])
        if len(cols) == 0:
            return None
        out.append(int(cols[np.argmax(prog.utility[a, lo + cols])]))
    return np.array(out)


def epsilon_trace(
    prog: ZoneProgram,
    parties: BoolArray,
    resolution: float | None,
    max_milps: int | None = MILP_BUDGET,
    ideal: FloatArray | None = None,
) -> Trace:
    """The Pareto packages of ``prog``'s feasible set over ``parties`` by ε-constraint MILPs
    (module docstring); none when the set is empty.

    Passes at 0.8, 0.4, ... down to ``resolution`` (default 0.05) refine one grid; the result's
    resolution is the finest pass completed within ``max_milps`` MILPs (None: no limit) whose
    grid has at most :data:`GRID_CEILING` cells. An explicit ``resolution`` whose grid exceeds
    that is bad input. ``ideal`` (n_actors,), each actor's largest utility on the feasible set
    when already known, spares one MILP per party when even the coarsest grid is too large (many
    parties): only the first cell is then traced."""
    start = prog.solves
    target = DEFAULT_RESOLUTION if resolution is None else resolution
    idx = np.flatnonzero(parties)
    eye = np.eye(prog.utility.shape[0])
    lo, hi = least_utility(prog)[idx], np.zeros(len(idx))
    known = resolution is None and ideal is not None and len(idx) > 1
    if known:
        assert ideal is not None
        hi = np.maximum(np.asarray(ideal, dtype=float)[idx], lo)
        j_est = int(np.argmax(hi - lo))
        spans_est = np.delete(hi - lo, j_est) + 2e-7
        known = grid_cells(spans_est, passes(target)[0]) > GRID_CEILING
    for j, a in enumerate(idx):
        if known:
            break
        top = _unconstrained_top(prog, int(a)) if not prog.constrained.any() else None
        if top is None:
            found = prog.maximise(eye[a])
            if found is None:
                return Trace([], target, int(a), 0, prog.solves - start, [])
            top = found[0]
        hi[j] = prog.package_utility(top)[a]
    j_k = int(np.argmax(hi - lo))
    cons = np.delete(idx, j_k)
    origin = np.delete(lo, j_k) - 1e-7
    spans = np.delete(hi - lo, j_k) + 2e-7
    if resolution is not None and grid_cells(spans, resolution) > GRID_CEILING:
        least = next(
            (r / 100 for r in range(1, 101) if grid_cells(spans, r / 100) <= GRID_CEILING), None
        )
        advice = (
            f"use {least} or more"
            if least is not None
            else f"no resolution fits {len(idx)} parties; leave it unset"
        )
        cells = grid_cells(spans, resolution)
        shown = f"{cells:,}" if cells < 10**15 else f"about 10^{len(str(cells)) - 1}"
        raise InputError(
            f"frontier_resolution: {resolution}: the ε-constraint grid would have "
            f"{shown} cells on this agenda, more than {GRID_CEILING:,}; {advice}"
        )
    tracer = _Tracer(prog, idx, int(idx[j_k]), cons)
    # the first cell (every party at its least) gives the largest u_k, so δ = 1 holds; it is the
    # first cell of every pass, solved even when no pass's grid is small enough
    tracer.solve(origin)
    done = 1.0
    completed: list[tuple[float, int]] = []
    for delta in passes(target):
        if grid_cells(spans, delta) > GRID_CEILING:
            break
        complete = True
        for cell in itertools.product(*[range(m) for m in grid_shape(spans, delta)]):
            eps = origin + delta * np.array(cell, dtype=float)
            if tracer.answered(eps):
                continue
            used = prog.solves - start
            if max_milps is not None and tracer.corners.n and used + 2 > max_milps:
                complete = False
                break
            tracer.solve(eps)
        if not complete:
            break
        done = delta
        completed.append((delta, prog.solves - start))
    return Trace(
        list(tracer.found.values()),
        done,
        int(idx[j_k]),
        tracer.corners.n,
        prog.solves - start,
        completed,
    )


def frontier(
    space: PackageSpace,
    parties: BoolArray,
    zone_only: bool,
    listed: int,
    resolution: float | None = None,
    max_points: int = MAX_POINTS,
    max_milps: int | None = MILP_BUDGET,
    ideal: FloatArray | None = None,
) -> dict[str, Any]:
    """Pareto frontier over the parties' utilities (within the zone when ``zone_only``): exact
    by Minkowski sums when no intermediate front exceeds ``max_points``, otherwise traced by
    ε-constraint MILPs (:func:`epsilon_trace`): to ``resolution`` whatever it costs when it is
    given, else to 0.05 or the finest of 0.8, 0.4, 0.2, 0.1 reached within ``max_milps``.
    The ``listed`` packages of largest total utility are listed. ``ideal``: each actor's largest
    utility in the zone, when known (see :func:`epsilon_trace`)."""
    check_resolution(resolution)
    ok = open_columns(space, parties) if zone_only else np.ones(space.utility.shape[1], bool)
    sub = space.utility[parties]
    kept = [
        np.flatnonzero(ok[a:b]) for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True)
    ]
    if any(len(k) == 0 for k in kept) or not parties.any():
        return _exact([], 0)
    cols = [sub[:, space.offsets[i] + k] for i, k in enumerate(kept)]
    floor = space.reservation[parties] if zone_only else None
    found = minkowski_frontier(cols, max_points, floor)
    if found is not None:
        choice = np.stack([kept[i][found[0][:, i]] for i in range(space.n_issues)], axis=1)
        if zone_only:
            inside = (found[1] >= space.reservation[parties] - 1e-9).all(axis=1)
            choice = choice[inside]
        return _exact([record(space, c, parties) for c in choice[:listed]], len(choice))
    prog = program(space, parties if zone_only else np.zeros_like(parties), open_cols=ok)
    trace = epsilon_trace(
        prog, parties, resolution, None if resolution else max_milps, ideal if zone_only else None
    )
    choices = sorted(trace.choices, key=lambda c: -float(space.package_utility(c)[parties].sum()))
    return {
        "size": None,
        "complete": False,
        "method": "milp-epsilon-constraint",
        "resolution": trace.resolution,
        "target_resolution": DEFAULT_RESOLUTION if resolution is None else resolution,
        "milps": trace.milps,
        "milp_budget": None if resolution else max_milps,
        "found": len(choices),
        "objective": space.actor_ids[trace.objective],
        "solved_cells": trace.solved_cells,
        "passes": [{"resolution": r, "milps": m} for r, m in trace.passes],
        "packages": [record(space, c, parties) for c in choices[:listed]],
    }


def _exact(packages: list[dict[str, Any]], size: int) -> dict[str, Any]:
    return {
        "size": size,
        "complete": True,
        "method": "minkowski",
        "resolution": 0.0,
        "milps": 0,
        "packages": packages,
    }
