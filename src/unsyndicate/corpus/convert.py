"""One input to its rendered output: what each ``normalize`` worker process does."""

from __future__ import annotations

from typing import Any

import attrs

from ..decode import peek
from ..model import Article
from ..pipeline import parse, parse_text
from ..render import record, to_json, to_markdown, to_text
from .batch import Failure
from .inputs import read_input
from .items import InputItem

FORMATS = ("json", "jsonl", "text", "markdown")
INPUT_FORMATS = ("auto", "html", "text")
_HTML_TAGS = ("<html", "<body", "<p", "<div", "<!doctype", "<head")


@attrs.frozen
class Options:
    """How to read and render every input of one run.

    ``records`` makes each output a record naming its input (``path`` and the item's extra
    fields), as jsonl and a many-input json array need; ``url`` is the address given for a
    single input.
    """

    format: str = "json"
    records: bool = False
    fields: tuple[str, ...] = ()
    notices: bool = True
    adapter: str | None = None
    input_format: str = "auto"
    max_size: int = 50 * 1024**2
    url: str | None = None


@attrs.frozen
class Outcome:
    """One input's rendered output, or why it failed (``error`` is ``Type: message``).

    A failed input's ``text`` is its error record in the record formats and empty otherwise.
    """

    item: InputItem
    text: str
    error: str | None = None


def convert(item: InputItem, options: Options) -> Outcome:
    """Read, parse and render one input; never raises."""
    try:
        data = read_input(item, options.max_size)
        article = _parse(data, item.url or options.url, options, item.charset)
    # Any error, a plug-in adapter's bug included, must cost this input only, never the batch.
    except Exception as error:
        return failed(item, type(error).__name__, str(error) or type(error).__name__, options)
    if article.url is None:
        # Many inputs have no address given: the page's own canonical address stands in.
        article = attrs.evolve(article, url=article.canonical_url)
    if not options.notices:
        article = attrs.evolve(article, notices=())
    return Outcome(item, _render(item, article, options))


def failed(item: InputItem, kind: str, message: str, options: Options) -> Outcome:
    """The outcome of an input that gave no Article."""
    message = " ".join(message.split())
    text = ""
    if options.records:
        error = {"path": item.path, **item.extra, "error": {"type": kind, "message": message}}
        text = to_json(error, pretty=options.format == "json")
    return Outcome(item, text, f"{kind}: {message}")


def on_failure(options: Options, item: InputItem, failure: Failure) -> Outcome:
    """The outcome of an input whose worker timed out or died."""
    return failed(item, failure.kind.title(), failure.message, options)


def _parse(data: bytes, url: str | None, options: Options, charset: str | None) -> Article:
    as_html = options.input_format == "html" or (
        options.input_format == "auto" and looks_like_html(data)
    )
    reader = parse if as_html else parse_text
    return reader(data, url, adapter=options.adapter, charset=charset)


def looks_like_html(data: bytes) -> bool:
    """Markup near the start: a tag the text rendering of a page would not begin with.

    The start is read as text first, so a UTF-16 page (with a BOM or without) is seen as HTML.
    """
    head = peek(data, 65536).lower()
    return "<" in peek(data, 4096) and any(tag in head for tag in _HTML_TAGS)


def _render(item: InputItem, article: Article, options: Options) -> str:
    if options.format == "text":
        return to_text(article)
    if options.format == "markdown":
        return to_markdown(article)
    data: dict[str, Any] = record(article, options.fields)
    if options.records:
        data = {"path": item.path, **item.extra, **data}
    return to_json(data, pretty=options.format == "json")
