"""``normalize``: article pages in, Article JSON out."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from .errors import ParseError
from .pipeline import parse, parse_text
from .serialize import to_dict

app = typer.Typer(add_completion=False, help=__doc__)


@app.command()
def normalize(
    path: Annotated[
        Path | None, typer.Argument(help="A page (HTML or text); stdin when absent or -.")
    ] = None,
    url: Annotated[str | None, typer.Option(help="The page's address.")] = None,
) -> None:
    """Parse one article page and print its Article as JSON."""
    data = sys.stdin.buffer.read() if path is None or str(path) == "-" else path.read_bytes()
    try:
        article = parse(data, url) if _looks_like_html(data) else parse_text(data, url)
    except ParseError as error:
        typer.echo(f"normalize: {error}", err=True)
        raise typer.Exit(1) from error
    typer.echo(json.dumps(to_dict(article), ensure_ascii=False, indent=2))


def _looks_like_html(data: bytes) -> bool:
    return b"<" in data[:4096] and any(
        tag in data[:65536].lower()
        for tag in (b"<html", b"<body", b"<p", b"<div", b"<!doctype", b"<head")
    )


def main() -> None:
    app()
