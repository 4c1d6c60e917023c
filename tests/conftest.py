"""Shared test helpers: fixture discovery and Article snapshots under tests/snapshots/."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from syrupy.extensions.single_file import SingleFileSnapshotExtension, WriteMode
from syrupy.location import PyTestLocation

TESTS = Path(__file__).parent
FIXTURES = TESTS / "fixtures"
SNAPSHOTS = TESTS / "snapshots"
SHARED = TESTS.parent.parent / "shared"
PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".gz")
# Where this Python's scripts (``normalize``) are installed: the venv's bin, activated or not.
SCRIPTS = Path(sys.executable).parent

# Property tests: a short run by default (CI), a long one with HYPOTHESIS_PROFILE=long.
settings.register_profile(
    "ci", max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("long", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


class ArticleJSONExtension(SingleFileSnapshotExtension):
    """One readable JSON file per snapshot, keys in the Article's own order."""

    _write_mode = WriteMode.TEXT
    file_extension = "json"

    def serialize(self, data: Any, **kwargs: Any) -> str:
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        return str(SNAPSHOTS / test_location.basename)


@pytest.fixture
def snapshot_json(snapshot: Any) -> Any:
    return snapshot.use_extension(ArticleJSONExtension)


def fixture_pages() -> list[Path]:
    """Every page under tests/fixtures/<adapter>/ (a sibling ``<page>.url`` gives its address)."""
    return sorted(
        path for path in FIXTURES.glob("*/*") if path.suffix in PAGE_SUFFIXES and path.is_file()
    )


def page_url(page: Path) -> str | None:
    sidecar = page.parent / (page.name.split(".")[0] + ".url")
    return sidecar.read_text(encoding="utf-8").strip() if sidecar.exists() else None


def scripts_first_on_path() -> dict[str, str]:
    """The environment for a shell script that runs ``normalize``: this Python's own first on
    PATH, so the suite passes however pytest was started (``.venv/bin/python -m pytest`` too)."""
    return {**os.environ, "PATH": f"{SCRIPTS}{os.pathsep}{os.environ.get('PATH', '')}"}


@pytest.fixture
def venv_not_activated(monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH as a shell without the virtual environment activated has it."""
    kept = [part for part in os.environ.get("PATH", "").split(os.pathsep) if Path(part) != SCRIPTS]
    monkeypatch.setenv("PATH", os.pathsep.join(kept))
