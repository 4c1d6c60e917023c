"""What README.md and docs/ state as the project's own bounds: stated alike, and met by the
figures measured."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).parent.parent
# Pages built of one-sentence paragraphs (48 to 57 bytes each): the bound the project keeps.
SECONDS, MEMORY = 4.0, 20.0
BOUND = "may take up to 4 s and 20x their size per 10 MB"


def words(path: str) -> str:
    return " ".join((ROOT / path).read_text(encoding="utf-8").split())


def test_readme_and_benchmarks_state_one_bound_for_one_sentence_paragraphs() -> None:
    for path in ("README.md", "docs/benchmarks.md"):
        text = words(path)
        assert f"one-sentence paragraphs (48 to 57 bytes each) is that they {BOUND}" in text, path


def test_the_one_sentence_cases_measured_are_within_the_bound() -> None:
    """docs/benchmarks.md's hostile-input table: the latest figures, its last time and memory
    columns, of every case built of one sentence a paragraph."""
    rows = [
        [cell.strip(" *") for cell in line.split("|")[1:-1]]
        for line in (ROOT / "docs/benchmarks.md").read_text(encoding="utf-8").splitlines()
        if line.startswith("|") and "one sentence a paragraph" in line
    ]
    assert len(rows) == 3
    for case, _, _, seconds, _, memory in rows:
        assert float(seconds) <= SECONDS and float(memory) <= MEMORY, case
