"""The one package a bargaining point names when several tie, found by MILPs as enumeration finds
it: among the zone's packages whose objective is within ``TIE (1 + |best|)`` of the best, those
whose total party utility is within the same tolerance of the largest such total, and of these the
first in the order of the options (issue by issue, as the scenario lists them).

Enumeration applies that rule as it scans (:func:`pourparler.deals.kernels.argbest`); the MILP path
starts from the package HiGHS returned and asks further MILPs over the tied packages: one for the
largest total, excluding that package (none: it is the only one), then, issue by issue, the
smallest option index with the earlier issues fixed. The objective's tie is a linear constraint for
the utilitarian, egalitarian and Kalai–Smorodinsky points; for the Nash points it is ``Σ w_a t_a``
with ``t_a`` under tangents of ``log(u_a − d_a)``, a tangent added at each package the exact
objective rejects. Every answer is checked exactly (HiGHS's tolerances are looser than the tie's)
and one that fails is cut off."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from pourparler.deals.kernels import TIE, BoolArray, FloatArray, IntArray, point_objectives
from pourparler.deals.milp import NASH_FLOOR, ZoneProgram

Row = tuple[FloatArray, float, float]
ROUNDS = 60  # MILPs one question may take before the package found first is kept


class _Tied:
    """The MILPs over the packages tied with one bargaining point."""

    def __init__(
        self,
        prog: ZoneProgram,
        name: str,
        parties: BoolArray,
        weights: FloatArray,
        ideal_gain: FloatArray,
    ) -> None:
        self.prog, self.name = prog, name
        self.parties = np.asarray(parties, dtype=bool)
        self.idx = np.flatnonzero(self.parties)
        self.d = prog.reservation[self.idx]
        self.weights, self.ideal_gain = weights, ideal_gain
        self.n_cols = prog.n_cols
        self.nash = name in ("nash", "weighted_nash")
        w = np.full(len(self.idx), 1.0 / len(self.idx)) if name == "nash" else weights
        self.log_idx = self.idx[w > 0] if (w > 0).any() else self.idx
        self.log_w = w[w > 0] if (w > 0).any() else w
        self.tangents: list[list[float]] = [list(np.geomspace(1e-6, 1.0, 13)) for _ in self.log_idx]
        self.cuts: list[Row] = []

    @property
    def n_extra(self) -> int:
        return len(self.log_idx) if self.nash else 0

    def value(self, choice: IntArray) -> tuple[float, float]:
        """The point's objective and the parties' total utility, as enumeration computes them."""
        u = self.prog.package_utility(np.asarray(choice))[self.idx]
        obj = point_objectives((u - self.d)[None, :], self.weights, self.ideal_gain)[self.name]
        return float(obj[0]), float(u.sum())

    def _pad(self, coef: FloatArray) -> FloatArray:
        return np.concatenate([coef, np.zeros(self.n_extra)])

    def objective_rows(self, floor: float) -> list[Row]:
        u = self.prog.utility
        if self.name == "utilitarian":
            return [(self._pad(u[self.idx].sum(axis=0)), floor + float(self.d.sum()), np.inf)]
        if self.name == "egalitarian":
            return [
                (self._pad(u[a]), float(d) + floor, np.inf)
                for a, d in zip(self.idx, self.d, strict=True)
            ]
        if self.name == "kalai_smorodinsky":
            return [
                (self._pad(u[a]), float(d) + floor * float(g), np.inf)
                for a, d, g in zip(self.idx, self.d, self.ideal_gain, strict=True)
                if g > 0
            ]
        k = len(self.log_idx)
        rows: list[Row] = [
            (self._pad(u[a]), float(self.prog.reservation[a]) + NASH_FLOOR, np.inf)
            for a in self.log_idx
        ]
        rows.append((np.concatenate([np.zeros(self.n_cols), self.log_w]), floor, np.inf))
        for j, a in enumerate(self.log_idx):
            d = float(self.prog.reservation[a])
            for t in self.tangents[j]:
                coef = np.concatenate([-u[a] / t, np.eye(k)[j]])
                rows.append((coef, -np.inf, np.log(t) - 1.0 - d / t))
        return rows

    def cut(self, choice: IntArray) -> Row:
        """The no-good cut of one package."""
        coef = np.zeros(self.n_cols + self.n_extra)
        coef[np.asarray(choice) + self.prog.offsets[:-1]] = 1.0
        return coef, -np.inf, len(choice) - 1.0

    def solve(
        self, c_x: FloatArray, rows: Callable[[], list[Row]], ok: Callable[[IntArray], bool]
    ) -> IntArray | None:
        """Maximise ``c_x · x`` over ``rows()`` (rebuilt after each rejection); an answer ``ok``
        rejects is cut off (and, for a Nash point, adds its tangents). None when infeasible or
        out of rounds."""
        bounds = (np.full(self.n_extra, -40.0), np.full(self.n_extra, 0.5))
        for _ in range(ROUNDS):
            out = self.prog._solve(
                c_x,
                self.n_extra,
                None,
                rows() + self.cuts,
                bounds if self.n_extra else None,
            )
            if out is None:
                return None
            choice = out[0]
            if ok(choice):
                return choice
            self.cuts.append(self.cut(choice))
            if self.nash:
                s = (
                    self.prog.package_utility(choice)[self.log_idx]
                    - self.prog.reservation[self.log_idx]
                )
                for j, x in enumerate(s):
                    self.tangents[j].append(float(max(x, NASH_FLOOR)))
        return None


def first_tied(
    prog: ZoneProgram,
    name: str,
    choice: IntArray,
    parties: BoolArray,
    weights: FloatArray,
    ideal_gain: FloatArray,
) -> IntArray:
    """The package the tie-break rule (module docstring) names among those tied with ``choice``
    for bargaining point ``name`` over the zone of ``prog``; ``choice`` when no other ties."""
    t = _Tied(prog, name, parties, weights, ideal_gain)
    best = np.asarray(choice)
    if t.nash:  # tangents where the point is: the tie's constraint is tight there
        s = prog.package_utility(best)[t.log_idx] - prog.reservation[t.log_idx]
        for j, x in enumerate(s):
            t.tangents[j].append(float(max(x, NASH_FLOOR)))
    top, total = t.value(best)
    if not np.isfinite(top):
        return best
    n_i = len(prog.offsets) - 1
    party_total = np.concatenate([prog.utility[t.idx].sum(axis=0), np.zeros(t.n_extra)])
    for _ in range(4):  # again from a better package, should one turn up
        floor = top - TIE * (1.0 + abs(top))

        def tied(c: IntArray, floor: float = floor) -> bool:
            return t.value(c)[0] >= floor

        t.cuts = [t.cut(best)]

        def objective_rows(floor: float = floor) -> list[Row]:
            return t.objective_rows(floor)

        other = t.solve(party_total[: t.n_cols], objective_rows, tied)
        t.cuts = []
        if other is None:
            return best
        v_other, total_other = t.value(other)
        if v_other > top + TIE * (1.0 + abs(top)):
            best, (top, total) = other, (v_other, total_other)
            continue
        if total_other > total:
            best, total = other, total_other
        t_floor = total - TIE * (1.0 + abs(total))

        def kept(c: IntArray, floor: float = floor, t_floor: float = t_floor) -> bool:
            v, s = t.value(c)
            return v >= floor and s >= t_floor

        fixed: list[Row] = []
        for i in range(n_i):
            a, b = int(prog.offsets[i]), int(prog.offsets[i + 1])
            first_open = int(np.flatnonzero(prog.open[a:b])[0])
            if best[i] > first_open:
                index = np.zeros(t.n_cols + t.n_extra)
                index[a:b] = -np.arange(b - a, dtype=float)

                def rows(
                    floor: float = floor, t_floor: float = t_floor, fixed: list[Row] = fixed
                ) -> list[Row]:
                    return [*t.objective_rows(floor), (party_total, t_floor, np.inf), *fixed]

                found = t.solve(index[: t.n_cols], rows, kept)
                t.cuts = []
                if found is not None and int(found[i]) < int(best[i]):
                    best = found
            pin = np.zeros(t.n_cols + t.n_extra)
            pin[a + int(best[i])] = 1.0
            fixed.append((pin, 1.0, 1.0))
        return best
    return best
