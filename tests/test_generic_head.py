"""read_head finds every element in one query and tests its selectors itself: the entries must be
the ones lexbor gives for each selector list, duplicates, case rules and namespaces included."""

from __future__ import annotations

import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import unsyndicate
from unsyndicate import pipeline
from unsyndicate.clean import clean
from unsyndicate.document import Head
from unsyndicate.head import _unwrapped, read_head
from unsyndicate.metadata import HEAD_KEYS

AUTHORS = (
    "[itemprop~=author], [rel~=author], [class*=byline i], [class*=author-name i], "
    "[class~=author i], [class*=__author i]"
)
TIMES = "time[datetime], [itemprop~=datePublished][datetime]"
SUBTITLE = (
    "[itemprop~=alternativeHeadline], [class*=subtitle i], [class*=standfirst i], "
    "[class*=subheadline i]"
)
LD = 'script[type="application/ld+json"]'

ATTRIBUTES = {
    "class": ["Byline", "x-AUTHOR-name", "author", "post__author", "SubTitle", "standfirst x"],
    "itemprop": [
        "author",
        "Author",
        "datePublished",
        "datepublished",
        "alternativeHeadline",
        "name",
        "author name",
    ],
    "rel": ["author", "AUTHOR", "me\tauthor", "me\u00a0author", "nofollow"],
    "type": ["application/ld+json", "Application/LD+JSON", "text/javascript"],
    "datetime": ["2020-01-02", "", " 2021-03-04T05:06 "],
    "content": ["A value", ""],
    "name": ["author", "description"],
}
TAGS = ["div", "span", "a", "time", "meta", "script", "svg:a", "svg:time", "svg:script"]


@st.composite
def elements(draw: st.DrawFn, depth: int = 0) -> str:
    """An element with test attributes, holding text and, but for scripts, more of them."""
    tag = draw(st.sampled_from(TAGS))
    names = draw(st.lists(st.sampled_from(sorted(ATTRIBUTES)), max_size=3, unique=True))
    attributes = "".join(f' {name}="{draw(st.sampled_from(ATTRIBUTES[name]))}"' for name in names)
    if tag.endswith("script"):
        text = '{"@type": "Article"}'
    else:
        inner = draw(st.lists(elements(depth + 1), max_size=2)) if depth < 2 else []
        text = draw(st.sampled_from(["Ann Lee, a name long enough", "A bio. " * 150]))
        text += "".join(inner)
    namespace, _, tag = tag.rpartition(":")
    element = f"<{tag}{attributes}>{text}</{tag}>"
    return f"<svg>{element}</svg>" if namespace else element


def expected(tree: LexborHTMLParser) -> dict[str, list[str]]:
    """The entries as one lexbor query per selector list gives them."""
    found: dict[str, list[str]] = {}
    for element in tree.css(AUTHORS):
        name = element.css_first("[itemprop~=name]")
        text = clean((name or element).text(deep=True, separator=" "))
        if text and len(text) <= 120:
            found.setdefault("byline", []).append(text)
    subtitle = tree.css_first(SUBTITLE)
    text = clean(subtitle.text(deep=True, separator=" ")) if subtitle is not None else ""
    if 20 <= len(text) <= 400:
        found["subtitle"] = [text]
    for element in tree.css(TIMES):
        moment = element.attributes.get("datetime")
        if moment:
            found.setdefault("datetime", []).append(moment.strip())
    found["jsonld"] = [str(len(tree.css(LD)))]
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(elements(), min_size=1, max_size=6))
def test_one_query_finds_what_each_selector_list_finds(parts: list[str]) -> None:
    tree = LexborHTMLParser(f"<html><head></head><body>{''.join(parts)}</body></html>")
    head = read_head(tree)
    found: dict[str, list[str]] = {
        name: list(head.meta[name])
        for name in ("byline", "subtitle", "datetime")
        if name in head.meta
    }
    found["jsonld"] = [str(len(head.jsonld))]
    assert found == expected(tree)


def test_an_element_matching_two_selectors_is_listed_twice() -> None:
    html = '<time itemprop="datePublished" datetime="2020-01-02">Jan 2</time>'
    head = read_head(LexborHTMLParser(html))
    assert head.meta["datetime"] == ("2020-01-02", "2020-01-02")


