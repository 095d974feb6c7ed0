"""One interface over the two exact back-ends of the package-deal questions.

A :class:`PackageSolver` answers questions about the agreement zone of a set of parties (their
reservations and red lines bind): is it empty (:meth:`~PackageSolver.feasible`), how large
(:meth:`~PackageSolver.count`), its best packages by the capability-weighted Nash product
(:meth:`~PackageSolver.best`), its Nash points (:meth:`~PackageSolver.nash`), every bargaining point
(:meth:`~PackageSolver.points`) and its Pareto frontier (:meth:`~PackageSolver.frontier`).

* :class:`EnumerationSolver` lists the packages inside the red lines in chunks (exact); it keeps
  the zone's members while they fit in memory, and scans a zone too large to keep twice more
  (points and best packages) instead.
* :class:`MilpSolver` asks HiGHS mixed-integer programs (:mod:`pourparler.deals.milp`).

:func:`make_solver` picks one by ``method`` (``auto``: enumeration while the packages inside the
parties' red lines are few enough).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np

from pourparler.deals.enumeration import (
    ZONE_MEMORY,
    EnumeratedZone,
    StreamedZone,
    best_in_zone,
    count_zone,
    enumerate_zone,
    estimate_zone_size,
    open_columns,
    open_size,
    party_weights,
    stream_zone,
    zone_points,
    zone_row_limit,
)
from pourparler.deals.kernels import POINTS, BoolArray, FloatArray, IntArray
from pourparler.deals.milp import ZoneProgram
from pourparler.deals.points import COUNT_LIMIT, ENUMERATION_LIMIT, choose_method, record, ties
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

METHODS = ("auto", "enumeration", "milp")
RANKED_BY_MILP = "milp-outer-approximation with no-good cuts"
SAMPLES = 200_000
ENUMERATION_WORK = 3 * 10**8  # parties × packages enumerated: about a minute on two cores
MILP_WORK = 12_000  # parties × open options on the MILP path: about a minute on two cores


@dataclass(frozen=True)
class Point:
    """A package chosen by some objective: its option per issue, the objective's value, the
    method that found it, and that method's details (certified gap, ideal point, ...)."""

    choice: IntArray
    objective: float
    method: str
    details: dict[str, Any] = field(default_factory=dict)

    def report(self, space: PackageSpace, parties: BoolArray) -> dict[str, Any]:
        """The package record with the objective, the method and its details."""
        return {
            **record(space, self.choice, parties),
            "objective": self.objective,
            "method": self.method,
            **self.details,
            **ties(space, self.choice, parties),
        }


class PackageSolver(ABC):
    """The agreement zone of ``parties`` (default: the space's parties) and the questions the
    deals report asks of it. Answers are computed once and kept."""

    method: ClassVar[str]

    def __init__(self, space: PackageSpace, parties: BoolArray | None = None) -> None:
        self.space = space
        self.parties = np.asarray(space.parties if parties is None else parties, dtype=bool)

    @property
    def weights(self) -> FloatArray:
        """The parties' capability shares (the weighted Nash point's weights)."""
        return party_weights(self.space, self.parties)

    @abstractmethod
    def feasible(self) -> IntArray | None:
        """A package in the zone, or None when the zone is empty."""

    @property
    def empty(self) -> bool:
        return self.feasible() is None

    @abstractmethod
    def count(self) -> int | None:
        """The zone's exact size, or None when it is too large to count."""

    @abstractmethod
    def nash(self, weighted: bool = True) -> Point | None:
        """The (capability-weighted or symmetric) Nash point, None when no zone package gives
        every party with a positive weight a positive surplus."""

    @abstractmethod
    def points(self) -> dict[str, Point | None]:
        """Every bargaining point (:data:`~pourparler.deals.kernels.POINTS`)."""

    @abstractmethod
    def best(self, n: int) -> list[IntArray]:
        """The ``n`` zone packages with the largest capability-weighted Nash product."""

    @abstractmethod
    def zone(self, n_best: int, samples: int = SAMPLES, seed: int | None = 0) -> dict[str, Any]:
        """The ``zone`` section of the report (see ``docs/deals.md``)."""

    def ideal(self) -> FloatArray | None:
        """Each actor's largest utility in the zone (NaN for non-parties) when already known
        from the work done so far, else None; it spares the traced frontier one MILP per party
        when the parties are too many for any grid."""
        return None

    def point_reports(self) -> dict[str, dict[str, Any] | None]:
        """The ``points`` section of the report."""
        return {
            name: None if p is None else p.report(self.space, self.parties)
            for name, p in self.points().items()
        }

    def frontier(
        self,
        zone_only: bool,
        listed: int,
        resolution: float | None = None,
        max_milps: int | None = None,
    ) -> dict[str, Any]:
        """The Pareto frontier over the parties' utilities, within the zone when ``zone_only``
        (:func:`pourparler.deals.frontier.frontier`; the same whatever the back-end)."""
        from pourparler.deals.frontier import MILP_BUDGET, frontier

        budget = MILP_BUDGET if max_milps is None else max_milps
        return frontier(self.space, self.parties, zone_only, listed, resolution, max_milps=budget)

    def joined(self, parties: BoolArray) -> PackageSolver:
        """A solver of the same kind for the space where ``parties`` are exactly the parties."""
        return type(self)(self.space.with_binding(parties))


