"""The package-deal analysis of a scenario shaped for output: zone, Pareto frontier, bargaining
points, principal obstacle, minimal concessions and spoilers, each a frozen record; ``to_data()``
is the object ``pourparler deals --json`` prints (see ``docs/deals.md``, "JSON shape")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from pourparler.report._data import json_ready
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    import pandas as pd

METHOD = "deals"
POINT_NAMES = ("nash", "weighted_nash", "kalai_smorodinsky", "utilitarian", "egalitarian")


def frozen_map(items: Mapping[str, Any]) -> Mapping[str, Any]:
    """A read-only copy of ``items``."""
    return MappingProxyType(dict(items))


@dataclass(frozen=True)
class PackageRecord:
    """A package (option label per issue id), every actor's utility and, when known, each
    party's surplus over its no-deal value (``u - d``)."""

    package: Mapping[str, str]
    utility: Mapping[str, float]
    surplus: Mapping[str, float] | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"package": dict(self.package), "utility": dict(self.utility)}
        if self.surplus is not None:
            out["surplus"] = dict(self.surplus)
        return out


@dataclass(frozen=True)
class ZoneEstimate:
    """Monte Carlo estimate of a zone's size with its 95% Wilson interval (Wilson 1927)."""

    value: float
    low: float
    high: float
    samples: int
    seed: int | None
    method: str

    def to_data(self) -> dict[str, Any]:
        return {
            "samples": self.samples,
            "seed": self.seed,
            "method": self.method,
            "value": self.value,
            "low": self.low,
            "high": self.high,
        }


@dataclass(frozen=True)
class Zone:
    """The agreement zone: packages inside every party's red lines that every party weakly
    prefers to no deal. ``size`` is None when not counted (then ``estimated_size`` on the MILP
    path); ``best`` are the packages of largest capability-weighted Nash product."""

    size: int | None
    empty: bool
    share: float | None
    method: str
    best: tuple[PackageRecord, ...]
    enumerated: int | None = None
    members_stored: bool = True
    best_method: str | None = None
    size_method: str | None = None
    estimated_size: ZoneEstimate | None = None
    note: str | None = None  # what the zone is when no party must consent

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "size": self.size,
            "empty": self.empty,
            "share": self.share,
            "method": self.method,
        }
        if self.note is not None:
            out["note"] = self.note
        if self.method == "milp":
            out["size_method"] = self.size_method
            out["estimated_size"] = (
                None if self.estimated_size is None else self.estimated_size.to_data()
            )
        if self.enumerated is not None:
            out["enumerated"] = self.enumerated
        if not self.members_stored:
            out["members_stored"] = False
        out["best"] = [b.to_data() for b in self.best]
        if self.best_method is not None:
            out["best_method"] = self.best_method
        return out


@dataclass(frozen=True)
class FrontierPass:
    """One completed pass of a traced frontier: its grid step and the MILPs used by its end."""

    resolution: float
    milps: int


@dataclass(frozen=True)
class FrontierTrace:
    """How a frontier too large to list exactly was traced by ε-constraint MILPs."""

    target_resolution: float
    milp_budget: int | None
    found: int
    objective: str
    solved_cells: int
    passes: tuple[FrontierPass, ...]


@dataclass(frozen=True)
class Frontier:
    """The Pareto frontier over the parties' utilities: exact (``minkowski``) or traced
    (``milp-epsilon-constraint``, with ``trace``); ``packages`` are the listed ones."""

    size: int | None
    complete: bool
    method: str
    resolution: float
    milps: int
    packages: tuple[PackageRecord, ...]
    trace: FrontierTrace | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "size": self.size,
            "complete": self.complete,
            "method": self.method,
            "resolution": self.resolution,
        }
        t = self.trace
        if t is not None:
            out["target_resolution"] = t.target_resolution
        out["milps"] = self.milps
        if t is not None:
            out.update(
                milp_budget=t.milp_budget,
                found=t.found,
                objective=t.objective,
                solved_cells=t.solved_cells,
                passes=[{"resolution": p.resolution, "milps": p.milps} for p in t.passes],
            )
        out["packages"] = [p.to_data() for p in self.packages]
        return out


