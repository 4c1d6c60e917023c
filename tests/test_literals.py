"""The literal each notice rule and signature requires, which lets most text be passed over fast."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from unsyndicate.adapter import Adapter, signature
from unsyndicate.adapters import globalresearch, southfront
from unsyndicate.literal import fold_case, required_literal, required_literals, required_text
from unsyndicate.notices import GENERIC_RULES, NoticeRule, match_rule

_RULES = (*GENERIC_RULES, *southfront.ADAPTER.notices)


@pytest.mark.parametrize(
    ("pattern", "needle"),
    [
        (r"\bfair use\b", "fair use"),
        (r"\b(?:one-time|recurring) donation\b", " donation"),
        (r"^(?:articles|stories) by\b", " by"),
        (r"\bPatreon\.com/", "patreon.com/"),
        (r"\bsign(?:ed)? up for\b", " up for"),  # the longest run that is always there
        (r"(?:a|b)c?", ""),  # nothing every match contains
        (r"\bcafé au lait\b", ""),  # not ASCII: case folding of other scripts is not attempted
    ],
)
def test_required_text(pattern: str, needle: str) -> None:
    assert required_text(re.compile(pattern, re.IGNORECASE)) == needle


def test_a_case_sensitive_pattern_requires_nothing() -> None:
    assert required_text(re.compile("fair use")) == ""


# Lines made of the rules' own words, in any case, with the characters regex case folding
# treats specially: where a pattern matches, its needle must be in the folded line.
_WORDS = sorted({word for rule in _RULES for word in re.findall(r"[a-z]+", rule.needle)})
_PIECES = st.one_of(
    st.sampled_from(_WORDS).map(lambda w: w.upper() if len(w) % 2 else w.title()),
    st.sampled_from([" ", ": ", "ı", "İ", "ſ", "K", "©", "\u2019", "2024"]),
)


@settings(max_examples=300)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_a_match_always_contains_the_needle(line: str) -> None:
    folded = fold_case(line)
    for rule in _RULES:
        if rule.pattern.search(line):
            assert rule.needle in folded, (rule.pattern.pattern, line)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("PLEASE SUPPORT OUR WORK: donate today", "donation"),
        ("This article is reader-ſupported", "donation"),
        ("Articles by Jane Doe", "author_box"),
        ("We make fair uſe of material", "fair_use"),  # regex folds long s to s: so do we
        ("The weather was fine", None),
    ],
)
def test_match_rule(line: str, kind: str | None) -> None:
    found = match_rule(line, _RULES)
    assert (found[0] if found else None) == kind


def test_rules_keep_their_needle_out_of_equality() -> None:
    pattern = re.compile(r"\bfair use\b", re.IGNORECASE)
    assert NoticeRule("fair_use", pattern) == NoticeRule("fair_use", pattern)
    assert "needle" not in repr(NoticeRule("fair_use", pattern))


def test_a_signature_requires_its_literal_as_written() -> None:
    found = signature(r'content="Yahoo://article/view\?uuid=[0-9a-f-]+"')
    assert required_literal(found) == 'content="Yahoo://article/view?uuid='


def test_a_signature_requires_every_literal_of_its_top_level() -> None:
    found = signature(r'<link rel="alternate"[^>]*href="https?://www\.msn\.com/')
    assert required_literals(found) == ('<link rel="alternate"', 'href="http', "://www.msn.com/")


@pytest.mark.parametrize(
    ("source", "recognised"),
    [
        ('<link rel="alternate" href="https://www.msn.com/en-us/news">', True),
        ('<link rel="alternate" href="https://example.com/"><a href="//www.msn.com/">', False),
        ('<a href="https://www.msn.com/"><link rel="alternate" href="/feed">', False),
    ],
)
def test_a_common_longest_literal_does_not_decide_alone(source: str, recognised: bool) -> None:
    adapter = Adapter(
        name="t",
        signatures=(signature(r'<link rel="alternate"[^>]*href="https?://www\.msn\.com/'),),
    )
    assert adapter.recognises(source) is recognised
    assert adapter.recognises(source.encode()) is recognised


@pytest.mark.parametrize(
    ("source", "recognised"),
    [
        ("<p>Global Research, March 03, 2020</p>", True),
        ("<p>Global Research,\n  3 March 2020</p>", True),
        ("<p>global research, March 03, 2020</p>", False),  # signatures are case-sensitive
        ("<p>Global Research</p>", False),
    ],
)
def test_signatures_are_still_searched_where_their_literal_is(
    source: str, recognised: bool
) -> None:
    assert globalresearch.ADAPTER.recognises(source) is recognised
