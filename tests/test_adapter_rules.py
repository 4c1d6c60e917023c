"""Adapter field rules and notice blocks: what a rule gives wins, what it leaves falls back."""

from __future__ import annotations

import re
from typing import Any

import attrs
import pytest

import unsyndicate
from conftest import FIXTURES, page_url
from unsyndicate.adapter import FIELDS, GENERIC, Adapter, blocks, signature
from unsyndicate.document import Document
from unsyndicate.model import Notice, Original, Publisher
from unsyndicate.registry import Registered, Registry

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Head title | Example</title>
<link rel="canonical" href="https://example.org/head-canonical">
<meta property="og:title" content="Head title">
<meta property="og:image" content="https://example.org/head.jpg">
<meta name="author" content="Head Author">
<meta property="article:published_time" content="2020-01-01">
<meta property="article:modified_time" content="2020-01-02">
<meta name="x-canonical" content="https://example.org/rule-canonical">
</head><body>
<div class="share">Share this story <div class="share">Tweet</div></div>
<article>
<h1>Page heading</h1>
<h2 class="dek">The subtitle</h2>
<p class="by"><span>Ann One</span> and <span>Bob Two</span></p>
<p>The one paragraph of this page's body, written for these tests, long enough to be read as
an article and not as furniture by the generic rules.</p>
<div class="src" data-url="https://origin.example/story" data-date="2019-12-31">Origin Times</div>
<time class="mod" datetime="2020-02-02T10:00:00Z">Feb 2</time>
<img class="lead" src="https://example.org/lead.jpg" alt="">
<aside class="promo"><a href="https://origin.example/">More from Origin Times</a></aside>
<div class="tail"><p>Sign up for our daily newsletter.</p><p>Comments</p></div>
</article></body></html>
"""
URL = "https://example.org/a"


def published_in_march(document: Document) -> str:
    return "March 3, 2020"


RULED = Adapter(
    name="ruled",
    fields={
        "title": ("h3.missing", "h1"),
        "subtitle": (".dek",),
        "authors": (".by",),
        "published": (published_in_march,),
        "modified": (("time.mod", "datetime"),),
        "canonical": (('meta[name="x-canonical"]', "content"),),
        "image": (("img.lead", "src"),),
        "original_name": (".src",),
        "original_url": ((".src", "data-url"),),
        "original_published": ((".src", "data-date"),),
    },
)
# Every field has a rule, and none of them finds anything on the page.
MISSING = Adapter(
    name="missing", fields={name: (".nowhere", (".nowhere", "href")) for name in FIELDS}
)


def parse(adapter: Adapter, page: str = PAGE) -> unsyndicate.Article:
    adapters = (adapter,) if adapter is GENERIC else (adapter, GENERIC)
    registry = Registry.build(Registered(item, "builtin") for item in adapters)
    return unsyndicate.parse(page, URL, adapter=adapter.name, registry=registry)


def test_field_rules_override_the_generic_ones() -> None:
    article = parse(RULED)
    assert article.title == "Page heading"
    assert article.subtitle == "The subtitle"
    assert article.authors == ("Ann One", "Bob Two")
    assert article.published == "2020-03-03"
    assert article.modified == "2020-02-02T10:00:00+00:00"
    assert article.canonical_url == "https://example.org/rule-canonical"
    assert article.image == "https://example.org/lead.jpg"
    assert article.original == Original(
        "Origin Times", "https://origin.example/story", "2019-12-31"
    )
    assert article.syndicated


def test_every_field_falls_back_to_the_generic_rule() -> None:
    assert attrs.evolve(parse(MISSING), adapter="generic") == parse(GENERIC)


def test_original_url_alone_names_the_original_by_its_host() -> None:
    adapter = Adapter(name="urlonly", fields={"original_url": ((".src", "data-url"),)})
    assert parse(adapter).original == Original("origin.example", "https://origin.example/story")


def test_unknown_field_is_refused_when_the_adapter_is_declared() -> None:
    with pytest.raises(ValueError, match="unknown adapter fields \\['headline'\\]"):
        Adapter(name="typo", fields={"headline": ("h1",)})


@pytest.mark.parametrize(
    "declared",
    [
        {"content": ("article[",)},
        {"exclude": (".share >>",)},
        {"fields": {"title": (("h1[", "content"),)}},
        {"notice_blocks": blocks("share", "div:nth-child(")},
    ],
)
def test_a_bad_selector_is_refused_when_the_adapter_is_declared(declared: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match="bad CSS selector"):
        Adapter(name="bad", **declared)


def test_a_failing_function_rule_falls_back_with_a_warning() -> None:
    def broken(document: Document) -> str:
        raise RuntimeError("no luck")

    article = parse(Adapter(name="broken", fields={"published": (broken,)}))
    assert article.published == "2020-01-01"
    assert article.warnings == ("adapter broken: published rule failed: RuntimeError('no luck')",)


def test_text_pages_skip_selectors_and_run_functions() -> None:
    adapter = Adapter(name="texty", fields={"title": ("h1",), "published": (published_in_march,)})
    registry = Registry.build([Registered(adapter, "builtin"), Registered(GENERIC, "builtin")])
    text = "A text title\n\nThe body of a page written for these tests."
    article = unsyndicate.parse_text(text, URL, adapter="texty", registry=registry)
    assert (article.title, article.published) == ("A text title", "2020-03-03")


NOTICED = Adapter(
    name="noticed",
    publisher=Publisher("Example"),
    fields={"original_name": (".src",)},
    notice_blocks=(
        *blocks("share", ".share"),
        *blocks("related", ".promo", provider=True),
        *blocks(None, ".tail"),
    ),
)


def test_notice_blocks_become_notices_with_their_owner() -> None:
    article = parse(NOTICED)
    assert article.notices == (
        Notice("share", "Share this story\nTweet", "Example"),
        Notice("related", "More from Origin Times", "Origin Times", ("https://origin.example/",)),
        Notice("newsletter", "Sign up for our daily newsletter.", "Example"),
        Notice("comments", "Comments", "Example"),
    )
    body = article.text
    assert "Share this story" not in body and "newsletter" not in body
    assert "More from Origin Times" not in body


def test_provider_block_without_a_named_original_belongs_to_the_publisher() -> None:
    adapter = attrs.evolve(NOTICED, fields={})
    promo = [notice for notice in parse(adapter).notices if notice.kind == "related"]
    assert [notice.owner for notice in promo] == ["Example"]


def test_a_continuation_block_says_the_body_is_partial() -> None:
    teaser = Adapter(
        name="teaser",
        fields={"original_name": (".src",)},
        notice_blocks=blocks("continuation", ".promo", provider=True),
    )
    article = parse(teaser)
    link = Notice(
        "continuation", "More from Origin Times", "Origin Times", ("https://origin.example/",)
    )
    assert link in article.notices
    assert "partial body: the page shows a preview" in article.warnings
    assert not any("partial" in warning for warning in parse(NOTICED).warnings)


def test_the_yahoo_teaser_keeps_its_read_more_link_and_warns() -> None:
    page = FIXTURES / "yahoo" / "yahoo.com.html"
    article = unsyndicate.parse(page.read_bytes(), page_url(page))
    (link,) = [notice for notice in article.notices if notice.kind == "continuation"]
    assert (link.text, link.owner) == ("Read More", "Fox Nation")
    assert article.original is not None and link.links == (article.original.url,)
    assert article.warnings == ("partial body: the page shows a preview",)


def test_a_failing_refine_keeps_the_article_with_a_warning() -> None:
    def broken(article: unsyndicate.Article, document: Document) -> unsyndicate.Article:
        raise KeyError("nothing")

    article = parse(Adapter(name="refining", refine=broken))
    unrefined = parse(Adapter(name="refining"))
    warning = "adapter refining: refine failed: KeyError('nothing')"
    assert article == attrs.evolve(unrefined, warnings=(*unrefined.warnings, warning))


def _title_from_source(document: Document) -> str:
    found = re.search(r"<!-- headline: (.*?) -->", document.source)
    return found[1] if found else ""


@pytest.mark.parametrize(
    ("page", "charset"),
    [
        (PAGE.replace("<article>", "<article><!-- headline: Café – “crème” -->"), "utf-8"),
        # Kept as UTF-8 bytes after decoding: the source is the text all the same.
        (PAGE.replace("<article>", "<article><!-- headline: Café – “crème” -->"), "utf-16"),
        (PAGE.replace("<article>", "<article><!-- headline: Café crème -->"), "cp1252"),
    ],
)
def test_a_function_rule_reads_the_page_source_whatever_the_bytes(page: str, charset: str) -> None:
    adapter = Adapter(name="sourced", fields={"title": (_title_from_source,)})
    registry = Registry.build(Registered(item, "builtin") for item in (adapter, GENERIC))
    data = page.encode(charset)
    article = unsyndicate.parse(data, URL, adapter="sourced", registry=registry, charset=charset)
    assert article.title == re.search(r"headline: (.*?) -->", page)[1]  # type: ignore[index]


def test_a_signature_is_found_in_utf8_bytes_and_in_text() -> None:
    signed = Adapter(name="signed", signatures=(signature(r"Made by Signed Press, \d{4}"),))
    registry = Registry.build(Registered(item, "builtin") for item in (signed, GENERIC))
    page = PAGE.replace("<article>", "<article><p>Made by Signed Press, 2020. Ünïcode.</p>")
    for given in (page, page.encode("utf-8"), page.encode("utf-16")):
        assert unsyndicate.parse(given, registry=registry).adapter == "signed"
    assert unsyndicate.parse(PAGE.encode(), registry=registry).adapter == "generic"


def test_a_function_rule_reads_the_page_scripts_included() -> None:
    def from_script(document: Document) -> str | None:
        assert document.tree is not None
        script = document.tree.css_first("script#story-data")
        return script.text() if script is not None else None

    page = PAGE.replace("</body>", '<script id="story-data">From a script</script></body>')
    article = parse(Adapter(name="scripted", fields={"subtitle": (from_script,)}), page)
    assert article.subtitle == "From a script"
    assert "From a script" not in article.text
