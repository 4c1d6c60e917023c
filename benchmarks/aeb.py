"""The Article Extraction Benchmark (Zyte) on Article.text, with the benchmark's own metric.

Usage: python benchmarks/aeb.py [DATA_DIR] [--worst N]

DATA_DIR holds ``ground-truth.json`` and ``html/<id>.html.gz`` (default ``../shared/bench/aeb``,
relative to the repository root). Per document, the 4-token shingles (tokens are ``\\w+`` runs,
case kept) of the extracted body are matched against those of ``articleBody``; true and false
positives and false negatives are normalised by their sum, precision and recall are averaged over
the documents where they are defined, and F1 is taken from the two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import statistics
import sys
from collections import Counter
from pathlib import Path

import unsyndicate

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "aeb"
_TOKEN = re.compile(r"\w+")
_SHINGLE = 4


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
    precision = statistics.mean(tp / (tp + fp) for tp, fp, _ in counts if tp + fp > 0)
    recall = statistics.mean(tp / (tp + fn) for tp, _, fn in counts if tp + fn > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def load(data: Path) -> list[tuple[str, str, str, bytes]]:
    """(id, url, articleBody, html bytes) for every document of the benchmark."""
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (key, item.get("url", ""), item.get("articleBody", ""),
         gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()))
        for key, item in sorted(truth.items())
    ]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--worst", type=int, default=0, help="list the N lowest-F1 documents")
    args = parser.parse_args()
    counts = []
    per_doc = []
    for key, url, body, html in load(args.data):
        try:
            text = unsyndicate.parse(html, url or None).text
        except unsyndicate.ParseError:
            text = ""
        tp, fp, fn = matching(body, text)
        counts.append((tp, fp, fn))
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        per_doc.append((2 * p * r / (p + r) if p + r else 0.0, p, r, key, url))
    precision, recall, f1 = scores(counts)
    print(f"AEB {len(counts)} pages: F1 {f1:.3f}  precision {precision:.3f}  recall {recall:.3f}")
    for doc_f1, p, r, key, url in sorted(per_doc)[: args.worst]:
        print(f"  {doc_f1:.3f} P {p:.3f} R {r:.3f} {key[:12]} {url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
