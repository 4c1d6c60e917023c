"""Bytes to text: BOMs, declared and lying charsets, UTF-16 without a BOM, legacy code pages."""

from __future__ import annotations

import codecs

import pytest

import unsyndicate
from unsyndicate.decode import decode, decode_page

FRENCH = "Le café « naïf » coûte 3 € – “cité” déjà vu à l’été."
RUSSIAN = "Привет, мир! Это статья о погоде в Москве и о новостях дня."


def page(body: str, charset: str | None = None) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return f"<html><head>{meta}<title>T</title></head><body><p>{body}</p></body></html>"


def test_utf8_without_bom() -> None:
    assert decode(page(FRENCH).encode("utf-8")) == page(FRENCH)


def test_utf8_bom_is_dropped() -> None:
    assert decode(codecs.BOM_UTF8 + page(FRENCH).encode("utf-8")) == page(FRENCH)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_or_without_bom(encoding: str) -> None:
    # "utf-16" and "utf-32" write a BOM; the -le/-be forms do not.
    assert decode(page(FRENCH).encode(encoding)) == page(FRENCH)


def test_cp1252_bytes_without_a_declaration() -> None:
    assert decode(page(FRENCH).encode("cp1252")) == page(FRENCH)


def test_meta_charset_that_lies_about_utf8_bytes() -> None:
    # Labelled latin-1, sent as UTF-8: valid multi-byte UTF-8 wins over the label.
    html = page(FRENCH, "iso-8859-1")
    assert decode(html.encode("utf-8")) == html


def test_meta_charset_that_lies_about_cp1252_bytes() -> None:
    html = page("Café – “quoted” naïve déjà", "utf-8")
    assert decode(html.encode("cp1252")) == html


def test_http_charset_that_lies_about_utf8_bytes() -> None:
    assert decode(page(FRENCH).encode("utf-8"), declared="iso-8859-1") == page(FRENCH)


@pytest.mark.parametrize("charset", ["windows-1251", "koi8-r"])
def test_declared_cyrillic_code_page(charset: str) -> None:
    html = page(RUSSIAN, charset)
    assert decode(html.encode(charset)) == html


def test_charset_from_outside_is_used() -> None:
    assert decode(page(RUSSIAN).encode("cp1251"), declared="windows-1251") == page(RUSSIAN)


def test_unknown_or_garbled_charset_label_is_ignored() -> None:
    html = page(FRENCH, "no-such-charset")
    assert decode(html.encode("utf-8"), declared="x\x00y") == html


@pytest.mark.parametrize(
    "data", [b"", b"\xff\xfe", b"\xef\xbb\xbf", b"\x00" * 9, b"\xff" * 100, bytes(range(256))]
)
def test_odd_bytes_decode_without_raising(data: bytes) -> None:
    assert isinstance(decode(data), str)


@pytest.mark.parametrize("declared", [None, "utf-8", "windows-1252"])
def test_a_broken_sequence_in_a_utf8_page_does_not_turn_it_to_mojibake(
    declared: str | None,
) -> None:
    data = page(f"{FRENCH} ok").encode("utf-8").replace(b"ok", b"\xc3(")
    assert decode(data, declared=declared) == page(f"{FRENCH} \ufffd(")


@pytest.mark.parametrize(
    ("data", "exact"),
    [
        (page(FRENCH).encode("utf-8"), True),
        (page("ascii only").encode("ascii"), True),
        (b"\x00 nul \x00", True),
        (codecs.BOM_UTF8 + page(FRENCH).encode("utf-8"), False),
        (page(FRENCH).encode("utf-16-le"), False),
        (page(FRENCH).encode("cp1252"), False),
        (page(f"{FRENCH} ok").encode("utf-8").replace(b"ok", b"\xc3("), False),
    ],
    ids=["utf-8", "ascii", "nul", "utf-8-bom", "utf-16", "cp1252", "broken-utf-8"],
)
def test_decode_page_says_when_the_bytes_are_the_texts_utf8(data: bytes, exact: bool) -> None:
    text, is_exact = decode_page(data)
    assert text == decode(data)
    assert is_exact is exact
    assert (data == text.encode("utf-8")) is exact


def test_parse_reads_a_cp1252_page_from_bytes() -> None:
    article = unsyndicate.parse(page(FRENCH).encode("cp1252"))
    assert article.body[0].text == FRENCH


def test_parse_reads_a_bomless_utf16_page_from_bytes() -> None:
    article = unsyndicate.parse(page(FRENCH).encode("utf-16-le"))
    assert article.body[0].text == FRENCH


def test_parse_text_decodes_bytes_too() -> None:
    article = unsyndicate.parse_text(f"A title\n\n{RUSSIAN}".encode("utf-16"))
    assert article.body[0].text == RUSSIAN
