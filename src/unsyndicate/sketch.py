"""An article's body as word shingles and MinHash band keys: what tracing compares.

A body is cut into shingles of five words (``\\w+`` runs, case folded) and each shingle hashed
to 64 bits. Shingles stay within one sentence of one block, so a copy that drops the short lines
between paragraphs (headings, list items, captions), or merges or splits paragraphs, has no
shingle its original lacks: a shingle running across a boundary would join two pieces of text
that a copy laid out differently does not join. Lines under five words give no shingle at all.
(Leaving out every block under eight words as well was tried: bodies made of short lines, and
copies cut from them, then fell under the 50 words a body needs, and more copies were missed
than joined; docs/benchmarks.md.)

Two MinHash signatures are made of those hashes with rensa: one of the whole body, which finds
copies that keep most of it (furniture added, the last paragraphs cut), and one of its first
fifty shingles, the opening, which finds excerpts: a three-paragraph excerpt of a long
article shares a small part of the whole (a low Jaccard similarity the whole-body signature would
miss) but nearly all of its opening. Each signature is cut into bands; pages sharing a band key
are candidates, checked later by exact shingle containment.

rensa is used rather than datasketch: it hashes and signs in Rust with no dependency of its own,
about 0.3 ms an article where datasketch, on numpy and scipy, took 0.6 ms (docs/benchmarks.md).
"""

from __future__ import annotations

import hashlib
import re
from array import array

from rensa import RMinHash

SHINGLE_WORDS = 5
# Bodies shorter than this are too short to tell a copy from a shared phrase: never grouped.
MIN_WORDS = 50
# The opening: enough shingles for a short excerpt to hold it whole.
OPENING_SHINGLES = 50
PERMUTATIONS = 64
ROWS = 4  # MinHash values per band: 16 bands per signature
_SEED = 14
_WORD = re.compile(r"\w+")
# Where a shingle may not run on: a blank line between blocks, or the end of a sentence (a full
# stop, question or exclamation mark, closing quotes or brackets, then a space). Each is marked
# with a token of its own, which no word holds.
_BOUNDARY = re.compile(r"\n\s*\n|[.!?\u2026][\"'\u201d\u2019)\]]*\s+")
_MARK = "\x00"
_WORD_OR_MARK = re.compile(r"\w+|\x00")


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def shingles(text: str) -> list[int]:
    """The 64-bit hashes of the body's five-word shingles, in body order (repeats kept).

    ``text`` holds blocks separated by blank lines (as :attr:`Article.text`); shingles do not
    cross the end of a sentence or a block. Empty when the body has fewer than
    :data:`MIN_WORDS` words.
    """
    tokens = _WORD_OR_MARK.findall(_BOUNDARY.sub(f" {_MARK} ", text.casefold()))
    # Five views of the tokens, each one further on: zipped, they give every run of five; a run
    # across a boundary holds its mark and is no shingle.
    views = (tokens[start:] for start in range(SHINGLE_WORDS))
    runs = [run for run in map(" ".join, zip(*views, strict=False)) if _MARK not in run]
    if len(tokens) - tokens.count(_MARK) < MIN_WORDS or not runs:
        return []
    hashes: list[int] = RMinHash.hash_token_sets([runs])[0]
    return hashes


def band_keys(hashes: list[int]) -> tuple[int, ...]:
    """The band keys of the whole-body and the opening signatures (none for an empty body).

    Each key is a 64-bit hash of the signature's number, the band's number and its values, so
    a key is shared only by the same band of the same signature.
    """
    if not hashes:
        return ()
    opening = hashes[:OPENING_SHINGLES]
    signatures = RMinHash.digest_matrix_from_flat_token_hashes(
        array("Q", hashes + opening),
        [0, len(hashes), len(hashes) + len(opening)],
        PERMUTATIONS,
        _SEED,
    ).to_rows()
    return tuple(
        _key(kind * PERMUTATIONS + start, signature[start : start + ROWS])
        for kind, signature in enumerate(signatures)
        for start in range(0, PERMUTATIONS, ROWS)
    )


def _key(band: int, values: list[int]) -> int:
    data = array("Q", [band, *values]).tobytes()
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")
