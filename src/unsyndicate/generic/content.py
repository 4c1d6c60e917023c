"""The article's region on a page no adapter knows: readability-style scoring of containers.

Every paragraph-like element gives points to its nearest ancestors (more for longer text and
more commas); a container's points are then weighed by its tag, its class and id, and the share
of its text inside links. The best container is the article, joined by the siblings that look
like part of it (a lead paragraph outside the main column, a second text column).
"""

from __future__ import annotations

import itertools
from array import array
from collections.abc import Iterable, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..tag_ids import tag_ids
from . import hints

# The commonest first on real pages: a div's :has() test below stops at the first one inside it.
BLOCK_TAGS = (
    "div", "ul", "p", "h4", "h3", "h2", "article", "h5", "form", "section", "nav", "header", "h1",
    "figure", "aside", "h6", "dl", "table", "blockquote", "footer", "ol", "pre",
)  # fmt: skip
_BLOCK = ", ".join(BLOCK_TAGS)
# Elements scored on all their text: paragraphs, and divs holding no block (a div used as one).
PARAGRAPHS_WITHOUT_P = f"pre, td, blockquote, div:not(:has({_BLOCK}))"
PARAGRAPHS = f"p, {PARAGRAPHS_WITHOUT_P}"
_PARAGRAPH_TAGS = ("p", "pre", "td", "blockquote")  # those of PARAGRAPHS besides the div
# Containers scored on the text directly inside them (text runs between their blocks), except
# the divs among the paragraphs.
_CONTAINERS = "div, section"
_MIN_PARAGRAPH = 25
# A paragraph's points go to this many ancestors, divided by these as they get further.
_ANCESTORS = 5
_SHARES = (1, 2, 6, 9, 12)
# Only this many best raw scores are weighed by link density (it costs a walk of the subtree).
_FINALISTS = 5
# This many near-best candidates under one ancestor make that ancestor the article.
_ALTERNATIVES = 3
_TAG_SCORE = {
    "div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
_STOP = ("body", "html")  # walks up from an element stop here
_FURNITURE_TAGS = ("nav", "aside", "footer")
# A lone paragraph beside the container needs this many spaces to be a sentence.
_MIN_SPACES = 3
_CJK_PUNCTUATION = "。！？、，"
_SENTENCE_ENDS = (".", "。", "！", "？")
_FALLBACK = ("article", "main", "[role=main]")
# A region with less text than this is probably not the article: scoring is tried again.
_SHORT = 500
# A region holding less than this share of the page's prose is widened to the nearest ancestor
# holding this other share.
_COVERED = 0.6
_WIDER = 0.7
# A region holding this share of the prose counted with its links' text holds enough of it.
_SURELY_COVERED = 0.9
# Outside the region, text in these is not counted as the page's prose (menus, teasers, forms).
_NOT_PROSE_TAGS = ("li", "form", "header")
# Paragraph text read before checking that nested paragraphs are not read over and over.
_READ_FREELY = 1_000_000


def _tag_ids(names: Iterable[str]) -> frozenset[int]:
    return frozenset(_TAG_IDS[name] for name in names)


_TAG_IDS = tag_ids((*BLOCK_TAGS, *_TAG_SCORE, *_STOP, *_FURNITURE_TAGS, *_NOT_PROSE_TAGS, "a"))
_DIV = _TAG_IDS["div"]
_ANCHOR = _TAG_IDS["a"]
_NOT_PROSE = _tag_ids(_NOT_PROSE_TAGS)
_BLOCKS = _tag_ids(BLOCK_TAGS)
_PARAGRAPH_IDS = _tag_ids(_PARAGRAPH_TAGS)
_STOP_IDS = _tag_ids(_STOP)
_FURNITURE_IDS = _tag_ids(_FURNITURE_TAGS)
_SCORE_BY_ID = {_TAG_IDS[name]: score for name, score in _TAG_SCORE.items()}


class _Candidate:
    __slots__ = ("node", "score", "weighed")

    def __init__(self, node: LexborNode, label: str | None = None) -> None:
        self.node = node
        if label is None:
            label = hints.label(node)
        self.score = float(_SCORE_BY_ID.get(node.tag_id, 0) + hints.weight(label))
        self.weighed = False

    def final(self, lengths: _Lengths) -> float:
        """The score weighed by link density (computed once, on first use)."""
        if not self.weighed:
            self.score *= 1 - link_density(self.node, lengths)
            self.weighed = True
        return self.score


# Paragraphs in a row giving the same points to the same owner, all named as furniture by their
# own class or id, or none: (the owner's id, points, named, how many paragraphs).
_Run = tuple[int, int, bool, int]


class _Page:
    """What the scoring reads off the page, read once for both tries: the points each element
    scored on its text gives its owner (its parent, or a container itself), and memos of what is
    asked again.

    Points are kept as runs: sibling paragraphs in a row that give the same points (and are
    named alike) are one run, so a page of a million alike paragraphs keeps one record, not one
    per paragraph.
    """

    def __init__(self, body: LexborNode) -> None:
        self.body = body.mem_id
        self.unlikely = {self.body: False}  # whether an element is inside furniture
        self.labels: dict[int, str] = {}  # the class and id read on the way, for the candidates
        self.owners: dict[int, LexborNode] = {}
        self.runs: list[_Run] = []  # in the order the paragraphs come, then the containers
        self.prose: dict[int, int] = {}  # characters of prose each owner holds directly
        self.read = 0  # characters of the text scored
        self._containers(body, self._paragraphs(body))
        # On a page this big, a container's text read as one string costs more than the page.
        self.lengths = _Lengths(streamed=self.read > _READ_FREELY)

    def _paragraphs(self, body: LexborNode) -> array[int]:
        """Scores the paragraphs; returns the ids of those that are divs, in document order."""
        divs = array("Q")
        for element, length, commas in _paragraph_texts(body.css(PARAGRAPHS), body):
            if element.tag_id == _DIV:
                divs.append(element.mem_id)
            if length < _MIN_PARAGRAPH:
                continue
            owner = element.parent
            if owner is not None:  # only its class and id can name a paragraph as furniture
                self._add(owner, length, commas, named=hints.unlikely(hints.label(element)))
        return divs

    def _containers(self, body: LexborNode, divs: array[int]) -> None:
        """Scores the containers, skipping ``divs`` (paragraphs): the query finds them in the
        same order, so each is met when it is the next one."""
        paragraph_divs = iter(divs)
        next_div = next(paragraph_divs, None)
        for element in body.css(_CONTAINERS):
            if element.mem_id == next_div:
                next_div = next(paragraph_divs, None)
                continue
            # (Whitespace between its blocks strips to nothing: it is skipped, not decoded.)
            text = element.text(deep=False, strip=True, skip_empty=True)
            if len(text) >= _MIN_PARAGRAPH:  # most hold none of their own
                # A container's own class and id are checked with its ancestors'.
                self._add(element, *_measure(text), named=False)

    def _add(self, owner: LexborNode, length: int, commas: int, *, named: bool) -> None:
        self.read += length
        points = 1 + commas + min(length // 100, 3)
        key = owner.mem_id
        if not named:
            self.prose[key] = self.prose.get(key, 0) + length
        if self.runs:
            last_owner, last_points, last_named, count = self.runs[-1]
            if last_owner == key and last_points == points and last_named == named:
                self.runs[-1] = (key, points, named, count + 1)
                return
        self.owners.setdefault(key, owner)
        self.runs.append((key, points, named, 1))

    def inside_furniture(self, owner: int) -> bool:
        """True when the owner of this id is furniture or inside it."""
        found = self.unlikely.get(owner)  # known for the owners met before
        if found is None:
            found = _inside_unlikely(self.owners[owner], self.unlikely, self.labels)
        return found


def content_region(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements holding the article, in document order (empty when the page has no body)."""
    body = tree.body
    if body is None:
        return []
    page = _Page(body)
    region = _choose(page, skip_unlikely=True)
    skipped = True
    if sum(map(page.lengths.text, region)) < _SHORT:
        # Furniture-like names on a wrapper of the whole page ("has-sidebar") hid the article.
        retry = _choose(page, skip_unlikely=False)
        if retry:
            region, skipped = retry, False
    return _widened(region, page, skipped) or [_fallback(tree, body)]


def _fallback(tree: LexborHTMLParser, body: LexborNode) -> LexborNode:
    return next((found for found in map(tree.css_first, _FALLBACK) if found is not None), body)


def _widened(region: list[LexborNode], page: _Page, skip_unlikely: bool) -> list[LexborNode]:
    """The region, or the nearest ancestor holding most of the page's prose when the region
    holds too little of it (an article split across sibling sections, a list of posts).

    A region holding nearly all of the prose counted with the text in links holds enough of
    it without: the links of every owner are weighed only when that is not so."""
    if not region:
        return region
    spine = _ancestors(region[0], page.body)  # the region's parent, ..., the body
    owners = _prose_owners(page, region, spine, skip_unlikely)
    for enough, weigh_links in ((_SURELY_COVERED, False), (_COVERED, True)):
        covered, along = _prose_held(page, owners, region, spine, weigh_links=weigh_links)
        total = along[-1]
        if not total or covered >= enough * total:
            return region
    for node, held in zip(spine[:-1], along, strict=False):
        if held >= _WIDER * total:
            return [node]
    return region


def _prose_held(
    page: _Page,
    owners: list[tuple[int, int]],
    region: list[LexborNode],
    spine: list[LexborNode],
    *,
    weigh_links: bool,
) -> tuple[int, list[int]]:
    """The prose the region holds, and the prose each of its ancestors holds (``spine``'s
    order). With ``weigh_links``, only each owner's text outside links counts."""
    direct: dict[int, int] = {}  # prose by the nearest of the region and the spine
    for owner, nearest in owners:
        prose = page.prose[owner]
        if weigh_links:
            prose = int(prose * (1 - link_density(page.owners[owner], page.lengths)))
        direct[nearest] = direct.get(nearest, 0) + prose
    covered = held = sum(direct.get(node.mem_id, 0) for node in region)
    along = []
    for node in spine:
        held += direct.get(node.mem_id, 0)
        along.append(held)
    return covered, along


def _ancestors(node: LexborNode, body: int) -> list[LexborNode]:
    """The ancestors of ``node`` up to the body, the body last."""
    found = []
    parent = node.parent
    while parent is not None:
        found.append(parent)
        if parent.mem_id == body:
            break
        parent = parent.parent
    return found


# What an element's place tells of the prose under it: inside a link, inside a list item, form
# or header, inside the region, and the nearest of the region and its ancestors holding it.
_Facts = tuple[bool, bool, bool, int]
_DETACHED: _Facts = (False, False, False, 0)  # an element outside the body (none is)


def _prose_owners(
    page: _Page, region: list[LexborNode], spine: list[LexborNode], skip_unlikely: bool
) -> list[tuple[int, int]]:
    """The owners whose text is prose, each with the nearest of the region and its ancestors
    above it. Text inside links (teasers of other pages) is not prose; outside the region, nor
    is text in list items, forms or a page header, or in furniture when the region was chosen
    skipping it. Each element's facts are worked out once, from its parent's."""
    inside = {node.mem_id for node in region}
    marked = inside | {node.mem_id for node in spine}
    memo: dict[int, _Facts] = {page.body: (False, False, False, page.body)}
    found = []
    for owner in page.prose:
        linked, listed, in_region, nearest = _facts(page.owners[owner], memo, inside, marked)
        if linked:
            continue
        if not in_region and (listed or (skip_unlikely and page.inside_furniture(owner))):
            continue
        found.append((owner, nearest))
    return found


def _facts(node: LexborNode, memo: dict[int, _Facts], inside: set[int], marked: set[int]) -> _Facts:
    path = []
    current: LexborNode | None = node
    while current is not None and current.mem_id not in memo:
        path.append(current)
        current = current.parent
    facts = memo[current.mem_id] if current is not None else _DETACHED
    for element in reversed(path):
        key, tag = element.mem_id, element.tag_id
        linked, listed, in_region, nearest = facts
        facts = (
            linked or tag == _ANCHOR,
            listed or tag in _NOT_PROSE,
            in_region or key in inside,
            key if key in marked else nearest,
        )
        memo[key] = facts
    return facts


def _choose(page: _Page, *, skip_unlikely: bool) -> list[LexborNode]:
    candidates = _score(page, skip_unlikely)
    if not candidates:
        return []
    top = _climb(_shared_ancestor(_best(candidates, page), candidates), candidates, page)
    return _with_siblings(top, candidates, page)


def _measure(text: str) -> tuple[int, int]:
    """The length and commas of ``text`` (a fullwidth comma is a comma in Chinese)."""
    commas = text.count(",")
    if not text.isascii():  # a flag of the string, read at once
        commas += text.count("，")
    return len(text), commas


def _paragraph_texts(
    paragraphs: list[LexborNode], body: LexborNode
) -> Iterator[tuple[LexborNode, int, int]]:
    """Each paragraph with the length and commas of its text (all of it, spaces kept).

    Each text is read whole, which reads a paragraph inside others (a table cell in a table
    cell) once for each. Once a million characters and twice the body's text have been read,
    the texts are summed instead, each from those of the paragraphs inside it: that reads no
    text twice however deeply paragraphs nest.
    """
    read = 0
    limit = _READ_FREELY
    for index, paragraph in enumerate(paragraphs):
        length, commas = _measure(paragraph.text())  # the text itself is let go at once:
        read += length  # a 10 MB paragraph and the body's text are not held together
        if read > limit:
            if limit == _READ_FREELY:
                limit = max(limit, 2 * _text_length(body))
            if read > limit:
                known = _summed_texts(paragraphs)
                for rest in itertools.islice(paragraphs, index, None):
                    yield rest, *known[rest.mem_id]
                return
        yield paragraph, length, commas


def _text_length(node: LexborNode) -> int:
    """The length of ``node.text()``, summed node by node: on a page this big, the whole text
    as one string would cost several times the page's size in memory."""
    return sum(
        len(child.text_content or "")
        for child in node.traverse(include_text=True)
        if child.is_text_node
    )


def _summed_texts(paragraphs: list[LexborNode]) -> dict[int, tuple[int, int]]:
    """The length and commas of each paragraph's text, by node id."""
    known: dict[int, tuple[int, int]] = {}
    holders: set[int] = set()  # elements with a paragraph inside
    for paragraph in reversed(paragraphs):  # the ones inside first
        key = paragraph.mem_id
        if key in holders:
            known[key] = _summed(paragraph, known, holders)
        else:
            known[key] = _measure(paragraph.text())
        node = paragraph.parent
        while node is not None and node.mem_id not in holders:
            holders.add(node.mem_id)
            node = node.parent
    return known


def _summed(
    node: LexborNode, known: dict[int, tuple[int, int]], holders: set[int]
) -> tuple[int, int]:
    """The length and commas of the text of ``node``: the text of known paragraphs is not read
    again; the elements holding them are walked, and the others read whole."""
    length = commas = 0
    pending = [node]
    while pending:
        child = pending.pop().child
        while child is not None:
            key = child.mem_id
            if child.is_text_node:
                found = _measure(child.text_content or "")
            elif key in known:
                found = known[key]
            elif key in holders:
                pending.append(child)
                found = (0, 0)
            else:
                found = _measure(child.text())
            length += found[0]
            commas += found[1]
            child = child.next
    return length, commas


def _score(page: _Page, skip_unlikely: bool) -> dict[int, _Candidate]:
    """Candidates by node id."""
    candidates: dict[int, _Candidate] = {}
    # The candidates an owner gives points to: sibling paragraphs give theirs to the same ones.
    lines: dict[int, list[_Candidate]] = {}
    for owner, points, named, count in page.runs:
        if skip_unlikely and (named or page.inside_furniture(owner)):
            continue
        line = lines.get(owner)
        if line is None:
            line = lines[owner] = _line(page.owners[owner], page, candidates)
        for level, candidate in enumerate(line):
            share = points / _SHARES[level]
            if count == 1:
                candidate.score += share
            else:  # one by one, as each paragraph gives them: a sum of floats is not a product
                for _ in range(count):  # (and a last bit can tip a tie)
                    candidate.score += share
    return candidates


def _line(owner: LexborNode, page: _Page, candidates: dict[int, _Candidate]) -> list[_Candidate]:
    """``owner`` and its ancestors below the body, as candidates (made on first sight)."""
    body, labels = page.body, page.labels
    line: list[_Candidate] = []
    node: LexborNode | None = owner
    while node is not None and len(line) < _ANCESTORS:
        key = node.mem_id
        if key == body:  # the body and what is above it are never candidates
            break
        candidate = candidates.get(key)
        if candidate is None:
            candidate = candidates[key] = _Candidate(node, labels.get(key))
        line.append(candidate)
        node = node.parent
    return line


def _inside_unlikely(element: LexborNode, memo: dict[int, bool], labels: dict[int, str]) -> bool:
    """True when ``element`` or an ancestor is clearly furniture; answers are memoised, and the
    class and id read are kept in ``labels``."""
    path: list[int] = []
    node: LexborNode | None = element
    found = False
    while node is not None:
        key = node.mem_id
        if key in memo:
            found = memo[key]
            break
        tag = node.tag_id
        if tag in _STOP_IDS:
            break
        path.append(key)
        if tag in _FURNITURE_IDS:  # clearly furniture by its tag
            found = True
            break
        label = labels[key] = hints.label(node)
        if hints.unlikely(label):  # or by its class and id
            found = True
            break
        node = node.parent
    for key in path:
        memo[key] = found
    return found


class _Lengths:
    """Text lengths asked for more than once, remembered: of elements (their text nodes stripped
    and joined, as link density measures them) and of links.

    An element with a child already measured (a candidate's parent is often a candidate too) is
    summed from its children, so it does not read that child's text again.
    """

    def __init__(self, *, streamed: bool = False) -> None:
        # Streamed, an element's text is measured text node by text node, never held whole.
        self._measure = _stripped_length if streamed else _read_stripped_length
        self._texts: dict[int, int] = {}
        self._parents: set[int] = set()  # elements with a child in _texts
        self._links: dict[int, int] = {}

    def text(self, node: LexborNode) -> int:
        key = node.mem_id
        length = self._texts.get(key)
        if length is None:
            length = self._texts[key] = (
                self._summed(node) if key in self._parents else self._measure(node)
            )
            parent = node.parent
            if parent is not None:
                self._parents.add(parent.mem_id)
        return length

    def _summed(self, node: LexborNode) -> int:
        length = 0
        child = node.child
        while child is not None:
            if child.is_text_node:
                length += len((child.text_content or "").strip())
            else:
                length += self.text(child)
            child = child.next
        return length

    def linked(self, node: LexborNode) -> int:
        """The length of the text inside the links in ``node``."""
        links = self._links
        total = 0
        for anchor in node.css("a"):
            key = anchor.mem_id
            length = links.get(key)
            if length is None:
                length = links[key] = len(anchor.text(strip=True, skip_empty=True))
            total += length
        return total


def _read_stripped_length(node: LexborNode) -> int:
    # Text nodes of nothing but ASCII whitespace strip to nothing: skipped, they are not decoded.
    return len(node.text(strip=True, skip_empty=True))


def _stripped_length(node: LexborNode) -> int:
    """``_read_stripped_length(node)``, summed text node by text node."""
    return sum(
        len((child.text_content or "").strip())
        for child in node.traverse(include_text=True)
        if child.is_text_node
    )


def link_density(node: LexborNode, lengths: _Lengths | None = None) -> float:
    """The share of ``node``'s text that sits inside links."""
    known = lengths or _Lengths()
    length = known.text(node)
    if not length:
        return 0.0
    return min(1.0, known.linked(node) / length)


def _best(candidates: dict[int, _Candidate], page: _Page) -> _Candidate:
    finalists = sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:_FINALISTS]
    return max(finalists, key=lambda candidate: candidate.final(page.lengths))


def _shared_ancestor(top: _Candidate, candidates: dict[int, _Candidate]) -> _Candidate:
    """When several near-best candidates sit under one ancestor, the article is that ancestor
    (each paragraph in its own wrapper spreads the points thin)."""
    close = [
        candidate
        for candidate in candidates.values()
        if candidate.weighed and candidate is not top and candidate.score >= 0.75 * top.score
    ]
    if len(close) < _ALTERNATIVES:
        return top
    lineages = [_lineage(candidate.node) for candidate in close]
    node = top.node.parent
    while node is not None and node.tag_id not in _STOP_IDS:
        key = node.mem_id
        if sum(key in lineage for lineage in lineages) >= _ALTERNATIVES:
            found = candidates.get(key)
            if found is None:
                found = candidates[key] = _Candidate(node)
            return found
        node = node.parent
    return top


def _lineage(node: LexborNode) -> set[int]:
    found = set()
    parent = node.parent
    while parent is not None and parent.tag_id not in _STOP_IDS:
        found.add(parent.mem_id)
        parent = parent.parent
    return found


def _climb(top: _Candidate, candidates: dict[int, _Candidate], page: _Page) -> _Candidate:
    """A parent that scores better than the top candidate holds more of the article."""
    last = top.score
    node = top.node.parent
    while node is not None and node.tag_id not in _STOP_IDS:
        parent = candidates.get(node.mem_id)
        if parent is not None:
            score = parent.final(page.lengths)
            if score < last / 3:
                break
            if score > last:
                return parent
            last = score
        node = node.parent
    return top


def _with_siblings(
    top: _Candidate, candidates: dict[int, _Candidate], page: _Page
) -> list[LexborNode]:
    parent = top.node.parent
    if parent is None or parent.tag_id in _STOP_IDS:
        return [top.node]
    threshold = max(10.0, top.score * 0.2)
    top_class = top.node.attributes.get("class")
    chosen: list[LexborNode] = []
    sibling = parent.child
    while sibling is not None:
        if sibling.mem_id == top.node.mem_id:
            chosen.append(sibling)
        elif sibling.is_element_node:
            candidate = candidates.get(sibling.mem_id)
            bonus = (
                top.score * 0.2 if top_class and sibling.attributes.get("class") == top_class else 0
            )
            if (candidate is not None and candidate.score + bonus >= threshold) or _lone_paragraph(
                sibling, page
            ):
                chosen.append(sibling)
        sibling = sibling.next
    return chosen


def _lone_paragraph(node: LexborNode, page: _Page) -> bool:
    """A paragraph (a ``<p>``, or a div used as one) beside the article's container that reads
    as prose, not a link list."""
    if not _is_paragraph(node):
        return False
    text = node.text(deep=True, strip=True)
    if not _is_sentence(text):  # an address or a label
        return False
    density = link_density(node, page.lengths)
    if len(text) > 80:
        return density < 0.25
    return bool(text) and density == 0 and text.endswith(_SENTENCE_ENDS)


def _is_sentence(text: str) -> bool:
    """Words with spaces between them, or, in a language written without them (Japanese,
    Chinese), its sentence punctuation."""
    return text.count(" ") >= _MIN_SPACES or any(mark in text for mark in _CJK_PUNCTUATION)


def _is_paragraph(node: LexborNode) -> bool:
    """True when ``node`` is one of ``PARAGRAPHS`` (asked of one node, not of the page)."""
    tag = node.tag_id
    if tag == _DIV:
        inside = itertools.islice(node.traverse(), 1, None)
        return not any(inner.tag_id in _BLOCKS for inner in inside)
    return tag in _PARAGRAPH_IDS
