"""One snapshot per real fixture page: the full Article JSON, read against the page by a reviewer.

Pages live in ``tests/fixtures/<adapter>/``; the folder names the adapter the page must select.
"""

from __future__ import annotations

import gzip
from pathlib import Path
from typing import Any

import pytest

import unsyndicate
from conftest import fixture_pages, page_url


def parse_page(page: Path) -> unsyndicate.Article:
    data = gzip.decompress(page.read_bytes()) if page.suffix == ".gz" else page.read_bytes()
    url = page_url(page)
    if page.suffix in (".txt", ".md"):
        return unsyndicate.parse_text(data, url)
    return unsyndicate.parse(data, url)


@pytest.mark.parametrize(
    "page", fixture_pages(), ids=lambda page: f"{page.parent.name}-{page.name.split('.')[0]}"
)
def test_fixture_page_snapshot(page: Path, snapshot_json: Any) -> None:
    article = parse_page(page)
    assert article.adapter == page.parent.name
    assert unsyndicate.to_dict(article) == snapshot_json
