"""Web archives in, Articles out: WARC and ARC files, plain or gzip, read as a stream.

Needs the ``[warc]`` extra (warcio). warcio reads both WARC and the older ARC format that early
Internet Archive crawls use; fastwarc, the faster reader, does not read ARC, and reading is a
small share of the time anyway (parsing the pages is the rest).

Each HTML response record becomes one :class:`Result`: an Article, or the error that stopped it.
Records that hold no page (requests, metadata, non-HTML, error statuses, truncated payloads) are
skipped and counted in a :class:`Tally`. Only one record is held in memory at a time.
"""

from __future__ import annotations

import os
import re
import zlib
from collections import Counter
from collections.abc import Iterator
from contextlib import AbstractContextManager, ExitStack, contextmanager
from typing import IO, Any, cast

import attrs
from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException
from warcio.timeutils import timestamp_to_iso_date

from ..model import Article
from ..pipeline import parse
from ..serialize import to_dict
from .items import BytesRead, InputItem, Note

_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_PAGE_RECORDS = frozenset({"response", "resource"})
_ARCHIVE_SUFFIX = re.compile(r"\.(?:warc|arc)(?:\.gz)?$", re.IGNORECASE)
_CHARSET = re.compile(r"""charset\s*=\s*["']?([\w.:-]{1,40})""", re.IGNORECASE)
# A larger "page" is a mislabelled download, not an article; reading it would break the promise
# of constant memory.
_MAX_PAGE_BYTES = 32 * 1024 * 1024
# What a damaged archive raises while warcio reads it.
_ARCHIVE_ERRORS = (
    ArchiveLoadFailed,
    StatusAndHeadersParserException,
    OSError,
    EOFError,
    ValueError,
    zlib.error,
)

Source = str | os.PathLike[str] | IO[bytes] | AbstractContextManager[IO[bytes]]


@attrs.frozen
class Record:
    """One page record read from an archive: where it came from and its payload.

    ``archive`` names the file. ``record_id`` is the WARC-Record-ID (ARC records have none:
    ``offset``, the record's byte offset in the file, identifies them as CDX indexes do).
    ``captured`` is the capture time in ISO 8601. ``problem`` says why the record could not be
    read, when it could not.
    """

    archive: str | None
    record_id: str | None
    url: str | None
    captured: str | None
    offset: int | None
    data: bytes = b""
    charset: str | None = None
    problem: str | None = None


@attrs.frozen
class Result:
    """What one page record gave: its Article, or the error that stopped it."""

    archive: str | None
    record_id: str | None
    url: str | None
    captured: str | None
    offset: int | None
    article: Article | None = None
    error: str | None = None


@attrs.define
class Tally:
    """Counts over a run: pages read, articles made, errors, and records skipped by reason.

    ``pages`` counts page records handed on unparsed (as ``normalize`` does, to its workers).
    """

    pages: int = 0
    articles: int = 0
    errors: int = 0
    skipped: Counter[str] = attrs.Factory(Counter)

    def add(self, result: Result) -> None:
        if result.article is None:
            self.errors += 1
        else:
            self.articles += 1

    def summary(self) -> str:
        """One line: ``12 articles, 1 error; skipped 3 not HTML, 1 truncated``."""
        if self.pages:
            line = f"{_plural(self.pages, 'page')} read"
        else:
            line = f"{_plural(self.articles, 'article')}, {_plural(self.errors, 'error')}"
        if self.skipped:
            reasons = ", ".join(
                f"{count} {reason}" for reason, count in sorted(self.skipped.items())
            )
            line += f"; skipped {reasons}"
        return line


def iter_articles(
    source: Source, tally: Tally | None = None, *, name: str | None = None
) -> Iterator[Result]:
    """Yield one :class:`Result` per HTML page record of a WARC or ARC file, in file order.

    ``source`` is a path, a binary file object, or something whose ``open()`` gives one (an
    fsspec ``OpenFile``); gzip is detected. ``name`` is the archive's name in the results
    (default: the path, or the file object's ``name``). Memory stays constant whatever the
    archive's size. Pass a :class:`Tally` to count articles, errors and skips.
    """
    for record in iter_records(source, tally, name=name):
        result = parse_record(record)
        if tally is not None:
            tally.add(result)
        yield result


def iter_records(
    source: Source, tally: Tally | None = None, *, name: str | None = None
) -> Iterator[Record]:
    """Yield the HTML page records of a WARC or ARC file, unparsed (arguments as above).

    A record that cannot be read comes with its ``problem`` set: an archive that cannot be
    opened gives one such record, and one too damaged to go on past some point ends with one
    naming the offset.
    """
    skipped = tally.skipped if tally is not None else Counter[str]()
    archive = name or _name(source)
    with ExitStack() as stack:
        try:
            records = ArchiveIterator(_open(source, stack), arc2warc=False)
        except _ARCHIVE_ERRORS as error:
            problem = f"unreadable archive: {_describe(error)}"
            yield Record(archive, None, None, None, None, problem=problem)
            return
        current: ArcWarcRecord | None = None
        try:
            for current in records:
                page = _read(current, skipped)
                if page is not None:
                    yield attrs.evolve(page, archive=archive, offset=records.get_record_offset())
                current = None
        except _ARCHIVE_ERRORS as error:
            # warcio cannot go on past damage: the rest of this archive is lost, not the run.
            url, captured, record_id = _where(current) if current else (None, None, None)
            problem = f"unreadable archive from offset {records.offset}: {_describe(error)}"
            yield Record(archive, record_id, url, captured, records.offset, problem=problem)


