"""Recognising the article's title among the region's headings."""

from __future__ import annotations

import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser

from ..clean import clean

_NON_WORD = re.compile(r"\W+")
# Documentation sites end headings with a permalink mark ("Install¶"): not part of the heading.
_PERMALINK = re.compile(r"[\s¶🔗]*[¶🔗]$")


def without_permalink(heading: str) -> str:
    return _PERMALINK.sub("", heading)


def _key(text: str) -> str:
    return _NON_WORD.sub(" ", text).strip().casefold()


def same_title(heading: str, title: str) -> bool:
    """True when a heading is the page's title: equal once case and punctuation are set aside,
    or one containing the other (a ``<title>`` with the site's name, a heading with a kicker)."""
    first, second = _key(heading), _key(title)
    if not first or not second:
        return False
    shorter, longer = sorted((first, second), key=len)
    return shorter in longer and len(shorter) >= 0.6 * len(longer)


def shown_title(tree: LexborHTMLParser, candidates: Sequence[str]) -> str | None:
    """The page's first ``<h1>`` when it is one of the titles the head gives: the title the
    reader sees, wherever it stands (outside the article's region on many layouts)."""
    heading = tree.css_first("h1")
    text = clean(heading.text(deep=True, separator=" ")) if heading is not None else ""
    text = without_permalink(text)
    return text if text and any(same_title(text, title) for title in candidates) else None
