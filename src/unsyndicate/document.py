"""The neutral document every adapter reads: blocks with their links, plus the page's metadata.

HTML and text renderings of the same page give the same nodes, so a rule written against node
text (a byline, a dateline, a donation appeal) works on both.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
from selectolax.lexbor import LexborHTMLParser

from .model import Block

_SEPARATOR = re.compile(r"^(?:[*\-_=~•·]\s*){1,80}$")
_SEPARATOR_START = frozenset("*-_=~•·")
# An e-mail address starts where a run of address characters starts (the lookbehind), so a long
# word with no "@" is scanned once, not once per character.
_BARE_LINK = re.compile(
    r"https?://[^\s<>\"')\]]+[^\s<>\"')\].,;:!?]|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


@attrs.frozen
class Link:
    text: str
    url: str


@attrs.frozen
class Node:
    """A body-level block of the page and the links inside it.

    ``block.kind`` is one of the Article body kinds, or ``separator`` for a rule (``<hr>``, ``*``).
    """

    block: Block
    links: tuple[Link, ...] = ()

    @property
    def kind(self) -> str:
        return self.block.kind

    @property
    def text(self) -> str:
        return self.block.text

    def link_urls(self) -> tuple[str, ...]:
        """Every address in the node: its links, then bare URLs and e-mail addresses in its text."""
        return line_links(self.block.text, self.links)


def line_links(line: str, links: tuple[Link, ...]) -> tuple[str, ...]:
    """Addresses in one line of text, in order: its ``links``, then bare URLs and e-mails."""
    found = [(line.find(link.text), link.url) for link in links if is_address(link.url)]
    for match in _BARE_LINK.finditer(line):
        url = match.group()
        found.append((match.start(), url if "@" not in url or "://" in url else f"mailto:{url}"))
    found.sort(key=lambda item: item[0])
    return tuple(dict.fromkeys(url for _, url in found))


def links_per_line(text: str, links: tuple[Link, ...]) -> list[tuple[Link, ...]]:
    """The node's links grouped by the line of ``text`` their label stands on.

    Labels are found in document order, each after the one before, so two links with the same
    label on different lines go to their own lines.
    """
    lines: list[list[Link]] = [[] for _ in range(text.count("\n") + 1)]
    position = 0
    for link in links:
        found = text.find(link.text, position) if link.text else -1
        if found < 0:
            continue
        lines[text.count("\n", 0, found)].append(link)
        position = found + len(link.text)
    return [tuple(line) for line in lines]


def is_separator(text: str) -> bool:
    """A line that only draws a rule: ``*``, ``***``, ``---``, ``* * *``."""
    # The first character settles most lines without the pattern (this runs once per block).
    return text[:1] in _SEPARATOR_START and bool(_SEPARATOR.match(text))


def is_address(url: str | None) -> bool:
    """True for a link that goes somewhere: not empty, not ``#``, not ``javascript:``."""
    return bool(url) and not url.startswith(("#", "javascript:"))  # type: ignore[union-attr]


@attrs.frozen
class Head:
    """Page-level metadata read from an HTML page (empty for text).

    ``meta`` holds the cleaned values of the ``<meta>`` tags a reader asks for
    (:data:`unsyndicate.metadata.HEAD_KEYS`), by trimmed lower-case name, then the author,
    subtitle and time markup of the body as ``byline``, ``subtitle`` and ``datetime``, and the
    first line of the page's first ``<h1>`` elements as ``heading``. An adapter reads any
    other tag with a field rule: ``("meta[name=x]", "content")``.
    """

    title: str | None = None
    language: str | None = None
    canonical: str | None = None
    meta: dict[str, tuple[str, ...]] = attrs.Factory(dict)
    jsonld: tuple[dict[str, Any], ...] = ()

    def first(self, *names: str) -> str | None:
        """The first non-empty value among the named ``<meta>`` tags (lower-case names)."""
        for name in names:
            for value in self.meta.get(name, ()):
                if value:
                    return value
        return None


@attrs.frozen
class Document:
    """One page, ready for an adapter: raw source, parsed tree (HTML only), head and nodes.

    ``page`` is the page as the parser read it: its text, or the UTF-8 bytes it came in. A big
    page's text takes up to four times its bytes, so it is decoded only when ``source`` is read.
    """

    page: str | bytes
    url: str | None
    head: Head
    nodes: tuple[Node, ...]
    tree: LexborHTMLParser | None = None

    @functools.cached_property
    def source(self) -> str:
        """The page's text (HTML or the text rendering)."""
        return (
            self.page if isinstance(self.page, str) else self.page.decode("utf-8", "surrogatepass")
        )

    @property
    def is_html(self) -> bool:
        return self.tree is not None
