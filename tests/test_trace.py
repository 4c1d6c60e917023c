"""Tracing copies across a corpus: groups, roles, the source, and `normalize trace`."""

from __future__ import annotations

import io
import json
import random
import shutil
from pathlib import Path

import attrs
import pytest
from jsonschema import Draft202012Validator
from typer.testing import CliRunner

from conftest import FIXTURES
from unsyndicate import Article, Block, Original, ParseError, Publisher, to_dict
from unsyndicate.cli import app
from unsyndicate.schema import trace_schema
from unsyndicate.serialize import unstructure
from unsyndicate.trace import ExternalSource, Group, Member, Tracer, groups, sketch

GLOBALRESEARCH = FIXTURES / "globalresearch"
SOUTH_FRONT = "https://southfront.org/iranian-backed-forces-in-iraq-raise-stakes-rocket-attack-kills-several-us-coalition-troops-in-iraq/"


def paragraphs(seed: int, count: int = 12, words: int = 40) -> list[str]:
    """Made-up prose: words no other seed's paragraphs share in runs of five."""
    rng = random.Random(seed)
    return [
        " ".join(f"w{rng.randrange(100_000)}" for _ in range(words)).capitalize() + "."
        for _ in range(count)
    ]


def article(
    texts: list[str],
    url: str,
    *,
    published: str | None = None,
    publisher: str | None = None,
    original: Original | None = None,
) -> Article:
    return Article(
        title=url.rsplit("/", 1)[-1],
        url=url,
        published=published,
        publisher=Publisher(publisher) if publisher else None,
        original=original,
        syndicated=original is not None,
        body=tuple(Block("paragraph", text) for text in texts),
    )


def roles(group: Group) -> dict[str | None, str]:
    return {member.url: member.role for member in group.members}


STORY = paragraphs(1)
FURNITURE = ["Support our work: donate today and share this story with your friends please."]


def test_copies_cut_copies_and_excerpts_join_the_earliest_page() -> None:
    corpus = [
        article(STORY[:8], "https://b.example/cut", published="2021-05-02"),
        article(paragraphs(2), "https://c.example/other", published="2021-05-01"),
        article(STORY, "https://a.example/story", published="2021-05-01"),
        article(
            [*FURNITURE, *STORY, *FURNITURE], "https://d.example/furniture", published="2021-05-03"
        ),
        article(STORY[:3], "https://e.example/excerpt", published="2021-06-01"),
    ]
    (group,) = groups(corpus)
    assert group.size == 4
    assert group.source.url == "https://a.example/story"  # type: ignore[union-attr]
    assert group.source.source_by == "date"  # type: ignore[union-attr]
    assert roles(group) == {
        "https://b.example/cut": "copy",
        "https://a.example/story": "source",
        "https://d.example/furniture": "copy",
        "https://e.example/excerpt": "excerpt",
    }
    containment = {member.url: member.containment for member in group.members}
    assert containment["https://b.example/cut"] == 1.0
    assert containment["https://e.example/excerpt"] == 1.0
    assert 0.8 < containment["https://d.example/furniture"] < 1.0  # the furniture is its own


def test_a_copy_without_the_short_lines_joins_its_original() -> None:
    """A list-heavy page: short items between paragraphs of twelve words, dropped by the copy."""
    prose = paragraphs(7, count=10, words=12)
    items = [f"Item {number}: w{number} for five dollars" for number in range(10)]
    original = article(
        [block for pair in zip(items, prose, strict=True) for block in pair], "https://a.example/"
    )
    copy = article(prose, "https://b.example/copy")
    (group,) = groups([original, copy])
    assert roles(group) == {"https://a.example/": "source", "https://b.example/copy": "copy"}
    assert group.members[1].containment == 1.0


def test_a_copy_with_paragraphs_merged_or_split_holds_all_of_its_original() -> None:
    sentences = [text.removesuffix(".") for text in paragraphs(8, count=12, words=10)]
    original = article(
        [". ".join(sentences[start : start + 3]) + "." for start in (0, 3, 6, 9)],
        "https://a.example/",
    )
    merged = article(
        [". ".join(sentences[:6]) + ".", ". ".join(sentences[6:]) + "."], "https://b.example/merged"
    )
    split = article([text + "." for text in sentences], "https://c.example/split")
    (group,) = groups([original, merged, split])
    assert [member.containment for member in group.members] == [1.0, 1.0, 1.0]


def test_groups_come_in_the_order_of_their_first_page() -> None:
    other = paragraphs(6)
    corpus = [
        article(other, "https://a.example/other"),
        article(STORY, "https://b.example/story"),
        article(STORY, "https://c.example/story"),
        article(other, "https://d.example/other"),
    ]
    found = list(groups(corpus))
    assert [sorted(roles(group)) for group in found] == [
        ["https://a.example/other", "https://d.example/other"],
        ["https://b.example/story", "https://c.example/story"],
    ]


