"""Notice rules tried as a plan (line-start rules as one pattern, picked by the line's first
letter) give what trying each rule in turn gives: the first rule in the set's order that matches."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsyndicate.adapters import southfront
from unsyndicate.literal import first_letters, fold_case
from unsyndicate.notices import GENERIC_RULES, NoticeRule, match_rule, rules

_RULES = (*southfront.ADAPTER.notices, *GENERIC_RULES)


def _first_match(line: str, rule_set: tuple[NoticeRule, ...]) -> tuple[str, str | None] | None:
    """The reference: every rule's own pattern, in order, with no needle and no plan."""
    for rule in rule_set:
        found = rule.pattern.search(line)
        if found:
            owner = found.groupdict().get("owner") or rule.owner
            return rule.kind, owner.strip() if owner else None
    return None


_WORDS = sorted({word for rule in _RULES for word in re.findall(r"[a-z]+", rule.pattern.pattern)})
_PIECES = st.one_of(
    st.sampled_from(_WORDS).map(lambda word: word.upper() if len(word) % 3 == 0 else word),
    st.sampled_from([" ", ": ", "(", "[", "—", "©", "2024", ".", "/", "ſ", "\n"]),
)

# First characters that fold, or do not, in ways the plan must follow.
_ODD_FIRSTS = st.sampled_from(["ı", "İ", "ſ", "K", "À", "à", "Σ", "—", "(", "[", "7", " "])


@settings(max_examples=500)
@given(st.one_of(_ODD_FIRSTS, st.just("")), st.lists(_PIECES, max_size=10).map("".join))
def test_the_plan_finds_the_rule_each_rule_in_turn_finds(first: str, rest: str) -> None:
    line = first + rest
    assert match_rule(line, _RULES) == _first_match(line, _RULES)


@pytest.mark.parametrize(
    "line",
    [
        "Copyright © 2024 Example Media, all rights reserved.",
        "Please donate to keep us going",
        "Support SouthFront: patreon.com/southfront",
        "Related:",
        "The original source of this article is Global Research",
        "This article was originally published on Example.",
        "We make fair use of material",
        "The minister said the harbour would reopen.",
    ],
)
def test_furniture_lines_match_as_each_rule_in_turn(line: str) -> None:
    assert match_rule(line, _RULES) == _first_match(line, _RULES)


def test_rule_order_decides_between_a_line_start_rule_and_another() -> None:
    anywhere = rules("anywhere", r"\bdonate\b")
    at_start = rules("start", r"^donate\b")
    assert match_rule("Donate now", (*anywhere, *at_start)) == ("anywhere", None)
    assert match_rule("Donate now", (*at_start, *anywhere)) == ("start", None)


def test_rules_that_cannot_join_the_start_pattern_are_still_tried_in_order() -> None:
    rule_set = (
        *rules("first_owner", r"^from (?P<owner>\w+)"),
        # The same group name: this one stays out of the joined pattern.
        *rules("second_owner", r"^by (?P<owner>\w+)"),
        # A group reference, which joining would renumber.
        *rules("repeated", r"^(\w+) \1$"),
        # MULTILINE: "^" also matches after a newline.
        NoticeRule("later_line", re.compile(r"^signed$", re.MULTILINE)),
        # Case-sensitive: the joined pattern keeps each rule's own flags.
        NoticeRule("exact", re.compile(r"^EXACT\b")),
    )
    assert match_rule("from Alice", rule_set) == ("first_owner", "Alice")
    assert match_rule("by Bob", rule_set) == ("second_owner", "Bob")
    assert match_rule("again again", rule_set) == ("repeated", None)
    assert match_rule("text\nsigned", rule_set) == ("later_line", None)
    assert match_rule("EXACT words", rule_set) == ("exact", None)
    assert match_rule("exact words", rule_set) is None


def test_each_rule_set_keeps_its_own_plan() -> None:
    donations = rules("donation", r"^donate\b")
    comments = rules("comments", r"^comment on\b")
    for _ in range(2):
        assert match_rule("Donate today", donations) == ("donation", None)
        assert match_rule("Donate today", comments) is None
        assert match_rule("Comment on this", comments) == ("comments", None)


@pytest.mark.parametrize(
    ("pattern", "letters"),
    [
        (r"^(?:\d+ )?comments?\s*$", {"c"}),  # a digit starts no letter
        (r"^(?:the )?original source", {"t", "o"}),
        (r"^[(\[]?(?:Related|read more)\b", {"r"}),
        (r"^[—–-]?\s*(?:AP|Reuters)\s*$", {"a", "r"}),
        (r"^[A-F]\d", set("abcdef")),
        (r"^(?:please )?", None),  # can match nothing: any line matches
        (r"^\w+", None),  # any letter
        (r"^[^x]", None),
        (r"^(?:à lire aussi|lire aussi)", None),  # a letter with case beyond ASCII: not followed
    ],
)
def test_first_letters(pattern: str, letters: set[str] | None) -> None:
    found = first_letters(re.compile(pattern, re.IGNORECASE))
    assert found == (None if letters is None else frozenset(letters))


_START_RULES = [rule for rule in _RULES if rule.pattern.pattern.startswith("^")]


@settings(max_examples=500)
@given(st.one_of(_ODD_FIRSTS, st.just("")), st.lists(_PIECES, max_size=8).map("".join))
def test_a_line_start_rule_matches_only_lines_starting_with_its_letters(
    first: str, rest: str
) -> None:
    line = first + rest
    for rule in _START_RULES:
        letters = first_letters(rule.pattern)
        if letters is not None and line[:1].isalpha() and rule.pattern.match(line):
            assert fold_case(line[:1]) in letters, (rule.pattern.pattern, line)


def test_a_rule_list_changed_in_place_is_read_again() -> None:
    rule_list = list(rules("donation", r"^donate\b"))
    assert match_rule("Donate today", rule_list) == ("donation", None)
    rule_list[0] = rules("appeal", r"^donate\b")[0]
    assert match_rule("Donate today", rule_list) == ("appeal", None)


def test_rules_given_as_a_generator_are_each_tried() -> None:
    generated = (rule for rule in (*rules("share", r"\bshare\b"), *rules("donation", r"^donate")))
    assert match_rule("Donate today", generated) == ("donation", None)
