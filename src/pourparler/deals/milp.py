"""Exact package-deal questions as mixed-integer programs (HiGHS via ``scipy.optimize.milp``).

One binary per issue-option, one option per issue; utilities are linear in the binaries, so the
agreement zone is the feasible set of ``U_a · x >= d_a`` for the parties, with red-line options
fixed to 0. Utilitarian, egalitarian and Kalai–Smorodinsky points are single MILPs (max-min ones
are followed by a second MILP that picks the largest total among the max-min optima, so the
point is Pareto-optimal). The Nash point maximises the concave ``Σ w_a log(U_a · x - d_a)``: the
log is replaced by the minimum of its tangents (an outer approximation, Kelley 1960; Duran &
Grossmann 1986), a tangent is added at each new solution, and the loop stops when the MILP's
upper bound and the true objective of the best package found are within ``gap``, which certifies
optimality to that gap. The gap cannot usefully be pushed below about 1e-7: HiGHS's feasibility
tolerance (1e-7) applies to tangent rows whose coefficients reach 1e6, so tighter certificates
stall on packages that tie within the solver's tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import csr_array

from pourparler.forecast.budget import TooLong

FloatArray = NDArray[np.float64]
BoolArray = NDArray[np.bool_]
IntArray = NDArray[np.int64]

FEAS_TOL = 1e-7
NASH_GAP = 1e-6
NASH_FLOOR = 1e-7
# HiGHS is silenced by its own option (no redirection of the process's stdout); HiGHS 1.12 still
# prints one stray debugging line past it in rare cases (ERGO-Code/HiGHS#2783), which the
# ``deals --json`` command keeps off its JSON stream.
MIP_OPTIONS = {"mip_rel_gap": 1e-9, "presolve": True, "disp": False}


@dataclass(frozen=True)
class NashResult:
    """The Nash package, its objective, and the proved gap: no package beats it by more."""

    choice: IntArray
    objective: float
    gap: float
    iterations: int

    @property
    def certified(self) -> bool:
        return self.gap <= NASH_GAP


class ZoneProgram:
    """The agreement zone of an additive package space as a MILP.

    ``utility`` (n_actors, n_columns) and ``offsets`` (n_issues + 1) describe the space;
    ``constrained`` marks the actors whose ``u >= reservation`` binds; ``open_columns`` the options
    nobody's red line excludes. ``time_limit`` bounds each solve (seconds).
    """

    def __init__(
        self,
        utility: FloatArray,
        offsets: IntArray,
        reservation: FloatArray,
        constrained: BoolArray,
        open_columns: BoolArray,
        time_limit: float = 60.0,
    ) -> None:
        self.utility = np.asarray(utility, dtype=float)
        self.offsets = np.asarray(offsets)
        self.reservation = np.asarray(reservation, dtype=float)
        self.constrained = np.asarray(constrained, dtype=bool)
        self.open = np.asarray(open_columns, dtype=bool)
        self.time_limit = time_limit
        self.n_cols = self.utility.shape[1]
        n_i = len(self.offsets) - 1
        rows = np.repeat(np.arange(n_i), np.diff(self.offsets))
        self._onehot = csr_array(
            (np.ones(self.n_cols), (rows, np.arange(self.n_cols))), shape=(n_i, self.n_cols)
        )
        self.solves = 0

    # -- the engine ----------------------------------------------------------------------------
    def _solve(
        self,
        c_x: FloatArray,
        n_extra: int = 0,
        c_extra: FloatArray | None = None,
        rows: list[tuple[FloatArray, float, float]] | None = None,
        extra_bounds: tuple[FloatArray, FloatArray] | None = None,
    ) -> tuple[IntArray, float, float] | None:
        """Maximise ``c_x · x + c_extra · y`` over the zone plus ``rows`` (coef, lo, hi) on [x, y].

        Returns (choice per issue, objective, upper bound) or None when infeasible.
        """
        n = self.n_cols + n_extra
        c = -np.concatenate([c_x, c_extra if c_extra is not None else np.zeros(n_extra)])
        cons = [LinearConstraint(_pad(self._onehot, n_extra), 1.0, 1.0)]
        a_rows = self.utility[self.constrained]
        if len(a_rows):
            cons.append(
                LinearConstraint(
                    np.hstack([a_rows, np.zeros((len(a_rows), n_extra))]),
                    self.reservation[self.constrained],
                    np.inf,
                )
            )
        if rows:
            cons.append(
                LinearConstraint(
                    np.array([r[0] for r in rows]),
                    np.array([r[1] for r in rows]),
                    np.array([r[2] for r in rows]),
                )
            )
        lo = np.zeros(n)
        hi = np.concatenate([self.open.astype(float), np.zeros(n_extra)])
        if extra_bounds is not None:
            lo[self.n_cols :], hi[self.n_cols :] = extra_bounds
        integrality = np.concatenate([np.ones(self.n_cols), np.zeros(n_extra)])
        self.solves += 1
        res = milp(
            c,
            constraints=cons,
            integrality=integrality,
            bounds=Bounds(lo, hi),
            options={**MIP_OPTIONS, "time_limit": self.time_limit},
        )
        if res.status == 1:  # HiGHS's time limit, with or without a package found
            raise TooLong(
                f"{len(self.offsets) - 1:,} issues with {self.n_cols:,} options, "
                f"{len(self.utility):,} actors: a mixed-integer program of the package deals was "
                f"not solved within its {self.time_limit:g} s limit; analyse fewer issues at a "
                "time (deals --track) or give them fewer options"
            )
        if res.status == 2 or res.x is None:
            if res.status not in (2, 0):
                raise RuntimeError(f"HiGHS stopped without an answer: {res.message}")
            return None
        if res.status != 0:
            raise RuntimeError(f"HiGHS stopped before proving optimality: {res.message}")
        x = res.x[: self.n_cols] > 0.5
        choice = np.array(
            [
                int(np.argmax(x[a:b]))
                for a, b in zip(self.offsets[:-1], self.offsets[1:], strict=True)
            ]
        )
        bound = getattr(res, "mip_dual_bound", None)
        upper = -float(bound) if bound is not None and np.isfinite(bound) else -float(res.fun)
        return choice, -float(res.fun), max(upper, -float(res.fun))

    def package_utility(self, choice: IntArray) -> FloatArray:
        return self.utility[:, choice + self.offsets[:-1]].sum(axis=1)

    # -- questions -------------------------------------------------------------------------------
    def feasible(self) -> IntArray | None:
        """A package in the zone, or None when the zone is empty."""
        out = self._solve(np.zeros(self.n_cols))
        return None if out is None else out[0]

    def maximise(
        self, weights: FloatArray, floor: FloatArray | None = None
    ) -> tuple[IntArray, float] | None:
        """The zone package maximising ``Σ weights_a u_a`` (all actors), and that value; with
        ``floor`` (n_actors,), only packages with ``u_a >= floor_a`` wherever it is finite."""
        rows = None
        if floor is not None:
            rows = [
                (self.utility[a], float(floor[a]), np.inf)
                for a in np.flatnonzero(np.isfinite(floor))
            ]
        out = self._solve(np.asarray(weights) @ self.utility, rows=rows or None)
        return None if out is None else (out[0], out[1])

    def maximise_columns(self, values: FloatArray) -> tuple[IntArray, float] | None:
        """The zone package maximising the sum of ``values`` (one per option column)."""
        out = self._solve(np.asarray(values, dtype=float))
        return None if out is None else (out[0], out[1])

    def max_min(self, parties: BoolArray, scale: FloatArray) -> tuple[IntArray, float] | None:
        """Max ``t`` with ``u_a - d_a >= t · scale_a`` for the parties; ties go to the top total."""
        idx = np.flatnonzero(parties)
        rows = [
            (np.concatenate([self.utility[a], [-scale[a]]]), self.reservation[a], np.inf)
            for a in idx
        ]
        out = self._solve(
            np.zeros(self.n_cols),
            1,
            np.ones(1),
            rows,
            (np.array([-1.0]), np.array([np.inf])),
        )
        if out is None:
            return None
        t = out[1]
        floor = t - 1e-9 * (1.0 + abs(t))
        rows = [
            (r[0][:-1], r[1] + floor * scale[a], np.inf) for a, r in zip(idx, rows, strict=True)
        ]
        second = self._solve(self.utility[parties].sum(axis=0), 0, None, rows)
        return (second[0] if second is not None else out[0]), t

    def nash(
        self,
        parties: BoolArray,
        weights: FloatArray,
        gap: float = NASH_GAP,
        exclude: list[IntArray] | None = None,
    ) -> NashResult | None:
        """Maximise ``Σ w_a log(u_a - d_a)`` over the zone by outer approximation (see module);
        packages in ``exclude`` are cut off (one no-good cut each), which ranks the zone.
        Parties of weight 0 are left out of the product (the zone's constraints still bind
        them)."""
        w = np.asarray(weights, dtype=float)
        idx = np.flatnonzero(parties)
        if len(idx) and (w > 0).any():
            # a party of weight 0 adds nothing to the product; the zone still binds it
            idx, w = idx[w > 0], w[w > 0]
        k = len(idx)
        if k == 0:
            return None
        tangents: list[list[float]] = [list(np.geomspace(1e-6, 1.0, 13)) for _ in range(k)]
        floor_rows = [
            (
                np.concatenate([self.utility[a], np.zeros(k)]),
                self.reservation[a] + NASH_FLOOR,
                np.inf,
            )
            for a in idx
        ]
        n_i = len(self.offsets) - 1
        for choice in exclude or []:
            cut = np.zeros(self.n_cols + k)
            cut[np.asarray(choice) + self.offsets[:-1]] = 1.0
            floor_rows.append((cut, -np.inf, n_i - 1.0))
        best: tuple[float, IntArray] | None = None
        upper = np.inf
        for it in range(1, 200):
            rows = list(floor_rows)
            for j, a in enumerate(idx):
                for t in tangents[j]:
                    coef = np.concatenate([-self.utility[a] / t, np.eye(k)[j]])
                    rows.append((coef, -np.inf, np.log(t) - 1.0 - self.reservation[a] / t))
            out = self._solve(
                np.zeros(self.n_cols), k, w, rows, (np.full(k, -40.0), np.full(k, 0.5))
            )
            if out is None:
                if best is None:
                    return None
                return NashResult(best[1], best[0], max(0.0, upper - best[0]), it)
            choice, _, ub = out
            upper = min(upper, ub)
            s = self.package_utility(choice)[idx] - self.reservation[idx]
            if not (s > 0).all():
                # feasible only within HiGHS's tolerance of the floor: no gain for some party,
                # so no Nash candidate; cut it off and ask again
                cut = np.zeros(self.n_cols + k)
                cut[choice + self.offsets[:-1]] = 1.0
                floor_rows.append((cut, -np.inf, n_i - 1.0))
                continue
            value = float(w @ np.log(s))
            if best is None or value > best[0]:
                best = (value, choice)
            if upper - best[0] <= gap:
                return NashResult(best[1], best[0], max(0.0, upper - best[0]), it)
            for j in range(k):
                tangents[j].append(float(max(s[j], NASH_FLOOR)))
        if best is None:
            return None
        return NashResult(best[1], best[0], max(0.0, upper - best[0]), it)


def _pad(matrix: csr_array, n_extra: int) -> csr_array:
    if n_extra == 0:
        return matrix
    from scipy.sparse import hstack

    return csr_array(hstack([matrix, csr_array((matrix.shape[0], n_extra))]))
