"""Page metadata from HTML: ``<title>``, ``<meta>`` tags, canonical link, language and JSON-LD."""

from __future__ import annotations

import json
import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from .clean import clean
from .document import Head

# A JSON-LD block larger than this is data, not article metadata; parsing it would only cost.
_MAX_JSONLD = 1_000_000
# Metadata the page shows in its body, kept under these names beside the <meta> tags: author
# markup (microdata, rel=author, byline classes) and machine-readable times.
_VISIBLE_AUTHORS = (
    "[itemprop~=author], [rel~=author], [class*=byline i], [class*=author-name i], "
    "[class~=author i], [class*=__author i]"
)
_VISIBLE_TIMES = "time[datetime], [itemprop~=datePublished][datetime]"
_VISIBLE_SUBTITLE = (
    "[itemprop~=alternativeHeadline], [class*=subtitle i], [class*=standfirst i], "
    "[class*=subheadline i]"
)
# CDATA and comment markers some pages wrap their JSON-LD in.
_WRAPPER = re.compile(r"^\s*(?:<!\[CDATA\[|<!--|/\*)|(?:\]\]>|-->|\*/)\s*$")
_MIN_SUBTITLE, _MAX_SUBTITLE = 20, 400
# Longer text in an author element is a biography, not a byline.
_MAX_BYLINE = 120


def read_head(tree: LexborHTMLParser) -> Head:
    meta: dict[str, list[str]] = {}
    for tag in tree.css("meta"):
        attributes = tag.attributes
        name = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        content = attributes.get("content")
        if name and content:
            meta.setdefault(name.strip().lower(), []).append(clean(content))
    _add_visible(tree, meta)
    title = tree.css_first("title")
    root = tree.css_first("html")
    canonical = tree.css_first('link[rel="canonical"]')
    return Head(
        title=clean(title.text()) if title is not None else None,
        language=(root.attributes.get("lang") or None) if root is not None else None,
        canonical=(canonical.attributes.get("href") or None) if canonical is not None else None,
        meta={name: tuple(values) for name, values in meta.items()},
        jsonld=tuple(_jsonld(tree)),
    )


def _add_visible(tree: LexborHTMLParser, meta: dict[str, list[str]]) -> None:
    """Author, subtitle and time markup from the page body, as ``byline``, ``subtitle`` and
    ``datetime`` entries."""
    for element in tree.css(_VISIBLE_AUTHORS):
        name = element.css_first("[itemprop~=name]")
        text = clean((name or element).text(deep=True, separator=" "))
        if text and len(text) <= _MAX_BYLINE:
            meta.setdefault("byline", []).append(text)
    subtitle = tree.css_first(_VISIBLE_SUBTITLE)
    text = clean(subtitle.text(deep=True, separator=" ")) if subtitle is not None else ""
    if _MIN_SUBTITLE <= len(text) <= _MAX_SUBTITLE:
        meta.setdefault("subtitle", []).append(text)
    for element in tree.css(_VISIBLE_TIMES):
        moment = element.attributes.get("datetime")
        if moment:
            meta.setdefault("datetime", []).append(moment.strip())


def _jsonld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, ``@graph`` members and nested lists flattened."""
    found: list[dict[str, Any]] = []
    for script in tree.css('script[type="application/ld+json"]'):
        raw = script.text(deep=True)
        if not raw or len(raw) > _MAX_JSONLD:
            continue
        try:
            data = json.loads(_WRAPPER.sub("", raw), strict=False)
        except (ValueError, RecursionError):
            continue
        pending = [data]
        while pending:
            item = pending.pop(0)
            if isinstance(item, list):
                pending.extend(item)
            elif isinstance(item, dict):
                found.append(item)
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extend(graph)
    return found
