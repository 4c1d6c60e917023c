"""What ``normalize`` reads: arguments expanded into input items, and each item's bytes.

:func:`expand_inputs` turns command-line arguments (files, directories, globs, ``-``) into a
stream of :class:`InputItem` in a stable order; nothing is read until :func:`read_input` runs,
usually in a worker process. Reading is bounded: an input larger than the size limit is refused,
and a gzip stream is inflated incrementally and stopped once it passes the limit.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import BinaryIO

import attrs

from .items import BytesRead, InputItem, Note

STDIN = "-"
# Files taken from a directory; a file named on the command line is read whatever its name.
PAGE_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml", ".txt", ".text", ".md"})
# Web archives (gzip allowed after the suffix): each HTML page record in one is an input.
ARCHIVE_SUFFIXES = (".warc", ".arc")
_GZIP_MAGIC = b"\x1f\x8b"
_GLOB_CHARS = frozenset("*?[")
_SIZE_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


class InputTooLarge(ValueError):
    """The input, or what its gzip stream inflates to, is over the size limit."""


class UnreadableInput(ValueError):
    """The input could not be read: a damaged archive record, an unreadable directory."""


class MissingInput(ValueError):
    """A command-line argument names no file, directory or glob match."""


@attrs.define
class Skipped:
    """Counts the files directory walks pass over: their names have no page or archive suffix."""

    files: int = 0


def expand_inputs(
    arguments: Iterable[str],
    stdin: BinaryIO,
    max_size: int,
    note: Note | None = None,
    skipped: Skipped | None = None,
    bytes_read: BytesRead | None = None,
) -> Iterator[InputItem]:
    """Yield one item per input named by ``arguments``, in order; no argument means stdin.

    A web archive gives one item per page record in it; ``note`` then gets a line saying what
    each archive held and skipped, and ``bytes_read`` each run of an archive's bytes read.

    Directories are walked recursively in name order, taking files whose name ends in a page
    suffix (``.gz`` allowed after it) and counting the other files in ``skipped``; hidden files
    and directories are left out. Symlinked directories are followed, but never back into a
    directory already on the way down, so a symlink loop ends. A broken symbolic link with a page
    name, or named as an argument, is an item that fails to read (:class:`UnreadableInput`), so
    the output says it is lost.
    Call :func:`check_arguments` first: a missing argument found here raises
    :class:`MissingInput` mid-stream.
    """
    arguments = list(arguments) or [STDIN]
    for argument in arguments:
        if argument == STDIN:
            yield InputItem("-", "stdin", _read_stdin(stdin, max_size))
            continue
        for item in _named(argument, skipped):
            yield from _file_items(item, note, bytes_read)


@attrs.frozen
class Total:
    """What the inputs come to, from their names alone: ``inputs``, None when only reading
    tells (stdin, the records of a web archive), and ``archive_bytes``, the archives' sizes."""

    inputs: int | None
    archive_bytes: int


def count_inputs(arguments: Iterable[str]) -> Total:
    """How many items :func:`expand_inputs` gives and how large the web archives among them
    are, reading no file."""
    arguments = list(arguments) or [STDIN]
    files = archives = archive_bytes = 0
    for argument in arguments:
        if argument == STDIN:
            continue
        for item in _named(argument, None):
            if _is_archive(item):
                archives += 1
                archive_bytes += os.path.getsize(item.path)
            else:
                files += 1
    known = STDIN not in arguments and not archives
    return Total(files if known else None, archive_bytes)


def names_one_input(arguments: Sequence[str]) -> bool:
    """Whether the arguments name one input as it is: stdin, or one file that is not a web
    archive. A directory, a glob or an archive stands for any number of inputs, even one."""
    if len(arguments) > 1:
        return False
    argument = arguments[0] if arguments else STDIN
    if argument == STDIN:
        return True
    is_file = os.path.lexists(argument) and not os.path.isdir(argument)
    return is_file and not _is_archive_name(argument)


def _named(argument: str, skipped: Skipped | None) -> Iterator[InputItem]:
    """The files an argument other than stdin names, each one item: nothing is read yet."""
    if os.path.isdir(argument):
        yield from _walk(Path(argument), Path(argument), (), skipped)
    elif os.path.exists(argument):
        yield InputItem(argument, Path(argument).name)
    elif os.path.islink(argument):  # it names a file that is gone: an input lost, said so
        yield InputItem(argument, Path(argument).name, problem=_link_problem(Path(argument)))
    else:
        matches = _glob(argument)
        if not matches:
            raise MissingInput(f"no such file or directory: {argument}")
        for match in matches:
            if os.path.isdir(match):
                yield from _walk(Path(match), Path(match), (), skipped)
            else:
                yield InputItem(match, Path(match).name)


def check_arguments(arguments: Iterable[str]) -> None:
    """Raise :class:`MissingInput` for the first argument that names nothing."""
    for argument in arguments:
        if argument != STDIN and not os.path.lexists(argument) and not _glob(argument):
            raise MissingInput(f"no such file or directory: {argument}")


