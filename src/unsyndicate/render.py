"""An Article as ``normalize`` prints it: a JSON record, plain text or a markdown document."""

from __future__ import annotations

import json
from collections.abc import Callable, Collection, Mapping
from typing import Any

import attrs

from .model import Article, Block
from .serialize import to_dict

FIELDS = tuple(field.name for field in attrs.fields(Article))


def record(article: Article, fields: Collection[str] = ()) -> dict[str, Any]:
    """The Article as a dict, keeping only ``fields`` (in the Article's order) when given."""
    data = to_dict(article)
    return {key: value for key, value in data.items() if key in fields} if fields else data


def to_json(data: Mapping[str, Any], *, pretty: bool) -> str:
    if pretty:
        return json.dumps(data, ensure_ascii=False, indent=2)
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def to_text(article: Article) -> str:
    """Title, byline, then the body paragraphs, each separated by a blank line."""
    parts = [article.title, _byline(article), *(block.text for block in article.body)]
    return "\n\n".join(part for part in parts if part)


def to_markdown(article: Article) -> str:
    """A readable article: title, provenance, body, then the notices after a rule."""
    parts = [f"# {_one_line(article.title)}" if article.title else ""]
    if article.subtitle:
        parts.append(f"*{_one_line(article.subtitle)}*")
    parts.append(_byline(article))
    parts.append("\n".join(f"- {line}" for line in _provenance(article)))
    parts.extend(_markdown_block(block) for block in article.body)
    if article.notices:
        parts.append("---")
        parts.extend(
            f"**{notice.kind.replace('_', ' ')}**"
            + (f" ({notice.owner})" if notice.owner else "")
            + f": {notice.text}"
            for notice in article.notices
        )
    return "\n\n".join(part for part in parts if part)


def _byline(article: Article) -> str:
    return f"By {_names(article.authors)}" if article.authors else ""


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def _provenance(article: Article) -> list[str]:
    lines = []
    original, publisher = article.original, article.publisher
    if original is not None:
        dated = f", {original.published}" if original.published else ""
        lines.append(f"Original: {_link(original.name, original.url)}{dated}")
    if publisher is not None:
        label = "Republished by" if article.syndicated else "Publisher"
        lines.append(f"{label}: {_link(publisher.name, publisher.url)}")
    if article.published:
        lines.append(f"Published: {article.published}")
    if article.modified:
        lines.append(f"Modified: {article.modified}")
    if article.url:
        lines.append(f"Source: <{article.url}>")
    return lines


def _link(name: str, url: str | None) -> str:
    return f"[{name}]({url})" if url else name


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _markdown_block(block: Block) -> str:
    return _BLOCK_RENDERERS.get(block.kind, _paragraph)(block)


def _paragraph(block: Block) -> str:
    return block.text


def _heading(block: Block) -> str:
    level = min(max(block.level or 2, 2), 6)  # the title is the only level-1 heading
    return f"{'#' * level} {_one_line(block.text)}"


def _quote(block: Block) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in block.text.split("\n"))


def _list(block: Block) -> str:
    items = block.items or tuple(block.text.split("\n"))
    if block.ordered:
        return "\n".join(f"{number}. {item}" for number, item in enumerate(items, 1))
    return "\n".join(f"- {item}" for item in items)


def _image(block: Block) -> str:
    caption = block.caption or block.text
    return f"![{_one_line(caption)}]({block.url})" if block.url else caption


def _code(block: Block) -> str:
    fence = "````" if "```" in block.text else "```"
    return f"{fence}{block.language or ''}\n{block.text}\n{fence}"


def _table(block: Block) -> str:
    if not block.rows:
        return block.text
    width = max(len(row) for row in block.rows)
    rows = [
        [cell.replace("|", "\\|") for cell in row] + [""] * (width - len(row)) for row in block.rows
    ]
    lines = [f"| {' | '.join(rows[0])} |", f"|{' --- |' * width}"]
    lines.extend(f"| {' | '.join(row)} |" for row in rows[1:])
    return "\n".join(lines)


_BLOCK_RENDERERS: dict[str, Callable[[Block], str]] = {
    "heading": _heading,
    "quote": _quote,
    "list": _list,
    "image": _image,
    "code": _code,
    "table": _table,
}
