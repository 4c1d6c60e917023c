"""The literal text a regular expression requires, so a fast substring test can rule text out.

A notice rule is tried on every line of every page, a class-name pattern on every element and a
signature on every page's whole source; most of them match nothing. ``needle in text`` runs at
string-search speed, so a pattern whose literal is absent is passed over without running the
regex engine at all. For a case-insensitive pattern, the needle is looked for in
:func:`fold_case`'s form of the text. Likewise :func:`first_letters` tells which letters a match
can start with, so a line starting with another is not tried against the pattern.
"""

from __future__ import annotations

import re

# re's own parser (typeshed has no stub for it): it reads the pattern exactly as re compiles it.
import re._parser as regex_parser  # type: ignore[import-not-found]
from typing import Any


def required_text(pattern: re.Pattern[str]) -> str:
    """The literal every match of a case-insensitive ``pattern`` contains, in lower case, to
    look for in :func:`fold_case`'s form of a text; "" when there is none, or when it has a
    letter fold_case() does not fold (a non-ASCII letter with a case: characters without one,
    as CJK ones, are the same folded or not)."""
    if not pattern.flags & re.IGNORECASE:
        return ""
    found = required_literal(pattern).lower()
    return found if all(c.isascii() or c.lower() == c.upper() for c in found) else ""


def required_literal(pattern: re.Pattern[str]) -> str:
    """The longest run of literal text that every match of ``pattern`` contains, as the pattern
    spells it; "" when there is none."""
    return max(required_literals(pattern), key=len, default="")


def required_literals(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """Every run of literal text that every match of ``pattern`` contains, in the pattern's
    order. Only the pattern's top-level sequence counts: text inside a group, an alternative or
    a repeat may be absent from a match."""
    runs, run = [], ""
    for code, argument in regex_parser.parse(pattern.pattern, pattern.flags):
        if code is regex_parser.LITERAL:
            run += chr(argument)
            continue
        runs.append(run)
        run = ""
    runs.append(run)
    return tuple(filter(None, runs))


# Characters that regex case-insensitive matching takes for an ASCII letter they do not lower to.
_ODD_CASES = {"ı": "i", "İ": "i", "ſ": "s", "K": "k"}
_ODD_CASE_TABLE = str.maketrans(_ODD_CASES)


def fold_case(line: str) -> str:
    """``line`` in lower case, where the ASCII literal a case-insensitive pattern requires is
    found whenever the pattern matches."""
    if line.isascii():  # a flag of the string: no character to look at
        return line.lower()
    # Four substring tests outrun one search for a class of four characters.
    if any(odd in line for odd in _ODD_CASES):
        line = line.translate(_ODD_CASE_TABLE)
    return line.lower()


def first_letters(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The letters a match of ``pattern`` can start with, as :func:`fold_case` folds them: a text
    whose first character is a letter folding to none of them cannot match at its start. A match
    starting with something else (a digit, a space, a mark) is not counted. None when a match
    can start with any letter, or where this reading does not follow the pattern."""
    letters, may_be_empty = _first_letters(regex_parser.parse(pattern.pattern, pattern.flags))
    return None if letters is None or may_be_empty else frozenset(letters)


# Each reader gives the letters an item can start with (None: any) and whether it can match
# nothing at all, so that what follows it can start the match as well.
_Start = tuple[set[str] | None, bool]
_ZERO_WIDTH = (regex_parser.AT, regex_parser.ASSERT, regex_parser.ASSERT_NOT)
_REPEATS = (regex_parser.MAX_REPEAT, regex_parser.MIN_REPEAT, regex_parser.POSSESSIVE_REPEAT)
# Classes of characters none of which is a letter.
_NO_LETTER = (regex_parser.CATEGORY_DIGIT, regex_parser.CATEGORY_SPACE)


def _first_letters(sequence: Any) -> _Start:
    letters: set[str] = set()
    for code, argument in sequence:
        found, may_be_empty = _item_letters(code, argument)
        if found is None:
            return None, False
        letters |= found
        if not may_be_empty:
            return letters, False
    return letters, True


def _item_letters(code: Any, argument: Any) -> _Start:
    if code in _ZERO_WIDTH:
        return set(), True
    if code is regex_parser.LITERAL:
        return _letter(chr(argument)), False
    if code is regex_parser.IN:
        return _class_letters(argument), False
    if code is regex_parser.SUBPATTERN:
        return _first_letters(argument[3])
    if code is regex_parser.ATOMIC_GROUP:
        return _first_letters(argument)
    if code in _REPEATS:
        letters, may_be_empty = _first_letters(argument[2])
        return letters, may_be_empty or argument[0] == 0
    if code is regex_parser.BRANCH:
        starts = [_first_letters(branch) for branch in argument[1]]
        known = [letters for letters, _ in starts if letters is not None]
        if len(known) < len(starts):
            return None, False
        return set().union(*known), any(empty for _, empty in starts)
    return None, False


def _class_letters(items: Any) -> set[str] | None:
    letters: set[str] = set()
    for code, argument in items:
        if code is regex_parser.LITERAL:
            found = _letter(chr(argument))
        elif code is regex_parser.RANGE and argument[1] < 128:
            found = {
                chr(c).lower() for c in range(argument[0], argument[1] + 1) if chr(c).isalpha()
            }
        elif code is regex_parser.CATEGORY and argument in _NO_LETTER:
            found = set()
        else:
            found = None
        if found is None:
            return None
        letters |= found
    return letters


def _letter(character: str) -> set[str] | None:
    """What a literal character adds: an ASCII letter (in any case, and the few other letters
    case-insensitive matching takes for it, which fold_case() folds to it) adds itself in lower
    case; a character without case that is no letter adds nothing (no letter matches it)."""
    if character.isascii():
        return {character.lower()} if character.isalpha() else set()
    uncased = character.lower() == character == character.upper()
    return set() if uncased and not character.isalpha() else None
