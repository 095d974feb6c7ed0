"""The agreement zone and the bargaining points by exact, chunked enumeration of the packages."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pourparler.deals.kernels import (
    BoolArray,
    FloatArray,
    IntArray,
    argbest,
    iter_package_utilities,
    point_objectives,
)
from pourparler.deals.space import PackageSpace

TOL = 1e-9
ZONE_MEMORY = 512 * 2**20  # bytes the zone's members (and the work on them) may take


@dataclass(frozen=True)
class EnumeratedZone:
    """The zone's size and, when ``stored``, every member: option indices per issue and every
    actor's utility (empty arrays when the zone was only counted)."""

    size: int
    choices: IntArray  # (size, n_issues), or (0, n_issues) when not stored
    utility: FloatArray  # (size, n_actors), or (0, n_actors) when not stored
    stored: bool = True


def zone_row_limit(space: PackageSpace, parties: BoolArray, memory: int = ZONE_MEMORY) -> int:
    """How many zone members fit in ``memory`` bytes: a row's option indices are held about three
    times while they are decoded and its utilities twice while the chunks are joined, plus the
    bargaining points' work arrays."""
    k = int(parties.sum())
    row = 8 * (3 * space.n_issues + 2 * space.n_actors + 4 * k + 8)
    return max(0, memory // row)


def open_columns(space: PackageSpace, parties: BoolArray) -> BoolArray:
    """Options inside every party's red line."""
    return np.asarray(space.allowed[parties].all(axis=0))


def open_size(space: PackageSpace, parties: BoolArray) -> int:
    """Number of packages inside every party's red line (the only ones the zone can hold)."""
    ok = open_columns(space, parties)
    n = 1
    for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True):
        n *= int(ok[a:b].sum())
    return n


def enumerate_zone(
    space: PackageSpace,
    parties: BoolArray,
    reservation: FloatArray | None = None,
    chunk: int = 1 << 18,
    max_rows: int | None = None,
) -> EnumeratedZone:
    """All packages inside the parties' red lines that every party weakly prefers to no deal.

    Members are kept while they number at most ``max_rows`` (None: no limit); past that they are
    dropped and only counted, so memory stays O(n_actors × chunk + max_rows) and ``stored`` is
    False. The size is exact either way."""
    d = space.reservation if reservation is None else reservation
    ok = open_columns(space, parties)
    kept = [
        np.flatnonzero(ok[a:b]) for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True)
    ]
    n_a = space.n_actors
    if any(len(k) == 0 for k in kept):
        return EnumeratedZone(0, np.zeros((0, space.n_issues), int), np.zeros((0, n_a)))
    cols = [space.utility[:, space.offsets[i] + k] for i, k in enumerate(kept)]
    shape = [len(k) for k in kept]
    idx_parts: list[IntArray] = []
    util_parts: list[FloatArray] = []
    need = d[parties][:, None] - TOL
    count, storing = 0, True
    for start, block in iter_package_utilities(cols, chunk):
        inside = (block[parties] >= need).all(axis=0)
        hit = np.flatnonzero(inside)
        count += len(hit)
        if storing and max_rows is not None and count > max_rows:
            storing = False
            idx_parts, util_parts = [], []
        if storing and len(hit):
            idx_parts.append(start + hit)
            util_parts.append(block[:, hit].T)
    if not storing:
        return EnumeratedZone(
            count, np.zeros((0, space.n_issues), int), np.zeros((0, n_a)), stored=False
        )
    if not idx_parts:
        return EnumeratedZone(0, np.zeros((0, space.n_issues), int), np.zeros((0, n_a)))
    index = np.concatenate(idx_parts)
    digits = np.unravel_index(index, shape)
    choices = np.stack([kept[i][digits[i]] for i in range(space.n_issues)], axis=1)
    return EnumeratedZone(len(index), choices, np.concatenate(util_parts))


def count_zone(
    space: PackageSpace, parties: BoolArray, reservation: FloatArray | None = None
) -> int:
    """The zone's size by enumeration, without keeping its members."""
    return enumerate_zone(space, parties, reservation, max_rows=0).size


def party_weights(space: PackageSpace, parties: BoolArray) -> FloatArray:
    """Capability shares of the parties (equal shares when no party has capability)."""
    cap = space.capability[parties]
    return cap / cap.sum() if cap.sum() > 0 else np.full(len(cap), 1.0 / max(1, len(cap)))


def zone_points(
    space: PackageSpace, zone: EnumeratedZone, parties: BoolArray, reservation: FloatArray
) -> dict[str, tuple[IntArray, float] | None]:
    """Each bargaining point over an enumerated zone: (choice, objective) or None."""
    names = ("nash", "weighted_nash", "kalai_smorodinsky", "utilitarian", "egalitarian")
    if zone.size == 0 or not parties.any():
        return dict.fromkeys(names)
    u = zone.utility[:, parties]
    surplus = u - reservation[parties]
    ideal_gain = u.max(axis=0) - reservation[parties]
    objectives = point_objectives(surplus, party_weights(space, parties), ideal_gain)
    total = u.sum(axis=1)
    out: dict[str, tuple[IntArray, float] | None] = {}
    for name in names:
        k = argbest(objectives[name], total)
        out[name] = None if k < 0 else (zone.choices[k], float(objectives[name][k]))
    return out


def best_in_zone(
    space: PackageSpace, zone: EnumeratedZone, parties: BoolArray, reservation: FloatArray, n: int
) -> IntArray:
    """Row indices of the ``n`` zone packages with the largest weighted Nash product."""
    if zone.size == 0 or not parties.any():
        return np.zeros(0, dtype=int)
    surplus = zone.utility[:, parties] - reservation[parties]
    with np.errstate(divide="ignore"):
        score = np.log(np.maximum(surplus, 0.0)) @ party_weights(space, parties)
    total = zone.utility[:, parties].sum(axis=1)
    order = np.lexsort((-total, -score))
    return order[:n]


def estimate_zone_size(
    space: PackageSpace, parties: BoolArray, samples: int, seed: int | None
) -> dict[str, float | int | str | None]:
    """Monte Carlo estimate of the zone's size: packages drawn uniformly from those inside the
    parties' red lines, the share that every party weakly prefers to no deal, times their number,
    with a 95% Wilson interval (Wilson 1927)."""
    ok = open_columns(space, parties)
    n_open = open_size(space, parties)
    out: dict[str, float | int | str | None] = {
        "samples": samples,
        "seed": seed,
        "method": "monte-carlo",
    }
    if n_open == 0 or samples <= 0:
        return {**out, "value": 0.0, "low": 0.0, "high": 0.0}
    rng = np.random.default_rng(seed)
    total = np.zeros((int(parties.sum()), samples))
    sub = space.utility[parties]
    for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True):
        cols = a + np.flatnonzero(ok[a:b])
        total += sub[:, cols[rng.integers(0, len(cols), samples)]]
    hits = int((total >= space.reservation[parties][:, None] - TOL).all(axis=0).sum())
    p, z = hits / samples, 1.96
    centre = (p + z * z / (2 * samples)) / (1 + z * z / samples)
    half = z * np.sqrt(p * (1 - p) / samples + z * z / (4 * samples**2)) / (1 + z * z / samples)
    return {
        **out,
        "value": p * n_open,
        "low": float(max(0.0, centre - half) * n_open),
        "high": float(min(1.0, centre + half) * n_open),
    }
