"""The whole package-deal report of a scenario: zone, frontier, points, obstacle, concessions,
spoilers, each with the method that produced it, assembled into a typed
:class:`~pourparler.report.deals.DealsReport`."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from pourparler.deals.frontier import MILP_BUDGET, check_resolution, frontier
from pourparler.deals.obstacles import minimal_concessions, principal_obstacle, spoilers
from pourparler.deals.points import ENUMERATION_LIMIT
from pourparler.deals.solver import METHODS, make_solver
from pourparler.deals.space import (
    Loss,
    PackageSpace,
    Reservation,
    canonical_track,
    package_space_for_track,
)
from pourparler.errors import InputError
from pourparler.report.deals import (
    METHOD,
    BargainingPoint,
    BargainingPoints,
    Concession,
    DealsReport,
    Frontier,
    FrontierPass,
    FrontierTrace,
    IssueLoss,
    JoinedTalks,
    Obstacle,
    PackageRecord,
    Relaxation,
    Spoiler,
    Zone,
    ZoneEstimate,
    frozen_map,
)
from pourparler.report.provenance import Provenance

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

__all__ = ["METHODS", "analyse_scenario", "analyse_space"]


NO_PARTIES = (
    "No party must consent, so no reservation or red line binds and every package is in the "
    "zone; with no party's utilities to compare there is no bargaining point and no Pareto "
    "frontier"
)
NO_FRONTIER = "none (no parties)"


def analyse_space(
    space: PackageSpace,
    *,
    method: str = "auto",
    enumeration_limit: int = ENUMERATION_LIMIT,
    n_best: int = 5,
    frontier_listed: int = 20,
    frontier_resolution: float | None = None,
    frontier_milps: int = MILP_BUDGET,
    seed: int | None = 0,
    step: Callable[[str], None] | None = None,
    provenance: Provenance | None = None,
) -> DealsReport:
    """Every analysis of the package space as one typed report (``to_data()``: the shape in
    ``docs/deals.md``).

    ``method`` is ``"enumeration"``, ``"milp"`` or ``"auto"`` (enumeration up to
    ``enumeration_limit`` packages): it picks the :class:`~pourparler.deals.solver.PackageSolver`
    every stage asks. ``seed`` drives only the Monte Carlo estimates (zone size on the MILP path,
    zone enlargements). ``frontier_resolution`` is the ε-constraint grid step used when a frontier
    is too large to compute exactly (None: 0.05, coarsened so that each frontier takes at most
    ``frontier_milps`` MILPs). ``step`` is called with the name of each stage.
    ``provenance`` is the report's (:func:`analyse_scenario` gives the scenario's); without it
    the report records the space's digest and these parameters.
    Bad parameters raise :class:`InputError` naming the parameter (``method: ...``).
    """
    check_resolution(frontier_resolution)
    if frontier_milps < 1:
        raise InputError(f"frontier_milps: {frontier_milps}: expected at least 1")
    for name, value in (("enumeration_limit", enumeration_limit), ("n_best", n_best)):
        if value < 1:
            raise InputError(f"{name}: {value}: expected at least 1")
    if frontier_listed < 0:
        raise InputError(f"frontier_listed: {frontier_listed}: expected at least 0")
    solver = make_solver(space, method, enumeration_limit)
    tell = step or (lambda _name: None)
    parties = space.parties
    tell("zone and bargaining points")
    zone = solver.zone(n_best, seed=seed)
    points = solver.point_reports()
    tell("Pareto frontier")
    fr = {
        where: frontier(
            space,
            parties,
            zone_only,
            frontier_listed,
            frontier_resolution,
            max_milps=frontier_milps,
            ideal=solver.ideal() if zone_only else None,
        )
        for where, zone_only in (("zone", True), ("overall", False))
    }
    if not parties.any():
        zone["note"] = NO_PARTIES
        # nothing binds: the zone is the whole space, whose size is known without estimating
        zone["size"], zone["share"] = space.size, 1.0
        zone["size_method"], zone["estimated_size"] = "every package (no party)", None
        for f in fr.values():
            f["method"] = NO_FRONTIER
    tell("principal obstacle")
    obstacle = principal_obstacle(space, zone["empty"], zone["size"], seed=seed)
    tell("minimal concessions")
    concessions = minimal_concessions(space, zone["empty"], solver.method)
    tell("spoilers")
    pick = solver.nash(weighted=True) or solver.nash(weighted=False)
    if provenance is None:
        provenance = space_provenance(
            space,
            seed=seed,
            method=method,
            enumeration_limit=enumeration_limit,
            best=n_best,
            frontier_listed=frontier_listed,
            frontier_resolution=frontier_resolution,
            frontier_milps=frontier_milps,
        )
    return DealsReport(
        provenance=provenance,
        packages=space.size,
        method=solver.method,
        parties=tuple(a for a, p in zip(space.actor_ids, parties, strict=True) if p),
        parties_rule=space.parties_rule,
        reservation=frozen_map(
            {a: float(d) for a, d in zip(space.actor_ids, space.reservation, strict=True)}
        ),
        zone=_zone(zone),
        frontier_zone=_frontier(fr["zone"]),
        frontier_overall=_frontier(fr["overall"]),
        points=BargainingPoints(
            **{name: None if p is None else _point(p) for name, p in points.items()}
        ),
        obstacle=None if obstacle is None else _obstacle(obstacle),
        concessions=tuple(_concession(c) for c in concessions),
        spoilers=tuple(
            _spoiler(s) for s in spoilers(space, None if pick is None else pick.choice, solver)
        ),
    )


def analyse_scenario(
    scenario: Scenario,
    *,
    track: str | None = None,
    reservation: Reservation = "utility",
    loss: Loss = "linear",
    method: str = "auto",
    enumeration_limit: int = ENUMERATION_LIMIT,
    n_best: int = 5,
    frontier_listed: int = 20,
    frontier_resolution: float | None = None,
    frontier_milps: int = MILP_BUDGET,
    seed: int | None = 0,
    step: Callable[[str], None] | None = None,
) -> DealsReport:
    """:func:`analyse_space` on the package space of ``scenario`` (of one ``track``'s issues,
    the others held at their status quo: :func:`~pourparler.deals.space.package_space_for_track`),
    with the scenario's provenance. The parameters recorded are those ``pourparler deals
    --json`` prints (``track`` only when given)."""
    if track is not None:
        track = canonical_track(track)
    space = package_space_for_track(scenario, track, reservation=reservation, loss=loss)
    params: dict[str, Any] = {
        "method": method,
        "reservation": reservation,
        "loss": loss,
        "enumeration_limit": enumeration_limit,
        "best": n_best,
        "frontier_listed": frontier_listed,
        "frontier_resolution": frontier_resolution,
        "frontier_milps": frontier_milps,
        "seed": seed,
    }
    if track is not None:
        params["track"] = track
    return analyse_space(
        space,
        method=method,
        enumeration_limit=enumeration_limit,
        n_best=n_best,
        frontier_listed=frontier_listed,
        frontier_resolution=frontier_resolution,
        frontier_milps=frontier_milps,
        seed=seed,
        step=step,
        provenance=Provenance.from_parameters(scenario, params, seed=seed, method=METHOD),
    )


def space_digest(space: PackageSpace) -> str:
    """SHA-256 of what the analysis reads from a package space: actors, issues, options,
    utilities, red lines, no-deal values, capabilities, vetoes and seats."""
    h = hashlib.sha256()
    for part in (space.actor_ids, space.issue_ids, space.option_labels, space.option_values):
        h.update(repr(part).encode("utf-8"))
    for arr in (
        space.utility,
        space.allowed,
        space.reservation,
        space.capability,
        space.veto,
        space.at_table,
    ):
        h.update(arr.tobytes())
    return h.hexdigest()


def space_provenance(space: PackageSpace, *, seed: int | None, **parameters: Any) -> Provenance:
    """The provenance of a report on a bare package space (no scenario): its digest."""
    from pourparler import __version__

    return Provenance(
        scenario="package-space",
        scenario_hash=space_digest(space),
        version=__version__,
        parameters={**parameters, "seed": seed},
        seed=seed,
        method=METHOD,
    )


# -- the stages' plain data as typed records ------------------------------------------------------
def _record(d: Mapping[str, Any]) -> PackageRecord:
    surplus = d.get("surplus")
    return PackageRecord(
        package=frozen_map(d["package"]),
        utility=frozen_map(d["utility"]),
        surplus=None if surplus is None else frozen_map(surplus),
    )


def _zone(d: Mapping[str, Any]) -> Zone:
    est = d.get("estimated_size")
    return Zone(
        size=d["size"],
        empty=bool(d["empty"]),
        share=d["share"],
        method=d["method"],
        best=tuple(_record(b) for b in d["best"]),
        enumerated=d.get("enumerated"),
        members_stored=d.get("members_stored", True),
        best_method=d.get("best_method"),
        size_method=d.get("size_method"),
        note=d.get("note"),
        estimated_size=None
        if est is None
        else ZoneEstimate(
            value=est["value"],
            low=est["low"],
            high=est["high"],
            samples=est["samples"],
            seed=est["seed"],
            method=est["method"],
        ),
    )


def _frontier(d: Mapping[str, Any]) -> Frontier:
    trace = None
    if "found" in d:
        trace = FrontierTrace(
            target_resolution=d["target_resolution"],
            milp_budget=d["milp_budget"],
            found=d["found"],
            objective=d["objective"],
            solved_cells=d["solved_cells"],
            passes=tuple(FrontierPass(p["resolution"], p["milps"]) for p in d["passes"]),
        )
    return Frontier(
        size=d["size"],
        complete=bool(d["complete"]),
        method=d["method"],
        resolution=d["resolution"],
        milps=d["milps"],
        packages=tuple(_record(p) for p in d["packages"]),
        trace=trace,
    )


def _point(d: Mapping[str, Any]) -> BargainingPoint:
    ideal = d.get("ideal")
    return BargainingPoint(
        record=_record(d),
        objective=d["objective"],
        method=d["method"],
        certified_gap=d.get("certified_gap"),
        certified=d.get("certified"),
        iterations=d.get("iterations"),
        ideal=None if ideal is None else tuple(ideal),
        tied_with=tuple(frozen_map(p) for p in d.get("tied_with", ())),
        tied_count=int(d.get("tied_count", 0)),
    )


def _relaxation(d: Mapping[str, Any]) -> Relaxation:
    package = d.get("package")
    return Relaxation(
        kind=d["kind"],
        size=d["size"],
        unit=d["unit"],
        actor=d.get("actor"),
        issue=d.get("issue"),
        option=d.get("option"),
        package=None if package is None else frozen_map(package),
        fraction_of_range=d.get("fraction_of_range"),
        enlargement=d.get("enlargement"),
        enlargement_se=d.get("enlargement_se"),
    )


def _obstacle(d: Mapping[str, Any]) -> Obstacle:
    return Obstacle(
        effect=d["effect"],
        method=d["method"],
        relaxation=_relaxation(d) if "kind" in d else None,
        alternatives=tuple(_relaxation(a) for a in d.get("alternatives", ())),
        tied_with=tuple(_relaxation(t) for t in d.get("tied_with", ())),
        samples=d.get("samples"),
        seed=d.get("seed"),
    )


def _concession(d: Mapping[str, Any]) -> Concession:
    package = d.get("package")
    return Concession(
        actor=d["actor"],
        utility=d["utility"],
        method=d["method"],
        issues=tuple(
            IssueLoss(x["issue"], x["option"], x["gives_up"]) for x in d.get("issues", ())
        ),
        red_lines_crossed=tuple(d.get("red_lines_crossed", ())),
        package=None if package is None else frozen_map(package),
        note=d.get("note"),
    )


def _spoiler(d: Mapping[str, Any]) -> Spoiler:
    j = d["if_at_table"]
    wn = j["weighted_nash"]
    changed = j["changed_issues"]
    crossed = d.get("red_lines_crossed")
    return Spoiler(
        actor=d["actor"],
        no_deal=d["no_deal"],
        utility=d["utility"],
        would_block=d["would_block"],
        if_at_table=JoinedTalks(
            zone_size=j["zone_size"],
            zone_empty=bool(j["zone_empty"]),
            weighted_nash=None if wn is None else _record(wn),
            changed_issues=None if changed is None else tuple(changed),
            method=j["method"],
        ),
        surplus=d.get("surplus"),
        red_lines_crossed=None if crossed is None else tuple(crossed),
    )
