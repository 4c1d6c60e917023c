"""Furniture inside the article region: subtrees removed before the region becomes blocks.

Navigation, asides, hidden elements and clearly named furniture go at once; other containers go
when their content says they are furniture (mostly links, more images or inputs than paragraphs,
a furniture-like class with little text). Containers are judged innermost first, so a container
is judged on what is left of it.
"""

from __future__ import annotations

import re
from collections import Counter

from selectolax.lexbor import LexborNode

from . import hints
from .content import PARAGRAPHS_WITHOUT_P, link_density

_ALWAYS = (
    "nav, aside, footer, form, dialog, menu, [hidden], [aria-hidden=true], "
    "[style*='display:none' i], [style*='display: none' i], [role=navigation], "
    "[role=complementary], [role=contentinfo], [role=dialog]"
)
_JUDGED = "div, section, header, ul, ol, table, figure, p"
_LISTS = frozenset({"ul", "ol"})
# A line that only dates the page ("Updated: 18 Nov 2019 9:38 pm"): metadata, read elsewhere.
_DATELINE = re.compile(
    r"^(?:first |last )?(?:published|posted|updated|modified)(?: on| at)?\s*:?"
    r"(?:\s*[^\W\d]{3,10}\.?,?){0,2}\s*\d",
    re.IGNORECASE,
)
_MAX_DATELINE = 120
_SENTENCE_ENDS = (".", "!", "?", "”", '"', "’")
# A cookie consent prompt left in the page's text.
_COOKIE_CONSENT = re.compile(
    r"\b(?:(?:this|our) (?:web)?site|we) uses? cookies\b|\baccept (?:all )?cookies\b",
    re.IGNORECASE,
)
_MAX_CONSENT = 400
# Labels a page leaves in the text: an advertising slot's, a reading-time estimate, in a few
# languages.
_AD_LABEL = re.compile(
    r"^(?:advertisement|advertising|advert|ad|sponsored|anzeige|werbung|publicidad|publicité|"
    r"pubblicità|publicidade|reklama|iklan|広告)$"
    r"|^(?:\d+\s*min(?:ute)?s?\s*read|(?:estimated )?reading time|tempo de leitura"
    r"|temps de lecture|lesezeit|tiempo de lectura)\b.{0,20}$",
    re.IGNORECASE,
)
_EMBEDS = ("iframe", "embed", "object", "video")
_COUNTED = "p, img, li, input, iframe, embed, object, video"
_MIN_JUDGED = 50
# A container with this many commas is prose, whatever else it holds.
_PROSE_COMMAS = 10


def remove_boilerplate(region: LexborNode) -> None:
    """Remove furniture subtrees under ``region`` (the region itself is kept)."""
    _remove(region, region.css(_ALWAYS))
    # A short region is all the page has: judging its parts would leave nothing.
    if len(region.text(deep=True, strip=True)) >= _MIN_JUDGED:
        _remove(region, [node for node in region.css(_JUDGED) if _is_furniture(node)])


def _remove(region: LexborNode, nodes: list[LexborNode]) -> None:
    # Innermost first (reverse document order), so no node is removed after an ancestor.
    for node in reversed(nodes):
        if node.mem_id != region.mem_id:
            node.decompose()


def _is_furniture(node: LexborNode) -> bool:
    label = hints.label(node)
    if hints.unlikely(label):
        return True
    weight = hints.weight(label)
    text = node.text(deep=True, strip=True)
    if len(text) <= _MAX_DATELINE and _DATELINE.match(text):
        return True
    if text.count(",") >= _PROSE_COMMAS:
        return False
    if weight < 0:
        return True
    tag = node.tag
    if tag == "p":
        # A paragraph is judged on its name (above) and on being an advertising label or a
        # cookie prompt only: links and shortness are normal in prose.
        return bool(_AD_LABEL.match(text)) or (
            len(text) <= _MAX_CONSENT and bool(_COOKIE_CONSENT.search(text))
        )
    is_list = tag in _LISTS
    counts = Counter(inner.tag for inner in node.css(_COUNTED))
    paragraphs = counts["p"] + len(node.css(PARAGRAPHS_WITHOUT_P))
    images = counts["img"]
    items = counts["li"] - 100
    inputs = counts["input"]
    embeds = sum(counts[embed] for embed in _EMBEDS)
    density = link_density(node)
    in_figure = tag == "figure"
    return (
        (images > 1 and paragraphs / images < 0.5 and not in_figure)
        or (not is_list and items > paragraphs)
        or inputs > paragraphs / 3
        or (not is_list and not in_figure and len(text) < 25 and (images == 0 or images > 2))
        or (not is_list and weight < 25 and density > (0.5 if _is_prose(text, counts) else 0.2))
        or (weight >= 25 and density > 0.5)
        or (embeds == 1 and len(text) < 75)
        or embeds > 1
    )


def _is_prose(text: str, counts: Counter[str | None]) -> bool:
    """Paragraphs and nothing else, ending as a sentence ends: prose with links in it."""
    return counts["p"] > 0 and not counts["li"] and text.endswith(_SENTENCE_ENDS)