def test_short_bodies_never_group() -> None:
    short = STORY[0][:200]  # fewer than 50 words
    assert len(short.split()) < 50
    corpus = [article([short], f"https://{name}.example/") for name in "ab"]
    assert list(groups(corpus)) == []
    singles = list(groups(corpus, include_single=True))
    assert [group.size for group in singles] == [1, 1]
    assert all(group.members[0].role == "source" for group in singles)


def test_groups_are_transitive_only_through_verified_pairs() -> None:
    start = article(STORY[:3], "https://a.example/start")
    end = article(STORY[-3:], "https://b.example/end")
    assert list(groups([start, end])) == []
    whole = article(STORY, "https://c.example/whole")
    (group,) = groups([start, end, whole])
    assert group.source.url == "https://c.example/whole"  # type: ignore[union-attr]
    assert set(roles(group).values()) == {"source", "excerpt"}


def test_text_two_articles_hold_does_not_make_them_one_group() -> None:
    banner = paragraphs(3, count=3)  # a consent banner both sites put above the article
    first = article([*banner, *STORY], "https://a.example/story")
    second = article([*banner, *paragraphs(4)], "https://b.example/other")
    copy = article(STORY, "https://c.example/copy")
    only_banner = article(banner, "https://d.example/consent")
    (group,) = groups([first, second, copy, only_banner])
    assert roles(group) == {"https://a.example/story": "source", "https://c.example/copy": "copy"}


def test_an_excerpt_of_an_excerpt_joins_through_it() -> None:
    whole = paragraphs(5, count=20)
    corpus = [
        article(whole[:3], "https://a.example/three"),
        article(whole[:8], "https://b.example/eight"),
        article(whole, "https://c.example/whole"),
    ]
    (group,) = groups(corpus)
    assert roles(group) == {
        "https://a.example/three": "excerpt",
        "https://b.example/eight": "excerpt",
        "https://c.example/whole": "source",
    }


def test_the_declared_original_in_the_corpus_is_the_source_even_if_later() -> None:
    named = Original("Origin News", "https://origin.example/story")
    corpus = [
        article(STORY, "https://repost.example/1", published="2021-01-01", original=named),
        article(STORY, "https://origin.example/story/", published="2021-02-01"),
        article(STORY, "https://quiet.example/2", published="2020-12-31"),
    ]
    (group,) = groups(corpus)
    assert group.source.url == "https://origin.example/story/"  # type: ignore[union-attr]
    assert group.source.source_by == "declared"  # type: ignore[union-attr]
    assert roles(group) == {
        "https://repost.example/1": "declared",
        "https://origin.example/story/": "source",
        "https://quiet.example/2": "copy",
    }


def test_an_original_outside_the_corpus_is_the_source() -> None:
    named = Original("Origin News", "https://origin.example/story", "2020-01-01")
    corpus = [
        article(STORY, "https://repost.example/1", publisher="Repost", original=named),
        article(STORY[:6], "https://quiet.example/2", publisher="Quiet"),
    ]
    (group,) = groups(corpus)
    assert group.source == ExternalSource("Origin News", named.url, "2020-01-01")
    assert [member.role for member in group.members] == ["declared", "copy"]
    assert [member.containment for member in group.members] == [None, None]


def test_without_dates_the_most_complete_body_is_the_source() -> None:
    corpus = [article(STORY[:9], "https://a.example/"), article(STORY, "https://b.example/")]
    assert source_of(corpus) == ("https://b.example/", "completeness")


def source_of(corpus: list[Article], captures: dict[str, str] | None = None) -> tuple[str, str]:
    """The url of the group's source and why it was chosen; ``captures``: url -> capture time."""
    with Tracer() as tracer:
        for page in corpus:
            captured = (captures or {}).get(page.url or "")
            tracer.add(sketch(page, capture={"captured": captured}))
        (group,) = tracer.groups()
    assert isinstance(group.source, Member)
    return group.source.url or "", group.source.source_by or ""


def test_an_undated_original_is_not_later_than_its_dated_copies() -> None:
    """Its copies lost a quarter of it: it holds them all, they do not hold it."""
    corpus = [
        article(STORY[:9], "https://copy.example/1", published="2021-05-02"),
        article(STORY, "https://origin.example/"),
        article(STORY[3:], "https://copy.example/2", published="2021-05-01"),
    ]
    assert source_of(corpus) == ("https://origin.example/", "completeness")


