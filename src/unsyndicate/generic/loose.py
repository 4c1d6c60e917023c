"""The loosest step of the generic body: when no article region gives one, the page's own text
blocks outside its header, navigation, footer and asides, filtered by link density and
repetition (a product page, a listing, a page of widgets every region test turns down)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from ..document import Node
from ..html_nodes import html_nodes
from .boilerplate import Removed, remove_matching, taken_out

LOOSE_WARNING = (
    "loose body: no article region held the page's text; the body is the page's text blocks"
    " outside its header, navigation, footer and asides"
)
# A generic body with less text than this is checked against the page's own text blocks; on a
# page that does not say it is an article (a product, a service, a listing: its main text, not
# one container), the other.
_THIN_BODY = 300
_THIN_PAGE = 3000
# A short body gives way to text blocks this many times as long.
_LOOSER = 2
# A page with less than this share of its text outside links is a listing: its links are its text.
_LISTING = 0.25
_NOT_BODY_TEXT = ("heading", "image", "separator")
# Page furniture by its tag or role, and hidden elements.
_OUTSIDE = (
    "nav, aside, form, dialog, menu, [hidden], "
    "[role=banner], [role=navigation], [role=complementary], [role=contentinfo], [role=dialog]"
)
# The page's header and footer go; one inside an article, section or main is a card's: it stays.
_PAGE_PARTS = "header, footer"
_SECTIONS = frozenset({"article", "section", "main"})
# A block with more of its text in links than this is a menu or a teaser, not the page's text.
_MAX_LINKED = 0.5
# Shorter blocks are labels and buttons ("Menu", "Sign in").
_MIN_LENGTH = 15
# A block shown more often than this is the template's.
_LAYOUTS = 2
_TEXT_KINDS = ("paragraph", "heading", "quote", "list", "table", "code")


def looser_nodes(
    nodes: Sequence[Node], body: LexborNode | None, furniture: Removed, *, article: bool
) -> list[Node] | None:
    """The text blocks of the page's ``body`` in place of a generic body's ``nodes`` that are
    too thin, or None to keep them. ``furniture``: what the region's nodes were read without,
    out of the tree (back in it while the page's blocks are read); ``article``: whether the page
    says it is an article."""
    found = text_length(nodes)
    if found >= (_THIN_BODY if article else _THIN_PAGE):
        return None
    with furniture.back():
        looser = _looser(body, empty=not found)
    more = text_length(looser)
    # An empty body takes any text; a short one, only much more of it.
    if (more and not found) or more >= max(_THIN_BODY, _LOOSER * found):
        return looser
    return None


def text_length(nodes: Sequence[Node]) -> int:
    """The length of the text below the headings: a heading alone is no body."""
    return sum(len(node.text) for node in nodes if node.kind not in _NOT_BODY_TEXT)


def _looser(body: LexborNode | None, *, empty: bool) -> list[Node]:
    """The page's text blocks, without those mostly in links; in place of an ``empty`` body,
    when nearly all of the page's text is in links (a listing), with them."""
    blocks = _text_blocks(body)
    nodes = [node for node in blocks if _linked(node) <= _MAX_LINKED * len(node.text)]
    if not empty or text_length(nodes) >= _LISTING * text_length(blocks):
        return nodes
    return blocks


def _text_blocks(body: LexborNode | None) -> list[Node]:
    """The text blocks of ``body`` that are neither furniture (out of the tree while the blocks
    are read, then back), nor labels, nor repeated."""
    if body is None:
        return []
    with taken_out() as furniture:
        remove_matching(body, _OUTSIDE, furniture)
        for part in body.css(_PAGE_PARTS):
            if not _in_section(part):
                furniture.take(part)
        nodes = [node for node in html_nodes(body) if node.kind in _TEXT_KINDS]
    return [node for node in _once(nodes) if _long_enough(node)]


def _in_section(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _SECTIONS:
            return True
        parent = parent.parent
    return False


def _once(nodes: list[Node]) -> list[Node]:
    """The nodes without repeats: a block shown twice is one laid out for two screen sizes
    (its first copy is kept); one shown more often is the template's (none is kept)."""
    count = Counter(node.text for node in nodes)
    kept: set[str] = set()
    once = []
    for node in nodes:
        if count[node.text] <= _LAYOUTS and node.text not in kept:
            kept.add(node.text)
            once.append(node)
    return once


def _long_enough(node: Node) -> bool:
    return node.kind == "heading" or len(node.text) >= _MIN_LENGTH


def _linked(node: Node) -> int:
    """The length of the node's text inside links."""
    return sum(len(link.text) for link in node.links)
