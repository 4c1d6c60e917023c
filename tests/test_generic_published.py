"""The published date: the markup's, the lines the page shows near its title, the URL's."""

from __future__ import annotations

import json
from datetime import date

import pytest

import unsyndicate
from unsyndicate.generic.published import Shown, published_date

PROSE = "<p>" + "The council met again to vote on the bridge plan, after weeks of delay. " * 4
BODY = PROSE + "</p>" + PROSE + "</p>"


def page(header: str = "", head: str = "", lang: str = "en") -> str:
    return (
        f'<html lang="{lang}"><head><title>Bridge plan approved</title>{head}</head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>Bridge plan approved</h1>{header}"
        f"{BODY}</article></body></html>"
    )


def ld(**fields: str) -> str:
    data = {"@type": "NewsArticle", **fields}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    ("header", "lang", "expected"),
    [
        ("<div>Posted on December 15, 2025</div>", "en", "2025-12-15"),
        ("<p>By Ann Lee</p><time>March 3, 2021</time>", "en", "2021-03-03"),
        ("<div><span>Veröffentlicht:</span> <span>28.01.2020</span></div>", "de", "2020-01-28"),
        ("<div>26. Oktober 2013 | Von Ann Lee</div>", "de", "2013-10-26"),
        ("<p>Par Ann Lee, le 5 juin 2015</p>", "fr", "2015-06-05"),
        ("<span>Publicado el 5 de junio de 2015</span>", "es", "2015-06-05"),
        ("<span>03/04/2020</span>", "en", "2020-03-04"),
        ("<span>03/04/2020</span>", "fr", "2020-04-03"),
    ],
)  # fmt: skip
def test_a_date_the_page_shows_near_its_title(header: str, lang: str, expected: str) -> None:
    assert unsyndicate.parse(page(header, lang=lang)).published == expected


def test_a_label_standing_before_its_date_makes_it_the_modified_date() -> None:
    header = "<div><div>Last updated:</div><div>Dec 12, 2025</div></div>"
    article = unsyndicate.parse(page(header))
    assert (article.published, article.modified) == ("2025-12-12", "2025-12-12")


def test_a_shown_published_line_beats_an_older_markup_date() -> None:
    head = ld(datePublished="2019-05-01T10:00:00Z")
    article = unsyndicate.parse(page("<p>Published on July 18, 2025</p>", head))
    assert article.published == "2025-07-18"


def test_the_markup_keeps_its_moment_when_the_page_shows_its_day() -> None:
    head = ld(datePublished="2025-07-18T10:00:00Z")
    article = unsyndicate.parse(page("<p>Posted by Ann Lee on July 18, 2025</p>", head))
    assert article.published == "2025-07-18T10:00:00+00:00"


def test_an_updated_line_is_the_modified_date_when_the_markup_gives_the_published() -> None:
    head = ld(datePublished="2024-10-15T09:00:00Z")
    article = unsyndicate.parse(page("<p>Updated on June 18, 2025 at 12:35 PM</p>", head))
    assert article.published == "2024-10-15T09:00:00+00:00"
    assert article.modified == "2025-06-18"


def test_the_time_after_a_date_does_not_label_it_updated() -> None:
    header = "<p>November 18, 2019 at 2:26 PM - Updated November 19 at 4:46 PM</p>"
    assert unsyndicate.parse(page(header)).published == "2019-11-18"


def test_a_markup_date_a_day_off_is_the_same_moment_elsewhere() -> None:
    head = ld(datePublished="2011-02-11T23:49:17+00:00")
    article = unsyndicate.parse(page("<p>Posted by Ann Lee on Feb 12, 2011</p>", head))
    assert article.published == "2011-02-11T23:49:17+00:00"


def test_a_title_heading_a_list_of_dated_posts_keeps_the_markups_date() -> None:
    posts = "".join(f"<p>Reply {n}</p><p>Mar {n}, 2024</p>" for n in range(1, 6))
    head = ld(datePublished="2024-03-03T08:00:00Z")
    assert unsyndicate.parse(page(posts, head)).published == "2024-03-03T08:00:00+00:00"
    assert unsyndicate.parse(page(posts)).published == "2024-03-01"