@pytest.mark.parametrize(
    ("html", "bylines"),
    [
        ('<div class="byline">By <b itemprop="name">Ann Lee</b></div>', ("Ann Lee",)),
        # A name before the author element, or after it, is not its name.
        (
            '<i itemprop="name">Zed</i><p class="byline">By <b itemprop="name">Ann Lee</b></p>',
            ("Ann Lee",),
        ),
        ('<p class="byline">By Ann Lee</p><i itemprop="name">Zed</i>', ("By Ann Lee",)),
        # Nested author elements: each one's first name inside it.
        (
            '<div class="byline">By <p class="author-name"><b itemprop="name">Bo</b></p></div>',
            ("Bo", "Bo"),
        ),
        # Too long for a byline: a biography, not read whole.
        (f'<div class="byline">{"A bio. " * 150}</div>', None),
    ],
)
def test_author_markup_gives_its_name(html: str, bylines: tuple[str, ...] | None) -> None:
    assert read_head(LexborHTMLParser(html)).meta.get("byline") == bylines


def test_rel_ignores_case_on_html_elements_only() -> None:
    html = '<a rel="AUTHOR">Ann Lee</a><svg><a rel="AUTHOR">Bo Chen</a></svg>'
    assert read_head(LexborHTMLParser(html)).meta["byline"] == ("Ann Lee",)


WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--|/\*)|(?:\]\]>|-->|\*/)\s*$")


@given(
    st.lists(
        st.sampled_from(["<![CDATA[", "<!--", "/*", "]]>", "-->", "*/", " ", "\n", "\xa0", "{}"]),
        max_size=8,
    ).map("".join)
)
def test_json_ld_loses_its_wrapper_markers_as_a_regex_would_take_them(raw: str) -> None:
    assert _unwrapped(raw) == WRAPPER.sub("", raw)


def test_json_ld_wrapped_in_a_comment_is_read() -> None:
    html = '<script type="application/ld+json"> <!--{"@type": "Article"}-->\n</script>'
    assert read_head(LexborHTMLParser(html)).jsonld == ({"@type": "Article"},)


def test_a_long_json_ld_list_is_read_whole_and_in_order() -> None:
    # 300,000 objects, under the size limit: read from a queue in one pass (taking each off
    # the front of a list would copy the rest every time: seconds for this one page).
    items: list[dict[str, str]] = [{}] * 300_000 + [{"@type": "Thing"}]
    data = json.dumps([items], separators=(",", ":"))
    html = f'<script type="application/ld+json">{data}</script>'
    jsonld = read_head(LexborHTMLParser(html)).jsonld
    assert len(jsonld) == 300_001 and jsonld[-1] == {"@type": "Thing"}


class _Asked(dict[str, tuple[str, ...]]):
    """Head metadata that records every name asked of it."""

    def __init__(self, meta: dict[str, tuple[str, ...]], asked: set[str]) -> None:
        super().__init__(meta)
        self.asked = asked

    def get(self, name: str, default: Any = None) -> Any:
        self.asked.add(name)
        return super().get(name, default)

    def __getitem__(self, name: str) -> tuple[str, ...]:
        self.asked.add(name)
        return super().__getitem__(name)

    def __contains__(self, name: object) -> bool:
        self.asked.add(str(name))
        return super().__contains__(name)


def test_every_meta_name_the_pipeline_asks_for_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    # A page with no metadata at all: every reader falls through every name it knows.
    asked: set[str] = set()

    def recorded(tree: LexborHTMLParser) -> Head:
        head = read_head(tree)
        return attrs.evolve(head, meta=_Asked(head.meta, asked))

    monkeypatch.setattr(pipeline, "read_head", recorded)
    unsyndicate.parse("<html><body><p>" + "A plain paragraph of the article. " * 5 + "</p>")
    assert "og:url" in asked and "twitter:title" in asked
    assert asked <= HEAD_KEYS


def test_meta_names_are_kept_by_their_trimmed_lower_case_name_and_only_if_read() -> None:
    html = (
        '<meta property=" OG:Title " content=" A  title ">'
        '<meta name="description" content="Not asked for">'
        '<meta name="author" content="">'
        '<meta itemprop="datePublished" content="2020-01-02">'
    )
    assert read_head(LexborHTMLParser(html)).meta == {
        "og:title": ("A title",),
        "datepublished": ("2020-01-02",),
    }
