"""Threads for the models' batches of draws and changes.

numpy and the compiled kernels release the GIL while they work, so batches computed side by
side in threads use the machine's cores. Every caller cuts its work into the same batches
whatever the number of threads, and each batch gives what it gives alone: the numbers never
depend on how many threads there are.
"""

from __future__ import annotations

import itertools
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

MAX_DEFAULT_WORKERS = 4  # threads by default: the machine's cores, at most this many

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    """Threads when none are asked for: the cores this process may run on, at most
    :data:`MAX_DEFAULT_WORKERS` (each thread holds a model's working set)."""
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(MAX_DEFAULT_WORKERS, cores))


def threads_for(workers: int | None) -> int:
    """``workers`` as a count of threads (None: :func:`default_workers`); ValueError unless a
    positive integer."""
    if workers is None:
        return default_workers()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive integer, got {workers!r}")
    return workers


def split_evenly(lo: int, hi: int, parts: int) -> list[tuple[int, int]]:
    """``lo:hi`` cut into at most ``parts`` contiguous runs of nearly equal length."""
    parts = max(1, min(parts, hi - lo))
    bounds = [lo + (hi - lo) * i // parts for i in range(parts + 1)]
    return list(itertools.pairwise(bounds))


def in_threads(fn: Callable[[T], R], items: Sequence[T], workers: int) -> Iterator[R]:
    """``fn`` of each item, in the items' order, computed by up to ``workers`` threads (in
    this thread, one after another, with one worker or one item). At most ``2 × workers``
    items are under way or waiting to be taken, so memory holds a few results, not all. A
    failure is raised when its result is reached; the items not yet started are then
    dropped."""
    if workers <= 1 or len(items) <= 1:
        yield from (fn(item) for item in items)
        return
    pool = ThreadPoolExecutor(max_workers=min(workers, len(items)))
    ahead: deque[Future[R]] = deque()
    following = iter(items)
    try:
        for item in itertools.islice(following, 2 * workers):
            ahead.append(pool.submit(fn, item))
        while ahead:
            result = ahead.popleft().result()
            for item in itertools.islice(following, 1):  # keep the threads busy
                ahead.append(pool.submit(fn, item))
            yield result
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
