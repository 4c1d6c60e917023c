"""Dates as pages write them, to ISO 8601 (a day, or a moment with its offset when given)."""

from __future__ import annotations

import re
from datetime import date, datetime

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"),
            ("may",), ("june", "jun"), ("july", "jul"), ("august", "aug"),
            ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ISO = re.compile(
    r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<time>\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?P<zone>Z|[+-]\d\d:?\d\d)?)?"
)
_WORDY = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),  # March 16, 2020
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),  # 12 March 2020
)
_SLASHED = re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>\d\d?)/(?P<day>\d\d?)\b")
# Day first, as most of Europe writes it: 19.11.2019.
_DOTTED = re.compile(r"\b(?P<day>\d\d?)\.(?P<month>\d\d?)\.(?P<year>(?:19|20)\d\d)\b")

# A day in a URL path: /2019/11/19/ or /2019-11-19-; a year and month alone are an archive.
_URL_DAY = re.compile(
    r"/(?P<year>(?:19|20)\d\d)([/-])(?P<month>0?[1-9]|1[0-2])\2(?P<day>0?[1-9]|[12]\d|3[01])(?:[/-]|$)"
)

DATE_PATTERN = re.sub(
    r"\(\?P<\w+>",
    "(?:",
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+{_MONTH},?\s+{_YEAR}|\d{{4}}-\d\d-\d\d)",
)
"""A regex fragment (no groups) matching the date forms :func:`parse_date` reads in prose."""


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO 8601, or None. Times are kept only in ISO input."""
    if not text:
        return None
    match = _ISO.search(text)
    if match:
        return _iso(match)
    for pattern in _WORDY:
        match = pattern.search(text)
        if match:
            return _day(int(match["year"]), _MONTHS[match["month"].lower()], int(match["day"]))
    for numeric in (_SLASHED, _DOTTED):
        match = numeric.search(text)
        if match:
            return _day(int(match["year"]), int(match["month"]), int(match["day"]))
    return None


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _iso(match: re.Match[str]) -> str | None:
    day = _day(int(match["year"]), int(match["month"]), int(match["day"]))
    if day is None or not match["time"]:
        return day
    moment = f"{day}T{match['time']}"
    if len(match["time"]) == 5:
        moment += ":00"
    zone = match["zone"]
    if zone:
        moment += "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
    try:
        return datetime.fromisoformat(moment).isoformat()
    except ValueError:
        return day


def date_in_url(url: str | None) -> str | None:
    """The day a URL's path gives (``/2019/11/19/story``), as ISO 8601, or None."""
    match = _URL_DAY.search(url or "")
    return _day(int(match["year"]), int(match["month"]), int(match["day"])) if match else None
