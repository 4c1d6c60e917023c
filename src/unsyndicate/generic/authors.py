"""Author names as pages write them, cleaned: people first, else the one who signs.

A byline carries more than names: "By", roles, credentials ("MS, RD"), dates, e-mail addresses,
handles, the publication. What is left is people, each once. When no person signs the article,
the organisation, team or user name that does is its author ("Example Co", "Acme Editorial
Team", a forum user's handle), but never a bare word ("Staff", "Admin") or an address.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Sequence

from ..header import split_authors
from .wire import AGENCY_PATTERN, BY_WORDS, is_agency

_BY = re.compile(
    r"^\s*(?:(?:(?:written|posted|reported|words|text|story|photos?)\s+)?"
    rf"(?:{BY_WORDS})\s*:?\s+"
    # Chinese and Japanese: 記者 王小明, 文／山田太郎, 作者：李華.
    r"|(?:記者|记者|作者|著者|筆者|執筆者?|撰文|文)\s*[:：/／]\s*|(?:記者|记者)\s*)",
    re.IGNORECASE,
)
# A byline's label standing alone, the names on the next line: "Written by", "Autor", "作者".
_BYLINE_LABEL = re.compile(
    r"^(?:(?:written|posted|reported)\s+)?(?:by|von|par|por|door)\s*:?$"
    r"|^(?:authors?|autor(?:in)?|auteur|autore|auteurs|作者|著者|筆者|記者|记者)\s*[:：]?$",
    re.IGNORECASE,
)
# A byline line is short: a longer line starting "By" is a sentence.
_MAX_BYLINE_LINE = 80
# Korean writes the role after the name: "홍길동 기자".
_TRAILING_ROLE = re.compile(r"\s+(?:기자|특파원)$")
# A "name" with any of these is a role, a date, a desk or an address, not a person.
_NOT_A_PERSON = re.compile(
    r"\d|@|://|\b(?:staff|contributors?|follow|updated|published|posted|editors?|editorial|"
    r"news|team|desk|wire|reporter|correspondent|admin|administrator|guest|anonymous|"
    r"unknown|more|view|all posts|and others|edited|based|author|post|"
    r"director|manager|officer|head of|president|founder|ceo|cto|specialist|expert|"
    r"columnists?|writer|dietitian|consultant|analyst|strategist|coordinator)\b",
    re.IGNORECASE,
)
# Credentials after a name, each its own comma-separated part: "MS", "RD", "Ph.D.", "CEPF®".
_CREDENTIAL = re.compile(r"^(?:[A-Z][A-Za-z]?\.?){1,4}[A-Z]?\.?[®™]?$|^.{2,8}[®™]$")
# "The Commercial Appeal": a name with an article in front is a publication's.
_PUBLICATION = re.compile(r"^(?:the|la|le|les|el|il|der|die|das|de|het)\s", re.IGNORECASE)
# E-mail addresses and handles beside a name, in brackets or not: "Ann Lee (ann@x.org)",
# "Ann Lee @annlee". A match starts only where a run of address characters starts (linear).
_CONTACT = re.compile(r"\(?(?<![\w.+-])(?:[\w.+-]+@[\w-]+(?:\.[\w-]+)+|@\w+)\)?")
# A lone word that names nobody: these never sign an article.
_BARE = frozenset(
    (
        "staff", "admin", "administrator", "author", "editor", "editors", "team", "contributor",
        "contributors", "guest", "anonymous", "unknown", "post", "posts", "user", "member",
        "moderator", "by",
    )
)  # fmt: skip
# A user name: one word of letters, digits, "_", "." or "-", as forums and blogs show them.
_HANDLE = re.compile(r"^[^\W\d_][\w.-]{1,39}$")
_MAX_WORDS = 5
_MAX_SIGNATURE_WORDS = 6
_NON_LETTER = re.compile(r"[\W\d_]+")
# "Jill Lawless Associated Press": the agency after a reporter's name is their employer.
_TRAILING_AGENCY = re.compile(rf"\s+(?:{AGENCY_PATTERN})$", re.IGNORECASE)
# Bylines that also carry a date or a role: "By Ann Lee | March 3, 2019", "by ann » Sat".
_PARTS = re.compile(r"\s*[|•·»\n／｜]\s*|\s+[-–—]\s+")


def clean_authors(texts: Iterable[str], *sites: str | None) -> tuple[str, ...]:
    """The people named in ``texts`` (bylines or names), each once, in order.

    ``sites`` are the site's names and host: a name that is one of them is the publisher, not an
    author ("Al-Bawaba" on Al Bawaba, "Vortex" on vortexcannon.org).
    """
    keys = _keys(sites)
    found = [name for name in _names(texts) if _is_person(name) and not _is_site(name, keys)]
    return tuple(dict.fromkeys(found))


def signatures(texts: Iterable[str]) -> tuple[str, ...]:
    """Who signs ``texts`` when no person does: an organisation (the site itself included), a
    team or desk, a user's handle; never a bare "Staff" or "Admin", an address or a date."""
    found = [name for name in _names(texts) if _is_signature(name)]
    return tuple(dict.fromkeys(found))


def shown_bylines(lines: Sequence[str]) -> tuple[str, ...]:
    """The bylines among ``lines`` (those the page shows around its title): a short line
    starting "By", "Von", "記者"..., or the line after a label alone ("Written by", "Author")."""
    found = []
    for line, following in itertools.pairwise([*lines, ""]):
        if _BYLINE_LABEL.match(line):
            found.append(following)
        elif len(line) <= _MAX_BYLINE_LINE and _BY.match(line):
            found.append(line)
    return tuple(found)


def _names(texts: Iterable[str]) -> Iterator[str]:
    """Each name in the bylines, without "By", a trailing agency or the credentials after it."""
    for text in texts:
        for part in _PARTS.split(text):
            signed = _BY.match(part)
            part = " ".join(_CONTACT.sub(" ", part).split())
            for place, name in enumerate(split_authors(_BY.sub("", part))):
                name = _TRAILING_ROLE.sub("", _TRAILING_AGENCY.sub("", name))
                if name and not (place and _is_credential(name)):
                    yield name
            if signed:
                # "By Ann Lee | The Daily Example": what follows the names is the outlet.
                break


def _is_credential(text: str) -> bool:
    return all(_CREDENTIAL.match(word) for word in text.split())


def _keys(sites: Iterable[str | None]) -> list[str]:
    return [_key(site) for site in sites if site]


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
        and (len(name) > 2 or _is_cjk(name))
        and not name[0].islower()
        and not _NOT_A_PERSON.search(name)
        and not _PUBLICATION.match(name)
        and not is_agency(name)
    )


def _is_cjk(name: str) -> bool:
    """Whether a name is written in Chinese or Japanese characters or in Hangul (two
    characters make a full name there)."""
    return "\u3040" <= name[0] <= "\u9fff" or "\uac00" <= name[0] <= "\ud7af"


def _is_signature(name: str) -> bool:
    """A news agency signing is the original publication (see provenance.py), not an author."""
    words = name.split()
    if is_agency(name):
        return False
    if len(words) == 1:
        return name.casefold() not in _BARE and bool(_HANDLE.match(name))
    return (
        len(words) <= _MAX_SIGNATURE_WORDS
        and not any(mark in name for mark in ("@", "://", ":"))
        and not any(character.isdigit() for character in name)
    )
