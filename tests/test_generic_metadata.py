"""Generic metadata: JSON-LD (with @graph), OpenGraph, meta tags, page markup, each in order."""

from __future__ import annotations

import json
from typing import Any

import pytest
from selectolax.lexbor import LexborHTMLParser

import unsyndicate
from unsyndicate.generic.authors import clean_authors, signatures
from unsyndicate.head import read_head
from unsyndicate.metadata import head_canonical

BODY = "<article>" + "<p>Some text of the article, long enough, to be the body here.</p>" * 3


def page(head: str = "", body: str = BODY, lang: str = "") -> str:
    attribute = f' lang="{lang}"' if lang else ""
    return f"<html{attribute}><head>{head}</head><body>{body}</article></body></html>"


def ld(data: Any) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def meta(name: str, content: str, attribute: str = "name") -> str:
    return f'<meta {attribute}="{name}" content="{content}">'


def test_json_ld_article_in_a_graph_gives_every_field() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "name": "Example Site"},
            {
                "@type": "NewsArticle",
                "headline": "Headline from JSON-LD",
                "alternativeHeadline": "The standfirst",
                "author": [{"@type": "Person", "name": "Ann Lee"}, {"name": "Bo Chen"}],
                "datePublished": "2021-03-04T05:06:07Z",
                "dateModified": "2021-03-05",
                "publisher": {"@type": "Organization", "name": "Example News"},
                "image": {"@type": "ImageObject", "url": "https://example.com/lead.jpg"},
                "keywords": ["bridges", "councils"],
                "articleSection": "Local",
                "inLanguage": "en-GB",
            },
        ],
    }
    article = unsyndicate.parse(page(ld(graph) + "<title>Other | Site</title>"))
    assert article.title == "Headline from JSON-LD"
    assert article.subtitle == "The standfirst"
    assert article.authors == ("Ann Lee", "Bo Chen")
    assert article.published == "2021-03-04T05:06:07+00:00"
    assert article.modified == "2021-03-05"
    assert article.publisher is not None and article.publisher.name == "Example News"
    assert article.image == "https://example.com/lead.jpg"
    assert [(tag.kind, tag.name) for tag in article.tags] == [
        ("section", "Local"),
        ("keyword", "bridges"),
        ("keyword", "councils"),
    ]
    assert article.language == "en-GB"


def test_json_ld_in_cdata_is_read() -> None:
    script = (
        '<script type="application/ld+json"><![CDATA[{"@type": "Article", '
        '"headline": "Wrapped", "datePublished": "2013-09-11"}]]></script>'
    )
    article = unsyndicate.parse(page(script))
    assert (article.title, article.published) == ("Wrapped", "2013-09-11")


def test_opengraph_and_meta_tags_fill_in_without_json_ld() -> None:
    head = (
        meta("og:title", "OG title", "property")
        + meta("og:site_name", "The Site", "property")
        + meta("article:published_time", "2020-01-02T03:04:05+01:00", "property")
        + meta("author", "Dana Fox")
        + meta("og:locale", "fr_FR", "property")
    )
    article = unsyndicate.parse(page(head))
    assert article.title == "OG title"
    assert article.publisher is not None and article.publisher.name == "The Site"
    assert article.published == "2020-01-02T03:04:05+01:00"
    assert article.authors == ("Dana Fox",)
    assert article.language == "fr-FR"


def test_the_title_tag_loses_its_site_suffix() -> None:
    article = unsyndicate.parse(page("<title>Bridge plan approved | The Daily Example</title>"))
    assert article.title == "Bridge plan approved"


def test_microdata_byline_and_time_element_are_the_last_sources() -> None:
    body = (
        '<article><div class="byline">By <span itemprop="author">Eve Stone</span></div>'
        '<time datetime="2019-11-18T10:00:00Z">Nov 18</time>'
        + "<p>Some text of the article, long enough, to be the body here.</p>"
        * 3
    )
    article = unsyndicate.parse(page(body=body))
    assert article.authors == ("Eve Stone",)
    assert article.published == "2019-11-18T10:00:00+00:00"


def test_the_first_byline_on_the_page_is_the_articles() -> None:
    body = (
        '<article><p class="byline">By Max Ray | March 3, 2019</p>'
        + "<p>Some text of the article, long enough, to be the body here.</p>" * 3
        + '</article><aside><span class="byline">By Someone Else</span></aside>'
    )
    assert unsyndicate.parse(page(body=body)).authors == ("Max Ray",)


def test_html_lang_wins_over_locale() -> None:
    article = unsyndicate.parse(page(meta("og:locale", "de_DE", "property"), lang="en"))
    assert article.language == "en"


