"""Where ``normalize`` writes: a stream, one file, or one file per input in a directory.

Files are written atomically: to a temporary file beside the target, renamed over it once
complete, so an interrupted run never leaves a half-written file behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Protocol

from .convert import Outcome
from .inputs import PAGE_SUFFIXES

SUFFIXES = {"json": ".json", "jsonl": ".jsonl", "text": ".txt", "markdown": ".md"}


class Sink(Protocol):
    def write(self, outcome: Outcome) -> str | None:
        """Write one input's output; return why it could not be written, if it could not."""

    def close(self, *, commit: bool) -> None:
        """Finish the output; without ``commit`` (an interrupted run) leave nothing behind."""


class StreamSink:
    """Every output into one stream, each ending its line; a json array when ``array`` is set.

    Text and markdown outputs are separated by a blank line; with ``headers``, each comes after
    a line naming its input, ``==> path <==``, as ``head`` does with several files.
    """

    def __init__(
        self, stream: BinaryIO, format: str, *, array: bool, headers: bool = False
    ) -> None:
        self._stream = stream
        self._array = array
        self._headers = headers
        self._between = b",\n" if array else b"\n" if format in ("text", "markdown") else b""
        self._count = 0

    def write(self, outcome: Outcome) -> str | None:
        if not outcome.text:
            return None
        if self._count:
            self._stream.write(self._between)
        elif self._array:
            self._stream.write(b"[\n")
        if self._headers:
            self._stream.write(f"==> {outcome.item.label} <==\n".encode())
        self._stream.write(outcome.text.encode())
        if not self._array:
            self._stream.write(b"\n")
        self._count += 1
        self._stream.flush()
        return None

    def close(self, *, commit: bool) -> None:
        if self._array:
            self._stream.write(b"\n]\n" if self._count else b"[]\n")
        self._stream.flush()


class FileSink:
    """Every output into one file, which appears only when the run completes.

    A device or a pipe (``-o /dev/null``) is written in place: renaming over it would replace it.
    """

    def __init__(self, path: Path, format: str, *, array: bool, headers: bool = False) -> None:
        self._path = path
        self._in_place = path.exists() and not path.is_file()
        self._file: BinaryIO
        if self._in_place:
            self._file, self._name = open(path, "wb"), str(path)  # noqa: SIM115 (closed in close)
        else:
            self._file, self._name = _temporary_beside(path)
        self._stream = StreamSink(self._file, format, array=array, headers=headers)

    def write(self, outcome: Outcome) -> str | None:
        return self._stream.write(outcome)

    def close(self, *, commit: bool) -> None:
        if commit:
            self._stream.close(commit=True)
        if self._in_place:
            self._file.close()
        else:
            _finish(self._file, self._name, self._path if commit else None)


class DirectorySink:
    """One file per input under ``directory``, named after the input with the format's suffix.

    Two inputs that would write one file (``a.html`` and ``a.txt``) are caught by the file's
    time: anything newer than the run's start was written by this run. That needs no memory of
    the names written, however many inputs there are.
    """

    def __init__(self, directory: Path, format: str) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        self._directory = directory
        self._suffix = SUFFIXES[format]
        # The file system's own clock, which may lag time.time(), stamps the run's start.
        with tempfile.TemporaryFile(dir=directory) as stamp:
            self._started = os.fstat(stamp.fileno()).st_mtime_ns

    def write(self, outcome: Outcome) -> str | None:
        if not outcome.text:
            return None
        target = self._directory / output_name(outcome.item.relative, self._suffix)
        if not target.resolve().is_relative_to(self._directory.resolve()):
            return f"output name leaves {self._directory}: {outcome.item.relative}"
        if target.exists() and target.stat().st_mtime_ns >= self._started:
            return f"{target} was already written by another input of this run"
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            _write_atomically(target, outcome.text.encode() + b"\n")
        except OSError as error:
            return f"cannot write {target}: {error.strerror or error}"
        return None

    def close(self, *, commit: bool) -> None:
        pass  # each file was complete when it was renamed into place


def output_name(relative: str, suffix: str) -> str:
    """``sub/a.html.gz`` becomes ``sub/a.json``: ``.gz`` and a page suffix give way."""
    stem = relative.removesuffix(".gz").removesuffix(".GZ")
    base, page_suffix = os.path.splitext(stem)
    return (base if page_suffix.lower() in PAGE_SUFFIXES else stem) + suffix


def _temporary_beside(path: Path) -> tuple[BinaryIO, str]:
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    os.fchmod(handle, 0o666 & ~_UMASK)  # mkstemp makes 0600; the result should look like `>`'s
    return open(handle, "wb"), name


def _write_atomically(target: Path, data: bytes) -> None:
    temporary, name = _temporary_beside(target)
    try:
        temporary.write(data)
        _finish(temporary, name, target)
    except BaseException:
        temporary.close()
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def _finish(temporary: BinaryIO, name: str, target: Path | None) -> None:
    temporary.close()
    if target is None:
        os.unlink(name)
    else:
        os.replace(name, target)


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _current_umask()
