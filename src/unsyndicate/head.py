"""Page metadata from HTML: ``<title>``, the ``<meta>`` tags read, canonical, language, JSON-LD."""

from __future__ import annotations

import json
import re
import string
from collections import deque
from collections.abc import Callable
from typing import Any, NamedTuple

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .clean import clean
from .document import Head
from .metadata import HEAD_KEYS

# A JSON-LD block larger than this is data, not article metadata; parsing it would only cost.
_MAX_JSONLD = 1_000_000
# CDATA and comment markers some pages wrap their JSON-LD in.
_OPENING = re.compile(r"\s*(?:<!\[CDATA\[|<!--|/\*)")
_CLOSINGS = ("]]>", "-->", "*/")
_MIN_SUBTITLE, _MAX_SUBTITLE = 20, 400
# The first few <h1> are read: the first is a logo or a menu's on some layouts.
_MAX_HEADINGS = 3
# Longer text in an author element is a biography, not a byline.
_MAX_BYLINE = 120
# Text read from author markup before it is known to be too long for a byline. Cleaning never
# shrinks a real byline eightfold; author markup nested round a whole page (a hostile page) would
# otherwise be read and cleaned whole once for each level: minutes for a few megabytes.
_MAX_BYLINE_READ = 8 * _MAX_BYLINE


class _Test(NamedTuple):
    """One attribute test of a selector: ``[name]``, ``[name=value]``, ``[name~=word]`` or
    ``[name*=part]``, with `` i`` to ignore ASCII case."""

    name: str
    # Whether the attribute's value passes; None for ``[name]``, which any value passes.
    passes: Callable[[str], object] | None
    ignore_case: bool


class _Selector(NamedTuple):
    """A compound selector of a tag (or any) and attribute tests, in CSS and parsed, and what
    an element it matches is: ``jsonld``, or the entry it gives (``byline``, ``datetime``,
    ``subtitle``)."""

    css: str
    tag: str
    tests: tuple[_Test, ...]
    finds: str


_COMPOUND = re.compile(r"([\w-]*)((?:\[[^\]]+\])+)")
_TEST = re.compile(r'\[([\w-]+)(?:([~*]?=)"?([^"\s\]]*)"?( i)?)?\]')


def _selectors(finds: str, group: str) -> tuple[_Selector, ...]:
    """A selector list such as ``time[datetime], [class*=byline i]``, parsed."""
    found = []
    for css in group.split(", "):
        match = _COMPOUND.fullmatch(css)
        if match is None:
            raise ValueError(f"not a tag with attribute tests: {css}")
        tests = tuple(
            _Test(name, _check(operator, value), bool(flag))
            for name, operator, value, flag in _TEST.findall(match[2])
        )
        found.append(_Selector(css, match[1], tests, finds))
    return tuple(found)


def _check(operator: str, wanted: str) -> Callable[[str], object] | None:
    """The test of a value: equal to ``wanted`` (``=``), holding it as one of its words split
    at ASCII spaces (``~=``) or anywhere (``*=``)."""
    if operator == "~=":
        return re.compile(rf"(?<![^ \t\n\f\r]){re.escape(wanted)}(?![^ \t\n\f\r])").search
    if operator == "*=":
        return re.compile(re.escape(wanted)).search
    return wanted.__eq__ if operator else None


