"""The whole package-deal report of a scenario: zone, frontier, points, obstacle, concessions,
spoilers, each with the method that produced it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pourparler.deals.frontier import MILP_BUDGET, check_resolution, frontier
from pourparler.deals.obstacles import minimal_concessions, principal_obstacle, spoilers
from pourparler.deals.points import ENUMERATION_LIMIT
from pourparler.deals.solver import METHODS, make_solver
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

__all__ = ["METHODS", "analyse_space"]


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
) -> dict[str, Any]:
    """Every analysis of the package space, as plain data (see ``docs/deals.md`` for the shape).

    ``method`` is ``"enumeration"``, ``"milp"`` or ``"auto"`` (enumeration up to
    ``enumeration_limit`` packages): it picks the :class:`~pourparler.deals.solver.PackageSolver`
    every stage asks. ``seed`` drives only the Monte Carlo estimates (zone size on the MILP path,
    zone enlargements). ``frontier_resolution`` is the ε-constraint grid step used when a frontier
    is too large to compute exactly (None: 0.05, coarsened so that each frontier takes at most
    ``frontier_milps`` MILPs). ``step`` is called with the name of each stage.
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
    tell("principal obstacle")
    obstacle = principal_obstacle(space, zone["empty"], zone["size"], seed=seed)
    tell("minimal concessions")
    concessions = minimal_concessions(space, zone["empty"], solver.method)
    tell("spoilers")
    pick = solver.nash(weighted=True) or solver.nash(weighted=False)
    return {
        "packages": space.size,
        "method": solver.method,
        "parties": [a for a, p in zip(space.actor_ids, parties, strict=True) if p],
        "parties_rule": space.parties_rule,
        "reservation": {
            a: float(d) for a, d in zip(space.actor_ids, space.reservation, strict=True)
        },
        "zone": zone,
        "frontier": fr,
        "points": points,
        "obstacle": obstacle,
        "concessions": concessions,
        "spoilers": spoilers(space, None if pick is None else pick.choice, solver),
    }
