"""The article's region on a page no adapter knows: readability-style scoring of containers.

Every paragraph-like element gives points to its nearest ancestors (more for longer text and
more commas); a container's points are then weighed by its tag, its class and id, and the share
of its text inside links. The best container is the article, joined by the siblings that look
like part of it (a lead paragraph outside the main column, a second text column).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from . import hints

# Elements scored on all their text: paragraphs, and divs holding no block (a div used as one).
_BLOCK = (
    "p, div, section, article, ul, ol, dl, table, blockquote, pre, figure, header, footer, "
    "aside, nav, form, h1, h2, h3, h4, h5, h6"
)
PARAGRAPHS_WITHOUT_P = f"pre, td, blockquote, div:not(:has({_BLOCK}))"
PARAGRAPHS = f"p, {PARAGRAPHS_WITHOUT_P}"
# Containers scored on the text directly inside them (text runs between their blocks).
_CONTAINERS = "div, section"
_MIN_PARAGRAPH = 25
# A paragraph's points go to this many ancestors, shrinking with distance.
_ANCESTORS = 5
# Only this many best raw scores are weighed by link density (it costs a walk of the subtree).
_FINALISTS = 5
# This many near-best candidates under one ancestor make that ancestor the article.
_ALTERNATIVES = 3
_TAG_SCORE = {
    "div": 5, "article": 10, "main": 5, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5,
}  # fmt: skip
_STOP = frozenset({"body", "html", None})
# A lone paragraph beside the container needs this many spaces to be a sentence.
_MIN_SPACES = 3
_FALLBACK = ("article", "main", "[role=main]")
# A region with less text than this is probably not the article: scoring is tried again.
_SHORT = 500


class _Candidate:
    __slots__ = ("node", "score", "weighed")

    def __init__(self, node: LexborNode) -> None:
        self.node = node
        self.score = float(_TAG_SCORE.get(node.tag or "", 0) + hints.weight(hints.label(node)))
        self.weighed = False

    def final(self) -> float:
        """The score weighed by link density (computed once, on first use)."""
        if not self.weighed:
            self.score *= 1 - link_density(self.node)
            self.weighed = True
        return self.score


def content_region(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements holding the article, in document order (empty when the page has no body)."""
    body = tree.body
    if body is None:
        return []
    region = _choose(body, skip_unlikely=True)
    if sum(len(node.text(deep=True, strip=True)) for node in region) < _SHORT:
        # Furniture-like names on a wrapper of the whole page ("has-sidebar") hid the article.
        retry = _choose(body, skip_unlikely=False)
        if retry:
            return retry
    if region:
        return region
    fallback = next((found for found in map(tree.css_first, _FALLBACK) if found is not None), body)
    return [fallback]


def _choose(body: LexborNode, *, skip_unlikely: bool) -> list[LexborNode]:
    candidates, paragraphs = _score(body, skip_unlikely)
    if not candidates:
        return []
    top = _climb(_shared_ancestor(_best(candidates), candidates), candidates)
    return _with_siblings(top, candidates, paragraphs)


def _score(body: LexborNode, skip_unlikely: bool) -> tuple[dict[int, _Candidate], set[int]]:
    """Candidates by node id, and the ids of the elements scored as paragraphs."""
    candidates: dict[int, _Candidate] = {}
    unlikely: dict[int, bool] = {}
    paragraphs = body.css(PARAGRAPHS)
    seen = {element.mem_id for element in paragraphs}
    containers = [element for element in body.css(_CONTAINERS) if element.mem_id not in seen]
    for element, deep in (
        *((element, True) for element in paragraphs),
        *((element, False) for element in containers),
    ):
        text = element.text(deep=deep, strip=not deep)
        if len(text) < _MIN_PARAGRAPH or (skip_unlikely and _inside_unlikely(element, unlikely)):
            continue
        points = 1 + text.count(",") + text.count("，") + min(len(text) // 100, 3)
        owner = element.parent if deep else element
        for level in range(_ANCESTORS):
            if owner is None or owner.tag in _STOP:
                break
            key = owner.mem_id
            candidate = candidates.get(key)
            if candidate is None:
                candidate = candidates[key] = _Candidate(owner)
            candidate.score += points / (1 if level == 0 else 2 if level == 1 else level * 3)
            owner = owner.parent
    return candidates, seen


def _inside_unlikely(element: LexborNode, memo: dict[int, bool]) -> bool:
    """True when ``element`` or an ancestor is clearly furniture; answers are memoised."""
    path: list[int] = []
    node: LexborNode | None = element
    found = False
    while node is not None and node.tag not in _STOP:
        key = node.mem_id
        if key in memo:
            found = memo[key]
            break
        path.append(key)
        if hints.unlikely(hints.label(node)) or node.tag in ("nav", "aside", "footer"):
            found = True
            break
        node = node.parent
    for key in path:
        memo[key] = found
    return found


def link_density(node: LexborNode) -> float:
    """The share of ``node``'s text that sits inside links."""
    length = len(node.text(deep=True, strip=True))
    if not length:
        return 0.0
    linked = sum(len(anchor.text(deep=True, strip=True)) for anchor in node.css("a"))
    return min(1.0, linked / length)


def _best(candidates: dict[int, _Candidate]) -> _Candidate:
    finalists = sorted(candidates.values(), key=lambda c: c.score, reverse=True)[:_FINALISTS]
    return max(finalists, key=_Candidate.final)


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
    while node is not None and node.tag not in _STOP:
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
    while parent is not None and parent.tag not in _STOP:
        found.add(parent.mem_id)
        parent = parent.parent
    return found


def _climb(top: _Candidate, candidates: dict[int, _Candidate]) -> _Candidate:
    """A parent that scores better than the top candidate holds more of the article."""
    last = top.score
    node = top.node.parent
    while node is not None and node.tag not in _STOP:
        parent = candidates.get(node.mem_id)
        if parent is not None:
            score = parent.final()
            if score < last / 3:
                break
            if score > last:
                return parent
            last = score
        node = node.parent
    return top


def _with_siblings(
    top: _Candidate, candidates: dict[int, _Candidate], paragraphs: set[int]
) -> list[LexborNode]:
    parent = top.node.parent
    if parent is None or parent.tag in _STOP:
        return [top.node]
    threshold = max(10.0, top.score * 0.2)
    top_class = top.node.attributes.get("class")
    chosen: list[LexborNode] = []
    sibling = parent.child
    while sibling is not None:
        if sibling.mem_id == top.node.mem_id:
            chosen.append(sibling)
        elif sibling.tag and not sibling.tag.startswith("-"):
            candidate = candidates.get(sibling.mem_id)
            bonus = (
                top.score * 0.2 if top_class and sibling.attributes.get("class") == top_class else 0
            )
            if (candidate is not None and candidate.score + bonus >= threshold) or _lone_paragraph(
                sibling, paragraphs
            ):
                chosen.append(sibling)
        sibling = sibling.next
    return chosen


def _lone_paragraph(node: LexborNode, paragraphs: set[int]) -> bool:
    """A paragraph (a ``<p>``, or a div used as one) beside the article's container that reads
    as prose, not a link list."""
    if node.tag != "p" and node.mem_id not in paragraphs:
        return False
    text = node.text(deep=True, strip=True)
    if text.count(" ") < _MIN_SPACES:  # an address or a label, not a sentence
        return False
    density = link_density(node)
    if len(text) > 80:
        return density < 0.25
    return bool(text) and density == 0 and text.endswith(".")
