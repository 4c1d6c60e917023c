"""Pathological inputs: time, rate and peak memory of parse / parse_text on each.

Usage: python benchmarks/pathological.py [--scale X] [--stages] [CASE ...]

Each case runs in its own subprocess so its peak RSS is its own. Printed per case: the outcome
(blocks and warnings, or the ParseError), seconds, seconds per 10 MB of input, and the memory
ratio: the peak RSS while parsing (input included) above the bare interpreter's, divided by the
input size (target: under 10). Linux only (it reads /proc).
``--scale`` multiplies every input size (0.1 for a quick look). ``--stages`` also prints, per
case, the seconds and the peak memory ratio within each pipeline stage (decoding, markup bounding,
the lexbor parse, the text path, and the per-block stages inside the pipeline run), with the
function names of unsyndicate.pipeline. tests/test_pathological.py builds the same cases, smaller,
and checks what they return.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import unsyndicate
import unsyndicate.pipeline

MB = 1024 * 1024
PARAGRAPH = (
    "<p>The minister said on Tuesday that the harbour would reopen, and that ships waiting "
    "offshore – some for a week – would be let in by order of arrival.</p>\n"
)
FRENCH = "Le café « naïf » coûte 3 € – “cité” déjà vu à l’été. "


def page(body: str, head: str = "") -> str:
    return (
        f"<!doctype html><html><head><title>A title</title>{head}</head>"
        f"<body><article><h1>A title</h1>{body}</article></body></html>"
    )


def _repeat(unit: str, size: int) -> str:
    return unit * max(1, size // len(unit.encode("utf-8", "surrogatepass")))


def heavy_page(size: int) -> bytes:
    """A big page as pages get big: a short article, inline script, style and a data: image."""
    article = PARAGRAPH * 40
    filler = size // 3
    script = f"<script>var state = {json.dumps({'items': _repeat('x1', filler)})};</script>"
    style = f"<style>{_repeat('.c{color:red} ', filler)}</style>"
    image = f'<img src="data:image/png;base64,{_repeat("iVBORw0KGgo", filler)}" alt="chart">'
    return page(article + image, script + style).encode()


def dense_text(size: int) -> bytes:
    """Nothing but paragraphs: the most work per byte for the body walk."""
    return page(_repeat(PARAGRAPH, size)).encode()


def link_lines(size: int) -> bytes:
    """A page of nothing but links, one a line (a sitemap): no article region, so the loosest
    step takes the links themselves as the body, one block each."""
    unit = '<div><a href="/page/1234">A link to another page on this site</a></div>'
    return f"<!doctype html><html><body>{_repeat(unit, size)}</body></html>".encode()


def nested_blocks(size: int) -> bytes:
    depth = size // 11
    return page("<div>" * depth + PARAGRAPH + "</div>" * depth).encode()


def nested_inline(size: int) -> bytes:
    depth = size // 30
    opening = "<b><i><span><em>" * depth
    return page(f"<p>Start {opening}deep words{'</em></span></i></b>' * depth} end.</p>").encode()


def nested_authors(size: int) -> bytes:
    """Author markup nested round the whole article: each level's text is the page's."""
    depth = 500
    return page(
        f"{'<div class=byline>' * depth}{_repeat(PARAGRAPH, size)}{'</div>' * depth}"
    ).encode()


def tiny_elements(unit: str) -> Callable[[int], bytes]:
    """Nothing but elements of a few bytes each: the most nodes a megabyte."""

    def build(size: int) -> bytes:
        return page(_repeat(unit, size)).encode()

    return build


def many_attributes(size: int) -> bytes:
    count = size // 10
    attributes = " ".join(f'a{i}="v"' for i in range(count))
    return page(f"<p {attributes}>Text of a paragraph with a million attributes.</p>").encode()


def long_line(size: int) -> bytes:
    return page(f"<p>{'a' * size}</p>").encode()


def run_of(unit: str) -> Callable[[int], bytes]:
    def build(size: int) -> bytes:
        return page(f"{PARAGRAPH}<p>x{_repeat(unit, size)}y</p>{PARAGRAPH}").encode()

    return build


def text_run_of(unit: str) -> Callable[[int], bytes]:
    def build(size: int) -> bytes:
        return f"A title\n\nBy Jane Doe\n\nx{_repeat(unit, size)}y\n\nThe end.".encode()

    return build


# The encoding cases are built of short paragraphs (a sentence each: the most blocks a
# megabyte), and again of paragraphs of about 400 bytes, as articles have.
ARTICLE_SENTENCES = 7


def nul_and_surrogates(size: int, sentences: int = 1) -> str:
    text = "nul\x00 byte and a lone \ud800 surrogate in text. " * sentences
    return page(_repeat(f"<p>{text.strip()}</p>", size))


def utf16_without_bom(size: int, sentences: int = 1) -> bytes:
    return page(_repeat(f"<p>{FRENCH * sentences}</p>", size // 2)).encode("utf-16-le")


def lying_charset(size: int, sentences: int = 1) -> bytes:
    head = '<meta charset="utf-8">'
    return page(_repeat(f"<p>{FRENCH * sentences}</p>", size), head).encode("cp1252")


def binary_noise(size: int) -> bytes:
    return bytes((index * 2654435761 >> 13) & 0xFF for index in range(size))


# name -> (builder, entry point, input size in bytes at scale 1)
CASES: dict[str, tuple[Callable[[int], bytes | str], str, int]] = {
    "heavy page 50 MB": (heavy_page, "parse", 50 * MB),
    "dense paragraphs 10 MB": (dense_text, "parse", 10 * MB),
    "100 000 nested divs": (nested_blocks, "parse", 1_100_000),
    "nested inline in a paragraph": (nested_inline, "parse", 3 * MB),
    "author markup 500 deep round 10 MB": (nested_authors, "parse", 10 * MB),
    "a million attributes": (many_attributes, "parse", 10_000_000),
    "10 MB of <dt>/<dd> pairs": (tiny_elements("<dl><dt>t</dt><dd>d</dd></dl>"), "parse", 10 * MB),
    "a paragraph of 10 MB of <br>": (
        tiny_elements("<p>" + "word<br>" * 1000 + "</p>"),
        "parse",
        10 * MB,
    ),
    "10 MB of link lines": (link_lines, "parse", 10 * MB),
    "10 MB line, no spaces": (long_line, "parse", 10 * MB),
    "10 MB of spaces": (run_of(" "), "parse", 10 * MB),
    "10 MB of dashes": (run_of("-"), "parse", 10 * MB),
    "10 MB of punctuation": (run_of(".,;:!?*[]()<>&#"), "parse", 10 * MB),
    "text: 10 MB of dashes": (text_run_of("-"), "parse_text", 10 * MB),
    "text: 10 MB of markdown openers": (text_run_of("[a](**a <http:"), "parse_text", 10 * MB),
    "text: 10 MB of emphasis": (text_run_of("*a* "), "parse_text", 10 * MB),
    "text: 10 MB of quote lines": (text_run_of("> q\n"), "parse_text", 10 * MB),
    "text: 10 MB of list items": (text_run_of("- item\n"), "parse_text", 10 * MB),
    "NUL bytes and lone surrogates": (nul_and_surrogates, "parse", 10 * MB),
    "UTF-16 without a BOM": (utf16_without_bom, "parse", 10 * MB),
    "meta charset that lies": (lying_charset, "parse", 10 * MB),
    "NUL bytes and lone surrogates, article paragraphs": (
        functools.partial(nul_and_surrogates, sentences=ARTICLE_SENTENCES),
        "parse",
        10 * MB,
    ),
    "UTF-16 without a BOM, article paragraphs": (
        functools.partial(utf16_without_bom, sentences=ARTICLE_SENTENCES),
        "parse",
        10 * MB,
    ),
    "meta charset that lies, article paragraphs": (
        functools.partial(lying_charset, sentences=ARTICLE_SENTENCES),
        "parse",
        10 * MB,
    ),
    "binary noise": (binary_noise, "parse", 10 * MB),
}


def build(name: str, scale: float) -> bytes | str:
    builder, _, size = CASES[name]
    return builder(max(1000, int(size * scale)))


def run(name: str, data: bytes | str) -> str:
    """The outcome of one case: what parse returned, or the ParseError it raised."""
    entry = unsyndicate.parse if CASES[name][1] == "parse" else unsyndicate.parse_text
    try:
        article = entry(data)
    except unsyndicate.ParseError as error:
        return f"ParseError: {error}"
    return f"{len(article.body)} blocks; warnings: {', '.join(article.warnings) or 'none'}"


def _memory(field: str) -> int:
    """VmRSS (now) or VmHWM (peak) of this process in bytes, from /proc (Linux)."""
    status = Path("/proc/self/status").read_text()
    return int(re.search(rf"^{field}:\s+(\d+) kB", status, re.MULTILINE)[1]) * 1024  # type: ignore[index]


def _reset_peak() -> bool:
    """Forget the peak so far (the copies made while building the input), where Linux allows."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        return False
    return True


