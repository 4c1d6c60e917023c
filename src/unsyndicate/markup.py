"""Bounds on HTML markup, applied before the HTML parser sees a page.

The HTML tree builder walks its stack of open elements for many start and end tags, and checks
each attribute of a tag against the ones before it: 100 000 nested ``<div>`` or a tag with a
million attributes make it quadratic (minutes). No real page comes near these bounds, so a page
that does has its excess tags and attributes dropped (their text is kept) and says so in a warning.
A page within the bounds is returned unchanged.
"""

from __future__ import annotations

import re

# Deeper than any real page nests (browsers stop nesting at 512 levels).
MAX_DEPTH = 512
MAX_ATTRIBUTES = 1000
# A start tag shorter than this cannot hold MAX_ATTRIBUTES attributes.
_LONG_TAG = 2 * MAX_ATTRIBUTES
# Below these the tree builder's quadratic cost stays under ~0.1 s (10 000 nested elements, a
# 20 kB tag), so the page is not tokenised at all: real pages (a few thousand tags) skip this.
_MANY_TAGS = 10_000
_HUGE_TAG_LENGTH = 20_000
_HUGE_TAG = re.compile(f"<[A-Za-z][^<>]{{{_HUGE_TAG_LENGTH}}}")

# One tag: raw-text elements and comments are skipped whole (their "tags" are not markup), each
# to the first end that closes it or to the page's end. They are read as runs of text without
# "<" (or "-") between the places where an end could start: a lazy ``.*?`` tried the end at every
# character: over half the time the bound took on pages with long scripts.
_TAG = re.compile(
    r"<(?:(?P<raw>script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext)\b"
    r"[^<]*+(?:<(?!/(?P=raw)\s*>)[^<]*+)*+(?:</(?P=raw)\s*>)?"
    r"|!--[^-]*+(?:-(?!->)[^-]*+)*+(?:-->)?"
    r"|(?P<end>/?)(?P<name>[A-Za-z][^\s/>]*+)(?P<attributes>(?:[^<>\"']++|\"[^\"]*+\"|'[^']*+')*+)>?)",
    re.IGNORECASE | re.DOTALL,
)
_ATTRIBUTE = re.compile(r"""[^\s"'>/=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?""")
# Elements in which, unlike in HTML, a start tag ending in "/>" closes itself.
_FOREIGN = frozenset({"svg", "math"})
# Tags that never nest: void elements, and those the parser closes by itself when the next one
# opens (an unclosed <p> or <li> in an old page is not nesting).
_NOT_NESTING = frozenset(
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr", "param", "keygen", "frame", "basefont", "bgsound", "p", "li", "dt", "dd",
        "option", "optgroup", "tr", "td", "th", "tbody", "thead", "tfoot", "rb", "rt", "rtc", "rp",
        "colgroup", "caption", "html", "head", "body", "a", "nobr",
    }
)  # fmt: skip


def _has_huge_tag(html: str) -> bool:
    """Whether a start tag runs on for more than _HUGE_TAG_LENGTH characters."""
    # Such a stretch without ">" holds a whole block of half its length, wherever the blocks
    # start. Most pages have a ">" early in every block, found at string-search speed; only the
    # stretch round a block without one is searched (searching the whole page would try every
    # tag), in place, as a copy of a 10 MB stretch would cost its size again.
    block = _HUGE_TAG_LENGTH // 2
    start = 0
    while start < len(html):
        if html.find(">", start, start + block) != -1:
            start += block
            continue
        end = html.find(">", start)
        end = len(html) if end == -1 else end
        if _HUGE_TAG.search(html, html.rfind(">", 0, start) + 1, end):
            return True
        start = end + 1
    return False


def bound_markup(html: str) -> tuple[str, tuple[str, ...]]:
    """``html`` with nesting deeper than MAX_DEPTH and attributes past MAX_ATTRIBUTES dropped.

    Returns the markup and the warnings saying what was dropped (none: the markup is unchanged).
    """
    if html.count("<") <= _MANY_TAGS and not _has_huge_tag(html):
        return html, ()
    parts: list[str] = []
    kept_to = 0
    open_tags: dict[str, int] = {}
    dropped: dict[str, int] = {}
    depth = foreign = 0  # foreign: open <svg> and <math>, where <path/> closes itself
    too_deep = too_many = False
    for match in _TAG.finditer(html):
        name = match["name"]
        if name is None:
            continue
        name = name.lower()
        replacement = None
        if match["end"]:
            if dropped.get(name):
                dropped[name] -= 1
                replacement = ""
            elif open_tags.get(name):
                open_tags[name] -= 1
                depth -= 1
                foreign -= name in _FOREIGN
        elif name not in _NOT_NESTING and not (foreign and match["attributes"].endswith("/")):
            if depth >= MAX_DEPTH:
                dropped[name] = dropped.get(name, 0) + 1
                too_deep = True
                replacement = ""
            else:
                open_tags[name] = open_tags.get(name, 0) + 1
                depth += 1
                foreign += name in _FOREIGN
        attributes = match["attributes"]
        if replacement is None and len(attributes) > _LONG_TAG:
            kept = _ATTRIBUTE.findall(attributes, 0)
            if len(kept) > MAX_ATTRIBUTES:
                too_many = True
                replacement = f"<{match['end']}{match['name']} {' '.join(kept[:MAX_ATTRIBUTES])}>"
        if replacement is not None:
            parts += (html[kept_to : match.start()], replacement)
            kept_to = match.end()
    if not parts:
        return html, ()
    parts.append(html[kept_to:])
    warnings = []
    if too_deep:
        warnings.append(f"markup nested deeper than {MAX_DEPTH} levels was flattened")
    if too_many:
        warnings.append(f"attributes past the first {MAX_ATTRIBUTES} of a tag were dropped")
    return "".join(parts), tuple(warnings)
