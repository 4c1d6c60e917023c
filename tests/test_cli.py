"""The ``normalize`` command driven for real: the installed script, and CliRunner in-process."""

from __future__ import annotations

import gzip
import json
import os
import pty
import re
import select
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import FIXTURES
from unsyndicate import __version__, cli, registry
from unsyndicate.cli import app

NORMALIZE = str(Path(sys.executable).parent / "normalize")
GLOBALRESEARCH = FIXTURES / "globalresearch"
REPOST = GLOBALRESEARCH / "repost-2020-layout.html"
REPOST_URL = (GLOBALRESEARCH / "repost-2020-layout.url").read_text().strip()

GOOD_HTML = (
    "<html><head><title>A good page</title>"
    '<link rel="canonical" href="https://example.org/good"></head>'
    "<body><article><h1>A good page</h1><p>By Jane Doe</p>"
    "<p>The first paragraph of a good page, long enough to be a body.</p>"
    "</article></body></html>"
)
GOOD_TEXT = "A text title\n\nBy John Roe\n\nThe first paragraph of the text page.\n"


def script(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The installed ``normalize`` script, run as a shell would run it."""
    return subprocess.run(
        [NORMALIZE, *args], input=stdin, capture_output=True, timeout=60, check=False
    )


def normalize(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    """The same command in this process (CliRunner), which is faster than a new interpreter."""
    result = CliRunner().invoke(app, list(args), input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return subprocess.CompletedProcess(
        args, result.exit_code, result.stdout.encode(), result.stderr.encode()
    )


def lines(output: bytes) -> list[dict[str, Any]]:
    return [json.loads(line) for line in output.decode().splitlines()]


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    """A directory of good pages with an empty and a corrupt one among them."""
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_text(GOOD_HTML)
    (root / "b-empty.html").write_bytes(b"")
    (root / "c-corrupt.html").write_bytes(bytes(range(256)) * 8)
    (root / "sub" / "d.txt").write_text(GOOD_TEXT)
    (root / "sub" / "e.html.gz").write_bytes(gzip.compress(GOOD_HTML.encode()))
    (root / "notes.csv").write_text("not a page suffix: skipped in a directory")
    return root


def test_stdin_with_url_gives_one_pretty_article() -> None:
    done = script("--url", REPOST_URL, stdin=REPOST.read_bytes())
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"{\n  ")  # pretty json for one input
    article = json.loads(done.stdout)
    assert article["url"] == REPOST_URL
    assert article["adapter"] == "globalresearch"
    assert (article["original"]["name"], article["publisher"]["name"]) == (
        "South Front",
        "Global Research",
    )
    assert done.stderr == b""  # silent when all is well


def test_stdin_text_is_detected_and_input_format_overrides() -> None:
    as_text = json.loads(normalize("-", stdin=GOOD_TEXT.encode()).stdout)
    assert (as_text["title"], as_text["authors"]) == ("A text title", ["John Roe"])
    forced = json.loads(normalize("--input-format", "html", stdin=GOOD_TEXT.encode()).stdout)
    assert forced["authors"] == []  # read as markup, the lines run together into one paragraph


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-16", "utf-32"])
def test_utf16_and_utf32_pages_are_detected_as_html(encoding: str) -> None:
    # "utf-16" and "utf-32" write a BOM; the -le/-be forms do not.
    page = json.loads(normalize("-", stdin=GOOD_HTML.encode(encoding)).stdout)
    assert (page["title"], page["authors"]) == ("A good page", ["Jane Doe"])
    text = json.loads(normalize("-", stdin=GOOD_TEXT.encode(encoding)).stdout)
    assert (text["title"], text["authors"]) == ("A text title", ["John Roe"])


def test_directory_gives_one_record_per_page_in_order_and_exit_1(pages: Path) -> None:
    done = normalize(str(pages), "--fields", "title,authors")
    assert done.returncode == 1
    records = lines(done.stdout)
    assert [record["path"] for record in records] == [
        f"{pages}/a.html",
        f"{pages}/b-empty.html",
        f"{pages}/c-corrupt.html",
        f"{pages}/sub/d.txt",
        f"{pages}/sub/e.html.gz",
    ]
    assert records[0] == {
        "path": f"{pages}/a.html",
        "title": "A good page",
        "authors": ["Jane Doe"],
    }
    assert records[1]["error"]["type"] == "ParseError"
    assert "empty" in records[1]["error"]["message"]
    assert records[2]["error"]["type"] == "ParseError"
    assert records[3]["authors"] == ["John Roe"]
    assert records[4]["title"] == "A good page"  # gzip read transparently
    assert done.stderr.decode().splitlines() == [
        f"normalize: 2 inputs failed: {pages}/b-empty.html, {pages}/c-corrupt.html",
        "normalize: 1 file skipped: not a page suffix; name them to read them anyway",  # notes.csv
    ]


def test_files_a_directory_passes_over_are_counted_on_stderr(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.html").write_text(GOOD_HTML)
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "page.bin").write_bytes(GOOD_HTML.encode())
    (tmp_path / "sub" / "dump").write_text(GOOD_TEXT)
    skipped = "3 files skipped: not a page suffix; name them to read them anyway"
    done = normalize(str(tmp_path))
    assert done.returncode == 0
    assert json.loads(done.stdout)["title"] == "A good page"
    assert done.stderr.decode() == f"normalize: {skipped}\n"
    assert normalize(str(tmp_path), "--quiet").stderr == b""
    # Named, a file is read whatever its name; the walk still counts what it passed over.
    named = normalize(str(tmp_path), str(tmp_path / "page.bin"))
    assert [record["title"] for record in lines(named.stdout)] == ["A good page"] * 2
    assert named.stderr.decode() == f"normalize: {skipped}\n"
    (tmp_path / "page.bin").unlink()
    (tmp_path / "sub" / "dump").unlink()
    one = "1 file skipped: not a page suffix; name them to read them anyway"
    assert normalize(str(tmp_path)).stderr.decode() == f"normalize: {one}\n"


def test_many_inputs_take_their_url_from_the_page(pages: Path) -> None:
    records = lines(normalize(str(pages / "a.html"), str(pages / "sub" / "d.txt")).stdout)
    assert [record["url"] for record in records] == ["https://example.org/good", None]


def test_globs_are_expanded_in_order(pages: Path) -> None:
    done = normalize(f"{pages}/**/*.gz", f"{pages}/a.*", "--fields", "title")
    assert [record["path"] for record in lines(done.stdout)] == [
        f"{pages}/sub/e.html.gz",
        f"{pages}/a.html",
    ]


@pytest.mark.parametrize("named", ["{root}", "{root}/", "{root}/*.html", "{root}/one.*"])
def test_a_directory_or_a_glob_gives_json_lines_even_for_one_page(
    tmp_path: Path, named: str
) -> None:
    (tmp_path / "one.html").write_text(GOOD_HTML)
    done = normalize(named.format(root=tmp_path))
    (record,) = lines(done.stdout)  # one line, one record
    assert record["path"].endswith("one.html") and record["title"] == "A good page"


def test_one_named_file_gives_pretty_json_without_its_path(tmp_path: Path) -> None:
    (tmp_path / "one.html").write_text(GOOD_HTML)
    text = normalize(str(tmp_path / "one.html")).stdout.decode()
    assert text.startswith("{\n  ") and "path" not in json.loads(text)


@pytest.mark.parametrize("output_format", ["text", "markdown"])
def test_several_inputs_as_text_come_each_after_a_line_with_its_path(
    pages: Path, output_format: str
) -> None:
    done = normalize(str(pages / "a.html"), str(pages / "sub"), "-f", output_format, "-j", "1")
    text = done.stdout.decode()
    headers = re.findall(r"^==> (.*) <==$", text, re.MULTILINE)
    assert headers == [f"{pages}/a.html", f"{pages}/sub/d.txt", f"{pages}/sub/e.html.gz"]
    first, second, third = re.split(r"^==> .* <==\n", text, flags=re.MULTILINE)[1:]
    assert "A good page" in first and "A text title" in second and "A good page" in third
    assert first.endswith("\n\n") and second.endswith("\n\n")  # a blank line before each
    single = normalize(str(pages / "a.html"), "-f", output_format).stdout.decode()
    assert "==>" not in single and single == first.removesuffix("\n")


def test_text_format_is_title_byline_and_paragraphs() -> None:
    done = normalize(str(REPOST), "--format", "text")
    text = done.stdout.decode()
    title, byline, first = text.split("\n\n")[:3]
    assert title.startswith("Video: Iranian-backed Forces in Iraq Raise Stakes")
    assert byline == "By South Front"
    assert first.startswith("A volley of rockets struck the Camp Taji")
    assert "{" not in text


def test_markdown_format_has_provenance_header_and_notices_after_a_rule() -> None:
    done = normalize(str(REPOST), "--url", REPOST_URL, "--format", "markdown")
    text = done.stdout.decode()
    assert text.startswith("# Video: Iranian-backed Forces")
    header = text.split("A volley of rockets")[0]
    assert "- Original: [South Front](https://southfront.org/" in header
    assert "- Republished by: [Global Research](https://www.globalresearch.ca/)" in header
    assert "- Published: 2020-03-16" in header
    body, notices = text.split("\n\n---\n\n")
    assert "A volley of rockets" in body
    assert notices.startswith("**")
    assert "**donation** (South Front)" in notices


def test_no_notices_drops_them() -> None:
    kept = json.loads(normalize(str(REPOST)).stdout)
    dropped = json.loads(normalize(str(REPOST), "--no-notices").stdout)
    assert kept["notices"]
    assert dropped["notices"] == []
    assert "---" not in normalize(str(REPOST), "-f", "markdown", "--no-notices").stdout.decode()


def test_json_for_many_inputs_is_one_array(pages: Path) -> None:
    done = normalize(str(pages / "a.html"), str(pages / "b-empty.html"), "--format", "json")
    records = json.loads(done.stdout)
    assert [record["path"] for record in records] == [
        f"{pages}/a.html",
        f"{pages}/b-empty.html",
    ]
    assert records[1]["error"]["type"] == "ParseError"


def test_output_file_holds_what_stdout_would(pages: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "articles.jsonl"
    target.parent.mkdir()
    done = normalize(str(pages), "-o", str(target))
    assert done.returncode == 1
    assert done.stdout == b""
    assert target.read_bytes() == normalize(str(pages)).stdout
    assert os.listdir(target.parent) == ["articles.jsonl"]  # no temporary file left


def test_output_directory_mirrors_input_names(pages: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    done = normalize(str(pages), "-o", f"{out}/")
    assert done.returncode == 1
    written = sorted(str(path.relative_to(out)) for path in out.rglob("*"))
    assert written == ["a.json", "sub", "sub/d.json", "sub/e.json"]
    assert json.loads((out / "sub" / "e.json").read_text())["title"] == "A good page"
    errors = done.stderr.decode()
    assert f"{pages}/b-empty.html: ParseError" in errors
    assert f"{pages}/c-corrupt.html: ParseError" in errors


def test_output_directory_refuses_two_inputs_writing_one_file(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(GOOD_HTML)
    (tmp_path / "a.txt").write_text(GOOD_TEXT)
    out = tmp_path / "out"
    done = normalize(str(tmp_path / "a.html"), str(tmp_path / "a.txt"), "-o", f"{out}/")
    assert done.returncode == 1
    assert json.loads((out / "a.json").read_text())["title"] == "A good page"  # the first stays
    assert "already written by another input" in done.stderr.decode()
    # A second run overwrites the first run's files without complaint.
    again = normalize(str(tmp_path / "a.html"), "-o", f"{out}/")
    assert again.returncode == 0, again.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.html"], "no such file or directory: missing.html"),
        (["--format", "yaml", "-"], "'yaml' is not one of json, jsonl, text, markdown"),
        (["--bogus"], "No such option: --bogus"),
        (["--fields", "title,colour", "-"], "unknown field colour"),
        (["--adapter", "nosuch", "-"], "no adapter named 'nosuch'"),
        (["--max-size", "lots", "-"], "not a size"),
        (["--jobs", "0", "-"], "must be at least 1"),
        (["--timeout", "-1", "-"], "must be 0 (no limit) or more seconds"),
    ],
)
def test_usage_errors_exit_2_with_one_line(args: list[str], message: str) -> None:
    done = script(*args) if args[0] in ("missing.html", "--bogus") else normalize(*args)
    assert done.returncode == 2
    error = done.stderr.decode()
    assert error.count("\n") == 1 and error.startswith("normalize: ")
    assert message in error
    assert done.stdout == b""


def test_url_with_many_inputs_is_a_usage_error(pages: Path) -> None:
    done = normalize(str(pages), "--url", "https://example.org/")
    assert done.returncode == 2
    assert "--url" in done.stderr.decode()


def test_help_documents_exit_codes_and_commands() -> None:
    done = normalize("--help")
    assert done.returncode == 0
    text = done.stdout.decode()
    assert "Exit codes:" in text and "2  usage error" in text
    for command in ("adapters", "clean", "schema"):
        assert f"  {command} " in text


def test_help_shows_the_command_as_it_is_typed() -> None:
    done = script("--help")
    text = done.stdout.decode()
    assert text.startswith("Usage: normalize [OPTIONS] INPUT...\n")
    assert re.search(r"^  INPUT\.\.\.  Files, directories", text, re.MULTILINE)
    assert "<list[str]>" not in text and "parse" not in text
    # Each other command's description is whole, not cut off with "...".
    for command in app.registered_commands:
        first = " ".join((command.callback.__doc__ or "").split("\n\n")[0].split())
        assert command.name == "parse" or first in " ".join(text.split())


def test_every_command_names_its_arguments_not_their_types() -> None:
    for command in ("clean", "trace", "new-adapter", "schema", "adapters"):
        text = script(command, "--help").stdout.decode()
        assert text.startswith(f"Usage: normalize {command} [OPTIONS]")
        assert "<" not in text.split("Options:")[0].split("\n", 1)[1]
    assert "[OPTIONS] NAME\n" in script("new-adapter", "--help").stdout.decode()


def test_a_usage_error_points_at_the_help_as_typed() -> None:
    assert script("--bogus").stderr.decode().endswith("(see normalize --help)\n")


def test_version_prints_the_version() -> None:
    done = script("--version")
    assert (done.returncode, done.stdout.decode()) == (0, f"normalize {__version__}\n")


def test_max_size_refuses_large_inputs_with_a_record(tmp_path: Path) -> None:
    big = tmp_path / "big.html"
    big.write_text(GOOD_HTML + "<p>padding</p>" * 200)
    small = tmp_path / "small.html"
    small.write_text(GOOD_HTML)
    done = normalize(str(big), str(small), "--max-size", "2k")
    big_record, small_record = lines(done.stdout)
    assert big_record["error"] == {
        "type": "InputTooLarge",
        "message": "input is over the 2 KB limit",
    }
    assert small_record["title"] == "A good page"
    assert done.returncode == 1
    piped = normalize("--max-size", "2k", "-f", "jsonl", stdin=big.read_bytes())
    assert lines(piped.stdout)[0]["error"]["type"] == "InputTooLarge"


def test_a_truncated_gzip_says_so_with_its_path(tmp_path: Path) -> None:
    cut = tmp_path / "cut.html.gz"
    cut.write_bytes(gzip.compress(GOOD_HTML.encode())[:-12])
    done = normalize(str(cut))
    assert done.returncode == 1
    assert done.stderr.decode() == (
        f"normalize: {cut}: UnreadableInput: truncated gzip:"
        " the file ends before the end of its data\n"
    )


def test_failed_inputs_are_named_on_stderr_as_well_as_in_the_records(tmp_path: Path) -> None:
    for number in range(7):
        (tmp_path / f"empty-{number}.html").write_bytes(b"")
    (tmp_path / "good.html").write_text(GOOD_HTML)
    done = normalize(str(tmp_path), "-j", "1")
    assert [record.get("error", {}).get("type") for record in lines(done.stdout)] == [
        *["ParseError"] * 7,
        None,
    ]
    named = ", ".join(f"{tmp_path}/empty-{number}.html" for number in range(5))
    assert done.stderr.decode() == f"normalize: 7 inputs failed: {named} and 2 more\n"


def test_trace_names_the_records_and_pages_that_failed(tmp_path: Path) -> None:
    records = tmp_path / "articles.jsonl"
    records.write_text("{not json\n" * 6)
    (tmp_path / "empty.html").write_bytes(b"")
    done = normalize("trace", "-j", "1", str(records), str(tmp_path / "empty.html"))
    assert done.returncode == 1
    *problems, summary = done.stderr.decode().splitlines()
    assert len(problems) == 7
    named = ", ".join(f"{records}:{number}" for number in range(1, 6))
    assert summary == f"normalize: 7 inputs failed: {named} and 2 more"


def test_gzip_bomb_is_stopped(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.html.gz"
    with gzip.open(bomb, "wb", compresslevel=9) as stream:
        for _ in range(64):
            stream.write(b"\0" * 1024 * 1024)  # 64 MB inflated, 64 KB on disk
    done = normalize(str(bomb), str(bomb), "--max-size", "1M")
    for record in lines(done.stdout):
        assert record["error"] == {
            "type": "InputTooLarge",
            "message": "inflated input is over the 1 MB limit",
        }


def test_symlink_loops_are_not_followed(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    (root / "sub").mkdir(parents=True)
    (root / "a.html").write_text(GOOD_HTML)
    (root / "sub" / "b.txt").write_text(GOOD_TEXT)
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    (root / "self").symlink_to(".", target_is_directory=True)
    done = normalize(str(root), "--fields", "title")
    assert [record["path"] for record in lines(done.stdout)] == [
        f"{root}/a.html",
        f"{root}/sub/b.txt",
    ]


def test_a_broken_symlink_in_a_directory_is_an_input_that_fails(tmp_path: Path) -> None:
    root = tmp_path / "pages"
    root.mkdir()
    (root / "a.html").write_text(GOOD_HTML)
    (root / "gone.html").symlink_to(tmp_path / "deleted.html")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "photo.jpg").symlink_to(tmp_path / "deleted.jpg")  # not a page: not an input
    done = normalize(str(root), "--fields", "title")
    assert done.returncode == 1
    assert lines(done.stdout) == [
        {"path": f"{root}/a.html", "title": "A good page"},
        broken_link(root / "gone.html", "No such file or directory"),
        broken_link(root / "loop.txt", "Too many levels of symbolic links"),
    ]


def broken_link(path: Path, reason: str) -> dict[str, object]:
    """The error record of a broken symbolic link."""
    message = f"broken symbolic link: {reason}"
    return {"path": str(path), "error": {"type": "UnreadableInput", "message": message}}


def test_a_broken_symlink_named_as_an_argument_is_an_input_that_fails(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(GOOD_HTML)
    (tmp_path / "gone.html").symlink_to(tmp_path / "deleted.html")
    done = normalize(str(tmp_path / "a.html"), str(tmp_path / "gone.html"), "--fields", "title")
    assert done.returncode == 1
    assert lines(done.stdout) == [
        {"path": f"{tmp_path}/a.html", "title": "A good page"},
        broken_link(tmp_path / "gone.html", "No such file or directory"),
    ]


def test_two_jobs_give_the_output_of_one(pages: Path) -> None:
    one = normalize(str(pages), str(GLOBALRESEARCH), "--jobs", "1")
    two = script(str(pages), str(GLOBALRESEARCH), "--jobs", "2")
    assert one.stdout == two.stdout
    assert len(lines(one.stdout)) == 8


def test_fail_fast_stops_at_the_first_failure(pages: Path) -> None:
    done = normalize(str(pages), "--fail-fast", "--jobs", "1")
    assert done.returncode == 1
    assert [record.get("error", {}).get("type") for record in lines(done.stdout)] == [
        None,
        "ParseError",
    ]


# A stuck adapter and a crashing one, added to the registry of a normalize run in a subprocess:
# the library keeps no test hooks.
HARNESS = """
import os, re
from unsyndicate import cli, pipeline, registry
from unsyndicate.adapter import Adapter

def stall(article, document):
    while True:  # stuck in pure Python, no sleep to interrupt
        pass

def crash(article, document):
    os._exit(70)

extra = [
    Adapter(name="stall", signatures=(re.compile("STALL-HERE"),), refine=stall),
    Adapter(name="crash", signatures=(re.compile("CRASH-HERE"),), refine=crash),
]
base = registry.default_registry()
patched = registry.Registry.build([*base.entries, *(registry.Registered(a, "test") for a in extra)])
pipeline.default_registry = lambda: patched
cli.default_registry = lambda: patched
cli.main()
"""


def test_timeout_and_crash_cost_only_their_input(tmp_path: Path) -> None:
    (tmp_path / "1.txt").write_text(GOOD_TEXT)
    (tmp_path / "2.txt").write_text(GOOD_TEXT + "\nSTALL-HERE\n")
    (tmp_path / "3.txt").write_text(GOOD_TEXT + "\nCRASH-HERE\n")
    (tmp_path / "4.txt").write_text(GOOD_TEXT)
    done = subprocess.run(
        [sys.executable, "-c", HARNESS, str(tmp_path), "--timeout", "1", "--jobs", "2"],
        capture_output=True,
        timeout=30,
        check=False,
    )
    records = lines(done.stdout)
    assert [record["path"].rsplit("/", 1)[1] for record in records] == [
        "1.txt",
        "2.txt",
        "3.txt",
        "4.txt",
    ]
    assert records[0]["title"] == records[3]["title"] == "A text title"
    assert records[1]["error"] == {
        "type": "Timeout",
        "message": "no result within the 1 s time limit",
    }
    assert records[2]["error"] == {
        "type": "Crash",
        "message": "the worker process died (exit code 70)",
    }
    assert done.returncode == 1


def test_adapters_lists_names_hosts_and_signatures() -> None:
    runner = CliRunner()
    plain = runner.invoke(app, ["adapters"])
    assert plain.exit_code == 0
    assert "globalresearch (builtin)" in plain.output
    assert "hosts:      globalresearch.ca" in plain.output
    described = [
        json.loads(line) for line in runner.invoke(app, ["adapters", "--json"]).output.splitlines()
    ]
    by_name = {entry["name"]: entry for entry in described}
    assert by_name["globalresearch"]["hosts"] == ["globalresearch.ca"]
    # The date expression an adapter pattern expands {date} into is shown as {date} again.
    assert by_name["globalresearch"]["signatures"] == [r"Global Research,\s+{date}"]
    assert r"signature:  Global Research,\s+{date}" in plain.output


def test_clean_reads_stdin_and_files(tmp_path: Path) -> None:
    runner = CliRunner()
    piped = runner.invoke(app, ["clean"], input="Caf\u00c3\u00a9  au\u00a0lait &amp; more\n")
    assert piped.exit_code == 0
    assert piped.output == "Café au lait & more\n"
    page = tmp_path / "note.txt.gz"
    page.write_bytes(gzip.compress("It\u2019s\u200b fine\r\n".encode()))
    assert runner.invoke(app, ["clean", str(page)]).output == "It\u2019s fine\n"
    assert runner.invoke(app, ["clean", "nothing.txt"]).exit_code == 2


def test_cli_runner_parses_stdin_like_the_script() -> None:
    result = CliRunner().invoke(app, ["--fields", "title,authors"], input=GOOD_TEXT)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == {"title": "A text title", "authors": ["John Roe"]}


@pytest.mark.parametrize(("signum", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_an_interrupted_run_leaves_no_file(tmp_path: Path, signum: int, code: int) -> None:
    (tmp_path / "1.txt").write_text(GOOD_TEXT)
    (tmp_path / "2.txt").write_text(GOOD_TEXT + "\nSTALL-HERE\n")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "articles.jsonl"
    process = subprocess.Popen(
        [sys.executable, "-c", HARNESS, str(tmp_path), "-o", str(target), "--jobs", "2"],
        stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 20
    while not any(out.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # the temporary file appears once the run has started
    assert any(out.iterdir())
    time.sleep(0.3)
    process.send_signal(signum)
    _, errors = process.communicate(timeout=20)
    assert process.returncode == code, errors.decode()
    assert list(out.iterdir()) == []
    assert b"Traceback" not in errors


def on_a_terminal(*args: str) -> tuple[subprocess.CompletedProcess[bytes], bytes]:
    """``normalize ARGS`` run with stderr on a terminal: the run, and what the terminal shows."""
    leader, follower = pty.openpty()
    with os.fdopen(leader, "rb", buffering=0) as terminal:
        done = subprocess.run(
            [NORMALIZE, *args], stdout=subprocess.PIPE, stderr=follower, timeout=60, check=False
        )
        os.close(follower)
        shown = b""
        while select.select([terminal], [], [], 0.1)[0]:
            try:
                chunk = terminal.read(65536)
            except OSError:  # the terminal closed: everything was read
                break
            if not chunk:
                break
            shown += chunk
    return done, shown


def test_progress_goes_to_a_terminal_stderr_only(pages: Path) -> None:
    done, shown = on_a_terminal(str(pages), str(GLOBALRESEARCH))
    # The inputs are counted first: a bar of inputs done out of 8, with the time left.
    assert re.search(rb"\d/8 inputs, [012] failed .*\d+%.* left", shown)
    # Once the bar clears, one line says what it showed; the failed inputs are named.
    assert re.search(rb"\x1b\[2Knormalize: 8 inputs, 2 failed, 3 skipped, \d+\.\d s\r\n", shown)
    assert (
        f"normalize: 2 inputs failed: {pages}/b-empty.html, {pages}/c-corrupt.html".encode()
        in shown
    )
    assert len(lines(done.stdout)) == 8  # stdout holds the records alone
    quiet = subprocess.run(
        [NORMALIZE, str(pages), "--quiet"], capture_output=True, timeout=60, check=False
    )
    assert quiet.stderr == b""


def test_adapter_option_forces_the_adapter() -> None:
    assert json.loads(normalize(stdin=GOOD_TEXT.encode()).stdout)["adapter"] == "generic"
    forced = normalize("--adapter", "globalresearch", stdin=GOOD_TEXT.encode())
    assert json.loads(forced.stdout)["adapter"] == "globalresearch"


def test_adapters_reports_broken_plug_ins(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = registry.Registry.build(
        registry.default_registry().entries, ["shiny (shiny-adapters): ImportError: no module"]
    )
    monkeypatch.setattr(cli, "default_registry", lambda: broken)
    result = CliRunner().invoke(app, ["adapters"])
    assert result.exit_code == 0
    assert "globalresearch (builtin)" in result.stdout
    assert result.stderr == (
        "normalize: a plug-in adapter could not be loaded: "
        "shiny (shiny-adapters): ImportError: no module\n"
    )


def test_output_file_suffix_sets_the_default_format(tmp_path: Path) -> None:
    expected = {"a.jsonl": '{"path":"-",', "a.md": "# A text title", "a.txt": "A text"}
    for name, starts in expected.items():
        done = normalize("-o", str(tmp_path / name), stdin=GOOD_TEXT.encode())
        assert done.returncode == 0
        assert (tmp_path / name).read_text().startswith(starts)
    done = normalize("-o", str(tmp_path / "b.jsonl"), "-f", "text", stdin=GOOD_TEXT.encode())
    assert (tmp_path / "b.jsonl").read_text().startswith("A text title\n")  # --format wins


def test_output_to_a_pipe_writes_into_it_and_leaves_it_a_pipe(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    done = script(str(REPOST), "-f", "jsonl", "-o", str(fifo))
    reader.join(timeout=30)
    assert done.returncode == 0, done.stderr
    assert json.loads(received[0])["adapter"] == "globalresearch"
    assert stat.S_ISFIFO(fifo.stat().st_mode)  # not replaced by a regular file
    assert os.listdir(tmp_path) == ["fifo"]


def test_unwritable_outputs_are_reported_not_raised(tmp_path: Path) -> None:
    missing = normalize(str(REPOST), "-o", str(tmp_path / "nowhere" / "a.json"))
    assert missing.returncode == 2
    assert missing.stderr.startswith(b"normalize: cannot write to ")
    out = tmp_path / "out"
    (out / "repost-2020-layout.json").mkdir(parents=True)  # a directory where a file should go
    blocked = normalize(str(REPOST), str(GLOBALRESEARCH / "seed-2020-text.txt"), "-o", f"{out}/")
    assert blocked.returncode == 1
    assert b"cannot write" in blocked.stderr and b"Is a directory" in blocked.stderr
    assert (out / "seed-2020-text.json").is_file()
    assert sorted(os.listdir(out)) == ["repost-2020-layout.json", "seed-2020-text.json"]


def test_one_failed_input_is_one_line_on_stderr() -> None:
    done = script(stdin=b"")
    assert done.returncode == 1
    assert done.stdout == b""
    assert done.stderr == b"normalize: -: ParseError: empty input: there is no text to extract\n"