class MilpSolver(PackageSolver):
    """The zone as a MILP (:class:`~pourparler.deals.milp.ZoneProgram`). ``reservation`` and
    ``open_cols`` replace the space's reservations and the options inside the parties' red
    lines (the obstacle and concession questions relax them)."""

    method = "milp"

    def __init__(
        self,
        space: PackageSpace,
        parties: BoolArray | None = None,
        reservation: FloatArray | None = None,
        open_cols: BoolArray | None = None,
    ) -> None:
        super().__init__(space, parties)
        self.reservation = space.reservation if reservation is None else reservation
        self.program = ZoneProgram(
            space.utility,
            space.offsets,
            self.reservation,
            self.parties,
            open_columns(space, self.parties) if open_cols is None else open_cols,
        )
        self._witness: tuple[IntArray | None] | None = None
        self._nash: dict[bool, Point | None] = {}
        self._points: dict[str, Point | None] | None = None
        self._ideal: FloatArray | None = None

    def ideal(self) -> FloatArray | None:
        return self._ideal

    def feasible(self) -> IntArray | None:
        if self._witness is None:
            self._witness = (self.program.feasible(),)
        return self._witness[0]

    def count(self) -> int | None:
        """Counted by enumeration when at most :data:`COUNT_LIMIT` packages lie inside the red
        lines, else None."""
        if open_size(self.space, self.parties) > COUNT_LIMIT:
            return None
        return count_zone(self.space, self.parties)

    def maximise(self, weights: FloatArray) -> tuple[IntArray, float] | None:
        """The zone package maximising ``Σ weights_a u_a`` over all actors, and that value."""
        return self.program.maximise(weights)

    def maximise_columns(self, values: FloatArray) -> tuple[IntArray, float] | None:
        """The zone package maximising the sum of ``values`` (one per option column)."""
        return self.program.maximise_columns(values)

    def nash(self, weighted: bool = True) -> Point | None:
        if weighted not in self._nash:
            self._nash[weighted] = self._solve_nash(weighted)
        return self._nash[weighted]

    def _solve_nash(self, weighted: bool) -> Point | None:
        k = int(self.parties.sum())
        if k == 0 or self.feasible() is None:
            return None
        w = self.weights if weighted else np.full(k, 1.0 / k)
        res = self.program.nash(self.parties, w)
        if res is None:
            return None
        info = {"certified_gap": res.gap, "certified": res.certified, "iterations": res.iterations}
        name = "weighted_nash" if weighted else "nash"
        choice = self._first_tied(name, res.choice, np.zeros(k))
        objective = res.objective if choice is res.choice else self._objective(name, choice)
        return Point(choice, objective, "milp-outer-approximation", info)

    def _first_tied(self, name: str, choice: IntArray, ideal_gain: FloatArray) -> IntArray:
        """The package among those tied with ``choice`` that enumeration would take
        (:mod:`pourparler.deals.ties`)."""
        from pourparler.deals.ties import first_tied

        return first_tied(self.program, name, choice, self.parties, self.weights, ideal_gain)

    def _objective(
        self, name: str, choice: IntArray, ideal_gain: FloatArray | None = None
    ) -> float:
        from pourparler.deals.kernels import point_objectives

        u = self.space.package_utility(np.asarray(choice))[self.parties]
        gain = np.zeros(len(u)) if ideal_gain is None else ideal_gain
        surplus = (u - self.reservation[self.parties])[None, :]
        return float(point_objectives(surplus, self.weights, gain)[name][0])

    def points(self) -> dict[str, Point | None]:
        if self._points is None:
            self._points = self._solve_points()
        return self._points

    def _solve_points(self) -> dict[str, Point | None]:
        out: dict[str, Point | None] = dict.fromkeys(POINTS)
        parties, prog, d = self.parties, self.program, self.reservation
        if not parties.any() or self.feasible() is None:
            return out
        out["nash"] = self.nash(weighted=False)
        out["weighted_nash"] = self.nash(weighted=True)
        n_a = self.space.n_actors
        none = np.zeros(int(parties.sum()))
        util = prog.maximise(parties.astype(float))
        if util is not None:
            choice = self._first_tied("utilitarian", util[0], none)
            out["utilitarian"] = Point(choice, self._objective("utilitarian", choice), "milp")
        ega = prog.max_min(parties, np.ones(n_a))
        if ega is not None:
            choice = self._first_tied("egalitarian", ega[0], none)
            out["egalitarian"] = Point(choice, ega[1], "milp")
        ideal = np.zeros(n_a)
        for a in np.flatnonzero(parties):
            top = prog.maximise(np.eye(n_a)[a])
            ideal[a] = top[1] if top is not None else d[a]
        self._ideal = np.where(parties, ideal, np.nan)
        gain = np.where(ideal - d > 1e-12, ideal - d, 0.0)
        ks = prog.max_min(parties, gain)
        if ks is not None:
            choice = self._first_tied("kalai_smorodinsky", ks[0], gain[parties])
            out["kalai_smorodinsky"] = Point(
                choice, ks[1], "milp", {"ideal": ideal[parties].round(9).tolist()}
            )
        return out

    def best(self, n: int) -> list[IntArray]:
        """Repeated weighted Nash MILPs, each cutting off the packages already ranked; only
        packages better than no deal for every weighted party are ranked."""
        first = self.nash(weighted=True)
        if first is None:
            return []
        ranked = [first.choice]
        while len(ranked) < n:
            nxt = self.program.nash(self.parties, self.weights, exclude=ranked)
            if nxt is None:
                break
            ranked.append(nxt.choice)
        return ranked

    def zone(self, n_best: int, samples: int = SAMPLES, seed: int | None = 0) -> dict[str, Any]:
        bests = [record(self.space, c, self.parties) for c in self.best(n_best)]
        empty = self.feasible() is None
        counted = self.count()
        return {
            "size": counted,
            "empty": empty,
            "share": None if counted is None else counted / self.space.size,
            "method": "milp",
            "size_method": "enumeration" if counted is not None else None,
            "estimated_size": None
            if empty or counted is not None
            else estimate_zone_size(self.space, self.parties, samples, seed),
            "best": bests,
            "best_method": RANKED_BY_MILP,
        }


