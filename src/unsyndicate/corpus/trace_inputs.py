"""What ``normalize trace`` reads: Article JSON lines, or pages parsed on the way.

A file (gzipped or not) or stdin holds Article records, one a line, as ``normalize`` writes
them, when its opening (a byte-order mark and blank lines skipped) is a ``{`` or a line of it is
a JSON object: a bad first line does not make the file a page. Records are read as a stream, in
batches of lines, so a corpus of any length passes through in bounded memory; a bad line is a
problem reported with its line number. Anything else is read as ``normalize`` reads it (pages,
directories, globs, web archives) and parsed; a file that gives neither a title nor any text is
a problem too, never a silent empty page. Each batch or page becomes sketches in a worker
process (:func:`sketch_work`).
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, BinaryIO, cast

import attrs

from ..errors import ParseError
from ..pipeline import parse, parse_text
from ..trace import Sketch, sketch
from .batch import Failure
from .convert import looks_like_html
from .inputs import STDIN, expand_inputs, read_input
from .items import InputItem, Note

# Records per batch sent to a worker: enough to make the trip worth it, few enough to stream.
BATCH = 200
# How much of an input's opening is read to tell JSON lines from a page.
HEAD = 1 << 16
_GZIP_MAGIC = b"\x1f\x8b"
_BOM = b"\xef\xbb\xbf"


@attrs.frozen
class Lines:
    """A batch of JSON lines from ``path``, the first of them line number ``first``."""

    path: str
    first: int
    lines: tuple[bytes | None, ...]  # None: a line over the size limit


@attrs.frozen
class Problem:
    """A record or page that failed: ``where`` names it (``path``, or ``path:line``)."""

    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


@attrs.frozen
class Sketched:
    """What one batch or page gave: sketches, and a problem for each record or page that failed."""

    sketches: tuple[Sketch, ...] = ()
    problems: tuple[Problem, ...] = ()


def work_items(
    arguments: Iterable[str], stdin: BinaryIO, max_size: int, note: Note | None = None
) -> Iterator[Lines | InputItem]:
    """Batches of JSON lines and pages to sketch, in input order; no argument means stdin."""
    for argument in list(arguments) or [STDIN]:
        if argument == STDIN:
            buffered = cast(BinaryIO, io.BufferedReader(cast(Any, stdin), HEAD))
            if _holds_records(cast(Any, buffered).peek(HEAD)):
                yield from _batches(STDIN, buffered, max_size)
            else:
                yield InputItem(STDIN, "stdin", buffered.read(max_size + 1))
            continue
        for item in expand_inputs([argument], stdin, max_size, note):
            if item.data is None and item.problem is None and _file_holds_records(item.path):
                with _open(item.path) as stream:
                    yield from _batches(item.path, stream, max_size)
            else:
                yield item


def sketch_work(work: Lines | InputItem, max_size: int) -> Sketched:
    """Sketch a batch of records or a page; never raises."""
    if isinstance(work, Lines):
        return _sketch_lines(work)
    try:
        data = read_input(work, max_size)
        html = looks_like_html(data)
        if not html and _is_json(data):
            raise ParseError("JSON, but neither Article JSON lines nor a page")
        article = (parse if html else parse_text)(data, work.url, charset=work.charset)
    # Any error must cost this page only, as in `normalize`.
    except Exception as error:
        return Sketched(problems=(Problem(work.path, f"{type(error).__name__}: {error}"),))
    return Sketched(sketches=(sketch(article, path=work.path, capture=work.extra),))


def on_failure(work: Lines | InputItem, failure: Failure) -> Sketched:
    """A batch or page whose worker timed out or died."""
    where = f"{work.path}:{work.first}" if isinstance(work, Lines) else work.path
    return Sketched(problems=(Problem(where, f"{failure.kind.title()}: {failure.message}"),))


def _sketch_lines(work: Lines) -> Sketched:
    sketches: list[Sketch] = []
    problems: list[Problem] = []
    for number, line in enumerate(work.lines, work.first):
        where = f"{work.path}:{number}"
        if line is None:
            problems.append(Problem(where, "a line over the size limit"))
            continue
        if not line.strip():
            continue
        try:
            sketches.append(sketch(_record(line), path=where))
        except (ValueError, ParseError) as error:  # json's errors are ValueErrors
            problems.append(Problem(where, str(error)))
    return Sketched(tuple(sketches), tuple(problems))


def _record(line: bytes) -> dict[str, object]:
    data = json.loads(line)
    if not isinstance(data, dict):
        raise ValueError("not an Article record: not a JSON object")
    if "error" in data and "title" not in data:
        raise ValueError(f"an error record, no Article: {data['error']}")
    return data


def _batches(path: str, stream: BinaryIO, max_size: int) -> Iterator[Lines]:
    lines = _lines(stream, max_size)
    first = 1
    while batch := tuple(islice(lines, BATCH)):
        yield Lines(path, first, batch)
        first += len(batch)


def _lines(stream: BinaryIO, max_size: int) -> Iterator[bytes | None]:
    """The stream's lines; None for a line over ``max_size``, read past without being held."""
    while line := stream.readline(max_size + 1):
        if len(line) > max_size and not line.endswith(b"\n"):
            while (rest := stream.readline(max_size + 1)) and not rest.endswith(b"\n"):
                pass
            yield None
        else:
            yield line


def _holds_records(head: bytes) -> bool:
    """Whether an input opening with ``head`` holds JSON lines: after a byte-order mark and blank
    lines it opens with ``{``, or one of its whole lines is a JSON object."""
    head = _opening(head)
    return head[:1] == b"{" or any(
        isinstance(_value(line), dict) for line in head.split(b"\n")[:-1]
    )


def _is_json(data: bytes) -> bool:
    """Whether the data, or its first line, is a JSON array or object: no page."""
    data = _opening(data)
    if data[:1] not in (b"[", b"{"):
        return False
    return any(isinstance(_value(text), list | dict) for text in (data.split(b"\n", 1)[0], data))


def _opening(data: bytes) -> bytes:
    return data.removeprefix(_BOM).lstrip()


def _value(data: bytes) -> object:
    """The JSON value the data holds; None when it holds none."""
    try:
        return json.loads(data)
    except ValueError:  # json's errors, and bytes that are not text, are ValueErrors
        return None


def _file_holds_records(path: str) -> bool:
    try:
        with _open(path) as stream:
            return _holds_records(stream.read(HEAD))
    except (OSError, EOFError):
        return False  # read as a page: its reading then fails with a record of why


def _open(path: str) -> BinaryIO:
    """The file, inflated when gzipped."""
    file = open(path, "rb")  # noqa: SIM115 (the caller closes it)
    if file.peek(2)[:2] == _GZIP_MAGIC:
        file.close()
        return cast(BinaryIO, gzip.open(path, "rb"))
    return file
