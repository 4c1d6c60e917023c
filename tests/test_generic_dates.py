"""Dates as pages write them, to ISO 8601."""

from __future__ import annotations

import pytest

import unsyndicate
from unsyndicate.dates import date_in_url, parse_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019-11-18T10:05:00Z", "2019-11-18T10:05:00+00:00"),
        ("2019-11-18T10:05+0530", "2019-11-18T10:05:00+05:30"),
        ("2015-10-15T02:19:15.607Z", "2015-10-15T02:19:15+00:00"),
        ("2019-11-18", "2019-11-18"),
        ("Published: November 18, 2019 at 6:01 am", "2019-11-18"),
        ("Nov. 19, 2019", "2019-11-19"),
        ("18th of March 2020", "2020-03-18"),
        ("2019/11/18", "2019-11-18"),
        ("Aktualisiert am 19.11.2019", "2019-11-19"),
        ("2019-02-30", None),
        ("31.02.2019", None),
        ("no date here", None),
        ("", None),
        (None, None),
    ],
)
def test_parse_date(text: str | None, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example/2019/11/19/bridge-plan", "2019-11-19"),
        ("https://news.example/local/2019-11-19-bridge-plan", "2019-11-19"),
        ("https://news.example/2019/11/", None),
        ("https://news.example/2019/13/01/x", None),
        ("https://news.example/2018/02/30/x", None),
        ("https://news.example/story/12345", None),
        (None, None),
    ],
)
def test_date_in_url(url: str | None, expected: str | None) -> None:
    assert date_in_url(url) == expected


def test_the_url_dates_a_page_that_gives_no_date_otherwise() -> None:
    prose = "The council met on Tuesday, after weeks of delay, to vote on the plan again."
    html = f"<html><body><article>{f'<p>{prose}</p>' * 3}</article></body></html>"
    article = unsyndicate.parse(html, "https://news.example/2019/11/19/bridge-plan")
    assert article.published == "2019-11-19"


@pytest.mark.parametrize(
    ("text", "month_first", "expected"),
    [
        ("Veröffentlicht am 26. Oktober 2013", True, "2013-10-26"),
        ("Publié le 5 juin 2015", True, "2015-06-05"),
        ("Publicado el 5 de junio de 2015", True, "2015-06-05"),
        ("Pubblicato il 5 giugno 2015", True, "2015-06-05"),
        ("Publicado em 5 de junho de 2015", True, "2015-06-05"),
        ("Gepubliceerd op 5 mei 2015", True, "2015-05-05"),
        ("28.01.2020", True, "2020-01-28"),
        ("Last updated 12/17/2025", True, "2025-12-17"),
        ("Last updated 12/17/2025", False, "2025-12-17"),
        ("03/04/2020", True, "2020-03-04"),
        ("03/04/2020", False, "2020-04-03"),
        ("Sat Feb 24, 2024 12:41 pm", True, "2024-02-24"),
        ("Beitrag von anna » Mi 19. Feb 2020, 10:15", False, "2020-02-19"),
        ("19/02/2020", False, "2020-02-19"),
        ("公開日：2020年2月19日", True, "2020-02-19"),
        ("发布时间：2020年 2月 19日 10:00", True, "2020-02-19"),
        ("2020년 2월 19일 오후 3:00", True, "2020-02-19"),
        ("2020年13月19日", True, None),
    ],
)
def test_dates_in_other_languages_and_orders(
    text: str, month_first: bool, expected: str | None
) -> None:
    assert parse_date(text, month_first) == expected
