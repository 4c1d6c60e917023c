"""Every example runs and says what its README says it shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import scripts_first_on_path

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"


def run(*command: str) -> str:
    done = subprocess.run(
        command,
        cwd=ROOT,
        env=scripts_first_on_path(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_python_api_example() -> None:
    out = run(sys.executable, str(EXAMPLES / "python_api.py"))
    assert out.count("first published by South Front on 2020-03-12") == 2
    assert out.count("republished by Global Research on 2020-03-16") == 2
    assert "[donation] (South Front)" in out


@pytest.mark.usefixtures("venv_not_activated")
def test_normalize_example() -> None:
    out = run("sh", str(EXAMPLES / "normalize.sh"))
    assert out.strip() == "South Front -> Global Research"


def test_every_example_is_tested() -> None:
    tested = {"python_api.py", "normalize.sh", "shell.sh"}
    runnable = {p.name for p in EXAMPLES.iterdir() if p.suffix in (".py", ".sh")}
    assert runnable <= tested | _tested_elsewhere()


def _tested_elsewhere() -> set[str]:
    """Examples whose own test lives in another test module (named in that module)."""
    names: set[str] = set()
    for module in Path(__file__).parent.glob("test_*.py"):
        if module.name != Path(__file__).name:
            text = module.read_text(encoding="utf-8")
            names |= {p.name for p in EXAMPLES.iterdir() if f'"{p.name}"' in text}
    return names


def test_readme_shell_section_is_examples_shell_sh() -> None:
    """README's Shell block is examples/shell.sh (which tests/test_cli_readme_examples.py
    runs) without its header and its expected-output lines, so the two cannot drift apart."""
    script = (EXAMPLES / "shell.sh").read_text(encoding="utf-8").split("\n\n", 1)[1]
    commands = "\n".join(line for line in script.splitlines() if not line.startswith("#>"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shell_block = readme.split("## Shell", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    assert shell_block.strip() == commands.strip()


# What a script needs besides --bench to start.
SCRIPT_ARGUMENTS = {"identical": ["--save", "fingerprints.json"]}


@pytest.mark.parametrize(
    "script",
    [
        "quality", "metadata", "provenance", "speed", "trace", "cli_throughput",
        "warc_throughput", "identical",
    ],
)  # fmt: skip
def test_a_benchmark_says_in_one_line_when_its_data_is_missing(script: str, tmp_path: Path) -> None:
    missing = tmp_path / "no-bench"
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / f"{script}.py"),
            "--bench",
            str(missing),
            *SCRIPT_ARGUMENTS.get(script, []),
        ],
        cwd=tmp_path,
        env=scripts_first_on_path(),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1, done.stderr  # one line, no traceback
    assert done.stderr.startswith(f"{script}.py: no benchmark data at {missing}")
    assert "--bench DIR" in done.stderr
