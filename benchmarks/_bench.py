"""Where the benchmark scripts find their data, and one clear line when it is not there."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Kept outside the repository, beside it (see docs/benchmarks.md).
DEFAULT_BENCH = ROOT.parent / "shared" / "bench"


def add_bench_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--bench",
        type=Path,
        default=DEFAULT_BENCH,
        metavar="DIR",
        help="the benchmark data, holding aeb/ readability/ wcxb/ (default: ../shared/bench)",
    )


def bench_folder(path: Path) -> Path:
    """``path``, when it is a folder; otherwise the script stops with one line saying so."""
    if not path.is_dir():
        script = Path(sys.argv[0]).name
        raise SystemExit(
            f"{script}: no benchmark data at {path}: it is kept outside the repository"
            " (../shared/bench); name its folder with --bench DIR"
        )
    return path
