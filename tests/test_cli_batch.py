"""run_ordered: results in input order, a bounded window, timeouts and crashes per item."""

from __future__ import annotations

import multiprocessing
import os
import time
from collections.abc import Iterator

import pytest

from unsyndicate.corpus.batch import Failure, run_ordered


def slow_double(item: int) -> int:
    time.sleep(0.002 * (item % 5))  # later items often finish before earlier ones
    return item * 2


def failure(item: int, problem: Failure) -> int:
    return -item if problem.kind == "timeout" else -1000 - item


@pytest.mark.parametrize("jobs", [1, 3])
def test_results_come_in_input_order(jobs: int) -> None:
    assert list(run_ordered(slow_double, range(40), failure, jobs=jobs)) == [
        item * 2 for item in range(40)
    ]


def test_no_more_than_the_window_is_read_ahead() -> None:
    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for item in range(200):
            pulled += 1
            yield item

    ahead = []
    for count, _ in enumerate(run_ordered(slow_double, items(), failure, jobs=2, window=6), 1):
        ahead.append(pulled - count)
    assert max(ahead) <= 6
    assert pulled == 200


def stuck_on_three(item: int) -> int:
    if item == 3:
        while True:  # never returns, never sleeps
            pass
    return item


def dies_on_two(item: int) -> int:
    if item == 2:
        os._exit(3)
    return item


def test_a_stuck_item_times_out_alone() -> None:
    started = time.monotonic()
    results = list(run_ordered(stuck_on_three, range(6), failure, jobs=2, timeout=0.5))
    assert results == [0, 1, 2, -3, 4, 5]
    assert time.monotonic() - started < 5


def test_a_dead_worker_costs_its_item_only() -> None:
    assert list(run_ordered(dies_on_two, range(5), failure, jobs=2)) == [0, 1, -1002, 3, 4]


def test_closing_early_stops_the_workers() -> None:
    results = run_ordered(stuck_on_three, range(10), failure, jobs=2)
    assert [next(results), next(results)] == [0, 1]
    results.close()
    assert multiprocessing.active_children() == []
