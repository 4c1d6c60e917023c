"""The literal text a regular expression requires, so a fast substring test can rule text out.

A notice rule is tried on every line of every page, a class-name pattern on every element and a
signature on every page's whole source; most of them match nothing. ``needle in text`` runs at
string-search speed, so a pattern whose literal is absent is passed over without running the
regex engine at all. For a case-insensitive pattern, the needle is looked for in
:func:`fold_case`'s form of the text.
"""

from __future__ import annotations

import re

# re's own parser (typeshed has no stub for it): it reads the pattern exactly as re compiles it.
import re._parser as regex_parser  # type: ignore[import-not-found]


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
_ODD_CASE = re.compile(f"[{''.join(_ODD_CASES)}]")
_ODD_CASE_TABLE = str.maketrans(_ODD_CASES)


def fold_case(line: str) -> str:
    """``line`` in lower case, where the ASCII literal a case-insensitive pattern requires is
    found whenever the pattern matches."""
    if line.isascii():  # a flag of the string: no character to look at
        return line.lower()
    if _ODD_CASE.search(line):
        line = line.translate(_ODD_CASE_TABLE)
    return line.lower()
