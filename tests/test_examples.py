"""Every example runs and says what its README says it shows."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
EXAMPLES = ROOT / "examples"


def run(*command: str) -> str:
    done = subprocess.run(
        command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_python_api_example() -> None:
    out = run(sys.executable, str(EXAMPLES / "python_api.py"))
    assert out.count("first published by South Front on 2020-03-12") == 2
    assert out.count("republished by Global Research on 2020-03-16") == 2
    assert "[donation] (South Front)" in out


def test_normalize_example() -> None:
    out = run("sh", str(EXAMPLES / "normalize.sh"))
    assert out.strip() == "South Front -> Global Research"


def test_every_example_is_tested() -> None:
    tested = {"python_api.py", "normalize.sh"}
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
