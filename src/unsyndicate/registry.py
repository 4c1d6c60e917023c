"""Finding adapters and choosing one for a page.

Adapters are discovered, never listed by hand: every module in :mod:`unsyndicate.adapters` that
defines ``ADAPTER``, then every ``unsyndicate.adapters`` entry point of installed packages. A
broken third-party adapter is reported in :attr:`Registry.problems` and skipped.

Precedence: an adapter named by the caller, then the URL's host (the most specific host claimed
wins: ``news.example.com`` over ``example.com``), then content signatures in registration order,
then the generic adapter. Two adapters claiming one host, or one name, is an error.

Plug-ins are loaded lazily: on the first parse (or listing), not when unsyndicate is imported.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable
from functools import cache
from importlib.metadata import entry_points

import attrs

from . import adapters as _builtin
from .adapter import GENERIC, Adapter
from .media import host_of

ENTRY_POINT_GROUP = "unsyndicate.adapters"


class RegistryError(ValueError):
    """Two adapters claim one name or one host."""


@attrs.frozen
class Registered:
    adapter: Adapter
    origin: str  # "builtin" or the distribution that provides it


@attrs.frozen
class Registry:
    entries: tuple[Registered, ...]
    problems: tuple[str, ...] = ()

    @classmethod
    def build(cls, entries: Iterable[Registered], problems: Iterable[str] = ()) -> Registry:
        """A registry of ``entries``; raises :class:`RegistryError` on a clash of names or hosts."""
        entries = tuple(entries)
        names: dict[str, str] = {}
        hosts: dict[str, str] = {}
        for entry in entries:
            adapter = entry.adapter
            if adapter.name in names:
                raise RegistryError(f"two adapters are named {adapter.name!r}")
            names[adapter.name] = adapter.name
            for host in adapter.hosts:
                if host in hosts:
                    raise RegistryError(
                        f"host {host!r} is claimed by both {hosts[host]!r} and {adapter.name!r}"
                    )
                hosts[host] = adapter.name
        return cls(entries, tuple(problems))

    @property
    def adapters(self) -> tuple[Adapter, ...]:
        return tuple(entry.adapter for entry in self.entries)

    def get(self, name: str) -> Adapter:
        for adapter in self.adapters:
            if adapter.name == name:
                return adapter
        known = ", ".join(sorted(a.name for a in self.adapters))
        raise KeyError(f"no adapter named {name!r} (known: {known})")

    def select(self, url: str | None, source: str | bytes) -> Adapter:
        host = host_of(url)
        if host and self.adapters:
            best = max(self.adapters, key=lambda adapter: adapter.host_claim(host))
            if best.host_claim(host):
                return best
        for adapter in self.adapters:
            if adapter.recognises(source):
                return adapter
        return self.get("generic") if any(a.name == "generic" for a in self.adapters) else GENERIC


@cache
def default_registry() -> Registry:
    """Built-in adapters and installed plug-ins, loaded once on first use."""
    return discover()


def discover() -> Registry:
    """Built-in adapters and the plug-ins installed now (not cached: see default_registry)."""
    entries: list[Registered] = []
    problems: list[str] = []
    for module_info in pkgutil.iter_modules(_builtin.__path__):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{_builtin.__name__}.{module_info.name}")
        adapter = getattr(module, "ADAPTER", None)
        if isinstance(adapter, Adapter):
            entries.append(Registered(adapter, "builtin"))
    for point in entry_points(group=ENTRY_POINT_GROUP):
        origin = point.dist.name if point.dist is not None else point.value
        try:
            adapter = point.load()
        except Exception as error:  # a plug-in's bug must not break parsing
            problems.append(f"{point.name} ({origin}): {type(error).__name__}: {error}")
            continue
        if not isinstance(adapter, Adapter):
            problems.append(f"{point.name} ({origin}): not an unsyndicate Adapter")
            continue
        try:
            Registry.build([*entries, Registered(adapter, origin)])
        except RegistryError as error:
            problems.append(f"{point.name} ({origin}): {error}")
            continue
        entries.append(Registered(adapter, origin))
    return Registry.build(entries, problems)
