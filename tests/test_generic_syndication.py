"""Generic syndication signals and publisher furniture turned into notices."""

from __future__ import annotations

import json

import pytest

import unsyndicate

PROSE = (
    "The council met on Tuesday, after weeks of delay, to vote on the plan, which would "
    "rebuild the bridge, widen the road and add a cycle lane along the river."
)
URL = "https://republisher.example/news/bridge"


def page(extra_body: str = "", head: str = "", first: str = PROSE) -> str:
    paragraphs = f"<p>{first}</p>" + "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    return (
        f"<html><head>{head}<meta property='og:site_name' content='The Republisher'></head>"
        f"<body><article>{paragraphs}{extra_body}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("This article was originally published on The Conversation.", "The Conversation"),
        (
            "Republished from The Conversation under a Creative Commons license.",
            "The Conversation",
        ),
        ("Reprinted with permission from Grist.", "Grist"),
        ("The original source of this article is South Front", "South Front"),
        ("— Reuters", "Reuters"),
        (
            "This post originally appeared on The Morning Ledger and can be read here.",
            "The Morning Ledger",
        ),
        (
            "This article was originally published on tinyharbour and has been republished "
            "here with permission.",
            "tinyharbour",
        ),
    ],
)
def test_reprint_lines_name_the_original_and_become_notices(line: str, name: str) -> None:
    article = unsyndicate.parse(page(f"<p>{line}</p>"), URL)
    assert article.original is not None and article.original.name == name
    assert article.syndicated
    assert [notice.kind for notice in article.notices] == ["reprint"]
    assert line not in article.text


def test_prose_mentioning_a_first_appearance_is_not_a_reprint_notice() -> None:
    line = "Cases of the virus first appeared in West Michigan at the end of August."
    article = unsyndicate.parse(page(f"<p>{line}</p>"), URL)
    assert line in article.text
    assert article.original is None and not article.syndicated


def test_a_reprint_line_naming_a_date_names_no_original() -> None:
    article = unsyndicate.parse(page("<p>This guide was originally published in March 2022.</p>"))
    assert article.original is None and not article.syndicated


def test_a_wire_dateline_names_the_agency() -> None:
    first = "WASHINGTON (AP) — " + PROSE
    article = unsyndicate.parse(page(first=first), URL)
    assert article.original is not None
    assert article.original.name == "The Associated Press"
    assert article.syndicated
    assert article.text.startswith("WASHINGTON (AP)")


@pytest.mark.parametrize(
    ("last", "name"),
    [
        ("Die Mannschaft gewann das Spiel am Abend deutlich. (SID)", "SID"),
        ("Der Verband will am Montag entscheiden. (dpa/AFP)", "dpa"),
        ("© AP", "The Associated Press"),
    ],
)
def test_a_credit_closing_the_story_names_the_agency(last: str, name: str) -> None:
    html = page(f"<p>{last}</p>")
    article = unsyndicate.parse(html, URL)
    assert article.original is not None and article.original.name == name
    assert article.syndicated


def test_a_wire_dateline_after_a_summary_names_the_agency() -> None:
    summary = "Shares rose on Tuesday, led by banks, after the report. Here is what to know now."
    article = unsyndicate.parse(page(first=summary, extra_body=""), URL)
    assert article.original is None
    html = page(first=summary).replace(f"<p>{PROSE} Part 0.</p>", f"<p>NEW YORK (AP) — {PROSE}</p>")
    article = unsyndicate.parse(html, URL)
    assert article.original is not None
    assert article.original.name == "The Associated Press"


def test_an_agencys_story_on_its_own_site_is_not_a_repost() -> None:
    html = page(first="LONDON (Reuters) - " + PROSE).replace("The Republisher", "Reuters")
    article = unsyndicate.parse(html, "https://www.reuters.com/world/bridge-2024-05-01/")
    assert article.original is None  # an original is named only on a repost
    assert not article.syndicated
    html = page(first="LONDON (Reuters) - " + PROSE).replace(
        "<meta property='og:site_name' content='The Republisher'>", ""
    )
    assert not unsyndicate.parse(html, "https://www.reuters.com/world/bridge/").syndicated


def test_an_agency_as_author_is_the_origin_not_an_author() -> None:
    head = '<meta name="author" content="AFP">'
    article = unsyndicate.parse(page(head=head), URL)
    assert article.authors == ()
    assert article.original is not None and article.original.name == "Agence France-Presse"


def test_the_republisher_signing_a_wire_story_is_not_its_author() -> None:
    signed = {
        "@type": "NewsArticle",
        "author": {"@type": "Organization", "name": "The Republisher"},
    }
    head = f'<script type="application/ld+json">{json.dumps(signed)}</script>'
    article = unsyndicate.parse(page(head=head, first="WASHINGTON (AP) — " + PROSE), URL)
    assert article.original is not None and article.original.name == "The Associated Press"
    assert article.authors == ()
    assert unsyndicate.parse(page(head=head), URL).authors == ("The Republisher",)


def test_canonical_on_another_site_is_the_original() -> None:
    head = '<link rel="canonical" href="https://origin.example/story">'
    article = unsyndicate.parse(page(head=head), URL)
    assert article.original is not None
    assert article.original.url == "https://origin.example/story"
    assert article.syndicated


def test_canonical_on_the_same_site_is_not_syndication() -> None:
    head = '<link rel="canonical" href="https://www.republisher.example/news/bridge">'
    article = unsyndicate.parse(page(head=head), URL)
    assert article.original is None and not article.syndicated


@pytest.mark.parametrize(
    ("key", "value", "name"),
    [
        ("isBasedOn", "https://origin.example/story", "origin.example"),
        ("isBasedOn", {"@type": "Article", "publisher": {"name": "Origin Daily"}}, "Origin Daily"),
        ("sourceOrganization", {"@type": "Organization", "name": "Wire Co"}, "Wire Co"),
        ("provider", {"@type": "Organization", "name": "Provider Inc"}, "Provider Inc"),
    ],
)
def test_json_ld_names_the_source(key: str, value: object, name: str) -> None:
    data = {"@type": "NewsArticle", "headline": "Bridge", key: value}
    head = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    article = unsyndicate.parse(page(head=head), URL)
    assert article.original is not None and article.original.name == name
    assert article.syndicated


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Sign up for our daily newsletter to get the news first.", "newsletter"),
        ("Become a member and support independent journalism.", "membership"),
        ("Please donate to keep this site running.", "donation"),
        ("Share this article on Facebook", "share"),
        ("Sharing is caring!", "share"),
        ("READ MORE: Bridge council votes again", "related"),
        ("© 2019 Example Media Group. All rights reserved.", "copyright"),
        ("Disclaimer: the views here are the author's own.", "disclaimer"),
        ("Editor's note: this story has been updated.", "editor_note"),
        ("Photo: Jane Doe / Example Agency", "image_credit"),
        ("Subscribe to continue reading.", "membership"),
        ("Already a subscriber? Log in.", "membership"),
        ("This story is available only to subscribers.", "membership"),
    ],
)
def test_furniture_lines_in_the_body_become_notices(line: str, kind: str) -> None:
    article = unsyndicate.parse(page(f"<p>{line}</p>"), URL)
    assert [notice.kind for notice in article.notices] == [kind]
    assert line not in article.text