class EnumerationSolver(PackageSolver):
    """The zone by chunked enumeration of the packages inside the parties' red lines. Its
    members are kept while they fit in ``zone_memory`` bytes; a larger zone is counted exactly
    and scanned again for its points and best packages without keeping it
    (:func:`~pourparler.deals.enumeration.stream_zone`). Without ``keep_members`` (a solver
    asked only for the zone's size and Nash points, as for a spoiler joining the talks) one
    scan answers both."""

    method = "enumeration"

    def __init__(
        self,
        space: PackageSpace,
        parties: BoolArray | None = None,
        zone_memory: int = ZONE_MEMORY,
        n_best: int = 5,
        keep_members: bool = True,
    ) -> None:
        super().__init__(space, parties)
        self.zone_memory = zone_memory if keep_members else 0
        self.n_best = n_best
        self.keep_members = keep_members
        self._zone: EnumeratedZone | None = None
        self._stream: StreamedZone | None = None
        self._nash_stream: StreamedZone | None = None
        self._points: dict[str, Point | None] | None = None

    @property
    def members(self) -> EnumeratedZone:
        if self._zone is None:
            if not self.keep_members:  # counted by the one pass that finds the Nash points
                size = self._nash_only().size
                none = np.zeros((0, self.space.n_issues), int)
                self._zone = EnumeratedZone(
                    size, none, np.zeros((0, self.space.n_actors)), stored=size == 0
                )
                return self._zone
            limit = zone_row_limit(self.space, self.parties, self.zone_memory)
            self._zone = enumerate_zone(self.space, self.parties, max_rows=limit)
        return self._zone

    def ideal(self) -> FloatArray | None:
        z = self._zone
        if z is None or z.size == 0:
            return None
        out = np.full(self.space.n_actors, np.nan)
        if z.stored:
            out[self.parties] = z.utility[:, self.parties].max(axis=0)
            return out
        if self._stream is not None and self._stream.ideal is not None:
            out[self.parties] = self._stream.ideal
            return out
        return None

    def _nash_only(self) -> StreamedZone:
        if self._nash_stream is None:
            self._nash_stream = stream_zone(
                self.space, self.parties, 0, points=("nash", "weighted_nash")
            )
        return self._nash_stream

    def _streamed(self, n_best: int) -> StreamedZone:
        if self._stream is None or len(self._stream.best) < min(n_best, self._stream.size):
            self._stream = stream_zone(self.space, self.parties, max(n_best, self.n_best))
        return self._stream

    def feasible(self) -> IntArray | None:
        z = self.members
        if z.size == 0:
            return None
        if z.stored:
            return z.choices[0]
        return (self._nash_stream or self._streamed(1)).witness

    def count(self) -> int:
        return self.members.size

    def nash(self, weighted: bool = True) -> Point | None:
        name = "weighted_nash" if weighted else "nash"
        if self._points is None and not self.keep_members:
            hit = self._nash_only().points[name]
            return None if hit is None else Point(hit[0], hit[1], "enumeration")
        return self.points()[name]

    def points(self) -> dict[str, Point | None]:
        if self._points is None:
            z = self.members
            if z.stored:
                found = zone_points(self.space, z, self.parties, self.space.reservation)
            elif z.size == 0:
                found = dict.fromkeys(POINTS)
            else:
                found = self._streamed(1).points
            self._points = {
                name: None if hit is None else Point(hit[0], hit[1], "enumeration")
                for name, hit in found.items()
            }
        return self._points

    def best(self, n: int) -> list[IntArray]:
        z = self.members
        if z.size == 0:
            return []
        if not z.stored:
            return self._streamed(n).best[:n]
        rows = best_in_zone(self.space, z, self.parties, self.space.reservation, n)
        return [z.choices[k] for k in rows]

    def zone(self, n_best: int, samples: int = SAMPLES, seed: int | None = 0) -> dict[str, Any]:
        z = self.members
        out: dict[str, Any] = {
            "size": z.size,
            "empty": z.size == 0,
            "share": z.size / self.space.size,
            "method": "enumeration",
            "enumerated": open_size(self.space, self.parties),
        }
        if not z.stored:
            out["members_stored"] = False
        out["best"] = [record(self.space, c, self.parties) for c in self.best(n_best)]
        if not z.stored:
            out["best_method"] = "enumeration, streamed"
        return out

    def joined(self, parties: BoolArray) -> PackageSolver:
        return EnumerationSolver(
            self.space.with_binding(parties), zone_memory=self.zone_memory, keep_members=False
        )


