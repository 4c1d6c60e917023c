"""Provenance on hand-labelled pages: is a republication flagged, and is its original named right.

Usage: python benchmarks/provenance.py [--bench DIR] [--labels FILE ...] [--no-url]
                                       [--flagged] [--show all|wrong]

The labels (default: ``benchmarks/data/syndication.json`` and ``DIR/syndication/labels.json``,
merged by page) say of each page whether it republishes an article first published elsewhere and,
if so, the accepted names of the original publication (any one counts). Reported:

- flags: precision and recall of ``Article.syndicated`` on the labelled pages, the share right,
  and every false alarm (a page flagged that is not a republication) by name;
- original named right: the share of republished pages whose ``Article.original.name`` (or the
  host of ``original.url``) is one of the accepted names, once case, a leading "the", a "www."
  and punctuation are set aside;
- by class (wire, repost, excerpt, translation... where the labels give one);
- ``original`` set on a page not flagged syndicated: the count over every page read (it should be
  none);
- with ``--flagged``: the share of all bench pages (aeb, readability, wcxb) flagged syndicated,
  with the list, to read for false alarms the labels do not hold.

``--no-url`` parses every page without its address, as pages saved in a folder are read.
Dates and authors beside trafilatura are in ``benchmarks/quality.py --compare trafilatura``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from _bench import ROOT, add_bench_option, bench_folder
from quality import DATASETS, load

import unsyndicate
from unsyndicate.media import host_of

DEFAULT_LABELS = (ROOT / "benchmarks" / "data" / "syndication.json",)
_NOT_NAME = re.compile(r"[^\w]+")


@dataclass(frozen=True)
class Case:
    page: str
    url: str | None
    syndicated: bool
    original: tuple[str, ...]
    kind: str


def read_labels(paths: list[Path]) -> list[Case]:
    """The labelled cases of every file given, the first file's label kept for a page in two."""
    cases: dict[str, Case] = {}
    for path in paths:
        if not path.exists():
            continue
        for item in json.loads(path.read_text(encoding="utf-8"))["cases"]:
            default = "republished" if item["syndicated"] else "not republished"
            cases.setdefault(item["page"], Case(
                item["page"], item.get("url"), item["syndicated"],
                tuple(item.get("original", ())), item.get("class", default),
            ))  # fmt: skip
    return list(cases.values())


def name_key(name: str) -> str:
    """A publication's name as labels and output are compared."""
    folded = name.casefold().strip()
    folded = folded.removeprefix("the ").removeprefix("www.")
    return _NOT_NAME.sub("", folded)


def named_right(article: unsyndicate.Article, accepted: tuple[str, ...]) -> bool:
    original = article.original
    if original is None:
        return False
    found = {name_key(original.name), name_key(host_of(original.url) or "")} - {""}
    return bool(found & {name_key(name) for name in accepted})


def _parse(html: bytes, url: str | None) -> unsyndicate.Article | None:
    try:
        return unsyndicate.parse(html, url)
    except unsyndicate.ParseError:
        return None


def _describe(article: unsyndicate.Article | None) -> str:
    if article is None:
        return "parse error"
    original = article.original
    named = f"{original.name!r} {original.url or ''}" if original else "no original"
    return f"syndicated={article.syndicated} {named}"


@dataclass
class Scores:
    flagged_right: int = 0
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0
    named: int = 0
    republished: int = 0
    negatives: int = 0

    def add(self, case: Case, article: unsyndicate.Article | None) -> bool:
        """Count one case; whether it was right (flag, and the original's name on a repost)."""
        flagged = article is not None and article.syndicated
        self.flagged_right += flagged == case.syndicated
        self.true_positives += flagged and case.syndicated
        self.false_positives += flagged and not case.syndicated
        self.false_negatives += case.syndicated and not flagged
        self.negatives += not case.syndicated
        if not case.syndicated:
            return not flagged
        self.republished += 1
        named = flagged and article is not None and named_right(article, case.original)
        self.named += named
        return named

    def line(self, label: str) -> str:
        total = self.republished + self.negatives
        found = self.true_positives + self.false_positives
        precision = self.true_positives / found if found else 1.0
        recall = self.true_positives / self.republished if self.republished else 1.0
        named = self.named / self.republished if self.republished else 1.0
        return (
            f"{label:<28} flags right {self.flagged_right}/{total} "
            f"({self.flagged_right / total:.3f})  P {precision:.3f}  R {recall:.3f}  "
            f"original named {self.named}/{self.republished} ({named:.3f})  "
            f"false alarms {self.false_positives}/{self.negatives}"
        )


def _bench_pages(bench: Path) -> Iterator[tuple[str, str | None, bytes]]:
    for dataset in DATASETS:
        for page in load(bench, dataset):
            folder = "pages" if dataset == "readability" else "html"
            name = (
                f"{page.key}/source.html.gz" if dataset == "readability" else f"{page.key}.html.gz"
            )
            yield f"{dataset}/{folder}/{name}", page.url, page.html


def labelled(cases: list[Case], bench: Path, use_url: bool, show: str | None) -> None:
    overall = Scores()
    by_class: dict[str, Scores] = {}
    for case in cases:
        html = gzip.decompress((bench / case.page).read_bytes())
        article = _parse(html, case.url if use_url else None)
        right = overall.add(case, article)
        by_class.setdefault(case.kind, Scores()).add(case, article)
        if show == "all" or (show == "wrong" and not right):
            expected = "/".join(case.original) if case.syndicated else "not republished"
            print(f"  {'ok  ' if right else 'MISS'} {case.kind:<12} {case.page[:40]:<40} "
                  f"expected {expected!r}; found {_describe(article)}")  # fmt: skip
    print(overall.line(f"{len(cases)} labelled pages"))
    for kind, scores in sorted(by_class.items()):
        print(scores.line(f"  {kind}"))


def flagged(bench: Path, use_url: bool) -> None:
    pages = flagged_count = contradictions = 0
    for name, url, html in _bench_pages(bench):
        article = _parse(html, url if use_url else None)
        pages += 1
        if article is None:
            continue
        if article.original is not None and not article.syndicated:
            contradictions += 1
            print(f"  original without syndicated: {name} {_describe(article)}")
        if article.syndicated:
            flagged_count += 1
            print(f"  flagged: {name} {url or ''} -> {_describe(article)}")
    share = flagged_count / pages
    print(f"bench pages flagged syndicated: {flagged_count}/{pages} ({share:.3f}); "
          f"original set without syndicated: {contradictions}")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_bench_option(parser)
    parser.add_argument("--labels", type=Path, nargs="*", help="label files (default: both)")
    parser.add_argument("--no-url", action="store_true", help="parse pages without their address")
    parser.add_argument("--flagged", action="store_true", help="list every bench page flagged")
    parser.add_argument("--show", choices=["all", "wrong"], help="list the labelled cases")
    args = parser.parse_args()
    args.bench = bench_folder(args.bench)
    paths = args.labels or [*DEFAULT_LABELS, args.bench / "syndication" / "labels.json"]
    cases = read_labels(paths)
    counts = Counter(case.syndicated for case in cases)
    print(f"labels: {len(cases)} pages, {counts[True]} republished, {counts[False]} not")
    labelled(cases, args.bench, not args.no_url, args.show)
    if args.flagged:
        flagged(args.bench, not args.no_url)
    return 0


if __name__ == "__main__":
    sys.exit(main())