# Metadata the page shows in its body, kept under these names beside the <meta> tags: author
# markup (microdata, rel=author, byline classes) and machine-readable times; and JSON-LD.
_SELECTORS = (
    *_selectors(
        "byline",
        "[itemprop~=author], [rel~=author], [class*=byline i], [class*=author-name i], "
        "[class~=author i], [class*=__author i]",
    ),
    *_selectors("datetime", "time[datetime], [itemprop~=datePublished][datetime]"),
    *_selectors(
        "subtitle",
        "[itemprop~=alternativeHeadline], [class*=subtitle i], [class*=standfirst i], "
        "[class*=subheadline i]",
    ),
    *_selectors("jsonld", 'script[type="application/ld+json"]'),
    # An author element's name, when it marks one, is the byline.
    *_selectors("name", "[itemprop~=name]"),
)
# Each selector under the attribute its first test needs: an element is tested only against
# the selectors of the attributes it has (most <meta> have none of them).
_BY_ATTRIBUTE = {
    name: tuple(selector for selector in _SELECTORS if selector.tests[0].name == name)
    for name in dict.fromkeys(selector.tests[0].name for selector in _SELECTORS)
}
_TESTED = frozenset(_BY_ATTRIBUTE)
# Every element read_head needs, found in one walk of the tree (each query walks all of it):
# a superset of the selectors above, which are then tested here. Each selector of the list is
# tested on every element, the more so for an attribute lexbor does not know (it looks the name
# up each time): so one ``[itemprop]`` for the three itemprop selectors (few elements have one),
# and a tag first where one is enough. A <meta> without content gives nothing; a time is read
# from a <time>, or from an element with an itemprop.
_CANDIDATES = (
    'meta[content], time[datetime], script[type="application/ld+json"], h1, [itemprop], '
    "[rel~=author], [class*=author i], [class*=byline i], [class*=subtitle i], "
    "[class*=standfirst i], [class*=subheadline i]"
)
# Selectors compare the values of these attributes without ASCII case on HTML elements, with
# it on SVG and MathML ones (HTML, "case-sensitivity of selectors").
_CASELESS_IN_HTML = frozenset({"rel", "type"})
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def read_head(tree: LexborHTMLParser) -> Head:
    found = _Found()
    seen = 0
    for element in tree.css(_CANDIDATES):
        # The query gives an element once for each selector it matches, one after another, in
        # document order.
        if element.mem_id != seen:
            seen = element.mem_id
            found.add(element)
    found.read_bylines()
    title = tree.css_first("title")
    root = tree.root  # the <html> element, found without a search
    canonical = tree.css_first('link[rel="canonical"]')
    return Head(
        title=clean(title.text()) if title is not None else None,
        language=(root.attributes.get("lang") or None) if root is not None else None,
        canonical=(canonical.attributes.get("href") or None) if canonical is not None else None,
        meta=found.meta(),
        jsonld=tuple(found.jsonld),
    )


class _Found:
    """What the page's elements give, in document order: <meta> tags, JSON-LD, and the
    author, subtitle and time markup of the body."""

    def __init__(self) -> None:
        self.tags: dict[str, list[str]] = {}
        # Pages repeat a value under several names (og:title and twitter:title): clean it once.
        self.cleaned: dict[str, str] = {}
        self.jsonld: list[dict[str, Any]] = []
        # Author elements (with how many selectors each matches) and the elements marking a
        # name, by their place in document order: the first name from an author element on,
        # when it is that element or inside it, is the first its own query would find.
        self.added = 0
        self.authors: list[tuple[int, LexborNode, int]] = []
        self.names: list[tuple[int, LexborNode]] = []
        self.bylines: list[str] = []
        self.times: list[str] = []
        self.subtitle: LexborNode | None = None
        self.headings: list[str] = []

    def add(self, node: LexborNode) -> None:
        self.added += 1
        place = self.added
        attributes = node.attributes
        tag = node.tag
        if tag == "meta":
            self._add_meta(attributes)
        elif tag == "h1" and len(self.headings) < _MAX_HEADINGS:
            self.headings.append(_first_line(node))
        if _TESTED.isdisjoint(attributes):
            return
        counts = _Element(node, tag, attributes).counts()
        if not counts:
            return
        if "jsonld" in counts:
            self.jsonld += _jsonld(node)
        byline = counts.get("byline")
        if byline:
            self.authors.append((place, node, byline))
        if "name" in counts:
            self.names.append((place, node))
        moment = attributes.get("datetime")
        if moment:
            self.times += [moment.strip()] * counts.get("datetime", 0)
        if self.subtitle is None and "subtitle" in counts:
            self.subtitle = node

    def _add_meta(self, attributes: dict[str, str | None]) -> None:
        name = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
        if not name:
            return
        # Most tags are of names no reader asks for (see HEAD_KEYS): not cleaned, not kept.
        name = name.strip().lower()
        content = attributes.get("content")
        if content and name in HEAD_KEYS:
            value = self.cleaned.get(content)
            if value is None:
                value = self.cleaned[content] = clean(content)
            self.tags.setdefault(name, []).append(value)

    def read_bylines(self) -> None:
        names = iter(self.names)
        name = next(names, None)
        for place, author, count in self.authors:
            while name is not None and name[0] < place:  # before this author, and all later
                name = next(names, None)
            source = name[1] if name is not None and _within(name[1], author) else author
            self.bylines += [_byline(source)] * count

    def meta(self) -> dict[str, tuple[str, ...]]:
        """The <meta> tags by name, then the markup as ``byline``, ``subtitle`` and
        ``datetime`` entries (after any <meta> tags of those names)."""
        meta = self.tags
        bylines = [text for text in self.bylines if text and len(text) <= _MAX_BYLINE]
        if bylines:
            meta.setdefault("byline", []).extend(bylines)
        subtitle = self.subtitle
        text = clean(subtitle.text(deep=True, separator=" ")) if subtitle is not None else ""
        if _MIN_SUBTITLE <= len(text) <= _MAX_SUBTITLE:
            meta.setdefault("subtitle", []).append(text)
        if self.times:
            meta.setdefault("datetime", []).extend(self.times)
        headings = [text for text in self.headings if text]
        if headings:
            meta["heading"] = headings
        return {name: tuple(values) for name, values in meta.items()}


