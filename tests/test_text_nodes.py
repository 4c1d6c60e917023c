"""Text renderings to nodes: runs of lines, repeated lines included, keep every line."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from unsyndicate.document import Link
from unsyndicate.text_nodes import inline_markdown, text_nodes


def test_repeated_list_items_are_each_kept_with_their_links() -> None:
    (node,) = text_nodes("- [a](http://x.test/)\n- [a](http://x.test/)\n- b\n- b")
    assert node.block.items == ("a", "a", "b", "b")
    assert node.block.text == "a\na\nb\nb"
    assert node.links == (Link("a", "http://x.test/"), Link("a", "http://x.test/"))


def test_a_repeated_item_is_one_string() -> None:
    (node,) = text_nodes("- same item\n" * 3)
    first, second, third = node.block.items
    assert first is second is third


def test_repeated_paragraph_and_quote_lines_are_each_kept() -> None:
    paragraph, quote = text_nodes("one\none\ntwo\n\n> q\n> q")
    assert paragraph.block.text == "one\none\ntwo"
    assert quote.block.text == "q\nq"


_ITEMS = st.sampled_from(["plain", "[x](http://x.test/)", "*em*", "<http://y.test/>", "plain"])


@given(st.lists(_ITEMS, min_size=1, max_size=8))
def test_a_list_keeps_each_item_as_inline_markdown_reads_it(items: list[str]) -> None:
    (node,) = text_nodes("".join(f"- {item}\n" for item in items))
    read = [inline_markdown(item) for item in items]
    assert node.block.items == tuple(text for text, _ in read)
    assert node.links == tuple(link for _, links in read for link in links)
