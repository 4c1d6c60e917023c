"""``normalize new-adapter``: the scaffold, and the whole contributor loop run in a copy of the
project (scaffold, snapshot, re-run) exactly as CONTRIBUTING.md describes it."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import PAGE_SUFFIXES
from unsyndicate import scaffold
from unsyndicate.adapter import Adapter
from unsyndicate.scaffold import ScaffoldError, find_project, new_adapter

ROOT = Path(__file__).parent.parent
PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>A small test story | Example Times</title>
<meta property="og:site_name" content="Example Times"></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>A small test story</h1><p>By Jane Doe</p>
<p>This page was written for the scaffold test. It has one paragraph of body text, long
enough to be taken for an article by any reader of pages.</p></article>
<footer>Example Times, all rights reserved.</footer></body></html>
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the checkout (sources, tests, pyproject) to scaffold into."""
    copy = tmp_path / "project"
    ignore = shutil.ignore_patterns("__pycache__", ".pytest_cache", "*.pyc")
    for folder in ("src", "tests"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=ignore)
    shutil.copy(ROOT / "pyproject.toml", copy)
    return copy


@pytest.fixture
def page(tmp_path: Path) -> Path:
    saved = tmp_path / "saved-page.html"
    saved.write_text(PAGE, encoding="utf-8")
    return saved


def run(project: Path, *command: str) -> subprocess.CompletedProcess[str]:
    """A Python command in the copy, importing the copy's own unsyndicate."""
    environment = {**os.environ, "PYTHONPATH": str(project / "src")}
    return subprocess.run(
        [sys.executable, *command],
        cwd=project,
        env=environment,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def test_contributor_loop_end_to_end(project: Path, page: Path) -> None:
    cli = "from unsyndicate.cli import main; main()"
    made = run(
        project, "-c", cli, "new-adapter", "example", "--host", "example.com",
        "--fixture", str(page), "--url", "https://www.example.com/news/a-small-test-story",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "wrote src/unsyndicate/adapters/example.py" in made.stdout
    fixtures = project / "tests/fixtures/example"
    assert (fixtures / "saved-page.html").read_bytes() == page.read_bytes()
    assert (fixtures / "saved-page.url").read_text().strip().endswith("/a-small-test-story")

    pytest_args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_snapshots.py"]
    first = run(project, *pytest_args, "-k", "example", "--snapshot-update")
    assert first.returncode == 0, first.stdout + first.stderr
    assert "1 snapshot generated" in first.stdout
    # The snapshot is where the scaffold's next steps say it is.
    snapshot = re.search(r"read (\S+\.json) against the page", made.stdout)
    assert snapshot is not None, made.stdout
    written = json.loads((project / snapshot[1]).read_text(encoding="utf-8"))
    assert written["adapter"] == "example"
    assert written["publisher"] == {"name": "Example Times", "url": "https://example.com/"}
    assert written["title"] == "A small test story"
    assert written["authors"] == ["Jane Doe"]

    again = run(project, *pytest_args, "-k", "example")
    assert again.returncode == 0, again.stdout + again.stderr
    assert "1 passed" in again.stdout


def test_module_is_filled_and_clean(project: Path, page: Path) -> None:
    made = new_adapter(project, "example", "www.Example.com", page, publisher='The "Example"')
    text = made.module.read_text(encoding="utf-8")
    assert "$" not in text
    namespace: dict[str, object] = {}
    exec(compile(text.replace("from ..", "from unsyndicate."), str(made.module), "exec"), namespace)
    adapter = namespace["ADAPTER"]
    assert isinstance(adapter, Adapter)
    assert (adapter.name, adapter.hosts) == ("example", ("example.com",))
    assert adapter.publisher is not None and adapter.publisher.name == 'The "Example"'
    assert set(adapter.fields) == {"title", "authors", "published", "original_name", "original_url"}
    assert all(rules == () for rules in adapter.fields.values())


def test_without_url_no_sidecar_and_a_signature_is_asked_for(project: Path, page: Path) -> None:
    made = new_adapter(project, "example", "example.com", page)
    assert made.sidecar is None
    assert not list((project / "tests/fixtures/example").glob("*.url"))
    assert "signature" in made.next_steps(project)


@pytest.mark.parametrize(
    ("name", "host", "url", "message"),
    [
        ("Example", "example.com", None, "lower-case"),
        ("class", "example.com", None, "lower-case"),
        ("example", "https://example.com/", None, "bare host"),
        ("example", "example.com", "https://other.org/page", "not on example.com"),
        ("msn", "msn.example", None, "already exists"),
    ],
)
def test_refuses_and_writes_nothing(
    project: Path, page: Path, name: str, host: str, url: str | None, message: str
) -> None:
    before = sorted(project.rglob("*"))
    with pytest.raises(ScaffoldError, match=message):
        new_adapter(project, name, host, page, url)
    assert sorted(project.rglob("*")) == before


def test_refuses_a_file_that_is_not_a_page(project: Path, tmp_path: Path) -> None:
    image = tmp_path / "photo.jpg"
    image.write_bytes(b"\xff\xd8\xff")
    with pytest.raises(ScaffoldError, match="a page ends in"):
        new_adapter(project, "example", "example.com", image)


def test_find_project_walks_up(project: Path) -> None:
    assert find_project(project / "tests/fixtures") == project
    with pytest.raises(ScaffoldError):
        find_project(project.parent)


def test_scaffold_takes_the_pages_the_snapshot_test_reads() -> None:
    assert scaffold.PAGE_SUFFIXES == PAGE_SUFFIXES
