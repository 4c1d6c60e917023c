"""``normalize``: article pages in, clean Articles out.

Reads files, directories (recursively), globs or stdin; HTML or text is detected per input.
"""

from __future__ import annotations

import json
import os
import signal
import sys
from collections.abc import Generator, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Annotated, Any, BinaryIO

import attrs
import typer
import typer.core

# Newer typer releases carry their own copy of click: subclasses must use its classes.
try:
    from typer._click import ClickException, Context, HelpFormatter
    from typer._click.exceptions import UsageError
except ImportError:  # pragma: no cover (typer before the copy)
    from click import ClickException, Context, HelpFormatter, UsageError  # type: ignore[assignment]

from . import __version__
from .adapter import as_written
from .clean import clean as clean_text
from .corpus.batch import run_ordered
from .corpus.convert import FORMATS, INPUT_FORMATS, Options, Outcome, convert, on_failure
from .corpus.inputs import (
    MissingInput,
    Skipped,
    Total,
    check_arguments,
    count_inputs,
    expand_inputs,
    names_one_input,
    parse_size,
    read_input,
)
from .corpus.outputs import SUFFIXES, DirectorySink, FileSink, Sink, StreamSink
from .corpus.progress import Progress
from .corpus.trace_inputs import on_failure as trace_failure
from .corpus.trace_inputs import sketch_work, work_items
from .decode import decode
from .registry import default_registry
from .render import FIELDS, to_json
from .scaffold import ScaffoldError, find_project
from .scaffold import new_adapter as scaffold
from .schema import article_schema, trace_schema
from .serialize import unstructure
from .trace import Tracer

_DEFAULT_COMMAND = "parse"
# Failed inputs named on stderr at the end of a run; the rest are counted.
_FAILURES_NAMED = 5
_EXIT_CODES = """\b
Exit codes:
  0  every input gave an Article
  1  some inputs failed (each has an error record in jsonl, a line on stderr otherwise)
  2  usage error: a missing file, a bad option"""

_TRACE_EXIT_CODES = """\b
Exit codes:
  0  every input was read
  1  some pages or records could not be read (a line on stderr for each)
  2  usage error: a missing file, a bad option"""


class UsageFailure(ClickException):
    """A usage error, shown as one line on stderr; exit code 2."""

    exit_code = 2

    def show(self, file: Any = None) -> None:
        typer.echo(f"normalize: {self.format_message()}", err=True)


