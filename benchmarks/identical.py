"""Output identity: a fingerprint of parse() on every bench page and fixture, saved or compared.

Usage: python benchmarks/identical.py --save FILE | --compare FILE [--bench DIR]

A page's fingerprint is the sha256 of ``json.dumps(unsyndicate.to_dict(article), sort_keys=True)``
(or of the error parse() raised). The pages are aeb's and wcxb's (``html/<id>.html.gz``, with
the urls of ``ground-truth.json``), Readability's (``pages/<name>/source.html.gz``, no url) and
every ``.html`` or ``.html.gz`` under ``tests/fixtures`` (with its ``.url`` file when there is
one). ``--save`` writes them to FILE as JSON; ``--compare`` lists the pages whose fingerprint
differs from FILE's and exits 1 when any does. Run a change's check under two hash seeds
(``PYTHONHASHSEED=1`` and ``2``) so that no output hangs on the order of a set.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from _bench import ROOT, add_bench_option, bench_folder

import unsyndicate


def _bench_pages(bench: Path) -> Iterator[tuple[str, bytes, str]]:
    for name in ("aeb", "wcxb"):
        truth = json.loads((bench / name / "ground-truth.json").read_text(encoding="utf-8"))
        for key, item in sorted(truth.items()):
            html = gzip.decompress((bench / name / "html" / f"{key}.html.gz").read_bytes())
            yield f"{name}/{key}", html, item.get("url", "")
    for source in sorted((bench / "readability" / "pages").glob("*/source.html.gz")):
        yield f"readability/{source.parent.name}", gzip.decompress(source.read_bytes()), ""


def _fixture_pages() -> Iterator[tuple[str, bytes, str]]:
    fixtures = ROOT / "tests" / "fixtures"
    for path in sorted([*fixtures.rglob("*.html"), *fixtures.rglob("*.html.gz")]):
        html = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        stem = path.name.removesuffix(".gz").removesuffix(".html")
        url_file = path.with_name(f"{stem}.url")
        url = url_file.read_text(encoding="utf-8").strip() if url_file.exists() else ""
        yield f"fixtures/{path.relative_to(fixtures)}", html, url


def fingerprint(html: bytes, url: str) -> str:
    try:
        text = json.dumps(unsyndicate.to_dict(unsyndicate.parse(html, url)), sort_keys=True)
    except Exception as error:  # an error is an output too: it must not change either
        text = f"error: {error!r}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path, metavar="FILE", help="write the fingerprints")
    mode.add_argument("--compare", type=Path, metavar="FILE", help="compare with saved ones")
    add_bench_option(parser)
    args = parser.parse_args()
    bench = bench_folder(args.bench)
    pages = [*_bench_pages(bench), *_fixture_pages()]
    prints = {name: fingerprint(html, url) for name, html, url in pages}
    if args.save:
        args.save.write_text(json.dumps(prints, indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"{len(prints)} fingerprints saved to {args.save}")
        return 0
    saved = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(
        name for name in prints.keys() | saved.keys() if prints.get(name) != saved.get(name)
    )
    for name in differ:
        print(f"differs: {name}")
    print(f"{len(prints)} pages, {len(differ)} differ from {args.compare}")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
