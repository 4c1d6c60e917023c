"""Body and metadata quality on the real pages of ../shared/bench, optionally beside trafilatura.

Usage: python benchmarks/quality.py [--bench DIR] [--data aeb,readability,wcxb]
                                    [--compare trafilatura] [--worst N] [--misses FIELD]

Body: the AEB metric on every page. Per document, the 4-token shingles (tokens are ``\\w+``
runs, case kept) of the extracted body are matched against those of the gold body; true and
false positives and false negatives are normalised by their sum, precision and recall are
averaged over the documents where they are defined, and F1 is taken from the two means. Gold
bodies: ``articleBody`` (aeb, wcxb) and the visible text of Readability's ``expected.html``.
Each dataset gets one summary line per extractor: F1, precision, recall, the count of empty
bodies, of bodies under 200 characters, and of empty bodies where the gold has 50 words or more.
wcxb is also split by ``page_type``.

Metadata: title, author and published date on wcxb (its gold, where given) and on Readability's
pages (Readability's own values: title, byline, publishedTime), as match rates over the pages
with a gold value. Titles match once case and punctuation are set aside, or when one holds the
other and is at least 0.6 of its length; authors match when every word found is in the gold and
every name of two or more words in the gold (split on commas, "and", "&", ";", "|") is found,
so credentials after a name ("Jane Doe, MS, RD") are optional; dates match on the day.

``--compare trafilatura`` runs trafilatura's ``extract`` (JSON output with metadata, its body
being text and comments as its plain-text output gives them) on the same pages in the same run;
trafilatura is never a project dependency: install it beside the benchmark.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from _bench import add_bench_option, bench_folder
from selectolax.lexbor import LexborHTMLParser

import unsyndicate
from unsyndicate.dates import parse_date
from unsyndicate.generic.title import same_title

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ("aeb", "readability", "wcxb")
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4
_SHORT_BODY = 200
_GOLD_WORDS = 50


@dataclass(frozen=True)
class Page:
    dataset: str
    key: str
    url: str | None
    html: bytes
    body: str
    page_type: str = ""
    meta: dict[str, str] = field(default_factory=dict)  # title, author, date: gold where given


@dataclass(frozen=True)
class Extraction:
    body: str
    title: str = ""
    author: str = ""
    date: str = ""


# ---------------------------------------------------------------------------------------------
# The AEB metric


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    count = max(1, len(tokens) - _SHINGLE + 1)
    return Counter(tuple(tokens[i : i + _SHINGLE]) for i in range(count) if tokens)


def matching(truth: str, prediction: str) -> tuple[float, float, float]:
    """Normalised (true positives, false positives, false negatives) of one document."""
    expected, found = shingles(truth), shingles(prediction)
    tp = sum((expected & found).values())
    fp = sum((found - expected).values())
    fn = sum((expected - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def scores(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean([tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0] or [0])
    recall = statistics.mean([tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0] or [0])
    total = precision + recall
    return precision, recall, 2 * precision * recall / total if total else 0.0


def document_f1(tp: float, fp: float, fn: float) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


# ---------------------------------------------------------------------------------------------
# Metadata comparisons

_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|&]|\band\b)\s*", re.IGNORECASE)
_BYLINE_NOISE = frozenset({"by", "and"})


def _words(text: str) -> list[str]:
    return [word for word in _TOKEN.findall(text.casefold()) if word not in _BYLINE_NOISE]


def same_author(gold: str, found: str) -> bool:
    names = [_words(name) for name in _NAME_SEPARATORS.split(gold)]
    required = {word for name in names if len(name) >= 2 for word in name}
    found_words = set(_words(found))
    return bool(found_words) and found_words <= set(_words(gold)) and required <= found_words


def same_day(gold: str, found: str) -> bool:
    return bool(found) and (parse_date(gold) or "")[:10] == (parse_date(found) or "-")[:10]


METADATA: dict[str, Callable[[str, str], bool]] = {
    "title": lambda gold, found: same_title(found, gold),
    "author": same_author,
    "date": same_day,
}


# ---------------------------------------------------------------------------------------------
# Datasets


def _gunzip(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def _zyte_format(dataset: str, data: Path) -> Iterator[Page]:
    """aeb and wcxb: ``ground-truth.json`` beside ``html/<id>.html.gz``."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    for key, item in sorted(truth.items()):
        meta = {name: item[name] for name in METADATA if item.get(name)}
        yield Page(dataset, key, item.get("url") or None, _gunzip(data / "html" / f"{key}.html.gz"),
                   item.get("articleBody") or "", item.get("page_type", ""), meta)  # fmt: skip


def _visible_text(html: bytes) -> str:
    body = LexborHTMLParser(html).body
    return body.text(separator="\n") if body is not None else ""


