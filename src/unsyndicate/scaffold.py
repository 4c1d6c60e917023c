"""``normalize new-adapter``: the files a new publisher adapter starts from.

One call writes the adapter module (named, with its host and publisher, and empty field rules to
fill) and copies the saved page into ``tests/fixtures/<name>/``, where the snapshot test finds it.
"""

from __future__ import annotations

import keyword
import re
import shutil
from importlib.resources import files
from pathlib import Path
from string import Template

import attrs
from selectolax.lexbor import LexborHTMLParser

from .decode import decode
from .head import read_head
from .media import host_of

PAGE_SUFFIXES = (".html", ".htm", ".txt", ".md", ".gz")
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")
_HOST = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


class ScaffoldError(ValueError):
    """The adapter cannot be scaffolded as asked (bad name or host, files already there)."""


@attrs.frozen
class Scaffold:
    """What :func:`new_adapter` wrote, and what the contributor does next."""

    module: Path
    page: Path
    sidecar: Path | None
    snapshot: Path

    def next_steps(self, root: Path) -> str:
        module, page = self.module.relative_to(root), self.page.relative_to(root)
        test = f"pytest tests/test_snapshots.py -k {self.module.stem} --snapshot-update"
        steps = [
            f"1. Add a row for {page.relative_to('tests/fixtures')} to tests/fixtures/README.md"
            " saying where the page comes from.",
            f"2. Fill the rules in {module} (CONTRIBUTING.md shows how).",
            f"3. Run `{test}` and read {self.snapshot.relative_to(root)} against the page.",
        ]
        if self.sidecar is None:
            steps.insert(
                0,
                "0. No --url was given: the page selects this adapter only through a content"
                f" signature; add one to `signatures` in {module}, or write the page's address"
                f" into {page.parent / page.name.split('.')[0]}.url.",
            )
        return "\n".join(steps)


def find_project(start: Path) -> Path:
    """The unsyndicate checkout holding ``start`` (a folder with src/ and tests/fixtures/)."""
    for folder in (start, *start.parents):
        if (folder / "src/unsyndicate/adapters").is_dir() and (folder / "tests/fixtures").is_dir():
            return folder
    raise ScaffoldError(f"{start} is not inside an unsyndicate checkout (src/, tests/fixtures/)")


def new_adapter(
    root: Path,
    name: str,
    host: str,
    fixture: Path,
    url: str | None = None,
    publisher: str | None = None,
) -> Scaffold:
    """Write adapter ``name`` for ``host`` into the checkout at ``root``, with ``fixture`` as its
    first test page (copied byte for byte; ``url`` goes into the page's ``.url`` sidecar).

    ``publisher`` names the site; by default the page's own ``og:site_name``, else the host.
    Raises :class:`ScaffoldError` and writes nothing when the request cannot be met.
    """
    host = host.lower().removeprefix("www.")
    _check(root, name, host, fixture, url)
    data = fixture.read_bytes()
    folder = root / "tests/fixtures" / name
    page = folder / fixture.name
    module = root / "src/unsyndicate/adapters" / f"{name}.py"
    snapshot = root / "tests/snapshots/test_snapshots"
    snapshot /= f"test_fixture_page_snapshot[{name}-{fixture.name.split('.')[0]}].json"
    module.write_text(
        _module_text(name, host, publisher or _site_name(data, fixture) or host, page.name),
        encoding="utf-8",
    )
    folder.mkdir(parents=True)
    shutil.copyfile(fixture, page)
    sidecar = None
    if url:
        sidecar = folder / (page.name.split(".")[0] + ".url")
        sidecar.write_text(url + "\n", encoding="utf-8")
    return Scaffold(module, page, sidecar, snapshot)


def _check(root: Path, name: str, host: str, fixture: Path, url: str | None) -> None:
    if not _NAME.match(name) or keyword.iskeyword(name):
        raise ScaffoldError(f"adapter name {name!r}: use lower-case letters, digits and _")
    if not _HOST.match(host):
        raise ScaffoldError(f"host {host!r}: give a bare host name such as example.com")
    url_host = host_of(url)
    if url is not None and not (url_host == host or url_host.endswith("." + host)):
        raise ScaffoldError(f"--url {url} is not on {host}: the adapter would not be chosen")
    if not fixture.is_file():
        raise ScaffoldError(f"fixture {fixture}: no such file")
    if not fixture.name.endswith(PAGE_SUFFIXES):
        raise ScaffoldError(f"fixture {fixture.name}: a page ends in {', '.join(PAGE_SUFFIXES)}")
    if (root / "src/unsyndicate/adapters" / f"{name}.py").exists():
        raise ScaffoldError(f"adapter {name!r} already exists")
    if (root / "tests/fixtures" / name).exists():
        raise ScaffoldError(f"tests/fixtures/{name}/ already exists")


def _site_name(data: bytes, fixture: Path) -> str | None:
    """The site name the page declares (``og:site_name``, HTML pages only). Not the
    ``application-name``: some sites put the headline there."""
    if not fixture.name.endswith((".html", ".htm")):
        return None
    return read_head(LexborHTMLParser(decode(data))).first("og:site_name")


def _module_text(name: str, host: str, publisher: str, page: str) -> str:
    template = Template(files("unsyndicate").joinpath("templates/adapter.py.tmpl").read_text())
    return template.substitute(
        name=name,
        host=host,
        publisher=publisher,
        page=page,
        name_literal=_literal(name),
        host_literal=_literal(host),
        publisher_literal=_literal(publisher),
        site_literal=_literal(f"https://{host}/"),
    )


def _literal(text: str) -> str:
    """``text`` as a double-quoted Python string, the form ruff format keeps."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