def test_dates_in_a_script_near_the_title_are_not_shown_dates() -> None:
    header = '<script>{"dateModified": "2024-02-26"}</script><p>Posted on August 21, 2019</p>'
    assert unsyndicate.parse(page(header)).published == "2019-08-21"


@pytest.mark.parametrize("shown", ["<p>March 3, 1987</p>", "<p>March 3, 2999</p>"])
def test_dates_before_1990_or_after_today_are_refused(shown: str) -> None:
    assert unsyndicate.parse(page(shown)).published is None


def test_the_url_dates_the_page_when_nothing_else_does() -> None:
    article = unsyndicate.parse(page(), "https://news.example/2019/11/19/bridge-plan")
    assert article.published == "2019-11-19"


def test_no_source_gives_a_date_after_the_capture() -> None:
    captured = date(2020, 1, 1)
    assert published_date(Shown(), "2021-01-01", "2019-01-01", None, captured) == "2019-01-01"
    assert published_date(Shown(), None, "2021-01-01", "2021-01-01", captured) is None


def page_with_footer(footer: str, lang: str, head: str = "") -> str:
    """A page whose only shown date stands under the article, far from its title."""
    return page(head=head, lang=lang).replace("</article>", f"</article><footer>{footer}</footer>")


@pytest.mark.parametrize(
    ("footer", "lang", "expected"),
    [
        ("<p>Posted on April 13, 2023</p>", "en", "2023-04-13"),
        ("<p>Verfasst am 19.02.2020 von Anna</p>", "de", "2020-02-19"),
        ("<p>Publié le</p><p>19 février 2020</p>", "fr", "2020-02-19"),
        ("<p>Publicado el 19 de febrero de 2020</p>", "es", "2020-02-19"),
        ("<p>投稿日：2020年2月19日</p>", "ja", "2020-02-19"),
        ("<p>发布于 2020年2月19日</p>", "zh", "2020-02-19"),
    ],
)  # fmt: skip
def test_a_labelled_date_under_the_article_dates_a_page_dated_nowhere_else(
    footer: str, lang: str, expected: str
) -> None:
    assert unsyndicate.parse(page_with_footer(footer, lang)).published == expected


def test_a_labelled_date_under_the_article_never_beats_the_markup() -> None:
    head = ld(datePublished="2019-05-01T10:00:00Z")
    article = unsyndicate.parse(page_with_footer("<p>Posted on April 13, 2023</p>", "en", head))
    assert article.published == "2019-05-01T10:00:00+00:00"


@pytest.mark.parametrize(
    "footer",
    [
        "<p>Aktualisiert am 19.02.2021</p>",
        "<p>Veröffentlicht in unserem Blog seit 2019, ohne Datum.</p>",
        "<p>Mis à jour le 19 février 2021</p>",
    ],
)
def test_an_updated_or_undated_labelled_line_dates_nothing(footer: str) -> None:
    assert unsyndicate.parse(page_with_footer(footer, "de")).published is None


def test_a_label_split_over_two_lines_still_marks_the_date_updated() -> None:
    header = "<div><span>Updated</span><span>:</span><span>December 4, 2025</span></div>"
    article = unsyndicate.parse(page(header, ld(datePublished="2024-02-27")))
    assert (article.published, article.modified) == ("2024-02-27", "2025-12-04")


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("<p>Updated on June 18, 2025</p>", "en"),
        ("<p>Aktualisiert am 18.06.2025</p>", "de"),
        ("<p>Actualizado el 18 de junio de 2025</p>", "es"),
        ("<p>更新日：2025年6月18日</p>", "ja"),
    ],
)
def test_a_later_updated_line_is_never_the_published_date(header: str, lang: str) -> None:
    article = unsyndicate.parse(page(header, ld(datePublished="2024-10-15"), lang=lang))
    assert (article.published, article.modified) == ("2024-10-15", "2025-06-18")
