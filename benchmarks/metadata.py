"""Metadata on Mozilla Readability's test pages, against the values Readability itself extracts.

Usage: python benchmarks/metadata.py [DATA_DIR] [--misses FIELD]

DATA_DIR holds ``pages/<name>/source.html.gz`` and ``expected-metadata.json`` (default
``../shared/bench/readability``, relative to the repository root). For each field, the match rate
is over the pages where Readability gives a value; values are compared after normalisation:
title as :func:`unsyndicate.generic.title.same_title` compares headings, byline as its words
without "by" and "and", published date as its day, language and site name case-folded.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from _bench import add_bench_option, bench_folder

import unsyndicate
from unsyndicate.dates import parse_date
from unsyndicate.generic.title import same_title

ROOT = Path(__file__).resolve().parent.parent
_WORD = re.compile(r"\w+")
_BYLINE_NOISE = frozenset({"by", "and"})


def _byline_words(text: str) -> list[str]:
    return [word for word in _WORD.findall(text.casefold()) if word not in _BYLINE_NOISE]


def _within(found: str, expected: str) -> bool:
    """True when every word of our byline is in Readability's."""
    return set(_byline_words(found)) <= set(_byline_words(expected))


def _same_day(expected: str, found: str) -> bool:
    return (parse_date(expected) or "")[:10] == (parse_date(found) or "-")[:10]


def _folded(expected: str, found: str) -> bool:
    return expected.strip().casefold() == found.strip().casefold()


# field -> (key in expected-metadata.json, value from the Article, comparison)
FIELDS: dict[str, tuple[str, Callable[[unsyndicate.Article], str], Callable[[str, str], bool]]] = {
    "title": ("title", lambda a: a.title, lambda e, f: same_title(f, e)),
    "byline": (
        "byline",
        lambda a: ", ".join(a.authors),
        lambda e, f: _byline_words(e) == _byline_words(f),
    ),
    "site name": ("siteName", lambda a: a.publisher.name if a.publisher else "", _folded),
    "published": ("publishedTime", lambda a: a.published or "", _same_day),
    "language": ("lang", lambda a: a.language or "", _folded),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, help="default: BENCH/readability")
    add_bench_option(parser)
    parser.add_argument("--misses", choices=FIELDS, help="list the pages where FIELD differs")
    args = parser.parse_args()
    matched = dict.fromkeys(FIELDS, 0)
    expected_count = dict.fromkeys(FIELDS, 0)
    extra = dict.fromkeys(FIELDS, 0)
    agreed = 0
    data = bench_folder(args.data or args.bench / "readability")
    pages = sorted((data / "pages").iterdir())
    for page in pages:
        expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        html = gzip.decompress((page / "source.html.gz").read_bytes())
        try:
            article = unsyndicate.parse(html)
        except unsyndicate.ParseError:
            article = unsyndicate.Article(title="")
        for field, (key, value, same) in FIELDS.items():
            want, found = expected.get(key) or "", value(article)
            if not want:
                extra[field] += bool(found)
                continue
            expected_count[field] += 1
            agreed += field == "byline" and bool(found) and _within(found, want)
            if found and same(want, found):
                matched[field] += 1
            elif field == args.misses:
                print(f"  {page.name}: expected {want!r}, found {found!r}")
    rates = "  ".join(
        f"{field} {matched[field] / expected_count[field]:.3f} ({expected_count[field]})"
        for field in FIELDS
    )
    print(f"Readability metadata, {len(pages)} pages: {rates}")
    print("  values found where Readability has none: " + ", ".join(
        f"{field} {count}" for field, count in extra.items()
    ))  # fmt: skip
    print(
        f"  bylines whose every name is in Readability's (its own value often adds dates, roles"
        f" or desks): {agreed}/{expected_count['byline']}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
