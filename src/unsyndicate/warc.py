"""Web archives in, Articles out: the public name of :mod:`unsyndicate.corpus.warc`.

Needs the ``[warc]`` extra (warcio).
"""

from .corpus.warc import (
    Record,
    Result,
    Source,
    Tally,
    input_items,
    iter_articles,
    iter_records,
    parse_record,
    to_record,
)

__all__ = [
    "Record",
    "Result",
    "Source",
    "Tally",
    "input_items",
    "iter_articles",
    "iter_records",
    "parse_record",
    "to_record",
]