class _Commands(typer.core.TyperGroup):
    """``normalize ARGS`` runs ``normalize parse ARGS`` unless ARGS start with a command name."""

    def parse_args(self, ctx: Context, args: list[str]) -> list[str]:
        if not args or args[0] not in self.commands:
            args = [_DEFAULT_COMMAND, *args]
        return super().parse_args(ctx, args)

    def invoke(self, ctx: Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            where = _where(error.ctx) if error.ctx else "normalize"
            raise UsageFailure(f"{error.format_message()} (see {where} --help)") from error


def _where(ctx: Context) -> str:
    """The command as typed: ``normalize`` for the default command, which is never named."""
    default = ctx.parent is not None and ctx.info_name == _DEFAULT_COMMAND
    return ctx.parent.command_path if default and ctx.parent else ctx.command_path


class _Command(typer.core.TyperCommand):
    """A command whose help shows its arguments by name (``INPUT...``), not by Python type."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return ["[OPTIONS]", *(name for name, _ in self._arguments(ctx))]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        rows = [
            record
            for param in self.get_params(ctx)
            if param.param_type_name != "argument" and (record := param.get_help_record(ctx))
        ]
        for title, section in (("Arguments", self._arguments(ctx)), ("Options", rows)):
            if section:
                with formatter.section(title):
                    formatter.write_dl(section)

    def _arguments(self, ctx: Context) -> list[tuple[str, str]]:
        """(``NAME`` or ``NAME...``, help) for each argument."""
        return [
            (
                f"{param.metavar or (param.name or '').upper()}{'...' * (param.nargs != 1)}",
                getattr(param, "help", None) or "",
            )
            for param in self.get_params(ctx)
            if param.param_type_name == "argument"
        ]


class _ParseCommand(_Command):
    """The default command: its help is ``normalize --help`` and lists the other commands."""

    def format_usage(self, ctx: Context, formatter: HelpFormatter) -> None:
        formatter.write_usage(_where(ctx), " ".join(self.collect_usage_pieces(ctx)))

    def format_epilog(self, ctx: Context, formatter: HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        group = ctx.parent.command if ctx.parent else None
        if isinstance(group, typer.core.TyperGroup):
            rows = [
                (name, _first_paragraph(command.help))
                for name, command in group.commands.items()
                if name != _DEFAULT_COMMAND
            ]
            with formatter.section("Other commands (normalize COMMAND --help)"):
                formatter.write_dl(rows)


def _first_paragraph(text: str | None) -> str:
    return " ".join((text or "").split("\n\n", 1)[0].split())


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"normalize {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=_Commands,
    help=__doc__,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


# The number of worker processes, asked the same way by every command that runs them.
_Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        help="Worker processes [default: the number of cores].",
        show_default=False,
        metavar="N",
    ),
]


@app.command(_DEFAULT_COMMAND, cls=_ParseCommand, epilog=_EXIT_CODES)
def parse_command(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help=(
                "Files, directories, globs; - or nothing for stdin. Directories are read"
                " recursively for .html .htm .xhtml .shtml .txt .text .md files, gzipped or not."
            ),
            show_default=False,
            metavar="INPUT",
        ),
    ] = None,
    url: Annotated[
        str | None,
        typer.Option(
            help="The page's address (one input only).", show_default=False, metavar="URL"
        ),
    ] = None,
    output_format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            help=(
                "json (pretty; default for one file or stdin), jsonl (default for a directory,"
                " a glob, a web archive or several inputs), text, markdown (several inputs:"
                " each after a ==> path <== line)."
            ),
            show_default=False,
            metavar="FORMAT",
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help=(
                "Write to FILE (its suffix .json .jsonl .txt .md sets the default format),"
                " or to DIR/ (one file per input, named after it)."
            ),
            show_default=False,
            metavar="FILE|DIR/",
        ),
    ] = None,
    fields: Annotated[
        str | None,
        typer.Option(
            help="Keep only these Article keys, comma-separated.",
            show_default=False,
            metavar="KEY,...",
        ),
    ] = None,
    notices: Annotated[
        bool, typer.Option("--notices/--no-notices", help="Keep the publisher notices.")
    ] = True,
    adapter: Annotated[
        str | None,
        typer.Option(
            help="Force an adapter (see: normalize adapters).", show_default=False, metavar="NAME"
        ),
    ] = None,
    input_format: Annotated[
        str, typer.Option(help="auto, html or text: how to read the inputs.", metavar="FORMAT")
    ] = "auto",
    jobs: _Jobs = None,
    timeout: Annotated[
        float,
        typer.Option(help="Give up on an input after SECONDS; 0 for no limit.", metavar="SECONDS"),
    ] = 120,
    max_size: Annotated[
        str,
        typer.Option(
            help="Refuse inputs larger than this (after gzip): 50M, 512k...", metavar="SIZE"
        ),
    ] = "50M",
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first input that fails.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no summary.")
    ] = False,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Parse article pages into Articles.

    `curl -s URL | normalize --url URL`; `normalize pages/ > articles.jsonl`;
    `normalize dump.txt --format text | wc -w`. Pages may be gzipped.
    """
    arguments = _arguments(inputs)
    limit = _checked_size(max_size)
    _check_choice("--format", output_format, FORMATS)
    _check_choice("--input-format", input_format, INPUT_FORMATS)
    kept = _checked_fields(fields)
    if jobs is not None and jobs < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--jobs")
    if timeout < 0:
        raise typer.BadParameter("must be 0 (no limit) or more seconds", param_hint="--timeout")
    if adapter is not None:
        _check_adapter(adapter)
    many = not names_one_input(arguments)
    if many and url is not None:
        raise typer.BadParameter("applies to a single input", param_hint="--url")
    show_progress = many and not quiet and sys.stderr.isatty()
    total = count_inputs(arguments) if show_progress else Total(None, 0)
    progress = Progress(enabled=show_progress, total=total.inputs, size=total.archive_bytes or None)
    note = None if quiet else partial(_note, progress=progress)
    skipped = Skipped()
    stdin = typer.get_binary_stream("stdin")
    items = expand_inputs(arguments, stdin, limit, note, skipped, progress.read)
    to_directory = output is not None and (output.endswith(os.sep) or os.path.isdir(output))
    chosen = output_format or _format_of(output, to_directory) or ("jsonl" if many else "json")
    if kept and chosen not in ("json", "jsonl"):
        raise typer.BadParameter("applies to the json and jsonl formats", param_hint="--fields")
    options = Options(
        format=chosen,
        records=chosen == "jsonl" or (chosen == "json" and many and not to_directory),
        fields=kept,
        notices=notices,
        adapter=adapter,
        input_format=input_format,
        max_size=limit,
        url=url,
    )
    sink = _sink(output, to_directory, options, headers=many)
    outcomes = run_ordered(
        partial(convert, options=options),
        items,
        partial(on_failure, options),
        jobs=jobs or _cores(),
        timeout=timeout or None,
    )
    with _terminate_cleanly():
        failures = _drain(outcomes, sink, options, fail_fast=fail_fast, progress=progress)
    if show_progress:  # the bar has cleared: what it showed, in one line
        _note(
            f"{progress.done} {_inputs(progress.done)}, {failures.count} failed,"
            f" {skipped.files} skipped, {progress.elapsed:.1f} s"
        )
    if failures.count and many and not quiet:
        _note(failures.line())
    if skipped.files and not quiet:
        files = "1 file" if skipped.files == 1 else f"{skipped.files} files"
        _note(f"{files} skipped: not a page suffix; name them to read them anyway")
    raise typer.Exit(1 if failures.count else 0)


@attrs.define
class _Failures:
    """How many inputs failed, and the first few of them, to name on stderr."""

    count: int = 0
    first: list[str] = attrs.Factory(list)

    def add(self, name: str) -> None:
        self.count += 1
        if len(self.first) < _FAILURES_NAMED:
            self.first.append(name)

    def line(self) -> str:
        """``3 inputs failed: a.html, b.html, c.html`` (``and 2 more`` past the first few)."""
        more = self.count - len(self.first)
        named = ", ".join(self.first) + (f" and {more} more" if more else "")
        return f"{self.count} {_inputs(self.count)} failed: {named}"


def _inputs(count: int) -> str:
    return "input" if count == 1 else "inputs"


def _drain(
    outcomes: Generator[Outcome, None, None],
    sink: Sink,
    options: Options,
    *,
    fail_fast: bool,
    progress: Progress,
) -> _Failures:
    """Write every outcome in order; return the inputs that failed."""
    failures = _Failures()
    committed = False
    try:
        with progress as bar:
            for outcome in outcomes:
                problem = sink.write(outcome)
                error = outcome.error or problem
                if error:
                    failures.add(outcome.item.label)
                    if problem or not options.records:
                        typer.echo(f"normalize: {outcome.item.path}: {error}", err=True)
                bar.advance(failed=bool(error))
                if error and fail_fast:
                    break
        committed = True
    finally:
        outcomes.close()  # stops the workers now, not when garbage collected
        sink.close(commit=committed)
    return failures


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM unwinds like Ctrl-C, so workers stop and no temporary file is left behind."""

    def terminate(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _format_of(output: str | None, to_directory: bool) -> str | None:
    """The format an output file's name asks for (``articles.jsonl``); json for a directory."""
    if to_directory:
        return "json"
    suffix = Path(output).suffix.lower() if output else ""
    return next((name for name, own in SUFFIXES.items() if own == suffix), None)


def _note(line: str, progress: Progress | None = None) -> None:
    """A line on stderr; on its own line, above a progress bar being drawn."""
    if progress is None:
        typer.echo(f"normalize: {line}", err=True)
    else:
        progress.note(f"normalize: {line}")


def _sink(output: str | None, to_directory: bool, options: Options, *, headers: bool) -> Sink:
    """Where the outputs go; ``headers`` puts a ``==> path <==`` line before each text or
    markdown output written to one stream."""
    array = options.format == "json" and options.records
    headers = headers and options.format in ("text", "markdown")
    if output is None or output == "-":
        stdout = typer.get_binary_stream("stdout")
        return StreamSink(stdout, options.format, array=array, headers=headers)
    try:
        if to_directory:
            return DirectorySink(Path(output), options.format)
        return FileSink(Path(output), options.format, array=array, headers=headers)
    except OSError as error:
        raise UsageFailure(f"cannot write to {output}: {error.strerror or error}") from error


def _arguments(inputs: list[str] | None) -> list[str]:
    """The input arguments, each checked to name something; none means stdin."""
    if not inputs and sys.stdin.isatty():
        raise UsageFailure("no input: name files or directories, or pipe a page in")
    try:
        check_arguments(inputs or [])
    except MissingInput as error:
        raise UsageFailure(str(error)) from error
    return inputs or []


def _checked_size(text: str) -> int:
    try:
        return parse_size(text)
    except (ValueError, KeyError) as error:
        raise typer.BadParameter(f"not a size: {text!r}", param_hint="--max-size") from error


def _check_choice(option: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise typer.BadParameter(f"{value!r} is not one of {', '.join(choices)}", param_hint=option)


def _checked_fields(fields: str | None) -> tuple[str, ...]:
    if fields is None:
        return ()
    names = tuple(name.strip() for name in fields.split(",") if name.strip())
    unknown = [name for name in names if name not in FIELDS]
    if unknown or not names:
        raise typer.BadParameter(
            f"unknown field {', '.join(unknown) or '(none given)'}; known: {', '.join(FIELDS)}",
            param_hint="--fields",
        )
    return names


def _check_adapter(name: str) -> None:
    try:
        default_registry().get(name)
    except KeyError as error:
        raise typer.BadParameter(str(error.args[0]), param_hint="--adapter") from error


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on every platform
        return os.cpu_count() or 1


@app.command(cls=_Command)
def adapters(
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per adapter.")] = False,
) -> None:
    """List the adapters, with the hosts and page signatures each recognises."""
    registry = default_registry()
    for entry in registry.entries:
        adapter = entry.adapter
        signatures = [as_written(signature) for signature in adapter.signatures]
        if as_json:
            described = {
                "name": adapter.name,
                "origin": entry.origin,
                "hosts": list(adapter.hosts),
                "signatures": signatures,
            }
            typer.echo(json.dumps(described, ensure_ascii=False))
            continue
        typer.echo(f"{adapter.name} ({entry.origin})")
        typer.echo(f"  hosts:      {', '.join(adapter.hosts) or '-'}")
        for position, signature in enumerate(signatures or ["-"]):
            typer.echo(f"  {'signature: ' if position == 0 else ' ' * 11} {signature}")
    for problem in registry.problems:
        typer.echo(f"normalize: a plug-in adapter could not be loaded: {problem}", err=True)


@app.command(cls=_Command)
def clean(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Text files (gzip allowed); - or nothing for stdin.",
            show_default=False,
            metavar="INPUT",
        ),
    ] = None,
    max_size: Annotated[
        str, typer.Option(help="Refuse inputs larger than this.", metavar="SIZE")
    ] = "50M",
) -> None:
    """Repair and tidy text (mojibake, entities, odd spaces) with clean()."""
    arguments = _arguments(inputs)
    limit = _checked_size(max_size)
    stdout = typer.get_binary_stream("stdout")
    failures = 0
    for item in expand_inputs(arguments, typer.get_binary_stream("stdin"), limit):
        try:
            text = clean_text(decode(read_input(item, limit)))
        except (OSError, EOFError, ValueError) as error:
            typer.echo(f"normalize: {item.path}: {type(error).__name__}: {error}", err=True)
            failures += 1
            continue
        _write_line(stdout, text)
    raise typer.Exit(1 if failures else 0)


