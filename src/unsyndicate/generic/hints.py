"""What an element's class and id say about it: article content, or page furniture."""

from __future__ import annotations

import re
from functools import lru_cache

from selectolax.lexbor import LexborNode

from ..literal import fold_case

# The ASCII letters that case-insensitive matching also finds as a non-ASCII character: i (ı and
# İ), k (the Kelvin sign) and s (ſ), the characters literal.fold_case maps back.
_ODD_LETTERS = "iks"


class Words:
    """A case-insensitive pattern whose letters are lowercase ASCII, searched fast.

    Case-insensitive matching tries every alternative at every position, and these patterns
    have dozens. In ASCII text (class names nearly always are) a case-sensitive search of the
    lowercased text gives the same answer several times faster. ``needs`` is a word every match
    contains: text without it (in any case) is answered without the pattern.
    """

    __slots__ = ("_any_case", "_lower", "_needs", "_plain_needs")

    def __init__(self, pattern: str, needs: str = "") -> None:
        pattern = _by_first_letter(pattern)
        self._any_case = re.compile(pattern, re.IGNORECASE)
        self._lower = re.compile(pattern)
        self._needs = needs
        # The longest part of needs without an odd letter: every letter of it is ASCII in a
        # match, so the text's ASCII characters alone hold it wherever the pattern matches.
        self._plain_needs = max(re.split(f"[{_ODD_LETTERS}]", needs), key=len).encode()

    def search(self, text: str) -> bool:
        if text.isascii():
            lowered = text.lower()
            if self._needs not in lowered:
                return False
            return self._lower.search(lowered) is not None
        if self._needs and (
            # The text's ASCII characters, lowered, are quicker to get than fold_case's form.
            self._plain_needs not in text.encode("ascii", "ignore").lower()
            or self._needs not in fold_case(text)
        ):
            return False
        return self._any_case.search(text) is not None


def _by_first_letter(pattern: str) -> str:
    """An alternation of words with those sharing a first letter grouped:
    ``a(?:dvert|uthor)|b(?:anner|yline)``. The regex engine tries every alternative at every
    place in the text; grouped, only those whose first letter is there, and when every
    alternative opens with a letter it skips to the places holding one of them (a leading
    ``\\b`` is moved after the letter for that: ``\\bads`` is ``a(?<!\\wa)ds``). Three times as
    fast on class names. A pattern with groups, or an alternative not opening with a plain
    letter, is returned as it is."""
    alternatives = pattern.split("|")
    if "(" in pattern or not all(map(_LEADING_LETTER.match, alternatives)):
        return pattern
    groups: dict[str, list[str]] = {}
    for alternative in alternatives:
        if alternative.startswith(r"\b"):
            first = alternative[2]
            rest = rf"(?<!\w{first}){alternative[3:]}"
        else:
            first, rest = alternative[0], alternative[1:]
        groups.setdefault(first, []).append(rest)
    return "|".join(
        f"{first}(?:{'|'.join(rests)})" if len(rests) > 1 else first + rests[0]
        for first, rests in groups.items()
    )


# A letter (or hyphen) standing for itself, not quantified; after a \b, a letter.
_LEADING_LETTER = re.compile(r"(?:\\b(?=\w))?[\w-](?![?*+{])")


# An id with this many hyphens may be a heading's words.
_SLUG_HYPHENS = 2
_NON_WORD = re.compile(r"\W+")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Words in a class or id that mark the article's container.
_POSITIVE = Words(
    r"article|body|content|entry|h-?entry|main|page|post|text|blog|story|prose|rich-?text"
)
# Words that mark furniture: navigation, promotion, comments, social and subscription prompts.
_NEGATIVE = Words(
    r"-ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|contact|cookie|consent|disqus|"
    r"footer|foot\b|gdpr|header|masthead|menu|meta|nav|newsletter|outbrain|pagination|"
    r"popup|promo|recirc|related|recommend|rss|share|sharing|shopping|sidebar|"
    r"skyscraper|social|sponsor|subscri|tags|taboola|toolbar|tools|trending|"
    r"byline|author|caption|credit|signup|sign-up|modal|overlay|hidden|timestamp|dateline|"
    r"pubdate|published|posted-on|updated"
)
# Furniture so clearly named that the element is dropped before scoring, unless the same
# class or id also names content ("article-comments" stays a candidate, then loses on score).
_UNLIKELY = Words(
    r"-ad-|\bads?\b|advert|banner|breadcrumb|combx|comment|community|cookie|consent|disqus|"
    r"footer|gdpr|menu|newsletter|outbrain|pager\b|pagination|popup|promo|recirc|"
    r"related|remark|replies|rss|share|sharing|shoutbox|sidebar|skyscraper|social|sponsor|"
    r"subscri|taboola|trending|modal|overlay"
)
_MAYBE = Words(r"and|article|body|column|content|main|shadow|story|entry|post")


def label(node: LexborNode) -> str:
    """The class and id of ``node`` as one string; not an id made of its heading's words."""
    attributes = node.attributes
    if not attributes:
        return ""
    name = attributes.get("id") or ""
    if name.count("-") >= _SLUG_HYPHENS and _is_heading_slug(node, name):
        name = ""
    return f"{attributes.get('class') or ''} {name}".strip()


def _is_heading_slug(node: LexborNode, name: str) -> bool:
    """True when ``name`` is the text of the element's heading (the element itself, or its
    first child) as documentation tools make an id of it ("sharing-with-a-developer" for a
    section headed "Sharing with a developer"): the words are the author's, they name no
    furniture."""
    if not (_UNLIKELY.search(name) or _NEGATIVE.search(name)):
        return False  # only an id that would count is worth the look at the heading
    heading = node if node.tag in _HEADINGS else _first_element(node)
    if heading is None or heading.tag not in _HEADINGS:
        return False
    words = _NON_WORD.sub("-", heading.text(strip=True).casefold()).strip("-")
    return bool(words) and words.startswith(name.casefold().strip("-"))


def _first_element(node: LexborNode) -> LexborNode | None:
    child = node.child
    while child is not None and not child.is_element_node:
        child = child.next
    return child


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
    return bool(text) and _UNLIKELY.search(text) and not _MAYBE.search(text)
