"""How long-running forecast work reports progress: a sink told what starts (with how many
steps and, when known, an estimate of the time it takes) and how far it has got."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol, runtime_checkable


@runtime_checkable
class ProgressSink(Protocol):
    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        """``what`` begins: ``total`` steps, about ``estimate_s`` seconds (None: unknown)."""

    def advance(self, n: int) -> None:
        """``n`` more steps are done."""

    def finish(self) -> None:
        """The work started last is over."""


class _Silent:
    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def finish(self) -> None:
        pass


class _Counter(_Silent):
    """A plain callback ``f(n)`` told of every ``n`` steps done."""

    def __init__(self, callback: Callable[[int], None]) -> None:
        self.callback = callback

    def advance(self, n: int) -> None:
        self.callback(n)


def as_sink(progress: ProgressSink | Callable[[int], None] | None) -> ProgressSink:
    """A sink from a sink, a callback taking the steps just done, or None (silent)."""
    if progress is None:
        return _Silent()
    if isinstance(progress, ProgressSink):
        return progress
    return _Counter(progress)
