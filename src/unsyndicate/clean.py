"""``clean()``: text repair as an ordered list of small pure ``str -> str`` fixers.

Each fixer does one thing and leaves correct text alone: curly quotes, dashes, ZWJ/ZWNJ (which
Persian, Indic scripts and emoji need) and non-Latin scripts pass through unchanged.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable

import ftfy

# ftfy repairs mojibake only; every other step is ours, so each stays visible and testable.
# fix_character_width is off because it rewrites correct full-width CJK punctuation.
_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    remove_terminal_escapes=True,
    fix_encoding=True,
    restore_byte_a0=True,
    replace_lossy_sequences=True,
    decode_inconsistent_utf8=True,
    fix_c1_controls=True,
    fix_latin_ligatures=False,
    fix_character_width=False,
    uncurl_quotes=False,
    fix_line_breaks=False,
    fix_surrogates=True,
    remove_control_chars=False,
    normalization=None,
    explain=False,
)

_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
_LINE_BREAKS = re.compile(r"\r\n?|[\x85\u2028\u2029]")
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
# C0 and C1 controls except tab and newline; lone surrogates cannot be encoded, so they go too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_SPACE_RUN = re.compile(" {2,}")
_EDGE_SPACE = re.compile(r"(?m)^ +| +$")
_BLANK_RUN = re.compile(r"\n{3,}")
# Passes of the fixers over one text at most (see clean()).
_MAX_PASSES = 4


def fix_line_breaks(text: str) -> str:
    """CRLF, CR and Unicode line and paragraph separators become ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


def unescape_entities(text: str) -> str:
    """Decode HTML entities left in text, double-escaped ones (``&amp;amp;``) included."""
    while "&" in text and _ENTITY.search(text):
        # An entity that spells an invisible character may have hidden another entity.
        unescaped = remove_invisible(html.unescape(text))
        if unescaped == text:
            break
        text = unescaped
    return text


def fix_mojibake(text: str) -> str:
    """Repair text that was decoded with the wrong charset (``â€™`` becomes ``’``)."""
    if text.isascii():
        return text
    return ftfy.fix_text(text, _FTFY)


def normalize_unicode(text: str) -> str:
    """Compose to NFC, so the same letter is always the same code points."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def remove_invisible(text: str) -> str:
    """Drop zero-width spaces, word joiners, BOMs, soft hyphens and control characters."""
    return _CONTROL.sub("", _INVISIBLE.sub("", text))


def normalize_spaces(text: str) -> str:
    """Tabs, NBSP and other odd spaces become one plain space; lines lose edge spaces."""
    text = _SPACE_RUN.sub(" ", _ODD_SPACE.sub(" ", text))
    return _EDGE_SPACE.sub("", text)


def collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at either end."""
    return _BLANK_RUN.sub("\n\n", text).strip()


# The order makes clean() idempotent. ftfy needs the C1 controls that mojibake is made of, so
# invisible characters go after it; entities are decoded again once they are gone (a NUL inside
# "&g\0t;" hides an entity); NFC comes last (a control character between a letter and its
# accent blocks composition).
FIXERS: tuple[Callable[[str], str], ...] = (
    fix_line_breaks,
    unescape_entities,
    fix_mojibake,
    remove_invisible,
    unescape_entities,
    normalize_unicode,
    fix_line_breaks,  # entities and ftfy may have produced CR or U+2028
    normalize_spaces,
    collapse_blank_lines,
)


def clean(text: str) -> str:
    """Return ``text`` repaired and tidied; ``clean(clean(t)) == clean(t)``.

    Repairs mojibake, decodes stray HTML entities, composes to NFC, removes zero-width and
    control characters, turns NBSP and other odd spaces into a space, normalises line endings,
    collapses runs of spaces and of blank lines, and trims.
    """
    # A pass can expose work for the next: removing a control character or trimming a space
    # can leave an entity, or mojibake that ftfy now recognises. ASCII text without control
    # characters settles in one pass; other text is cleaned until nothing changes.
    if text.isascii() and not _CONTROL.search(text):
        return _clean_once(text)
    # Trimmed first, text that needs no repair comes out of the first pass unchanged, and so
    # takes one pass, not two.
    text = text.strip()
    for _ in range(_MAX_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _clean_once(text: str) -> str:
    for fixer in FIXERS:
        text = fixer(text)
    return text
