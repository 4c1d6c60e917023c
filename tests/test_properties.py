"""Properties over generated input: parse never raises anything but ParseError, clean is
idempotent, Articles round-trip through JSON.

Runs are short by default; ``HYPOTHESIS_PROFILE=long pytest tests/test_properties.py`` runs long.
"""

from __future__ import annotations

import gzip
import json
import tempfile
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import unsyndicate
from unsyndicate import (
    Article,
    Block,
    Media,
    Notice,
    Original,
    ParseError,
    Publisher,
    Tag,
    pipeline,
)
from unsyndicate.cli import app

TAGS = ["p", "div", "span", "a", "b", "i", "h1", "h2", "ul", "ol", "li", "table", "tr", "td",
        "blockquote", "pre", "code", "br", "hr", "img", "figure", "figcaption", "article",
        "main", "section", "header", "footer", "nav", "aside", "script", "style", "iframe",
        "video", "svg", "form", "title", "meta", "head", "body", "html", "template"]  # fmt: skip
ATTRIBUTES = ["class", "id", "href", "src", "alt", "content", "name", "property", "rel",
              "type", "hidden", "style", "lang", "charset", "datetime", "role"]  # fmt: skip
WORDS = ["By", "Jane Doe", "Copyright", "©", "2020", "March 16, 2020", "originally published",
         "https://example.org/a", "&amp;", "&#8217;", "—", "*", "---", "|", "Donate",
         "Global Research", "\u00a0", "\u200b", "Ã©", "\x00", "\ud800", "\n", " "]  # fmt: skip

text_pieces = st.one_of(st.sampled_from(WORDS), st.text(max_size=20))
attribute = st.tuples(st.sampled_from(ATTRIBUTES), text_pieces)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attributes, inner, closed: (
            f"<{tag}"
            + "".join(f' {name}="{value}"' for name, value in attributes)
            + f">{''.join(inner)}"
            + (f"</{tag}>" if closed else "")
        ),
        st.sampled_from(TAGS),
        st.lists(attribute, max_size=3),
        st.lists(children, max_size=4),
        st.booleans(),
    )


html_like = st.recursive(text_pieces, _element, max_leaves=40)


def _never_raises_but_parse_error(call: Any, data: Any) -> None:
    try:
        article = call(data)
    except ParseError:
        return
    assert isinstance(article, Article)
    assert unsyndicate.from_dict(json.loads(json.dumps(unsyndicate.to_dict(article)))) == article


@given(st.binary(max_size=4096))
def test_parse_arbitrary_bytes(data: bytes) -> None:
    _never_raises_but_parse_error(unsyndicate.parse, data)


@given(st.lists(html_like, min_size=1, max_size=5).map("".join))
def test_parse_html_like_trees(html: str) -> None:
    _never_raises_but_parse_error(unsyndicate.parse, html)
    _never_raises_but_parse_error(unsyndicate.parse, html.encode("utf-8", "surrogatepass"))


@given(st.text(max_size=2000))
def test_parse_text_arbitrary_text(text: str) -> None:
    _never_raises_but_parse_error(unsyndicate.parse_text, text)


@given(st.lists(text_pieces, max_size=40).map("".join))
def test_parse_text_on_article_like_text(text: str) -> None:
    _never_raises_but_parse_error(unsyndicate.parse_text, text)


@given(st.one_of(st.text(max_size=2000), st.lists(text_pieces, max_size=40).map("".join)))
def test_clean_is_idempotent(text: str) -> None:
    once = unsyndicate.clean(text)
    assert unsyndicate.clean(once) == once


