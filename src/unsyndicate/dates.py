"""Dates as pages write them, to ISO 8601 (a day, or a moment with its offset when given).

Month names are read in English, German, French, Spanish, Italian, Portuguese and Dutch (one
table, :data:`MONTH_NAMES`); numeric days are read year first (with slashes, or with the signs
of Chinese, Japanese and Korean), day first with dots, and with slashes or dashes in the order
the page's language writes them (month first in US English).
"""

from __future__ import annotations

import re
from datetime import date, datetime

# Each month's names and usual short forms, per language: one table, read as one alternation.
MONTH_NAMES = {
    "en": (
        "january jan", "february feb", "march mar", "april apr", "may", "june jun",
        "july jul", "august aug", "september sep sept", "october oct", "november nov",
        "december dec",
    ),
    "de": (
        "januar jänner jan", "februar feb", "märz mär mrz", "april apr", "mai", "juni jun",
        "juli jul", "august aug", "september sep sept", "oktober okt", "november nov",
        "dezember dez",
    ),
    "fr": (
        "janvier janv", "février févr fevrier", "mars", "avril avr", "mai", "juin",
        "juillet juil", "août aout", "septembre sept", "octobre oct", "novembre nov",
        "décembre déc decembre",
    ),
    "es": (
        "enero ene", "febrero feb", "marzo mar", "abril abr", "mayo may", "junio jun",
        "julio jul", "agosto ago", "septiembre setiembre sep sept", "octubre oct",
        "noviembre nov", "diciembre dic",
    ),
    "it": (
        "gennaio gen", "febbraio feb", "marzo mar", "aprile apr", "maggio mag", "giugno giu",
        "luglio lug", "agosto ago", "settembre set", "ottobre ott", "novembre nov",
        "dicembre dic",
    ),
    "pt": (
        "janeiro jan", "fevereiro fev", "março mar", "abril abr", "maio mai", "junho jun",
        "julho jul", "agosto ago", "setembro set", "outubro out", "novembro nov",
        "dezembro dez",
    ),
    "nl": (
        "januari jan", "februari feb", "maart mrt", "april apr", "mei", "juni jun",
        "juli jul", "augustus aug", "september sep sept", "oktober okt", "november nov",
        "december dec",
    ),
}  # fmt: skip
_MONTHS = {
    name: number
    for months in MONTH_NAMES.values()
    for number, names in enumerate(months, start=1)
    for name in names.split()
}
# The earliest day taken for an article's date: older ones are a template's or a typo.
EARLIEST = date(1990, 1, 1)

