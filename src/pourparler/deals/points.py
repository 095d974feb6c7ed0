"""Shared pieces of the zone and bargaining-point questions: the MILP of a zone, package records,
and the choice between enumeration and mixed-integer programming by the agenda's size (the
back-ends themselves are in :mod:`pourparler.deals.solver`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from pourparler.deals.enumeration import ZONE_MEMORY, open_columns, open_size
from pourparler.deals.enumeration import party_weights as party_weights  # re-exported
from pourparler.deals.kernels import BoolArray, FloatArray, IntArray
from pourparler.deals.milp import ZoneProgram
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

ENUMERATION_LIMIT = 2_000_000
ENUMERATION_CEILING = 200_000_000
COUNT_LIMIT = 300_000


def program(
    space: PackageSpace,
    parties: BoolArray,
    reservation: FloatArray | None = None,
    open_cols: BoolArray | None = None,
) -> ZoneProgram:
    """The zone of ``parties`` as a MILP (their reservations and red lines bind)."""
    return ZoneProgram(
        space.utility,
        space.offsets,
        space.reservation if reservation is None else reservation,
        parties,
        open_columns(space, parties) if open_cols is None else open_cols,
    )


def record(space: PackageSpace, choice: IntArray, parties: BoolArray) -> dict[str, Any]:
    """A package with every actor's utility and each party's surplus over no deal."""
    u = space.package_utility(np.asarray(choice))
    return {
        "package": space.labels(choice),
        "utility": {a: round(float(x), 9) for a, x in zip(space.actor_ids, u, strict=True)},
        "surplus": {
            a: round(float(u[k] - space.reservation[k]), 9)
            for k, a in enumerate(space.actor_ids)
            if parties[k]
        },
    }


def choose_method(space: PackageSpace, method: str, limit: int = ENUMERATION_LIMIT) -> str:
    """``auto``: enumerate when the packages inside the parties' red lines number at most
    ``limit`` (the zone can hold no others), otherwise solve MILPs."""
    n_open = open_size(space, space.parties)
    if method == "auto":
        return "enumeration" if n_open <= min(limit, ENUMERATION_CEILING) else "milp"
    if method == "enumeration" and n_open > ENUMERATION_CEILING:
        raise InputError(
            f"method: enumeration: {n_open:,} packages lie inside the red lines, more than "
            f"{ENUMERATION_CEILING:,} can be enumerated; use method milp or auto"
        )
    return method


def zone_and_points(
    space: PackageSpace,
    method: str,
    n_best: int,
    samples: int = 200_000,
    seed: int | None = 0,
    zone_memory: int = ZONE_MEMORY,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``zone`` and ``points`` sections of the report by ``method`` (``enumeration`` or
    ``milp``; see :mod:`pourparler.deals.solver`).

    On the enumeration path the zone's members are kept only while they fit in ``zone_memory``
    bytes; a larger zone is counted exactly and its points and best packages come from MILPs."""
    from pourparler.deals.solver import EnumerationSolver, MilpSolver

    solver = (
        EnumerationSolver(space, zone_memory=zone_memory)
        if method == "enumeration"
        else MilpSolver(space)
    )
    return solver.zone(n_best, samples, seed), solver.point_reports()
