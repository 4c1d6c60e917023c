"""Generic metadata from the page head, best source first: JSON-LD, OpenGraph, meta tags."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from .clean import clean
from .dates import parse_date
from .document import Head
from .generic.authors import clean_authors, signatures
from .generic.title import same_title
from .model import Publisher, Tag

_ARTICLE_TYPES = re.compile(
    r"Article|BlogPosting|Report|NewsArticle|Posting|WebPage", re.IGNORECASE
)
# The <meta> names each reader below asks for, best first (``byline``, ``subtitle`` and
# ``datetime`` also name page markup: see head.py). read_head keeps these names only.
_TITLE_META = ("og:title", "twitter:title")
_AUTHOR_META = ("author", "article:author", "dc.creator", "parsely-author", "sailthru.author")
_BYLINE_META = "byline"
_PUBLISHED_META = (
    "article:published_time", "og:published_time", "date", "pubdate", "dc.date",
    "dc.date.issued", "publish-date", "sailthru.date", "datepublished", "parsely-pub-date",
    "dcterms.created", "article.published", "citation_date", "citation_publication_date",
    "datetime",
)  # fmt: skip
_MODIFIED_META = ("article:modified_time", "og:updated_time")
_SITE_META = ("og:site_name", "application-name")
_TYPE_META = "og:type"
_SECTION_META = "article:section"
_TAG_META = "article:tag"
_KEYWORD_META = ("keywords", "news_keywords")
_IMAGE_META = ("og:image", "og:image:url", "twitter:image", "twitter:image:src")
_SUBTITLE_META = "subtitle"
_LANGUAGE_META = ("og:locale", "language", "content-language", "dc.language")
_CANONICAL_META = ("og:url",)
HEAD_KEYS = frozenset(
    (
        *_TITLE_META, *_AUTHOR_META, _BYLINE_META, *_PUBLISHED_META, *_MODIFIED_META,
        *_SITE_META, _SECTION_META, _TAG_META, *_KEYWORD_META, *_IMAGE_META, _SUBTITLE_META,
        *_LANGUAGE_META, *_CANONICAL_META, _TYPE_META,
    )
)  # fmt: skip
"""Every <meta> name a reader of :class:`~unsyndicate.document.Head` asks for."""
# A site name followed by its slogan: "LinkNaija | Nigeria's popular news platform".
_TAGLINE = re.compile(r"\s+[|–—-]\s+.*$")
_TITLE_SUFFIX = re.compile(r"\s+[|\-–—:·•»]\s+[^|\-–—:·•»]{2,60}$")
_ELLIPSIS = re.compile(r"(?:…|\.\.\.)$")
# A JSON-LD headline longer than this and twice the head's other titles is a paragraph.
_LONG_HEADLINE = 150


def declares_article(head: Head) -> bool:
    """True when the page says it is an article: an article type in JSON-LD, or ``og:type``."""
    kind = head.first(_TYPE_META) or ""
    return kind.casefold() == "article" or bool(article_object(head))


def article_object(head: Head) -> dict[str, Any]:
    """The JSON-LD object describing the article (the first of an article type), or {}.

    The ``head_*`` functions below take it as ``article``: worked out once per page.
    """
    best: dict[str, Any] = {}
    for item in head.jsonld:
        kind = item.get("@type")
        kinds = kind if isinstance(kind, list) else [kind]
        if any(isinstance(k, str) and _ARTICLE_TYPES.search(k) for k in kinds):
            if "WebPage" not in str(kind) or not best:
                best = item
            if "Article" in str(kind) or "Posting" in str(kind):
                return item
    return best


def _names(value: Any, kind: str | None = None) -> list[str]:
    """Names in a JSON-LD value: a string, an object with ``name``, or a list of them; with
    ``kind``, only objects of that ``@type``."""
    if isinstance(value, str):
        return [] if kind else [value]
    if isinstance(value, dict):
        if kind and value.get("@type") != kind:
            return []
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for item in value for name in _names(item, kind)]
    return []


def title_candidates(head: Head) -> list[str]:
    """Every title the head gives, best source first: JSON-LD headline, OpenGraph or Twitter
    title, then ``<title>`` without the site's name, then ``<title>`` as it is. A headline that
    is the article's opening rather than its title comes last (see :func:`_is_opening`)."""
    headline = article_object(head).get("headline")
    headline = clean(headline) if isinstance(headline, str) else None
    # <meta> values are clean already (see head.py).
    found = [value for value in (head.first(name) for name in _TITLE_META) if value]
    if head.title:
        suffix = _TITLE_SUFFIX.search(head.title)
        # The site's name is the shorter part: "Google - Site Reliability Engineering" is a
        # book's page on Google's site, not an article called "Google"; "New Zealand -
        # Wikipedia" is an article called "New Zealand".
        if suffix and 2 * suffix.start() >= len(head.title) - suffix.start():
            found.append(head.title[: suffix.start()])
        found.append(head.title)
    if headline:
        found.insert(len(found) if _is_opening(headline, found) else 0, headline)
    return list(dict.fromkeys(found))


def _is_opening(headline: str, others: list[str]) -> bool:
    """True when a JSON-LD headline is the article's first paragraph, cut short, not its title:
    none of the head's other titles is the same title, and it is much longer than all of them
    or longer and ending in an ellipsis."""
    if not others or any(same_title(headline, other) for other in others):
        return False
    longest = max(map(len, others))
    if len(headline) > _LONG_HEADLINE and len(headline) > 2 * longest:
        return True
    return len(headline) > longest and bool(_ELLIPSIS.search(headline))


