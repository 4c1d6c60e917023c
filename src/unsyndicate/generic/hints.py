"""What an element's class and id say about it: article content, or page furniture."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

# Words in a class or id that mark the article's container.
_POSITIVE = re.compile(
    r"article|body|content|entry|h-?entry|main|page|post|text|blog|story|prose|rich-?text",
    re.IGNORECASE,
)
# Words that mark furniture: navigation, promotion, comments, social and subscription prompts.
_NEGATIVE = re.compile(
    r"-ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|contact|cookie|consent|disqus|"
    r"footer|foot\b|gdpr|header|masthead|menu|meta|nav|newsletter|outbrain|pagination|"
    r"popup|promo|recirc|related|recommend|rss|share|sharing|shopping|sidebar|"
    r"skyscraper|social|sponsor|subscri|tags|taboola|toolbar|tools|trending|widget|"
    r"byline|author|caption|credit|signup|sign-up|modal|overlay|hidden|timestamp|dateline|"
    r"pubdate|published|posted-on|updated",
    re.IGNORECASE,
)
# Furniture so clearly named that the element is dropped before scoring, unless the same
# class or id also names content ("article-comments" stays a candidate, then loses on score).
_UNLIKELY = re.compile(
    r"-ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|"
    r"footer|gdpr|menu|newsletter|outbrain|pager\b|pagination|popup|promo|recirc|"
    r"related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"subscri|taboola|trending|modal|overlay",
    re.IGNORECASE,
)
_MAYBE = re.compile(r"and|article|body|column|content|main|shadow|story|entry|post", re.IGNORECASE)


def label(node: LexborNode) -> str:
    """The class and id of ``node`` as one string."""
    attributes = node.attributes
    return f"{attributes.get('class') or ''} {attributes.get('id') or ''}".strip()


# Pages repeat the same class strings many times: the answers for them are remembered.
@lru_cache(maxsize=8192)
def weight(text: str) -> int:
    """+25 for a content-like class or id, -25 for a furniture-like one (both can apply)."""
    if not text:
        return 0
    score = 0
    if _NEGATIVE.search(text):
        score -= 25
    if _POSITIVE.search(text):
        score += 25
    return score


@lru_cache(maxsize=8192)
def unlikely(text: str) -> bool:
    """True when a class or id names furniture and nothing that could hold the article."""
    return bool(text) and bool(_UNLIKELY.search(text)) and not _MAYBE.search(text)
