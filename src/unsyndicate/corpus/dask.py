"""Web archives on a Dask cluster: one partition per archive, results to Parquet or JSON lines;
and tracing copies across a bag of Articles (:func:`groups`).

Needs the ``[dask]`` extra. The same code runs on a ``distributed.LocalCluster`` and on any Dask
cluster: make a ``distributed.Client`` first and Dask uses it. Archive paths are opened with
fsspec on the workers, so they may be local paths on a shared file system or URLs (``s3://``,
``https://``) when the matching fsspec backend is installed.

>>> bag = articles(["crawl-00000.warc.gz", "crawl-00001.warc.gz"])  # doctest: +SKIP
>>> write_parquet(bag, "out/")  # doctest: +SKIP
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from itertools import accumulate
from typing import Any

import attrs
import dask
import dask.bag
import fsspec
import pyarrow as pa
import pyarrow.parquet as pq
from dask.base import tokenize
from dask.highlevelgraph import HighLevelGraph

from ..model import Article
from ..serialize import to_dict
from ..trace import Group, Sketch, Verified, assemble, join, shingle_set, sketch, verify
from .warc import Result, iter_articles, to_record

# Rows go to Parquet in batches of this many, so a partition is never all in memory at once.
_BATCH = 1000
_RECORD_COLUMNS = {
    "archive": pa.string(),
    "record_id": pa.string(),
    "url": pa.string(),
    "captured": pa.string(),
    "offset": pa.int64(),
    "error": pa.string(),
}


def articles(paths: Iterable[str], storage_options: dict[str, Any] | None = None) -> dask.bag.Bag:
    """A lazy bag of :class:`~unsyndicate.warc.Result`, one partition per archive, in file order.

    ``storage_options`` go to fsspec (credentials, ``anon=True`` for public buckets...).
    """
    paths = list(paths)
    archives = dask.bag.from_sequence(paths, npartitions=max(len(paths), 1))
    return archives.map(_read_archive, storage_options or {}).flatten()


def write_jsonl(bag: dask.bag.Bag, directory: str) -> list[str]:
    """Write one JSON-lines file per partition (``to_record`` per line); return their paths."""
    return _write(bag, directory, "jsonl", _jsonl_part)


def write_parquet(bag: dask.bag.Bag, directory: str) -> list[str]:
    """Write one Parquet file per partition, one row per record; return their paths.

    Columns: the record's (archive, record_id, url, captured, offset, error), the Article's
    plain fields (strings, booleans, lists of strings) as they are, its nested fields
    (publisher, original, tags, body, media, notices) as JSON strings, and ``text``, the body as
    plain text.
    """
    return _write(bag, directory, "parquet", _parquet_part)


def parquet_schema() -> pa.Schema:
    """The schema :func:`write_parquet` writes."""
    article_columns = {field: _arrow_type(kind) for field, kind in _article_fields().items()}
    return pa.schema({**_RECORD_COLUMNS, **article_columns, "text": pa.string()})


def to_row(result: Result) -> dict[str, Any]:
    """One Parquet row: the record's fields, then the Article's (None when there is none)."""
    record = to_record(result)
    row = {column: record[column] for column in _RECORD_COLUMNS}
    article = to_dict(result.article) if result.article is not None else {}
    for field, kind in _article_fields().items():
        value = article.get(field)
        row[field] = value if value is None or _is_plain(kind) else json.dumps(value)
    row["text"] = result.article.text if result.article is not None else None
    return row


def groups(bag: dask.bag.Bag) -> list[Group]:
    """The groups of copies among a bag's Articles (or their dicts, or the :class:`Result`
    records of :func:`articles`), as :func:`unsyndicate.trace.groups` gives them in bag order.

    Sketches are made on the workers and kept there. Band keys are shuffled by key on the
    cluster into candidate pairs, and each pair is verified on the workers, its two pages'
    shingles brought together by two more shuffles; only the verified pairs (four numbers each)
    come back, to be joined into groups here. The grouped pages' records and shingles then come
    back to choose each group's source.
    """
    sketches = bag.map(_sketch).persist()
    parts = sketches.to_delayed()
    counts = dask.compute(*[dask.delayed(len)(part) for part in parts])
    starts = list(accumulate([0, *counts[:-1]]))
    numbered = list(zip(parts, starts, strict=True))
    entries = dask.bag.from_delayed(
        [dask.delayed(_band_entries)(part, start) for part, start in numbered]
    )
    pairs = entries.groupby(_first).map(_pairs).flatten().distinct()
    pages = dask.bag.from_delayed(
        [dask.delayed(_shingle_rows)(part, start) for part, start in numbered]
    )
    halves = _meet(pairs.map(lambda pair: (pair[0], pair[1])), pages).map(_half)
    verified = _meet(halves, pages).map(_verified).filter(_found).compute()
    grouped = join(sorted(verified, key=_order))
    wanted = {index for indices in grouped for index in indices}
    chosen = dict(
        dask.bag.from_delayed(
            [dask.delayed(_chosen)(part, start, wanted) for part, start in numbered]
        ).compute()
    )
    shingles = {index: shingle_set(found.shingles) for index, found in chosen.items()}
    return [
        assemble(indices, lambda index: chosen[index].member, shingles.__getitem__)
        for indices in grouped
    ]


def _pairs(bucket: tuple[int, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Each pair of pages sharing a band key, the earlier page first."""
    indices = sorted({index for _, index in bucket[1]})
    return [
        (first, second)
        for position, first in enumerate(indices)
        for second in indices[position + 1 :]
    ]


