"""A progress line on stderr for long ``normalize`` runs: inputs done, failures, rate, time left."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    ProgressColumn,
    SpinnerColumn,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.progress import Progress as RichProgress

# Redrawn at most this often: a redraw per input would cost more than a small page's parse.
_REFRESH_SECONDS = 0.1


class Progress:
    """Counts inputs as they finish, out of ``total`` when it is known; draws nothing unless
    ``enabled``. It draws on ``console``, stderr unless given.

    Refreshed from the caller's thread (no refresh thread): worker processes are forked while
    it runs, and forking a process with other threads running is unsafe.
    """

    def __init__(
        self, *, enabled: bool, total: int | None = None, console: Console | None = None
    ) -> None:
        self._bar: RichProgress | None = None
        self.done = self._failed = 0
        self._started = self._drawn = 0.0
        if enabled:
            self._bar = RichProgress(
                *_columns(total),
                console=console or Console(stderr=True),
                auto_refresh=False,
                transient=True,
            )
            self._task = self._bar.add_task("", total=total, failed=0)

    def __enter__(self) -> Progress:
        self._started = time.monotonic()
        if self._bar is not None:
            self._bar.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.stop()

    @property
    def elapsed(self) -> float:
        """Seconds since the run started."""
        return time.monotonic() - self._started

    def note(self, line: str) -> None:
        """Write a line on stderr: on its own line, the bar drawn again below it."""
        if self._bar is None:
            print(line, file=sys.stderr, flush=True)
        else:
            self._bar.console.print(line, markup=False, highlight=False, soft_wrap=True)

    def advance(self, *, failed: bool) -> None:
        self.done += 1
        self._failed += failed
        now = time.monotonic()
        if self._bar is None or now - self._drawn < _REFRESH_SECONDS:
            return
        self._drawn = now
        rate = self.done / max(now - self._started, 1e-9)
        self._bar.update(
            self._task, completed=self.done, failed=self._failed, description=f"{rate:.1f}/s"
        )
        self._bar.refresh()


def _columns(total: int | None) -> tuple[ProgressColumn, ...]:
    """A bar with inputs done of the total, percentage and time left; a counter with no total."""
    rate = TextColumn("{task.description}")
    if total is None:
        counted = TextColumn("{task.completed} inputs, {task.fields[failed]} failed")
        return (SpinnerColumn(), counted, rate, TimeElapsedColumn())
    counted = TextColumn("{task.completed}/{task.total} inputs, {task.fields[failed]} failed")
    time_left = (TimeRemainingColumn(), TextColumn("left"))
    return (counted, BarColumn(), TaskProgressColumn(), rate, *time_left)
