"""Lexbor's tag numbers, read once for the tree walks."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from unsyndicate.tag_ids import COMMENT, TEXT, tag_ids


def test_each_name_gets_the_number_of_its_elements() -> None:
    tree = LexborHTMLParser(
        "<div><a href='/x'>link</a><p>text<!-- note --></p>"
        "<table><tr><td>cell</td><th>head</th></tr></table></div>"
    )
    names = ("th", "a", "div", "td", "p", "body")
    ids = tag_ids(names)
    assert list(ids) == list(names)  # in the order asked, whatever the hash seed
    for name in names:
        element = tree.css_first(name)
        assert element is not None
        assert ids[name] == element.tag_id
    paragraph = tree.css_first("p")
    assert paragraph is not None and paragraph.child is not None
    text, comment = paragraph.child, paragraph.child.next
    assert comment is not None
    assert (text.tag_id, comment.tag_id) == (TEXT, COMMENT)
    assert len({*ids.values(), TEXT, COMMENT}) == len(names) + 2
