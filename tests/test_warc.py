"""WARC and ARC input: archives written here, record by record, then read back as Articles."""

from __future__ import annotations

import io
import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("warcio")

from typer.testing import CliRunner
from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from conftest import FIXTURES
from test_cli import on_a_terminal
from unsyndicate import from_dict, parse
from unsyndicate.cli import app
from unsyndicate.corpus.inputs import Total, count_inputs, expand_inputs
from unsyndicate.warc import Result, Tally, iter_articles, to_record

DATE = "2024-03-01T12:00:00Z"


def page(number: int) -> bytes:
    return (
        f"<html><head><title>Story {number}</title></head><body><article>"
        f"<h1>Story {number}</h1><p>By Jane Doe</p>"
        f"<p>The body of story {number} has one paragraph of plain words.</p>"
        "</article></body></html>"
    ).encode()


def add_response(
    writer: WARCWriter,
    url: str,
    payload: bytes,
    content_type: str = "text/html; charset=utf-8",
    status: str = "200 OK",
    warc_headers: dict[str, str] | None = None,
) -> None:
    http = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    headers = {"WARC-Date": DATE, **(warc_headers or {})}
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(payload), http_headers=http, warc_headers_dict=headers
    )
    writer.write_record(record)


def add_request(writer: WARCWriter, url: str) -> None:
    http = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record(url, "request", http_headers=http))


def write_warc(path: Path, pages: list[tuple[str, bytes]], gzip: bool = False) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        for url, payload in pages:
            add_request(writer, url)
            add_response(writer, url, payload)
    return path


def fixture_html() -> list[tuple[str, bytes]]:
    """The real fixture pages with their addresses."""
    return [
        (path.with_suffix(".url").read_text().strip(), path.read_bytes())
        for path in sorted(FIXTURES.glob("*/*.html"))
        if path.with_suffix(".url").exists()
    ]


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_each_html_response_gives_the_article_parse_gives(tmp_path: Path, gzip: bool) -> None:
    pages = [*fixture_html(), ("https://example.com/story-1", page(1))]
    archive = write_warc(tmp_path / "pages.warc", pages, gzip=gzip)

    results = list(iter_articles(archive))

    assert [result.url for result in results] == [url for url, _ in pages]
    for result, (url, payload) in zip(results, pages, strict=True):
        assert result.error is None
        assert result.article == parse(payload, url)
        assert result.archive == str(archive)
        assert result.captured == DATE
        assert result.record_id is not None and result.record_id.startswith("<urn:uuid:")
    # The offset finds the record again, as a CDX index would.
    with archive.open("rb") as stream:
        for result in results:
            assert result.offset is not None
            stream.seek(result.offset)
            record = next(iter(ArchiveIterator(stream)))
            assert record.rec_headers.get_header("WARC-Record-ID") == result.record_id