@app.command("new-adapter", cls=_Command)
def new_adapter(
    name: Annotated[
        str, typer.Argument(help="The adapter's name: lower case, digits, _.", metavar="NAME")
    ],
    host: Annotated[str, typer.Option(help="The site's host, e.g. example.com.", metavar="HOST")],
    fixture: Annotated[
        Path, typer.Option(help="A page saved from the site, the first fixture.", metavar="PAGE")
    ],
    url: Annotated[
        str | None, typer.Option(help="The address the page was saved from.", metavar="URL")
    ] = None,
    publisher: Annotated[
        str | None,
        typer.Option(help="The site's name (default: the page's og:site_name).", metavar="NAME"),
    ] = None,
) -> None:
    """Scaffold a publisher adapter and its first fixture (see CONTRIBUTING.md)."""
    try:
        root = find_project(Path.cwd())
        made = scaffold(root, name, host, fixture, url, publisher)
    except ScaffoldError as error:
        raise UsageFailure(str(error)) from error
    for path in (made.module, made.page, made.sidecar):
        if path is not None:
            typer.echo(f"wrote {path.relative_to(root)}")
    typer.echo(made.next_steps(root))


@app.command(cls=_Command)
def schema(
    trace: Annotated[
        bool, typer.Option("--trace", help="The schema of `normalize trace` records instead.")
    ] = False,
) -> None:
    """Print the JSON Schema that every Article record follows."""
    chosen = trace_schema() if trace else article_schema()
    typer.echo(json.dumps(chosen, ensure_ascii=False, indent=2))