def test_of_pages_with_one_body_the_dated_one_is_the_source() -> None:
    corpus = [
        article(STORY, "https://copy.example/"),
        article(STORY, "https://origin.example/", published="2021-05-01"),
    ]
    assert source_of(corpus) == ("https://origin.example/", "completeness")


def test_a_page_captured_before_its_date_was_published_by_its_capture() -> None:
    """An archive captured the page on May 1st: its June date is an update, not its publication."""
    corpus = [
        article(STORY, "https://copy.example/", published="2021-05-15"),
        article(STORY, "https://origin.example/", published="2021-06-01T08:00:00+02:00"),
    ]
    captures = {"https://origin.example/": "2021-05-01T12:00:00Z"}
    assert source_of(corpus, captures) == ("https://origin.example/", "date")
    assert source_of(corpus) == ("https://copy.example/", "date")


def test_pages_of_one_day_are_told_apart_by_completeness() -> None:
    corpus = [
        article(STORY[:9], "https://copy.example/", published="2021-05-01T09:00:00Z"),
        article(STORY, "https://origin.example/", published="2021-05-01T10:00:00Z"),
    ]
    assert source_of(corpus) == ("https://origin.example/", "completeness")


def test_a_page_naming_itself_without_being_syndicated_is_no_declared_copy() -> None:
    """An original named but ``syndicated`` false (a page naming itself) declares nothing."""
    own = Original("A News", "https://a.example/story")
    page = article(STORY, "https://a.example/story", published="2021-05-01")
    page = attrs.evolve(page, original=own)
    copy = article(STORY, "https://b.example/copy", published="2021-05-02")
    assert source_of([copy, page]) == ("https://a.example/story", "date")


def test_dicts_as_normalize_writes_them_keep_their_path() -> None:
    records = [
        {"path": f"pages/{name}.html", **to_dict(article(STORY, f"https://{name}.example/"))}
        for name in "ab"
    ]
    (group,) = groups(records)
    assert [member.path for member in group.members] == ["pages/a.html", "pages/b.html"]
    with pytest.raises(ParseError):
        list(groups([{"body": "no title"}]))


def test_a_dict_is_read_as_its_article_is() -> None:
    page = article(STORY, "https://a.example/", published="2021-05-01", publisher="A News")
    page = attrs.evolve(page, body=(Block("image", "a photo", url="x.jpg"), *page.body))
    assert sketch(to_dict(page), path="p") == sketch(page, path="p")


@pytest.mark.parametrize(
    "record",
    [
        {"title": 7},
        {"title": "t", "body": ["a paragraph"]},
        {"title": "t", "publisher": "A News"},
        {"title": "t", "original": {"url": "https://a.example/"}},
        {"title": None},
        {"title": "t", "published": 2021},
        {"title": "t", "url": ["https://a.example/"]},
    ],
)
def test_a_dict_that_is_not_an_article_is_refused(record: dict) -> None:
    with pytest.raises(ParseError, match="not an Article"):
        sketch(record)


