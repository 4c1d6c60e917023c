"""``clean()``: text repair as an ordered list of small pure ``str -> str`` fixers.

Each fixer does one thing and leaves correct text alone: curly quotes, dashes, ZWJ/ZWNJ (which
Persian, Indic scripts and emoji need) and non-Latin scripts pass through unchanged.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Callable

import ftfy
from ftfy import chardata, fixes
from ftfy.badness import is_bad
from ftfy.chardata import UTF8_CLUES, UTF8_DETECTOR_RE

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

# The single-byte charsets ftfy takes mojibake to come from: UTF-8 text decoded as one of them.
_MISREAD_AS = (
    "latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859-2",
    "mac_roman", "cp437",
)  # fmt: skip


def _misread(data: bytes, charsets: tuple[str, ...] = _MISREAD_AS) -> str:
    """The characters ``data``'s bytes become in any of ``charsets``, as a regex class body."""
    chars = {char for charset in charsets for char in data.decode(charset, "ignore")}
    return re.escape("".join(sorted(chars)))


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# CRLF, or a lone CR or Unicode line break. Patterns here open with one character class where
# they can, so re skips at C speed to where a match may start (an alternation, or a pattern
# opening with a lookaround, is tried at every character); that character may be looked at again.
_LINE_BREAKS = re.compile("[\r\x85\u2028\u2029](?:(?<=\r)\n)?")
_INVISIBLE = "\u200b\u2060\ufeff\u00ad\u180e"
# C0 and C1 controls except tab and newline; lone surrogates cannot be encoded, so they go too.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
_INVISIBLE_OR_CONTROL = re.compile(f"[{_INVISIBLE}{_CONTROL.pattern[1:-1]}]")
_ODD_SPACE = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
# Spelt to open with a literal, which re finds fast (" {2,}" stops at every space).
_SPACE_RUN = re.compile("  +")
_EDGE_SPACE = re.compile(r"(?m)^ +| +$")
_BLANK_RUN = re.compile("\n\n\n+")
# ftfy changes text only where it finds one of these: a UTF-8 lead byte misread, followed by a
# misread continuation byte or by the "?", SUB or U+FFFD that stands for a lost one; a lead
# byte whose continuation A0 became a space (ftfy restores those, not in MacRoman; any odd space
# counts, as the space fixer makes it one); a C1 control; a lone surrogate; a terminal escape.
# Text without any, nearly all correct text, skips ftfy and its slow heuristics.
_LEADS = _misread(bytes(range(0xC0, 0xF5)))
_CONTINUATIONS = _misread(bytes(range(0x80, 0xC0)))
_NOT_MACROMAN = tuple(charset for charset in _MISREAD_AS if charset != "mac_roman")
_SPACES = f" {_ODD_SPACE.pattern[1:-1]}"
_MOJIBAKE_AFTER_LEAD = (
    f"[{_CONTINUATIONS}?\x1a\ufffd]"
    f"|(?<=[{_misread(bytes.fromhex('c2c3c5ced0d9'), _NOT_MACROMAN)}])[{_SPACES}]"
    f"|(?<=[{_misread(bytes.fromhex('e2e3f0'), _NOT_MACROMAN)}])[{_SPACES}][{_CONTINUATIONS}]"
)
_MOJIBAKE_ALONE = "\x1b\x80-\x9f\ud800-\udfff"
_MAYBE_MOJIBAKE = re.compile(
    f"[{_MOJIBAKE_ALONE}{_LEADS}](?:(?<=[{_MOJIBAKE_ALONE}])|{_MOJIBAKE_AFTER_LEAD})"
)
_MOJIBAKE_ALONE_CHAR = re.compile(f"[{_MOJIBAKE_ALONE}]")
_MOJIBAKE_PAIR = re.compile(f"[{_LEADS}](?:{_MOJIBAKE_AFTER_LEAD})")
# A non-ASCII character between two ASCII characters (or a line's ends) that cannot stand for
# a byte of a UTF-8 sequence: all but the space (a lost A0), "?" and SUB (a lost byte).
_STRANDED = re.compile(
    "(?<![^\x00-\x19\x1b-\x1f!-\x3e@-\x7f])[^\x00-\x7f](?![^\x00-\x19\x1b-\x1f!-\x3e@-\x7f])"
)
# The characters the fixers other than ftfy and the space ones act on.
_REPAIR_CHAR = re.compile(f"[&\r\x85\u2028\u2029{_INVISIBLE_OR_CONTROL.pattern[1:-1]}]")
# Those and the odd spaces: most text has none, and one look rules out both.
_REPAIR_OR_ODD_SPACE = re.compile(f"[{_REPAIR_CHAR.pattern[1:-1]}{_ODD_SPACE.pattern[1:-1]}]")
# Where ftfy's UTF8_DETECTOR_RE can match: a UTF-8 lead it knows, then as many continuations
# as the lead calls for. ftfy's pattern, opening with a lookbehind, is slow to search with.
_UTF8_CLUE = re.compile(
    "[{utf8_first_of_2}{utf8_first_of_3}{utf8_first_of_4}](?:"
    "(?<=[{utf8_first_of_2}])[{utf8_continuation}]"
    "|(?<=[{utf8_first_of_3}])[{utf8_continuation}]{{2}}"
    "|(?<=[{utf8_first_of_4}])[{utf8_continuation}]{{3}})".format(**UTF8_CLUES)
)
# Passes of the fixers over one text at most (see clean()).
_MAX_PASSES = 4


