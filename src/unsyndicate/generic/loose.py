"""The loosest step of the generic body: when no article region gives one, the page's own text
blocks outside its header, navigation, footer and asides, filtered by link density and
repetition (a product page, a listing, a page of widgets every region test turns down)."""

from __future__ import annotations

from collections import Counter

from selectolax.lexbor import LexborNode

from ..document import Node
from ..html_nodes import html_nodes
from .boilerplate import remove_matching

# Page furniture by its tag or role, and hidden elements.
_OUTSIDE = (
    "nav, aside, form, dialog, menu, [hidden], "
    "[role=banner], [role=navigation], [role=complementary], [role=contentinfo], [role=dialog]"
)
# The page's header and footer; inside these, a header or footer is a card's or a section's.
_PAGE_PARTS = "header, footer"
_SECTIONS = frozenset({"article", "section", "main"})
# A block with more of its text in links than this is a menu or a teaser, not the page's text.
_MAX_LINKED = 0.5
# Shorter blocks are labels and buttons ("Menu", "Sign in").
_MIN_LENGTH = 15
# A block shown more often than this is the template's.
_LAYOUTS = 2
_TEXT_KINDS = ("paragraph", "heading", "quote", "list", "table", "code")


def loose_nodes(body: LexborNode, *, links: bool = False) -> list[Node]:
    """The text blocks of ``body`` (a tree of its own: the furniture is removed from it) that
    are not furniture, labels or repeated, nor mostly links unless ``links`` (a listing page's
    text is its links)."""
    remove_matching(body, _OUTSIDE)
    for part in body.css(_PAGE_PARTS):
        if not _in_section(part):
            part.decompose()
    nodes = [node for node in html_nodes(body) if node.kind in _TEXT_KINDS]
    most_linked = 1.0 if links else _MAX_LINKED
    return [node for node in _once(nodes) if _is_text(node, most_linked)]


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


def _is_text(node: Node, most_linked: float) -> bool:
    text = node.text
    if len(text) < _MIN_LENGTH and node.kind != "heading":
        return False
    linked = sum(len(link.text) for link in node.links)
    return linked <= most_linked * len(text)