@app.command(cls=_Command, epilog=_TRACE_EXIT_CODES)
def trace(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help=(
                "Article JSON lines as normalize writes them (files, gzipped or not, or - for"
                " stdin), or pages, directories, globs and archives, parsed on the way."
            ),
            show_default=False,
            metavar="INPUT",
        ),
    ] = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Print pages in no group too, as groups of one.")
    ] = False,
    jobs: _Jobs = None,
    timeout: Annotated[
        float,
        typer.Option(help="Give up on a page after SECONDS; 0 for no limit.", metavar="SECONDS"),
    ] = 120,
    max_size: Annotated[
        str, typer.Option(help="Refuse pages and lines larger than this.", metavar="SIZE")
    ] = "50M",
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary.")] = False,
) -> None:
    """Group the pages that carry one article: its source, its copies and excerpts.

    One JSON line per group of two or more pages: `normalize pages/ | normalize trace -`.
    """
    arguments = _arguments(inputs)
    limit = _checked_size(max_size)
    if jobs is not None and jobs < 1:
        raise typer.BadParameter("must be at least 1", param_hint="--jobs")
    items = work_items(arguments, typer.get_binary_stream("stdin"), limit, None if quiet else _note)
    if timeout < 0:
        raise typer.BadParameter("must be 0 (no limit) or more seconds", param_hint="--timeout")
    results = run_ordered(
        partial(sketch_work, max_size=limit),
        items,
        trace_failure,
        jobs=jobs or _cores(),
        timeout=timeout or None,
    )
    failures = _Failures()
    stdout = typer.get_binary_stream("stdout")
    with _terminate_cleanly(), Tracer() as tracer:
        for result in results:
            for problem in result.problems:
                typer.echo(f"normalize: {problem}", err=True)
                failures.add(problem.where)
            for sketch in result.sketches:
                tracer.add(sketch)
        for group in tracer.groups(include_single=include_all):
            _write_line(stdout, to_json(unstructure(group), pretty=False))
    if failures.count and not quiet:
        _note(failures.line())
    raise typer.Exit(1 if failures.count else 0)


def _write_line(stream: BinaryIO, text: str) -> None:
    stream.write(text.encode() + b"\n")
    stream.flush()


def main() -> None:
    app(prog_name="normalize")
