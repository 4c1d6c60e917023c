"""Speed of parse() on the Article Extraction Benchmark pages, beside trafilatura and a floor.

Usage: python benchmarks/speed.py [DATA_DIR | --data aeb|wcxb] [--profile N] [--stages]
                                  [--instructions]

DATA_DIR holds ``ground-truth.json`` and ``html/<id>.html.gz``; ``--data NAME`` is the set of
that name in ``../shared/bench`` (default aeb).

Reports the median milliseconds per page of ``unsyndicate.parse`` (bytes in, Article out), of
trafilatura's ``extract`` when trafilatura is importable (it is never a project dependency:
install it beside the benchmark), and of the floor: parsing the page with selectolax's lexbor
and taking its text. Each page is run once per extractor, in turn, after one warm-up pass.
Peak memory is measured with tracemalloc (Python allocations) on the largest page.
``--profile N`` also prints the N functions of parse() with the most cumulative time (cProfile).
``--stages`` also prints the median milliseconds per page of each pipeline stage (the stages
``benchmarks/pathological.py --stages`` names), in a run of its own after the others.
``--instructions`` also prints the instructions per page of parse(), counted by valgrind's
callgrind (deterministic, unlike the times): this script runs twice more under callgrind, once
parsing every page once and once parsing every page twice, and the difference of the two totals
is one pass of parse() over the pages, without the start-up, imports, reading the pages and the
patterns compiled on first use. Slow: minutes for wcxb.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import json
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

from _bench import add_bench_option, bench_folder
from pathological import RUN_STAGES, STAGES
from selectolax.lexbor import LexborHTMLParser

import unsyndicate

ROOT = Path(__file__).resolve().parent.parent


def _floor(html: bytes, url: str) -> object:
    tree = LexborHTMLParser(html)
    return tree.body.text() if tree.body is not None else ""


def _unsyndicate(html: bytes, url: str) -> object:
    return unsyndicate.parse(html, url)


def _trafilatura() -> Callable[[bytes, str], object] | None:
    try:
        import trafilatura  # type: ignore[import-not-found]
    except ImportError:
        return None

    def extract(html: bytes, url: str) -> object:
        return trafilatura.extract(html, url=url)

    return extract


def _median_ms(run: Callable[[bytes, str], object], pages: list[tuple[str, bytes]]) -> float:
    times = []
    for url, html in pages:
        start = time.perf_counter()
        run(html, url)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, help="default: BENCH/aeb")
    parser.add_argument("--data", dest="name", choices=("aeb", "wcxb"), help="a set in the bench")
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--stages", action="store_true", help="median ms per page of each stage")
    parser.add_argument(
        "--instructions", action="store_true", help="instructions per page (valgrind's callgrind)"
    )
    # The run under callgrind: parse every page this many times, nothing else.
    parser.add_argument("--passes", type=int, default=0, help=argparse.SUPPRESS)
    add_bench_option(parser)
    args = parser.parse_args()
    args.data = bench_folder(args.data or args.bench / (args.name or "aeb"))
    pages = _pages(args.data)
    if args.passes:
        for _ in range(args.passes):
            for url, html in pages:
                unsyndicate.parse(html, url)
        return 0
    runs: dict[str, Callable[[bytes, str], object]] = {
        "unsyndicate": _unsyndicate,
        "lexbor floor": _floor,
    }
    trafilatura = _trafilatura()
    if trafilatura is not None:
        runs["trafilatura"] = trafilatura
    for run in runs.values():  # warm-up: imports, caches, compiled patterns
        _median_ms(run, pages[:10])
    medians = {name: _median_ms(run, pages) for name, run in runs.items()}
    ours = medians["unsyndicate"]
    floor = medians["lexbor floor"]
    line = f"{args.data.name} {len(pages)} pages, median ms/page: unsyndicate {ours:.2f}"
    line += f", lexbor floor {floor:.2f} (ours is {ours / floor:.1f}x the floor)"
    if trafilatura is not None:
        other = medians["trafilatura"]
        line += f", trafilatura {other:.2f} ({other / ours:.1f}x ours)"
    else:
        line += ", trafilatura not installed (pip install trafilatura to compare)"
    print(line)
    url, largest = max(pages, key=lambda page: len(page[1]))
    tracemalloc.start()
    unsyndicate.parse(largest, url)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    size = len(largest) / 1e6
    print(f"  peak Python memory on the largest page ({size:.1f} MB): {peak / 1e6:.1f} MB")
    if args.profile:
        _profile(pages, args.profile)
    if args.stages:
        _stages(pages)
    if args.instructions:
        _instructions(args.data, len(pages))
    return 0


def _pages(data: Path) -> list[tuple[str, bytes]]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    return [
        (item.get("url", ""), gzip.decompress((data / "html" / f"{key}.html.gz").read_bytes()))
        for key, item in sorted(truth.items())
    ]


def _instructions(data: Path, count: int) -> None:
    """Instructions of one pass of parse() over the pages: a two-pass run less a one-pass run."""
    if shutil.which("valgrind") is None:
        print("  instructions: valgrind is not installed")
        return
    with tempfile.TemporaryDirectory() as folder:
        runs = [_callgrind(data, passes, Path(folder) / f"{passes}.out") for passes in (1, 2)]
        one, two = (_total(run, out) for run, out in runs)
    spent = two - one
    print(
        f"  parse() instructions (callgrind): {spent / count / 1e6:.1f}M per page,"
        f" {spent / 1e6:,.0f}M over the {count} pages"
    )


def _callgrind(data: Path, passes: int, out: Path) -> tuple[subprocess.Popen[bytes], Path]:
    # The two runs go side by side: their counts do not depend on the machine's load.
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"]
    command += [sys.executable, __file__, str(data), "--passes", str(passes)]
    return subprocess.Popen(command, stderr=subprocess.DEVNULL), out


def _total(run: subprocess.Popen[bytes], out: Path) -> int:
    if run.wait() != 0:
        raise SystemExit(f"speed.py: the run under callgrind failed ({out.name})")
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith(("totals:", "summary:")):
            return int(line.split()[1])
    raise SystemExit(f"speed.py: no total in callgrind's output {out.name}")


def _profile(pages: list[tuple[str, bytes]], count: int) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    for url, html in pages:
        unsyndicate.parse(html, url)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(count)


def _stages(pages: list[tuple[str, bytes]]) -> None:
    """Each stage's median time per page, its functions wrapped in place for this run."""
    spent: dict[str, float] = {}
    for name in (*STAGES, *RUN_STAGES):
        function = getattr(unsyndicate.pipeline, name)
        setattr(unsyndicate.pipeline, name, _timed(name, function, spent))
    per_page: dict[str, list[float]] = {}
    for url, html in pages:
        spent.clear()
        unsyndicate.parse(html, url)
        for name, seconds in spent.items():
            per_page.setdefault(name, []).append(seconds * 1000)
    for name, times in sorted(per_page.items(), key=lambda item: -statistics.median(item[1])):
        print(f"  {name:20} {statistics.median(times):6.3f} ms/page (median)")


def _timed(
    name: str, function: Callable[..., object], spent: dict[str, float]
) -> Callable[..., object]:
    def timed(*args: object, **kwargs: object) -> object:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[name] = spent.get(name, 0.0) + time.perf_counter() - start

    return timed


if __name__ == "__main__":
    sys.exit(main())
