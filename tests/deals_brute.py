"""Brute-force references for the package-deal tests: every package listed with itertools."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pourparler.deals import build_space
from pourparler.deals.space import PackageSpace
from pourparler.deals.synthetic import random_scenario


def random_space(
    seed: int, n_a: int, n_i: int, hi: int, absent: int = 0, bystanders: int = 0
) -> PackageSpace:
    """A small random space for the property tests: ``n_a`` parties (the last ``absent`` of them
    away from the table) plus ``bystanders``, ``n_i`` issues of 2..``hi`` options, some red
    lines and explicit option utilities."""
    return build_space(
        random_scenario(
            n_a + bystanders,
            n_i,
            (2, hi),
            seed,
            red_line_share=0.3,
            explicit_share=0.3,
            reservation=(0.0, 0.7),
            absent_veto=absent,
            bystanders=bystanders,
        )
    )


def all_packages(space: PackageSpace) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(choices (N, n_issues), utilities (N, n_actors), inside red lines of each actor (N, n_a))."""
    choices = np.array(list(itertools.product(*[range(int(m)) for m in space.n_options])))
    cols = choices + space.offsets[:-1]
    util = np.array([[space.utility[a, c].sum() for a in range(space.n_actors)] for c in cols])
    ok = np.array([[space.allowed[a, c].all() for a in range(space.n_actors)] for c in cols])
    return choices, util, ok


def zone_mask(space: PackageSpace, util: np.ndarray, ok: np.ndarray, parties=None) -> np.ndarray:
    p = space.parties if parties is None else parties
    return ok[:, p].all(axis=1) & (util[:, p] >= space.reservation[p] - 1e-9).all(axis=1)


def pareto_rows(points: np.ndarray) -> set[tuple[float, ...]]:
    """Distinct non-dominated rows, rounded, by the O(n^2) definition."""
    out = set()
    for i, p in enumerate(points):
        dominated = any((q >= p).all() and (q > p).any() for j, q in enumerate(points) if j != i)
        if not dominated:
            out.add(tuple(np.round(p, 9)))
    return out


def objectives(space: PackageSpace, util: np.ndarray, zone: np.ndarray) -> dict[str, float]:
    """Each bargaining solution's optimal value over the zone, from its textbook definition."""
    p = space.parties
    u = util[zone][:, p]
    d = space.reservation[p]
    s = u - d
    cap = space.capability[p]
    w = cap / cap.sum()
    ideal = u.max(axis=0) - d
    out = {"utilitarian": float(s.sum(axis=1).max()), "egalitarian": float(s.min(axis=1).max())}
    scaled = s[:, ideal > 0] / ideal[ideal > 0]
    out["kalai_smorodinsky"] = float(scaled.min(axis=1).max()) if scaled.shape[1] else 0.0
    pos = (s > 0).all(axis=1)
    if pos.any():
        out["nash"] = float((np.log(s[pos]).sum(axis=1) / len(d)).max())
    # a party of weight 0 (no capability) adds nothing to the weighted product
    heavy = w > 0
    pos_w = (s[:, heavy] > 0).all(axis=1)
    if pos_w.any():
        out["weighted_nash"] = float((np.log(s[pos_w][:, heavy]) @ w[heavy]).max())
    return out


# hypothesis strategy for small random package spaces, and the settings the property tests use
SPACES = st.builds(
    random_space,
    st.integers(0, 2**32 - 1),
    st.integers(2, 4),
    st.integers(1, 4),
    st.integers(2, 4),
    st.integers(0, 1),
    st.integers(0, 1),
)
FAST = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
