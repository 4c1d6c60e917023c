"""clean(): each repair on its own, text that must pass unchanged, and idempotence on real pages."""

from __future__ import annotations

import functools
import gzip
import sys
from collections.abc import Iterator
from pathlib import Path

import ftfy
import pytest
from ftfy.fixes import decode_inconsistent_utf8
from hypothesis import example, given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from conftest import fixture_pages
from unsyndicate import clean
from unsyndicate.clean import fix_mojibake

clean_module = sys.modules["unsyndicate.clean"]
FTFY = clean_module._FTFY


@pytest.mark.parametrize(
    ("dirty", "expected"),
    [
        # Mojibake: UTF-8 read as cp1252 or latin-1.
        ("It\u00e2\u20ac\u2122s a \u00e2\u20ac\u0153quote\u00e2\u20ac\u009d", "It’s a “quote”"),
        ("caf\u00c3\u00a9 cr\u00c3\u00a8me", "café crème"),
        ("\u00e2\u20ac\u201d dash", "— dash"),
        # Entities, double-escaped ones too.
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("Tom &amp;amp; Jerry", "Tom & Jerry"),
        ("&lt;b&gt; &#8217; &#x2019; &eacute;", "<b> ’ ’ é"),
        ("AT&T and R&D;", "AT&T and R&D;"),
        # Spaces: NBSP, tabs, odd spaces, runs, edges.
        ("a\u00a0b\tc\u2009d  \u3000e", "a b c d \u3000e"),
        ("  lead and trail  ", "lead and trail"),
        ("line one  \n   line two", "line one\nline two"),
        # Line breaks and blank lines.
        ("a\r\nb\rc\u2028d\u2029e\x85f", "a\nb\nc\nd\ne\nf"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        # Invisible and control characters.
        ("zero\u200bwidth soft\u00adhyphen \ufeffbom", "zerowidth softhyphen bom"),
        ("nul\x00 bell\x07 end\x1f", "nul bell end"),
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        # NFC.
        ("e\u0301", "\u00e9"),
    ],
)
def test_repairs(dirty: str, expected: str) -> None:
    assert clean(dirty) == expected


@pytest.mark.parametrize(
    "text",
    [
        "“Curly” ‘quotes’ — dashes – and … ellipses",
        "می\u200cخواهم",  # Persian needs ZWNJ
        "क्\u200dष",  # Devanagari with ZWJ
        "👩\u200d💻 family 👨\u200d👩\u200d👧",
        "日本語の文章、「引用」。全角！",
        "Ελληνικά, русский, עברית, العربية",
        "C++ & C# <tags> stay",
        "5 × 3 = 15 ½ ° €",
    ],
)
def test_correct_text_passes_unchanged(text: str) -> None:
    assert clean(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "&\x00gt;",  # a NUL hiding an entity (found by fuzzing)
        "e\x00\u0301",  # a control character blocking NFC composition
        "&&#8203;gt;",  # an entity spelling an invisible character that hides another entity
        "a&#13;\nb&#x2028;c",
        "\xa0Â¡",  # mojibake ftfy only sees once the leading space is trimmed (hypothesis)
    ],
)
def test_idempotent_on_tricky_input(text: str) -> None:
    once = clean(text)
    assert clean(once) == once


def _page_text(page: Path) -> str:
    raw = page.read_bytes()
    data = gzip.decompress(raw) if page.suffix == ".gz" else raw
    text = data.decode("utf-8", errors="replace")
    if ".htm" in page.name:
        body = LexborHTMLParser(text).body
        return body.text(separator="\n") if body is not None else ""
    return text


@pytest.mark.parametrize("page", fixture_pages(), ids=lambda page: page.name)
def test_idempotent_on_every_fixture_page(page: Path) -> None:
    for text in (_page_text(page), page.read_bytes()[:200_000].decode("utf-8", "replace")):
        once = clean(text)
        assert once, page
        assert clean(once) == once


# ftfy's charsets, and characters from every UTF-8 length (all two-byte ones, a spread of the rest).
_CHARSETS = ("latin-1", "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "iso8859-2",
             "mac_roman", "cp437")  # fmt: skip
_CHARS = [chr(c) for c in range(0x80, 0x800)] + [
    chr(c) for c in (*range(0x800, 0xD800, 97), *range(0xE000, 0x10000, 97), 0x1F600, 0x1F4A9)
]


def _mojibake(char: str) -> Iterator[str]:
    """``char`` in a sentence, its UTF-8 misread as each charset; also with A0 become a space."""
    for charset in _CHARSETS:
        misread = char.encode("utf-8").decode(charset, "ignore")
        yield f"Le mot {misread} ici"
        if "\xa0" in misread:
            yield f"Le mot {misread.replace(chr(0xA0), ' ')} ici"


def test_mojibake_is_repaired_exactly_as_ftfy_repairs_it() -> None:
    # clean() runs ftfy only on text it could change: every other text must be left as ftfy
    # leaves it, and every text ftfy repairs repaired the same.
    texts = [f"Le mot {char} ici" for char in _CHARS] + [
        text for char in _CHARS for text in _mojibake(char)
    ]
    differ = [text for text in texts if fix_mojibake(text) != ftfy.fix_text(text, FTFY)]
    assert differ == []


