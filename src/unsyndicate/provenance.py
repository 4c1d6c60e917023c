"""Who first published an article: syndication signals from notices, the header and the head."""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from .media import host_of
from .model import Notice, Original, Publisher

# Reprint lines that name the original publication; the name runs to the end of the sentence.
_NAMED_ORIGIN = tuple(
    re.compile(text, re.IGNORECASE)
    for text in (
        r"original source of this (?:article|story|post) is\s+(?P<name>[^\n]+?)\.?$",
        r"(?:originally|first) (?:published|appeared|posted|ran) (?:on|in|at|by)\s+"
        r"(?P<name>[^\n.,;(]+?)(?:\s+on\s+.+?)?\s*(?:[.,;(]|$)",
        r"(?:republished|reprinted|reposted) (?:here )?"
        r"(?:from|with (?:the )?permission (?:of|from))"
        r"\s+(?P<name>[^\n.,;(]+?)\s*(?:[.,;(]|under\b|$)",
    )
)


def origin_from_notices(notices: Iterable[Notice]) -> Original | None:
    """The original publication named by the first reprint notice that names one."""
    for notice in notices:
        if notice.kind != "reprint":
            continue
        for line in notice.text.split("\n"):
            for rule in _NAMED_ORIGIN:
                match = rule.search(line)
                if match:
                    name = match["name"].strip(" .:")
                    url = next(
                        (link for link in notice.links if not link.startswith("mailto:")), None
                    )
                    return Original(name, url)
    return None


def merge_origins(*candidates: Original | None) -> Original | None:
    """The first candidate, with the blanks it leaves filled from the ones after it."""
    found = [candidate for candidate in candidates if candidate is not None]
    if not found:
        return None
    merged = found[0]
    for other in found[1:]:
        if other.name.lower() != merged.name.lower() and merged.name:
            continue
        merged = attrs.evolve(
            merged, url=merged.url or other.url, published=merged.published or other.published
        )
    return merged


def origin_from_canonical(canonical: str | None, url: str | None) -> Original | None:
    """A canonical link on another site than the page's own says where the article lives."""
    page_host, canonical_host = host_of(url), host_of(canonical)
    if not page_host or not canonical_host or _same_site(page_host, canonical_host):
        return None
    return Original(canonical_host, canonical)


def is_syndicated(original: Original | None, publisher: Publisher | None) -> bool:
    if original is None:
        return False
    return publisher is None or original.name.lower() != publisher.name.lower()


def _same_site(first: str, second: str) -> bool:
    return first.split(".")[-2:] == second.split(".")[-2:]