@dataclass(frozen=True)
class BargainingPoint:
    """A package chosen by a bargaining solution (Nash 1950; Kalai & Smorodinsky 1975;
    utilitarian, egalitarian): the package record, the objective's value and the method, with
    the MILP's certificate (``certified_gap``, ``certified``, ``iterations``) or the ideal
    point (Kalai–Smorodinsky on the MILP path) when the method gives them. ``tied_with`` names
    the first of the ``tied_count`` other packages that give every party the same utilities
    (the solver took the first of them)."""

    record: PackageRecord
    objective: float
    method: str
    certified_gap: float | None = None
    certified: bool | None = None
    iterations: int | None = None
    ideal: tuple[float, ...] | None = None
    tied_with: tuple[Mapping[str, str], ...] = ()
    tied_count: int = 0

    @property
    def package(self) -> Mapping[str, str]:
        return self.record.package

    @property
    def utility(self) -> Mapping[str, float]:
        return self.record.utility

    def to_data(self) -> dict[str, Any]:
        out = {**self.record.to_data(), "objective": self.objective, "method": self.method}
        if self.certified_gap is not None:
            out["certified_gap"] = self.certified_gap
        if self.certified is not None:
            out["certified"] = self.certified
        if self.iterations is not None:
            out["iterations"] = self.iterations
        if self.ideal is not None:
            out["ideal"] = list(self.ideal)
        out["tied_count"] = self.tied_count
        out["tied_with"] = [dict(p) for p in self.tied_with]
        return out


@dataclass(frozen=True)
class BargainingPoints:
    """The five bargaining points; None where there is none (empty zone, no party)."""

    nash: BargainingPoint | None = None
    weighted_nash: BargainingPoint | None = None
    kalai_smorodinsky: BargainingPoint | None = None
    utilitarian: BargainingPoint | None = None
    egalitarian: BargainingPoint | None = None

    def items(self) -> tuple[tuple[str, BargainingPoint | None], ...]:
        """``(name, point)`` in the order of :data:`POINT_NAMES`."""
        return tuple((name, getattr(self, name)) for name in POINT_NAMES)

    def to_data(self) -> dict[str, Any]:
        return {name: None if p is None else p.to_data() for name, p in self.items()}


@dataclass(frozen=True)
class Relaxation:
    """One relaxation of the parties' demands: lowering an actor's no-deal value (``no_deal``),
    admitting an option outside one actor's red line (``red_line``) or against every red line
    on an issue (``issue``), its size in ``unit``, and what it achieves: the package it opens,
    its cost as a fraction of the range, or the zone's enlargement (exact or estimated)."""

    kind: str
    size: float
    unit: str
    actor: str | None = None
    issue: str | None = None
    option: str | None = None
    package: Mapping[str, str] | None = None
    fraction_of_range: float | None = None
    enlargement: float | None = None
    enlargement_se: float | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind}
        for name in ("actor", "issue", "option"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        out["size"] = self.size
        out["unit"] = self.unit
        if self.package is not None:
            out["package"] = dict(self.package)
        for name in ("fraction_of_range", "enlargement", "enlargement_se"):
            value = getattr(self, name)
            if value is not None:
                out[name] = value
        return out


@dataclass(frozen=True)
class Obstacle:
    """The principal obstacle (empty zone: the cheapest relaxation that opens it) or, zone not
    empty, the unit relaxation that widens it most; ``relaxation`` is None when no single one
    applies. ``samples`` and ``seed`` are those of a Monte Carlo estimate."""

    effect: str
    method: str
    relaxation: Relaxation | None = None
    alternatives: tuple[Relaxation, ...] = ()
    tied_with: tuple[Relaxation, ...] = ()
    samples: int | None = None
    seed: int | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {} if self.relaxation is None else self.relaxation.to_data()
        out["effect"] = self.effect
        out["method"] = self.method
        if self.method == "monte-carlo":
            out["samples"] = self.samples
            out["seed"] = self.seed
        if self.relaxation is not None:
            out["alternatives"] = [a.to_data() for a in self.alternatives]
            out["tied_with"] = [t.to_data() for t in self.tied_with]
        return out


@dataclass(frozen=True)
class IssueLoss:
    """An issue where a package gives an actor less than its best option, and by how much."""

    issue: str
    option: str
    gives_up: float


@dataclass(frozen=True)
class Concession:
    """The least utility below its no-deal value a party must accept for a zone to exist (None
    with a ``note`` when the others' demands are already incompatible), the issues where it
    gives up utility, the red lines it must cross and the package that needs it."""

    actor: str
    utility: float | None
    method: str
    issues: tuple[IssueLoss, ...] = ()
    red_lines_crossed: tuple[str, ...] = ()
    package: Mapping[str, str] | None = None
    note: str | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"actor": self.actor, "utility": self.utility}
        if self.note is not None:
            out["note"] = self.note
        else:
            out["issues"] = [
                {"issue": x.issue, "option": x.option, "gives_up": x.gives_up} for x in self.issues
            ]
            out["red_lines_crossed"] = list(self.red_lines_crossed)
            if self.package is not None:
                out["package"] = dict(self.package)
        out["method"] = self.method
        return out