# Accented Latin text, other scripts, mojibake and what stands for lost bytes, mixed.
_MIXED = st.text(
    alphabet=st.sampled_from(
        sorted(
            {
                c
                for charset in ("cp1252", "cp1251", "mac_roman")
                for c in bytes(range(0x80, 0x100)).decode(charset, "ignore")
            }
            | set("ab ?\x1a\n\u00a0\ufffd\u0085\ud800\x1b.’é")
        )
    ),
    max_size=10,
)
_WORDS = st.sampled_from(
    ["déjà", "l’été", "naïf ", "Москва ", "word ", " ", "é ", "Ã ", "â€™", "?"]
)


@settings(max_examples=500)
@given(st.lists(st.one_of(_MIXED, _WORDS), max_size=8).map("".join))
def test_ftfy_is_skipped_only_where_it_would_change_nothing(text: str) -> None:
    assert fix_mojibake(text) == ftfy.fix_text(text, FTFY)


@settings(max_examples=500)
@given(st.lists(st.one_of(_MIXED, _WORDS), max_size=8).map("".join))
@example("déjà vu, it\u00e2\u20ac\u2122s back")  # mojibake the fixer repairs in place
@example("\u00e2\u20ac\u2122")  # the same, but the whole text: left to other steps
def test_inconsistent_utf8_is_found_where_ftfy_finds_it(text: str) -> None:
    changed = decode_inconsistent_utf8(text) != text
    assert clean_module._fixes_inconsistent_utf8(text) == changed


@pytest.mark.parametrize(
    ("text", "may_change"),
    [
        # Correct Cyrillic, Greek and curly-quoted prose: no character is stranded between ASCII
        # ones, so only decoding the line as ftfy would rules it out.
        ("— Мне нравится – всё.", False),
        ("Η Ελλάδα – και.", False),
        ("“It was terrifying,” she said — twice.", False),
        # UTF-8 misread as cp1251 and as cp1252.
        ("Привет, мир".encode().decode("cp1251"), True),
        ("déjà vu".encode().decode("cp1252"), True),
    ],
)
def test_ftfy_is_run_only_on_lines_it_could_decode(text: str, may_change: bool) -> None:
    assert clean_module._ftfy_may_change(text) is may_change
    assert (ftfy.fix_text(text, FTFY) != text) is may_change
    assert fix_mojibake(text) == ftfy.fix_text(text, FTFY)


# UTF-8 lead and continuation bytes, and the ASCII around them; no SUB and no "?".
@settings(max_examples=500)
@given(st.lists(st.sampled_from([*range(0x80, 0x100), *b" a.\n"])).map(bytes))
def test_lossy_sequences_hold_a_lost_byte(data: bytes) -> None:
    # clean() skips ftfy's replace_lossy_sequences on bytes without SUB or "?".
    assert ftfy.fixes.replace_lossy_sequences(data) == data


def test_inconsistent_utf8_check_agrees_with_ftfy_on_every_misread_character() -> None:
    texts = [text for char in _CHARS for text in _mojibake(char)]
    found = [clean_module._fixes_inconsistent_utf8(text) for text in texts]
    assert found == [decode_inconsistent_utf8(text) != text for text in texts]
    assert any(found)


@pytest.mark.parametrize(
    "text",
    [
        "déjà vu, it\u00e2\u20ac\u2122s back",  # a stranded é, and mojibake fixed in place
        "voil\u00c3 le travail",  # A0 become a space
        "\u0432\u0402\u045ahello\u0432\u0402\u045c",  # UTF-8 read as cp1251
        "caf\u00c3\u00a9 cr\u00c3\u00a8me\nd\u00e9j\u00e0 vu",  # the second line is correct
        # MacRoman mojibake, which ftfy repairs only line by line, and a correct line after it.
        "Le mot \u00ac\u00c4 ici\nd\u00e9j\u00e0 vu",
    ],
)
def test_mojibake_beside_correct_text_is_repaired(text: str) -> None:
    assert fix_mojibake(text) == ftfy.fix_text(text, FTFY) != text


# Pieces of text, clean and not: clean() takes shortcuts for the first kind.
_PIECES = st.sampled_from(
    ["word", "café", "Москва", "日本", "  ", " \n", "\n ", "\n\n\n", "\t", "\u00a0", "\u2009",
     " ", "\n", "&amp;", "\u200b", "Ã", "©", "e\u0301", "\x00", "—", "’", "\r\n", "déjà",
     "a\u00a0b", "\u00ac\u00c4", "Ã\u00a0", "?"]
)  # fmt: skip


@settings(max_examples=600)
@given(st.lists(_PIECES, max_size=12).map("".join))
# Mojibake ftfy sees only once the NBSP is a space: the shortcut must look again after tidying.
@example("\u00ac\u00c4 a\u00a0b")
# A leading NBSP, trimmed before ftfy sees the line, hid "Ã " from the whole-line check.
@example("\u00a0\u00c3 \nword")
def test_shortcuts_give_what_every_fixer_gives(text: str) -> None:
    assert clean(text) == _fixed_point(text)


def _fixed_point(text: str) -> str:
    """Every fixer, pass after pass, until nothing changes: what clean()'s shortcuts must equal."""
    text = text.strip()
    for _ in range(8):
        cleaned = functools.reduce(lambda done, fixer: fixer(done), clean_module.FIXERS, text)
        if cleaned == text:
            break
        text = cleaned
    return text
