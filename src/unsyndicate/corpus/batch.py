"""Run a function over a stream of items in worker processes, results in input order.

Each worker is a process of its own with a pipe, given one item at a time, so that a stuck item
can be dealt with alone: past its time limit the worker is killed and replaced, and the item
gets a timeout result. A worker that dies (a crash in a C extension) costs only its item. At most
``window`` items are in flight or waiting for an earlier one to finish, so memory stays bounded
however long the stream is.
"""

from __future__ import annotations

import multiprocessing
import signal
import time
from collections.abc import Callable, Generator, Iterable
from multiprocessing.connection import Connection, wait
from typing import Generic, TypeVar

import attrs

Item = TypeVar("Item")
Result = TypeVar("Result")


@attrs.frozen
class Failure:
    """Why an item has no result of its own: ``kind`` is ``timeout`` or ``crash``."""

    kind: str
    message: str


@attrs.define
class _Worker(Generic[Item]):
    process: multiprocessing.process.BaseProcess
    connection: Connection
    index: int | None = None
    item: Item | None = None
    deadline: float = float("inf")


def run_ordered(
    work: Callable[[Item], Result],
    items: Iterable[Item],
    on_failure: Callable[[Item, Failure], Result],
    *,
    jobs: int,
    timeout: float | None = None,
    window: int | None = None,
) -> Generator[Result, None, None]:
    """Yield ``work(item)`` for each item, in the items' order, computed in ``jobs`` processes.

    ``work`` must not raise (turn errors into results); an item whose worker runs past
    ``timeout`` seconds or dies yields ``on_failure(item, failure)`` instead. Closing the
    iterator early stops the workers.
    """
    window = window or 4 * jobs
    context = multiprocessing.get_context("fork")
    workers: list[_Worker[Item]] = []
    done: dict[int, Result] = {}
    pending = iter(items)
    exhausted = False
    sent = yielded = 0
    try:
        while True:
            while not exhausted and sent - yielded < window:
                worker = _idle(workers) or _spawn(workers, jobs, context, work)
                if worker is None:
                    break
                try:
                    item = next(pending)
                except StopIteration:
                    exhausted = True
                    break
                _send(worker, sent, item, timeout)
                sent += 1
            if yielded == sent and exhausted:
                return
            _collect(workers, done, on_failure, context, work, timeout)
            while yielded in done:
                yield done.pop(yielded)
                yielded += 1
    finally:
        for worker in workers:
            _stop(worker)


def _idle(workers: list[_Worker[Item]]) -> _Worker[Item] | None:
    return next((worker for worker in workers if worker.index is None), None)


def _spawn(
    workers: list[_Worker[Item]],
    jobs: int,
    context: multiprocessing.context.BaseContext,
    work: Callable[[Item], Result],
) -> _Worker[Item] | None:
    """Start another worker when fewer than ``jobs`` run: a short stream starts only a few."""
    if len(workers) >= jobs:
        return None
    worker = _start(context, work)
    workers.append(worker)
    return worker


def _start(
    context: multiprocessing.context.BaseContext, work: Callable[[Item], Result]
) -> _Worker[Item]:
    parent, child = context.Pipe()
    process = context.Process(target=_serve, args=(child, work), daemon=True)  # type: ignore[attr-defined]
    process.start()
    child.close()
    return _Worker(process, parent)


def _serve(connection: Connection, work: Callable[[object], object]) -> None:
    """The worker's loop: an (index, item) in, (index, result) out, until the pipe closes."""
    # Ctrl-C reaches the whole process group: the parent alone decides, and stops the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            index, item = connection.recv()
        except EOFError:
            return
        connection.send((index, work(item)))


def _send(worker: _Worker[Item], index: int, item: Item, timeout: float | None) -> None:
    worker.index, worker.item = index, item
    worker.deadline = time.monotonic() + timeout if timeout else float("inf")
    worker.connection.send((index, item))


def _collect(
    workers: list[_Worker[Item]],
    done: dict[int, Result],
    on_failure: Callable[[Item, Failure], Result],
    context: multiprocessing.context.BaseContext,
    work: Callable[[Item], Result],
    timeout: float | None,
) -> None:
    """Wait for the next finished item (or the next deadline) and record what happened."""
    busy = [worker for worker in workers if worker.index is not None]
    nearest = min(worker.deadline for worker in busy)
    delay = None if nearest == float("inf") else max(0.0, nearest - time.monotonic())
    ready = wait([worker.connection for worker in busy], delay)
    now = time.monotonic()
    for position, worker in enumerate(workers):
        if worker.index is None:
            continue
        failure = None
        if worker.connection in ready:
            try:
                index, result = worker.connection.recv()
            except (EOFError, OSError):
                failure = Failure("crash", f"the worker process died ({_death(worker)})")
            else:
                done[index] = result
                worker.index, worker.item = None, None
                continue
        elif now >= worker.deadline:
            failure = Failure("timeout", f"no result within the {timeout:g} s time limit")
        if failure is not None:
            assert worker.item is not None and worker.index is not None
            done[worker.index] = on_failure(worker.item, failure)
            _stop(worker)
            workers[position] = _start(context, work)


def _death(worker: _Worker[Item]) -> str:
    worker.process.join(1)
    code = worker.process.exitcode
    if code is not None and code < 0:
        return f"killed by signal {-code}"
    return f"exit code {code}"


def _stop(worker: _Worker[Item]) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join()
    worker.connection.close()