def test_records_without_a_page_are_skipped_and_counted(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        writer.write_record(writer.create_warcinfo_record("mixed.warc.gz", {"software": "test"}))
        add_request(writer, "https://example.com/a")
        add_response(writer, "https://example.com/a", page(1))
        add_response(writer, "https://example.com/logo.png", b"\x89PNG....", "image/png")
        add_response(writer, "https://example.com/gone", page(2), status="404 Not Found")
        add_response(
            writer, "https://example.com/long", page(3), warc_headers={"WARC-Truncated": "length"}
        )
        writer.write_record(
            writer.create_revisit_record(
                "https://example.com/a", "sha1:AAAA", "https://example.com/a", DATE
            )
        )
        add_response(writer, "https://example.com/b", page(4))
    tally = Tally()

    results = list(iter_articles(archive, tally))

    assert [result.url for result in results] == ["https://example.com/a", "https://example.com/b"]
    assert [result.article.title for result in results if result.article] == ["Story 1", "Story 4"]
    assert tally.skipped == {"not HTML": 1, "not HTTP 2xx": 1, "truncated": 1, "revisit": 1}
    assert tally.summary() == (
        "2 articles, 0 errors; skipped 1 not HTML, 1 not HTTP 2xx, 1 revisit, 1 truncated"
    )


def test_http_charset_decodes_a_page_that_declares_none(tmp_path: Path) -> None:
    title = "Новости дня: правительство объявило о новых мерах поддержки"
    html = f"<html><body><article><h1>{title}</h1><p>{title}.</p></article></body></html>"
    archive = tmp_path / "cyrillic.warc"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        add_response(
            writer, "https://example.ru/", html.encode("cp1251"), "text/html; charset=windows-1251"
        )

    (result,) = iter_articles(archive)

    assert result.article is not None and result.article.title == title


def test_a_page_that_cannot_be_parsed_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    pages = [("https://example.com/empty", b"   "), ("https://example.com/ok", page(1))]
    tally = Tally()

    empty, ok = iter_articles(write_warc(tmp_path / "empty.warc", pages), tally)

    assert empty.article is None and empty.error is not None
    assert empty.error.startswith("ParseError: empty input")
    assert ok.article is not None and ok.article.title == "Story 1"
    assert (tally.articles, tally.errors) == (1, 1)


def test_an_archive_that_cannot_be_opened_is_one_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.warc.gz"

    (result,) = iter_articles(missing)

    assert (result.archive, result.article) == (str(missing), None)
    assert result.error is not None
    assert result.error.startswith("unreadable archive: FileNotFoundError")


@pytest.mark.parametrize("gzip", [False, True], ids=["plain", "gzip"])
def test_damage_mid_archive_keeps_the_records_before_it(tmp_path: Path, gzip: bool) -> None:
    good = write_warc(tmp_path / "good.warc", [("https://example.com/1", page(1))], gzip=gzip)
    archive = tmp_path / "damaged.warc"
    archive.write_bytes(good.read_bytes() + b"this is not a WARC record\r\n\r\n" * 3)

    results = list(iter_articles(archive))

    assert results[0].article is not None and results[0].article.title == "Story 1"
    assert len(results) == 2 and results[1].article is None
    assert results[1].error is not None and results[1].error.startswith("unreadable archive")


def test_a_file_cut_inside_a_record_skips_that_record_as_truncated(tmp_path: Path) -> None:
    pages = [("https://example.com/1", page(1)), ("https://example.com/2", page(2) * 20)]
    whole = write_warc(tmp_path / "whole.warc", pages).read_bytes()
    archive = tmp_path / "cut.warc"
    archive.write_bytes(whole[: len(whole) - 500])
    tally = Tally()

    results = list(iter_articles(archive, tally))

    assert [result.url for result in results] == ["https://example.com/1"]
    assert tally.skipped == {"truncated": 1}


def test_arc_files_are_read_with_url_and_capture_time(tmp_path: Path) -> None:
    body = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(7)
    head = b"1 0 Test\nURL IP-address Archive-date Content-type Archive-length\n"
    archive = tmp_path / "old.arc"
    archive.write_bytes(
        b"filedesc://old.arc 0.0.0.0 19990102030405 text/plain %d\n%b\n" % (len(head), head)
        + b"http://example.com/7 1.2.3.4 19990102030405 text/html %d\n%b\n" % (len(body), body)
    )

    (result,) = iter_articles(archive)

    assert (result.url, result.captured, result.record_id) == (
        "http://example.com/7",
        "1999-01-02T03:04:05Z",
        None,
    )
    assert result.article is not None and result.article.title == "Story 7"


class ReadCounter(io.BytesIO):
    """A file that remembers how far it has been read."""

    furthest = 0

    def read(self, size: int | None = -1) -> bytes:
        data = super().read(size)
        self.furthest = max(self.furthest, self.tell())
        return data


def test_records_are_read_one_at_a_time(tmp_path: Path) -> None:
    pages = [(f"https://example.com/{n}", page(n)) for n in range(1000)]
    stream = ReadCounter(write_warc(tmp_path / "many.warc.gz", pages, gzip=True).read_bytes())

    first = next(iter_articles(stream))

    assert first.article is not None and first.article.title == "Story 0"
    assert stream.furthest < len(stream.getvalue()) / 4


def test_to_record_is_json_and_gives_the_article_back(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "one.warc", [("https://example.com/1", page(1))])
    (result,) = iter_articles(archive)

    record = json.loads(json.dumps(to_record(result)))

    keys = ("archive", "record_id", "url", "captured", "offset", "error")
    assert {key: record[key] for key in keys} == {
        "archive": str(archive),
        "record_id": result.record_id,
        "url": "https://example.com/1",
        "captured": DATE,
        "offset": result.offset,
        "error": None,
    }
    assert from_dict(record["article"]) == result.article
    assert Result(**{**record, "article": from_dict(record["article"])}) == result


def normalize(*args: str) -> tuple[int, list[dict[str, Any]], str]:
    """``normalize`` in this process: exit code, JSON-lines records, stderr."""
    done = CliRunner().invoke(app, list(args))
    if done.exception is not None and not isinstance(done.exception, SystemExit):
        raise done.exception
    return done.exit_code, [json.loads(line) for line in done.stdout.splitlines()], done.stderr


def test_normalize_reads_each_page_record_of_an_archive(tmp_path: Path) -> None:
    archive = tmp_path / "crawl.warc.gz"
    russian = "<html><body><h1>Новости дня</h1><p>Правительство объявило меры.</p></body></html>"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        add_response(writer, "https://example.com/1", page(1))
        add_response(writer, "https://example.com/logo.png", b"\x89PNG", "image/png")
        add_response(writer, "https://example.com/empty", b"  ")
        add_response(
            writer, "https://example.ru/", russian.encode("cp1251"), "text/html; charset=cp1251"
        )
    expected = list(iter_articles(archive))

    code, records, stderr = normalize(str(archive), "--format", "jsonl", "--jobs", "1")

    assert code == 1  # one page failed
    assert [record["url"] for record in records] == [result.url for result in expected]
    for record, result in zip(records, expected, strict=True):
        assert record["path"] == str(archive)
        assert (record["record_id"], record["captured"], record["offset"]) == (
            result.record_id,
            result.captured,
            result.offset,
        )
        assert record.get("title") == (result.article.title if result.article else None)
    assert records[1]["error"]["type"] == "ParseError"
    assert records[2]["title"] == "Новости дня"
    assert f"{archive}: 3 pages read; skipped 1 not HTML" in stderr


def test_one_archive_of_one_page_gives_json_lines(tmp_path: Path) -> None:
    archive = write_warc(tmp_path / "a.warc", [("https://example.com/1", page(1))])
    code, records, _ = normalize(str(archive), "--jobs", "1")
    assert code == 0
    assert [(record["path"], record["title"]) for record in records] == [(str(archive), "Story 1")]


def test_normalize_walks_directories_into_archives(tmp_path: Path) -> None:
    write_warc(tmp_path / "a.warc", [("https://example.com/1", page(1))])
    write_warc(tmp_path / "b.warc.gz", [("https://example.com/2", page(2))], gzip=True)
    (tmp_path / "c.html").write_bytes(page(3))

    code, records, stderr = normalize(str(tmp_path), "-f", "jsonl", "--jobs", "1", "--quiet")

    assert code == 0
    assert [record["title"] for record in records] == ["Story 1", "Story 2", "Story 3"]
    assert stderr == ""  # --quiet: no archive tallies


def test_without_the_extra_an_archive_is_an_error_record(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    archive = write_warc(tmp_path / "a.warc", [("https://example.com/1", page(1))])
    monkeypatch.setitem(sys.modules, "unsyndicate.corpus.warc", None)  # as if warcio were missing

    code, records, _ = normalize(str(archive), "--format", "jsonl", "--jobs", "1")

    assert code == 1
    assert records[0]["error"]["type"] == "UnreadableInput"
    assert "pip install 'unsyndicate[warc]'" in records[0]["error"]["message"]


def test_the_public_name_and_the_corpus_module_are_one() -> None:
    import unsyndicate.warc
    from unsyndicate.corpus import warc

    for name in unsyndicate.warc.__all__:
        assert getattr(unsyndicate.warc, name) is getattr(warc, name)


def test_reading_archives_does_not_import_argument_expansion() -> None:
    # inputs.py imports warc.py lazily (an optional extra); warc.py needs only the items.
    code = "import sys, unsyndicate.corpus.warc; print('unsyndicate.corpus.inputs' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True)
    assert done.stdout.strip() == b"False"


def test_expansion_tells_the_bytes_read_as_the_archives_are_read(tmp_path: Path) -> None:
    noise = [random.Random(n).randbytes(5000).hex().encode() for n in range(40)]  # no gzip gain
    pages = [(f"https://example.com/{n}", page(n) + noise[n]) for n in range(40)]
    first = write_warc(tmp_path / "a.warc.gz", pages, gzip=True)
    second = write_warc(tmp_path / "b.warc", pages[:2])
    size = first.stat().st_size + second.stat().st_size
    read: list[int] = []
    seen: list[int] = []

    for _ in expand_inputs([str(tmp_path)], io.BytesIO(), 10**6, bytes_read=read.append):
        seen.append(sum(read))

    assert count_inputs([str(tmp_path)]) == Total(None, size)
    assert sum(read) == size  # the compressed bytes, as on disk
    assert 0 < seen[0] < first.stat().st_size / 4  # told while reading, not at the end
    assert seen == sorted(seen)


def test_what_damage_leaves_unread_counts_as_read(tmp_path: Path) -> None:
    good = write_warc(tmp_path / "good.warc.gz", [("https://example.com/1", page(1))], gzip=True)
    archive = tmp_path / "damaged.warc.gz"
    archive.write_bytes(good.read_bytes() + b"\x1f\x8b not gzip" + b"x" * 100_000)
    read: list[int] = []

    items = list(expand_inputs([str(archive)], io.BytesIO(), 10**6, bytes_read=read.append))

    assert items[-1].problem is not None and items[-1].problem.startswith("unreadable archive")
    assert sum(read) == archive.stat().st_size


def test_on_a_terminal_the_bar_counts_the_archives_bytes(tmp_path: Path) -> None:
    noise = random.Random(0).randbytes(400_000).hex().encode()  # 800 kB that gzip cannot shrink
    first = write_warc(tmp_path / "a.warc.gz", [("https://example.com/1", page(1) + noise)], True)
    second = write_warc(tmp_path / "b.warc", [("https://example.com/2", page(2))])
    size = (first.stat().st_size + second.stat().st_size) / 1000  # kB, as the bar shows it

    done, shown = on_a_terminal(str(first), str(second), "--jobs", "1")
    plain = re.sub(rb"\x1b\[[\d;?]*[A-Za-z]", b"", shown)  # colours and cursor moves out

    assert done.returncode == 0
    assert re.search(rb"\d inputs, 0 failed .* [\d.]+/%.1f kB +\d+%% .* left" % size, plain)
    assert b"normalize: 2 inputs, 0 failed, 0 skipped" in shown
