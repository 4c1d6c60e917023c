"""What an adapter is: a declarative description of one publisher's pages.

Every adapter runs through the same pipeline (:mod:`unsyndicate.pipeline`); the generic adapter is
this class with nothing filled in. A field an adapter leaves empty falls back to the generic rule.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache
from typing import TYPE_CHECKING

import attrs
from selectolax.lexbor import LexborHTMLParser

from .dates import DATE_PATTERN
from .literal import required_literals
from .model import Article, Publisher
from .notices import NoticeRule

if TYPE_CHECKING:
    from .document import Document

# A field rule: a CSS selector (its text), a (selector, attribute) pair, or a function of the page.
FieldRule = str | tuple[str, str] | Callable[["Document"], str | None]

FIELDS = (
    "title",
    "subtitle",
    "authors",
    "published",
    "modified",
    "canonical",
    "image",
    "original_name",
    "original_url",
    "original_published",
)
"""The fields an adapter may give rules for; every one falls back to the generic rule."""


_DATE_GROUP = f"(?P<date>(?i:{DATE_PATTERN}))"


def pattern(text: str) -> re.Pattern[str]:
    """Compile an adapter pattern: case-insensitive; ``{date}`` stands for any date form."""
    return re.compile(text.replace("{date}", _DATE_GROUP), re.IGNORECASE)


def signature(text: str) -> re.Pattern[str]:
    """Compile a content signature, searched in the whole page source of every page that no
    URL host claims: case-sensitive, so a signature that starts with literal text is found at
    string-search speed (a case-insensitive or ``\\b``-led one is ~30x slower on a large page).
    ``{date}`` stands for any date form, in any case."""
    return re.compile(text.replace("{date}", _DATE_GROUP))


def as_written(compiled: re.Pattern[str]) -> str:
    """A pattern or signature as its adapter wrote it, ``{date}`` in place of the date form."""
    return compiled.pattern.replace(_DATE_GROUP, "{date}")


BYLINE = pattern(r"^by:?\s+(?P<authors>[^.!?\n]{2,160})$")
DATELINE = pattern(
    r"^(?:(?:published|posted|updated|last updated|first published)(?: on)?:?\s*)?{date}"
    r"(?:\s*(?:[,|@-]|at)?\s*\d{1,2}[:.]\d\d\b.{0,20})?$"
)


@attrs.frozen
class BlockNotice:
    """Blocks of the page (found by CSS selector, anywhere) that are furniture, not article.

    ``kind`` is the notice kind; when None, each line is classified by the notice rules.
    The owner is the page's publisher, or with ``provider`` the original publisher the page
    credits (its ``original_name`` field): a portal's promotion of the site it took the article
    from.
    """

    selector: str
    kind: str | None = None
    provider: bool = False


def blocks(kind: str | None, *selectors: str, provider: bool = False) -> tuple[BlockNotice, ...]:
    """Block notices of one kind, one per selector."""
    return tuple(BlockNotice(selector, kind, provider) for selector in selectors)


def _check_selector(selector: str) -> None:
    try:
        LexborHTMLParser("<p></p>").css_first(selector)
    except Exception as error:  # selectolax's own error class differs between its versions
        raise ValueError(f"bad CSS selector {selector!r}: {error}") from error


def _check_selectors(_: object, __: object, selectors: tuple[str, ...]) -> None:
    for selector in selectors:
        _check_selector(selector)


def _check_blocks(_: object, __: object, notice_blocks: tuple[BlockNotice, ...]) -> None:
    for block in notice_blocks:
        _check_selector(block.selector)


def _check_fields(_: object, __: object, fields: Mapping[str, tuple[FieldRule, ...]]) -> None:
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown adapter fields {unknown}; known: {', '.join(FIELDS)}")
    for rules in fields.values():
        for rule in rules:
            if not callable(rule):
                _check_selector(rule if isinstance(rule, str) else rule[0])


@attrs.frozen
class Adapter:
    """One publisher's pages, described as data.

    - ``hosts``: URL hosts (sub-domains included) whose pages this adapter reads.
    - ``signatures``: patterns found in the page source that identify the publisher's pages when
      no URL is given.
    - ``publisher``: the site these pages are on.
    - ``content``: CSS selectors for the article region, first match wins; ``exclude``: selectors
      removed from it.
    - ``fields``: per field (see :data:`FIELDS`), rules tried in order; when none gives a value
      the generic rule does. A rule is a CSS selector (the element's text), a ``(selector,
      attribute)`` pair, or a function of the :class:`~unsyndicate.document.Document`.
    - ``datelines``: header lines giving this site's publication date (a ``date`` group).
    - ``origin_lines``: header lines naming the original publication (``name``, ``date`` groups).
    - ``taxonomy``: header labels (``Region:``) and the tag kind their items get.
    - ``body_end``: patterns of the first node after the article; that node and all after it are
      furniture. ``end_at_separator`` makes a rule (``<hr>``, ``*``) end the article too.
    - ``notices``: furniture this publisher puts on its pages, recognised by its text wherever it
      appears (on other sites too).
    - ``notice_blocks``: blocks of this site's pages that are furniture, found by selector.
    - ``refine``: a last small function for what data cannot say. By then the document's tree
      has lost its scripts, styles and templates and the region's furniture: a function rule
      reads the page as it came, or ``refine`` reads ``document.source``.

    Field names and CSS selectors are checked when the adapter is declared: a typo fails at
    import (a plug-in's, in the registry's problems), not on some page later.
    """

    name: str
    hosts: tuple[str, ...] = ()
    signatures: tuple[re.Pattern[str], ...] = ()
    publisher: Publisher | None = None
    content: tuple[str, ...] = attrs.field(default=(), validator=_check_selectors)
    exclude: tuple[str, ...] = attrs.field(default=(), validator=_check_selectors)
    fields: Mapping[str, tuple[FieldRule, ...]] = attrs.field(factory=dict, validator=_check_fields)
    datelines: tuple[re.Pattern[str], ...] = ()
    origin_lines: tuple[re.Pattern[str], ...] = ()
    taxonomy: Mapping[str, str] = attrs.Factory(dict)
    body_end: tuple[re.Pattern[str], ...] = ()
    end_at_separator: bool = False
    notices: tuple[NoticeRule, ...] = ()
    notice_blocks: tuple[BlockNotice, ...] = attrs.field(default=(), validator=_check_blocks)
    refine: Callable[[Article, Document], Article] | None = None

    def host_claim(self, host: str) -> int:
        """How specifically this adapter claims ``host``: the length of its matching own host
        (sub-domains match), 0 when it does not claim it."""
        claims = (len(own) for own in self.hosts if host == own or host.endswith("." + own))
        return max(claims, default=0)

    def recognises(self, source: str | bytes) -> bool:
        """Whether a signature is found in the page's text, or in its UTF-8 bytes."""
        return any(_holds(signature, source) for signature in self.signatures)


def _holds(signature: re.Pattern[str], source: str | bytes) -> bool:
    text, data = _signature_needles(signature)
    if isinstance(source, bytes):
        # UTF-8 is found in UTF-8 exactly where the text is found in the text: only a page
        # holding every needle is decoded.
        if not all(needle in source for needle in data):
            return False
        source = source.decode("utf-8", "replace")
    return all(needle in source for needle in text) and signature.search(source) is not None


@cache
def _signature_needles(signature: re.Pattern[str]) -> tuple[tuple[str, ...], tuple[bytes, ...]]:
    """Texts the page source must hold for ``signature`` to match (none for a case-insensitive
    signature), and their UTF-8: most pages lack one, and a substring test is far faster than
    the search. All are asked for, not just the longest: a signature's longest text may be
    common markup (``<link rel="alternate"``), its telling part a shorter one."""
    text = () if signature.flags & re.IGNORECASE else required_literals(signature)
    return text, tuple(needle.encode() for needle in text)


GENERIC = Adapter(name="generic")