def fix_line_breaks(text: str) -> str:
    """CRLF, CR and Unicode line and paragraph separators become ``\\n``."""
    return _LINE_BREAKS.sub("\n", text)


def clean_code(text: str) -> str:
    """Code as written, made safe: its line breaks made ``\\n`` and its control characters and
    lone surrogates removed; spaces, tabs and indentation kept (``clean`` would change them)."""
    return _CONTROL.sub("", fix_line_breaks(text))


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
    if text.isascii() or not _may_hold_mojibake(text):
        return text
    return ftfy.fix_text(text, _FTFY)


def _may_hold_mojibake(text: str) -> bool:
    return _MAYBE_MOJIBAKE.search(text) is not None and _ftfy_may_change(text)


def _ftfy_may_change(text: str) -> bool:
    """Whether ftfy could change ``text``: False only where it would not, found much faster.

    ftfy fixes C1 controls, lone surrogates and terminal escapes; decodes mojibake sequences it
    recognises in place (a cheap step, run here as it is); and decodes a whole line (up to its
    max_decode_length) again as UTF-8, which needs every non-ASCII character in the line to be
    part of a byte sequence: one stranded between plain ASCII characters rules that out. Correct
    Latin-script text nearly always has one ("déjà"); other text (Cyrillic) is ruled out by
    trying the decoding itself. Either way the text is spared ftfy's slow badness heuristic,
    which it runs first (~40 µs a Latin paragraph, ~250 µs a long Cyrillic one).
    """
    if _MOJIBAKE_ALONE_CHAR.search(text) or _fixes_inconsistent_utf8(text):
        return True
    return any(
        len(line) > _FTFY.max_decode_length
        or (
            _MOJIBAKE_PAIR.search(line) is not None
            and _STRANDED.search(line) is None
            and _decodes_as_utf8(line)
        )
        for line in text.split("\n")
    )


def _decodes_as_utf8(line: str) -> bool:
    """Whether ftfy's whole-line repair may succeed on ``line``: its characters read back as the
    bytes of a single-byte charset, tidied as ftfy tidies them, decode as UTF-8. These are the
    steps, and the functions, of ftfy's fix_encoding, which tries each charset in turn; bytes
    that decode as they are answer at once (ftfy will tell)."""
    tried: set[tuple[bytes, bool, bool]] = set()
    for encoding in chardata.CHARMAP_ENCODINGS:
        if not chardata.possible_encoding(line, encoding):
            continue
        restore, lossy = encoding != "macroman", encoding.startswith("sloppy")
        data = line.encode(encoding)
        # Most charsets give punctuation ("“", "–") the same bytes: each outcome is tried once.
        if (data, restore, lossy) in tried:
            continue
        tried.add((data, restore, lossy))
        if _is_utf8(data):
            return True
        tidied = data
        if restore and chardata.ALTERED_UTF8_RE.search(tidied):
            tidied = fixes.restore_byte_a0(tidied)
        # What replace_lossy_sequences replaces always holds the SUB or "?" of a lost byte.
        if lossy and (b"\x1a" in tidied or b"?" in tidied):
            tidied = fixes.replace_lossy_sequences(tidied)
        if tidied != data and _is_utf8(tidied):
            return True
    return False