@dataclass(frozen=True)
class JoinedTalks:
    """What the zone and the weighted Nash point become when a spoiler joins the talks, and
    the issues where that point differs from the chosen package."""

    zone_size: int | None
    zone_empty: bool
    weighted_nash: PackageRecord | None
    changed_issues: tuple[str, ...] | None
    method: str

    def to_data(self) -> dict[str, Any]:
        return {
            "zone_size": self.zone_size,
            "zone_empty": self.zone_empty,
            "weighted_nash": None if self.weighted_nash is None else self.weighted_nash.to_data(),
            "changed_issues": None if self.changed_issues is None else list(self.changed_issues),
            "method": self.method,
        }


@dataclass(frozen=True)
class Spoiler:
    """A veto actor away from the table: its no-deal value, how it fares under the chosen
    package (None when there is none) and whether it would block it, and :class:`JoinedTalks`."""

    actor: str
    no_deal: float
    utility: float | None
    would_block: bool | None
    if_at_table: JoinedTalks
    surplus: float | None = None
    red_lines_crossed: tuple[str, ...] | None = None

    def to_data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "actor": self.actor,
            "no_deal": self.no_deal,
            "utility": self.utility,
            "would_block": self.would_block,
        }
        if self.surplus is not None:
            out["surplus"] = self.surplus
        if self.red_lines_crossed is not None:
            out["red_lines_crossed"] = list(self.red_lines_crossed)
        out["if_at_table"] = self.if_at_table.to_data()
        return out


@dataclass(frozen=True)
class DealsReport:
    """The whole package-deal analysis of a scenario (or of a bare package space) with its
    provenance: ``packages`` in the space, the zone/points back-end ``method``, the parties
    whose consent is needed and the rule that picked them, every actor's no-deal value."""

    provenance: Provenance
    packages: int
    method: str
    parties: tuple[str, ...]
    parties_rule: str
    reservation: Mapping[str, float]
    zone: Zone
    frontier_zone: Frontier
    frontier_overall: Frontier
    points: BargainingPoints
    obstacle: Obstacle | None
    concessions: tuple[Concession, ...]
    spoilers: tuple[Spoiler, ...]

    def to_data(self) -> dict[str, Any]:
        """The object ``pourparler deals --json`` prints, as plain JSON-ready data."""
        return json_ready(
            {
                **self.provenance.to_data(),
                "packages": self.packages,
                "method": self.method,
                "parties": list(self.parties),
                "parties_rule": self.parties_rule,
                "reservation": dict(self.reservation),
                "zone": self.zone.to_data(),
                "frontier": {
                    "zone": self.frontier_zone.to_data(),
                    "overall": self.frontier_overall.to_data(),
                },
                "points": self.points.to_data(),
                "obstacle": None if self.obstacle is None else self.obstacle.to_data(),
                "concessions": [c.to_data() for c in self.concessions],
                "spoilers": [s.to_data() for s in self.spoilers],
            }
        )

    def listed(self) -> list[tuple[str, str, PackageRecord]]:
        """Every package the report lists, as ``(list, label, record)``: the bargaining points
        (label: the point's name), the best zone packages and both frontiers (label: the rank,
        from 1)."""
        out: list[tuple[str, str, PackageRecord]] = [
            ("point", name, p.record) for name, p in self.points.items() if p is not None
        ]
        for where, records in (
            ("zone_best", self.zone.best),
            ("frontier_zone", self.frontier_zone.packages),
            ("frontier_overall", self.frontier_overall.packages),
        ):
            out += [(where, str(k), rec) for k, rec in enumerate(records, 1)]
        return out

    def to_frame(self) -> pd.DataFrame:
        """One row per listed package (needs pandas): which list it comes from (``point``,
        ``zone_best``, ``frontier_zone``, ``frontier_overall``), its label (the point's name or
        the rank), then one column per issue (``option:ISSUE``, the option's label), per actor
        (``utility:ACTOR``) and per party (``surplus:PARTY``)."""
        import pandas as pd

        issues: list[str] = []
        actors = list(self.reservation)
        rows = []
        for where, label, rec in self.listed():
            issues += [i for i in rec.package if i not in issues]
            row: dict[str, Any] = {
                "scenario": self.provenance.scenario,
                "list": where,
                "label": label,
            }
            row.update({f"option:{i}": o for i, o in rec.package.items()})
            row.update({f"utility:{a}": u for a, u in rec.utility.items()})
            row.update({f"surplus:{a}": s for a, s in (rec.surplus or {}).items()})
            rows.append(row)
        columns = (
            ["scenario", "list", "label"]
            + [f"option:{i}" for i in issues]
            + [f"utility:{a}" for a in actors]
            + [f"surplus:{a}" for a in self.parties]
        )
        return pd.DataFrame(rows, columns=columns)
