"""Progress of long forecast work on stderr: a transient rich bar with the time left, only on a
terminal and only for work estimated to take more than a few seconds; off a terminal, one plain
line for work estimated to take long."""

from __future__ import annotations

import sys
from typing import Any

SHOW_FROM_S = 3.0  # estimated seconds from which a terminal shows a bar
NOTE_FROM_S = 60.0  # estimated seconds from which a log gets a line


def duration(seconds: float) -> str:
    """``seconds`` as "40 s", "3 min", "2 h 5 min"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


class StderrProgress:
    """A :class:`pourparler.forecast.progress.ProgressSink` that draws on stderr."""

    def __init__(self, *, enabled: bool = True) -> None:
        self.enabled = enabled
        self.bar: Any = None
        self.task: Any = None
        self._console: Any = None

    def _terminal(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True)
        return self._console if self._console.is_terminal else None

    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        if not self.enabled:
            return
        err = self._terminal()
        if err is None:
            if estimate_s is not None and estimate_s >= NOTE_FROM_S:
                sys.stderr.write(
                    f"pourparler: {what}: {total:,} to run, up to about {duration(estimate_s)}\n"
                )
                sys.stderr.flush()
            return
        if estimate_s is not None and estimate_s < SHOW_FROM_S:
            return
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        label = what if estimate_s is None else f"{what} (up to about {duration(estimate_s)})"
        columns: list[Any] = [SpinnerColumn(), TextColumn(label.replace("[", "\\["))]
        if total > 1:
            columns += [BarColumn(), TextColumn("{task.completed}/{task.total}")]
            columns += [TimeRemainingColumn()]
        else:
            columns += [TimeElapsedColumn()]
        self.bar = Progress(*columns, console=err, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(what, total=total)

    def advance(self, n: int) -> None:
        if self.bar is not None:
            self.bar.advance(self.task, n)

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
