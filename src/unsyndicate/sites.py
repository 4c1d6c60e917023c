"""Whether two names or addresses are one publisher: the same site under another suffix or
subdomain (``businessinsider.com`` and ``businessinsider.de``, ``m.economictimes.com``), or a
host that spells the site's name (``livescience.com`` for "Live Science").

No list of public suffixes is shipped: a host's site name is its label before the suffix, the
suffix being the last label and the generic second-level labels before it (``co.uk``,
``com.br``, ``sc.gov.br``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .media import host_of

# Second-level labels that are part of a country's suffix, not a site's name.
_GENERIC_LABELS = frozenset(
    [
        "co",
        "com",
        "org",
        "net",
        "gov",
        "edu",
        "ac",
        "ne",
        "or",
        "go",
        "gob",
        "gouv",
        "nic",
        "mil",
        "ltd",
        "plc",
        "sch",
        "nom",
        "info",
        "biz",
        "web",
    ]
)
# A site's name that starts another's host label is the same site ("os-system" and
# "os-system-com-blog") only when this long: short names start too many words.
_MIN_PREFIX = 6
_NOT_LETTER = re.compile(r"[\W_]+")
# A host written as a name ("Sportsnet.ca", "livescience.com").
_HOST_NAME = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")


def site_label(host: str) -> str:
    """The label of ``host`` that names its site: ``bbc`` for ``news.bbc.co.uk``."""
    labels = host.casefold().removeprefix("www.").split(".")
    if len(labels) < 2:
        return labels[0]
    labels.pop()
    suffix_label = False
    while len(labels) > 1 and labels[-1] in _GENERIC_LABELS:
        labels.pop()
        suffix_label = True
    # A region before a generic label is the suffix's too ("sc" in "sc.gov.br").
    if suffix_label and len(labels) > 1 and len(labels[-1]) == 2:
        labels.pop()
    return labels[-1]


def site_keys(name: str | None = None, url: str | None = None) -> set[str]:
    """What names a publisher: its name and its address's site label, as letters and digits."""
    keys: set[str] = set()
    if name:
        name = name.strip()
        keys.add(_key(site_label(name) if _HOST_NAME.match(name) else name))
    host = host_of(url)
    if host:
        keys.add(_key(site_label(host)))
    return keys - {""}


def host_keys(url: str | None) -> set[str]:
    """What names the site of an address: its site label, and any other label of its host long
    enough to be a name, not a word like "news" or "m" (``economictimes.indiatimes.com``)."""
    host = host_of(url)
    if not host:
        return set()
    labels = host.casefold().removeprefix("www.").split(".")[:-1]
    names = {label for label in labels if len(label) >= _MIN_PREFIX} - _GENERIC_LABELS
    return {_key(label) for label in (site_label(host), *names)} - {""}


def same_publisher(first: Iterable[str], second: Iterable[str]) -> bool:
    """Whether two sets of keys (from :func:`site_keys` or :func:`host_keys`) name one site."""
    seconds = set(second)
    return any(_matches(key, other) for key in first for other in seconds)


def _matches(key: str, other: str) -> bool:
    if key == other:
        return True
    shorter, longer = sorted((key, other), key=len)
    return len(shorter) >= _MIN_PREFIX and longer.startswith(shorter)


def _key(text: str) -> str:
    return _NOT_LETTER.sub("", text.casefold())
