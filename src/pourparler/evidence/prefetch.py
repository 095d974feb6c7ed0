"""Pages fetched ahead of the reader: the articles of a news feed are read one after another,
in order, but most of the time of each goes to waiting for its server, so while one is read
the next few are fetched, :data:`WORKERS` at a time and at most :data:`PER_HOST` at once from
one host (to be no burden on a news site). Reading and storing stay in order and on the
caller's thread; only the waiting overlaps."""

from __future__ import annotations

import threading
import urllib.parse
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from typing import TypeVar

T = TypeVar("T")

WORKERS = 4  # fetches at once
PER_HOST = 2  # fetches at once from one host
WINDOW = 8  # pages fetched ahead of the one read now


@contextmanager
def fetched_ahead(
    urls: Sequence[str],
    fetch: Callable[[str], T],
    workers: int | None = None,
    per_host: int | None = None,
    window: int | None = None,
) -> Iterator[Callable[[str], T]]:
    """A function giving ``fetch(url)`` for each of ``urls``, asked for in their order: while
    the caller works on one, the next ``window`` are fetched on ``workers`` threads, at most
    ``per_host`` at once from one host (defaults: :data:`WINDOW`, :data:`WORKERS`,
    :data:`PER_HOST`, read when called). What ``fetch`` raises is raised when its address is
    asked for; an address not in ``urls`` is fetched then and there. When the block ends, the
    fetches not started are dropped (those under way end by their own time limit)."""
    workers = WORKERS if workers is None else workers
    per_host = PER_HOST if per_host is None else per_host
    window = WINDOW if window is None else window
    order = {u: k for k, u in reversed(list(enumerate(urls)))}  # the first place of each
    hosts: dict[str, threading.BoundedSemaphore] = {}
    lock = threading.Lock()

    def polite(url: str) -> T:
        host = (urllib.parse.urlsplit(url).hostname or "").lower()
        with lock:
            gate = hosts.setdefault(host, threading.BoundedSemaphore(per_host))
        with gate:
            return fetch(url)

    pool = ThreadPoolExecutor(max_workers=max(1, workers), thread_name_prefix="pourparler-fetch")
    started: dict[str, Future[T]] = {}
    submitted = 0  # urls[:submitted] have been submitted

    def ahead_of(k: int) -> None:
        nonlocal submitted
        while submitted < min(len(urls), k + 1 + window):
            url = urls[submitted]
            if url not in started:
                started[url] = pool.submit(polite, url)
            submitted += 1

    def get(url: str) -> T:
        k = order.get(url)
        if k is None:
            return fetch(url)
        ahead_of(k)
        future = started.pop(url, None)
        if future is None:  # asked for twice: fetched again
            return fetch(url)
        return future.result()

    try:
        yield get
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
