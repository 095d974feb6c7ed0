"""Progress of long forecast work on stderr. On a terminal: a transient rich bar with the time
left, shown from the start when the work is estimated to take more than a few seconds, or as
soon as the first steps show that it will. Off a terminal (a log, a pipe): one plain line, once
the first steps show that the work will take a minute or more."""

from __future__ import annotations

import sys
import time
from typing import Any

SHOW_FROM_S = 3.0  # seconds left from which a terminal shows a bar
NOTE_FROM_S = 60.0  # seconds left from which a log gets a line


def duration(seconds: float) -> str:
    """``seconds`` as "40 s", "3 min", "2 h 5 min"."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    minutes = round(seconds / 60)
    if minutes < 90:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


class StderrProgress:
    """A :class:`pourparler.forecast.progress.ProgressSink` that reports on stderr."""

    def __init__(self, *, terminal: bool | None = None) -> None:
        self._is_terminal = terminal
        self._console: Any = None
        self.bar: Any = None
        self.task: Any = None
        self.what = ""
        self.total = 0
        self.done = 0
        self.t0 = 0.0
        self.noted = False
        self.first: tuple[float, int] | None = None

    def _terminal(self) -> bool:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=True)
        if self._is_terminal is None:
            self._is_terminal = bool(self._console.is_terminal)
        return self._is_terminal

    def start(self, what: str, total: int, estimate_s: float | None) -> None:
        self.finish()
        self.what, self.total, self.done, self.noted = what, total, 0, False
        self.first = None
        self.t0 = time.perf_counter()
        if self._terminal() and (estimate_s is None or estimate_s >= SHOW_FROM_S):
            label = what if estimate_s is None else f"{what} (up to about {duration(estimate_s)})"
            self._show(label)

    def advance(self, n: int) -> None:
        self.done += n
        if self.done <= 0 or self.done >= self.total:
            if self.bar is not None:
                self.bar.update(self.task, advance=n, description=self.what.replace("[", "\\["))
            return
        now = time.perf_counter()
        if self.first is None:  # the first steps pay for warm-up (compiling, caches): the rate
            self.first = (now, self.done)  # comes from the steps after them when there are any
            left = (now - self.t0) / self.done * (self.total - self.done)
            early = True
        else:
            t1, d1 = self.first
            left = (now - t1) / (self.done - d1) * (self.total - self.done)
            early = False
        if self.bar is not None:  # the time left, from the steps done
            label = f"{self.what} (about {duration(left)} left)".replace("[", "\\[")
            self.bar.update(self.task, advance=n, description=label)
            return
        if self.noted:
            return
        if self._terminal():
            if left >= SHOW_FROM_S:
                self._show(f"{self.what} (about {duration(left)} left)")
        elif left >= NOTE_FROM_S and not early:
            sys.stderr.write(
                f"pourparler: {self.what}: {self.done:,} of {self.total:,} done, "
                f"about {duration(left)} left\n"
            )
            sys.stderr.flush()
            self.noted = True

    def _show(self, label: str) -> None:
        from rich.progress import (
            BarColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.description}")]
        if self.total > 1:
            columns += [BarColumn(), TextColumn("{task.completed}/{task.total}")]
        columns += [TimeElapsedColumn()]
        self.bar = Progress(*columns, console=self._console, transient=True)
        self.bar.start()
        self.task = self.bar.add_task(
            label.replace("[", "\\["), total=self.total, completed=self.done
        )

    def finish(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None
