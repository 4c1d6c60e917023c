"""Furniture a page leaves among the article's paragraphs: standing notes, datelines, credits."""

from __future__ import annotations

import pytest

import unsyndicate

PROSE = (
    "The harbour board voted on Monday to dredge the channel, after a year of studies, "
    "and the work should start in spring, weather and budget allowing."
)


def _article(inner: str) -> unsyndicate.Article:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
    return unsyndicate.parse(f"<html><body><article>{paragraphs}{inner}</article></body></html>")


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (
            "The Harbor Gazette is committed to publishing a diversity of letters to the editor."
            " We'd like to hear what you think about this or any of our articles.",
            "editor_note",
        ),
        ("Follow the Gazette Opinion section on Facebook, Twitter (@HGop) and Instagram.", "share"),
        ("Follow Harbour Radio on Instagram, Facebook and YouTube.", "share"),
        ("Write to Ann Lee at ann.lee@gazette.example", "contact"),
        ("Email Ann Lee at ann@gazette.example or follow her @annlee.", "contact"),
        ("Reach the reporter on Twitter at https://twitter.example/annlee", "contact"),
    ],
)
def test_an_outlets_standing_note_is_a_notice(line: str, kind: str) -> None:
    article = _article(f"<p>{line}</p>")
    assert line not in article.text
    assert [(notice.kind, notice.text) for notice in article.notices] == [(kind, line)]


@pytest.mark.parametrize(
    "line",
    [
        "Follow these steps on Facebook to change who sees your posts.",
        "Email the council at least a week before the meeting if you wish to speak.",
    ],
)
def test_prose_that_opens_like_a_note_stays(line: str) -> None:
    assert line in _article(f"<p>{line}</p>").text


@pytest.mark.parametrize(
    "stamp",
    [
        "Updated 1:39 am EST, Wednesday, November 20, 2019",
        "Updated Nov 19, 6:55 AM;Posted Nov 19, 6:51 AM",
        "Nov. 20, 2019, 9:28 AM UTC",
        "November 20, 2019 / 1:07 AM / Harbour News",
        "Updated Nov. 19, 2019 8:21 am ET / Original Nov. 19, 2019 8:02 am ET",
    ],
)
def test_a_line_that_only_dates_the_page_is_not_body(stamp: str) -> None:
    html = (
        f"<html><body><article><h1>Channel to be dredged</h1><span>{stamp}</span>"
        + "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(4))
        + "</article></body></html>"
    )
    article = unsyndicate.parse(html)
    assert stamp not in article.text
    assert article.text.count(PROSE) == 4


def test_a_short_paragraph_with_a_time_in_it_stays() -> None:
    line = "The ferry now leaves at 6:55 AM on weekdays, from Nov. 19, 2019."
    assert line in _article(f"<p>{line}</p>").text


def test_a_credit_already_a_notice_is_not_a_list_in_the_body() -> None:
    credit = "Photo: Ann Lee, Harbour News"
    article = _article(
        f'<ul class="gallery"><li><img src="https://example.org/a.jpg" alt="The dredger">'
        f'<span class="credit">{credit}</span></li></ul>'
        f"<p>{credit}</p>"
    )
    assert credit not in article.text
    assert [(notice.kind, notice.text) for notice in article.notices] == [("image_credit", credit)]


def test_a_list_with_one_credit_among_its_items_stays() -> None:
    article = _article("<ul><li>Photo: bring a camera</li><li>Bring a warm coat</li></ul>")
    assert "Bring a warm coat" in article.text


def test_a_paragraph_that_is_one_link_in_capitals_is_a_related_notice() -> None:
    promotion = "GET THE HARBOUR NEWS APP BY CLICKING HERE"
    article = _article(f'<p><a href="https://example.org/app">{promotion}</a></p>')
    assert promotion not in article.text
    assert [(notice.kind, notice.links) for notice in article.notices] == [
        ("related", ("https://example.org/app",))
    ]


@pytest.mark.parametrize(
    "paragraph",
    [
        "<p>THE BOARD SAID NO TO THE PLAN</p>",
        '<p><a href="https://example.org/a">Read the board\'s full report here</a></p>',
        '<p>SEE <a href="https://example.org/a">THE REPORT</a> NOW</p>',
    ],
)
def test_capitals_or_a_link_alone_stay(paragraph: str) -> None:
    article = _article(paragraph)
    assert not article.notices
