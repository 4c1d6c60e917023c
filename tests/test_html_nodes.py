from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from unsyndicate.document import Link
from unsyndicate.html_nodes import html_nodes

html_nodes_module = sys.modules["unsyndicate.html_nodes"]

# HTML whitespace as a browser shows it, written the plain way.
_RUNS = re.compile(r"[ \t\n\r\f]{2,}|[\t\n\r\f]")


@given(st.text(alphabet=st.sampled_from(" \t\n\r\f\u00a0\u2009ab."), max_size=20))
def test_whitespace_collapses_as_browsers_show_it(text: str) -> None:
    assert html_nodes_module._collapse_whitespace(text) == _RUNS.sub(" ", text)


def _nodes(body: str) -> list[tuple[str, str, tuple[Link, ...]]]:
    root = LexborHTMLParser(f"<html><body>{body}</body></html>").body
    assert root is not None
    return [(node.kind, node.text, node.links) for node in html_nodes(root)]


def test_blocks_keep_their_text_and_links() -> None:
    body = (
        "<h2>Install <a href='#t'>¶</a></h2>"
        "<p>One  <b>bold</b>\n word, <a href='/x'>a  link</a>.</p>"
        "loose <i>inline</i> text<br>on two lines"
        "<p>***</p>"
        "<blockquote>\tQuoted </blockquote>"
        "<p> </p>"
    )
    assert _nodes(body) == [
        ("heading", "Install", (Link("¶", "#t"),)),
        ("paragraph", "One bold word, a link.", (Link("a link", "/x"),)),
        ("paragraph", "loose inline text\non two lines", ()),
        ("separator", "", ()),
        ("quote", "Quoted", ()),
    ]


def test_code_keeps_its_layout_without_control_characters() -> None:
    source = "def f():\r\n\tif x:\x85        return 1\u2028\x00\x1b[0m  # done"
    tree = LexborHTMLParser(f"<body><pre><code>{source}</code></pre></body>")
    (node,) = html_nodes(tree.body)
    assert node.kind == "code"
    assert node.text == "def f():\n\tif x:\n        return 1\n[0m  # done"
    assert node.text.splitlines() == node.text.split("\n")
