"""Who first published an article: syndication signals from notices, the header and the head."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .dates import MONTH_PATTERN
from .generic.wire import AGENCY_HOSTS, AGENCY_PATTERN, agency, wire_credit, wire_dateline
from .media import host_of
from .model import Notice, Original, Publisher

# A wire dateline opens one of the first paragraphs.
_DATELINE_PARAGRAPHS = 3
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


# What follows a name in a credit line and is no part of it: "X and can be read here", "X and
# has been republished here with permission", "X, which ...": a joining word and a lower-case
# word start a clause. The lookbehind starts a match only where a run of spaces starts.
_CLAUSE = re.compile(r"(?<!\s)\s+(?:and|which|where|who|with|under|via|&)\s+(?=[a-z])")


# "originally published in March 2022": a date, not a publication.
_DATE_ONLY = re.compile(rf"(?:{MONTH_PATTERN}\.?\s+)?(?:\d\d?,?\s+)?(?:19|20)\d\d", re.IGNORECASE)


def origin_name(name: str) -> str | None:
    """An original publication's name, without the clause a credit line goes on with; None
    when the line names a date instead."""
    name = _CLAUSE.split(name, maxsplit=1)[0].strip(" .:")
    return None if _DATE_ONLY.fullmatch(name) else agency(name) or name


def origin_from_notices(notices: Iterable[Notice]) -> Original | None:
    """The original publication named by the first reprint notice that names one, or by an
    agency's copyright line ("© AP")."""
    for notice in notices:
        credit = wire_credit(notice.text) if notice.kind == "copyright" else None
        if credit:
            return Original(credit)
        if notice.kind != "reprint":
            continue
        for line in notice.text.split("\n"):
            for rule in _NAMED_ORIGIN:
                match = rule.search(line)
                name = origin_name(match["name"]) if match else None
                if name:
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


def origin_from_wire(paragraphs: Sequence[str], author_names: Iterable[str]) -> Original | None:
    """A news agency's story: a wire dateline ("LONDON (Reuters) -") opening one of the first
    paragraphs (a finance site's summary may come first), a credit closing the last ("(SID)",
    "© AP"), or an agency given as the author."""
    name = next(filter(None, map(wire_dateline, paragraphs[:_DATELINE_PARAGRAPHS])), None)
    name = name or (wire_credit(paragraphs[-1]) if paragraphs else None)
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
    """Whether the page republishes another's article: never a publisher's own page on its
    own host (a Reuters story on reuters.com)."""
    if original is None:
        return False
    if publisher is None:
        return True
    hosts = host_of(original.url or _home(original.name)), host_of(publisher.url)
    if all(hosts) and _same_site(*hosts):
        return False
    return original.name.lower() != publisher.name.lower()


def _home(name: str) -> str | None:
    """An agency's own site, as an address."""
    host = AGENCY_HOSTS.get(name)
    return f"https://{host}/" if host else None


def _same_site(first: str, second: str) -> bool:
    return first.split(".")[-2:] == second.split(".")[-2:]
