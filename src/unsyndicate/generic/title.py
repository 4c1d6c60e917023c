"""Recognising the article's title among the region's headings."""

from __future__ import annotations

import re

_NON_WORD = re.compile(r"\W+")


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
