"""Dates as pages write them, to ISO 8601."""

from __future__ import annotations

import pytest

from unsyndicate.dates import parse_date


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
