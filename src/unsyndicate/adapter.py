"""What an adapter is: a declarative description of one publisher's pages.

Every adapter runs through the same pipeline (:mod:`unsyndicate.pipeline`); the generic adapter is
this class with nothing filled in. A field an adapter leaves empty falls back to the generic rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from .dates import DATE_PATTERN
from .model import Article, Publisher
from .notices import NoticeRule

if TYPE_CHECKING:
    from .document import Document

# A field rule: a CSS selector (its text), a (selector, attribute) pair, or a function of the page.
FieldRule = str | tuple[str, str] | Callable[["Document"], str | None]


def pattern(text: str) -> re.Pattern[str]:
    """Compile an adapter pattern: case-insensitive; ``{date}`` stands for any date form."""
    return re.compile(text.replace("{date}", f"(?P<date>{DATE_PATTERN})"), re.IGNORECASE)


BYLINE = pattern(r"^by:?\s+(?P<authors>[^.!?\n]{2,160})$")
DATELINE = pattern(
    r"^(?:(?:published|posted|updated|last updated|first published)(?: on)?:?\s*)?{date}"
    r"(?:\s*(?:[,|@-]|at)?\s*\d{1,2}[:.]\d\d\b.{0,20})?$"
)


@attrs.frozen
class Adapter:
    """One publisher's pages, described as data.

    - ``hosts``: URL hosts (sub-domains included) whose pages this adapter reads.
    - ``signatures``: patterns found in the page source that identify the publisher's pages when
      no URL is given.
    - ``publisher``: the site these pages are on.
    - ``content``: CSS selectors for the article region, first match wins; ``exclude``: selectors
      removed from it.
    - ``fields``: per Article field (title, subtitle, authors, published, modified), rules tried in
      order before the generic ones.
    - ``datelines``: header lines giving this site's publication date (a ``date`` group).
    - ``origin_lines``: header lines naming the original publication (``name``, ``date`` groups).
    - ``taxonomy``: header labels (``Region:``) and the tag kind their items get.
    - ``body_end``: patterns of the first node after the article; that node and all after it are
      furniture. ``end_at_separator`` makes a rule (``<hr>``, ``*``) end the article too.
    - ``notices``: furniture this publisher puts on its pages, recognised wherever it appears.
    - ``refine``: a last small function for what data cannot say.
    """

    name: str
    hosts: tuple[str, ...] = ()
    signatures: tuple[re.Pattern[str], ...] = ()
    publisher: Publisher | None = None
    content: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    fields: Mapping[str, tuple[FieldRule, ...]] = attrs.Factory(dict)
    datelines: tuple[re.Pattern[str], ...] = ()
    origin_lines: tuple[re.Pattern[str], ...] = ()
    taxonomy: Mapping[str, str] = attrs.Factory(dict)
    body_end: tuple[re.Pattern[str], ...] = ()
    end_at_separator: bool = False
    notices: tuple[NoticeRule, ...] = ()
    refine: Callable[[Article, Document], Article] | None = None

    def claims_host(self, host: str) -> bool:
        return any(host == own or host.endswith("." + own) for own in self.hosts)

    def recognises(self, source: str) -> bool:
        return any(signature.search(source) for signature in self.signatures)


GENERIC = Adapter(name="generic")