def head_authors(
    head: Head, article: dict[str, Any], *sites: str | None, shown: Sequence[str] = ()
) -> tuple[str, ...]:
    """People named as authors, best source first: JSON-LD, author ``<meta>`` tags, the author
    markup in the page (microdata, ``rel=author``, byline classes), then the bylines the page
    ``shown`` without markup. ``sites`` are the site's names and host, never taken for a
    person. When no source names a person, whoever signs in the first source that has a
    signature (an organisation, the site itself, a team, a handle) is the author."""
    # A person the JSON-LD names in full is an author even on a blog named after them.
    declared = _names(_author(head, article), "Person")
    people = {name for name in clean_authors(declared) if " " in name}
    sources = author_sources(head, article)
    for names in sources:
        authors = tuple(
            name for name in clean_authors(names) if name in people or clean_authors([name], *sites)
        )
        if authors:
            return authors
    return clean_authors(shown, *sites) or next(
        filter(None, map(signatures, [*sources, shown])), ()
    )


def author_sources(head: Head, article: dict[str, Any]) -> list[list[str]]:
    """Author names as each source gives them, uncleaned, best source first."""
    tagged = [
        value for name in _AUTHOR_META for value in head.meta.get(name, ()) if "://" not in value
    ]
    # Author markup in the page also names the authors of related articles: each element is
    # a source of its own, so the first that names a person wins.
    bylines = [[byline] for byline in head.meta.get(_BYLINE_META, ())]
    return [_names(_author(head, article)), tagged, *bylines]


def _author(head: Head, article: dict[str, Any]) -> Any:
    """The JSON-LD ``author``, with each reference (``{"@id": ...}`` alone) replaced by the
    object of that ``@id`` elsewhere on the page (a ``@graph``'s Person)."""
    value = article.get("author")
    items = value if isinstance(value, list) else [value]
    if not any(isinstance(item, dict) and "name" not in item for item in items):
        return value
    objects = {item.get("@id"): item for item in head.jsonld if "name" in item}
    return [
        objects.get(item.get("@id"), item) if isinstance(item, dict) else item for item in items
    ]


def head_published(head: Head, article: dict[str, Any]) -> str | None:
    # ``datetime`` is the first <time datetime> in the page (see head.py): the least sure source.
    return parse_date(_text(article.get("datePublished")) or head.first(*_PUBLISHED_META))


def head_modified(head: Head, article: dict[str, Any]) -> str | None:
    return parse_date(_text(article.get("dateModified")) or head.first(*_MODIFIED_META))


def head_publisher(head: Head) -> Publisher | None:
    ld = article_object(head)
    names = _names(ld.get("publisher"))
    candidates = [value for name in _SITE_META for value in head.meta.get(name, ())] + names
    # Some pages put their address where the name goes: the host names the site better.
    name = next(filter(None, (clean(value) for value in candidates if "://" not in value)), None)
    return Publisher(_TAGLINE.sub("", name) or name) if name else None


def head_canonical(head: Head) -> str | None:
    """The page's own address: ``<link rel=canonical>``, then OpenGraph."""
    return head.canonical or head.first(*_CANONICAL_META)


def head_tags(head: Head, article: dict[str, Any]) -> tuple[Tag, ...]:
    """Sections, then keywords: OpenGraph article tags, else JSON-LD, else keyword ``<meta>``."""
    sections = [*head.meta.get(_SECTION_META, ()), *_listed(article.get("articleSection"))]
    keywords: list[str] = list(head.meta.get(_TAG_META, ()))
    keywords = keywords or _listed(article.get("keywords"))
    keywords = keywords or _listed(head.first(*_KEYWORD_META))
    tags = [Tag("section", name) for name in sections]
    tags += [Tag("keyword", name) for name in keywords]
    return tuple(dict.fromkeys(tags))


def head_image(head: Head, article: dict[str, Any]) -> str | None:
    """The lead image: OpenGraph, Twitter card, then JSON-LD ``image``."""
    found = head.first(*_IMAGE_META)
    if found:
        return found
    image = article.get("image")
    image = image[0] if isinstance(image, list) and image else image
    if isinstance(image, dict):
        image = image.get("url") or image.get("contentUrl")
    return image if isinstance(image, str) and image.strip() else None


def head_subtitle(head: Head, article: dict[str, Any]) -> str | None:
    """The standfirst: JSON-LD ``alternativeHeadline``, then subtitle markup in the page."""
    value = _text(article.get("alternativeHeadline")) or head.first(_SUBTITLE_META)
    return clean(value) or None if value else None


def head_language(head: Head, article: dict[str, Any]) -> str | None:
    """The page's language as a BCP 47 tag: ``<html lang>``, JSON-LD, then locale meta tags."""
    value = head.language or _text(article.get("inLanguage")) or head.first(*_LANGUAGE_META)
    return value.strip().replace("_", "-") or None if value else None


def _listed(value: Any) -> list[str]:
    """Names from a list, or from a comma-separated string."""
    items = value if isinstance(value, list) else str(value).split(",") if value else []
    return [item.strip() for item in items if isinstance(item, str) and item.strip()]


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None