def run(arguments: list[str], stdin: bytes | None = None) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(app, arguments, input=stdin)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    return result.exit_code, records, result.stderr


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Global Research reposts of one South Front article (the seed as text among them)."""
    folder = tmp_path_factory.mktemp("pages")
    for page in GLOBALRESEARCH.iterdir():
        if page.suffix in (".html", ".txt"):
            shutil.copy(page, folder / page.name)
    shutil.copy(FIXTURES / "southfront" / "harbour-drill-2021.html", folder / "other.html")
    return folder


def check_group_of_reposts(records: list[dict]) -> None:
    (group,) = records
    assert group["size"] == 3
    assert group["source"] == {
        "name": "South Front",
        "url": SOUTH_FRONT,
        "published": "2020-03-12",
        "in_corpus": False,
    }
    assert {member["role"] for member in group["members"]} == {"declared"}
    assert {member["publisher"]["name"] for member in group["members"]} == {"Global Research"}
    validator = Draft202012Validator(trace_schema())
    validator.check_schema(trace_schema())
    validator.validate(group)


def test_trace_pages_parsed_on_the_way(pages: Path) -> None:
    code, records, _ = run(["trace", "--jobs", "2", str(pages)])
    assert code == 0
    check_group_of_reposts(records)
    code, records, _ = run(["trace", "--all", str(pages)])
    assert [record["size"] for record in records] == [1, 3]  # other.html comes first


def test_trace_reads_normalize_output_from_stdin(pages: Path) -> None:
    parsed = CliRunner().invoke(app, [str(pages), "--quiet"]).stdout
    code, records, _ = run(["trace", "-"], parsed.encode())
    assert code == 0
    check_group_of_reposts(records)
    assert {member["path"] for member in records[0]["members"]} == {
        str(pages / name) for name in ("repost-2020-layout.html", "repost-current-layout.html")
    } | {str(pages / "seed-2020-text.txt")}


def test_trace_skips_bad_records_and_says_so(pages: Path, tmp_path: Path) -> None:
    parsed = CliRunner().invoke(app, [str(pages), "--quiet"]).stdout.splitlines()
    bad = ["{not json", "[1, 2]", json.dumps({"path": "x.html", "error": {"type": "E"}}), ""]
    lines = tmp_path / "articles.jsonl"
    lines.write_text("\n".join([parsed[0], *bad, *parsed[1:]]) + "\n")
    code, records, stderr = run(["trace", "--quiet", str(lines)])
    assert code == 1
    check_group_of_reposts(records)
    assert f"{lines}:2: " in stderr and f"{lines}:4: an error record" in stderr
    assert stderr.count("\n") == 3


BOM = b"\xef\xbb\xbf"


def test_trace_reads_json_lines_behind_a_byte_order_mark(pages: Path, tmp_path: Path) -> None:
    parsed = BOM + CliRunner().invoke(app, [str(pages), "--quiet"]).stdout_bytes
    lines = tmp_path / "bom.jsonl"
    lines.write_bytes(parsed)
    code, records, _ = run(["trace", "--quiet", str(lines)])
    assert code == 0
    check_group_of_reposts(records)
    code, records, _ = run(["trace", "--quiet", "-"], parsed)
    assert code == 0
    check_group_of_reposts(records)


def test_a_bad_first_line_is_reported_and_the_records_after_it_read(
    pages: Path, tmp_path: Path
) -> None:
    parsed = CliRunner().invoke(app, [str(pages), "--quiet"]).stdout
    lines = tmp_path / "articles.jsonl"
    lines.write_text("a line that is no JSON\n" + parsed)
    code, records, stderr = run(["trace", "--quiet", str(lines)])
    assert code == 1
    check_group_of_reposts(records)
    assert stderr.startswith(f"normalize: {lines}:1: ")
    assert stderr.count("\n") == 1


def test_a_file_neither_json_lines_nor_a_page_is_an_error(tmp_path: Path) -> None:
    array = tmp_path / "articles.json"
    array.write_text(json.dumps([{"title": "t", "body": []}]) + "\n")
    code, records, stderr = run(["trace", "--all", "--quiet", str(array)])
    assert (code, records) == (1, [])
    assert (
        stderr
        == f"normalize: {array}: ParseError: JSON, but neither Article JSON lines nor a page\n"
    )


def story_page(title: str, texts: list[str], published: str | None = None) -> bytes:
    """An article page of these paragraphs, dated when ``published`` is given."""
    date = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{text}</p>" for text in texts)
    return (
        f"<html><head><title>{title}</title>{date}</head>"
        f"<body><article><h1>{title}</h1>{body}</article></body></html>"
    ).encode()


def test_members_from_an_archive_carry_their_record(tmp_path: Path) -> None:
    """Two captures of one address are two members, told apart by their records."""
    pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "crawl.warc"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for day in ("01", "02"):
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            record = writer.create_warc_record(
                "https://a.example/story",
                "response",
                payload=io.BytesIO(story_page("Story", STORY)),
                http_headers=http,
                warc_headers_dict={"WARC-Date": f"2024-03-{day}T12:00:00Z"},
            )
            writer.write_record(record)
    parsed = CliRunner().invoke(app, [str(archive), "--quiet"]).stdout
    for arguments, stdin in ((["trace", str(archive)], None), (["trace", "-"], parsed.encode())):
        code, records, _ = run(arguments, stdin)
        assert code == 0
        (group,) = records
        Draft202012Validator(trace_schema()).validate(group)
        members = group["members"]
        assert [member["captured"] for member in members] == [
            "2024-03-01T12:00:00Z",
            "2024-03-02T12:00:00Z",
        ]
        assert members[0]["offset"] == 0 < members[1]["offset"]
        assert len({member["record_id"] for member in members}) == 2
        assert all(member["record_id"].startswith("<urn:uuid:") for member in members)


def test_trace_schema_command() -> None:
    result = CliRunner().invoke(app, ["schema", "--trace"])
    assert json.loads(result.stdout)["$defs"]["Member"]["properties"]["role"] == {"type": "string"}


def test_records_follow_the_schema() -> None:
    corpus = [article(STORY, "https://a.example/"), article(STORY[:3], "https://b.example/")]
    validator = Draft202012Validator(trace_schema())
    for group in groups(corpus, include_single=True):
        validator.validate(unstructure(group))