# Articles generated from the attrs classes: every field from its type, then the to_dict /
# from_dict round trip must give the same Article back.
strings = st.text(max_size=30)
optional = st.none() | strings
blocks = st.builds(
    Block,
    kind=st.sampled_from(["paragraph", "heading", "quote", "list", "image", "code", "table"]),
    text=strings,
    level=st.none() | st.integers(1, 6),
    items=st.lists(strings, max_size=3).map(tuple),
    ordered=st.booleans(),
    url=optional,
    caption=optional,
    rows=st.lists(st.lists(strings, max_size=3).map(tuple), max_size=3).map(tuple),
    language=optional,
)
articles = st.builds(
    Article,
    title=strings,
    subtitle=optional,
    authors=st.lists(strings, max_size=3).map(tuple),
    published=optional,
    modified=optional,
    publisher=st.none() | st.builds(Publisher, strings, optional),
    original=st.none() | st.builds(Original, strings, optional, optional),
    syndicated=st.booleans(),
    url=optional,
    canonical_url=optional,
    language=optional,
    image=optional,
    tags=st.lists(st.builds(Tag, strings, strings, optional), max_size=3).map(tuple),
    body=st.lists(blocks, max_size=4).map(tuple),
    media=st.lists(st.builds(Media, strings, strings, optional, optional), max_size=2).map(tuple),
    notices=st.lists(
        st.builds(Notice, strings, strings, optional, st.lists(strings, max_size=2).map(tuple)),
        max_size=3,
    ).map(tuple),
    adapter=strings,
    warnings=st.lists(strings, max_size=2).map(tuple),
)


def test_the_article_strategy_covers_every_field() -> None:
    # A field added to Article must be generated above, or the round trip would not test it.
    generated = {"title", "subtitle", "authors", "published", "modified", "publisher",
                 "original", "syndicated", "url", "canonical_url", "language", "image", "tags",
                 "body", "media", "notices", "adapter", "warnings"}  # fmt: skip
    assert {field.name for field in attrs.fields(Article)} <= generated


@given(articles)
def test_articles_round_trip_through_json(article: Article) -> None:
    data = json.loads(json.dumps(unsyndicate.to_dict(article)))
    assert unsyndicate.from_dict(data) == article


REGRESSIONS = sorted((Path(__file__).parent.parent / "fuzz" / "regressions").glob("*"))


@pytest.mark.parametrize("found", REGRESSIONS, ids=lambda path: path.name)
def test_inputs_the_fuzzer_broke_on(found: Path) -> None:
    """Each input the fuzzer once crashed on, through the fuzzer's own checks."""
    data = found.read_bytes()
    _never_raises_but_parse_error(unsyndicate.parse, data)
    _never_raises_but_parse_error(unsyndicate.parse_text, data)
    once = unsyndicate.clean(data.decode("utf-8", errors="surrogateescape"))
    assert unsyndicate.clean(once) == once


# The command line in jsonl mode: one record per input, whatever the mix of good and bad inputs.
GOOD_HTML = "<html><body><article><h1>{0}</h1><p>{0} said the harbour would reopen.</p></article>"
GOOD_TEXT = "{0}\n\nBy Jane Doe\n\n{0} said the harbour would reopen."
words = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12)
inputs = st.one_of(
    words.map(lambda word: ("html", GOOD_HTML.format(word).encode())),
    words.map(lambda word: ("txt", GOOD_TEXT.format(word).encode())),
    words.map(lambda word: ("html.gz", gzip.compress(GOOD_HTML.format(word).encode()))),
    st.just(("html", b"")),
    st.sampled_from([b" \n\t", b"\xef\xbb\xbf", b"\x00" * 64]).map(lambda data: ("txt", data)),
    st.binary(min_size=1, max_size=2048).map(lambda data: ("html", data)),
    st.binary(max_size=64).map(lambda data: ("html.gz", b"\x1f\x8b" + data)),
    html_like.map(lambda html: ("htm", html.encode("utf-8", "surrogatepass"))),
    st.text(max_size=300).map(lambda text: ("md", text.encode("utf-8", "surrogatepass"))),
)


@given(st.lists(inputs, min_size=1, max_size=8))
def test_cli_jsonl_gives_one_record_per_input(pages: list[tuple[str, bytes]]) -> None:
    with tempfile.TemporaryDirectory() as directory:
        paths = []
        for index, (suffix, data) in enumerate(pages):
            path = Path(directory) / f"page-{index}.{suffix}"
            path.write_bytes(data)
            paths.append(str(path))
        result = CliRunner().invoke(app, ["-f", "jsonl", "-q", "-j", "1", *paths])
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(Path(record["path"]).name for record in records) == sorted(
        Path(path).name for path in paths
    )
    failed = [record for record in records if "error" in record]
    assert all("title" in record for record in records if "error" not in record)
    assert result.exit_code == (1 if failed else 0)


@given(st.text(alphabet=st.characters(max_codepoint=0x120)) | st.text())
def test_noise_is_counted_as_the_pattern_counts_it(text: str) -> None:
    assert pipeline._noise(text) == len(pipeline._NOISE.findall(text))
