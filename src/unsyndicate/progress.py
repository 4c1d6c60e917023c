"""A progress line on stderr for long ``normalize`` runs: inputs done, failures, rate."""

from __future__ import annotations

import time
from types import TracebackType

from rich.console import Console
from rich.progress import Progress as RichProgress
from rich.progress import SpinnerColumn, TextColumn, TimeElapsedColumn

# Redrawn at most this often: a redraw per input would cost more than a small page's parse.
_REFRESH_SECONDS = 0.1


class Progress:
    """Counts inputs as they finish; draws nothing unless ``enabled``.

    Refreshed from the caller's thread (no refresh thread): worker processes are forked while
    it runs, and forking a process with other threads running is unsafe.
    """

    def __init__(self, *, enabled: bool) -> None:
        self._bar: RichProgress | None = None
        self._done = self._failed = 0
        self._drawn = 0.0
        if enabled:
            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("{task.completed} inputs, {task.fields[failed]} failed"),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                auto_refresh=False,
                transient=True,
            )
            self._task = self._bar.add_task("", total=None, failed=0)

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

    def advance(self, *, failed: bool) -> None:
        self._done += 1
        self._failed += failed
        now = time.monotonic()
        if self._bar is None or now - self._drawn < _REFRESH_SECONDS:
            return
        self._drawn = now
        rate = self._done / max(now - self._started, 1e-9)
        self._bar.update(
            self._task, completed=self._done, failed=self._failed, description=f"{rate:.1f}/s"
        )
        self._bar.refresh()
