"""The agreement zone and bargaining points of a package space, by whichever exact method fits
its size: enumeration up to a limit, mixed-integer programming beyond it (the Pareto frontier is
in :mod:`pourparler.deals.frontier`)."""

from __future__ import annotations

from typing import Any

import numpy as np

from pourparler.deals.enumeration import (
    ZONE_MEMORY,
    best_in_zone,
    count_zone,
    enumerate_zone,
    estimate_zone_size,
    open_columns,
    open_size,
    party_weights,
    zone_points,
    zone_row_limit,
)
from pourparler.deals.kernels import POINTS, BoolArray, FloatArray, IntArray
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
            f"--method: enumeration: {n_open:,} packages lie inside the red lines, more than "
            f"{ENUMERATION_CEILING:,} can be enumerated; use --method milp or auto"
        )
    return method


def milp_points(
    space: PackageSpace, parties: BoolArray, prog: ZoneProgram
) -> dict[str, tuple[IntArray, float, dict[str, Any]] | None]:
    """Each bargaining point by MILP: (choice, objective, details), None if the zone is empty."""
    out: dict[str, tuple[IntArray, float, dict[str, Any]] | None] = dict.fromkeys(POINTS)
    if not parties.any() or prog.feasible() is None:
        return out
    k = int(parties.sum())
    d = space.reservation
    for name, w in (
        ("nash", np.full(k, 1.0 / k)),
        ("weighted_nash", party_weights(space, parties)),
    ):
        res = prog.nash(parties, w)
        if res is not None:
            info = {
                "certified_gap": res.gap,
                "certified": res.certified,
                "iterations": res.iterations,
            }
            out[name] = (res.choice, res.objective, info)
    util = prog.maximise(parties.astype(float))
    if util is not None:
        out["utilitarian"] = (util[0], util[1] - float(d[parties].sum()), {})
    ega = prog.max_min(parties, np.ones(space.n_actors))
    if ega is not None:
        out["egalitarian"] = (ega[0], ega[1], {})
    ideal = np.zeros(space.n_actors)
    for a in np.flatnonzero(parties):
        best = prog.maximise(np.eye(space.n_actors)[a])
        ideal[a] = best[1] if best is not None else d[a]
    gain = np.where(ideal - d > 1e-12, ideal - d, 0.0)
    ks = prog.max_min(parties, gain)
    if ks is not None:
        out["kalai_smorodinsky"] = (ks[0], ks[1], {"ideal": ideal[parties].round(9).tolist()})
    return out


def zone_and_points(
    space: PackageSpace,
    method: str,
    n_best: int,
    samples: int = 200_000,
    seed: int | None = 0,
    zone_memory: int = ZONE_MEMORY,
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The ``zone`` and ``points`` sections of the report.

    On the enumeration path the zone's members are kept only while they fit in ``zone_memory``
    bytes; a larger zone is counted exactly and its points and best packages come from MILPs."""
    parties = space.parties
    d = space.reservation
    if method == "enumeration":
        zone = enumerate_zone(space, parties, max_rows=zone_row_limit(space, parties, zone_memory))
        zone_out: dict[str, Any] = {
            "size": zone.size,
            "empty": zone.size == 0,
            "share": zone.size / space.size,
            "method": "enumeration",
            "enumerated": open_size(space, parties),
        }
        if not zone.stored:
            points, bests = _milp_points_and_best(space, parties, program(space, parties), n_best)
            zone_out["members_stored"] = False
            zone_out["best"] = bests
            zone_out["best_method"] = "milp-outer-approximation with no-good cuts"
            return zone_out, points
        best = best_in_zone(space, zone, parties, d, n_best)
        zone_out["best"] = [record(space, zone.choices[k], parties) for k in best]
        found = zone_points(space, zone, parties, d)
        points = {}
        for name in POINTS:
            hit = found[name]
            points[name] = (
                None
                if hit is None
                else {
                    **record(space, hit[0], parties),
                    "objective": hit[1],
                    "method": "enumeration",
                }
            )
        return zone_out, points
    prog = program(space, parties)
    points, bests = _milp_points_and_best(space, parties, prog, n_best)
    witness = prog.feasible()
    n_open = open_size(space, parties)
    counted = count_zone(space, parties) if n_open <= COUNT_LIMIT else None
    zone_out = {
        "size": counted,
        "empty": witness is None,
        "share": None if counted is None else counted / space.size,
        "method": "milp",
        "size_method": "enumeration" if counted is not None else None,
        "estimated_size": None
        if witness is None or counted is not None
        else estimate_zone_size(space, parties, samples, seed),
        "best": bests,
        "best_method": "milp-outer-approximation with no-good cuts",
    }
    return zone_out, points


def _milp_points_and_best(
    space: PackageSpace, parties: BoolArray, prog: ZoneProgram, n_best: int
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Every bargaining point by MILP, and the ``n_best`` zone packages ranked by weighted Nash
    (repeated Nash MILPs, each cutting off the packages already ranked)."""
    found_milp = milp_points(space, parties, prog)
    points: dict[str, Any] = {}
    for name in POINTS:
        hit_m = found_milp[name]
        points[name] = (
            None
            if hit_m is None
            else {
                **record(space, hit_m[0], parties),
                "objective": hit_m[1],
                "method": "milp-outer-approximation" if "nash" in name else "milp",
                **hit_m[2],
            }
        )
    bests: list[dict[str, Any]] = []
    if points["weighted_nash"] is not None:
        ranked = [found_milp["weighted_nash"][0]]  # type: ignore[index]
        weights = party_weights(space, parties)
        while len(ranked) < n_best:
            nxt = prog.nash(parties, weights, exclude=ranked)
            if nxt is None:
                break
            ranked.append(nxt.choice)
        bests = [record(space, c, parties) for c in ranked]
    return points, bests
