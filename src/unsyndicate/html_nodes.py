"""HTML subtree to nodes: one iterative walk, so 100 000-deep nesting cannot exhaust the stack."""

from __future__ import annotations

import re
from collections.abc import Iterator

from selectolax.lexbor import LexborNode

from .clean import clean, clean_code
from .document import Link, Node, is_separator
from .generic.title import without_permalink
from .model import Block
from .tag_ids import COMMENT, TEXT, tag_ids

SKIPPED = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "head", "title", "meta",
        "link", "button", "select", "input", "textarea", "option", "iframe", "video", "audio",
        "object", "embed", "canvas", "dialog", "-comment", "-doctype",
    }
)  # fmt: skip
INLINE = frozenset(
    {
        "a", "span", "b", "strong", "i", "em", "u", "small", "sub", "sup", "code", "mark",
        "abbr", "cite", "time", "q", "s", "del", "ins", "font", "label", "bdi", "bdo", "dfn",
        "kbd", "samp", "var", "wbr", "tt", "big", "nobr", "data", "output", "-text",
    }
)  # fmt: skip
HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
# A run of two or more whitespace characters, or one that is not a space. One character class
# opens the pattern, so re skips at C speed to a whitespace character; the lookbehind then sees
# whether that one was a space.
_WHITESPACE = re.compile(r"[ \t\n\r\f](?:(?<! )[ \t\n\r\f]*|[ \t\n\r\f]+)")
_SPACE_RUN = re.compile("  +")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:[?#]|$)", re.IGNORECASE)
_LANGUAGE_CLASS = re.compile(r"(?:language|lang)-([\w+#-]+)")


def _collapse_whitespace(text: str) -> str:
    """Runs of whitespace become one space: HTML text as a browser shows it."""
    # Substring tests, much faster than the patterns, settle most text nodes: most hold no
    # whitespace but single spaces, and come back as they are; the whitespace between two
    # blocks, the commonest text node of all, is a space; text with no other whitespace than
    # spaces needs only its runs of them found.
    if "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        if text.isspace() and not text.strip(" \t\n\r\f"):
            return " "
        return _WHITESPACE.sub(" ", text)
    if "  " in text:
        return _SPACE_RUN.sub(" ", text)
    return text


class _Inline:
    """Collects inline text and links until a block boundary flushes them as a paragraph."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.links: list[Link] = []
        # No part holds more than whitespace (the usual case between two blocks): nothing to
        # clean, and no links (an element adds them only with its text).
        self.blank = True

    def add(self, node: LexborNode, tag: int) -> bool:
        """Add an inline node (``tag``: its tag number); False when it is an element with no
        text (an image link)."""
        if tag == TEXT:
            part = _collapse_whitespace(node.text_content or "")
        elif tag == _BR:
            part = "\n"
        else:
            part, links = inline_text(node)
            if not part.strip():
                return False
            self.links.extend(links)
        self.parts.append(part)
        if self.blank and part and not part.isspace():
            self.blank = False
        return True

    def flush(self, into: list[Node]) -> None:
        if not self.blank:
            text = clean("".join(self.parts))
            if text:
                into.append(Node(Block("paragraph", text), tuple(self.links)))
            self.links.clear()
            self.blank = True
        self.parts.clear()


def inline_text(node: LexborNode) -> tuple[str, tuple[Link, ...]]:
    """Text of an inline subtree with ``<br>`` as newlines, and the links in it."""
    only = node.child
    if (
        only is not None
        and only.next is None
        and only.tag_id == TEXT
        and node.tag_id not in _WALKED_IDS
    ):
        # Most blocks hold nothing but their text: no walk needed.
        return _collapse_whitespace(only.text_content or ""), ()
    parts: list[str] = []
    links: list[Link] = []
    # Text inside script and the like is left out; until one is met (the walk goes parents
    # first), no text node's parent needs looking at.
    skipping = False
    for child in node.traverse(include_text=True):  # node itself first
        tag = child.tag_id
        if tag == TEXT:
            parent = child.parent if skipping else None
            if parent is None or parent.tag_id not in _SKIPPED_IDS:
                parts.append(_collapse_whitespace(child.text_content or ""))
        elif tag == _BR:
            parts.append("\n")
        elif tag == _ANCHOR:
            _add_link(child, links)
        elif tag in _LINE_IDS and parts:
            parts.append("\n")
        elif tag in _SKIPPED_IDS:
            skipping = True
    return "".join(parts), tuple(links)


def _add_link(anchor: LexborNode, links: list[Link]) -> None:
    # attrs looks up the one attribute asked for (attributes builds a dict of them all).
    href = anchor.attrs.get("href")
    if href:
        links.append(Link(clean(anchor.text(deep=True)), href.strip()))


def _children(node: LexborNode) -> Iterator[LexborNode]:
    child = node.child
    while child is not None:
        yield child
        child = child.next


def html_nodes(root: LexborNode) -> list[Node]:
    """The body-level nodes of ``root``, in document order."""
    nodes: list[Node] = []
    pending = _Inline()
    stack = [_children(root)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            pending.flush(nodes)
            continue
        tag = child.tag_id
        if tag in _SKIPPED_IDS:
            continue
        if tag in _INLINE_IDS:
            image = None if pending.add(child, tag) else _inline_image(child)
            if image is not None:
                pending.flush(nodes)
                nodes.append(image)
            continue
        builder = _BUILDERS_BY_ID.get(tag)
        pending.flush(nodes)
        if builder is None:
            stack.append(_children(child))
            continue
        node = builder(child)
        if node is not None:
            nodes.append(node)
    return nodes


def _block_text(element: LexborNode) -> tuple[str, tuple[Link, ...]]:
    """The element's inline text, cleaned, and the links in it."""
    text, links = inline_text(element)
    return clean(text), links


def _paragraph(element: LexborNode) -> Node | None:
    text, links = _block_text(element)
    if not text:
        return _inline_image(element)  # <p><img></p>, the usual way editors place a photo
    if is_separator(text):
        return _separator(element)
    return Node(Block("paragraph", text), links)


def _heading(element: LexborNode) -> Node | None:
    text, links = _block_text(element)
    text = without_permalink(text) if text else text
    if not text:
        return None
    return Node(Block("heading", text, level=HEADINGS[element.tag or "h1"]), links)


def _quote(element: LexborNode) -> Node | None:
    text, links = _block_text(element)
    return Node(Block("quote", text), links) if text else None


def _code(element: LexborNode) -> Node | None:
    text = clean_code(element.text(deep=True) or "").strip("\n")
    if not text.strip():
        return None
    classes = " ".join(filter(None, (element.attrs.get("class"), _code_class(element))))
    match = _LANGUAGE_CLASS.search(classes)
    return Node(Block("code", text, language=match.group(1) if match else None))


def _code_class(element: LexborNode) -> str | None:
    inner = element.css_first("code")
    return inner.attrs.get("class") if inner is not None else None


def _list(element: LexborNode) -> Node | None:
    items: list[str] = []
    links: list[Link] = []
    for item in _children(element):
        if item.tag_id != _LI:
            continue
        text, item_links = inline_text(item)
        text = clean(text)
        if text:
            items.append(text)
            links.extend(item_links)
    if not items:
        return None
    block = Block("list", "\n".join(items), items=tuple(items), ordered=element.tag == "ol")
    return Node(block, tuple(links))


def _table(element: LexborNode) -> Node | None:
    rows: list[tuple[str, ...]] = []
    links: list[Link] = []
    for row in _rows(element):
        cells = []
        for cell in _children(row):
            if cell.tag_id in _CELL_IDS:
                text, cell_links = inline_text(cell)
                cells.append(clean(text).replace("\n", " "))
                links.extend(cell_links)
        if any(cells):
            rows.append(tuple(cells))
    if not rows:
        return None
    text = "\n".join(" | ".join(row) for row in rows)
    return Node(Block("table", text, rows=tuple(rows)), tuple(links))


def _rows(table: LexborNode) -> Iterator[LexborNode]:
    """The table's own rows: a table nested in a cell is that cell's text, not more rows (and
    walking its rows again for every level of nesting would be quadratic)."""
    for child in _children(table):
        if child.tag_id == _TR:
            yield child
        elif child.tag_id in _ROW_GROUP_IDS:
            yield from (row for row in _children(child) if row.tag_id == _TR)


def _image(element: LexborNode) -> Node | None:
    image = element if element.tag == "img" else element.css_first("img")
    if image is None:
        return None
    attributes = image.attrs
    src = attributes.get("src") or attributes.get("data-src") or attributes.get("data-lazy-src")
    if not src or src.startswith("data:"):
        return None
    caption_element = element.css_first("figcaption") if element.tag == "figure" else None
    caption = clean(caption_element.text(deep=True)) if caption_element is not None else ""
    alt = clean(attributes.get("alt") or "")
    block = Block("image", caption or alt, url=src.strip(), caption=caption or None)
    return Node(block)


def _inline_image(element: LexborNode) -> Node | None:
    """The photo an inline element without text wraps. A link to another page around an image
    is a teaser or a logo, not the article's photo; a link to the image file itself is."""
    anchor = element if element.tag == "a" else element.css_first("a[href]")
    if anchor is not None and not _IMAGE_FILE.search(anchor.attrs.get("href") or ""):
        return None
    return _image(element)


def _figure(element: LexborNode) -> Node | None:
    if element.css_first("img") is not None:
        return _image(element)
    return _paragraph(element)


def _separator(element: LexborNode) -> Node | None:
    return Node(Block("separator", ""))


_BUILDERS = {
    "p": _paragraph,
    **dict.fromkeys(HEADINGS, _heading),
    "blockquote": _quote,
    "pre": _code,
    "ul": _list,
    "ol": _list,
    "table": _table,
    "figure": _figure,
    "img": _image,
    "picture": _image,
    "hr": _separator,
    "dt": _paragraph,
    "dd": _paragraph,
    "address": _paragraph,
}


# The walks compare lexbor's tag numbers (see tag_ids); text and comments are kinds of node.
_ROW_GROUPS = ("thead", "tbody", "tfoot")
_LINE_BREAKING = ("p", "div", "li", "tr")  # inside inline text, these start a new line
_NAMED = (*SKIPPED, *INLINE, *_BUILDERS, *_ROW_GROUPS, *_LINE_BREAKING, "br", "td", "th")
_IDS = tag_ids(name for name in _NAMED if not name.startswith("-"))
_ANCHOR, _BR, _LI, _TR = (_IDS[name] for name in ("a", "br", "li", "tr"))
_SKIPPED_IDS = frozenset({COMMENT, *(_IDS[name] for name in SKIPPED if name in _IDS)})
_INLINE_IDS = frozenset({TEXT, _BR, *(_IDS[name] for name in INLINE if name in _IDS)})
# Elements whose own tag inline_text() acts on: a link, or an element whose text is left out.
_WALKED_IDS = _SKIPPED_IDS | {_ANCHOR}
_LINE_IDS = frozenset(_IDS[name] for name in _LINE_BREAKING)
_CELL_IDS = frozenset((_IDS["td"], _IDS["th"]))
_ROW_GROUP_IDS = frozenset(_IDS[name] for name in _ROW_GROUPS)
_BUILDERS_BY_ID = {_IDS[name]: builder for name, builder in _BUILDERS.items()}
