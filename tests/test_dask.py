"""The Dask path on a real two-process LocalCluster: the same results as the single-process path."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("warcio")
pytest.importorskip("dask.bag")
pytest.importorskip("distributed")
pytest.importorskip("pyarrow")

import dask.bag
import distributed
import pyarrow.parquet as parquet

from test_trace import article, paragraphs, story_page
from test_warc import fixture_html, page, write_warc
from unsyndicate import from_dict, trace
from unsyndicate.dask import (
    articles,
    groups,
    parquet_schema,
    to_row,
    write_jsonl,
    write_parquet,
)
from unsyndicate.warc import Result, iter_articles, to_record


@pytest.fixture(scope="module")
def client() -> Iterator[distributed.Client]:
    cluster = distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        host="127.0.0.1",
        dashboard_address=None,
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    folder = tmp_path_factory.mktemp("archives")
    stories = [(f"https://example.com/{n}", page(n)) for n in range(30)]
    empty = [("https://example.com/empty", b"")]
    return [
        str(write_warc(folder / "a.warc.gz", stories[:15] + empty, gzip=True)),
        str(write_warc(folder / "b.warc", fixture_html() + stories[15:])),
        str(write_warc(folder / "c.warc.gz", stories[:3], gzip=True)),
        str(folder / "missing.warc.gz"),
    ]


@pytest.fixture(scope="module")
def expected(archives: list[str]) -> list[Result]:
    """The single-process path."""
    return [result for path in archives for result in iter_articles(path)]


def test_a_cluster_gives_the_single_process_results(
    client: distributed.Client, archives: list[str], expected: list[Result]
) -> None:
    bag = articles(archives)

    with distributed.get_task_stream(client) as tasks:
        results = bag.compute()

    assert bag.npartitions == len(archives)
    assert results == expected
    assert any(result.error for result in results) and any(result.article for result in results)
    assert results[-1].archive == archives[-1]  # the missing archive: an error, not a failed run
    assert results[-1].error is not None and results[-1].error.startswith("unreadable archive")
    workers = {task["worker"] for task in tasks.data}
    assert workers and workers <= set(client.scheduler_info()["workers"])


def test_parquet_has_one_row_per_record(
    client: distributed.Client, archives: list[str], expected: list[Result], tmp_path: Path
) -> None:
    paths = write_parquet(articles(archives), str(tmp_path / "out"))

    tables = [parquet.read_table(path) for path in paths]

    assert [Path(path).name for path in paths] == [f"part-0000{n}.parquet" for n in range(4)]
    assert all(table.schema == parquet_schema() for table in tables)
    rows = [row for table in tables for row in table.to_pylist()]
    assert rows == [to_row(result) for result in expected]
    first = next(result for result in expected if result.article)
    row = rows[expected.index(first)]
    assert (row["title"], row["authors"], row["text"]) == (
        first.article.title,
        list(first.article.authors),
        first.article.text,
    )
    assert json.loads(row["body"])[0]["text"] == first.article.body[0].text


def test_json_lines_give_the_articles_back(
    client: distributed.Client, archives: list[str], expected: list[Result], tmp_path: Path
) -> None:
    paths = write_jsonl(articles(archives), str(tmp_path / "out"))

    lines = [json.loads(line) for path in paths for line in Path(path).read_text().splitlines()]

    assert lines == [to_record(result) for result in expected]
    rebuilt = [
        Result(**{**line, "article": from_dict(line["article"]) if line["article"] else None})
        for line in lines
    ]
    assert rebuilt == expected


def test_a_cluster_traces_the_groups_of_the_single_process(client: distributed.Client) -> None:
    story, other = paragraphs(1), paragraphs(2)
    corpus = [
        article(story, "https://a.example/story", published="2021-05-01"),
        article(other, "https://b.example/other"),
        article(story[:3], "https://c.example/excerpt"),
        article(other[:9], "https://d.example/cut"),
        article(paragraphs(3), "https://e.example/alone"),
        article(story[2:], "https://f.example/late", published="2021-06-01"),
    ]
    expected = list(trace.groups(corpus))
    assert [group.size for group in expected] == [3, 2]
    assert groups(dask.bag.from_sequence(corpus, npartitions=3)) == expected


def test_pairs_are_verified_on_the_workers(
    client: distributed.Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The client joins verified pairs: verifying there fails the test (the workers are other
    processes, with their own modules)."""
    from unsyndicate.corpus import dask as corpus_dask

    def on_the_client(*arguments: object) -> None:
        raise AssertionError("a pair verified on the client")

    for name in ("verify", "link"):
        monkeypatch.setattr(corpus_dask, name, on_the_client, raising=False)
    story = paragraphs(1)
    corpus = [
        article(story, "https://a.example/story"),
        article(story[:9], "https://b.example/cut"),
        article([*story[:6], *paragraphs(2)], "https://c.example/half"),  # a candidate only
    ]
    expected = list(trace.groups(corpus))
    assert [group.size for group in expected] == [2]
    assert groups(dask.bag.from_sequence(corpus, npartitions=2)) == expected


def test_archive_members_carry_their_record_on_a_cluster(
    client: distributed.Client, tmp_path: Path
) -> None:
    story = story_page("Story", paragraphs(1))
    path = write_warc(tmp_path / "twice.warc", [("https://a.example/story", story)] * 2)
    (group,) = groups(articles([str(path)]))
    records = [(result.record_id, result.offset, result.captured) for result in iter_articles(path)]
    assert [(page.record_id, page.offset, page.captured) for page in group.members] == records
    assert len(set(records)) == 2


def test_the_public_name_and_the_corpus_module_are_one() -> None:
    import unsyndicate.dask
    from unsyndicate.corpus import dask as corpus_dask

    for name in unsyndicate.dask.__all__:
        assert getattr(unsyndicate.dask, name) is getattr(corpus_dask, name)
