"""Text or markdown rendering to nodes: the same nodes the HTML walk gives for the same page.

Paragraphs are runs of lines between blank lines; markdown headings, lists, quotes, fences, tables,
images and rules (``*``, ``---``) get their own kinds. Inline markdown links keep their target as
a link and their label as text; ``#`` targets (renderings that dropped the address) keep the label.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import partial
from itertools import takewhile

from .document import Link, Node, is_separator
from .model import Block

# Lines are split off this many characters at a time: a list of every line of a text of short
# lines would take some 15 times the text's size.
_CHUNK = 65536
# The lookbehind lets the closing hashes be tried only where a run of spaces starts.
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)(?<!\s)(?:\s+#+)?\s*$")
_LIST_ITEM = re.compile(r"^(?:[-+*]|(\d{1,3})[.)])\s+(.+)$")
_FENCES = ("```", "~~~")
_FENCE = re.compile(r"^(```|~~~)\s*([\w+#-]*)")
_TABLE_ROW = re.compile(r"^\|.*\|$")
_TABLE_RULE = re.compile(r"^\|?[\s:|-]+\|?$")
_IMAGE = re.compile(r"^!\[([^\]]*)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)$")
# Labels, targets and strong text stop at the next bracket or marker: a line of ten thousand
# unclosed "[a](" or "**a " is then scanned once, not once per opening.
_INLINE_LINK = re.compile(r"!?\[([^\[\]]*)\]\(([^)\s\[]*)(?:\s+\"[^\"]*\")?\)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^<>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
# The star comes first and the lookbehind after it, so the search skips to the next star.
_EMPHASIS = re.compile(r"\*(?<![*\w]\*)(?=\S)([^*]+?)(?<=\S)\*(?![*\w])")


def inline_markdown(text: str) -> tuple[str, list[Link]]:
    """Strip inline markdown from one block's text; return the text and its links."""
    links: list[Link] = []
    if "[" in text:
        text = _INLINE_LINK.sub(partial(_take_link, links), text)
    if "<" in text:
        text = _AUTOLINK.sub(partial(_take_autolink, links), text)
    # Functions, not "\\2" templates: Python 3.11 expands a template in Python code per match.
    if "*" in text or "__" in text:
        text = _EMPHASIS.sub(_first_group, _STRONG.sub(_second_group, text))
    return text, links


def _take_link(links: list[Link], match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    links.append(Link(label, url))
    return label


def _take_autolink(links: list[Link], match: re.Match[str]) -> str:
    url = match.group(1)
    links.append(Link(url, url))
    return url


def _first_group(match: re.Match[str]) -> str:
    return match[1]


def _second_group(match: re.Match[str]) -> str:
    return match[2]


def text_nodes(text: str) -> list[Node]:
    """Nodes of an already cleaned text or markdown rendering."""
    builder = _Builder()
    lines = _lines(text)
    for raw in lines:
        line = raw.strip()
        fence = _FENCE.match(line) if line.startswith(_FENCES) else None
        if fence:
            builder.code(lines, fence.group(1), fence.group(2) or None)
        else:
            builder.line(line)
    builder.flush()
    return builder.nodes


def _lines(text: str) -> Iterator[str]:
    """The lines of ``text``, as splitting it at newlines gives them, split a chunk at a time."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start + _CHUNK)
        end = len(text) if end < 0 else end
        yield from text[start:end].split("\n")
        start = end + 1


class _Builder:
    """Groups lines into nodes; a run of lines of one kind becomes one node."""

    def __init__(self) -> None:
        self.nodes: list[Node] = []
        self.kind = ""
        self.lines: list[str] = []

    def line(self, line: str) -> None:
        if not line:
            self.flush()
            return
        # Each construct has its own first character: most lines are tried against no pattern.
        first = line[0]
        heading = _HEADING.match(line) if first == "#" else None
        image = _IMAGE.match(line) if first == "!" else None
        if heading or image or is_separator(line):
            self.flush()
            if heading:
                self._add("heading", heading.group(2), level=len(heading.group(1)))
            elif image:
                self.nodes.append(Node(Block("image", image.group(1), url=image.group(2))))
            else:
                self.nodes.append(Node(Block("separator", "")))
            return
        kind, content = self._kind_of(line, first)
        if kind != self.kind:
            self.flush()
            self.kind = kind
        elif content == self.lines[-1]:
            # A line repeating the one before is kept once: a string costs some 50 bytes more
            # than its text, which for a run of short lines is most of the memory it takes.
            content = self.lines[-1]
        self.lines.append(content)

    def _kind_of(self, line: str, first: str) -> tuple[str, str]:
        """The kind of run the line belongs to, and what of it the run keeps: a quote's or a list
        item's text without its marker (kept now, so the line is not kept as well)."""
        if first == ">":
            return "quote", _unquoted(line)
        if first == "|" and _TABLE_ROW.match(line):
            return "table", line
        item = _LIST_ITEM.match(line) if first in "-+*" or first.isdigit() else None
        if item:
            return "ordered" if item.group(1) else "list", item.group(2)
        return "paragraph", line

    def code(self, lines: Iterator[str], marker: str, language: str | None) -> None:
        """A fenced block: the lines up to the closing fence (taken too) or the end."""
        self.flush()
        body = "\n".join(takewhile(lambda line: not line.strip().startswith(marker), lines))
        if body.strip():
            self.nodes.append(Node(Block("code", body, language=language)))

    def flush(self) -> None:
        if not self.lines:
            return
        lines, kind = self.lines, self.kind
        self.lines, self.kind = [], ""
        if kind == "quote":
            self._add("quote", "\n".join(lines))
        elif kind == "table":
            self._table(lines)
        elif kind in ("list", "ordered"):
            self._list(lines, ordered=kind == "ordered")
        else:
            self._add("paragraph", "\n".join(lines))

    def _add(self, kind: str, raw: str, level: int | None = None) -> None:
        text, links = inline_markdown(raw)
        text = text.strip()
        if text:
            self.nodes.append(Node(Block(kind, text, level=level), tuple(links)))

    def _list(self, lines: list[str], ordered: bool) -> None:
        items: list[str] = []
        links: list[Link] = []
        previous: str | None = None
        found: tuple[str, list[Link]] = ("", [])
        for line in lines:
            if line is not previous:  # a repeated item (kept once by line()) is read once
                previous, found = line, inline_markdown(line)
            text, item_links = found
            items.append(text)
            links.extend(item_links)
        block = Block("list", "\n".join(items), items=tuple(items), ordered=ordered)
        self.nodes.append(Node(block, tuple(links)))

    def _table(self, lines: list[str]) -> None:
        rows: list[tuple[str, ...]] = []
        links: list[Link] = []
        for line in lines:
            if _TABLE_RULE.match(line):
                continue
            cells = []
            for cell in line.strip("|").split("|"):
                text, cell_links = inline_markdown(cell.strip())
                cells.append(text)
                links.extend(cell_links)
            rows.append(tuple(cells))
        text = "\n".join(" | ".join(row) for row in rows)
        self.nodes.append(Node(Block("table", text, rows=tuple(rows)), tuple(links)))


def _unquoted(line: str) -> str:
    """A quote line without its ``>`` and the one space after it."""
    text = line[1:]
    return text[1:] if text[:1].isspace() else text
