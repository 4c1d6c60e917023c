"""A progress line on stderr for long ``normalize`` runs: inputs done (or web archives' bytes
read), failures, rate, time left."""

from __future__ import annotations

import sys
import time
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
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

    Given ``size``, the web archives' bytes, the bar counts their bytes read out of it instead
    (:meth:`read`), the inputs done beside it.

    Refreshed from the caller's thread (no refresh thread): worker processes are forked while
    it runs, and forking a process with other threads running is unsafe.
    """

    def __init__(
        self,
        *,
        enabled: bool,
        total: int | None = None,
        size: int | None = None,
        console: Console | None = None,
    ) -> None:
        self._bar: RichProgress | None = None
        self.done = self._failed = self._read = 0
        self._started = self._drawn = 0.0
        self._counts_bytes = size is not None
        if enabled:
            self._bar = RichProgress(
                *_columns(total, counts_bytes=self._counts_bytes),
                console=console or Console(stderr=True),
                auto_refresh=False,
                transient=True,
            )
            total = size if self._counts_bytes else total
            self._task = self._bar.add_task("", total=total, done=0, failed=0)

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
        """Count an input done."""
        self.done += 1
        self._failed += failed
        self._draw()

    def read(self, count: int) -> None:
        """Count ``count`` more bytes of the web archives read."""
        self._read += count
        self._draw()

    def _draw(self) -> None:
        now = time.monotonic()
        if self._bar is None or now - self._drawn < _REFRESH_SECONDS:
            return
        self._drawn = now
        rate = self.done / max(now - self._started, 1e-9)
        self._bar.update(
            self._task,
            completed=self._read if self._counts_bytes else self.done,
            done=self.done,
            failed=self._failed,
            description=f"{rate:.1f}/s",
        )
        self._bar.refresh()


def _columns(total: int | None, *, counts_bytes: bool) -> tuple[ProgressColumn, ...]:
    """A bar with inputs done of the total (or bytes read of the archives' size), percentage
    and time left; a counter with no total."""
    counted = TextColumn("{task.fields[done]} inputs, {task.fields[failed]} failed")
    rate = TextColumn("{task.description}")
    time_left = (TimeRemainingColumn(), TextColumn("left"))
    if counts_bytes:
        return (counted, BarColumn(), DownloadColumn(), TaskProgressColumn(), rate, *time_left)
    if total is None:
        return (SpinnerColumn(), counted, rate, TimeElapsedColumn())
    of_total = TextColumn("{task.fields[done]}/{task.total} inputs, {task.fields[failed]} failed")
    return (of_total, BarColumn(), TaskProgressColumn(), rate, *time_left)
