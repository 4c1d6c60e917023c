"""Web archives and tracing on a Dask cluster: the public name of :mod:`unsyndicate.corpus.dask`.

Needs the ``[dask]`` extra.
"""

from .corpus.dask import (
    articles,
    groups,
    parquet_schema,
    to_row,
    write_jsonl,
    write_parquet,
)

__all__ = ["articles", "groups", "parquet_schema", "to_row", "write_jsonl", "write_parquet"]