def _readability(data: Path) -> Iterator[Page]:
    keys = {"title": "title", "author": "byline", "date": "publishedTime"}
    for page in sorted((data / "pages").iterdir()):
        expected = json.loads((page / "expected-metadata.json").read_text(encoding="utf-8"))
        meta = {name: expected[key] for name, key in keys.items() if expected.get(key)}
        body = _visible_text(_gunzip(page / "expected.html.gz"))
        yield Page("readability", page.name, None, _gunzip(page / "source.html.gz"), body, "", meta)


def load(bench: Path, dataset: str) -> Iterator[Page]:
    data = bench / dataset
    return _readability(data) if dataset == "readability" else _zyte_format(dataset, data)


# ---------------------------------------------------------------------------------------------
# Extractors


def _unsyndicate(page: Page) -> Extraction:
    try:
        article = unsyndicate.parse(page.html, page.url)
    except unsyndicate.ParseError:
        return Extraction("")
    return Extraction(article.text, article.title, ", ".join(article.authors),
                      article.published or "")  # fmt: skip


def _trafilatura() -> Callable[[Page], Extraction]:
    import trafilatura  # type: ignore[import-not-found]

    def extract(page: Page) -> Extraction:
        output = trafilatura.extract(
            page.html, url=page.url, output_format="json", with_metadata=True
        )
        if not output:
            return Extraction("")
        found = json.loads(output)
        body = "\n".join(part for part in (found.get("text"), found.get("comments")) if part)
        return Extraction(body, found.get("title") or "", found.get("author") or "",
                          found.get("date") or "")  # fmt: skip

    return extract


# ---------------------------------------------------------------------------------------------
# Report


@dataclass
class Tally:
    counts: list[tuple[float, float, float]] = field(default_factory=list)
    empty: int = 0
    short: int = 0
    empty_with_gold: int = 0

    def add(self, page: Page, body: str) -> tuple[float, float, float]:
        counts = matching(page.body, body)
        self.counts.append(counts)
        stripped = body.strip()
        self.empty += not stripped
        self.short += len(stripped) < _SHORT_BODY
        self.empty_with_gold += not stripped and len(_TOKEN.findall(page.body)) >= _GOLD_WORDS
        return counts

    def line(self, label: str) -> str:
        precision, recall, f1 = scores(self.counts)
        return (
            f"{label:<34} F1 {f1:.3f}  P {precision:.3f}  R {recall:.3f}  "
            f"empty {self.empty} (gold >= {_GOLD_WORDS} words: {self.empty_with_gold})  "
            f"< {_SHORT_BODY} chars {self.short}"
        )


def run(pages: list[Page], name: str, extract: Callable[[Page], Extraction],
        args: argparse.Namespace) -> dict[str, float]:  # fmt: skip
    """Print the summary lines of one extractor on one dataset; per-document F1 by key."""
    dataset = pages[0].dataset
    overall = Tally()
    by_type: dict[str, Tally] = defaultdict(Tally)
    matched: Counter[str] = Counter()
    expected: Counter[str] = Counter()
    per_doc: dict[str, float] = {}
    misses: list[str] = []
    for page in pages:
        found = extract(page)
        per_doc[page.key] = document_f1(*overall.add(page, found.body))
        if page.page_type:
            by_type[page.page_type].add(page, found.body)
        for meta_field, gold in page.meta.items():
            expected[meta_field] += 1
            value = getattr(found, meta_field)
            if METADATA[meta_field](gold, value):
                matched[meta_field] += 1
            elif meta_field == args.misses:
                misses.append(f"    {page.key}: gold {gold!r}, found {value!r}")
    print(overall.line(f"{dataset} {len(pages)} pages, {name}"))
    for page_type, tally in sorted(by_type.items()):
        print(tally.line(f"  {page_type} ({len(tally.counts)})"))
    if expected:
        print("  metadata: " + "  ".join(
            f"{name_} {matched[name_] / expected[name_]:.3f} ({expected[name_]})"
            for name_ in METADATA if expected[name_]
        ))  # fmt: skip
    if misses:
        print("\n".join(misses))
    return per_doc


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_bench_option(parser)
    parser.add_argument("--data", default=",".join(DATASETS), help="datasets, comma-separated")
    parser.add_argument("--compare", choices=["trafilatura"], help="score it in the same run")
    parser.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 documents")
    parser.add_argument("--misses", choices=list(METADATA), help="list the pages FIELD misses")
    args = parser.parse_args()
    extractors = {"unsyndicate": _unsyndicate}
    if args.compare:
        extractors[args.compare] = _trafilatura()
    for dataset in args.data.split(","):
        pages = list(load(bench_folder(args.bench), dataset))
        results = {name: run(pages, name, extract, args) for name, extract in extractors.items()}
        worst = sorted(pages, key=lambda page: results["unsyndicate"][page.key])[: args.worst]
        for page in worst:
            others = " ".join(f"{name} {results[name][page.key]:.3f}" for name in results)
            print(f"    {others}  {page.key[:14]} {page.page_type} {page.url or ''}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