@pytest.mark.parametrize(
    ("texts", "sites", "expected"),
    [
        (["By Ann Lee and Bo Chen"], (), ("Ann Lee", "Bo Chen")),
        (["Staff", "Ann Lee"], (), ("Ann Lee",)),
        (["Reuters"], (), ()),
        (["JILL LAWLESS Associated Press"], (), ("JILL LAWLESS",)),
        (["Example News"], ("Example News",), ()),
        (["Vortex"], ("vortexcannon.org",), ()),
        (["By Ann Lee | Updated March 3, 2019"], (), ("Ann Lee",)),
        (["Written by Rob Ewaschuk, Edited by Betsy Beyer"], (), ("Rob Ewaschuk",)),
        (["Par Sébastien Farcis"], (), ("Sébastien Farcis",)),
        (["admin"], (), ()),
        (["Stella Kim, Jennifer Jett, based in Hong Kong"], (), ("Stella Kim", "Jennifer Jett")),
        (["Dana Wells, MS, RD, FAND"], (), ("Dana Wells",)),
        (["Noor Haddad, CEPF®"], (), ("Noor Haddad",)),
        (["Omar Reyes, M.D. FACP"], (), ("Omar Reyes",)),
        (["Lee Park, Sr. Director of Operations"], (), ("Lee Park",)),
        (["Ann Lee and Bo Chen, The Daily Example"], (), ("Ann Lee", "Bo Chen")),
        (["Von Anna Schmidt und Jonas Weber"], (), ("Anna Schmidt", "Jonas Weber")),
        (["Por Lucía Gómez y Pablo Ruiz"], (), ("Lucía Gómez", "Pablo Ruiz")),
        (["Door Sanne de Vries"], (), ("Sanne de Vries",)),
        (["By Ann Lee (ann@example.com)", "Bo Chen @bochen"], (), ("Ann Lee", "Bo Chen")),
        (["By Ann Lee • 3 March 2019"], (), ("Ann Lee",)),
        (["JGD"], (), ("JGD",)),
        (["By Ann Lee | Harbor Times"], (), ("Ann Lee",)),
        (["Par Claire Martin | Ouest Matin"], (), ("Claire Martin",)),
        (["記者 王小明／台北報導"], (), ("王小明",)),
        (["文／山田太郎"], (), ("山田太郎",)),
        (["作者：李华、张伟"], (), ("李华", "张伟")),
        (["홍길동 기자"], (), ("홍길동",)),
    ],
)
def test_clean_authors_keeps_people_only(
    texts: list[str], sites: tuple[str, ...], expected: tuple[str, ...]
) -> None:
    assert clean_authors(texts, *sites) == expected


def test_a_person_named_in_full_is_the_author_of_a_blog_named_after_them() -> None:
    head = ld({"@type": "BlogPosting", "author": {"@type": "Person", "name": "Ada Byron"}}) + meta(
        "og:site_name", "Ada Byron", "property"
    )
    assert unsyndicate.parse(page(head)).authors == ("Ada Byron",)


def test_a_site_that_signs_its_own_article_is_its_author_when_no_person_does() -> None:
    head = ld({"@type": "BlogPosting", "author": {"@type": "Person", "name": "NewsHub"}}) + meta(
        "og:site_name", "NewsHub", "property"
    )
    assert unsyndicate.parse(page(head)).authors == ("NewsHub",)
    byline = '<p class="byline">By Ann Lee</p>'
    assert unsyndicate.parse(page(head, body=byline + BODY)).authors == ("Ann Lee",)


def test_a_title_shorter_than_its_suffix_keeps_the_suffix() -> None:
    title = "<title>Guide - Monitoring Distributed Systems at Scale</title>"
    assert unsyndicate.parse(page(title)).title == "Guide - Monitoring Distributed Systems at Scale"


def test_the_visible_heading_outside_the_region_picks_among_the_head_titles() -> None:
    head = (
        ld({"@type": "Article", "headline": "country in Oceania"})
        + "<title>New Zealand - Wikipedia</title>"
    )
    body = "<header><h1>New Zealand</h1></header>" + BODY
    assert unsyndicate.parse(page(head, body=body)).title == "New Zealand"


OPENING = (
    "The city council voted on Tuesday night to approve the long-delayed bridge plan, ending a "
    "dispute that has run for more than a decade between residents of the two banks, the "
    "regional transport authority and the contractors who first bid for the work in 2011, when "
    "the estimated cost was far lower than today."
)


@pytest.mark.parametrize("headline", [OPENING[:300], OPENING[:120] + "…"])
def test_a_json_ld_headline_that_is_the_opening_cut_short_loses_to_the_title(
    headline: str,
) -> None:
    title = "Bridge plan approved after long delay"
    head = (
        ld({"@type": "NewsArticle", "headline": headline})
        + meta("og:title", title, "property")
        + f"<title>{title} | The Daily Example</title>"
    )
    body = f"<article><p>{OPENING}</p>" + BODY.removeprefix("<article>")
    assert unsyndicate.parse(page(head, body=body)).title == title


