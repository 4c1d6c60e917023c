"""Lexbor's numbers for tag names. An element's ``tag_id`` is read several times faster than its
``tag`` (a new string on each read), so the tree walks compare numbers. Standard tags have fixed
numbers; a tag lexbor does not know gets one per document, never equal to these."""

from __future__ import annotations

from collections.abc import Iterable

from selectolax.lexbor import LexborHTMLParser

# Elements the parser keeps only in a table: a table holding each of them.
_TABLE_PARTS = ("caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th")
_TABLE = (
    "<table><caption></caption><colgroup><col></colgroup><thead><tr><th></th></tr></thead>"
    "<tbody><tr><td></td></tr></tbody><tfoot></tfoot></table>"
)


def tag_ids(names: Iterable[str]) -> dict[str, int]:
    """The number of each tag name, read off a page of them (``html``, ``head`` and ``body``
    are the page's own)."""
    wanted = dict.fromkeys(names)  # in the order given
    elements = "".join(f"<{name}></{name}>" for name in wanted if name not in _TABLE_PARTS)
    tree = LexborHTMLParser(elements + _TABLE)
    found = {node.tag or "": node.tag_id for node in tree.css("*")}
    return {name: found[name] for name in wanted}


def _node_ids() -> tuple[int, int]:
    body = LexborHTMLParser("<p>text<!--comment--></p>").css_first("p")
    assert body is not None and body.child is not None and body.child.next is not None
    return body.child.tag_id, body.child.next.tag_id


# The numbers of text and comment nodes.
TEXT, COMMENT = _node_ids()
