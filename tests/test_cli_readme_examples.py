"""Every example of examples/shell.sh (the README's Shell section) runs and prints what it says."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import FIXTURES, scripts_first_on_path

ROOT = Path(__file__).parent.parent
SCRIPT = ROOT / "examples" / "shell.sh"
PAGES = FIXTURES / "globalresearch"


def examples(text: str | None = None) -> list[tuple[str, str]]:
    """(commands, expected output) for each block of the script, its header (which sets up a
    scratch folder) aside, or of ``text``, that runs something."""
    found = []
    for block in (text or SCRIPT.read_text(encoding="utf-8").split("\n\n", 1)[1]).split("\n\n"):
        lines = block.strip().splitlines()
        commands = [line for line in lines if not line.startswith("#")]
        expected = [
            line[3:] if line.startswith("#> ") else "" for line in lines if line.startswith("#>")
        ]
        if commands:
            found.append(("\n".join(commands), "".join(f"{line}\n" for line in expected)))
    return found


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """page.html, dump.txt and pages/: the directory the examples run in, in order."""
    root = tmp_path_factory.mktemp("shell")
    (root / "pages").mkdir()
    for page in sorted(PAGES.iterdir()):
        if page.suffix in (".html", ".txt"):
            shutil.copy(page, root / "pages" / page.name)
    shutil.copy(PAGES / "repost-2020-layout.html", root / "page.html")
    shutil.copy(PAGES / "seed-2020-text.txt", root / "dump.txt")
    return root


def test_the_script_has_examples() -> None:
    assert len(examples()) >= 10
    assert all(expected for _, expected in examples())


def readme_trace_examples() -> list[tuple[str, str]]:
    """The README's "Trace a story across sites" commands, with the output they show."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Trace a story across sites", 1)[1]
    return examples(section.split("```sh\n", 1)[1].split("```", 1)[0])


def test_the_readme_trace_section_has_examples() -> None:
    assert len(readme_trace_examples()) >= 2


@pytest.mark.skipif(shutil.which("jq") is None, reason="the examples pipe into jq")
@pytest.mark.parametrize(
    ("commands", "expected"),
    examples() + readme_trace_examples(),
    ids=lambda value: value[:40],
)
@pytest.mark.usefixtures("venv_not_activated")
def test_example(commands: str, expected: str, workdir: Path) -> None:
    done = subprocess.run(
        ["bash", "-c", commands],
        cwd=workdir,
        env=scripts_first_on_path(),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.stdout == expected, done.stderr


@pytest.mark.skipif(shutil.which("jq") is None, reason="the examples pipe into jq")
@pytest.mark.usefixtures("venv_not_activated")
def test_the_script_runs_where_it_sits() -> None:
    """`cd examples && sh shell.sh`: its header makes the pages the examples read, from the
    pages beside it, and leaves nothing behind."""
    before = sorted(SCRIPT.parent.iterdir())
    done = subprocess.run(
        ["sh", SCRIPT.name],
        cwd=SCRIPT.parent,
        env=scripts_first_on_path(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.stdout == "".join(expected for _, expected in examples()), done.stderr
    assert sorted(SCRIPT.parent.iterdir()) == before
