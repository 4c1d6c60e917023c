"""Credit lines that say an article was first published elsewhere, in the languages pages write
them in: "This post originally appeared on X", "The post T appeared first on X", "Republished
from X under a Creative Commons licence", "Excerpted from the book T by A", "zuerst erschienen
bei X", "publié initialement sur X", "Xより転載". One table: each line is a reprint notice
(notices.py) and names the original (provenance.py).

A site's note about its own earlier edition ("originally published in March 2022", "erstmals
erschienen am 3. März 2022") names a date, not a publication, and a forum's "Originally posted
by NAME" quotes a member: neither is a credit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from ..dates import MONTH_PATTERN, parse_date
from ..literal import fold_case, required_text
from .wire import AGENCY_PATTERN, agency

# The name a credit gives runs to the end of its clause: a comma, a semicolon, a bracket, a
# full stop that ends a sentence (not the dots of "www.example.com"), " on DATE", or the end.
_NAME = r"[“\"'‘]?(?P<name>[^\n,;(“”\"]+?)[”\"'’]?"
_END = (
    r"(?:\s+(?:on|am|le|el|il)\s+(?P<date>[^\n;(]{4,40}?(?:19|20)\d\d))?"
    r"\s*(?:[,;(|]|[.。!](?!\w)|\s[—–-]\s|$)"
)
# What a piece calls itself in a credit line ("This essay ...", "Dieser Beitrag ...").
_PIECE = (
    r"(?:article|story|piece|post|blog post|essay|column|interview|report|op-ed|commentary|"
    r"text|artikel|beitrag|artículo|articolo|artigo|texto|testo|tribune)"
)

CREDIT_LINES: tuple[str, ...] = (
    rf"^(?:the )?original source of this (?:article|story|post) is\s+{_NAME}\.?\s*$",
    # The subject must be the piece itself: "cases first appeared in May" is prose.
    rf"^(?:(?:this|the) {_PIECE}\b.{{0,60}}?\s)?(?:was |is |has been )?(?:originally|first)"
    rf" (?:(?:published|appeared|ran) (?:on|in|at|by)|posted (?:on|in|at))\s+{_NAME}{_END}",
    # What WordPress feeds append to every post, so every blog fed from one carries it.
    rf"^the post .{{1,300}}? appeared first on\s+{_NAME}{_END}",
    rf"^(?:(?:this|the) {_PIECE} (?:is|was|has been) )?(?:republished|reprinted|reposted|"
    rf"syndicated|cross-posted) (?:here )?(?:from|with (?:the )?(?:kind )?permission (?:of|from)"
    rf"|courtesy of|by permission of)\s+{_NAME}(?:{_END}|\s+under\b)",
    # Nameless: the link the line carries names the original, or the copyright line after it.
    r"^(?:(?:this|the) \w+ (?:is|was|has been) )?(?:republished|reprinted|reposted)"
    r" (?:here )?(?:with (?:the )?(?:kind )?permission|under a creative commons)\b",
    r"^(?:this|the) \w+ (?:is|was|has been) adapted from (?:its|the) original source\b",
    # Book excerpts: the book's title is the original's name.
    r"^(?:note:\s*)?(?:(?:this|the above|the following) (?:\w+ )?(?:is |was )?(?:an )?)?"
    r"(?:excerpt(?:ed)?|adapted|abridged|extracted) from (?:the (?:new |forthcoming )?book )?"
    r"[“\"'‘]?(?P<name>[^\n“”\"]+?)[”\"'’]?(?:,?\s+by\s|\s*\(|,\s|\.\s|\.?\s*$)",
    # Translations name the piece they translate; "translated from the German" names a language.
    rf"^(?:(?:this|the) {_PIECE} (?:is|was|has been) )?translated from (?:an? |the )?"
    rf"(?:original )?(?:{_PIECE} )?(?:(?:published |that appeared |which appeared )?"
    rf"(?:in|on|at|by) )?{_NAME}{_END}",
    # German: "zuerst erschienen bei X", "Der Beitrag erschien zuerst auf X", "Der Text ist
    # zuerst bei X erschienen".
    rf"^(?:(?:dieser|der|die) {_PIECE} )?(?:ist |wurde )?(?:(?:erschien|erschienen) (?:zuerst|"
    rf"ursprünglich|erstmals)|(?:zuerst|ursprünglich|erstmals) (?:erschienen|veröffentlicht|"
    rf"publiziert))(?: worden)? (?:bei|auf|in|im)\s+{_NAME}{_END}",
    rf"^(?:(?:dieser|der|die) {_PIECE} )?(?:ist|wurde|erschien) (?:zuerst|ursprünglich|erstmals)"
    r" (?:bei|auf|in|im)\s+(?P<name>[^\n,;(]+?)\s+(?:erschienen|veröffentlicht)",
    rf"^(?:originalartikel|originaltext|originalbeitrag|original)\s*:\s*{_NAME}{_END}",
    # Spanish, Italian, Portuguese.
    rf"^(?:(?:este|esta|questo|questa) {_PIECE} (?:fue |foi |è stato )?)?"
    r"(?:publicad[oa]|pubblicat[oa]|apparso) (?:originalmente|originariamente|inicialmente|"
    r"por primera vez|per la prima volta) "
    rf"(?:en|por|su|in|da|em|no|na|pelo|pela)\s+{_NAME}{_END}",
    # French.
    rf"^(?:cet article (?:a été |est )?)?(?:(?:publié|paru) (?:initialement|originellement|"
    rf"d'abord|pour la première fois)|(?:initialement|originellement|d'abord) (?:publié|paru))"
    rf" (?:sur|dans|par|chez)\s+{_NAME}{_END}",
    # Press releases and feeds: "Provided by X", "© Provided by X".
    rf"^(?:©\s*)?(?:provided|supplied) by\s+{_NAME}{_END}",
    # Japanese and Chinese: "原文：X", "転載元：X", "来源：X", "本文转载自X", "Xより転載",
    # "X 3/9(木) 18:45配信" (a news portal's line naming the outlet that supplied the story).
    # Each has a literal of its own, which lines without it are passed over on (notices.py).
    *(
        rf"(?<!\S){label}\s*[:：]\s*(?P<name>[^\s、。，,:：|]{{2,30}})"
        for label in (
            "原文",
            "原文链接",
            "原文連結",
            "転載元",
            "出典元",
            "来源",
            "來源",
            "稿源",
            "提供元",
        )
    ),
    *(rf"{label}\s*[:：]?\s*(?P<name>[^\s、。，,:：]{{2,40}})" for label in ("转载自", "轉載自")),
    r"^(?:本記事は|この記事は)?(?P<name>[^\s、。，:：]{2,30}?)(?:より|から)の?転載",
    r"^(?P<name>[^\n]{2,40}?)\s+\d{1,2}/\d{1,2}\s*[(（].[)）]\s*\d{1,2}:\d\d\s*配信",
    # A wire credit standing alone, or a source line naming an agency: "— Reuters", "(dpa)",
    # "(dpa/lno)", "Quelle: dpa", "Fuente: EFE", "By The Associated Press".
    r"^[—–-]?\s*(?:(?:by|von|par|por|source|sources|quelle|fuente|fonte|bron|出典|来源)\s*[:：]?\s*)?"
    rf"(?:agencia )?(?P<name>{AGENCY_PATTERN})\s*$",
    rf"^\((?P<name>{AGENCY_PATTERN})(?:\s*/\s*[\w-]+)*\)\s*$",
)
"""Credit lines, as regex patterns read case-insensitively; ``name`` names the original."""

CREDIT_NOTICE_LINES = tuple(re.sub(r"\(\?P<\w+>", "(?:", line) for line in CREDIT_LINES)
"""The same lines without their groups, as notice rules: rules without named groups are joined
into one pattern and tried together (notices.py)."""


class _Line(NamedTuple):
    pattern: re.Pattern[str]
    # What every match contains (see literal.py): most lines lack it, and are passed over.
    needle: str


_CREDITS = tuple(
    _Line(pattern, required_text(pattern))
    for pattern in (re.compile(line, re.IGNORECASE) for line in CREDIT_LINES)
)
# The credit lines that match at the start of a line only (an ASCII line can match no other),
# joined.
_ANY_START = re.compile(
    "|".join(f"(?:{line})" for line in CREDIT_NOTICE_LINES if line.startswith("^")), re.IGNORECASE
)
# Words one of the credit lines has, in lower case: text without any holds no credit line.
# (Substring tests: one case-insensitive search for them all is ten times slower.)
_CREDIT_WORDS = (
    "originally", "first published", "first appeared", "appeared first", "original source",
    "republished", "reprinted", "reposted", "syndicated", "cross-posted", "excerpt", "adapted",
    "translated from", "provided by", "supplied by", "zuerst", "ursprünglich", "erstmals",
    "original:", "originalartikel", "originaltext", "originalbeitrag", "publicad", "pubblicat",
    "apparso", "publié", "paru ", "原文", "転載", "转载", "轉載", "出典", "来源", "來源", "稿源",
    "提供", "配信",
)  # fmt: skip
# A page's text has a line per text node, so a sentence with a link or a label in it comes in
# pieces: "Provided by" / "European Space Agency", "来源：" / "X", "Originally published at" /
# "example.com" / "on November 18, 2011.". A line ending in a label's colon or a joining word
# goes on on the next line, as does a next line opening in lower case or with punctuation.
_JOINING_WORDS = frozenset(
    [
        "by",
        "at",
        "on",
        "in",
        "from",
        "of",
        "von",
        "bei",
        "auf",
        "sur",
        "par",
        "dans",
        "en",
        "por",
        "su",
        "da",
    ]
)
_CARRIES_ON = re.compile(r"^(?:[,.;:!?)\]»”’]|[a-z])")
_MAX_SENTENCE = 300
# "Copyright © 2019 Example News.", "© Example News", "Copyright @ 2019 Example News".
_COPYRIGHT = re.compile(
    r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*[@©]?\s*(?:(?:19|20)\d\d\s*[,-]?\s*)?"
    r"(?P<owner>[^,\d©]{2,80}?)\s*(?:,|\d{4}|\.\s|\.?$|all rights reserved)",
    re.IGNORECASE,
)
_COPYRIGHT_REACH = 4
# "originally published in March 2022", "on November 20, 2019": a date, not a publication.
_DATE_ONLY = re.compile(
    rf"(?:(?:{MONTH_PATTERN})\.?\s+\d\d?(?:st|nd|rd|th)?|\d\d?\.?\s+(?:{MONTH_PATTERN})\.?)"
    r"(?:,?\s+(?:19|20)\d\d)?"
    rf"|(?:(?:{MONTH_PATTERN})\.?\s+)?(?:19|20)\d\d",
    re.IGNORECASE,
)
# What follows a name in a credit line and is no part of it: "X and can be read here", "X and
# has been republished here with permission", "X, which ...": a joining word and a lower-case
# word start a clause. The lookbehind starts a match only where a run of spaces starts.
_CLAUSE = re.compile(r"(?<!\s)\s+(?:and|which|where|who|with|under|via|&)\s+(?=[a-z])")
# Languages: "translated from the German" names one, not a publication.
_LANGUAGES = frozenset(
    [
        "english",
        "german",
        "french",
        "spanish",
        "italian",
        "portuguese",
        "dutch",
        "russian",
        "ukrainian",
        "polish",
        "chinese",
        "japanese",
        "korean",
        "arabic",
        "hebrew",
        "turkish",
        "greek",
        "swedish",
        "norwegian",
        "danish",
        "finnish",
        "czech",
        "hungarian",
        "romanian",
        "persian",
        "hindi",
        "original",
    ]
)
# An address's percent-escapes ("%E2%80%99"): a link's target, not a name a reader sees.
_ESCAPED = re.compile(r"%[0-9A-Fa-f]{2}")
_MAX_NAME_WORDS = 12


class Credit(NamedTuple):
    """What a credit line says: the original's name and date. A line that names no publication
    ("Republished with permission") has its link name it (``by_link``); a line whose name is
    a date ("originally published in March 2022") names none."""

    name: str | None
    published: str | None = None
    by_link: bool = False


def read_credit(line: str) -> Credit | None:
    """The credit ``line`` gives, or None when it is no credit line."""
    # Most lines start as no credit line does and hold none of the CJK ones' literals: one
    # match of the line-start lines joined tells them.
    if line.isascii() and not _ANY_START.match(line):
        return None
    folded = fold_case(line)
    for credit, needle in _CREDITS:
        match = credit.search(line) if needle in folded else None
        if match is None:
            continue
        found = match.groupdict()
        if "name" not in found:
            return Credit(None, by_link=True)
        return Credit(origin_name(found["name"]), parse_date(found.get("date")))
    return None


def credit_in_lines(lines: Sequence[str]) -> Credit | None:
    """The first credit naming a publication in ``lines`` (a page's text lines around its
    title or after its body), read as the sentences the lines are pieces of."""
    # A credit line is short: the body's paragraphs among the lines are passed over.
    lines = [line for line in lines if len(line) <= _MAX_SENTENCE]
    text = "\n".join(lines).lower()  # (fold_case() translates some scripts' text: slower)
    if not any(word in text for word in _CREDIT_WORDS):
        return None
    sentences = _sentences(lines)
    for index, line in enumerate(sentences):
        found = read_credit(line)
        if found is not None and found.by_link:
            found = _copyright_after(sentences[index + 1 : index + 1 + _COPYRIGHT_REACH])
        if found is not None and found.name:
            return found
    return None


def _goes_on(line: str) -> bool:
    """Whether ``line`` ends in a label's colon or a joining word ("Provided by")."""
    return line.endswith((":", "：")) or line.rsplit(None, 1)[-1].casefold() in _JOINING_WORDS


