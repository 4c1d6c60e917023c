"""The article's dates: the markup's, the lines the page shows near its title, and the URL's.

A page's markup (JSON-LD, ``<meta>``, microdata, ``<time datetime>``) is the most exact source,
but often a template's: a site-wide date, or the first version of a page since rewritten. The
date the reader sees under the title or beside the byline is the article's: when the page shows
one that the markup does not, it wins. An "updated" line is the modified date: it dates the
article only when nothing else does. A page that dates the article nowhere else may label its
date farther down ("Posted on ..." under a blog post). No date before 1990 or after the page's
capture is taken.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

import attrs
from selectolax.lexbor import LexborHTMLParser

from ..dates import EARLIEST, MODIFIED_LABEL, find_date

# The page's lines read around the title: dates stand a few lines above it (a kicker, a
# "Last updated" bar) or below it (the byline, the date line), before the body starts.
_LINES_BEFORE = 8
_LINES_AFTER = 30
# The page's text kept to look for the title in.
_KEPT_TEXT = 1_000_000
# How far around the title lines are read, in characters (the page's text has many blank lines).
_REACH = 6000
# A date line is short; a longer line is prose (a date in a sentence is not the article's).
_MAX_DATE_LINE = 90
# Lines this long are paragraphs: after the second one the body has begun.
_PARAGRAPH = 200
_BODY_STARTED = 2
# A label standing on the line before its date ("Last updated:" / "Dec 12, 2025").
_MAX_LABEL = 40
# A line starting with one of these words labels the date it or the next line gives as the
# article's: "Posted on", "Verfasst am", "Publié le", "投稿日". Read in the whole page, when
# nothing near the title or in the markup dates it (a blog's date line under the post).
_PUBLISHED_LABEL = re.compile(
    r"^[ \t]*(?:posted|published|veröffentlicht|verfasst|erschienen|publié|publicado|"
    r"pubblicato|gepubliceerd|geplaatst|投稿|公開|发布|發布|発行|작성|게시)",
    re.IGNORECASE | re.MULTILINE,
)
# How many labelled lines are read before giving up (a page of posts' footers), and how far
# into the page's text.
_MAX_LABELLED_TRIES = 5
_LABELLED_REACH = 50_000
# More dates than this near the title are a list's (teasers, posts), not the header's.
_MAX_HEADER_DATES = 3
# How many times a title is looked for as a line of its own.
_MAX_TITLE_TRIES = 5
# Every date form read has a year: a line without one is not looked at further.
_YEAR = re.compile(r"(?:19|20)\d\d")
# A line of code or data (a script's JSON) is no date line: '"datePublished": "2019-..."'.
_CODE = re.compile(r'["\']\s*:|[{}<>]')


@attrs.frozen
class Shown:
    """The dates the page shows near its title: the first "published" (or unlabelled) one and
    the first "updated" one, as ISO 8601, and the days of every date not labelled "updated".
    Near a title that heads a list of dated items (a forum's posts, teasers) only ``listed``,
    the first item's date, is given."""

    published: str | None = None
    modified: str | None = None
    days: frozenset[str] = frozenset()
    listed: str | None = None


def page_text(tree: LexborHTMLParser) -> str:
    """The text of the page's body, a line per text node: read once, before the pipeline
    takes furniture out of the tree. Only its first million characters are kept: a title
    stands well before, and the rest would be held through the whole parse of a huge page."""
    body = tree.body
    return body.text(deep=True, separator="\n")[:_KEPT_TEXT] if body is not None else ""


def shown_dates(lines: Sequence[str], month_first: bool, latest: date | None = None) -> Shown:
    """The dates the page shows in ``lines``, those around its title (see
    :func:`lines_around_title`)."""
    published = modified = None
    days: list[str] = []
    # The short lines just before, without a date: a label split over them ("Updated", ":").
    labels: list[str] = []
    for line in lines:
        found = _date_line(line, month_first)
        day, start = found or (None, 0)
        if day is not None and is_plausible(day, latest):
            # "Updated" before the date, on its line or a short line before, labels it.
            if any(map(MODIFIED_LABEL.search, labels)) or MODIFIED_LABEL.search(line, 0, start):
                modified = modified or day
            else:
                published = published or day
                days.append(day[:10])
        labels = [*labels[-1:], line] if len(line) <= _MAX_LABEL and found is None else []
    if len(days) > _MAX_HEADER_DATES:
        return Shown(days=frozenset(days), listed=published)
    return Shown(published, modified, frozenset(days))


def _date_line(line: str, month_first: bool) -> tuple[str | None, int] | None:
    """The date a short line of text shows and where, or None for prose, code and lines
    without one."""
    if len(line) > _MAX_DATE_LINE or not _YEAR.search(line) or _CODE.search(line):
        return None
    return find_date(line, month_first)


def is_plausible(day: str, latest: date | None = None) -> bool:
    """A day an article can have: from 1990 to the page's capture (today when unknown)."""
    return EARLIEST <= date.fromisoformat(day[:10]) <= (latest or date.today())


def labelled_date(text: str, month_first: bool, latest: date | None = None) -> str | None:
    """The date of the first line of ``text`` labelled as the article's ("Posted on ...",
    "Veröffentlicht" and the date on the next line) that gives one, or None."""
    # Read in the page's opening only: a search of a whole long page cost a tenth of parse().
    found_in = _PUBLISHED_LABEL.finditer(text, 0, _LABELLED_REACH)
    for match in itertools.islice(found_in, _MAX_LABELLED_TRIES):
        line, after = _line_at(text, match.start()), _next_line(text, match.end())
        if MODIFIED_LABEL.search(line):
            continue
        for candidate in (line, after) if len(line) <= _MAX_LABEL else (line,):
            found = _date_line(candidate, month_first)
            if found and found[0] is not None and is_plausible(found[0], latest):
                return found[0]
    return None


def _line_at(text: str, position: int) -> str:
    end = text.find("\n", position)
    return text[position : end if end >= 0 else len(text)].strip()


def _next_line(text: str, position: int) -> str:
    """The first non-empty line after the one ``position`` is in."""
    end = text.find("\n", position)
    lines = map(str.strip, text[end : end + _REACH].split("\n")) if end >= 0 else ()
    return next(filter(None, lines), "")


class NearTitle(NamedTuple):
    """The lines a page shows near its title: ``before`` it and ``below`` it, until the body."""

    before: list[str]
    below: list[str]

    @property
    def lines(self) -> list[str]:
        return [*self.before, *self.below]


def lines_around_title(text: str, titles: Sequence[str]) -> NearTitle:
    """The non-empty lines of ``text`` near the first of ``titles`` standing alone on a line:
    where the page shows the article's dates and byline."""
    start = _title_line(text, titles)
    if start < 0:
        return NearTitle([], [])
    before = _non_empty(text[max(0, start - _REACH) : start])[-_LINES_BEFORE:]
    after: list[str] = []
    paragraphs = 0
    # The title's own line is the first of those from ``start`` on.
    for line in _non_empty(text[start : start + _REACH])[1:]:
        after.append(line)
        paragraphs += len(line) > _PARAGRAPH
        if paragraphs >= _BODY_STARTED or len(after) >= _LINES_AFTER:
            break
    return NearTitle(before, after)


def _non_empty(text: str) -> list[str]:
    return [line for line in map(str.strip, text.split("\n")) if line]


def _title_line(text: str, titles: Sequence[str]) -> int:
    """Where the first line of ``text`` that is one of ``titles`` starts, or -1."""
    for title in dict.fromkeys(title.strip() for title in titles):
        position = 0
        for _ in range(_MAX_TITLE_TRIES if title else 0):
            found = text.find(title, position)
            if found < 0:
                break
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            if text[start : end if end >= 0 else len(text)].strip() == title:
                return start
            position = found + len(title)
    return -1


def published_date(
    shown: Shown, dateline: str | None, markup: str | None, in_url: str | None,
    latest: date | None = None,
) -> str | None:  # fmt: skip
    """The article's published date, best reason first:

    1. a dateline in the article's header (an adapter's, or the generic one) says it;
    2. the page shows a published (or unlabelled) date near its title or byline that the
       markup does not give: the markup's is a template's or a first version's;
    3. the markup gives one (JSON-LD, meta, microdata, then ``<time datetime>``);
    4. the page shows only an "updated" date: the page as it stands dates from then;
    5. the URL's path holds a day;
    6. the title heads a list of dated items: the first item's (a forum's first post).

    When none does, :func:`labelled_date` reads the page farther down.
    The markup's date stands when the page shows it too (among several dates, a forum's
    posts), a day next to it (the same moment in another time zone), or the same day with
    day and month read the other way round (``09.10.2024`` on a page writing the month first).
    """
    if dateline and is_plausible(dateline, latest):
        return dateline
    markup = markup if markup and is_plausible(markup, latest) else None
    if markup and (markup[:10] in shown.days or _agrees(markup, shown.published)):
        return markup
    url_day = in_url if in_url and is_plausible(in_url, latest) else None
    return shown.published or markup or shown.modified or url_day or shown.listed


def _agrees(markup: str, shown: str | None) -> bool:
    """Whether a shown day is the markup's, read in another time zone or the other order."""
    if shown is None:
        return False
    first, second = date.fromisoformat(markup[:10]), date.fromisoformat(shown[:10])
    swapped = (second.year, second.day, second.month) == (first.year, first.month, first.day)
    return swapped or abs(first - second).days <= 1
