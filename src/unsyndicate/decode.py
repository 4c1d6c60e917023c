"""Bytes to text: BOM, then the page's declared charset, then charset-normalizer.

A declaration is only believed when the bytes do not clearly say otherwise: bytes that are valid
UTF-8 with non-ASCII in them (or mostly valid: a few broken sequences in a truncated or spliced
page) are UTF-8 whatever the page claims (no other charset in use produces valid multi-byte UTF-8
by accident), and bytes that the declared charset cannot decode are handed
to charset-normalizer. Decoding never raises.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]{1,40})""", re.IGNORECASE
)
# Where a page declares its charset: the head comes first, so the first bytes are enough.
_HEAD_BYTES = 8192
# A sample is enough for charset-normalizer; the whole of a 50 MB page would be slow.
_SNIFF_BYTES = 64 * 1024
# How much more "chaos" (charset-normalizer's measure of unlikely text) cp1252 may show than the
# best guess and still be preferred.
_NEAR_TIE = 0.1


# File signatures of formats that are sometimes handed over as a page (compressed or not).
_SIGNATURES = (
    (b"\x1f\x8b", "gzip"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"\x28\xb5\x2f\xfd", "zstd"),
    (b"PK\x03\x04", "zip"),
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"OggS", "Ogg"),
    (b"\x7fELF", "ELF"),
    (b"\x00asm", "WebAssembly"),
)


def binary_format(data: bytes) -> str | None:
    """The name of the binary format ``data`` starts with, if it is a known one."""
    return next((name for magic, name in _SIGNATURES if data.startswith(magic)), None)


def decode(data: bytes, declared: str | None = None) -> str:
    """Decode page bytes to text. ``declared`` is a charset from outside (an HTTP header)."""
    return decode_page(data, declared)[0]


def decode_page(data: bytes, declared: str | None = None) -> tuple[str, bool]:
    """:func:`decode`, and whether ``data`` is exactly the text's UTF-8 (valid, without a BOM):
    a parser that reads UTF-8 can then be given ``data`` itself instead of a copy of the page."""
    unicode = _unicode_encoding(data)
    if unicode:
        encoding, start = unicode
        # A view, not a slice: the bytes after a BOM are not copied first.
        return str(memoryview(data)[start:], encoding, "replace"), False
    try:
        return data.decode("utf-8"), True  # one pass: valid UTF-8 is decoded as it is checked
    except UnicodeDecodeError:
        return _decode_legacy(data, declared), False


def _decode_legacy(data: bytes, declared: str | None) -> str:
    """Bytes that are not valid UTF-8: broken UTF-8, or a declared or guessed legacy charset."""
    if _mostly_utf8(data):
        return data.decode("utf-8", errors="replace")
    for candidate in (declared, _meta_charset(data)):
        known = _known_encoding(candidate)
        if known and known != "utf-8":
            try:
                return data.decode(known)
            except UnicodeDecodeError:
                pass
    return data.decode(_guess(data), errors="replace")


def peek(data: bytes, size: int) -> str:
    """The first ``size`` bytes of ``data`` as text, enough to look for markup in: a BOM or
    UTF-16 without one is honoured, other bytes are read one to one (ASCII tags read the same
    in every charset a page may be in)."""
    start = data[:size]
    encoding, skip = _unicode_encoding(start) or ("latin-1", 0)
    return start[skip:].decode(encoding, errors="replace")


def _unicode_encoding(data: bytes) -> tuple[str, int] | None:
    """The UTF-16 or UTF-32 encoding (or UTF-8 with a BOM) the bytes announce, and where the
    text starts after the BOM."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    utf16 = _sniff_utf16(data)
    return (utf16, 0) if utf16 else None


def _mostly_utf8(data: bytes) -> bool:
    """UTF-8 with a few broken sequences (a truncated or spliced page) is still UTF-8."""
    text = data[:_SNIFF_BYTES].decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f") - broken
    return valid > 2 * broken


def _meta_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data, 0, _HEAD_BYTES)
    return match.group(1).decode("ascii") if match else None


def _known_encoding(name: str | None) -> str | None:
    if not name:
        return None
    try:
        encoding = codecs.lookup(name).name
    except LookupError:
        return None
    # Browsers read a page labelled latin-1 or ascii as windows-1252; so do we.
    if encoding in {"latin-1", "iso8859-1", "ascii"}:
        return "cp1252"
    # A page cannot really be UTF-16 if an ASCII meta tag in it was readable.
    if encoding.startswith(("utf-16", "utf-32")):
        return None
    return encoding


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: mostly-ASCII markup leaves every other byte zero."""
    sample = data[:4096]
    if len(sample) < 8:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zeros > 0.4 * half and even_zeros < 0.05 * half:
        return "utf-16-le"
    if even_zeros > 0.4 * half and odd_zeros < 0.05 * half:
        return "utf-16-be"
    return None


def _guess(data: bytes) -> str:
    matches = charset_normalizer.from_bytes(data[:_SNIFF_BYTES])
    best = matches.best()
    if best is None:
        return "cp1252"
    # A short sample leaves several Latin code pages about as plausible (cp1257 reads French
    # as well as cp1252 does); cp1252 is by far the most used on the web, so it wins a near tie.
    for match in matches:
        if (
            match.encoding == "cp1252"
            and match.chaos <= best.chaos + _NEAR_TIE
            and match.coherence >= best.coherence
        ):
            return "cp1252"
    return _known_encoding(best.encoding) or "cp1252"