def _shingle_rows(part: list[Sketch | None], start: int) -> list[tuple[int, bytes]]:
    return [
        (index, found.shingles)
        for index, found in enumerate(part, start)
        if found is not None and found.bands
    ]


def _meet(keyed: dask.bag.Bag, pages: dask.bag.Bag) -> dask.bag.Bag:
    """Each ``(page, value)`` of ``keyed`` with that page's shingles: ``(page, shingles, value)``,
    brought together by a shuffle on the cluster."""
    tagged = dask.bag.concat([keyed.map(lambda row: (row[0], 1, row[1])), pages.map(_as_page)])
    return tagged.groupby(_first).map(_joined).flatten()


def _as_page(row: tuple[int, bytes]) -> tuple[int, int, bytes]:
    return (row[0], 0, row[1])


def _joined(group: tuple[int, list[tuple[int, int, Any]]]) -> list[tuple[int, bytes, Any]]:
    index, rows = group
    shingles = next((value for _, kind, value in rows if kind == 0), b"")
    return [(index, shingles, value) for _, kind, value in rows if kind == 1]


def _half(row: tuple[int, bytes, int]) -> tuple[int, tuple[int, bytes]]:
    """A pair's first page and its shingles, keyed by the second page."""
    first, shingles, second = row
    return (second, (first, shingles))


def _verified(row: tuple[int, bytes, tuple[int, bytes]]) -> Verified | None:
    second, shingles, (first, other) = row
    sets = {first: shingle_set(other), second: shingle_set(shingles)}
    return verify(first, second, sets.__getitem__)


def _found(pair: Verified | None) -> bool:
    return pair is not None


def _order(pair: Verified) -> tuple[int, int]:
    return (min(pair.small, pair.large), max(pair.small, pair.large))


def _sketch(item: Article | Mapping[str, Any] | Result) -> Sketch | None:
    if not isinstance(item, Result):
        return sketch(item)
    if item.article is None:
        return None
    capture = {"record_id": item.record_id, "offset": item.offset, "captured": item.captured}
    return sketch(item.article, path=item.archive, capture=capture)


def _band_entries(part: list[Sketch | None], start: int) -> list[tuple[int, int]]:
    return [
        (key, index)
        for index, found in enumerate(part, start)
        if found is not None
        for key in found.bands
    ]


def _first(entry: tuple[int, int]) -> int:
    return entry[0]


def _chosen(part: list[Sketch | None], start: int, wanted: set[int]) -> list[tuple[int, Sketch]]:
    return [
        (index, found)
        for index, found in enumerate(part, start)
        if index in wanted and found is not None
    ]


def _read_archive(path: str, storage_options: dict[str, Any]) -> Iterator[Result]:
    # Opened inside iter_articles, so an archive that cannot be opened is an error result.
    yield from iter_articles(fsspec.open(path, "rb", **storage_options), name=path)


def _write(bag: dask.bag.Bag, directory: str, suffix: str, writer: Any) -> list[str]:
    """Run ``writer(results, path)`` on each partition, in the task that reads it.

    A task of its own per partition, as Dask's ``to_textfiles`` makes, is fused with the reading
    task, so results stream from the archive into the file instead of being collected first.
    """
    fs, root = fsspec.core.url_to_fs(directory)
    fs.makedirs(root, exist_ok=True)
    paths = [
        f"{directory.rstrip('/')}/part-{index:05d}.{suffix}" for index in range(bag.npartitions)
    ]
    name = f"write-{suffix}-{tokenize(bag, directory)}"
    tasks = {(name, index): (writer, (bag.name, index), path) for index, path in enumerate(paths)}
    graph = HighLevelGraph.from_collections(name, tasks, dependencies=[bag])
    dask.bag.Bag(graph, name, bag.npartitions).compute()
    return paths


def _jsonl_part(results: Iterable[Result], path: str) -> list[str]:
    with fsspec.open(path, "w", encoding="utf-8") as out:
        for result in results:
            out.write(json.dumps(to_record(result), ensure_ascii=False) + "\n")
    return [path]


def _parquet_part(results: Iterable[Result], path: str) -> list[str]:
    schema = parquet_schema()
    with fsspec.open(path, "wb") as out, pq.ParquetWriter(out, schema) as parquet:
        batch: list[dict[str, Any]] = []
        for result in results:
            batch.append(to_row(result))
            if len(batch) == _BATCH:
                parquet.write_table(pa.Table.from_pylist(batch, schema))
                batch = []
        parquet.write_table(pa.Table.from_pylist(batch, schema))
    return [path]


def _article_fields() -> dict[str, Any]:
    """The Article's fields and their types, except ``url``, which the record gives."""
    fields = attrs.fields(attrs.resolve_types(Article))
    return {field.name: field.type for field in fields if field.name != "url"}


def _is_plain(kind: Any) -> bool:
    return kind in (str, str | None, bool, tuple[str, ...])


def _arrow_type(kind: Any) -> pa.DataType:
    if kind is bool:
        return pa.bool_()
    if kind == tuple[str, ...]:
        return pa.list_(pa.string())
    # Plain strings, and the nested fields as JSON text.
    return pa.string()
