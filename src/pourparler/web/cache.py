"""Bounded in-memory stores of the web app: scenarios by digest and analysis results by key.

Nothing is written to disk. A scenario enters the store only once it has been fully read and
validated; a result enters the result cache only once its computation has succeeded, so a
failure leaves nothing behind. Concurrent requests for the same result share one computation.
"""

from __future__ import annotations

import asyncio
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pourparler.scenario import Scenario

MAX_SCENARIOS = 32  # uploaded or changed scenarios kept (built-ins are kept besides)
MAX_RESULTS = 64  # analysis results (and read uploads) kept
MAX_PENDING = 64  # analyses queued or running at once; more are refused as busy


class Busy(Exception):
    """Too many analyses are queued or running; the request should be tried again later."""


class ScenarioStore:
    """Scenarios keyed by :meth:`Scenario.digest`: the built-ins pinned, the others in a
    least-recently-used store of at most ``limit`` entries."""

    def __init__(self, limit: int = MAX_SCENARIOS) -> None:
        self.limit = limit
        self._pinned: dict[str, Scenario] = {}
        self._recent: OrderedDict[str, Scenario] = OrderedDict()
        self._lock = threading.Lock()

    def pin(self, scenario: Scenario) -> str:
        """Keep ``scenario`` for the life of the app; its digest."""
        key = scenario.digest()
        with self._lock:
            self._pinned[key] = scenario
        return key

    def add(self, scenario: Scenario) -> str:
        """Keep ``scenario`` (a validated one); its digest. The least recently used entry goes
        when the store is full."""
        key = scenario.digest()
        with self._lock:
            if key in self._pinned:
                return key
            self._recent[key] = scenario
            self._recent.move_to_end(key)
            while len(self._recent) > self.limit:
                self._recent.popitem(last=False)
        return key

    def get(self, key: str) -> Scenario | None:
        with self._lock:
            if key in self._pinned:
                return self._pinned[key]
            sc = self._recent.get(key)
            if sc is not None:
                self._recent.move_to_end(key)
            return sc

    def __len__(self) -> int:
        with self._lock:
            return len(self._pinned) + len(self._recent)


class ResultCache:
    """Results of analyses keyed by (scenario digest, analysis, parameters), at most ``limit``.

    :meth:`get` runs the computation on ``executor`` the first time a key is asked for; callers
    asking while it runs await the same computation. A computation that fails is forgotten, so
    the next request tries again; one that outlives its caller's time limit still finishes and
    is kept. More than ``pending`` computations at once raise :class:`Busy`."""

    def __init__(
        self, executor: Executor, limit: int = MAX_RESULTS, pending: int = MAX_PENDING
    ) -> None:
        self.executor = executor
        self.limit = limit
        self.pending = pending
        self._entries: OrderedDict[Hashable, Future[Any]] = OrderedDict()
        self._lock = threading.Lock()

    def _future(
        self, key: Hashable, compute: Callable[[], Any], executor: Executor | None = None
    ) -> Future[Any]:
        with self._lock:
            fut = self._entries.get(key)
            if fut is not None:
                self._entries.move_to_end(key)
                return fut
            if sum(not f.done() for f in self._entries.values()) >= self.pending:
                raise Busy(f"{self.pending} analyses are already running or queued")
            fut = (executor or self.executor).submit(compute)
            self._entries[key] = fut
            self._trim()
        fut.add_done_callback(lambda f: self._forget_failure(key, f))
        return fut

    def _trim(self) -> None:
        done = [k for k, f in self._entries.items() if f.done()]
        while len(self._entries) > self.limit and done:
            self._entries.pop(done.pop(0), None)

    def _forget_failure(self, key: Hashable, fut: Future[Any]) -> None:
        if fut.cancelled() or fut.exception() is not None:
            with self._lock:
                if self._entries.get(key) is fut:
                    del self._entries[key]

    async def get(
        self,
        key: Hashable,
        compute: Callable[[], Any],
        timeout: float,
        executor: Executor | None = None,
    ) -> Any:
        """The result for ``key``, computing it if need be (on ``executor``, else the cache's
        own); :class:`TimeoutError` after ``timeout`` seconds (the computation goes on and its
        result is kept)."""
        fut = self._future(key, compute, executor)
        return await asyncio.wait_for(asyncio.shield(asyncio.wrap_future(fut)), timeout)

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
