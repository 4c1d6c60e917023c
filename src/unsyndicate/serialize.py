"""The one cattrs converter: Article to JSON-safe dicts and back."""

from __future__ import annotations

from typing import Any, TypeVar

from cattrs.gen import make_dict_unstructure_fn
from cattrs.preconf.json import make_converter

from .errors import ParseError
from .model import Article, Block

T = TypeVar("T")

_converter = make_converter()
# A body block carries only the fields its kind uses; empty ones are left out of the JSON.
_converter.register_unstructure_hook(
    Block, make_dict_unstructure_fn(Block, _converter, _cattrs_omit_if_default=True)
)


def to_dict(article: Article) -> dict[str, Any]:
    """Return the Article as a JSON-safe dict (lists, strings, numbers, booleans, None)."""
    result: dict[str, Any] = _converter.unstructure(article)
    return result


def from_dict(data: dict[str, Any]) -> Article:
    """Build an Article from a dict made by :func:`to_dict`.

    Raises :class:`ParseError` naming the bad field when ``data`` is not an Article.
    """
    try:
        return _converter.structure(data, Article)
    except Exception as error:  # cattrs raises a ClassValidationError tree
        raise ParseError(f"not an Article: {_describe(error)}") from error


def unstructure(value: Any) -> Any:
    """Any of the package's attrs records (a trace Group...) as JSON-safe data."""
    return _converter.unstructure(value)


def structure(data: Any, cls: type[T]) -> T:
    """The record of class ``cls`` that :func:`unstructure` gave ``data`` for."""
    return _converter.structure(data, cls)


def _describe(error: BaseException) -> str:
    exceptions = getattr(error, "exceptions", None)
    if exceptions:
        notes = getattr(exceptions[0], "__notes__", [])
        where = f" ({notes[0]})" if notes else ""
        return f"{_describe(exceptions[0])}{where}"
    return str(error) or type(error).__name__
