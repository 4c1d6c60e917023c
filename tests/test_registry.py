"""The registry: precedence, clashes, third-party plug-ins through entry points, and the rule
that every built-in adapter comes with a fixture page and its snapshot."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import unsyndicate
from conftest import FIXTURES, SNAPSHOTS, fixture_pages
from unsyndicate.adapter import GENERIC, Adapter, pattern
from unsyndicate.model import Publisher
from unsyndicate.registry import Registered, Registry, RegistryError, default_registry, discover

SITE = Adapter(name="site", hosts=("site.example",))
NEWS = Adapter(name="news", hosts=("news.site.example",))
SIGNED = Adapter(name="signed", signatures=(pattern(r"<meta name=\"generator\" content=\"Signed"),))
PAGE = '<html><head><meta name="generator" content="Signed CMS"></head><body><p>Text.</p></body>'


def registry(*adapters: Adapter) -> Registry:
    return Registry.build(Registered(adapter, "builtin") for adapter in (*adapters, GENERIC))


def test_url_host_beats_content_signature() -> None:
    assert registry(SIGNED, SITE).select("https://www.site.example/a", PAGE) is SITE


@pytest.mark.parametrize("name", ["msn", "yahoo"])
def test_real_pages_without_their_address_are_known_by_signature(name: str) -> None:
    page = FIXTURES / name / f"{name}.com.html"
    assert unsyndicate.parse(page.read_bytes()).adapter == name


def test_content_signature_beats_generic() -> None:
    assert registry(SITE, SIGNED).select(None, PAGE) is SIGNED
    assert registry(SITE, SIGNED).select("https://elsewhere.example/", PAGE) is SIGNED


def test_generic_when_nothing_claims_the_page() -> None:
    assert registry(SITE, SIGNED).select("https://elsewhere.example/", "<p>Text</p>") is GENERIC


def test_most_specific_host_wins_whatever_the_order() -> None:
    for adapters in ((SITE, NEWS), (NEWS, SITE)):
        chosen = registry(*adapters)
        assert chosen.select("https://news.site.example/a", "") is NEWS
        assert chosen.select("https://live.news.site.example/a", "") is NEWS
        assert chosen.select("https://site.example/a", "") is SITE
        assert chosen.select("https://notsite.example/a", "") is GENERIC


def test_adapter_named_by_the_caller_beats_everything() -> None:
    article = unsyndicate.parse(
        PAGE, "https://site.example/a", adapter="signed", registry=registry(SITE, SIGNED)
    )
    assert article.adapter == "signed"


def test_two_adapters_claiming_one_host_is_an_error() -> None:
    with pytest.raises(RegistryError, match=r"site\.example"):
        registry(SITE, Adapter(name="copy", hosts=("site.example",)))


def test_two_adapters_with_one_name_is_an_error() -> None:
    with pytest.raises(RegistryError, match="site"):
        registry(SITE, Adapter(name="site", hosts=("other.example",)))


# A third-party distribution, installed the way pip leaves one: a module and a dist-info folder
# whose entry_points.txt names adapters in the unsyndicate.adapters group.
PLUGIN_MODULE = """
from unsyndicate.adapter import Adapter
from unsyndicate.model import Publisher