_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|er|º|\.)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_ISO = re.compile(
    r"(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)"
    r"(?:[T ](?P<time>\d\d:\d\d(?::\d\d)?)(?:\.\d+)?(?P<zone>Z|[+-]\d\d:?\d\d)?)?"
)
_WORDY = (
    # March 16, 2020; Dec. 3 2019
    re.compile(rf"(?<!\w){_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    # 12 March 2020, 18th of March 2020, 26. Oktober 2013, 5 de junio de 2015
    re.compile(rf"(?<!\w){_DAY}\s*(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}\b", re.IGNORECASE),
)
_YEAR_FIRST = re.compile(r"\b(?P<year>(?:19|20)\d\d)/(?P<month>\d\d?)/(?P<day>\d\d?)\b")
# Chinese, Japanese and Korean write year, month and day each with its sign: 2020年2月19日,
# 2020년 2월 19일.
_CJK = re.compile(
    r"(?P<year>(?:19|20)\d\d)\s*[年년]\s*(?P<month>\d\d?)\s*[月월]\s*(?P<day>\d\d?)\s*[日일]"
)
# Day first with dots, as most of Europe writes it: 19.11.2019.
_DOTTED = re.compile(r"\b(?P<day>\d\d?)\.(?P<month>\d\d?)\.(?P<year>(?:19|20)\d\d)\b")
# 12/17/2025 or 17/12/2025, 17-12-2025: which comes first depends on the language.
_SLASHED = re.compile(r"\b(?P<first>\d\d?)([/-])(?P<second>\d\d?)\2(?P<year>(?:19|20)\d\d)\b")

# A day in a URL path: /2019/11/19/ or /2019-11-19-; a year and month alone are an archive.
_URL_DAY = re.compile(
    r"/(?P<year>(?:19|20)\d\d)([/-])(?P<month>0?[1-9]|1[0-2])\2(?P<day>0?[1-9]|[12]\d|3[01])(?:[/-]|$)"
)

MODIFIED_LABEL = re.compile(
    r"\b(?:updated?|modified|revised|reviewed|refreshed|aktualisiert|geändert|"
    r"mis à jour|mise à jour|modifié|actualizado|actualización|aggiornato|aggiornamento|"
    r"atualizado|atualização|bijgewerkt|gewijzigd)\b|更新|수정",
    re.IGNORECASE,
)
"""Words saying the date after them is a revision's ("Updated", "Aktualisiert", "更新"), in the
languages dates are read in."""

MONTH_PATTERN = "(?:" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + ")"
"""A regex fragment (no groups) matching any month name or short form in :data:`MONTH_NAMES`."""

DATE_PATTERN = re.sub(
    r"\(\?P<\w+>",
    "(?:",
    rf"(?:{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s*(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}"
    r"|\d{4}-\d\d-\d\d)",
)
"""A regex fragment (no groups) matching the date forms :func:`parse_date` reads in prose."""


def parse_date(text: str | None, month_first: bool = True) -> str | None:
    """The first date in ``text`` as ISO 8601, or None. Times are kept only in ISO input.

    ``month_first`` says how to read an ambiguous ``03/04/2020`` (true in US English, the
    default; false in most other languages); a first number over 12 is a day either way.
    """
    found = find_date(text, month_first) if text else None
    return found[0] if found else None


def find_date(text: str, month_first: bool = True) -> tuple[str | None, int] | None:
    """The first date in ``text`` (as :func:`parse_date` gives it, None for an impossible
    day) and where it starts; None when there is none."""
    match = _ISO.search(text)
    if match:
        return _iso(match), match.start()
    for pattern in _WORDY:
        match = pattern.search(text)
        if match:
            month = _MONTHS[match["month"].lower()]
            return _day(int(match["year"]), month, int(match["day"])), match.start()
    for numeric in (_YEAR_FIRST, _CJK, _DOTTED):
        match = numeric.search(text)
        if match:
            return _day(int(match["year"]), int(match["month"]), int(match["day"])), match.start()
    match = _SLASHED.search(text)
    if match:
        first, second = int(match["first"]), int(match["second"])
        if first > 12 or (not month_first and second <= 12):
            first, second = second, first
        return _day(int(match["year"]), first, second), match.start()
    return None


def is_month_first(language: str | None) -> bool:
    """Whether pages in ``language`` (a BCP 47 tag, or None) write the month before the day."""
    return not language or language.lower().replace("_", "-") in ("en", "en-us")


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


# A time of day: "1:39", "06.55".
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d\d\b")
# The words a line that only dates the page holds beside its numbers: labels, months, weekdays,
# "am"/"pm" (and the letters of "a.m."), time zones.
_STAMP_WORD = re.compile(
    rf"{MONTH_PATTERN}|(?:mon|tue|tues|wed|wednes|thu|thurs|fri|sat|satur|sun)(?:day)?"
    r"|updated|posted|published|original|last|first|on|at|[ap]m|[apm]|[ecmp][sd]?t|utc|gmt",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+")
_MONTH_WORD = re.compile(MONTH_PATTERN, re.IGNORECASE)
_MAX_STAMP = 100
# Words left beside the date: the outlet's name ("November 20, 2019 / 1:07 AM / CBS News").
_STAMP_OTHER_WORDS = 2


def is_date_stamp(line: str) -> bool:
    """Whether ``line`` only dates the page: a day and a time of day, with labels, weekdays and
    time zones ("Updated 1:39 am EST, Wednesday, November 20, 2019"), and at most a short name."""
    if len(line) > _MAX_STAMP or not _CLOCK.search(line):
        return False
    words = _WORD.findall(line)
    others = [word for word in words if not _STAMP_WORD.fullmatch(word)]
    has_day = any(_MONTH_WORD.fullmatch(word) for word in words) or find_date(line) is not None
    return has_day and len(others) <= _STAMP_OTHER_WORDS