def _glob(argument: str) -> list[str]:
    if not _GLOB_CHARS.intersection(argument):
        return []
    return sorted(glob.glob(argument, recursive=True))


def _walk(
    root: Path,
    directory: Path,
    ancestors: tuple[tuple[int, int], ...],
    skipped: Skipped | None,
) -> Iterator[InputItem]:
    try:
        status = directory.stat()
        entries = sorted(os.scandir(directory), key=lambda entry: entry.name)
    except OSError as error:  # said in the output: the pages in it are inputs lost
        problem = f"cannot read the directory: {error.strerror or error}"
        yield InputItem(str(directory), str(directory.relative_to(root)), problem=problem)
        return
    here = (status.st_dev, status.st_ino)
    if here in ancestors:
        return  # a symlink back up the tree: following it would never end
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError:  # a symbolic link round a loop (one that points at itself)
            is_dir = is_file = False
        if is_dir:
            yield from _walk(root, path, (*ancestors, here), skipped)
        elif not (_is_page_name(entry.name) or _is_archive_name(entry.name)):
            if skipped is not None:
                skipped.files += 1
        elif is_file:
            yield InputItem(str(path), str(path.relative_to(root)))
        elif entry.is_symlink():  # a dangling link is an input lost: the output says so
            yield InputItem(str(path), str(path.relative_to(root)), problem=_link_problem(path))


def _link_problem(link: Path) -> str:
    try:
        link.stat()
    except OSError as error:
        return f"broken symbolic link: {error.strerror or error}"
    return "symbolic link to something that is not a file"


def _file_items(
    item: InputItem, note: Note | None, bytes_read: BytesRead | None
) -> Iterator[InputItem]:
    """The inputs one file holds: itself, read later by a worker, or an archive's pages."""
    if not _is_archive(item):
        yield item
        return
    try:
        from .warc import input_items  # warcio is an optional extra
    except ImportError:
        problem = "reading web archives needs the [warc] extra: pip install 'unsyndicate[warc]'"
        yield attrs.evolve(item, problem=problem)
        return
    yield from input_items(item.path, item.relative, note, bytes_read)


def _is_archive(item: InputItem) -> bool:
    return item.problem is None and _is_archive_name(item.path)


def _is_archive_name(name: str) -> bool:
    return name.lower().removesuffix(".gz").endswith(ARCHIVE_SUFFIXES)


def _is_page_name(name: str) -> bool:
    name = name.lower().removesuffix(".gz")
    return os.path.splitext(name)[1] in PAGE_SUFFIXES


def read_input(item: InputItem, max_size: int) -> bytes:
    """The item's bytes, gzip inflated; raises :class:`InputTooLarge` past ``max_size``."""
    if item.problem is not None:
        raise UnreadableInput(item.problem)
    if item.data is not None:
        if item.data.startswith(_GZIP_MAGIC):
            return _read_gzip(io.BytesIO(item.data), max_size)
        return _limited(item.data, max_size)
    with open(item.path, "rb") as file:
        if os.fstat(file.fileno()).st_size > max_size:
            raise InputTooLarge(f"input is over the {format_size(max_size)} limit")
        head = file.read(2)
        file.seek(0)
        if head == _GZIP_MAGIC:
            return _read_gzip(file, max_size)
        return _limited(file.read(max_size + 1), max_size)


def _read_gzip(file: BinaryIO, max_size: int) -> bytes:
    """The inflated bytes; a cut-off or damaged stream is an :class:`UnreadableInput`."""
    # GzipFile.read(n) inflates only as far as n bytes: a gzip bomb stops at the limit.
    try:
        with gzip.GzipFile(fileobj=file, mode="rb") as stream:
            return _limited(stream.read(max_size + 1), max_size, "inflated ")
    except EOFError as error:
        raise UnreadableInput("truncated gzip: the file ends before the end of its data") from error
    except (gzip.BadGzipFile, zlib.error) as error:
        raise UnreadableInput(f"damaged gzip: {error}") from error


def _limited(data: bytes, max_size: int, what: str = "") -> bytes:
    if len(data) > max_size:
        raise InputTooLarge(f"{what}input is over the {format_size(max_size)} limit")
    return data


def _read_stdin(stdin: BinaryIO, max_size: int) -> bytes:
    # Over the limit, keep one byte more than allowed: read_input then refuses it with a record.
    return stdin.read(max_size + 1)


def parse_size(text: str) -> int:
    """``"50M"``, ``"512k"``, ``"1G"`` or a plain number of bytes; raises ValueError."""
    text = text.strip().lower().removesuffix("b").removesuffix("i")
    number, unit = (text[:-1], text[-1]) if text and text[-1] in _SIZE_UNITS else (text, "")
    value = int(float(number) * _SIZE_UNITS[unit])
    if value <= 0:
        raise ValueError(f"not a positive size: {text!r}")
    return value


def format_size(size: int) -> str:
    for unit, factor in (("G", 1024**3), ("M", 1024**2), ("K", 1024)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}B"
    return f"{size} bytes"
