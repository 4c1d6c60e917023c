"""The shortcuts the furniture removal takes before its patterns give the patterns' answers."""

from __future__ import annotations

import re
import string
import sys

import pytest
from selectolax.lexbor import LexborHTMLParser

from unsyndicate.generic import boilerplate, hints
from unsyndicate.literal import first_letters

PROSE = "The council met on Tuesday, and the new bridge plan was approved after a long debate."


def _kept(paragraph: str) -> bool:
    html = f"<div id='r'><p>{PROSE}</p><p>{paragraph}</p></div>"
    region = LexborHTMLParser(html).css_first("#r")
    assert region is not None
    boilerplate.remove_boilerplate(region, boilerplate.Removed())
    return paragraph in region.text()


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [
        ("Estimated reading time: 4 minutes or so", False),
        ("Estimated reading time " + "x" * 19, False),  # as long as a label gets
        ("Estimated reading time " + "x" * 20, True),
        ("12345678901234567890123456789012345 min read " + "x" * 19, False),  # the minutes count
        ("Advertisement", False),
        ("Advertisement of the new bridge plan, read by the council on Tuesday.", True),
    ],
)
def test_a_label_paragraph_goes_and_a_longer_one_stays(paragraph: str, kept: bool) -> None:
    assert _kept(paragraph) == kept


def test_the_longest_label_is_the_bound() -> None:
    pattern = boilerplate._AD_LABEL
    longest = "estimated reading time " + "x" * 19
    assert len(longest) == boilerplate._MAX_AD_LABEL
    assert pattern.match(longest) and not pattern.match(longest + "x")


@pytest.mark.parametrize(
    ("paragraph", "kept"),
    [("Updated: 18 Nov 2019 9:38 pm", False), ("last modified on 3 May", False), (PROSE, True)],
)
def test_a_dateline_paragraph_goes(paragraph: str, kept: bool) -> None:
    assert _kept(paragraph) == kept


def test_the_dateline_letters_are_those_it_opens_with() -> None:
    letters = first_letters(boilerplate._DATELINE)
    assert letters is not None
    assert letters | {letter.upper() for letter in letters} == boilerplate._DATELINE_STARTS
    # None of them is found as another character when case is ignored.
    assert letters.isdisjoint(hints._ODD_LETTERS)


def test_the_odd_letters_are_every_ascii_letter_with_a_non_ascii_case() -> None:
    any_letter = re.compile("[a-z]", re.IGNORECASE)
    odd = {
        letter
        for char in map(chr, range(128, sys.maxunicode + 1))
        if any_letter.match(char)
        for letter in string.ascii_lowercase
        if re.fullmatch(letter, char, re.IGNORECASE)
    }
    assert odd == set(hints._ODD_LETTERS)


@pytest.mark.parametrize(
    "text",
    [
        "This site uses coo\u212aies \u2013 fine",
        "This site uses COOK\u0130ES \u2013 fine",
        "This site uses cook\u0131e\u017f \u2013 fine",
        "We use cookies \u2013 fine",
        "We use cook\u00e9ies \u2013 fine",
        "A cooking class \u2013 fine",
        "Nothing here \u2013 fine",
    ],
)
def test_a_needed_word_answers_as_the_pattern_in_non_ascii_text(text: str) -> None:
    pattern = r"\bwe use cookies\b|\bsite uses cookies\b"
    expected = re.search(pattern, text, re.IGNORECASE) is not None
    assert hints.Words(pattern, "cookies").search(text) == expected
