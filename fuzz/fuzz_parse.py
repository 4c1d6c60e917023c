"""Coverage-guided fuzzing of parse, parse_text and clean with atheris (see fuzz/README.md).

Every input goes through all three entry points; anything they raise other than ParseError is a
crash, and atheris saves the input that caused it. The Article each returns must also survive
``to_dict``, JSON and ``from_dict`` unchanged.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["unsyndicate"]):
    import unsyndicate

ROOT = Path(__file__).resolve().parent.parent
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".gz")


def check(article: unsyndicate.Article) -> None:
    data = json.loads(json.dumps(unsyndicate.to_dict(article)))
    if unsyndicate.from_dict(data) != article:
        raise AssertionError("Article does not round-trip through JSON")


def test_one_input(data: bytes) -> None:
    for parse in (unsyndicate.parse, unsyndicate.parse_text):
        with contextlib.suppress(unsyndicate.ParseError):
            check(parse(data))
    text = data.decode("utf-8", errors="surrogateescape")
    cleaned = unsyndicate.clean(text)
    if unsyndicate.clean(cleaned) != cleaned:
        raise AssertionError("clean() is not idempotent")


def write_seeds(corpus: Path) -> None:
    """The test fixture pages as the seed corpus (gzipped ones unpacked)."""
    corpus.mkdir(parents=True, exist_ok=True)
    for page in sorted((ROOT / "tests" / "fixtures").glob("*/*")):
        if page.suffix in PAGE_SUFFIXES:
            raw = page.read_bytes()
            data = gzip.decompress(raw) if page.suffix == ".gz" else raw
            (corpus / page.name.removesuffix(".gz")).write_bytes(data)


def main() -> None:
    if "--seeds" in sys.argv:
        write_seeds(Path(sys.argv[sys.argv.index("--seeds") + 1]))
        return
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