def test_a_long_json_ld_headline_the_og_title_agrees_with_wins() -> None:
    headline = (
        "Bridge plan approved after long delay: council ends a decade of dispute between the "
        "two banks, the transport authority and contractors, and sets a budget for the work"
    )
    head = (
        ld({"@type": "NewsArticle", "headline": headline})
        + meta("og:title", headline[:120], "property")
        + "<title>Bridge plan approved | The Daily Example</title>"
    )
    assert len(headline) > 150
    assert unsyndicate.parse(page(head)).title == headline


def test_a_site_logo_heading_is_not_the_title() -> None:
    head = meta("og:title", "Bridge plan approved after long delay", "property")
    body = "<header><h1>Daily Example</h1></header>" + BODY
    assert unsyndicate.parse(page(head, body=body)).title == "Bridge plan approved after long delay"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ('<link rel="canonical" href="https://a.example/1">', "https://a.example/1"),
        (meta("og:url", " https://b.example/2 ", "property"), "https://b.example/2"),
        (
            '<link rel="canonical" href="">' + meta("og:url", "https://b.example/2", "property"),
            "https://b.example/2",
        ),
        ("", None),
    ],
)
def test_the_canonical_address_is_the_link_then_opengraph(head: str, expected: str | None) -> None:
    assert head_canonical(read_head(LexborHTMLParser(page(head)))) == expected


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (["Office for Water Quality and Research"], ("Office for Water Quality and Research",)),
        (["By Example Co Editorial Team"], ("Example Co Editorial Team",)),
        (["Post", "by quietfox » Sat Feb 24, 2024 12:41 pm"], ("quietfox",)),
        (["Staff"], ()),
        (["admin"], ()),
        (["https://example.com/about"], ()),
        (["AFP"], ()),
    ],
)
def test_signatures_are_organisations_teams_and_handles(
    texts: list[str], expected: tuple[str, ...]
) -> None:
    assert signatures(texts) == expected


def test_an_organisation_in_json_ld_signs_when_no_person_does() -> None:
    author = {"@type": "Organization", "name": "Office for Water Quality and Research"}
    head = ld({"@type": "Article", "author": author})
    authors = unsyndicate.parse(page(head)).authors
    assert authors == ("Office for Water Quality and Research",)


def test_a_json_ld_author_given_by_reference_is_read_from_the_graph() -> None:
    graph = {
        "@graph": [
            {"@type": "Article", "author": {"@id": "https://x.example/#ann"}},
            {"@type": "Person", "@id": "https://x.example/#ann", "name": "Ann Lee"},
        ]
    }
    assert unsyndicate.parse(page(ld(graph))).authors == ("Ann Lee",)


def test_a_forum_handle_is_the_author_when_no_person_signs() -> None:
    body = '<article><div class="author">by quietfox</div>' + BODY[len("<article>") :]
    assert unsyndicate.parse(page(body=body)).authors == ("quietfox",)


def titled(byline: str, lang: str = "en") -> str:
    """A page whose byline stands under its title in plain containers, without author markup."""
    title = "<title>Bridge plan approved</title>"
    body = f"<article><h1>Bridge plan approved</h1>{byline}" + BODY.removeprefix("<article>")
    return page(title, body, lang)


@pytest.mark.parametrize(
    ("byline", "lang", "expected"),
    [
        ("<div><span>Written by</span><span>Ann Lee</span></div>", "en", ("Ann Lee",)),
        ("<div>By Ann Lee | Harbor Times</div>", "en", ("Ann Lee",)),
        ("<div><span>Autor:</span> <a href='/a'>Jonas Weber</a></div>", "de", ("Jonas Weber",)),
        ("<div>Par Claire Martin et Paul Roux</div>", "fr", ("Claire Martin", "Paul Roux")),
        ("<div><span>Por Lucía Gómez</span></div>", "es", ("Lucía Gómez",)),
        ("<div>文／山田太郎</div>", "ja", ("山田太郎",)),
        ("<div>記者 王小明／台北報導</div>", "zh", ("王小明",)),
    ],
)  # fmt: skip
def test_a_byline_without_author_markup_under_the_title_names_the_authors(
    byline: str, lang: str, expected: tuple[str, ...]
) -> None:
    assert unsyndicate.parse(titled(byline, lang)).authors == expected


def test_author_markup_beats_a_shown_byline() -> None:
    byline = '<div>By Ann Lee</div><p class="byline">Bo Chen</p>'
    assert unsyndicate.parse(titled(byline)).authors == ("Bo Chen",)
