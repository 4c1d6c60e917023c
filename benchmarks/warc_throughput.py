"""WARC throughput: pages per second through ``normalize`` and through Dask, and peak memory.

Builds gzip WARC files in a temporary folder from the AEB pages (each page many times over, with
its address from ground-truth.json), then times:

- reading the records alone (warcio), for scale;
- ``normalize`` over the archives with 1 and 2 jobs (JSON lines to /dev/null);
- ``unsyndicate.dask`` writing Parquet on a LocalCluster of 1 and 2 worker processes;
- peak memory (max RSS of the process tree) of ``normalize -j 1`` over one archive and over
  one ten times larger: streaming keeps it flat.

    python benchmarks/warc_throughput.py [--pages ../shared/bench/aeb/html] [--records 800]

Needs the ``[dask]`` extra. Runs take about two minutes on two cores with the defaults.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

from _bench import add_bench_option, bench_folder
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

ROOT = Path(__file__).resolve().parent.parent
# Run in a fresh interpreter so that the peak RSS it reports is the measured command's alone.
PEAK_RSS = (
    "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def main() -> None:
    arguments = _arguments()
    pages = list(_pages(bench_folder(arguments.pages or arguments.bench / "aeb" / "html")))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        per_file = arguments.records // arguments.files
        archives = [
            _write_warc(work / f"bench-{n}.warc.gz", pages, per_file, start=n * per_file)
            for n in range(arguments.files)
        ]
        records = per_file * arguments.files
        print(f"{records} records in {arguments.files} archives, from {len(pages)} AEB pages")
        seconds = _time_reading(archives)
        print(f"reading only (warcio): {records / seconds:6.0f} records/s ({seconds:.1f} s)")
        for jobs in (1, 2):
            seconds = _time(_normalize(archives, jobs))
            print(f"normalize -j {jobs}: {records / seconds:6.1f} pages/s ({seconds:.1f} s)")
        for workers in (1, 2):
            seconds = _time_dask(archives, workers, work / f"parquet-{workers}")
            print(f"dask, {workers} worker(s): {records / seconds:6.1f} pages/s ({seconds:.1f} s)")
        small = _write_warc(work / "small.warc.gz", pages, arguments.memory_records)
        large = _write_warc(work / "large.warc.gz", pages, 10 * arguments.memory_records)
        for archive, count in (
            (small, arguments.memory_records),
            (large, 10 * arguments.memory_records),
        ):
            peak = _peak_rss_mib(_normalize([archive], 1))
            print(f"normalize -j 1, {count} records: peak RSS {peak:.0f} MiB")


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="AEB html folder (default: BENCH/aeb/html)")
    add_bench_option(parser)
    parser.add_argument("--records", type=int, default=800, help="records for the timings")
    parser.add_argument("--files", type=int, default=4, help="archives the records are split in")
    parser.add_argument(
        "--memory-records", type=int, default=200, help="records in the small memory archive"
    )
    return parser.parse_args()


def _pages(folder: Path) -> Iterator[tuple[str, bytes]]:
    """Each AEB page with its address."""
    truth = json.loads((folder.parent / "ground-truth.json").read_text(encoding="utf-8"))
    for path in sorted(folder.glob("*.html.gz")):
        key = path.name.split(".")[0]
        yield truth[key]["url"], gzip.decompress(path.read_bytes())


def _write_warc(path: Path, pages: list[tuple[str, bytes]], count: int, start: int = 0) -> Path:
    """``count`` response records, cycling through the pages from ``start``."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, html in islice(cycle(pages), start, start + count):
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(html), http_headers=http
            )
            writer.write_record(record)
    return path


def _normalize(archives: list[Path], jobs: int) -> list[str]:
    normalize = Path(sys.executable).parent / "normalize"
    paths = [str(path) for path in archives]
    return [str(normalize), *paths, "-f", "jsonl", "-o", "/dev/null", "-q", "-j", str(jobs)]


def _time(command: list[str]) -> float:
    start = time.perf_counter()
    # The per-archive tallies normalize prints on stderr are not the benchmark's output.
    subprocess.run(command, check=True, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def _time_reading(archives: list[Path]) -> float:
    """The archive reader alone: what parsing is measured against."""
    from unsyndicate.warc import iter_records

    start = time.perf_counter()
    for path in archives:
        for _ in iter_records(path):
            pass
    return time.perf_counter() - start


def _time_dask(archives: list[Path], workers: int, output: Path) -> float:
    from distributed import Client, LocalCluster

    from unsyndicate.dask import articles, write_parquet

    with (
        LocalCluster(
            n_workers=workers, threads_per_worker=1, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        Client(cluster),
    ):
        start = time.perf_counter()
        write_parquet(articles(str(path) for path in archives), str(output))
        return time.perf_counter() - start


def _peak_rss_mib(command: list[str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", PEAK_RSS, *command], check=True, capture_output=True, text=True
    )
    return int(done.stdout.split()[-1]) / 1024


if __name__ == "__main__":
    main()