def input_items(
    path: str, relative: str, note: Note | None = None, bytes_read: BytesRead | None = None
) -> Iterator[InputItem]:
    """An archive's page records as ``normalize`` inputs, then its tally to ``note``.

    Each item keeps the archive's ``path`` and carries the record's ``url``, ``record_id``,
    ``captured`` and ``offset`` into its output record (an error record too); under ``-o DIR/``
    it is named ``<archive>/<offset>``. ``bytes_read`` is told of each block read from the file
    (compressed, as it is on disk), and of what damage left unread once reading stops.
    """
    folder = re.sub(_ARCHIVE_SUFFIX, "", relative)
    tally = Tally()
    source = path if bytes_read is None else _counted(path, bytes_read)
    for record in iter_records(source, tally, name=path):
        fields = {
            "url": record.url,
            "record_id": record.record_id,
            "captured": record.captured,
            "offset": record.offset,
        }
        yield InputItem(
            path,
            f"{folder}/{record.offset}.html",
            record.data,
            record.url,
            fields,
            record.charset,
            record.problem,
        )
        tally.pages += 1
    if note is not None:
        note(f"{path}: {tally.summary()}")


class _Counted:
    """A file that tells ``bytes_read`` of each block read from it."""

    def __init__(self, file: IO[bytes], bytes_read: BytesRead) -> None:
        self._file = file
        self._bytes_read = bytes_read
        self.position = 0

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self.position += len(data)
        self._bytes_read(len(data))
        return data

    def tell(self) -> int:
        return self.position


@contextmanager
def _counted(path: str, bytes_read: BytesRead) -> Iterator[IO[bytes]]:
    """The archive, open, counting its bytes read; at the end the rest of it counts as read."""
    with open(path, "rb") as file:
        counted = _Counted(file, bytes_read)
        yield cast(IO[bytes], counted)
        bytes_read(os.fstat(file.fileno()).st_size - counted.position)


def parse_record(record: Record) -> Result:
    """Parse a page record into a :class:`Result`; a failure becomes the result's ``error``."""
    result = Result(record.archive, record.record_id, record.url, record.captured, record.offset)
    if record.problem is not None:
        return attrs.evolve(result, error=record.problem)
    try:
        article = parse(record.data, record.url, charset=record.charset)
    # One bad page must not end a run over millions: the error, with its type, is the result.
    except Exception as error:
        return attrs.evolve(result, error=_describe(error))
    return attrs.evolve(result, article=article)


def to_record(result: Result) -> dict[str, Any]:
    """The result as a JSON-safe dict: the record's fields, then ``article`` and ``error``."""
    return {
        "archive": result.archive,
        "record_id": result.record_id,
        "url": result.url,
        "captured": result.captured,
        "offset": result.offset,
        "article": to_dict(result.article) if result.article is not None else None,
        "error": result.error,
    }


def _read(record: ArcWarcRecord, skipped: Counter[str]) -> Record | None:
    """The page in a record, or None (counted in ``skipped``) when it holds no page."""
    if record.rec_type == "revisit":
        skipped["revisit"] += 1
        return None
    if record.rec_type not in _PAGE_RECORDS:
        return None
    if record.rec_headers.get_header("WARC-Truncated"):
        skipped["truncated"] += 1
        return None
    status = record.http_headers.get_statuscode() if record.http_headers else None
    if status and not status.startswith("2"):
        skipped["not HTTP 2xx"] += 1
        return None
    content_type = _content_type(record)
    if content_type.split(";")[0].strip().lower() not in _HTML_TYPES:
        skipped["not HTML"] += 1
        return None
    url, captured, record_id = _where(record)
    data = record.content_stream().read(_MAX_PAGE_BYTES + 1)
    if len(data) > _MAX_PAGE_BYTES:
        skipped["too large"] += 1
        return None
    # The file ended before the record's declared length: a cut-off download.
    if getattr(record.raw_stream, "limit", 0) > 0:
        skipped["truncated"] += 1
        return None
    match = _CHARSET.search(content_type)
    return Record(None, record_id, url, captured, None, data, match.group(1) if match else None)


def _name(source: Source) -> str | None:
    if isinstance(source, str | os.PathLike):
        return os.fspath(source)
    name = getattr(source, "name", None)
    return name if isinstance(name, str) else None


def _open(source: Source, stack: ExitStack) -> IO[bytes]:
    if isinstance(source, str | os.PathLike):
        return stack.enter_context(open(source, "rb"))
    # A file object is a context manager too: only something that cannot be read is opened.
    if hasattr(source, "read"):
        return cast(IO[bytes], source)
    return stack.enter_context(source)


def _content_type(record: ArcWarcRecord) -> str:
    """The payload's type: the HTTP header, else what the archive says."""
    if record.http_headers is not None:
        served = record.http_headers.get_header("Content-Type")
        if served:
            return str(served)
    headers = record.rec_headers
    identified = headers.get_header("WARC-Identified-Payload-Type")
    if record.format == "arc" or identified:
        return str(identified or headers.get_header("content-type") or "")
    # A resource record's own Content-Type is its payload's; a response's is application/http.
    return str(headers.get_header("Content-Type") or "") if record.rec_type == "resource" else ""


def _where(record: ArcWarcRecord) -> tuple[str | None, str | None, str | None]:
    """The record's URL, capture time (ISO 8601) and record id."""
    headers = record.rec_headers
    if record.format == "arc":
        stamp = headers.get_header("archive-date")
        return headers.get_header("uri"), timestamp_to_iso_date(stamp) if stamp else None, None
    return (
        headers.get_header("WARC-Target-URI"),
        headers.get_header("WARC-Date"),
        headers.get_header("WARC-Record-ID"),
    )


def _describe(error: BaseException) -> str:
    message = str(error).strip().splitlines()
    return f"{type(error).__name__}: {message[0]}" if message else type(error).__name__


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"
