"""The agreement zone and the bargaining points by exact, chunked enumeration of the packages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np

from pourparler.deals.kernels import (
    POINTS,
    TIE,
    BoolArray,
    FloatArray,
    IntArray,
    argbest,
    iter_package_utilities,
    near_top,
    point_objectives,
    weighted_log_nash,
)
from pourparler.deals.space import PackageSpace

TOL = 1e-9
ZONE_MEMORY = 512 * 2**20  # bytes the zone's members (and the work on them) may take
BLOCK_VALUES = 1 << 22  # utilities in one enumerated block (actors × packages): 32 MB


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
    False. The size is exact either way. With many actors the chunk shrinks so that a block
    holds at most :data:`BLOCK_VALUES` utilities."""
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
    chunk = min(chunk, max(1 << 12, BLOCK_VALUES // max(1, n_a)))
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
    score = nash_score(surplus, party_weights(space, parties))
    total = zone.utility[:, parties].sum(axis=1)
    order = np.lexsort((-total, -score))
    return order[:n]


def nash_score(surplus: FloatArray, weights: FloatArray) -> FloatArray:
    """The weighted log Nash product of each row of ``surplus`` (-inf where a party with a
    positive weight gains nothing; parties of weight 0 contribute nothing)."""
    with np.errstate(divide="ignore"):
        logs = np.log(np.maximum(surplus, 0.0))
    return weighted_log_nash(logs, weights)


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
    sub = space.utility[parties]
    picks = [
        a + np.flatnonzero(ok[a:b])[rng.integers(0, int(ok[a:b].sum()), samples)]
        for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True)
    ]
    need = space.reservation[parties][:, None] - TOL
    width = max(1, BLOCK_VALUES // max(1, int(parties.sum())))
    hits = 0
    for s0 in range(0, samples, width):
        total = np.zeros((len(sub), min(samples, s0 + width) - s0))
        for pick in picks:
            total += sub[:, pick[s0 : s0 + width]]
        hits += int((total >= need).all(axis=0).sum())
    p, z = hits / samples, 1.96
    centre = (p + z * z / (2 * samples)) / (1 + z * z / samples)
    half = z * np.sqrt(p * (1 - p) / samples + z * z / (4 * samples**2)) / (1 + z * z / samples)
    return {
        **out,
        "value": p * n_open,
        "low": float(max(0.0, centre - half) * n_open),
        "high": float(min(1.0, centre + half) * n_open),
    }


def scan_zone(
    space: PackageSpace,
    parties: BoolArray,
    reservation: FloatArray | None = None,
    chunk: int = 1 << 18,
) -> Iterator[tuple[IntArray, FloatArray]]:
    """Yield ``(choices (h, n_issues), party utilities (h, k))`` of the zone's members block by
    block, in package order, without keeping them: O(k × chunk) memory whatever the zone's size.
    The utilities are summed exactly as :func:`enumerate_zone` sums them."""
    d = space.reservation if reservation is None else reservation
    ok = open_columns(space, parties)
    kept = [
        np.flatnonzero(ok[a:b]) for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True)
    ]
    if any(len(k) == 0 for k in kept) or not parties.any():
        return
    sub = space.utility[parties]
    cols = [sub[:, space.offsets[i] + k] for i, k in enumerate(kept)]
    shape = [len(k) for k in kept]
    chunk = min(chunk, max(1 << 12, BLOCK_VALUES // max(1, space.n_actors)))
    need = d[parties][:, None] - TOL
    for start, block in iter_package_utilities(cols, chunk):
        hit = np.flatnonzero((block >= need).all(axis=0))
        if not len(hit):
            continue
        digits = np.unravel_index(start + hit, shape)
        choices = np.stack([kept[i][digits[i]] for i in range(space.n_issues)], axis=1)
        yield choices, np.ascontiguousarray(block[:, hit].T)


class _RunningBest:
    """:func:`argbest` over a stream of blocks: the best objective, near-ties to the larger
    tie-break, then the first. Only entries that can still be near the final best are kept
    (``top - TIE (1 + |top|)`` only grows with ``top``)."""

    def __init__(self) -> None:
        self.top = -np.inf
        self.obj = np.zeros(0)
        self.tie = np.zeros(0)
        self.choice: list[IntArray] = []

    def add(self, objective: FloatArray, tiebreak: FloatArray, choices: IntArray) -> None:
        if not len(objective):
            return
        top = max(self.top, float(np.max(objective)))
        if not np.isfinite(top):
            return
        self.top = top
        floor = top - TIE * (1.0 + abs(top))
        keep_old = self.obj >= floor
        new = np.flatnonzero(objective >= floor)
        self.obj = np.concatenate([self.obj[keep_old], objective[new]])
        self.tie = np.concatenate([self.tie[keep_old], tiebreak[new]])
        old = [c for c, k in zip(self.choice, keep_old, strict=True) if k]
        self.choice = old + [choices[j] for j in new]

    def result(self) -> tuple[IntArray, float] | None:
        if not len(self.obj):
            return None
        near = np.flatnonzero(near_top(self.obj))  # kept in package order
        k = int(near[np.flatnonzero(near_top(self.tie[near]))[0]])
        return self.choice[k], float(self.obj[k])


@dataclass(frozen=True)
class StreamedZone:
    """A zone too large to keep, scanned twice: its size, first member, each bargaining point
    ``(choice, objective)`` or None, and its best packages by the weighted Nash product."""

    size: int
    witness: IntArray | None
    points: dict[str, tuple[IntArray, float] | None]
    best: list[IntArray]
    ideal: FloatArray | None = None  # each party's largest utility in the zone, when scanned


def stream_zone(
    space: PackageSpace,
    parties: BoolArray,
    n_best: int,
    reservation: FloatArray | None = None,
    chunk: int = 1 << 18,
    points: tuple[str, ...] | None = None,
) -> StreamedZone:
    """The zone's size, bargaining points and ``n_best`` best packages without keeping its
    members (:func:`scan_zone`): a first pass finds each party's ideal gain (for
    Kalai–Smorodinsky), a second every objective, with the ties of :func:`zone_points` and
    :func:`best_in_zone`. Exact, like them; memory O(k × chunk + n_best). ``points`` limits the
    bargaining points computed (default: all); without Kalai–Smorodinsky one pass suffices."""
    d = space.reservation if reservation is None else reservation
    names = POINTS if points is None else points
    k = int(parties.sum())
    weights = party_weights(space, parties)
    ideal_gain = np.zeros(k)
    size, witness = 0, None
    ideal: FloatArray | None = None
    if "kalai_smorodinsky" in names:
        ideal = np.full(k, -np.inf)
        for choices, u in scan_zone(space, parties, d, chunk):
            if witness is None:
                witness = choices[0]
            size += len(u)
            ideal = np.maximum(ideal, u.max(axis=0))
        if size == 0:
            return StreamedZone(0, None, dict.fromkeys(names), [])
        ideal_gain = ideal - d[parties]
    running = {name: _RunningBest() for name in names}
    size2 = 0
    top_score = np.zeros(0)
    top_total = np.zeros(0)
    top_choice = np.zeros((0, space.n_issues), dtype=int)
    for choices, u in scan_zone(space, parties, d, chunk):
        if witness is None:
            witness = choices[0]
        size2 += len(u)
        surplus = u - d[parties]
        total = u.sum(axis=1)
        objectives = point_objectives(surplus, weights, ideal_gain)
        for name in names:
            running[name].add(objectives[name], total, choices)
        if n_best <= 0:
            continue
        score = np.concatenate([top_score, nash_score(surplus, weights)])
        tot = np.concatenate([top_total, total])
        order = np.lexsort((-tot, -score))[:n_best]
        top_score, top_total = score[order], tot[order]
        top_choice = np.concatenate([top_choice, choices])[order]
    return StreamedZone(
        size2,
        witness,
        {name: running[name].result() for name in names},
        list(top_choice),
        ideal,
    )


def scan_joined(
    space: PackageSpace, parties: BoolArray, joiners: list[int], chunk: int = 1 << 18
) -> list[tuple[int, IntArray | None]]:
    """For each actor ``j`` of ``joiners``: the size of the zone once ``j`` joins the parties (its
    reservation and red lines then bind too) and that zone's capability-weighted Nash package
    (None when no package gives every weighted party a gain), all from one scan of the
    parties' zone, which holds every joined zone. Ties as :func:`zone_points` breaks them."""
    if not joiners:
        return []
    d = space.reservation
    cap = space.capability
    found = [0] * len(joiners)
    running = [_RunningBest() for _ in joiners]
    weights = []
    for j in joiners:
        joined = parties.copy()
        joined[j] = True
        c = cap[joined]
        w = c / c.sum() if c.sum() > 0 else np.full(len(c), 1.0 / len(c))
        pos = int(np.flatnonzero(np.flatnonzero(joined) == j)[0])
        weights.append((np.delete(w, pos), float(w[pos])))
    for choices, u in scan_zone(space, parties, d, chunk):
        cols = space.columns(choices)
        surplus = u - d[parties]
        with np.errstate(divide="ignore", invalid="ignore"):
            logs = np.where(surplus > 0, np.log(np.maximum(surplus, 1e-300)), -np.inf)
        total = u.sum(axis=1)
        for n, j in enumerate(joiners):
            u_j = space.utility[j][cols].sum(axis=1)
            inside = space.allowed[j][cols].all(axis=1) & (u_j >= d[j] - TOL)
            if not inside.any():
                continue
            found[n] += int(inside.sum())
            w_rest, w_j = weights[n]
            score = weighted_log_nash(logs[inside], w_rest) if (w_rest > 0).any() else 0.0
            if w_j > 0:
                s_j = u_j[inside] - d[j]
                with np.errstate(divide="ignore", invalid="ignore"):
                    log_j = np.where(s_j > 0, np.log(np.maximum(s_j, 1e-300)), -np.inf)
                score = score + w_j * log_j
            score = np.broadcast_to(np.asarray(score, dtype=float), (int(inside.sum()),))
            running[n].add(score, total[inside] + u_j[inside], choices[inside])
    out: list[tuple[int, IntArray | None]] = []
    for n in range(len(joiners)):
        hit = running[n].result()
        out.append((found[n], None if hit is None else hit[0]))
    return out
