"""The article header: the lines between the title and the body (byline, datelines, taxonomy).

Header lines become metadata, never body. Reading stops at the first node that is not one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from .adapter import BYLINE, DATELINE, Adapter
from .dates import MODIFIED_LABEL, parse_date
from .document import Link, Node, is_address
from .model import Original, Tag

# Bylines and datelines sit right under the title; past this many nodes we are in the body.
_MAX_HEADER_NODES = 12
# The lookbehind starts a match only where a run of spaces starts (linear on long runs).
_AUTHOR_SPLIT = re.compile(
    r"(?<!\s)\s*(?:,|;|&|、|，|\band\b|\bund\b|\bet\b|\by\b)\s*", re.IGNORECASE
)
# Only commas and semicolons split a byline with an organisation's name in it, whose small
# joining words ("for", "of") no list of people has.
_LIST_SPLIT = re.compile(r"(?<!\s)\s*[,;、，]\s*")
_ORGANISATION = re.compile(r"\s(?:for|of|on|du|des|für)\s")
# "By Ann Lee | Harbor Times", "By Ann Lee • March 3": after a bar, the outlet or the date.
_AFTER_NAMES = re.compile(r"\s*[|｜•·].*$")
_TAXONOMY = re.compile(r"^(?P<label>[^:\n]{2,40}):\s*(?P<items>.+)$")


@attrs.frozen
class Header:
    authors: tuple[str, ...] = ()
    published: str | None = None
    original: Original | None = None
    tags: tuple[Tag, ...] = ()


def read_header(nodes: Sequence[Node], adapter: Adapter) -> tuple[Header, int]:
    """The header found at the start of ``nodes`` and how many nodes it took."""
    header = Header()
    taken = 0
    for node in nodes[:_MAX_HEADER_NODES]:
        if node.kind != "paragraph":
            break
        updated = header
        for line in node.text.split("\n"):
            read = _read_line(line.strip(), node.links, updated, adapter)
            if read is None:
                return header, taken
            updated = read
        header = updated
        taken += 1
    return header, taken


def _read_line(
    line: str, links: tuple[Link, ...], header: Header, adapter: Adapter
) -> Header | None:
    if not header.authors:
        byline = BYLINE.match(line)
        if byline:
            names = _AFTER_NAMES.sub("", byline["authors"])
            return attrs.evolve(header, authors=split_authors(names, links))
    for dateline in (*adapter.datelines, DATELINE):
        match = dateline.match(line)
        if match and not header.published:
            # An "Updated" line is header, but its date is the modified one (see published.py).
            if MODIFIED_LABEL.search(line, 0, match.start("date")):
                return header
            return attrs.evolve(header, published=parse_date(match["date"]))
    for origin_line in adapter.origin_lines:
        match = origin_line.match(line)
        if match and header.original is None:
            name = match["name"].strip()
            url = next(
                (link.url for link in links if link.text == name and is_address(link.url)), None
            )
            return attrs.evolve(header, original=Original(name, url, parse_date(match["date"])))
    taxonomy = _TAXONOMY.match(line)
    kind = adapter.taxonomy.get(taxonomy["label"].strip().lower()) if taxonomy else None
    if taxonomy and kind:
        return attrs.evolve(header, tags=(*header.tags, *_tags(kind, taxonomy["items"], links)))
    return None


def split_authors(text: str, links: Sequence[Link] = ()) -> tuple[str, ...]:
    """Names in a byline; linked names are taken as given, others split on commas and 'and'
    (never inside an organisation's name: "Center for Drug Evaluation and Research")."""
    linked = [link.text for link in links if link.text and link.text in text]
    if linked:
        return tuple(dict.fromkeys(linked))
    splitter = _LIST_SPLIT if _ORGANISATION.search(text) else _AUTHOR_SPLIT
    names = (name.strip(" .") for name in splitter.split(text))
    return tuple(dict.fromkeys(name for name in names if len(name) > 1))


def _tags(kind: str, items: str, links: Sequence[Link]) -> list[Tag]:
    linked = [link for link in links if link.text and link.text in items]
    if linked:
        return [Tag(kind, link.text, link.url if is_address(link.url) else None) for link in linked]
    return [Tag(kind, name.strip()) for name in items.split(",") if name.strip()]
