"""The progress line ``normalize`` draws on a terminal, drawn here on a forced-terminal console."""

from __future__ import annotations

import io
import time

import pytest
from rich.console import Console

from unsyndicate.corpus.progress import Progress


class Clock:
    """A clock the test moves: the rate and the time left come out exact."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    clock = Clock()
    monkeypatch.setattr(time, "monotonic", clock)  # the rate and the pace of redraws
    return clock


def drawn(clock: Clock, total: int | None) -> list[str]:
    """The lines drawn while two inputs finish a second apart, the second one failed."""
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, width=100, color_system=None, get_time=clock
    )
    with Progress(enabled=True, total=total, console=console) as progress:
        for failed in (False, True):
            clock.now += 1
            progress.advance(failed=failed)
    return [line.strip() for line in screen.getvalue().replace("\x1b[2K", "").split("\r")]


def test_a_known_total_gives_a_bar_with_percentage_and_time_left(clock: Clock) -> None:
    lines = drawn(clock, total=10)
    first = next(line for line in lines if line.startswith("1/10 inputs"))
    assert first.startswith("1/10 inputs, 0 failed ━━━━")
    assert first.endswith("10% 1.0/s -:--:-- left")  # no time left from one sample
    second = next(line for line in lines if line.startswith("2/10 inputs"))
    assert second.startswith("2/10 inputs, 1 failed ━━━━━━━━")
    assert second.endswith("20% 1.0/s 0:00:08 left")  # 8 inputs to go at 1 a second


def test_no_total_gives_a_counter(clock: Clock) -> None:
    lines = drawn(clock, total=None)
    assert any(line.endswith("2 inputs, 1 failed 1.0/s 0:00:02") for line in lines)
    assert not any("left" in line or "%" in line or "/10" in line for line in lines)


def test_a_disabled_progress_draws_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    with Progress(enabled=False, total=3) as progress:
        progress.advance(failed=False)
    assert capsys.readouterr() == ("", "")


def test_a_note_ends_the_bars_line_and_the_bar_comes_back_below_it(clock: Clock) -> None:
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, width=100, color_system=None, get_time=clock
    )
    with Progress(enabled=True, total=None, console=console) as progress:
        clock.now += 1
        progress.advance(failed=False)
        progress.note("normalize: crawl.warc: 500 pages read")
        clock.now += 1
        progress.advance(failed=False)
    text = screen.getvalue()
    before, after = text.split("normalize: crawl.warc: 500 pages read")
    assert before.endswith("\x1b[2K")  # the bar's line is cleared, not written into
    assert after.startswith("\n") and "2 inputs, 0 failed" in after  # the bar, below


def test_web_archives_give_a_bar_of_bytes_read_with_the_inputs_beside_it(clock: Clock) -> None:
    screen = io.StringIO()
    console = Console(
        file=screen, force_terminal=True, width=120, color_system=None, get_time=clock
    )
    with Progress(enabled=True, size=4_000_000, console=console) as progress:
        for failed in (False, True):
            clock.now += 1
            progress.advance(failed=failed)
            clock.now += 1
            progress.read(1_000_000)  # drawn: done, failed, bytes read
    lines = [line.strip() for line in screen.getvalue().replace("\x1b[2K", "").split("\r")]
    last = " ".join(next(line for line in lines if "2.0/4.0 MB" in line).split())
    assert last.startswith("2 inputs, 1 failed ━━━━")
    # half the archives' 4 MB read in 4 s: 4 s left, whatever the inputs' count
    assert last.endswith("2.0/4.0 MB 50% 0.5/s 0:00:04 left")