def _within(node: LexborNode, ancestor: LexborNode) -> bool:
    """Whether ``node`` is ``ancestor`` or inside it."""
    key = ancestor.mem_id
    found: LexborNode | None = node
    while found is not None and found.mem_id != key:
        found = found.parent
    return found is not None


def _first_line(element: LexborNode) -> str:
    """The first line of an element's text as the page's text has it (see
    :func:`unsyndicate.generic.published.page_text`)."""
    lines = (line.strip() for line in element.text(deep=True, separator="\n").split("\n"))
    return next(filter(None, lines), "")


def _byline(element: LexborNode) -> str:
    """The element's text, cleaned; "" when it is clearly too long to be a byline."""
    length = 0
    for child in element.traverse(include_text=True):
        if child.is_text_node:
            length += len((child.text_content or "").strip())
            if length > _MAX_BYLINE_READ:
                return ""
    return clean(element.text(deep=True, separator=" "))


class _Element:
    """An element whose attributes are tested against selectors the way lexbor tests them."""

    __slots__ = ("attributes", "lowered", "node", "tag")

    def __init__(
        self, node: LexborNode, tag: str | None, attributes: dict[str, str | None]
    ) -> None:
        self.node = node
        self.tag = tag
        self.attributes = attributes
        self.lowered: dict[str, str] = {}

    def counts(self) -> dict[str, int]:
        """How many selectors of each kind (``_Selector.finds``) the element matches: a query
        for a selector list gives an element once for each selector it matches."""
        counts: dict[str, int] = {}
        for name in self.attributes:
            for selector in _BY_ATTRIBUTE.get(name, ()):
                if self._matches(selector):
                    counts[selector.finds] = counts.get(selector.finds, 0) + 1
        return counts

    def _matches(self, selector: _Selector) -> bool:
        if selector.tag and selector.tag != self.tag:
            return False
        attributes = self.attributes
        for name, passes, ignore_case in selector.tests:
            if name not in attributes:
                return False
            if passes is None:
                continue
            if passes(self._lower(name) if ignore_case else attributes[name] or ""):
                continue
            if ignore_case or name not in _CASELESS_IN_HTML or not passes(self._lower(name)):
                return False
            # Only lexbor knows the element's namespace: ask it whether the element matches.
            found = self.node.css_first(selector.css)
            return found is not None and found.mem_id == self.node.mem_id
        return True

    def _lower(self, name: str) -> str:
        value = self.lowered.get(name)
        if value is None:
            value = self.attributes[name] or ""
            # ASCII text lowers the same either way, the built-in way faster.
            value = value.lower() if value.isascii() else value.translate(_ASCII_LOWER)
            self.lowered[name] = value
        return value


def _jsonld(script: LexborNode) -> list[dict[str, Any]]:
    """Every JSON-LD object in a script, ``@graph`` members and nested lists flattened."""
    found: list[dict[str, Any]] = []
    raw = script.text(deep=True)
    if not raw or len(raw) > _MAX_JSONLD:
        return found
    try:
        data = json.loads(_unwrapped(raw), strict=False)
    except (ValueError, RecursionError):
        return found
    # A queue, so a list of many items is read in one pass, in order.
    pending = deque([data])
    while pending:
        item = pending.popleft()
        if isinstance(item, list):
            pending.extend(item)
        elif isinstance(item, dict):
            found.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                pending.extend(graph)
    return found


def _unwrapped(raw: str) -> str:
    """The script without the opening and closing CDATA or comment markers around it."""
    opening = _OPENING.match(raw)
    start = opening.end() if opening else 0
    # Only a marker with nothing but space after it closes: a regex would try every position.
    end = len(raw.rstrip())
    closing = next((mark for mark in _CLOSINGS if raw.endswith(mark, start, end)), "")
    return raw[start : end - len(closing)] if closing else raw[start:]