# What --stages measures: the functions parse() and parse_text() call in turn, then the per-block
# stages inside the pipeline run (_run), which dominate pages of many blocks.
STAGES = (
    "decode_page",
    "decode",
    "bound_markup",
    "LexborHTMLParser",
    "read_head",
    "clean",
    "text_nodes",
    "_run",
)
RUN_STAGES = ("content_region", "remove_boilerplate", "html_nodes", "_sort_body")


class StageMeter:
    """Seconds and peak memory of the pipeline functions named, wrapped in place for one run.

    The peak is reset as each stage starts (after crediting it to the stages still open), so a
    stage's peak is the highest memory reached while it ran, everything alive then included.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.peaks: dict[str, int] = {}
        self.open: list[str] = []
        for name in (*STAGES, *RUN_STAGES):
            self._wrap(name)

    def _wrap(self, name: str) -> None:
        function = getattr(unsyndicate.pipeline, name)

        def measured(*args: object, **kwargs: object) -> object:
            self._credit_peak()
            self.open.append(name)
            _reset_peak()
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start
                self._credit_peak()
                self.open.pop()

        setattr(unsyndicate.pipeline, name, measured)

    def _credit_peak(self) -> None:
        peak = _memory("VmHWM")
        for name in self.open:
            self.peaks[name] = max(self.peaks.get(name, 0), peak)

    def rows(self, bare: int, size: int) -> list[tuple[str, float, float | None]]:
        """(stage, seconds, peak memory ratio) for each stage that ran; the part of the run no
        named stage took is ``_run (rest)``."""
        rows: list[tuple[str, float, float | None]] = [
            (name, self.seconds[name], (self.peaks[name] - bare) / size)
            for name in (*STAGES, *RUN_STAGES)
            if name in self.seconds
        ]
        if "_run" in self.seconds:
            rest = self.seconds["_run"] - sum(self.seconds.get(name, 0.0) for name in RUN_STAGES)
            rows.append(("_run (rest)", rest, None))
        return rows


def measure(name: str, scale: float, stages: bool = False) -> dict[str, object]:
    """Run one case in this process (the parent runs each in a fresh one)."""
    bare = _memory("VmRSS")
    data = build(name, scale)
    size = len(data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data)
    meter = StageMeter() if stages else None
    gc.collect()
    if not _reset_peak():
        bare = _memory("VmHWM") - _memory("VmRSS") + bare  # count the build's peak too
    start = time.perf_counter()
    outcome = run(name, data)
    seconds = time.perf_counter() - start
    peak = max([_memory("VmHWM"), *(meter.peaks.values() if meter else ())])
    return {
        "case": name,
        "size_mb": size / MB,
        "seconds": seconds,
        "per_10mb": seconds / (size / (10 * MB)),
        "memory_ratio": (peak - bare) / size,
        "outcome": outcome,
        "stages": meter.rows(bare, size) if meter else [],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="case names (default: all)")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--stages", action="store_true", help="time and memory per stage")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.scale, args.stages)))
        return
    print(f"{'case':34} {'MB':>7} {'s':>7} {'s/10MB':>7} {'mem x':>6}  outcome")
    for name in args.cases or CASES:
        command = [sys.executable, __file__, "--one", name, "--scale", str(args.scale)]
        command += ["--stages"] if args.stages else []
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode:
            print(f"{name:34} FAILED (exit {done.returncode}): {done.stderr.strip()[-300:]}")
            continue
        row = json.loads(done.stdout)
        print(
            f"{name:34} {row['size_mb']:7.1f} {row['seconds']:7.2f} {row['per_10mb']:7.2f} "
            f"{row['memory_ratio']:6.1f}  {row['outcome'][:90]}",
            flush=True,
        )
        for stage, seconds, ratio in row["stages"]:
            memory = "" if ratio is None else f"{ratio:6.1f}"
            print(f"  {stage:32} {'':7} {seconds:7.2f} {'':7} {memory:>6}", flush=True)


if __name__ == "__main__":
    main()