def _copyright_after(lines: Sequence[str]) -> Credit | None:
    """The owner a copyright line names just after a credit that names no one ("This article
    has been adapted from its original source." / "Copyright © 2019 Example News.")."""
    for line in lines:
        owner = _COPYRIGHT.match(line)
        if owner:
            return Credit(origin_name(owner["owner"]))
    return None


def _sentences(lines: Sequence[str]) -> list[str]:
    joined: list[str] = []
    for line in lines:
        last = joined[-1] if joined else ""
        if last and len(last) < _MAX_SENTENCE and (_goes_on(last) or _CARRIES_ON.match(line)):
            joined[-1] = f"{last} {line}"
        else:
            joined.append(line)
    return joined


def origin_name(name: str) -> str | None:
    """An original publication's name, without the clause a credit line goes on with; an
    agency by its usual name; None when the line names a date, a language or an address's
    escapes instead."""
    name = _CLAUSE.split(name, maxsplit=1)[0].strip(" .:'\"“”‘’")
    words = name.split()
    if (
        not words
        or len(words) > _MAX_NAME_WORDS
        or _DATE_ONLY.fullmatch(name)
        or name.casefold().removeprefix("the ").split()[0] in _LANGUAGES
        or _ESCAPED.search(name)
    ):
        return None
    return agency(name) or name
