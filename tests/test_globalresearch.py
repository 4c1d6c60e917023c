"""The Global Research adapter on the seed (text) and on HTML pages in its two layouts."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

import unsyndicate
from conftest import FIXTURES, page_url

SEED = FIXTURES / "globalresearch" / "seed-2020-text.txt"
HTML_2020 = FIXTURES / "globalresearch" / "repost-2020-layout.html"
HTML_NOW = FIXTURES / "globalresearch" / "repost-current-layout.html"
TITLE = (
    "Video: Iranian-backed Forces in Iraq Raise Stakes. "
    "Rocket Attack Kills Several US Coalition Troops in Iraq"
)
# What only HTML carries: addresses and the page language.
HTML_ONLY = {"url", "canonical_url", "links", "image", "language"}


def seed_article() -> unsyndicate.Article:
    return unsyndicate.parse_text(SEED.read_text(encoding="utf-8"))


def html_article(page: Path) -> unsyndicate.Article:
    return unsyndicate.parse(page.read_bytes(), page_url(page))


def without_html_only(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: without_html_only(v) for k, v in value.items() if k not in HTML_ONLY}
    if isinstance(value, list):
        return [without_html_only(item) for item in value]
    return value


def test_seed_provenance() -> None:
    article = seed_article()
    assert article.adapter == "globalresearch"
    assert article.title == TITLE
    assert article.authors == ("South Front",)
    assert article.publisher == unsyndicate.Publisher(
        "Global Research", "https://www.globalresearch.ca/"
    )
    assert article.published == "2020-03-16"
    assert article.original is not None
    assert (article.original.name, article.original.published) == ("South Front", "2020-03-12")
    assert article.syndicated is True
    assert article.warnings == ()


def test_seed_taxonomy() -> None:
    tags = [(tag.kind, tag.name) for tag in seed_article().tags]
    assert tags == [
        ("region", "Middle East & North Africa"),
        ("theme", "Intelligence"),
        ("theme", "Military"),
        ("theme", "Military and WMD"),
        ("theme", "US NATO War Agenda"),
        ("report", "IRAQ REPORT"),
    ]


def test_seed_body_is_the_nine_paragraphs_and_nothing_else() -> None:
    body = seed_article().body
    assert [block.kind for block in body] == ["paragraph"] * 9
    assert body[0].text.startswith("A volley of rockets struck the Camp Taji")
    assert body[-1].text.endswith("a new round of military escalation.")
    furniture = re.compile(
        r"share|support south front|original source|copyright|disclaimer|fair use|member of"
    )
    assert not [block.text for block in body if furniture.search(block.text.lower())]


def test_seed_video_is_media() -> None:
    media = seed_article().media
    assert [(m.kind, m.url) for m in media] == [
        ("video", "https://southfront.org/wp-content/uploads/video/IMR_12_03_2020.mp4")
    ]


def test_seed_notices_are_labelled_with_their_owner() -> None:
    notices = [(n.kind, n.owner) for n in seed_article().notices]
    assert notices == [
        ("share", "Global Research"),
        ("donation", "South Front"),
        ("reprint", "Global Research"),
        ("copyright", "South Front"),
        ("comments", "Global Research"),
        ("membership", "Global Research"),
        ("author_box", "Global Research"),
        ("disclaimer", "Global Research"),
        ("fair_use", "Global Research"),
        ("contact", "Global Research"),
    ]


def test_south_front_donation_keeps_its_links() -> None:
    donation = next(n for n in seed_article().notices if n.kind == "donation")
    assert donation.links == (
        "mailto:southfront@list.ru",
        "http://southfront.org/donate/",
        "https://www.patreon.com/southfront",
    )


def test_no_line_of_the_seed_is_lost() -> None:
    """Every line after the header is in the body, a notice or the media list."""
    article = seed_article()
    kept = " ".join(
        [block.text for block in article.body]
        + [notice.text for notice in article.notices]
        + [item.url for item in article.media]
    )
    kept_words = re.findall(r"\w+", kept)
    lines = SEED.read_text(encoding="utf-8").split("\n")
    first_body = next(i for i, line in enumerate(lines) if line.startswith("A volley"))
    for line in lines[first_body:]:
        words = re.findall(r"\w+", re.sub(r"\]\(#\)", "]", line))
        if words:
            assert " ".join(words) in " ".join(kept_words), line


@pytest.mark.parametrize("page", [HTML_2020])
def test_html_gives_the_same_article_as_text(page: Path) -> None:
    from_html = without_html_only(unsyndicate.to_dict(html_article(page)))
    from_text = without_html_only(unsyndicate.to_dict(seed_article()))
    assert from_html == from_text


def test_html_carries_the_addresses() -> None:
    article = html_article(HTML_2020)
    assert article.original is not None
    assert article.original.url is not None and "southfront.org" in article.original.url
    assert article.canonical_url is not None and "globalresearch.ca" in article.canonical_url
    assert all(tag.url and "globalresearch.ca" in tag.url for tag in article.tags)
    reprint = next(n for n in article.notices if n.kind == "reprint")
    assert reprint.links == (article.original.url,)


def test_current_layout_keeps_the_article_and_labels_the_new_furniture() -> None:
    now = html_article(HTML_NOW)
    then = html_article(HTML_2020)
    for field in ("title", "authors", "published", "original", "tags", "body", "media"):
        assert getattr(now, field) == getattr(then, field), field
    kinds = [notice.kind for notice in now.notices]
    assert kinds[:3] == ["translation", "share", "donation"]
    assert now.notices[2].owner == "Global Research"


def test_url_selects_the_adapter_without_signatures() -> None:
    article = unsyndicate.parse(
        "<html><body><article><h1>A title</h1><p>Some text here.</p></article></body></html>",
        "https://www.globalresearch.ca/some-article/123",
    )
    assert article.adapter == "globalresearch"
    assert article.publisher is not None and article.publisher.name == "Global Research"


def test_unknown_text_falls_back_to_generic() -> None:
    article = unsyndicate.parse_text(
        "A plain title\n\nBy Jane Roe\n\nFirst paragraph of the story."
    )
    assert article.adapter == "generic"
    assert (article.title, article.authors) == ("A plain title", ("Jane Roe",))
    assert [block.text for block in article.body] == ["First paragraph of the story."]
