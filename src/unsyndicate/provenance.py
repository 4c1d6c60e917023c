"""Who first published an article: syndication signals from notices, the header and the head."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs

from .generic.credits import credit_in_lines, read_credit
from .generic.wire import (
    AGENCY_HOSTS,
    agency,
    agency_in_path,
    byline_agency,
    wire_credit,
    wire_dateline,
)
from .literal import fold_case
from .media import host_of
from .model import Notice, Original, Publisher
from .sites import host_keys, same_publisher, site_keys

# A wire dateline opens one of the first paragraphs.
_DATELINE_PARAGRAPHS = 3
# The page's text has a line per text node: a link's text inside a sentence ("According to" /
# "Reuters" / ", the ...") is a line of its own, with a sentence going on around it.
_GOES_ON = frozenset(",.;:!?)]»”’")
_SHORT_LINE = 40
# What a photo's credit says that a byline does not, as fold_case() gives it.
_PHOTO_WORDS = ("photo", "foto", "image", "imago", "picture", "getty", "illustration", "bild",
                "credit", "©", "/", " file")  # fmt: skip


def origin_from_notices(notices: Iterable[Notice]) -> Original | None:
    """The original publication named by the first reprint notice that names one (or whose
    link does, for a nameless "Republished with permission"), or by an agency's copyright line
    ("© AP")."""
    for notice in notices:
        credit = wire_credit(notice.text) if notice.kind == "copyright" else None
        if credit:
            return Original(credit)
        if notice.kind != "reprint":
            continue
        url = next((link for link in notice.links if not link.startswith("mailto:")), None)
        for line in notice.text.split("\n"):
            found = read_credit(line)
            if found is None:
                continue
            name = found.name or (host_of(url) if found.by_link else None)
            if name:
                return Original(name, url, found.published)
    return None


def origin_from_lines(lines: Sequence[str]) -> Original | None:
    """The original a credit line names among the page's text ``lines`` around its title or
    after its body ("来源：X", "Originally published at X", "Provided by X"), where the region
    did not reach; an agency's line there is a byline's or a photo's (see
    :func:`origin_from_wire`)."""
    found = credit_in_lines(lines)
    if found and found.name and agency(found.name):
        return None
    return Original(found.name, None, found.published) if found and found.name else None


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


def origin_from_wire(
    paragraphs: Sequence[str],
    signed: Iterable[str],
    below: Sequence[str],
    people: Sequence[str],
    url: str | None,
) -> Original | None:
    """A news agency's story: a wire dateline ("LONDON (Reuters) -", "【北京共同】") opening
    one of the first paragraphs (a finance site's summary may come first), a credit closing the
    last ("(SID)", "© AP"), an agency signing it (``signed``: the byline and the author
    markup), a wire byline among the lines ``below`` the title ("Tom Davies" / "Associated
    Press", "AFP | 19 Nov", "Por Agencia EFE"), or a section of the page's address named for
    one (``/ap/``)."""
    name = next(filter(None, map(wire_dateline, paragraphs[:_DATELINE_PARAGRAPHS])), None)
    name = name or (wire_credit(paragraphs[-1]) if paragraphs else None)
    name = name or next(filter(None, map(byline_agency, signed)), None)
    name = name or _wire_byline(below, people)
    name = name or agency_in_path(url)
    return Original(name) if name else None


def _wire_byline(lines: Sequence[str], people: Sequence[str]) -> str | None:
    """The agency a byline under the title credits. A photo's credit names one too ("Photo: Ann
    Lee, AP", "Ann Lee / Reuters"): on a page signed by people, an agency line counts only
    beside one of them."""
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else ""
        # A caption's sentence, then the agency alone: the photo's credit.
        after_caption = len(before) > _SHORT_LINE and before.endswith(".")
        folded = fold_case(line)
        photo = after_caption or any(word in folded for word in _PHOTO_WORDS)
        found = None if photo else byline_agency(line)
        beside = f"{before} {line}"
        if found and (not people or any(person in beside for person in people)):
            return found
    return None


def original_of(
    candidates: Iterable[Original | None], publisher: Publisher | None, url: str | None
) -> Original | None:
    """The original publication of the page at ``url``: the first candidate that is not its own
    publisher under another name (a Reuters story on reuters.com, a ``.de`` page with its
    ``.co.uk`` canonical, "Prevention" on prevention.com, "Live Science" crediting itself),
    with the blanks it leaves filled from the candidates after it; None when the page is no
    repost."""
    own = host_keys(url)
    if publisher is not None:
        own |= site_keys(publisher.name, publisher.url)
    foreign = (found for found in candidates if found and not same_publisher(_keys(found), own))
    return merge_origins(*foreign)


def standing_lines(lines: Sequence[str]) -> Iterator[str]:
    """The lines that stand on their own, as a byline does: not a link's text in a sentence."""
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else ""
        after = lines[index + 1] if index + 1 < len(lines) else ""
        broken_off = len(before) > _SHORT_LINE and before[-1:].islower()
        goes_on = after[:1] in _GOES_ON or after[:1].islower()
        if not broken_off and not goes_on:
            yield line


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
    """A canonical link on another site than the page's own says where the article lives
    (whether that site is the page's own publisher under another name is for
    :func:`original_of` to tell)."""
    canonical_host = host_of(canonical)
    if not host_of(url) or not canonical_host:
        return None
    return Original(canonical_host, canonical)


def _keys(original: Original) -> set[str]:
    """What names an original: its name, its address's site, and an agency's own sites (its
    story on "hosted.ap.org" is its own)."""
    keys = site_keys(original.name, original.url)
    return keys | {key for host in AGENCY_HOSTS.get(original.name, ()) for key in site_keys(host)}
