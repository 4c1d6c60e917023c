"""Pages per second through the ``normalize`` command with one and with two worker processes.

    python benchmarks/cli_throughput.py [PAGES_DIR] [REPEAT] [--bench DIR]

Runs ``normalize PAGES_DIR --format jsonl --quiet --jobs N`` (its records counted) for N = 1
and N = 2, REPEAT times each (default 3, alternating), and prints one summary line: pages,
pages per second of the best run of each, their ratio, and the peak resident memory of the
largest process (the command or one of its workers). The best run is the one least slowed by
whatever else the machine was doing. The default pages are the 181 gzipped AEB pages in
BENCH/aeb/html (BENCH: ../shared/bench). Not a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from _bench import add_bench_option, bench_folder


def run(pages: Path, jobs: int) -> tuple[float, int, int]:
    """Seconds, records written and peak RSS in KiB of one ``normalize`` run."""
    normalize = shutil.which("normalize") or str(Path(sys.executable).parent / "normalize")
    command = [normalize, str(pages), "--format", "jsonl", "--quiet", "--jobs", str(jobs)]
    read, write = os.pipe()
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=write)
    os.close(write)
    records = 0
    with os.fdopen(read, "rb") as output:
        for _ in output:
            records += 1
    # wait4 reports the largest resident set of the process and of the workers it reaped.
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) not in (0, 1):  # 1: some pages failed, still counted
        raise SystemExit(f"normalize failed: {command}")
    return elapsed, records, usage.ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pages", nargs="?", type=Path, help="default: BENCH/aeb/html")
    parser.add_argument("repeat", nargs="?", type=int, default=3)
    add_bench_option(parser)
    args = parser.parse_args()
    pages, repeat = bench_folder(args.pages or args.bench / "aeb" / "html"), args.repeat
    run(pages, 2)  # warm the page cache and the interpreter's files
    runs: dict[int, list[tuple[float, int, int]]] = {1: [], 2: []}
    for _ in range(repeat):
        for jobs, results in runs.items():
            results.append(run(pages, jobs))
    counts = {records for results in runs.values() for _, records, _ in results}
    if len(counts) != 1:
        raise SystemExit(f"runs gave different numbers of records: {sorted(counts)}")
    (records,) = counts
    one_seconds = min(seconds for seconds, _, _ in runs[1])
    two_seconds = min(seconds for seconds, _, _ in runs[2])
    one_peak = max(peak for _, _, peak in runs[1])
    two_peak = max(peak for _, _, peak in runs[2])
    one_rate, two_rate = records / one_seconds, records / two_seconds
    print(
        f"cli_throughput: {records} pages; --jobs 1: {one_rate:.1f} pages/s; "
        f"--jobs 2: {two_rate:.1f} pages/s; ratio {two_rate / one_rate:.2f}; "
        f"peak RSS {one_peak / 1024:.0f} MB (--jobs 1), {two_peak / 1024:.0f} MB (--jobs 2)"
    )


if __name__ == "__main__":
    main()