ADAPTER = Adapter(
    name="plug",
    hosts=("plug.example",),
    publisher=Publisher("Plug News", "https://plug.example/"),
    fields={"title": ("h2.headline",)},
)
CLASH = Adapter(name="plugclash", hosts=("msn.com",))
NOT_AN_ADAPTER = "plug"
"""
ENTRY_POINTS = """[unsyndicate.adapters]
plug = plugmod:ADAPTER
broken = brokenmod:ADAPTER
clash = plugmod:CLASH
notone = plugmod:NOT_AN_ADAPTER
"""


@pytest.fixture
def plugin_path(tmp_path: Path) -> Path:
    (tmp_path / "plugmod.py").write_text(PLUGIN_MODULE, encoding="utf-8")
    (tmp_path / "brokenmod.py").write_text("raise RuntimeError('plug-in bug')\n", encoding="utf-8")
    info = tmp_path / "unsyndicate_test_plugin-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: unsyndicate-test-plugin\nVersion: 1.0\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(ENTRY_POINTS, encoding="utf-8")
    return tmp_path


@pytest.fixture
def plugged(plugin_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Registry]:
    monkeypatch.syspath_prepend(str(plugin_path))
    yield discover()
    for name in ("plugmod", "brokenmod"):
        sys.modules.pop(name, None)


def test_plugin_adapter_is_registered_with_its_origin(plugged: Registry) -> None:
    origins = {entry.adapter.name: entry.origin for entry in plugged.entries}
    assert origins["plug"] == "unsyndicate-test-plugin"
    assert origins["msn"] == "builtin"


def test_plugin_adapter_parses_its_pages(plugged: Registry) -> None:
    page = "<html><body><h2 class=headline>Plugged in</h2><p>The story.</p></body></html>"
    article = unsyndicate.parse(page, "https://www.plug.example/story", registry=plugged)
    assert (article.adapter, article.title) == ("plug", "Plugged in")
    assert article.publisher == Publisher("Plug News", "https://plug.example/")


def test_broken_plugins_are_reported_and_skipped(plugged: Registry) -> None:
    names = {adapter.name for adapter in plugged.adapters}
    assert "plugclash" not in names
    problems = "\n".join(plugged.problems)
    assert re.search(
        r"^broken \(unsyndicate-test-plugin\): RuntimeError: plug-in bug$", problems, re.M
    )
    assert re.search(
        r"^clash \(unsyndicate-test-plugin\): host 'msn.com' is claimed", problems, re.M
    )
    assert "notone (unsyndicate-test-plugin): not an unsyndicate Adapter" in problems
    # The built-in adapter keeps the host the broken plug-in tried to take.
    assert plugged.select("https://www.msn.com/a", "").name == "msn"


def run_with_plugin(
    plugin_path: Path, code: str, *arguments: str
) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(plugin_path)}
    return subprocess.run(
        [sys.executable, "-c", code, *arguments],
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_plugins_load_on_first_use_not_on_import(plugin_path: Path) -> None:
    code = (
        "import sys, unsyndicate\n"
        "print('plugmod' in sys.modules)\n"
        "article = unsyndicate.parse('<h2 class=headline>T</h2><p>x</p>', 'https://plug.example/')\n"
        "print('plugmod' in sys.modules, article.adapter)\n"
    )
    done = run_with_plugin(plugin_path, code)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:2] == ["False", "True plug"]


def test_normalize_adapters_lists_plugins_and_reports_broken_ones(plugin_path: Path) -> None:
    done = run_with_plugin(plugin_path, "from unsyndicate.cli import main; main()", "adapters")
    assert done.returncode == 0, done.stderr
    assert "plug (unsyndicate-test-plugin)" in done.stdout
    assert "msn (builtin)" in done.stdout
    assert "broken (unsyndicate-test-plugin): RuntimeError: plug-in bug" in done.stderr


# Every built-in adapter is proved by at least one real or written page and its snapshot. The
# generic adapter is the fallback for pages nobody claims; the generic extractor's own tests
# cover it.
BUILTIN = [
    entry.adapter.name
    for entry in default_registry().entries
    if entry.origin == "builtin" and entry.adapter is not GENERIC
]


@pytest.mark.parametrize("name", BUILTIN)
def test_every_adapter_has_a_fixture_and_a_snapshot(name: str) -> None:
    pages = [page for page in fixture_pages() if page.parent.name == name]
    assert pages, f"tests/fixtures/{name}/ holds no page"
    for page in pages:
        snapshot = SNAPSHOTS / "test_snapshots"
        snapshot /= f"test_fixture_page_snapshot[{name}-{page.name.split('.')[0]}].json"
        assert snapshot.exists(), f"{page.name} has no snapshot"
        assert json.loads(snapshot.read_text(encoding="utf-8"))["adapter"] == name


def test_every_fixture_page_has_its_origin_noted() -> None:
    listed = (FIXTURES / "README.md").read_text(encoding="utf-8")
    for page in fixture_pages():
        row = f"| {page.parent.name}/{page.name} |"
        assert row in listed, f"{row} is missing from tests/fixtures/README.md"
