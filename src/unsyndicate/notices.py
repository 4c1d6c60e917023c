"""Publisher furniture: rules that recognise it, and the classifier that turns nodes into notices.

A rule is data: a kind, a pattern searched in one line of text, and optionally the publisher who
owns that furniture wherever it appears (South Front's donation appeal on a Global Research page).
A pattern may capture ``owner`` (a copyright holder) to name the owner from the text itself.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

import attrs

from .document import Link, Node, line_links, links_per_line
from .generic.credits import CREDIT_NOTICE_LINES
from .literal import first_letters, fold_case, required_text
from .model import Notice

# A body paragraph longer than this is prose, whatever phrase it contains; a furniture region
# (after the article's end marker) is classified whatever its length.
MAX_BODY_NOTICE = 600


# The hash kept once worked out: a page's rule set is looked up by it (plan_rules), and a
# rule's hash is its pattern's, which hashes the whole pattern text each time.
@attrs.frozen(cache_hash=True)
class NoticeRule:
    kind: str
    pattern: re.Pattern[str]
    owner: str | None = None
    # Text every match contains, in the case-folded form of fold_case(): most lines lack it,
    # and a substring test passes over them far faster than the regex search would.
    needle: str = attrs.field(init=False, repr=False, eq=False)

    @needle.default
    def _required_text(self) -> str:
        return required_text(self.pattern)


def rules(kind: str, *patterns: str, owner: str | None = None) -> tuple[NoticeRule, ...]:
    """Rules of one kind, one per pattern (case-insensitive)."""
    return tuple(NoticeRule(kind, re.compile(p, re.IGNORECASE), owner) for p in patterns)


_APOSTROPHE = "['’]"
_NETWORK = r"(?:facebook|twitter|instagram|youtube|linkedin|tiktok|threads|bluesky)\b"

GENERIC_RULES: tuple[NoticeRule, ...] = (
    *rules("reprint", *CREDIT_NOTICE_LINES),
    *rules(
        "copyright",
        r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:\d{4}\s*[,-]?\s*)?(?P<owner>[^,\d©]{2,80}?)"
        r"\s*(?:,|\d{4}|\.|$)",
    ),
    *rules(
        "translation",
        r"\btranslate (?:this )?website\b",
        r"\bcan be read in \d+ languages\b",
    ),
    *rules(
        "newsletter",
        r"\b(?:sign up|subscribe) (?:for|to) (?:our|the|a)\b.{0,60}\bnewsletter",
        r"^to receive\b.{0,80}\bnewsletter",
    ),
    *rules(
        "share",
        r"\b(?:click|use|press|tap) the share (?:buttons?|icons?)\b",
        r"\bforward this article\b",
        r"^share (?:this (?:article|story|post)|on (?:facebook|twitter|x))\b",
        r"^sharing is caring\b",
        # An outlet's standing prompt to follow it, ending with the networks and handles.
        rf"^follow\b[^.!?]{{0,80}}\bon {_NETWORK}(?:\s*(?:,|and|or|&|\(?@\w+\)?|{_NETWORK}))*"
        r"\s*[.!]?$",
    ),
    *rules(
        "membership",
        r"\bbecome an? (?:member|subscriber|supporter|patron)\b",
        # Paywall prompts.
        r"^(?:subscribe|sign in|log in|register)(?: now)? to (?:continue|keep) reading\b",
        r"^already (?:a subscriber|a member|have an account)\b",
        r"\b(?:is|are) (?:available |reserved )?(?:only )?(?:for|to) (?:paying )?subscribers\b",
    ),
    *rules(
        "donation",
        r"^(?:please )?(?:donate|make a donation|support (?:us|our work|our journalism))\b",
        r"\breader[- ](?:funded|supported)\b",
        r"\b(?:one-time|recurring|monthly) donation\b",
        r"\bpatreon\.com/",
    ),
    *rules(
        "comments",
        r"^comment on\b",
        r"^(?:leave|post|add) a (?:comment|reply)\b",
        r"^(?:\d+ )?comments?\s*$",
    ),
    *rules(
        "author_box",
        r"^(?:articles|more (?:articles|stories|posts)|stories|posts) by\b",
        r"^about the authors?\b",
    ),
    *rules(
        "disclaimer",
        r"^disclaimer\b",
        r"\bviews expressed (?:in this article )?are (?:solely )?(?:those|the sole responsibility)"
        r" of the authors?\b",
    ),
    *rules("fair_use", r"\bfair use\b"),
    *rules(
        "contact",
        r"^for (?:media|press) (?:inquiries|enquiries)\b",
        r"^(?:contact us|media contact|press contact)\b",
        # "Write to Ann Lee at ann@example.org": a reporter's address under the story.
        r"^(?:e-?mail|write to|reach)\b[^.!?]{0,60}?\bat\s+(?:[\w.+-]+@[\w-]+\.|https?://|@\w)",
    ),
    *rules(
        "related",
        r"^(?:related|read more|see also|more on this|recommended)"
        r"(?: (?:articles?|stories|posts|reading))?\s*:?\s*$",
        # The same labels in other languages (Italian, French, German, Spanish, Portuguese).
        # An opening bracket and a short preposition may come with them: "(Leggi anche su: ...)".
        r"^[(\[]?(?:leggi anche|lire aussi|à lire aussi|lesen sie auch|mehr zum thema|lea también"
        r"|leia também|veja também|leia mais)\b(?:\s+\w{1,4})?(?:\s*(?::|\||…|\.\.\.)|\s*$)",
        # A label, then the headline it points to: "READ MORE: ...", "Related: ...".
        r"^[(\[]?(?:related(?: (?:articles?|stories|posts|reading|coverage))?"
        r"|read (?:more|also|next)|also read|see also|more on this|don'?t miss"
        r"|you (?:may|might) also like"
        r"|recommended(?: for you)?)\s*(?::|\||…|\.\.\.)",
    ),
    *rules(
        "editor_note",
        rf"^\[?(?:editor{_APOSTROPHE}?s{_APOSTROPHE}? note|ed\. note)\b",
        # An opinion section's standing call for letters.
        r"\bis committed to publishing a diversity of\b",
        rf"\bwe{_APOSTROPHE}?(?:d| would) like to hear what you think about\b",
    ),
    *rules(
        "image_credit",
        r"^(?:photo|image|picture|illustration|featured image)(?: credits?)?\s*:\s*\S",
    ),
)


def match_rule(
    line: str, rule_set: RulePlan | Iterable[NoticeRule]
) -> tuple[str, str | None] | None:
    """The kind and owner of the first rule matching ``line``, or None. A caller trying many
    lines against one rule set passes its :func:`plan_rules` once made."""
    plan = rule_set if isinstance(rule_set, RulePlan) else plan_rules(rule_set)
    folded = fold_case(line)
    # fold_case() folds each character to one: folded[:1] is the line's first, folded.
    start = plan.starts[folded[:1] if line[:1].isalpha() else ""]
    # A line that starts as no line-start rule's match can only match one of the others.
    if start is not None and start.match(line):
        tried = plan.rules
    else:
        tried = plan.rest_in_ascii if line.isascii() else plan.rest
    for rule in tried:
        if rule.needle not in folded:
            continue
        found = rule.pattern.search(line)
        if found:
            owner = found.groupdict().get("owner") or rule.owner
            return rule.kind, owner.strip() if owner else None
    return None


@attrs.frozen
class RulePlan:
    """How a rule set is tried on a line. Most rules match only at the start of a line, and most
    lines start as none of them does: those rules are joined in one pattern (``starts``), so such
    a line costs one regex match, then only the ``rest`` of the rules, in their order, are tried.
    """

    rules: tuple[NoticeRule, ...]
    starts: _Starts
    rest: tuple[NoticeRule, ...]
    # The rest that an ASCII line can match: not those requiring a CJK needle ("原文", "来源").
    rest_in_ascii: tuple[NoticeRule, ...]


# The key of the pattern for a line starting with a letter no line-start rule starts with.
_OTHER_LETTER = "other"


class _Starts(dict[str, re.Pattern[str] | None]):
    """Line-start rules joined in one pattern, by what the line starts with: a letter (folded)
    gives the rules that can start with it, "" (no letter) gives them all. Each pattern is
    compiled when a line first asks for it: a run of one page compiles only the few it needs."""

    def __init__(self, starts: list[tuple[str, frozenset[str] | None]]) -> None:
        super().__init__()
        # Each rule's pattern as an alternative, with the letters it can start with.
        self._starts = starts
        self._named = frozenset().union(*(letters for _, letters in starts if letters is not None))

    def __missing__(self, first: str) -> re.Pattern[str] | None:
        if first not in self._named and first not in ("", _OTHER_LETTER):
            joined = self[_OTHER_LETTER]
            if first.isascii():  # kept for the few ASCII letters, not for every script's
                self[first] = joined
            return joined
        alternatives = (
            text
            for text, letters in self._starts
            if not first or letters is None or first in letters
        )
        self[first] = joined = _joined(alternatives)
        return joined


def plan_rules(rule_set: Iterable[NoticeRule]) -> RulePlan:
    """The plan for trying ``rule_set`` (made once per set of rules: hashing the rules costs
    about as much as trying a few lines, so a page's lines share the plan it is given)."""
    return _plan(tuple(rule_set))


@functools.lru_cache(maxsize=64)
def _plan(rule_set: tuple[NoticeRule, ...]) -> RulePlan:
    starts: list[tuple[str, frozenset[str] | None]] = []
    names: set[str] = set()
    rest: list[NoticeRule] = []
    for rule in rule_set:
        pattern = rule.pattern
        if _starts_line(pattern) and names.isdisjoint(pattern.groupindex):
            names.update(pattern.groupindex)
            scope = "i" if pattern.flags & re.IGNORECASE else ""
            starts.append((f"(?{scope}:{pattern.pattern})", first_letters(pattern)))
        else:
            rest.append(rule)
    in_ascii = tuple(rule for rule in rest if rule.needle.isascii())
    return RulePlan(rule_set, _Starts(starts), tuple(rest), in_ascii)


def _joined(alternatives: Iterable[str]) -> re.Pattern[str] | None:
    pattern = "|".join(alternatives)
    return re.compile(pattern) if pattern else None


# A reference to a group: numbered groups are renumbered when patterns are joined.
_GROUP_REFERENCE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(")


def _starts_line(pattern: re.Pattern[str]) -> bool:
    """True for a pattern that can match only at the start of the text and keeps its meaning as
    one alternative among others: a leading ``^`` without MULTILINE, no group references."""
    return (
        pattern.pattern.startswith("^")
        and not pattern.flags & ~(re.IGNORECASE | re.UNICODE)
        and not _GROUP_REFERENCE.search(pattern.pattern)
    )


_NOTICE_NODES = frozenset({"paragraph", "quote", "heading", "list"})


def body_notice(
    node: Node, rule_set: RulePlan | Sequence[NoticeRule], default_owner: str | None
) -> Notice | None:
    """The node as a notice when it is furniture standing in the body, else None: a list is
    when each of its items is furniture of one kind (a gallery's photo credits)."""
    if node.kind not in _NOTICE_NODES or len(node.text) > MAX_BODY_NOTICE:
        return None
    lines = node.block.items if node.kind == "list" else (node.text,)
    found = _one_kind([match_rule(line, rule_set) for line in lines])
    if found is None:
        return None
    kind, owner = found
    return Notice(kind, node.text, owner or default_owner, node.link_urls())


def _one_kind(
    found: list[tuple[str, str | None] | None],
) -> tuple[str, str | None] | None:
    """The first of the rules found when every line found one of the same kind, else None."""
    first = found[0] if found else None
    if first is None or any(item is None or item[0] != first[0] for item in found):
        return None
    return first


def furniture_notices(
    nodes: Iterable[Node], rule_set: RulePlan | Sequence[NoticeRule], default_owner: str | None
) -> list[Notice]:
    """Every line of a furniture region as a notice, continuation lines joined to the one before.

    A line no rule knows continues the notice before it when it starts in lower case (a sentence
    broken across paragraphs) or when it stands in the same paragraph; otherwise it becomes an
    ``other`` notice, so nothing is lost.
    """
    notices: list[Notice] = []
    for node in nodes:
        if node.kind == "separator":
            continue
        lines = node.text.split("\n")
        for position, (line, links) in enumerate(
            zip(lines, links_per_line(node.text, node.links), strict=True)
        ):
            line = line.strip()
            if not line:
                continue
            found = match_rule(line, rule_set)
            previous = notices[-1] if notices else None
            continues = (
                previous is not None
                and (position > 0 or line[0].islower())
                and (found is None or found[0] == previous.kind)
            )
            if previous is not None and continues:
                notices[-1] = _extend(previous, line, links)
                continue
            kind, owner = found or ("other", None)
            notices.append(Notice(kind, line, owner or default_owner, line_links(line, links)))
    return notices


def _extend(notice: Notice, line: str, links: tuple[Link, ...]) -> Notice:
    joiner = " " if line[0].islower() else "\n"
    merged = tuple(dict.fromkeys((*notice.links, *line_links(line, links))))
    return attrs.evolve(notice, text=f"{notice.text}{joiner}{line}", links=merged)
