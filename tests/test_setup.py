"""The development set-up installs what the code imports, and CI runs its checks from it."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).parent.parent
SOURCE = ROOT / "src" / "unsyndicate"
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def imported_modules() -> set[str]:
    """The top-level modules that src/ imports (its own package aside), in any branch."""
    found: set[str] = set()
    for module in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found - set(sys.stdlib_module_names) - {"unsyndicate"}


def declared(*extras: str) -> set[str]:
    """The distributions the dependencies and these extras name, normalised."""
    requirements = list(PROJECT["dependencies"])
    for extra in extras:
        requirements += PROJECT["optional-dependencies"][extra]
    return {normalised(re.split(r"[\s\[<>=!~;]", requirement)[0]) for requirement in requirements}


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_module_the_code_imports_is_installed_by_the_dev_set_up() -> None:
    """mypy reads every import, a fallback's too: `pip install -e '.[test,dev]'` (and the
    optional extras, whose modules mypy skips) must bring each one."""
    extras = [name for name in PROJECT["optional-dependencies"] if name != "test"]
    wanted = declared(*extras)
    owners = packages_distributions()
    missing = {
        module
        for module in imported_modules()
        if not {normalised(owner) for owner in owners.get(module, [module])} & wanted
    }
    assert not missing, f"imported but installed by no dependency or extra: {sorted(missing)}"


def test_ci_runs_ruff_and_mypy_from_the_dev_set_up() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = readme.split("<!-- ci: test command -->", 1)[1].split("```sh\n", 1)[1]
    command = command.split("\n", 1)[0]
    install = re.search(r"pip install (?:-e )?'\.\[([\w,]+)\]'", command)
    assert install is not None and {"test", "dev"} <= set(install.group(1).split(","))
    steps = [step.strip() for step in command.split("&&")]
    checks = ["ruff check", "ruff format --check", "mypy", "pytest -q"]
    assert [step for step in steps if step in checks] == checks
