"""Reading inputs: bounded reads, gzip bombs, and the JSON Schema of the records."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from conftest import fixture_pages
from test_snapshots import parse_page
from unsyndicate import parse_text, to_dict
from unsyndicate.cli import app
from unsyndicate.corpus.inputs import (
    InputTooLarge,
    Total,
    UnreadableInput,
    count_inputs,
    expand_inputs,
    parse_size,
    read_input,
)
from unsyndicate.corpus.items import InputItem
from unsyndicate.schema import article_schema


def test_a_gzip_bomb_is_never_inflated_past_the_limit(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as stream:
        for _ in range(128):
            stream.write(b"\0" * 1024 * 1024)  # 128 MB inflated
    item = InputItem(str(bomb), bomb.name)
    tracemalloc.start()
    try:
        with pytest.raises(InputTooLarge, match="inflated input is over the 1 MB limit"):
            read_input(item, 1024 * 1024)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a few times the limit, nowhere near the 128 MB


def test_gzip_in_memory_is_read_like_a_file() -> None:
    item = InputItem("-", "stdin", gzip.compress(b"A title\n\nSome text."))
    assert read_input(item, 1000) == b"A title\n\nSome text."
    with pytest.raises(InputTooLarge):
        read_input(InputItem("-", "stdin", b"x" * 1001), 1000)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("50M", 50 * 1024**2),
        ("512k", 512 * 1024),
        ("1G", 1024**3),
        ("2MB", 2 * 1024**2),
        ("900", 900),
    ],
)
def test_sizes(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "lots", "-5M", "0"])
def test_bad_sizes(text: str) -> None:
    with pytest.raises((ValueError, KeyError)):
        parse_size(text)


def test_real_articles_validate_against_the_schema() -> None:
    validator = Draft202012Validator(article_schema())
    validator.check_schema(article_schema())
    articles = [parse_page(page) for page in fixture_pages()]
    articles.append(parse_text("A title\n\nBy Jane Doe\n\n- one\n- two\n\nThe first paragraph."))
    for article in articles:
        errors = list(validator.iter_errors(to_dict(article)))
        assert not errors, errors[0].message


def test_the_schema_catches_a_wrong_record() -> None:
    validator = Draft202012Validator(article_schema())
    record = to_dict(parse_text("A title\n\nThe first paragraph."))
    assert validator.is_valid(record)
    assert not validator.is_valid({**record, "title": None})
    assert not validator.is_valid({**record, "colour": "red"})
    assert not validator.is_valid({key: value for key, value in record.items() if key != "title"})
    assert not validator.is_valid({**record, "body": [{"kind": "paragraph"}]})


def test_schema_command_prints_the_schema() -> None:
    result = CliRunner().invoke(app, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == article_schema()
    assert json.loads(result.stdout)["$defs"]["Block"]["required"] == ["kind", "text"]


def test_stdin_is_read_once_and_bounded() -> None:
    stdin = io.BytesIO(b"x" * 5000)
    (item,) = expand_inputs(["-"], stdin, 1000)
    assert item.data is not None and len(item.data) == 1001  # one byte over says: too large


def test_an_unreadable_directory_is_an_input_that_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.html").write_text("<p>a</p>")
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.html").write_text("<p>b</p>")
    scandir = os.scandir

    def refuse_locked(path: Any) -> Any:
        if str(path).endswith("locked"):  # as root, chmod cannot lock a directory
            raise PermissionError(13, "Permission denied")
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse_locked)
    first, second = expand_inputs([str(tmp_path)], io.BytesIO(), 1000)
    assert first.path == str(tmp_path / "a.html")
    assert second.path == str(tmp_path / "locked")
    with pytest.raises(UnreadableInput, match="cannot read the directory: Permission denied"):
        read_input(second, 1000)


def test_inputs_are_counted_from_their_names_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "pages" / "sub").mkdir(parents=True)
    for name in ("a.html", "b.txt.gz", "notes.pdf", "sub/c.md", "sub/dump", ".hidden.html"):
        (tmp_path / "pages" / name).write_text("<p>x</p>")
    (tmp_path / "pages" / "gone.html").symlink_to(tmp_path / "nowhere.html")
    (tmp_path / "one.bin").write_text("<p>x</p>")
    arguments = [str(tmp_path / "pages"), str(tmp_path / "one.bin"), str(tmp_path / "pages/*.html")]
    expanded = list(expand_inputs(arguments, io.BytesIO(), 1000))

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("counting opened a file")

    monkeypatch.setattr("builtins.open", refuse)
    # a.html b.txt.gz gone.html sub/c.md, one.bin, then the glob's a.html gone.html
    assert count_inputs(arguments).inputs == len(expanded) == 7


def test_web_archives_are_measured_but_their_records_not_counted(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>")
    assert count_inputs([str(tmp_path)]) == Total(1, 0)
    assert count_inputs([]) == Total(None, 0)
    assert count_inputs([str(tmp_path), "-"]) == Total(None, 0)
    (tmp_path / "crawl.warc.gz").write_bytes(b"")  # its records are known only by reading it
    assert count_inputs([str(tmp_path)]) == Total(None, 0)
    (tmp_path / "crawl.warc.gz").write_bytes(b"x" * 300)  # its size is known
    assert count_inputs([str(tmp_path), "-"]) == Total(None, 300)
