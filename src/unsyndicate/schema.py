"""The JSON Schema of :func:`unsyndicate.to_dict` output, derived from the attrs classes.

Derived, not written out, so that it cannot drift from :mod:`unsyndicate.model`: a field added to
a class appears here. A field with a default may be absent (a body block leaves out the fields
its kind does not use); a field without one is required.
"""

from __future__ import annotations

import types
import typing
from typing import Any

import attrs

from .model import Article
from .trace import Group

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
    type(None): {"type": "null"},
}


def article_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) that every ``to_dict(article)`` validates against."""
    return record_schema(Article)


def trace_schema() -> dict[str, Any]:
    """The JSON Schema of the group records ``normalize trace`` writes."""
    return record_schema(Group)


def record_schema(cls: type) -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of the attrs class ``cls`` as the converter writes it."""
    definitions: dict[str, Any] = {}
    _define(cls, definitions)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": cls.__name__,
        "description": cls.__doc__,
        "$ref": f"#/$defs/{cls.__name__}",
        "$defs": definitions,
    }


def _define(cls: type, definitions: dict[str, Any]) -> None:
    if cls.__name__ in definitions:
        return
    definitions[cls.__name__] = {}  # claimed first: a class may refer to itself
    hints = typing.get_type_hints(cls)
    fields = attrs.fields(cls)
    definitions[cls.__name__] = {
        "type": "object",
        "description": (cls.__doc__ or "").strip().split("\n\n")[0],
        "properties": {field.name: _schema(hints[field.name], definitions) for field in fields},
        "required": [field.name for field in fields if field.default is attrs.NOTHING],
        "additionalProperties": False,
    }


def _schema(annotation: Any, definitions: dict[str, Any]) -> dict[str, Any]:
    if annotation in _SCALARS:
        return _SCALARS[annotation]
    origin, arguments = typing.get_origin(annotation), typing.get_args(annotation)
    if origin in (types.UnionType, typing.Union):
        return {"anyOf": [_schema(argument, definitions) for argument in arguments]}
    if origin is tuple and len(arguments) == 2 and arguments[1] is Ellipsis:
        return {"type": "array", "items": _schema(arguments[0], definitions)}
    if attrs.has(annotation):
        _define(annotation, definitions)
        return {"$ref": f"#/$defs/{annotation.__name__}"}
    raise TypeError(f"no JSON Schema for {annotation!r}: extend unsyndicate.schema")
