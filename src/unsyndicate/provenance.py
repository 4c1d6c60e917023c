"""Who first published an article: syndication signals from notices, the header and the head."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import attrs

from .generic.wire import AGENCY_PATTERN, agency, wire_dateline
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
        rf"^[—–-]?\s*(?P<name>{AGENCY_PATTERN})\s*$",
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
                    name = agency(name) or name
                    url = next(
                        (link for link in notice.links if not link.startswith("mailto:")), None
                    )
                    return Original(name, url)
    return None


def origin_from_jsonld(article: dict[str, Any]) -> Original | None:
    """The source a JSON-LD article object names: ``isBasedOn``, ``sourceOrganization`` or
    ``provider`` (an address alone names its site)."""
    for key in ("isBasedOn", "sourceOrganization", "provider"):
        value = article.get(key)
        value = value[0] if isinstance(value, list) and value else value
        if isinstance(value, str) and "://" in value:
            return Original(host_of(value), value) if host_of(value) else None
        if isinstance(value, dict):
            owner = value.get("publisher") if key == "isBasedOn" else value
            owner = owner if isinstance(owner, dict) else value
            name, url = owner.get("name"), value.get("url") or owner.get("url")
            url = url if isinstance(url, str) else None
            if isinstance(name, str) and name.strip():
                return Original(name.strip(), url)
            if url and host_of(url):
                return Original(host_of(url), url)
    return None


def origin_from_wire(first_paragraph: str | None, author_names: Iterable[str]) -> Original | None:
    """A news agency's story: a wire dateline ("LONDON (Reuters) -") opening the body, or an
    agency given as the author."""
    name = wire_dateline(first_paragraph) if first_paragraph else None
    name = name or next(filter(None, map(agency, author_names)), None)
    return Original(name) if name else None


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
    if publisher is None:
        return True
    hosts = host_of(original.url), host_of(publisher.url)
    if all(hosts) and _same_site(*hosts):
        return False
    return original.name.lower() != publisher.name.lower()


def _same_site(first: str, second: str) -> bool:
    return first.split(".")[-2:] == second.split(".")[-2:]
