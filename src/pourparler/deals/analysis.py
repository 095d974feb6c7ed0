"""The whole package-deal report of a scenario: zone, frontier, points, obstacle, concessions,
spoilers, each with the method that produced it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from pourparler.deals.frontier import MILP_BUDGET, check_resolution, frontier
from pourparler.deals.obstacles import minimal_concessions, principal_obstacle, spoilers
from pourparler.deals.points import ENUMERATION_LIMIT, choose_method, zone_and_points
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

METHODS = ("auto", "enumeration", "milp")


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
    ``enumeration_limit`` packages). ``seed`` drives only the Monte Carlo estimates (zone size on
    the MILP path, zone enlargements). ``frontier_resolution`` is the ε-constraint grid step used
    when a frontier is too large to compute exactly (None: 0.05, coarsened so that each frontier
    takes at most ``frontier_milps`` MILPs).
    ``step`` is called with the name of each stage.
    """
    if method not in METHODS:
        raise InputError(f"--method: {method!r}: expected one of {', '.join(METHODS)}")
    check_resolution(frontier_resolution)
    if frontier_milps < 1:
        raise InputError(f"--frontier-milps: {frontier_milps}: expected at least 1")
    chosen = choose_method(space, method, enumeration_limit)
    tell = step or (lambda _name: None)
    parties = space.parties
    tell("zone and bargaining points")
    zone, points = zone_and_points(space, chosen, n_best, seed=seed)
    tell("Pareto frontier")
    fr = {
        where: frontier(
            space,
            parties,
            zone_only,
            frontier_listed,
            frontier_resolution,
            max_milps=frontier_milps,
        )
        for where, zone_only in (("zone", True), ("overall", False))
    }
    tell("principal obstacle")
    obstacle = principal_obstacle(space, zone["empty"], zone["size"], seed=seed)
    tell("minimal concessions")
    concessions = minimal_concessions(space, zone["empty"], zone["method"])
    tell("spoilers")
    pick = points["weighted_nash"] or points["nash"]
    chosen_pkg = None
    if pick is not None:
        chosen_pkg = np.array(
            [
                space.option_labels[i].index(pick["package"][iid])
                for i, iid in enumerate(space.issue_ids)
            ]
        )
    return {
        "packages": space.size,
        "method": chosen,
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
        "spoilers": spoilers(space, chosen_pkg, chosen),
    }
