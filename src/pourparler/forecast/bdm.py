"""Bueno de Mesquita's expected-utility ("group decision") model, as reconstructed by Scholz,
Calbert & Smith (2011, "Unravelling Bueno De Mesquita's group decision model", ICAART 2011).

The reading is the one that reproduces the published results (Scholz et al. Table 2, Figs 7–11),
following the open replication ``jmckib/bdm-scholz-expected-utility-model``. Where it departs
from the printed equations this is noted below (see also ``models/bdm-scholz.md``):

* ``R`` (range of positions) is that of the *initial* positions and is kept fixed;
* saliences are probabilities in 0–1 (the published table gives 0–100);
* each round starts with every risk exponent at 1, computes each actor's security
  ``sec_i = Σ_{j≠i} E(U_ji)``, then ``R_i`` by eq. (34) and ``r_i`` by eq. (33);
* P(x_a beats x_b) = Σ_k max(0, v_k(a, b)) / Σ_k Σ_l Σ_m |v_k(l, m)| with
  ``v_k(a, b) = c_k s_k [(|x_k − x_b|/R)^{r_k} − (|x_k − x_a|/R)^{r_k}]`` (the printed eq. (31)
  divides by the single pair's votes, which drives every actor to one point);
* E(a challenges b) = s_b(P·U_s + (1−P)·U_f) + (1−s_b)·U_s − Q·U_sq − (1−Q)·U_b (eqs 15, 16, 22,
  24, 25 with T ≡ 1), evaluated with the risk exponent of the actor whose view is taken: for
  the offers received by i both E_ij and E_ji use r_i;
* offers to i from each j at another position: confrontation when E_ji > E_ij > 0 (i moves to
  x_j), compromise when E_ji > 0 > E_ij and E_ji > |E_ij| (i moves to
  x_i + (x_j − x_i)·|E_ij/E_ji|); i accepts the nearest confrontation, otherwise the compromise
  with the smallest weighted point (|E_ij|·x_i + |E_ji|·x_j)/(|E_ij| + |E_ji|); all actors move
  at once. Ties are broken towards the lower position, so the result does not depend on the
  order in which actors are listed;
* the forecast of a round is the c·s-weighted median (the Condorcet winner of eq. (29)); the
  c·s-weighted mean is reported beside it.

Arrays have a leading batch axis (Monte Carlo draws) and a last axis over actors; work is done
in chunks of draws so memory stays bounded (``O(chunk · n²)``) and each draw is computed exactly
as it would be on its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pourparler.forecast.central import weighted_mean, weighted_median

FloatArray = NDArray[np.float64]

DEFAULT_ROUNDS = 10
DEFAULT_Q = 1.0
_CHUNK = 128


@dataclass(frozen=True)
class BDMResult:
    """Positions of every actor per round (round 0 = the input) and the per-round median
    (the model's forecast) and mean. Shapes: ``positions (..., rounds + 1, n_actors)``,
    ``median`` and ``mean`` ``(..., rounds + 1)``."""

    positions: FloatArray
    median: FloatArray
    mean: FloatArray

    def forecast(self) -> FloatArray:
        """The median voter position after the last round."""
        return np.asarray(self.median[..., -1])


def _check(
    position: ArrayLike, capability: ArrayLike, salience: ArrayLike, rounds: int, q: float
) -> tuple[FloatArray, FloatArray, FloatArray]:
    x = np.asarray(position, dtype=float)
    c = np.asarray(capability, dtype=float)
    s = np.asarray(salience, dtype=float)
    try:
        x, c, s = (np.array(a, dtype=float) for a in np.broadcast_arrays(x, c, s))
    except ValueError as exc:
        raise ValueError(f"bdm: position, capability and salience do not match: {exc}") from None
    if x.ndim == 0 or x.shape[-1] < 1:
        raise ValueError("bdm: need at least one actor (last axis)")
    if not np.all(np.isfinite(x)):
        raise ValueError("bdm: positions must be finite")
    if not np.all(np.isfinite(c)) or np.any(c < 0):
        raise ValueError("bdm: capabilities must be finite and non-negative")
    if not np.all(np.isfinite(s)) or np.any((s < 0) | (s > 1)):
        raise ValueError("bdm: saliences must lie in 0–1")
    if isinstance(rounds, bool) or int(rounds) != rounds or rounds < 0:
        raise ValueError(f"bdm: rounds must be a non-negative integer, got {rounds!r}")
    if not 0.0 <= q <= 1.0:
        raise ValueError(f"bdm: Q (probability of the status quo) must lie in 0–1, got {q!r}")
    return x, c, s


def bdm_rounds(
    position: ArrayLike,
    capability: ArrayLike,
    salience: ArrayLike,
    *,
    rounds: int = DEFAULT_ROUNDS,
    q: float = DEFAULT_Q,
    workers: int = 1,
) -> BDMResult:
    """Run the model for ``rounds`` rounds on every draw of the batch.

    ``position``, ``capability`` and ``salience`` (0–1) broadcast to ``(..., n_actors)``.
    ``workers > 1`` computes chunks of draws in threads (numpy releases the GIL); the result
    does not depend on it.
    """
    x, c, s = _check(position, capability, salience, rounds, q)
    lead = x.shape[:-1]
    n = x.shape[-1]
    x2, c2, s2 = (a.reshape(-1, n) for a in (x, c, s))
    out = np.empty((x2.shape[0], int(rounds) + 1, n))

    def work(lo: int) -> None:
        hi = lo + _CHUNK
        out[lo:hi] = _run_chunk(x2[lo:hi], c2[lo:hi], s2[lo:hi], int(rounds), q)

    starts = range(0, x2.shape[0], _CHUNK)
    if workers > 1 and len(starts) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(work, starts))
    else:
        for lo in starts:
            work(lo)
    positions = out.reshape(*lead, int(rounds) + 1, n)
    w = (c * s)[..., None, :]
    return BDMResult(
        positions=positions,
        median=weighted_median(positions, np.broadcast_to(w, positions.shape)),
        mean=weighted_mean(positions, np.broadcast_to(w, positions.shape)),
    )


def _run_chunk(x: FloatArray, c: FloatArray, s: FloatArray, rounds: int, q: float) -> FloatArray:
    b, n = x.shape
    hist = np.empty((b, rounds + 1, n))
    hist[:, 0] = x
    w = c * s
    span = x.max(axis=-1) - x.min(axis=-1)
    moving = span > 0
    span = np.where(moving, span, 1.0)[:, None, None]
    not_self = ~np.eye(n, dtype=bool)
    for t in range(rounds):
        if not moving.any():
            hist[:, t + 1 :] = x[:, None, :]
            break
        dist = np.abs(x[:, :, None] - x[:, None, :]) / span  # (b, i, j), in 0–1
        median = weighted_median(x, w)[:, None, None]
        below = _voters_below_midpoints(x)
        # security of each actor with every risk exponent at 1 → risk exponents (eqs 33–34)
        p1 = _win_probability(x, dist, w, None, below)
        _, e_ji = _expected_utilities(x, dist, s, p1, None, q, median, span)
        security = np.where(not_self, e_ji, 0.0).sum(axis=-1)
        hi_sec = security.max(axis=-1, keepdims=True)
        lo_sec = security.min(axis=-1, keepdims=True)
        width = hi_sec - lo_sec
        big_r = np.where(
            width > 0, (2 * security - hi_sec - lo_sec) / np.where(width > 0, width, 1), 0
        )
        r = (1 - big_r / 3) / (1 + big_r / 3)
        # offers with the actors' own risk exponents
        p = _win_probability(x, dist, w, r, below)
        e_ij, e_ji = _expected_utilities(x, dist, s, p, r, q, median, span)
        x = _accept_offers(x, dist, e_ij, e_ji)
        hist[:, t + 1] = x
    return hist


def _voters_below_midpoints(x: NDArray[np.float64]) -> NDArray[np.intp]:
    """below[a, b]: how many actors lie strictly below the midpoint of x_a and x_b."""
    mid = 0.5 * (x[:, :, None] + x[:, None, :])
    below = np.zeros(mid.shape, dtype=np.int32)
    for k in range(x.shape[1]):  # a loop over voters keeps the work in cache
        below += x[:, k, None, None] < mid
    return below.astype(np.intp)


def _win_probability(
    x: FloatArray, dist: FloatArray, w: FloatArray, r: FloatArray | None, below: NDArray[np.intp]
) -> FloatArray:
    """P[a, b]: probability that x_a beats x_b (Scholz's code; see the module docstring).

    The numerator Σ_k max(0, v_k(a, b)) sums A_kb − A_ka (A_kl = c_k s_k (|x_k − x_l|/R)^r_k)
    over the voters nearer to x_a than to x_b, i.e. those on x_a's side of the midpoint;
    prefix sums over voters sorted by position give it in O(n²) per draw (voters exactly at
    the midpoint contribute nothing). The denominator sums |v_k(l, m)| over all ordered pairs:
    Σ_{l,m} |y_l − y_m| = 2 Σ_i (2i − n + 1) y_(i) for each sorted row y.
    """
    b, n = x.shape
    util_loss = w[:, :, None] * (dist if r is None else dist ** r[:, :, None])
    coef = 2.0 * (2.0 * np.arange(n) - n + 1)
    total_votes = (np.sort(util_loss, axis=-1) @ coef).sum(axis=-1)[:, None, None]
    order = np.argsort(x, axis=-1, kind="stable")
    prefix = np.zeros((b, n + 1, n))
    np.cumsum(np.take_along_axis(util_loss, order[:, :, None], axis=1), axis=1, out=prefix[:, 1:])
    flat = prefix.reshape(-1)
    base = np.arange(b)[:, None, None] * ((n + 1) * n) + below * n
    # gain[a, b] = Σ_{k below mid(a, b)} (A_kb − A_ka)
    gain = flat[base + np.arange(n)[None, None, :]] - flat[base + np.arange(n)[None, :, None]]
    column = prefix[:, -1, :]  # Σ_k A_kl
    xa = x[:, :, None]
    xb = x[:, None, :]
    above = column[:, None, :] - column[:, :, None] - gain  # voters above the midpoint
    # where x_a = x_b the columns a and b are equal, so gain and above are exactly 0 (P = 0)
    num = np.maximum(np.where(xa < xb, gain, above), 0.0)
    return np.divide(num, total_votes, out=np.zeros_like(num), where=total_votes > 0)


def _expected_utilities(
    x: FloatArray,
    dist: FloatArray,
    s: FloatArray,
    p: FloatArray,
    r: FloatArray | None,
    q: float,
    median: FloatArray,
    span: FloatArray,
) -> tuple[FloatArray, FloatArray]:
    """E_ij (i challenges j) and E_ji (j challenges i), both from i's view (risk exponent r_i;
    ``r=None`` means every exponent is 1)."""
    ri = np.ones((1, 1, 1)) if r is None else r[:, :, None]
    if r is None:
        u_success, u_failure, u_status_quo = 2 * dist, -2 * dist, np.zeros((1, 1, 1))
    else:
        u_success = 2 - 4 * (0.5 - 0.5 * dist) ** ri  # eq. (15)
        u_failure = 2 - 4 * (0.5 + 0.5 * dist) ** ri  # eq. (16)
        u_status_quo = 2 - 4 * 0.5**ri  # eq. (24)
    s_j = s[:, None, :]
    s_i = s[:, :, None]
    p_t = np.swapaxes(p, 1, 2)
    e_ij = s_j * (p * u_success + (1 - p) * u_failure) + (1 - s_j) * u_success
    e_ji = s_i * (p_t * u_success + (1 - p_t) * u_failure) + (1 - s_i) * u_success
    e_ij = e_ij - q * u_status_quo
    e_ji = e_ji - q * u_status_quo
    if q < 1:
        to_median = np.abs(x - median[:, :, 0]) / span[:, :, 0]  # (b, n)
        # eq. (22), T = 1: the challenger a is better off; |x_a − μ| + |x_a − x_b|, over R
        better_ij = 2 - 4 * (0.5 - 0.25 * (to_median[:, :, None] + dist)) ** ri
        better_ji = 2 - 4 * (0.5 - 0.25 * (to_median[:, None, :] + dist)) ** ri
        e_ij = e_ij - (1 - q) * better_ij
        e_ji = e_ji - (1 - q) * better_ji
    return e_ij, e_ji


def _accept_offers(
    x: FloatArray, dist: FloatArray, e_ij: FloatArray, e_ji: FloatArray
) -> FloatArray:
    """Each actor i takes its best offer (module docstring); all move at once."""
    xi = x[:, :, None]
    xj = x[:, None, :]
    other = xi != xj
    confront = other & (e_ji > e_ij) & (e_ij > 0)
    compromise = other & (e_ji > 0) & (e_ij < 0) & (e_ji > np.abs(e_ij))
    inf = np.inf
    # nearest confrontation, the lower position on a tie
    gap = np.where(confront, dist, inf)  # |x_i − x_j| / R
    nearest = gap == gap.min(axis=-1, keepdims=True)
    to_confront = np.where(confront & nearest, xj, inf).min(axis=-1)
    # compromise with the smallest weighted point, the lower landing point on a tie
    with np.errstate(invalid="ignore", divide="ignore"):
        abs_ij, abs_ji = np.abs(e_ij), np.abs(e_ji)
        landing = xi + (xj - xi) * np.where(compromise, abs_ij / e_ji, 0.0)
        key = np.where(compromise, (abs_ij * xi + abs_ji * xj) / (abs_ij + abs_ji), inf)
    best = key == key.min(axis=-1, keepdims=True)
    to_compromise = np.where(compromise & best, landing, inf).min(axis=-1)
    return np.where(
        confront.any(axis=-1), to_confront, np.where(compromise.any(axis=-1), to_compromise, x)
    )
