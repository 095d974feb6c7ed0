"""Shared pieces of the zone and bargaining-point questions: the MILP of a zone, package records,
and the choice between enumeration and mixed-integer programming by the agenda's size (the
back-ends themselves are in :mod:`pourparler.deals.solver`)."""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np

from pourparler.deals.enumeration import ZONE_MEMORY, open_columns, open_size
from pourparler.deals.enumeration import party_weights as party_weights  # re-exported
from pourparler.deals.kernels import TIE, BoolArray, FloatArray, IntArray
from pourparler.deals.milp import ZoneProgram
from pourparler.deals.space import PackageSpace
from pourparler.errors import InputError

ENUMERATION_LIMIT = 2_000_000
ENUMERATION_CEILING = 200_000_000
COUNT_LIMIT = 300_000
TIES_LISTED = 5  # packages tied with a bargaining point that are named


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


def ties(space: PackageSpace, choice: IntArray, parties: BoolArray) -> dict[str, Any]:
    """A bargaining point's ``tied_count`` (other packages giving every party the same
    utilities, which no objective can tell from it) and ``tied_with`` (the first
    :data:`TIES_LISTED` of them, option labels per issue): see :func:`tied_packages`."""
    listed, count = tied_packages(space, choice, parties)
    return {"tied_count": count, "tied_with": listed}


def tied_packages(
    space: PackageSpace, choice: IntArray, parties: BoolArray, listed: int = TIES_LISTED
) -> tuple[list[dict[str, str]], int]:
    """The packages other than ``choice`` inside every party's red lines that give every party
    exactly the utilities ``choice`` gives (an option swapped for one each party values the
    same on its issue): the first ``listed`` of them (option labels per issue) and how many
    there are. Every bargaining objective and its tie-break see the parties' utilities only,
    so a solver takes the first of such packages; the report says which others it could have
    taken."""
    choice = np.asarray(choice)
    ok = open_columns(space, parties)
    u = space.utility[np.asarray(parties, dtype=bool)]
    alike: list[list[int]] = []
    for i, (a, b) in enumerate(zip(space.offsets[:-1], space.offsets[1:], strict=True)):
        mine = u[:, a + int(choice[i])]
        same = np.all(np.abs(u[:, a:b] - mine[:, None]) <= TIE, axis=0) & ok[a:b]
        alike.append([int(choice[i]), *(int(k) for k in np.flatnonzero(same) if k != choice[i])])
    count = int(np.prod([len(opts) for opts in alike], dtype=np.float64)) - 1
    listed_out = [
        space.labels(np.array(c))
        for c in itertools.islice(itertools.product(*alike), 1, listed + 1)
    ]
    return listed_out, count


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