def _is_utf8(data: bytes) -> bool:
    """Whether ftfy decodes ``data`` as UTF-8 (or the variants it accepts)."""
    try:
        data.decode("utf-8-variants" if 0xED in data or 0xC0 in data else "utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _fixes_inconsistent_utf8(text: str) -> bool:
    """Whether ftfy's ``decode_inconsistent_utf8`` changes ``text``, found faster.

    That fixer replaces each match of UTF8_DETECTOR_RE shorter than the text, when ftfy judges
    it bad, by its ``fix_encoding``. The same matches are found here, looked for only where
    one can start; each is judged once (they are short, and correct text repeats them:
    "é «"), and no new text is built.
    """
    position = 0
    while (clue := _UTF8_CLUE.search(text, position)) is not None:
        match = UTF8_DETECTOR_RE.match(text, clue.start())
        if match is None:
            position = clue.start() + 1
            continue
        sequence = match.group()
        if len(sequence) < len(text) and _embedded_mojibake(sequence):
            return True
        position = match.end()
    return False


@functools.lru_cache(maxsize=4096)
def _embedded_mojibake(sequence: str) -> bool:
    """Whether ftfy replaces ``sequence``, a UTF8_DETECTOR_RE match, inside longer text."""
    return is_bad(sequence) and ftfy.fix_encoding(sequence) != sequence


def normalize_unicode(text: str) -> str:
    """Compose to NFC, so the same letter is always the same code points."""
    return text if text.isascii() else unicodedata.normalize("NFC", text)


def remove_invisible(text: str) -> str:
    """Drop zero-width spaces, word joiners, BOMs, soft hyphens and control characters."""
    return _INVISIBLE_OR_CONTROL.sub("", text)


def normalize_spaces(text: str) -> str:
    """Tabs, NBSP and other odd spaces become one plain space; lines lose edge spaces."""
    # Substring tests, much faster than the patterns, settle most text (in ASCII text, the
    # only odd space is the tab).
    if not text.isascii() or "\t" in text:
        text = _ODD_SPACE.sub(" ", text)
    if "  " in text:
        text = _SPACE_RUN.sub(" ", text)
    if text.startswith(" ") or text.endswith(" ") or " \n" in text or "\n " in text:
        text = _EDGE_SPACE.sub("", text)
    return text


def collapse_blank_lines(text: str) -> str:
    """At most one blank line in a row, none at either end."""
    if "\n\n\n" in text:
        text = _BLANK_RUN.sub("\n\n", text)
    return text.strip()


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
    # Trimmed first, as the fixers would trim it: the checks below then judge the text ftfy
    # would be given (an NBSP before "Ã " stops it reading as a whole line of UTF-8, and is
    # trimmed), and text that needs no repair comes out of the first pass unchanged.
    text = text.strip()
    plain = _REPAIR_OR_ODD_SPACE.search(text) is None
    if not _needs_repair(text, plain):
        # Most text: at most spaces and blank lines to tidy.
        if not _is_untidy(text, plain):
            return text
        tidied = collapse_blank_lines(normalize_spaces(text))
        # ftfy takes some spaces for lost bytes, so tidying can bring mojibake into view.
        if tidied.isascii() or not _may_hold_mojibake(tidied):
            return tidied
    # A pass can expose work for the next: removing a control character or trimming a space
    # can leave an entity, or mojibake that ftfy now recognises. ASCII text without control
    # characters settles in one pass; other text is cleaned until nothing changes.
    if text.isascii() and not _CONTROL.search(text):
        return _clean_once(text)
    for _ in range(_MAX_PASSES):
        cleaned = _clean_once(text)
        if cleaned == text:
            break
        text = cleaned
    return text


def _needs_repair(text: str, plain: bool) -> bool:
    """Whether a fixer other than the space and blank-line ones would change ``text``
    (``plain``: it has no character of _REPAIR_OR_ODD_SPACE)."""
    if not plain and _REPAIR_CHAR.search(text):
        return True
    if text.isascii():
        return False
    return _may_hold_mojibake(text) or not unicodedata.is_normalized("NFC", text)


def _is_untidy(text: str, plain: bool) -> bool:
    """Whether the space and blank-line fixers would change ``text``, besides trimming it
    (``plain``: it has no character of _REPAIR_OR_ODD_SPACE)."""
    return (
        "  " in text
        or ("\n" in text and (" \n" in text or "\n " in text or "\n\n\n" in text))
        or (not plain and _ODD_SPACE.search(text) is not None)
    )


def _clean_once(text: str) -> str:
    for fixer in FIXERS:
        text = fixer(text)
    return text
