"""Where the batches of runs are computed: in this process, in worker processes, or on Ray.

The batches are fixed by the number of runs alone (:data:`BATCH_RUNS` each, the last one
shorter) and batch ``j`` draws from child ``j`` of ``SeedSequence(seed)``, spawned here in the
parent; so every backend and any number of workers computes the same batches from the same
seeds, and the results, gathered in batch order, are identical (Axelrod's and
:mod:`pourparler.forecast.montecarlo`'s scheme).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Literal

import numpy as np

from pourparler.dynamics.chunk import ChunkResult, run_chunk
from pourparler.dynamics.setup import SimulationSetup
from pourparler.errors import InputError

BATCH_RUNS = 100
Backend = Literal["local", "ray"]
BACKENDS = ("local", "ray")


class BackendError(InputError):
    """Bad input about where the runs are computed (the backend, Ray, its address), not about
    the scenario: a command names the option, not the scenario's file."""


def batches(runs: int) -> list[int]:
    """The runs of each batch: :data:`BATCH_RUNS` each, the last one holding what is left."""
    full, rest = divmod(runs, BATCH_RUNS)
    return [BATCH_RUNS] * full + ([rest] if rest else [])


def batch_seeds(seed: int | None, n: int) -> list[np.random.SeedSequence]:
    """One child of ``SeedSequence(seed)`` per batch."""
    return np.random.SeedSequence(seed).spawn(n)


_WORKER_SETUP: SimulationSetup | None = None


def _init_worker(setup: SimulationSetup) -> None:
    global _WORKER_SETUP
    _WORKER_SETUP = setup


def _worker_chunk(runs: int, seed: np.random.SeedSequence) -> ChunkResult:
    assert _WORKER_SETUP is not None
    return run_chunk(_WORKER_SETUP, runs, seed)


def run_batches(
    setup: SimulationSetup,
    runs: int,
    seed: int | None,
    *,
    backend: Backend = "local",
    workers: int = 1,
    ray_address: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> list[ChunkResult]:
    """Every batch's result, in batch order. ``progress`` is told the runs of each finished
    batch."""
    sizes = batches(runs)
    seeds = batch_seeds(seed, len(sizes))
    tell = progress or (lambda n: None)
    if backend == "ray":
        return _on_ray(setup, sizes, seeds, workers, ray_address, tell)
    if backend != "local":
        raise BackendError(f"backend: {backend!r}: expected one of {', '.join(BACKENDS)}")
    if workers <= 1 or len(sizes) <= 1:
        out = []
        for size, s in zip(sizes, seeds, strict=True):
            out.append(run_chunk(setup, size, s))
            tell(size)
        return out
    from concurrent.futures import ProcessPoolExecutor

    with ProcessPoolExecutor(
        max_workers=min(workers, len(sizes)), initializer=_init_worker, initargs=(setup,)
    ) as pool:
        results = []
        for size, res in zip(sizes, pool.map(_worker_chunk, sizes, seeds), strict=True):
            results.append(res)
            tell(size)
        return results


def _on_ray(
    setup: SimulationSetup,
    sizes: Sequence[int],
    seeds: Sequence[np.random.SeedSequence],
    workers: int,
    address: str | None,
    tell: Callable[[int], None],
) -> list[ChunkResult]:
    ray = import_ray()
    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {"address": address} if address else {"num_cpus": workers}
        if address:
            check_address(address)
        try:
            # Ray's own start-up lines (INFO, and a WARNING on token authentication) stay out
            # of the output: the command speaks for itself
            ray.init(include_dashboard=False, log_to_driver=False, logging_level="ERROR", **options)
        except (ConnectionError, ValueError, RuntimeError) as exc:
            why = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise BackendError(f"--ray-address: {address or '(local)'}: {why}") from None
    try:
        task = ray.remote(run_chunk)
        ref = ray.put(setup)
        pending = [task.remote(ref, size, s) for size, s in zip(sizes, seeds, strict=True)]
        out = []
        for size, handle in zip(sizes, pending, strict=True):
            out.append(ray.get(handle))
            tell(size)
        return out
    finally:
        if started:
            ray.shutdown()


ADDRESS_WAIT = 5.0  # seconds to wait for a Ray cluster's address to answer


def check_address(address: str) -> None:
    """A cluster address of the form HOST:PORT on which nothing answers is bad input at once;
    Ray itself would retry for minutes (``ray://`` and other URLs, and named addresses such as
    ``auto``, are left to Ray)."""
    import socket

    host, sep, port = address.rpartition(":")
    if "://" in address or not sep or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=ADDRESS_WAIT).close()
    except (OSError, OverflowError) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise BackendError(f"--ray-address: {address}: nothing answers there ({why})") from None


def import_ray() -> Any:
    """The ``ray`` module; bad input when it is not installed."""
    try:
        import ray
    except ImportError:
        raise BackendError(
            "backend: ray: Ray is not installed: pip install 'pourparler[ray]'"
        ) from None
    return ray
