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
in chunks of draws, and for many actors in blocks of actors, so memory stays bounded (a prefix
table of ``n²`` values per draw of a chunk, and blocks of pair arrays) and each draw is computed
exactly as it would be on its own; :func:`bdm_cost` estimates time and memory from the size.
Where the actors of a draw share positions (at most half as many distinct positions as actors,
as in tables of rounded positions and after a few rounds), the votes on a position, the win
probabilities and the parts of the expected utilities that depend on positions only are
computed once per distinct position and read back for every actor: the same operations on the
same numbers, so the same bits, with far fewer pairs.

With numba installed (the ``fast`` extra) and ``POURPARLER_JIT=1`` set, tables of
``_JIT_MIN_ACTORS`` to ``_JIT_MAX_ACTORS`` actors are run by the compiled kernel of
:mod:`bdm_jit` (the same operations in the same order; positions agree to rounding, ``x ** r``
aside, so it is not the default).
"""

from __future__ import annotations

import os
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from pourparler.forecast.bdm_pairs import (
    DistinctPositions,
    PairTables,
    Wins,
    count_below,
    pair_distances,
    win_probabilities,
)
from pourparler.forecast.central import weighted_mean, weighted_median

FloatArray = NDArray[np.float64]

DEFAULT_ROUNDS = 10
DEFAULT_Q = 1.0
_CHUNK = 128  # draws per chunk at most
_BLOCK_BYTES = 64 << 20  # a chunk's pair arrays (and prefix table) aim to stay below this
_LIVE_PAIR_ARRAYS = 24  # pair arrays alive at once while a block is worked on, about
_CACHE_BYTES = 64 << 20  # a round's distances and voter counts are kept whole below this
_DISTINCT_SHARE = 0.5  # pair tables over the distinct positions when there are at most this share
_FEW_POSITIONS = 8  # votes sorted per distinct position below 1/8 as many as actors (measured)
_SECONDS_PER_PAIR = 50e-9  # one pass over one pair of actors, one draw (35–80 ns measured)
_JIT_MIN_ACTORS = 1000  # the compiled kernel from this many actors (measured faster at 2,000)
_JIT_MAX_ACTORS = 4000  # and up to this many: two tables of n² values a thread (0.5 GB at 4,000)
_JIT_SECONDS_PER_PAIR = 80e-9  # compiled kernel: one round (both passes), one pair, one draw


def _jit_kernel(n_actors: int):
    """The compiled kernel module where it is asked for (``POURPARLER_JIT=1``: its powers may
    differ from numpy's in the last bit, so it is not the default), numba imports, it is not
    turned off by ``POURPARLER_NO_JIT=1`` and the table has ``_JIT_MIN_ACTORS`` to
    ``_JIT_MAX_ACTORS`` actors (beyond, the numpy code's bounded memory); else None."""
    if (
        not _JIT_MIN_ACTORS <= n_actors <= _JIT_MAX_ACTORS
        or os.environ.get("POURPARLER_NO_JIT", "") == "1"
        or os.environ.get("POURPARLER_JIT", "") != "1"  # opt-in: not bit for bit numpy's
    ):
        return None
    try:
        from pourparler.forecast import bdm_jit
    except ImportError:
        return None
    return bdm_jit


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


def _layout(n_draws: int, n_actors: int) -> tuple[int, int]:
    """(draws per chunk, actor rows per block). Pair arrays are built a block of rows at a time,
    so a chunk holds its prefix table (O(chunk · n²)) and ``_LIVE_PAIR_ARRAYS`` arrays of
    ``chunk · rows · n`` values. Small tables take whole chunks of draws at once; large ones one
    draw at a time, in blocks of a multiple of 4 rows (how BLAS groups the rows it sums, so
    the sums are those of the whole table)."""
    n = max(n_actors, 1)
    per_draw = 8 * n * (n + 1) + _LIVE_PAIR_ARRAYS * 8 * n * n
    if per_draw <= _BLOCK_BYTES:
        return max(1, min(_CHUNK, _BLOCK_BYTES // per_draw, n_draws)), n
    rows = (_BLOCK_BYTES // (_LIVE_PAIR_ARRAYS * 8 * n)) // 4 * 4
    return 1, int(min(n, max(4, rows)))


def _cache_fits(chunk: int, n: int) -> bool:
    return chunk * n * n * 12 <= _CACHE_BYTES


def _working_bytes(chunk: int, rows: int, n: int, rounds: int) -> int:
    """Peak bytes of one chunk: its prefix table, the round's distances and voter counts when
    kept whole (with the temporaries that build them), the blocks of pair arrays and the
    positions of every round."""
    tables = 8 * n * (n + 1) + (28 * n * n if _cache_fits(chunk, n) else 0)
    return chunk * (tables + _LIVE_PAIR_ARRAYS * 8 * rows * n + 16 * (rounds + 1) * n)


def bdm_cost(n_actors: int, n_draws: int, rounds: int = DEFAULT_ROUNDS) -> tuple[float, int]:
    """Rough cost of :func:`bdm_rounds` on one issue: (seconds on one core, peak bytes).

    Time grows as draws × rounds × n² (every pair of actors, twice a round) and is measured on a
    2-core machine (about ``_SECONDS_PER_PAIR`` a pair and pass); memory is the working set of
    one chunk (its prefix table, ``8·n²`` bytes a draw, and its blocks of pair arrays, at most
    ``_BLOCK_BYTES``) plus the result: every actor's position each round, and its median and
    mean, as the callers hold them (about three copies of ``draws × (rounds + 1) × n``). With the
    compiled kernel (see the module docstring) time is ``_JIT_SECONDS_PER_PAIR`` a pair and round
    and the working set two tables of ``n (n + 1)`` values for each of two threads."""
    n, d, r = int(n_actors), int(n_draws), int(rounds)
    if n < 1 or d < 1 or r < 0:
        return 0.0, 0
    result = 3 * 8 * d * (r + 1) * n
    if _jit_kernel(n) is not None:  # two tables of n (n + 1) values a thread
        return d * r * n * n * _JIT_SECONDS_PER_PAIR, 2 * 16 * n * (n + 1) + result
    chunk, rows = _layout(d, n)
    working = _working_bytes(chunk, rows, n, r)
    seconds = 2 * d * r * n * n * _SECONDS_PER_PAIR + d * r * n * 1e-7
    return seconds, working + result


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
    does not depend on it. Memory stays bounded whatever the size (see :func:`bdm_cost`).
    """
    x, c, s = _check(position, capability, salience, rounds, q)
    lead = x.shape[:-1]
    n = x.shape[-1]
    x2, c2, s2 = (a.reshape(-1, n) for a in (x, c, s))
    out = np.empty((x2.shape[0], int(rounds) + 1, n))
    kernel = _jit_kernel(n)
    if kernel is not None:
        run = kernel.run_batch if x2.shape[0] > 1 else kernel.run_batch_serial
        run(*(np.ascontiguousarray(a) for a in (x2, c2, s2)), int(rounds), float(q), out)
        return _result(out, c, s, lead, int(rounds), n)
    chunk, rows = _layout(x2.shape[0], n)

    def work(lo: int) -> None:
        hi = lo + chunk
        out[lo:hi] = _run_chunk(x2[lo:hi], c2[lo:hi], s2[lo:hi], int(rounds), q, rows)

    starts = range(0, x2.shape[0], chunk)
    if workers > 1 and len(starts) > 1:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=workers) as pool:
            list(pool.map(work, starts))
    else:
        for lo in starts:
            work(lo)
    return _result(out, c, s, lead, int(rounds), n)


def _result(
    out: FloatArray, c: FloatArray, s: FloatArray, lead: tuple[int, ...], rounds: int, n: int
) -> BDMResult:
    positions = out.reshape(*lead, rounds + 1, n)
    w = (c * s)[..., None, :]
    return BDMResult(
        positions=positions,
        median=weighted_median(positions, np.broadcast_to(w, positions.shape)),
        mean=weighted_mean(positions, np.broadcast_to(w, positions.shape)),
    )


def _run_chunk(
    x: FloatArray, c: FloatArray, s: FloatArray, rounds: int, q: float, rows: int
) -> FloatArray:
    b, n = x.shape
    hist = np.empty((b, rounds + 1, n))
    hist[:, 0] = x
    w = c * s
    span = x.max(axis=-1) - x.min(axis=-1)
    moving = span > 0
    span = np.where(moving, span, 1.0)[:, None, None]
    blocks = [(lo, min(n, lo + rows)) for lo in range(0, n, rows)]
    for t in range(rounds):
        if not moving.any():
            hist[:, t + 1 :] = x[:, None, :]
            break
        median = weighted_median(x, w)[:, None, None]
        order = np.argsort(x, axis=-1, kind="stable")
        xs = np.take_along_axis(x, order, axis=-1)
        # pair tables over the distinct positions where the actors share them
        grid = DistinctPositions.of(x, xs, _DISTINCT_SHARE, _BLOCK_BYTES, _LIVE_PAIR_ARRAYS)
        inv = None if grid is None else grid.inv
        to_median = to_median_cols = None
        if q < 1:
            to_median = np.abs(x - median[:, :, 0]) / span[:, :, 0]
            if grid is not None:
                to_median_cols = np.abs(grid.u[None] - median[:, :, 0]) / span[:, :, 0]
        # security of each actor with every risk exponent at 1 → risk exponents (eqs 33–34)
        # one table of distances and voter counts serves both passes when it is small
        cached = PairTables(x, xs, order, span, _cache_fits(b, n), below=grid is None)
        dist_all = cached.dist
        votes, prefix = _votes(x, w, None, span, order, blocks, dist_all, grid)
        wins = Wins(x, cached, prefix, votes, grid, want_p=False)
        security = np.empty((b, n))
        for lo, hi in blocks:
            near = cached.distances(lo, hi) if grid is None else grid.distances(x, lo, hi, span)
            _, p_t = wins.rows(lo, hi)
            _, e_ji = _utilities(
                s, lo, hi, near, None, p_t, None, q, to_median, to_median_cols, inv
            )
            not_self = np.arange(n)[None, :] != np.arange(lo, hi)[:, None]
            security[:, lo:hi] = np.where(not_self, e_ji, 0.0).sum(axis=-1)
        del prefix, wins  # (one prefix table alive at a time)
        hi_sec = security.max(axis=-1, keepdims=True)
        lo_sec = security.min(axis=-1, keepdims=True)
        width = hi_sec - lo_sec
        big_r = np.where(
            width > 0, (2 * security - hi_sec - lo_sec) / np.where(width > 0, width, 1), 0
        )
        r = (1 - big_r / 3) / (1 + big_r / 3)
        # offers with the actors' own risk exponents
        votes, prefix = _votes(x, w, r, span, order, blocks, dist_all, grid)
        wins = Wins(x, cached, prefix, votes, grid, want_p=True)
        new = np.empty_like(x)
        for lo, hi in blocks:
            dist = cached.distances(lo, hi)
            near = dist if grid is None else grid.distances(x, lo, hi, span)
            p, p_t = wins.rows(lo, hi)
            e_ij, e_ji = _utilities(s, lo, hi, near, p, p_t, r, q, to_median, to_median_cols, inv)
            assert e_ij is not None
            new[:, lo:hi] = _accept_offers(x, lo, hi, dist, e_ij, e_ji)
        del prefix, wins, cached, dist_all
        x = new
        hist[:, t + 1] = x
    return hist


def _voters_below_midpoints(x: NDArray[np.float64]) -> NDArray[np.integer]:
    """below[a, b]: how many actors lie strictly below the midpoint of x_a and x_b."""
    order = np.argsort(x, axis=-1, kind="stable")
    return count_below(x, np.take_along_axis(x, order, axis=-1), order, 0, x.shape[1])


def _votes(
    x: FloatArray,
    w: FloatArray,
    r: FloatArray | None,
    span: FloatArray,
    order: NDArray[np.intp],
    blocks: list[tuple[int, int]],
    dist_all: FloatArray | None = None,
    grid: DistinctPositions | None = None,
) -> tuple[FloatArray, FloatArray]:
    """The votes of the voters k on the positions l, A_kl = c_k s_k (|x_k − x_l|/R)^r_k:
    their total Σ_k Σ_{l,m} |A_kl − A_km| (b, 1, 1) and the prefix table (b, n + 1, n) of
    Σ_k A_kl over the first voters in order of position. With ``grid`` the table's columns
    are the distinct positions (b, n + 1, len(grid.u)), whose votes are computed once each.

    Σ_{l,m} |y_l − y_m| = 2 Σ_i (2i − n + 1) y_(i) for each sorted row y. The rows are built a
    block of voters at a time and put in their place in the table, which is then summed in
    place, block after block (the same sums, in the same order, as over the whole table)."""
    b, n = x.shape
    coef = 2.0 * (2.0 * np.arange(n) - n + 1)
    per_voter = np.empty((b, n))
    prefix = np.empty((b, n + 1, n if grid is None else grid.u.size))
    prefix[:, 0] = 0.0
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.arange(n)[None, :], axis=-1)
    draw = np.arange(b)[:, None]
    for lo, hi in blocks:
        if grid is not None:  # the distances to the actors at u_j
            dist = grid.distances(x, lo, hi, span)
        else:
            dist = pair_distances(x, lo, hi, span) if dist_all is None else dist_all[:, lo:hi]
        util_loss = w[:, lo:hi, None] * (dist if r is None else dist ** r[:, lo:hi, None])
        if grid is None or grid.u.size * _FEW_POSITIONS > n:
            ranked = np.sort(util_loss if grid is None else util_loss.take(grid.inv, axis=-1))
        else:  # few positions: each one's vote, sorted, repeated for the actors there
            by_vote = np.argsort(util_loss, axis=-1)
            ranked = np.repeat(
                np.take_along_axis(util_loss, by_vote, axis=-1).reshape(-1),
                grid.counts[by_vote].reshape(-1),
            ).reshape(b, hi - lo, n)
        # (a product and numpy's pairwise sum, not a BLAS product: the same sums on any machine)
        per_voter[:, lo:hi] = (ranked * coef).sum(axis=-1)
        prefix[draw, rank[:, lo:hi] + 1] = util_loss
    for lo, hi in blocks:  # row lo already holds its sum
        part = prefix[:, lo : hi + 1]
        np.cumsum(part, axis=1, out=part)
    return per_voter.sum(axis=-1)[:, None, None], prefix


def _win_probability(
    x: FloatArray, dist: FloatArray, w: FloatArray, r: FloatArray | None, below: NDArray[np.integer]
) -> FloatArray:
    """P[a, b]: probability that x_a beats x_b (Scholz's code; see the module docstring).

    The numerator Σ_k max(0, v_k(a, b)) sums A_kb − A_ka (A_kl = c_k s_k (|x_k − x_l|/R)^r_k)
    over the voters nearer to x_a than to x_b, i.e. those on x_a's side of the midpoint;
    prefix sums over voters sorted by position give it in O(n²) per draw (voters exactly at
    the midpoint contribute nothing). The denominator sums |v_k(l, m)| over all ordered pairs:
    Σ_{l,m} |y_l − y_m| = 2 Σ_i (2i − n + 1) y_(i) for each sorted row y. (``dist`` is the
    matrix |x_a − x_b|/R, rebuilt here from ``x``.)
    """
    n = x.shape[1]
    span = x.max(axis=-1) - x.min(axis=-1)
    span = np.where(span > 0, span, 1.0)[:, None, None]
    order = np.argsort(x, axis=-1, kind="stable")
    votes, prefix = _votes(x, w, r, span, order, [(0, n)])
    p, _ = win_probabilities(x, x, 0, n, prefix, votes, below)
    assert p is not None
    return p


def _utilities(
    s: FloatArray,
    lo: int,
    hi: int,
    dist: FloatArray,
    p: FloatArray | None,
    p_t: FloatArray,
    r: FloatArray | None,
    q: float,
    to_median: FloatArray | None,
    to_median_cols: FloatArray | None = None,
    inv: NDArray[np.intp] | None = None,
) -> tuple[FloatArray | None, FloatArray]:
    """E_ij (i challenges j; None when ``p`` is None) and E_ji (j challenges i) for the rows i
    in lo:hi, both from i's view (risk exponent r_i; ``r=None`` means every exponent is 1).

    With ``inv`` the columns of ``dist``, ``p`` and ``p_t`` are the distinct positions u_j
    (``to_median_cols``: |u_j − μ| / R): what depends on the column's position only is
    computed there and read back for every actor j (``inv``), the same operations in the
    same order, so the same numbers."""
    ri = np.ones((1, 1, 1)) if r is None else r[:, lo:hi, None]
    if r is None:
        u_success, u_failure, u_status_quo = 2 * dist, -2 * dist, np.zeros((1, 1, 1))
    else:
        u_success = 2 - 4 * (0.5 - 0.5 * dist) ** ri  # eq. (15)
        u_failure = 2 - 4 * (0.5 + 0.5 * dist) ** ri  # eq. (16)
        u_status_quo = 2 - 4 * 0.5**ri  # eq. (24)
    cols_to_median = to_median if inv is None else to_median_cols
    s_i = s[:, lo:hi, None]
    e_ji = s_i * (p_t * u_success + (1 - p_t) * u_failure) + (1 - s_i) * u_success
    e_ji = e_ji - q * u_status_quo
    if q < 1:
        assert cols_to_median is not None
        # eq. (22), T = 1: the challenger a is better off; |x_a − μ| + |x_a − x_b|, over R
        better_ji = 2 - 4 * (0.5 - 0.25 * (cols_to_median[:, None, :] + dist)) ** ri
        e_ji = e_ji - (1 - q) * better_ji
    e_ij = None
    if p is not None:
        mix = p * u_success + (1 - p) * u_failure
        better_ij = None
        if q < 1:
            assert to_median is not None
            better_ij = 2 - 4 * (0.5 - 0.25 * (to_median[:, lo:hi, None] + dist)) ** ri
        if inv is not None:
            mix, u_success = mix.take(inv, axis=-1), u_success.take(inv, axis=-1)
            better_ij = None if better_ij is None else better_ij.take(inv, axis=-1)
        s_j = s[:, None, :]
        e_ij = s_j * mix + (1 - s_j) * u_success
        e_ij = e_ij - q * u_status_quo
        if better_ij is not None:
            e_ij = e_ij - (1 - q) * better_ij
    if inv is not None:
        e_ji = e_ji.take(inv, axis=-1)
    return e_ij, e_ji


def _accept_offers(
    x: FloatArray, lo: int, hi: int, dist: FloatArray, e_ij: FloatArray, e_ji: FloatArray
) -> FloatArray:
    """Each actor i in lo:hi takes its best offer (module docstring); all move at once.

    An offer is made on few of the pairs, so each kind is worked on where it is made and the
    best of each row found by a minimum over its offers: the numbers of the whole table."""
    rows, n = e_ij.shape[1:]
    other = x[:, lo:hi, None] != x[:, None, :]
    abs_ij = np.abs(e_ij)
    confront = other & (e_ji > e_ij) & (e_ij > 0)
    compromise = other & (e_ji > 0) & (e_ij < 0) & (e_ji > abs_ij)
    out = x[:, lo:hi].copy()
    flat = out.reshape(-1)  # one value per (draw, row): the row's position unless it moves
    x_all = x.reshape(-1)
    x_rows = flat.copy()
    # compromise with the smallest weighted point, the lower landing point on a tie
    at = np.flatnonzero(compromise)
    if at.size:
        row, j = np.divmod(at, n)
        x_i, x_j = x_rows[row], x_all[row // rows * n + j]
        a_ij, e = abs_ij.reshape(-1)[at], e_ji.reshape(-1)[at]
        a_ji = np.abs(e)
        landing = x_i + (x_j - x_i) * (a_ij / e)
        key = (a_ij * x_i + a_ji * x_j) / (a_ij + a_ji)
        where, best = _rows_of(row, key, landing)
        flat[where] = best
    # nearest confrontation, the lower position on a tie (taken over any compromise)
    at = np.flatnonzero(confront)
    if at.size:
        row, j = np.divmod(at, n)
        gap = dist[row // rows, row % rows, j]  # |x_i − x_j| / R
        where, best = _rows_of(row, gap, x_all[row // rows * n + j])
        flat[where] = best
    return out


def _rows_of(
    row: NDArray[np.intp], key: FloatArray, value: FloatArray
) -> tuple[NDArray[np.intp], FloatArray]:
    """For entries sorted by ``row``: the rows that have any, and in each the smallest
    ``value`` among its entries of the smallest ``key``."""
    first = np.flatnonzero(np.r_[True, row[1:] != row[:-1]])
    counts = np.diff(np.r_[first, row.size])
    least = np.repeat(np.minimum.reduceat(key, first), counts)
    return row[first], np.minimum.reduceat(np.where(key == least, value, np.inf), first)
