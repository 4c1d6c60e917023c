"""Author names as pages write them, cleaned to people: no "By", no roles, no desks or sites."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..header import split_authors
from .wire import AGENCY_PATTERN, is_agency

_BY = re.compile(
    r"^\s*(?:(?:written|posted|reported|words|text|story|photos?)\s+)?"
    r"(?:by|par|von|por|di|door|av|af|przez)\s*:?\s+",
    re.IGNORECASE,
)
# A "name" with any of these is a role, a date, a desk or an address, not a person.
_NOT_A_PERSON = re.compile(
    r"\d|@|://|\b(?:staff|contributors?|follow|updated|published|posted|editors?|editorial|"
    r"news|team|desk|wire|reporter|correspondent|admin|administrator|guest|anonymous|"
    r"unknown|more|view|all posts|and others|edited|based)\b",
    re.IGNORECASE,
)
_MAX_WORDS = 5
_NON_LETTER = re.compile(r"[\W\d_]+")
# "Jill Lawless Associated Press": the agency after a reporter's name is their employer.
_TRAILING_AGENCY = re.compile(rf"\s+(?:{AGENCY_PATTERN})$", re.IGNORECASE)
# Bylines that also carry a date or a role: "By Ann Lee | March 3, 2019".
_PARTS = re.compile(r"\s*[|•·\n]\s*|\s+[-–—]\s+")


def clean_authors(texts: Iterable[str], *sites: str | None) -> tuple[str, ...]:
    """The people named in ``texts`` (bylines or names), each once, in order.

    ``sites`` are the site's names and host: a name that is one of them is the publisher, not an
    author ("Al-Bawaba" on Al Bawaba, "Vortex" on vortexcannon.org).
    """
    keys = [_key(site) for site in sites if site]
    found: list[str] = []
    for text in texts:
        for part in _PARTS.split(text):
            for name in split_authors(_BY.sub("", " ".join(part.split()))):
                name = _TRAILING_AGENCY.sub("", name)
                if _is_person(name) and not _is_site(name, keys):
                    found.append(name)
    return tuple(dict.fromkeys(found))


def _key(text: str) -> str:
    return _NON_LETTER.sub("", text.casefold())


def _is_site(name: str, keys: list[str]) -> bool:
    key = _key(name)
    one_word = " " not in name
    return any(key == site or (one_word and key in site) for site in keys)


def _is_person(name: str) -> bool:
    words = name.split()
    return (
        0 < len(words) <= _MAX_WORDS
        and len(name) > 2
        and not name[0].islower()
        and not _NOT_A_PERSON.search(name)
        and not is_agency(name)
    )
