"""Furniture inside the article region: subtrees taken out while the region becomes blocks.

Navigation, asides, hidden elements and clearly named furniture go at once; other containers go
when their content says they are furniture (mostly links, more images or inputs than paragraphs,
a furniture-like class with little text). Every container is judged on the region as it stands
once the first kind is gone, then the furniture found goes.

Furniture is taken out of the tree, not destroyed: the loosest step puts it back while it reads
the page's own text blocks, the region's furniture among them, from the same tree (a second
parse of the page for them held a second tree as big as the first).

One walk of the region gathers what each container is judged on (text and link lengths, counts
of paragraphs, images, list items and inputs inside), so judging costs the same however deeply
the containers nest.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from selectolax.lexbor import LexborNode

from ..tag_ids import COMMENT, TEXT, tag_ids
from . import hints
from .content import BLOCK_TAGS

_ALWAYS = (
    "nav, aside, footer, form, dialog, menu, [hidden], [aria-hidden=true], "
    "[style*='display:none' i], [style*='display: none' i], [role=navigation], "
    "[role=complementary], [role=contentinfo], [role=dialog]"
)
_LISTS = frozenset({"ul", "ol"})
# A line that only dates the page ("Updated: 18 Nov 2019 9:38 pm"): metadata, read elsewhere.
_DATELINE = re.compile(
    r"^(?:first |last )?(?:published|posted|updated|modified)(?: on| at)?\s*:?"
    r"(?:\s*[^\W\d]{3,10}\.?,?){0,2}\s*\d",
    re.IGNORECASE,
)
_MAX_DATELINE = 120
# Every dateline opens with one of these letters: other text is not tried.
_DATELINE_STARTS = frozenset("flmpuFLMPU")
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’")
# A cookie consent prompt left in the page's text.
_COOKIE_CONSENT = hints.Words(
    r"\b(?:(?:this|our) (?:web)?site|we) uses? cookies\b|\baccept (?:all )?cookies\b", "cookies"
)
_MAX_CONSENT = 400
# Labels a page leaves in the text: an advertising slot's, a reading-time estimate, in a few
# languages.
_AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicité|"
    r"pubblicità|publicidade|reklama|iklan|広告)$"
    r"|^(?:\d+\s*min(?:ute)?s?\s*read|(?:estimated )?reading time|tempo de leitura"
    r"|temps de lecture|lesezeit|tiempo de lectura)\b.{0,20}$",
    re.IGNORECASE,
)
# The longest text _AD_LABEL matches, unless it opens with a digit (a reading time's minutes):
# "estimated reading time" and 20 characters.
_MAX_AD_LABEL = 42
# What a container holds that is counted, in this order; then the paragraphs that are not <p>
# (as in the scoring: pre, td, blockquote, and a div holding no block).
_COUNTED = ("p", "img", "li", "input", "iframe", "embed", "object", "video")
_INDEX = {tag: index for index, tag in enumerate(_COUNTED)}
_P, _IMG, _LI, _INPUT, _IFRAME, _EMBED, _OBJECT, _VIDEO = range(len(_COUNTED))
_PARAGRAPH_LIKE = len(_COUNTED)
_PARAGRAPH_TAGS = frozenset({"pre", "td", "blockquote"})
# The containers judged on what they hold.
_JUDGED = frozenset({"div", "section", "header", "ul", "ol", "table", "figure", "p"})
_MIN_JUDGED = 50
# A container with this many commas is prose, whatever else it holds.
_PROSE_COMMAS = 10
# Prose has fewer of its characters in links than this.
_PROSE_LINKS = 0.25


class Removed:
    """Subtrees taken out of the tree, each kept with its place so that it can be put back."""

    def __init__(self) -> None:
        # Each node with its place as it was taken out: its next sibling, or when it was the
        # last child, its parent.
        self._taken: list[tuple[LexborNode, LexborNode | None, LexborNode | None]] = []

    def take(self, node: LexborNode) -> None:
        """Take ``node`` and its subtree out of the tree (unlinked, not destroyed)."""
        following = node.next
        self._taken.append((node, following, node.parent if following is None else None))
        node.remove(recursive=False)

    def put_back(self) -> None:
        """Put every node back where it was, the last taken first: the tree around each is then
        as it was when that node was taken."""
        for node, following, parent in reversed(self._taken):
            if following is not None:
                following.insert_before(node, move=True)
            elif parent is not None:
                parent.insert_child(node, move=True)

    @contextmanager
    def back(self) -> Iterator[None]:
        """Every node back in the tree for the time of a ``with`` block, then out again."""
        self.put_back()
        try:
            yield
        finally:
            for node, _, _ in self._taken:  # in the order taken: each from the same place
                node.remove(recursive=False)


@contextmanager
def taken_out() -> Iterator[Removed]:
    """Subtrees taken out within a ``with`` block, put back after it."""
    removed = Removed()
    try:
        yield removed
    finally:
        removed.put_back()


def remove_boilerplate(region: LexborNode, removed: Removed) -> None:
    """Take the furniture subtrees under ``region`` out of the tree into ``removed`` (the region
    itself stays)."""
    remove_matching(region, _ALWAYS, removed)
    length, furniture = _judge(region, _text_length(region) // 2)
    # A short region is all the page has: judging its parts would leave nothing.
    if length >= _MIN_JUDGED:
        for node in furniture:
            removed.take(node)


def remove_matching(region: LexborNode, selector: str, removed: Removed) -> None:
    """Take the elements under ``region`` that match ``selector`` out of the tree into
    ``removed`` (the region stays).

    A form holding most of the region's text stays: it wraps the page (ASP.NET pages, forum
    software's list of posts), it is no form to fill in.
    """
    # A node matching two selectors is listed twice; innermost first (reverse document
    # order), so no node is taken after an ancestor.
    done = {region.mem_id}
    most: int | None = None
    for node in reversed(region.css(selector)):
        if node.mem_id in done:
            continue
        done.add(node.mem_id)
        if node.tag == "form":
            if most is None:
                most = _text_length(region) // 2
            if _text_length(node) > most:
                continue
        removed.take(node)


def _text_length(node: LexborNode) -> int:
    return len(node.text(strip=True, skip_empty=True))


# The running totals of the walk as a container opened (a plain tuple: one is made per container).
_Totals = tuple[int, int, int, int, int, int, int, tuple[int, ...]]
_LENGTH: Final = 0
_COMMAS: Final = 1
_LINKED: Final = 2
_ANCHORS: Final = 3  # links open
_BLOCKS: Final = 4
_PIECES: Final = 5  # text pieces so far
_FOUND: Final = 6  # furniture found so far
_COUNTS: Final = 7


class _Inside:
    """What one container holds: its text (as its stripped text nodes), the length of that text
    and of the part inside links, its commas, and its counted elements. Read while the walk is
    at the container's end: ``pieces`` and ``counts`` are the walk's running lists, ``before``
    its totals as the container opened."""

    __slots__ = ("_before", "_counts", "_linked", "_pieces", "_text", "commas", "length")

    def __init__(
        self,
        before: _Totals,
        length: int,
        commas: int,
        linked: int,
        pieces: list[str],
        counts: list[int],
    ) -> None:
        self._before = before
        self.length = length - before[_LENGTH]
        self.commas = commas - before[_COMMAS]
        self._linked = linked
        self._pieces = pieces
        self._counts = counts
        self._text: str | None = None

    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self._pieces[self._before[_PIECES] :])
        return self._text

    def first(self) -> str:
        """The first character of the text ("" when there is none)."""
        start = self._before[_PIECES]
        return self._pieces[start][0] if start < len(self._pieces) else ""

    def ends_sentence(self) -> bool:
        pieces = self._pieces
        return len(pieces) > self._before[_PIECES] and pieces[-1].endswith(_SENTENCE_ENDS)

    def counts(self) -> list[int]:
        """How many of each counted element it holds (indexed as the walk's counts)."""
        return list(map(operator.sub, self._counts, self._before[_COUNTS]))

    def link_density(self) -> float:
        if not self.length:
            return 0.0
        before = self._before
        # Links the container is inside do not make its text link text.
        linked = self._linked - before[_LINKED] - before[_ANCHORS] * self.length
        return min(1.0, linked / self.length)


def _role(tag: str) -> tuple[str, int, bool, bool]:
    """The tag, the index of its count (-1: not counted), whether it is a block, whether judged."""
    index = _INDEX.get(tag, _PARAGRAPH_LIKE if tag in _PARAGRAPH_TAGS else -1)
    return tag, index, tag in BLOCK_TAGS, tag in _JUDGED


_NAMES = (*_COUNTED, *_PARAGRAPH_TAGS, *BLOCK_TAGS, *_JUDGED)
_ROLES = {number: _role(tag) for tag, number in tag_ids(_NAMES).items()}
_ANCHOR = tag_ids(("a",))["a"]
_DIV = tag_ids(("div",))["div"]


def _judge(region: LexborNode, most: int) -> tuple[int, list[LexborNode]]:
    """The length of the region's text, and its furniture containers (outermost ones only).

    One walk in document order keeps running totals; what a container holds is the difference
    between the totals at its end and at its start.
    """
    pieces: list[str] = []
    counts = [0] * (len(_COUNTED) + 1)
    length = commas = linked = anchors = blocks = 0
    found: list[LexborNode] = []
    stack: list[tuple[LexborNode, int, _Totals | None]] = []
    node = region.child
    while node is not None:
        opened: tuple[LexborNode, int, _Totals | None] | None = None
        tag = node.tag_id
        if tag == TEXT:
            piece = (node.text_content or "").strip()
            if piece:
                pieces.append(piece)
                size = len(piece)
                length += size
                commas += piece.count(",")
                linked += size * anchors
        elif tag != COMMENT:
            before: _Totals | None = None
            role = _ROLES.get(tag)
            if role is not None:
                _, index, block, judged = role
                if index >= 0:
                    counts[index] += 1
                if block:
                    blocks += 1
                if judged:
                    snapshot = tuple(counts)
                    before = (
                        length,
                        commas,
                        linked,
                        anchors,
                        blocks,
                        len(pieces),
                        len(found),
                        snapshot,
                    )
            elif tag == _ANCHOR:
                anchors += 1
            opened = (node, tag, before)
            child = node.child
            if child is not None:
                stack.append(opened)
                node = child
                continue
        # End the empty element just opened, then each element this node is the last of.
        while True:
            if opened is not None:
                node, tag, before = opened
                if tag == _ANCHOR:
                    anchors -= 1
                elif before is not None:
                    if tag == _DIV and blocks == before[_BLOCKS]:
                        counts[_PARAGRAPH_LIKE] += 1  # a div holding no block is a paragraph
                    inside = _Inside(before, length, commas, linked, pieces, counts)
                    if _is_furniture(node, _ROLES[tag][0], inside, most):
                        del found[before[_FOUND] :]  # the furniture inside it goes with it
                        found.append(node)
            following = node.next
            if following is not None or not stack:
                break
            opened = stack.pop()
        node = following
    return length, found


def _is_furniture(node: LexborNode, tag: str, inside: _Inside, most: int) -> bool:
    """Whether a container is furniture. Its class and id are not heard when it holds ``most``
    of the region's text as prose (a wrapper named "sidebar-container" holding the article),
    unless it is a list (of comments, say)."""
    named = inside.length < most or tag in _LISTS or inside.link_density() > _PROSE_LINKS
    label = hints.label(node) if named else ""
    if hints.unlikely(label):
        return True
    weight = hints.weight(label)
    length = inside.length
    if (
        length <= _MAX_DATELINE
        and inside.first() in _DATELINE_STARTS
        and _DATELINE.match(inside.text())
    ):
        return True
    if inside.commas >= _PROSE_COMMAS:
        return False
    if weight < 0:
        return True
    if tag == "p":
        # A paragraph is judged on its name (above) and on being an advertising label or a
        # cookie prompt only: links and shortness are normal in prose.
        text = inside.text()
        return (
            (length <= _MAX_AD_LABEL or text[:1].isdecimal()) and bool(_AD_LABEL.match(text))
        ) or (length <= _MAX_CONSENT and _COOKIE_CONSENT.search(text))
    is_list = tag in _LISTS
    held = inside.counts()
    paragraphs = held[_P] + held[_PARAGRAPH_LIKE]
    images = held[_IMG]
    items = held[_LI] - 100
    inputs = held[_INPUT]
    embeds = held[_IFRAME] + held[_EMBED] + held[_OBJECT] + held[_VIDEO]
    density = inside.link_density()
    in_figure = tag == "figure"
    return (
        (images > 1 and paragraphs / images < 0.5 and not in_figure)
        or (not is_list and items > paragraphs)
        or inputs > paragraphs / 3
        or (not is_list and not in_figure and length < 25 and (images == 0 or images > 2))
        or (not is_list and weight < 25 and density > (0.5 if _is_prose(inside, held) else 0.2))
        or (weight >= 25 and density > 0.5)
        or (embeds == 1 and length < 75)
        or embeds > 1
    )


def _is_prose(inside: _Inside, held: list[int]) -> bool:
    """Paragraphs and nothing else, ending as a sentence ends: prose with links in it."""
    return held[_P] > 0 and not held[_LI] and inside.ends_sentence()
