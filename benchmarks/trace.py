"""Tracing copies across a corpus: pair precision on real pages, recall on made copies, speed.

Usage: python benchmarks/trace.py [DATA_DIR] [--scale 10000,100000] [--jobs 1,2] [--limit N]

DATA_DIR holds aeb/, readability/ and wcxb/ (default ``../shared/bench``). The real pages are
different articles, except pages saved twice: pages whose gold bodies share most of their
shingles (half the smaller one's), through any chain, are one article; any other pair of real
pages put in one group is a false pair. Copies are made of every page whose body has four
paragraphs and 80 words or more: its body (as unsyndicate extracts it) placed in another real
page's template (the host's head, header, navigation and footer around it), with one edit each
(publisher furniture and a reprint line added; the last 30 % of paragraphs cut; the headline
changed; a three-paragraph excerpt, when those three hold the 50 words a body needs to be
traced; the paragraphs under eight words dropped, as headings, list items and captions are in
many reposts; the paragraphs merged two by two), as HTML and as a text rendering. Recall is the
share of copies grouped with their page; a pair with a copy is false when the copy and the
other page are not of one article. An HTML copy is dated the day after its page (the host's own
dates taken out of its head and template), a text copy is undated. The source is right for a
copy joined to its page when the group's source is a real page of its article (or the original
that page declares); counted for pages that show a date, with the furniture copies left out
(their reprint line names an outside original, which their group then takes as its source).

Speed: the traced articles as JSON lines are repeated up to each ``--scale`` count, each
repetition made a different corpus by marking every word, and ``normalize trace --jobs N`` runs
on the file: articles per second and the peak memory of its largest process.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from multiprocessing import Pool
from pathlib import Path
from typing import Any

from _bench import add_bench_option, bench_folder
from selectolax.lexbor import LexborHTMLParser

import unsyndicate
from unsyndicate.sketch import MIN_WORDS, words
from unsyndicate.trace import ExternalSource, Group, groups

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "globalresearch"
SEED = ROOT.parent / "shared" / "seeds" / "000_771b983156546a6d.txt"
KINDS = ("furniture", "cut", "headline", "excerpt", "short", "merged")
# The "short" edit drops the paragraphs under this many words (headings, list items, captions).
SHORT_WORDS = 8
_GOLD_BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, blockquote, pre, td"
# The host page's own dates, taken out of its template.
_HOST_DATES = (
    'time, script[type="application/ld+json"], meta[property*="time"], meta[name*="date"],'
    ' meta[itemprop*="date"], meta[property*="date"], meta[name*="time"]'
)
_FURNITURE = (
    "This article was originally published on our partner's site. Republished with permission.",
    "Support independent journalism: donate today. Share this story on Facebook and Twitter.",
    "Copyright 2024. All rights reserved. The views expressed are the author's own.",
)


def load(data: Path) -> list[tuple[str, str, list[str], bytes]]:
    """(name, url, gold paragraphs, html) of every real page."""
    pages = []
    for corpus in ("aeb", "wcxb"):
        truth = json.loads((data / corpus / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(truth.items()):
            html = gzip.decompress((data / corpus / "html" / f"{key}.html.gz").read_bytes())
            paragraphs = [line.strip() for line in item["articleBody"].split("\n") if line.strip()]
            pages.append((f"{corpus}/{key}", item.get("url") or "", paragraphs, html))
    for folder in sorted((data / "readability" / "pages").iterdir()):
        expected = gzip.decompress((folder / "expected.html.gz").read_bytes())
        blocks = LexborHTMLParser(expected).css(_GOLD_BLOCKS)
        paragraphs = [text for node in blocks if (text := " ".join(node.text().split()))]
        html = gzip.decompress((folder / "source.html.gz").read_bytes())
        pages.append((f"readability/{folder.name}", "", paragraphs, html))
    return pages


def true_copies(pages: list[tuple[str, str, list[str], bytes]]) -> dict[str, int]:
    """Pages saved twice: each page's number of article, pages whose gold bodies share most
    (half the smaller one's shingles) of their text having one number, through any chain."""
    sets = {name: gold_shingles(gold) for name, _, gold, _ in pages}
    holders: dict[int, list[str]] = defaultdict(list)
    for name, hashes in sets.items():
        for value in hashes:
            holders[value].append(name)
    shared: dict[tuple[str, str], int] = defaultdict(int)
    for names in holders.values():
        for pair in itertools.combinations(names, 2):
            shared[pair] += 1
    article = {name: number for number, name in enumerate(sets)}
    for (first, second), count in sorted(shared.items()):
        if count > 0.5 * min(len(sets[first]), len(sets[second])):
            old, new = article[second], article[first]
            article = {name: new if value == old else value for name, value in article.items()}
    return article


def gold_shingles(gold: list[str]) -> set[str]:
    """Every run of five words of a gold body, across sentences and paragraphs: the truth does
    not move with the measure tracing uses. None for a body under the 50 words tracing needs."""
    tokens = words(" ".join(gold))
    if len(tokens) < MIN_WORDS:
        return set()
    return {" ".join(tokens[start : start + 5]) for start in range(len(tokens) - 4)}


def copies(
    pages: list[tuple[str, str, list[str], bytes]], records: dict[str, dict[str, Any]]
) -> list[tuple[str, str, str, bytes]]:
    """(name, source page name, kind, data) of every made copy, HTML and text. An HTML copy is
    dated the day after its page's date (undated when the page shows none), a text copy never."""
    made = []
    for number, (name, _, _, _) in enumerate(pages):
        body = _paragraphs(records[name]) if name in records else []
        if len(body) < 4 or len(" ".join(body).split()) < 80:
            continue
        host = pages[(number * 7 + 3) % len(pages)][3]
        published = records[name]["published"]
        later = str(date.fromisoformat(published[:10]) + timedelta(days=1)) if published else None
        for kind in KINDS:
            if kind == "excerpt" and len(" ".join(body[:3]).split()) < MIN_WORDS:
                continue  # too short to be traced: such a body never joins a group
            title, paragraphs = edited(name, body, kind)
            page = in_template(host, title, paragraphs, later)
            made.append((f"copy/{kind}/html/{name}", name, kind, page))
            text = "\n\n".join([title, *paragraphs]).encode()
            made.append((f"copy/{kind}/text/{name}", name, kind, text))
    return made


def edited(name: str, gold: list[str], kind: str) -> tuple[str, list[str]]:
    title = f"{gold[0][:60]}"
    if kind == "furniture":
        return title, [_FURNITURE[0], *gold, *_FURNITURE[1:]]
    if kind == "cut":
        return title, gold[: max(3, math.ceil(0.7 * len(gold)))]
    if kind == "headline":
        return f"You will not believe this: {name.rsplit('/', 1)[-1]}", gold
    if kind == "short":
        return title, [text for text in gold if len(text.split()) >= SHORT_WORDS]
    if kind == "merged":
        return title, [" ".join(gold[start : start + 2]) for start in range(0, len(gold), 2)]
    return title, [*gold[:3], "Read the full article on the original site."]


def in_template(host: bytes, title: str, paragraphs: list[str], published: str | None) -> bytes:
    """The article in the host page's template: its head, header, navigation and footer, without
    the host's dates; dated ``published`` when given."""
    tree = LexborHTMLParser(host)
    for node in tree.css("title"):
        node.inner_html = _escape(title)
    for node in tree.css(_HOST_DATES):
        node.decompose()
    if published and tree.head is not None:
        tree.head.insert_child(tree.create_node("meta"))
        meta = tree.head.last_child
        if meta is not None:
            meta.attrs["property"] = "article:published_time"
            meta.attrs["content"] = published
    chrome = [node.html or "" for node in tree.css("body > header, body > nav, header, nav")][:3]
    footer = [node.html or "" for node in tree.css("footer")][-1:]
    article = "".join(f"<p>{_escape(text)}</p>" for text in paragraphs)
    head = tree.head.html if tree.head is not None else ""
    body = (
        f"{''.join(chrome)}<article><h1>{_escape(title)}</h1>{article}</article>{''.join(footer)}"
    )
    return f"<!DOCTYPE html><html>{head}<body>{body}</body></html>".encode()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse(job: tuple[str, str, bytes]) -> dict[str, Any] | None:
    name, url, data = job
    try:
        html = data.lstrip()[:1] == b"<"
        article = (unsyndicate.parse if html else unsyndicate.parse_text)(data, url or None)
    except unsyndicate.ParseError:
        return None
    return {"path": name, **unsyndicate.to_dict(article)}


def _paragraphs(record: dict[str, Any]) -> list[str]:
    return [block["text"] for block in record["body"] if block["kind"] != "image" and block["text"]]


def pairs(found: Iterable[Group]) -> set[frozenset[str]]:
    return {
        frozenset((first.path or "", second.path or ""))
        for group in found
        for first, second in itertools.combinations(group.members, 2)
    }


def quality(data: Path, limit: int | None) -> list[dict[str, Any]]:
    pages = load(data)[:limit]
    duplicates = true_copies(pages)
    with Pool(2) as pool:
        jobs = [(name, url, html) for name, url, _, html in pages]
        records = [record for record in pool.map(parse, jobs, chunksize=8) if record]
        made = copies(pages, {record["path"]: record for record in records})
        jobs = [(name, "", data) for name, _, _, data in made]
        records += [record for record in pool.map(parse, jobs, chunksize=8) if record]
    origin = {name: (source, kind) for name, source, kind, _ in made}
    traced = list(groups(records))
    found = pairs(traced)
    # Sources are weighed without the furniture copies: their reprint line names an original
    # outside the corpus ("our partner's site"), which then is their group's source.
    kept = [record for record in records if not record["path"].startswith("copy/furniture/")]
    source = {member.path: group.source for group in groups(kept) for member in group.members}
    dated = {record["path"] for record in records if record.get("published")}
    declared = {
        record["path"]: record["original"]["name"]
        for record in records
        if record.get("syndicated") and record.get("original")
    }

    def page_of(name: str) -> str:
        return origin[name][0] if name in origin else name

    def true(pair: frozenset[str]) -> bool:
        first, second = (duplicates[page_of(name)] for name in pair)
        return first == second

    def source_right(name: str) -> bool:
        """Whether a copy's group has a real page of its article as source (or the original
        such a page declares)."""
        chosen = source[name]
        if isinstance(chosen, ExternalSource):
            return chosen.name == declared.get(page_of(name))
        return chosen.path not in origin and true(frozenset((chosen.path or "", name)))

    twice = {
        frozenset(pair)
        for pair in itertools.combinations(duplicates, 2)
        if duplicates[pair[0]] == duplicates[pair[1]]
    }
    print(f"{len(pages)} real pages, {len(twice)} pairs saved twice, {len(made)} copies")
    real = {pair for pair in found if not pair & origin.keys()}
    wrong = sorted(sorted(pair) for pair in real if not true(pair))
    print(f"real pages: {len(real)} pairs grouped, {len(wrong)} false {wrong[:5]}")
    print(f"  pages saved twice grouped: {len(twice & found)} of {len(twice)}")
    for kind in KINDS:
        for form in ("html", "text"):
            mine = [name for name, (_, k) in origin.items() if k == kind and f"/{form}/" in name]
            hits = sum(frozenset((name, origin[name][0])) in found for name in mine)
            involved = [pair for pair in found if any(name in pair for name in mine)]
            false = sum(not true(pair) for pair in involved)
            precision = 1 - false / len(involved) if involved else 1.0
            joined = [
                name
                for name in mine
                if frozenset((name, origin[name][0])) in found
                and origin[name][0] in dated
                and name in source
            ]
            right = sum(source_right(name) for name in joined)
            print(
                f"  {kind:9} {form:4}: recall {hits / max(len(mine), 1):.3f} ({hits}/{len(mine)}),"
                f" pair precision {precision:.4f} ({false} false of {len(involved)}),"
                f" source right {right}/{len(joined)} of the joined copies of dated pages"
            )
    wrong_sources = [
        (name, getattr(source[name], "path", source[name]))
        for name in origin
        if name in source and origin[name][0] in dated and not source_right(name)
    ]
    print(f"  sources wrong, first: {wrong_sources[:6]}")
    return records


def seed_group() -> None:
    paths = [*sorted(FIXTURES.glob("*.html")), *sorted(FIXTURES.glob("*.txt")), SEED]
    records = [parse((str(path), "", path.read_bytes())) for path in paths if path.exists()]
    for group in groups(record for record in records if record):
        roles = sorted({member.role for member in group.members})
        print(f"seed group: {group.size} members, roles {roles}, source {group.source}")


def speed(records: list[dict[str, Any]], scales: list[int], jobs: list[int]) -> None:
    kept = ("path", "url", "title", "publisher", "published", "original", "body")
    base = [{key: record[key] for key in kept} for record in records]
    with tempfile.TemporaryDirectory() as folder:
        for scale in scales:
            path = Path(folder) / f"articles-{scale}.jsonl"
            write_corpus(path, base, scale)
            for count in jobs:
                seconds, peak, printed = run_trace(path, count)
                print(
                    f"{scale} articles, --jobs {count}: {seconds:.1f} s, {scale / seconds:.0f}"
                    f" articles/s, peak {peak / 1024:.0f} MB, {printed} groups"
                )


def write_corpus(path: Path, base: list[dict[str, Any]], scale: int) -> None:
    """``scale`` articles: ``base`` over and over, each repetition's words marked its own."""
    with path.open("w", encoding="utf-8") as out:
        for number in range(scale):
            repetition, record = divmod(number, len(base))
            article = base[record]
            if repetition:
                mark = f"x{repetition} "
                article = {
                    **article,
                    "path": f"{article['path']}#{repetition}",
                    "body": [
                        {**block, "text": block["text"].replace(" ", mark)}
                        for block in article["body"]
                    ],
                }
            out.write(json.dumps(article, ensure_ascii=False) + "\n")


def run_trace(path: Path, jobs: int) -> tuple[float, int, int]:
    """Seconds, peak resident kB of the largest process, and groups printed.

    A small Python process runs ``normalize trace`` and reports the peak of its own children,
    so each run's figure is its own.
    """
    normalize = str(Path(sys.executable).parent / "normalize")
    command = [normalize, "trace", "-q", "--jobs", str(jobs), str(path)]
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command], capture_output=True, check=True
    )
    seconds = time.perf_counter() - started
    printed, peak = done.stdout.decode().split()
    return seconds, int(peak), int(printed)


_MEASURE = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True)
print(done.stdout.count(b"\\n"), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, help="default: BENCH")
    add_bench_option(parser)
    parser.add_argument("--limit", type=int, default=None, help="only the first N real pages")
    parser.add_argument("--scale", default="10000,100000", help="corpus sizes for speed; 0: none")
    parser.add_argument("--jobs", default="1,2")
    args = parser.parse_args()
    data = bench_folder(args.data or args.bench)
    seed_group()
    records = quality(data, args.limit)
    scales = [int(value) for value in args.scale.split(",") if int(value)]
    speed(records, scales, [int(value) for value in args.jobs.split(",")])
    return 0


if __name__ == "__main__":
    sys.exit(main())
