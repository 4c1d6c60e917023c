"""Security posture: parsing opens no socket, file or process and evaluates no code; the JSON of
an Article carries hostile text (</script>, control characters, U+2028) safely escaped."""

from __future__ import annotations

import builtins
import json
import os
import socket
import subprocess
from typing import Any, NoReturn

import pytest

import unsyndicate
from conftest import fixture_pages

HOSTILE = '</script><script>alert(1)</script> \x01\x1f \u2028\u2029 "quoted" \\ back'
PAGE = f"""<html><head><title>{HOSTILE}</title>
<link rel="canonical" href="https://example.org/a?q=</script>&#x1;&#x2028;">
<meta property="og:image" content="javascript:alert(1)">
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "x\\u2028</script>"}}
</script></head>
<body><article><h1>{HOSTILE}</h1><p>{HOSTILE}</p>
<p><a href="javascript:alert('x')">link</a> &lt;/script&gt; &#0; &#x2028;</p>
</article></body></html>"""


def _refuse(*args: Any, **kwargs: Any) -> NoReturn:
    raise AssertionError("the library tried to reach outside its input")


def _parse_everything() -> list[unsyndicate.Article]:
    articles = [unsyndicate.parse(PAGE, "https://example.org/a")]
    for page in fixture_pages():
        if page.suffix in (".html", ".htm"):
            articles.append(unsyndicate.parse(page.read_bytes()))
        elif page.suffix in (".txt", ".md"):
            articles.append(unsyndicate.parse_text(page.read_bytes()))
    for article in articles:
        unsyndicate.from_dict(unsyndicate.to_dict(article))
    return articles


def test_parsing_opens_no_socket_file_or_process_and_runs_no_code(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # First a warm-up run: imports, adapter discovery and cattrs' generated converters happen
    # once per process, before any page is seen.
    expected = _parse_everything()
    for name in ("socket", "create_connection", "getaddrinfo"):
        monkeypatch.setattr(socket, name, _refuse)
    for name in ("Popen", "run", "call"):
        monkeypatch.setattr(subprocess, name, _refuse)
    for name in ("system", "popen", "open"):
        monkeypatch.setattr(os, name, _refuse)
    for name in ("open", "eval", "exec", "compile"):
        monkeypatch.setattr(builtins, name, _refuse)
    articles = _parse_everything()
    monkeypatch.undo()
    assert articles == expected


def test_hostile_text_survives_the_json_round_trip_escaped() -> None:
    article = unsyndicate.parse(PAGE, "https://example.org/a")
    data = unsyndicate.to_dict(article)
    for ensure_ascii in (True, False):
        dumped = json.dumps(data, ensure_ascii=ensure_ascii)
        assert not any(ord(ch) < 0x20 for ch in dumped)
        assert json.loads(dumped) == data
        assert unsyndicate.from_dict(json.loads(dumped)) == article
    assert "</script><script>alert(1)</script>" in article.title
    assert "\\u2028" in json.dumps(data)


def test_no_control_characters_or_separators_reach_article_text() -> None:
    article = unsyndicate.parse(PAGE, "https://example.org/a")
    texts = [article.title, *(block.text for block in article.body)]
    for text in texts:
        assert not any(ord(ch) < 0x20 and ch != "\n" for ch in text), text
        assert "\u2028" not in text and "\u2029" not in text
