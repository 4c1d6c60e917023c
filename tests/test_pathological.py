"""Hostile and broken pages: each is parsed (with warnings where something was dropped) or refused
with a ParseError; nothing else is raised. Behaviour only: benchmarks/pathological.py builds the
same cases at full size and prints their time and memory.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import lzma
import random
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import unsyndicate
from unsyndicate import Article, ParseError
from unsyndicate.markup import MAX_ATTRIBUTES, MAX_DEPTH

_SPEC = importlib.util.spec_from_file_location(
    "pathological", Path(__file__).parent.parent / "benchmarks" / "pathological.py"
)
assert _SPEC is not None and _SPEC.loader is not None
cases = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(cases)

MB = 1024 * 1024
PARAGRAPH_TEXT = re.sub(r"<[^>]+>", "", cases.PARAGRAPH).strip()
FLATTENED = f"markup nested deeper than {MAX_DEPTH} levels was flattened"


def body_texts(article: Article) -> list[str]:
    return [block.text for block in article.body]


def test_big_page_with_script_style_and_data_image() -> None:
    article = unsyndicate.parse(cases.heavy_page(20 * MB))
    assert body_texts(article) == [PARAGRAPH_TEXT] * 40
    assert article.warnings == ()


def test_dense_paragraphs_each_become_a_block() -> None:
    data = cases.dense_text(MB)
    article = unsyndicate.parse(data)
    assert body_texts(article) == [PARAGRAPH_TEXT] * data.count(b"<p>")


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_nesting_is_flattened_and_its_text_kept(depth: int) -> None:
    html = "<div>" * depth + cases.PARAGRAPH + "</div>" * depth
    article = unsyndicate.parse(cases.page(html))
    assert body_texts(article) == [PARAGRAPH_TEXT]
    assert FLATTENED in article.warnings


def test_deep_inline_nesting_inside_a_paragraph() -> None:
    article = unsyndicate.parse(cases.nested_inline(3 * MB))
    assert body_texts(article) == ["Start deep words end."]
    assert FLATTENED in article.warnings


def test_author_markup_nested_round_the_article() -> None:
    # Each level's text is the whole article: far too long for a byline, and not read whole.
    article = unsyndicate.parse(cases.nested_authors(MB))
    assert set(body_texts(article)) == {PARAGRAPH_TEXT}
    assert article.authors == ()


@pytest.mark.parametrize(
    "unit", ["<dl><dt>t</dt><dd>d</dd></dl>", "<p>" + "word<br>" * 100 + "</p>"]
)
def test_a_big_page_of_tiny_elements_is_refused(unit: str) -> None:
    with pytest.raises(ParseError, match="markup too dense"):
        unsyndicate.parse(cases.tiny_elements(unit)(2 * MB))


def test_big_pages_as_dense_as_real_ones_are_parsed() -> None:
    # One-sentence paragraphs, and "<" in text, are far from the density refused.
    assert len(unsyndicate.parse(cases.dense_text(2 * MB)).body) > 10_000
    assert unsyndicate.parse(cases.run_of("<>&<")(2 * MB)).body
    # A small page is never refused: its tree is small whatever its density.
    assert unsyndicate.parse(cases.tiny_elements("<p>a</p>")(MB // 2)).body


def test_nesting_within_the_bound_is_left_alone() -> None:
    html = "<div>" * 100 + cases.PARAGRAPH + "</div>" * 100
    article = unsyndicate.parse(cases.page(html))
    assert body_texts(article) == [PARAGRAPH_TEXT]
    assert article.warnings == ()


def test_a_million_attributes_on_one_tag() -> None:
    article = unsyndicate.parse(cases.many_attributes(10_000_000))
    assert body_texts(article) == ["Text of a paragraph with a million attributes."]
    assert f"attributes past the first {MAX_ATTRIBUTES} of a tag were dropped" in article.warnings


def test_a_long_line_without_spaces() -> None:
    article = unsyndicate.parse(cases.long_line(2 * MB))
    assert body_texts(article) == ["a" * (2 * MB)]


@pytest.mark.parametrize("unit", [" ", "\t", "\u00a0", "-", "*", ".,;:!?*[]()<>&#", "="])
def test_long_runs_of_spaces_dashes_and_punctuation(unit: str) -> None:
    article = unsyndicate.parse(cases.run_of(unit)(2 * MB))
    texts = body_texts(article)
    assert texts[0] == texts[-1] == PARAGRAPH_TEXT
    assert len(texts) == 3


@pytest.mark.parametrize(
    "unit", ["-", " ", "[a](**a <http:", "*a* ", "# ## ", "| a ", "> ", "> q\n", "- item\n"]
)
def test_long_runs_in_text_renderings(unit: str) -> None:
    article = unsyndicate.parse_text(cases.text_run_of(unit)(2 * MB))
    assert article.title == "A title"
    assert article.authors == ("Jane Doe",)
    assert body_texts(article)[-1] == "The end."


@pytest.mark.parametrize("marker", ["> ", "- "])
def test_every_line_of_a_long_run_in_a_text_rendering_is_kept(marker: str) -> None:
    # Some 380 kB of lines: the text is read in several chunks, and no line is lost or joined.
    lines = [f"line {number}" for number in range(30_000)]
    text = "\n".join(marker + line for line in lines)
    block = unsyndicate.parse_text(f"A title\n\n{text}\n\nThe end.").body[0]
    assert (block.items or tuple(block.text.split("\n"))) == tuple(lines)


def test_nul_bytes_and_lone_surrogates_never_reach_the_output() -> None:
    article = unsyndicate.parse(cases.nul_and_surrogates(MB))
    assert set(body_texts(article)) == {"nul byte and a lone surrogate in text."}
    # Strict UTF-8 encoding fails on any lone surrogate left anywhere in the Article.
    encoded = json.dumps(unsyndicate.to_dict(article), ensure_ascii=False).encode("utf-8")
    assert b"\x00" not in encoded


@pytest.mark.parametrize("page", [str, str.encode])
def test_nul_characters_leave_no_replacement_character(page: Callable[[str], str | bytes]) -> None:
    # The parser would make each NUL outside text (a title, an attribute) a U+FFFD.
    html = '<title>A\x00 title</title><p title="x\x00">Some\x00 text of a paragraph.</p>'
    article = unsyndicate.parse(page(html))
    assert article.title == "A title"
    assert body_texts(article) == ["Some text of a paragraph."]


def test_utf16_page_without_a_bom() -> None:
    article = unsyndicate.parse(cases.utf16_without_bom(MB))
    assert set(body_texts(article)) == {cases.FRENCH.strip()}


def test_page_whose_meta_charset_lies() -> None:
    article = unsyndicate.parse(cases.lying_charset(MB))
    assert set(body_texts(article)) == {cases.FRENCH.strip()}


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t  ",
        "\u3000\n",
        cases.binary_noise(MB),
        b"\x00" * 1000,
        b"\xff\xd8\xff\xe0\x00\x10JFIF",
        gzip.compress(b"<p>A page sent compressed.</p>" * 100),
        lzma.compress(cases.dense_text(100_000)),
        zlib.compress(cases.dense_text(100_000)),
    ],
    ids=["empty", "whitespace", "unicode-space", "noise", "nul", "jpeg", "gzip", "xz", "zlib"],
)
@pytest.mark.parametrize("entry", [unsyndicate.parse, unsyndicate.parse_text])
def test_nothing_to_extract_is_a_parse_error(data: bytes | str, entry: object) -> None:
    with pytest.raises(ParseError):
        entry(data)  # type: ignore[operator]


def test_page_with_no_article_gives_warnings() -> None:
    article = unsyndicate.parse("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    assert article.body == ()
    assert "no article body found" in article.warnings


@pytest.mark.parametrize(
    "html",
    [
        "<p>unclosed <b>bold <i>italic <a href='x'>link",
        "</p></div></body></html><p>closing tags first</p>",
        "<table><td><p>cell<tr>row<table>inner",
        "<p>a<!-- unclosed comment",
        "<script>never closed <p>text",
        "<p title='unclosed attribute>text</p>",
        "<svg><path d='M0'/>" * 2000 + "<p>after svg</p>",
        "<<<<>>>><p>&&&;;&#;&#x;&#99999999;</p>",
    ],
)
def test_malformed_html_parses(html: str) -> None:
    assert isinstance(unsyndicate.parse(html), Article)


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("<table><tr><td>", "</td></tr></table>"), ("<ul><li>", "</li></ul>")],
    ids=["tables", "lists"],
)
def test_deeply_nested_tables_and_lists(opening: str, closing: str) -> None:
    article = unsyndicate.parse(cases.page(opening * 10_000 + "deep text" + closing * 10_000))
    assert body_texts(article) == ["deep text"]


def test_deeply_nested_lists_of_links_keep_every_item() -> None:
    # Each of the nested lists is judged on the links and text it holds.
    item = "<ul><li><a href='/more'>Read more</a> about the bridge plan "
    article = unsyndicate.parse(cases.page(item * 10_000 + "last" + "</li></ul>" * 10_000))
    lines = article.text.split("\n")
    assert lines[:-1] == ["Read more about the bridge plan"] * 9_999
    assert lines[-1] == "Read more about the bridge plan last"


def test_paragraphs_deep_in_nested_quotes_are_one_quote() -> None:
    # Each quote is scored on its text, summed from the quotes inside it.
    html = "<blockquote>" * 500 + cases.PARAGRAPH * 200 + "</blockquote>" * 500
    article = unsyndicate.parse(cases.page(html))
    assert [block.kind for block in article.body] == ["quote"]
    assert article.body[0].text.split("\n") == [PARAGRAPH_TEXT] * 200


def test_a_table_nested_in_a_cell_is_that_cells_text() -> None:
    html = (
        "<table><thead><tr><th>A</th><th>B</th></tr></thead><tbody><tr><td>1</td>"
        "<td>2<table><tr><td>inner</td></tr></table></td></tr></tbody></table>"
    )
    assert unsyndicate.parse(html).body[0].rows == (("A", "B"), ("1", "2 inner"))


_ATTRIBUTES = "".join(f" data-n{number}='value'" for number in range(1_500))


@pytest.mark.parametrize(
    ("page", "bounded"),
    [
        # Long stretches without ">" that are not one tag: a script's data, a long paragraph.
        ("<script>var a = '" + "{" * 30_000 + "';</script><p>Kept as it is.</p>", False),
        ("<p>" + "word " * 6_000 + "</p><p>Kept as it is.</p>", False),
        # One tag of more than a thousand attributes (30 kB), after a long script.
        ("<script>var a = '" + "{" * 30_000 + "';</script><p" + _ATTRIBUTES + ">Kept.</p>", True),
    ],
)
def test_only_a_tag_with_too_many_attributes_is_bounded(page: str, bounded: bool) -> None:
    warnings = unsyndicate.parse(page).warnings
    assert any("attributes past the first" in warning for warning in warnings) is bounded


def test_the_huge_tag_check_agrees_with_its_plain_definition() -> None:
    # A "<", a letter, then more than the bound of characters without "<" or ">".
    definition = re.compile(r"<[A-Za-z][^<>]{20000}")
    has_huge_tag = sys.modules["unsyndicate.markup"]._has_huge_tag
    chance = random.Random(6)
    for _ in range(300):
        before = chance.choice(["", ">", "x" * chance.randint(0, 30_000), "<a>" * 5])
        tag = chance.choice(["<a", "<1", "<", "a<b"]) + "z" * chance.choice([19_999, 20_000, 50])
        after = chance.choice(["", ">", "<", "<b" + "q" * chance.randint(0, 25_000)])
        page = before + tag + after
        assert has_huge_tag(page) == bool(definition.search(page)), (len(before), len(tag))


# The markup bound's tokens in their plain definition: a raw-text element or a comment runs to
# the first end that closes it, found by a lazy match (slow: the whole tail is tried at every
# character).
_PLAIN_TAG = re.compile(
    r"<(?:(?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b"
    r".*?(?:</(?P=raw)\s*>|\Z)"
    r"|!--.*?(?:-->|\Z)"
    r"|(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*+)(?P<attributes>(?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+)>?)",
    re.IGNORECASE | re.DOTALL,
)
_PIECES = ["<", ">", "/", "-", "--", "-->", "<!--", "<!-", "!", "\"", "'", "=", " ", "\n", "a",
           "<script>", "<SCRIPT", "</script", "</sCript >", "</script\n>", "<scripts>",
           "<script-x>", "<style", "</style>", "<title>", "</title>", "<plaintext>", "<div",
           "</div>", "<p a='>'", "<svg>", "<path/>", "<!---->", "<!--->"]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=30))
def test_the_markup_tokens_agree_with_their_plain_definition(pieces: list[str]) -> None:
    page = "".join(pieces)

    def tokens(pattern: re.Pattern[str]) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
        return [(match.span(), match.groupdict()) for match in pattern.finditer(page)]

    assert tokens(sys.modules["unsyndicate.markup"]._TAG) == tokens(_PLAIN_TAG)
