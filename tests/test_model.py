"""The Article model and its JSON round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import unsyndicate
from conftest import fixture_pages
from test_snapshots import parse_page


@pytest.mark.parametrize("page", fixture_pages(), ids=lambda page: page.name)
def test_round_trip_through_json(page: Path) -> None:
    article = parse_page(page)
    data = json.loads(json.dumps(unsyndicate.to_dict(article)))
    assert unsyndicate.from_dict(data) == article


def test_to_dict_has_the_documented_keys() -> None:
    data = unsyndicate.to_dict(unsyndicate.parse_text("Title\n\nBody text."))
    assert {
        "title", "subtitle", "authors", "published", "publisher", "original", "syndicated",
        "url", "canonical_url", "language", "tags", "body", "media", "notices", "adapter",
        "warnings",
    } <= set(data)  # fmt: skip
    assert data["body"] == [{"kind": "paragraph", "text": "Body text."}]


def test_articles_are_frozen() -> None:
    article = unsyndicate.parse_text("Title\n\nBody text.")
    with pytest.raises(AttributeError):
        article.title = "changed"  # type: ignore[misc]


def test_from_dict_names_the_bad_field() -> None:
    data = unsyndicate.to_dict(unsyndicate.parse_text("Title\n\nBody text."))
    data["body"] = [{"text": "no kind"}]
    with pytest.raises(unsyndicate.ParseError, match="kind"):
        unsyndicate.from_dict(data)


def test_text_is_the_prose_without_image_alt_text() -> None:
    article = unsyndicate.Article(
        title="T",
        body=(
            unsyndicate.Block("paragraph", "One."),
            unsyndicate.Block("image", "A photo of a bridge", url="https://example.org/b.jpg"),
            unsyndicate.Block("heading", "Two", level=2),
        ),
    )
    assert article.text == "One.\n\nTwo"