def check_size(space: PackageSpace, method: str, chosen: str) -> str:
    """The back-end to use, or bad input naming the size when the agenda is too large for
    either to finish in about a minute (before any work starts).

    Enumeration costs about parties × packages inside the red lines (:data:`ENUMERATION_WORK`
    takes about a minute on two cores); the MILPs grow with parties × open options, the Nash
    MILPs carrying one set of tangents per party (:data:`MILP_WORK`). ``auto`` turns to the
    MILPs when enumeration would take too long and they would not."""
    parties = space.parties
    k = int(parties.sum())
    n_open = open_size(space, parties)
    n_cols = int(open_columns(space, parties).sum())
    enum_ok = k * n_open <= ENUMERATION_WORK
    milp_ok = k * n_cols <= MILP_WORK
    if chosen == "enumeration" and not enum_ok and method == "auto" and milp_ok:
        chosen = "milp"
    if (chosen == "enumeration" and enum_ok) or (chosen == "milp" and milp_ok):
        return chosen
    raise InputError(
        f"parties: {k} parties with {n_open:,} packages inside their red lines ({n_cols} open "
        f"options): too large to analyse in about a minute (at most {ENUMERATION_WORK:,} "
        f"parties × packages by enumeration, {MILP_WORK:,} parties × open options by MILP)"
    )


def make_solver(
    space: PackageSpace,
    method: str = "auto",
    enumeration_limit: int = ENUMERATION_LIMIT,
    zone_memory: int = ZONE_MEMORY,
) -> PackageSolver:
    """The back-end for ``method``: ``enumeration``, ``milp``, or ``auto`` (enumeration when the
    packages inside the parties' red lines number at most ``enumeration_limit``)."""
    if method not in METHODS:
        raise InputError(f"method: {method!r}: expected one of {', '.join(METHODS)}")
    chosen = check_size(space, method, choose_method(space, method, enumeration_limit))
    if chosen == "enumeration":
        return EnumerationSolver(space, zone_memory=zone_memory)
    return MilpSolver(space)
