"""What stands in the way of a deal: the principal obstacle, each party's minimal concession and
the spoilers left out of the talks.

Obstacles are the parties' no-deal outlooks (relaxed by lowering a reservation utility), their red
lines (relaxed by admitting an option outside the interval) and whole issues (every red line on the
issue relaxed at once). A red-line relaxation is measured in scale points, a reservation in utility;
both are compared as fractions of their range (points / 100 against utility), in the spirit of the
"minimal change" analyses of Raiffa (1982, ch. 11) and Sebenius (1984, *Negotiating the Law of the
Sea*). All answers come from exact MILP feasibility and optimisation over the whole space.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np

from pourparler.deals.enumeration import count_zone, open_columns, open_size, scan_joined
from pourparler.deals.kernels import BoolArray, IntArray
from pourparler.deals.points import record
from pourparler.deals.space import PackageSpace

if TYPE_CHECKING:
    from pourparler.deals.solver import PackageSolver

RESERVATION_STEP = 0.05
SLICE_VALUES = 1 << 22  # party utilities of the sampled packages scored at once (32 MB)


def _distance(value: float, lo: float, hi: float) -> float:
    return max(lo - value, value - hi, 0.0)


def _red_line_bounds(space: PackageSpace, a: int, i: int) -> tuple[float, float] | None:
    """Actor ``a``'s red-line interval on issue ``i``, or None when it excludes no option.

    Without the scenario's intervals (a space built by hand) the span of the allowed options is
    used."""
    cols = range(space.offsets[i], space.offsets[i + 1])
    if space.allowed[a, cols].all():
        return None
    if space.red_line is not None:
        return float(space.red_line[a, i, 0]), float(space.red_line[a, i, 1])
    vals = np.array(space.option_values[i])
    inside = vals[space.allowed[a, cols]]
    return (float(inside.min()), float(inside.max())) if len(inside) else (0.0, 0.0)


def candidates(space: PackageSpace, parties: BoolArray) -> list[dict[str, Any]]:
    """Every relaxation worth trying, as ``{kind, actor?, issue?, columns, size, ...}``.

    Each red line (and each issue) yields one candidate per option it excludes: admitting that
    option alone, at the cost of its distance from the interval (the largest distance over the
    parties' red lines, for an issue)."""
    out: list[dict[str, Any]] = []
    for a in np.flatnonzero(parties):
        out.append({"kind": "no_deal", "actor": space.actor_ids[a], "index": int(a)})
    for i, iid in enumerate(space.issue_ids):
        vals = space.option_values[i]
        per_option: dict[int, float] = {}
        for a in np.flatnonzero(parties):
            bounds = _red_line_bounds(space, int(a), i)
            if bounds is None:
                continue
            for j, v in enumerate(vals):
                col = int(space.offsets[i] + j)
                if space.allowed[a, col]:
                    continue
                dist = _distance(v, *bounds)
                per_option[col] = max(per_option.get(col, 0.0), dist)
                blocked_by_others = not space.allowed[
                    parties & (np.arange(len(parties)) != a), col
                ].all()
                if not blocked_by_others:
                    out.append(
                        {
                            "kind": "red_line",
                            "actor": space.actor_ids[a],
                            "issue": iid,
                            "columns": [col],
                            "option": space.option_labels[i][j],
                            "size": dist,
                            "unit": "scale points",
                        }
                    )
        for col, dist in per_option.items():
            j = col - int(space.offsets[i])
            out.append(
                {
                    "kind": "issue",
                    "issue": iid,
                    "columns": [col],
                    "option": space.option_labels[i][j],
                    "size": dist,
                    "unit": "scale points",
                }
            )
    return out


TIE = 1e-9  # costs (fractions of range) closer than this are ties


def principal_obstacle(
    space: PackageSpace,
    zone_empty: bool,
    zone_size: int | None,
    count_limit: int = 300_000,
    samples: int = 200_000,
    seed: int | None = 0,
) -> dict[str, Any] | None:
    """The relaxation that opens an empty zone at the least cost, or (zone not empty) the unit
    relaxation that enlarges the zone most: counted exactly when at most ``count_limit`` packages
    lie inside the red lines, estimated from ``samples`` random packages otherwise.

    Relaxations exactly as good as the principal one are listed in ``tied_with`` (they are also
    the first ``alternatives``): the choice among them is only the order of the candidates."""
    parties = space.parties
    if not parties.any():
        return None
    if zone_empty:
        return _opening_obstacle(space, parties)
    n_open = open_size(space, parties)
    if n_open > count_limit:
        return _sampled_obstacle(space, parties, samples, seed)
    if zone_size is None:
        zone_size = count_zone(space, parties)
    base_open = open_columns(space, parties)
    scored = []
    for cand in candidates(space, parties):
        d = space.reservation.copy()
        ok = base_open.copy()
        if cand["kind"] == "no_deal":
            d[cand["index"]] = max(0.0, d[cand["index"]] - RESERVATION_STEP)
            item = {
                "kind": "no_deal",
                "actor": cand["actor"],
                "size": RESERVATION_STEP,
                "unit": "utility",
            }
        else:
            ok[cand["columns"]] = True
            item = {k: v for k, v in cand.items() if k != "columns"}
        allowed = np.where(ok[None, :] & parties[:, None], True, space.allowed)
        relaxed = _replace(space, allowed=allowed, reservation=d)
        gain = count_zone(relaxed, parties) - zone_size
        scored.append({**item, "enlargement": int(gain)})
    scored.sort(key=lambda it: (-it["enlargement"], it["size"]))
    if not scored or scored[0]["enlargement"] == 0:
        return {"effect": "no single unit relaxation enlarges the zone", "method": "enumeration"}
    return {
        **scored[0],
        "effect": "enlarges the zone most",
        "method": "enumeration",
        "alternatives": scored[1:6],
        "tied_with": _ties(scored, lambda it: (it["enlargement"], it["size"])),
    }


def _ties(ranked: list[dict[str, Any]], key: Any) -> list[dict[str, Any]]:
    """The entries after the first whose ``key`` equals the first's (to :data:`TIE`)."""
    top = np.asarray(key(ranked[0]), dtype=float)
    return [
        it
        for it in ranked[1:]
        if np.allclose(np.asarray(key(it), dtype=float), top, rtol=0.0, atol=TIE)
    ]


def _opening_obstacle(space: PackageSpace, parties: BoolArray) -> dict[str, Any]:
    """The cheapest single relaxation that opens an empty zone (exact MILPs). Admitting a column
    is the same question whoever's red line excluded it, so each column is asked once, and an
    issue none of whose excluded options opens the zone even all at once is skipped."""
    from pourparler.deals.solver import MilpSolver

    base_open = open_columns(space, parties)
    opened: dict[tuple[str, str | None, str | None], dict[str, Any]] = {}
    opens: dict[int, IntArray | None] = {}
    issue_hopeless: dict[int, bool] = {}
    column_issue = space.issue_of_column()
    for cand in candidates(space, parties):
        if cand["kind"] == "no_deal":
            a = cand["index"]
            others = parties.copy()
            others[a] = False
            hit = MilpSolver(space, others, open_cols=base_open).maximise(np.eye(space.n_actors)[a])
            if hit is None:
                continue
            size = float(space.reservation[a] - hit[1])
            item = {
                "kind": "no_deal",
                "actor": cand["actor"],
                "size": round(size, 9),
                "unit": "utility",
                "package": record(space, hit[0], parties)["package"],
            }
            score = size
        else:
            [col] = cand["columns"]
            i = int(column_issue[col])
            if i not in issue_hopeless:
                ok = base_open.copy()
                ok[space.offsets[i] : space.offsets[i + 1]] = True
                issue_hopeless[i] = MilpSolver(space, parties, open_cols=ok).empty
            if issue_hopeless[i]:
                continue
            if col not in opens:
                ok = base_open.copy()
                ok[col] = True
                opens[col] = MilpSolver(space, parties, open_cols=ok).feasible()
            witness = opens[col]
            if witness is None:
                continue
            item = {k: v for k, v in cand.items() if k != "columns"}
            item["package"] = space.labels(witness)
            score = cand["size"] / 100.0
        key = (item["kind"], item.get("actor"), item.get("issue"))
        if key not in opened or score < opened[key]["_score"]:
            opened[key] = {**item, "_score": score}
    ranked = sorted(opened.values(), key=lambda it: it["_score"])
    for it in ranked:
        it["fraction_of_range"] = round(it.pop("_score"), 9)
    if not ranked:
        return {"effect": "no single relaxation opens the zone", "method": "milp"}
    return {
        **ranked[0],
        "effect": "opens the zone",
        "method": "milp",
        "alternatives": ranked[1:6],
        "tied_with": _ties(ranked, lambda it: it["fraction_of_range"]),
    }


def _sampled_obstacle(
    space: PackageSpace, parties: BoolArray, samples: int, seed: int | None
) -> dict[str, Any]:
    """Estimated enlargement of the zone by each unit relaxation, from one sample of packages
    inside the red lines (common random numbers: every candidate is scored on the same draws).

    The draws are scored in slices of at most :data:`SLICE_VALUES` party utilities, so memory
    does not grow with the number of parties times the samples. Lowering party ``a``'s
    reservation admits exactly the drawn packages that ``a`` alone rejects, by less than the
    step."""
    ok = open_columns(space, parties)
    rng = np.random.default_rng(seed)
    sub = space.utility[parties]
    k = int(parties.sum())
    d = space.reservation[parties][:, None] - 1e-9
    picks, m_open = [], []
    for a, b in zip(space.offsets[:-1], space.offsets[1:], strict=True):
        cols = a + np.flatnonzero(ok[a:b])
        picks.append(cols[rng.integers(0, len(cols), samples)])
        m_open.append(len(cols))
    n_open = open_size(space, parties)
    column_issue = space.issue_of_column()
    party_row = {int(a): j for j, a in enumerate(np.flatnonzero(parties))}
    cands = candidates(space, parties)
    hits = np.zeros(len(cands), dtype=np.int64)
    width = max(1, SLICE_VALUES // max(1, k))
    for s0 in range(0, samples, width):
        sl = slice(s0, min(samples, s0 + width))
        total = np.zeros((k, sl.stop - sl.start))
        for pick in picks:
            total += sub[:, pick[sl]]
        fails = total < d
        n_fail = fails.sum(axis=0)
        lone = np.flatnonzero(n_fail == 1)
        lone_row = np.argmax(fails[:, lone], axis=0)
        for c, cand in enumerate(cands):
            if cand["kind"] == "no_deal":
                row = party_row[cand["index"]]
                mine = lone[lone_row == row]
                hits[c] += int((total[row, mine] >= d[row, 0] - RESERVATION_STEP).sum())
            else:
                col = cand["columns"][0]
                i = int(column_issue[col])
                moved = total - sub[:, picks[i][sl]] + sub[:, [col]]
                hits[c] += int((moved >= d).all(axis=0).sum())
    scored = []
    for c, cand in enumerate(cands):
        if cand["kind"] == "no_deal":
            scale = float(n_open)
            item = {
                "kind": "no_deal",
                "actor": cand["actor"],
                "size": RESERVATION_STEP,
                "unit": "utility",
            }
        else:
            scale = n_open / m_open[int(column_issue[cand["columns"][0]])]
            item = {key: v for key, v in cand.items() if key != "columns"}
        p = int(hits[c]) / samples
        item["enlargement"] = p * scale
        item["enlargement_se"] = float(np.sqrt(p * (1 - p) / samples) * scale)
        scored.append(item)
    scored.sort(key=lambda it: (-it["enlargement"], it["size"]))
    params = {"samples": samples, "seed": seed}
    if not scored or scored[0]["enlargement"] == 0:
        return {
            "effect": "no unit relaxation enlarged the zone in the sample",
            "method": "monte-carlo",
            **params,
        }
    return {
        **scored[0],
        "effect": "enlarges the zone most (estimated)",
        "method": "monte-carlo",
        **params,
        "alternatives": scored[1:6],
        "tied_with": _ties(scored, lambda it: (it["enlargement"], it["size"])),
    }


def _replace(space: PackageSpace, **changes: Any) -> PackageSpace:
    import dataclasses

    return dataclasses.replace(space, **changes)


def minimal_concessions(
    space: PackageSpace, zone_empty: bool, zone_method: str = "milp"
) -> list[dict[str, Any]]:
    """For each party, the least utility below its no-deal outlook it must accept (and on which
    issues) for a zone to exist with everybody else's demands unchanged; if its own red lines
    already rule every such package out, the red lines it must cross as well. When the zone is
    not empty every concession is 0, known from the zone itself (``zone_method``)."""
    from pourparler.deals.solver import MilpSolver

    parties = space.parties
    out = []
    for a in np.flatnonzero(parties):
        aid = space.actor_ids[a]
        if not zone_empty:
            out.append(
                {
                    "actor": aid,
                    "utility": 0.0,
                    "issues": [],
                    "red_lines_crossed": [],
                    "method": zone_method,
                }
            )
            continue
        others = parties.copy()
        others[a] = False
        own = open_columns(space, parties)
        crossed: list[str] = []
        hit = MilpSolver(space, others, open_cols=own).maximise(np.eye(space.n_actors)[a])
        if hit is None:
            # own red lines lifted: first as few crossings as possible, then the most utility
            crossing = ~space.allowed[a]
            lifted = MilpSolver(space, others, open_cols=open_columns(space, others))
            hit = lifted.maximise_columns(space.utility[a] - 2.0 * crossing)
            if hit is None:
                out.append(
                    {
                        "actor": aid,
                        "utility": None,
                        "note": "the other parties' demands are incompatible among themselves",
                        "method": "milp",
                    }
                )
                continue
            cols = space.columns(hit[0])
            crossed = [space.issue_ids[i] for i, c in enumerate(cols) if not space.allowed[a, c]]
        own_u = float(space.package_utility(hit[0])[a])
        out.append(
            {
                "actor": aid,
                "utility": round(max(0.0, float(space.reservation[a]) - own_u), 9),
                "issues": _issue_losses(space, int(a), hit[0]),
                "red_lines_crossed": crossed,
                "package": space.labels(hit[0]),
                "method": "milp",
            }
        )
    return out


def _issue_losses(space: PackageSpace, a: int, choice: IntArray) -> list[dict[str, Any]]:
    """Issues where ``choice`` gives actor ``a`` less than its best option, largest loss first."""
    rows = []
    for i, (lo, hi) in enumerate(zip(space.offsets[:-1], space.offsets[1:], strict=True)):
        u = space.utility[a, lo:hi]
        loss = float(u.max() - u[choice[i]])
        if loss > 1e-12:
            rows.append(
                {
                    "issue": space.issue_ids[i],
                    "option": space.option_labels[i][choice[i]],
                    "gives_up": round(loss, 9),
                }
            )
    return sorted(rows, key=lambda r: -r["gives_up"])


def spoilers(
    space: PackageSpace, chosen: IntArray | None, method: str | PackageSolver
) -> list[dict[str, Any]]:
    """Veto actors away from the table: how they fare under the chosen package, and what the zone
    and weighted Nash point become when they join (their reservation and red lines then bind),
    with the issues on which that point differs from the chosen package. ``method`` is the
    back-end (``enumeration`` or ``milp``) or a solver of the talks, whose kind is used."""
    from pourparler.deals.solver import EnumerationSolver, MilpSolver, PackageSolver

    solver: PackageSolver
    if isinstance(method, PackageSolver):
        solver = method
    else:
        solver = EnumerationSolver(space) if method == "enumeration" else MilpSolver(space)
    out = []
    joiners = [int(s) for s in np.flatnonzero(space.spoilers)]
    scanned: dict[int, tuple[int, IntArray | None]] = {}
    if isinstance(solver, EnumerationSolver) and space.parties.any():
        # every joined zone lies in the parties' zone: one scan of it answers every spoiler
        scanned = dict(zip(joiners, scan_joined(space, space.parties, joiners), strict=True))
    for s in joiners:
        item: dict[str, Any] = {
            "actor": space.actor_ids[s],
            "no_deal": float(space.reservation[s]),
            "utility": None,
            "would_block": None,
        }
        if chosen is not None:
            cols = space.columns(chosen)
            u = float(space.package_utility(chosen)[s])
            crossed = [space.issue_ids[i] for i, c in enumerate(cols) if not space.allowed[s, c]]
            item.update(
                utility=round(u, 9),
                surplus=round(u - float(space.reservation[s]), 9),
                red_lines_crossed=crossed,
                would_block=bool(u < space.reservation[s] - 1e-9 or crossed),
            )
        joined = solver.joined(space.parties | (np.arange(space.n_actors) == s))
        zone_size: int | None
        if s in scanned:
            size, pick = scanned[s]
            empty, zone_size = size == 0, size
        else:
            empty = joined.empty
            zone_size = joined.count()
            point = None if empty else joined.nash(weighted=True)
            pick = None if point is None else point.choice
        wn = None if pick is None else record(joined.space, pick, joined.parties)
        changed = None
        if wn is not None and chosen is not None:
            before = space.labels(chosen)
            changed = [i for i in space.issue_ids if wn["package"][i] != before[i]]
        item["if_at_table"] = {
            "zone_size": zone_size,
            "zone_empty": empty,
            "weighted_nash": None if wn is None else {k: wn[k] for k in ("package", "utility")},
            "changed_issues": changed,
            "method": joined.method,
        }
        out.append(item)
    return out
