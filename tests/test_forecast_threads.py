"""The threads the models' batches run in (``pourparler.forecast.threads``)."""

from __future__ import annotations

import threading
import time

import pytest

from pourparler.forecast.threads import default_workers, in_threads, split_evenly, threads_for


def test_split_evenly_covers_the_range_in_order() -> None:
    assert split_evenly(0, 10, 3) == [(0, 3), (3, 6), (6, 10)]
    assert split_evenly(5, 7, 4) == [(5, 6), (6, 7)]  # never an empty run
    assert split_evenly(2, 3, 1) == [(2, 3)]


def test_items_run_side_by_side_and_come_back_in_order() -> None:
    # each item waits for the other: only threads running both at once get past the barrier
    barrier = threading.Barrier(2, timeout=10)

    def both(k: int) -> int:
        barrier.wait()
        return k * 10

    assert list(in_threads(both, [1, 2], 2)) == [10, 20]
    assert list(in_threads(lambda k: k + 1, [3, 1, 2], 1)) == [4, 2, 3]


def test_only_a_few_items_run_ahead_of_the_one_taken() -> None:
    # results wait in memory until taken: a window of 2 x workers items, not all of them
    started: list[int] = []
    lock = threading.Lock()

    def record(k: int) -> int:
        with lock:
            started.append(k)
        return k

    results = in_threads(record, list(range(50)), 2)
    assert next(results) == 0
    time.sleep(0.2)  # time for the threads to run whatever they were given
    assert len(started) <= 5  # four ahead, and one given as the first was taken
    assert list(results) == list(range(1, 50))


def test_a_failure_is_raised_where_its_result_is_reached() -> None:
    def fails_on_two(k: int) -> int:
        if k == 2:
            raise ValueError("two")
        return k

    results = in_threads(fails_on_two, [1, 2, 3], 2)
    assert next(results) == 1
    with pytest.raises(ValueError, match="two"):
        next(results)


def test_default_workers_is_the_cores_at_most_four(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(
        os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5, 6, 7}, raising=False
    )
    assert default_workers() == 4
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    assert default_workers() == 1


def test_threads_for_takes_a_positive_count_or_none() -> None:
    assert threads_for(3) == 3 and threads_for(None) == default_workers()
    for bad in (0, -1, True, 2.5):
        with pytest.raises(ValueError, match="workers must be a positive integer"):
            threads_for(bad)  # type: ignore[arg-type]
