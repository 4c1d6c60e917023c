"""The generic article region: container scoring, sibling merging and furniture removal."""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

import unsyndicate
from conftest import fixture_pages
from unsyndicate.generic import hints
from unsyndicate.generic.boilerplate import Removed, remove_boilerplate, remove_matching
from unsyndicate.generic.content import content_region, link_density

content_module = sys.modules["unsyndicate.generic.content"]

PROSE = (
    "The council met on Tuesday, after weeks of delay, to vote on the plan, which would "
    "rebuild the bridge, widen the road and add a cycle lane along the river."
)


def page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def article_page() -> str:
    paragraphs = "".join(f"<p>{PROSE} Point {n}.</p>" for n in range(5))
    return page(
        '<nav class="menu"><ul><li><a href="/a">Home</a></li><li><a href="/b">World</a></li>'
        "</ul></nav>"
        f'<div class="sidebar"><p>{PROSE} Sidebar text.</p></div>'
        f'<div id="story" class="article-body">{paragraphs}'
        '<div class="share-tools"><a href="/s">Share on Facebook</a></div></div>'
        '<div class="comments"><p>First comment, I agree, totally, yes, great, read it.</p></div>'
        "<footer><p>About us. Contact. Careers, jobs, and more things.</p></footer>"
    )


def test_the_container_with_the_prose_wins() -> None:
    tree = LexborHTMLParser(article_page())
    region = content_region(tree)
    assert [node.attributes.get("id") for node in region] == ["story"]


def test_navigation_sidebar_comments_and_footer_stay_out_of_the_body() -> None:
    text = unsyndicate.parse(article_page()).text
    assert text.count(PROSE) == 5
    for furniture in ("Home", "Sidebar text", "First comment", "About us", "Share on"):
        assert furniture not in text


def test_paragraphs_in_sibling_containers_are_merged() -> None:
    first = "".join(f"<p>{PROSE} First part {n}.</p>" for n in range(4))
    second = "".join(f"<p>{PROSE} Second part {n}.</p>" for n in range(4))
    html = page(
        f'<div id="wrap"><div class="text">{first}</div>'
        f'<div class="promo"><a href="/x">Buy now</a></div>'
        f'<div class="text">{second}</div></div>'
    )
    text = unsyndicate.parse(html).text
    assert "First part 0" in text
    assert "Second part 3" in text
    assert "Buy now" not in text


def test_a_div_of_inline_text_counts_as_a_paragraph() -> None:
    blocks = "".join(f"<div><span>{PROSE} Line {n}.</span></div>" for n in range(4))
    html = page(f'<div class="links"><a href="/1">One</a></div><div id="post">{blocks}</div>')
    region = content_region(LexborHTMLParser(html))
    assert [node.attributes.get("id") for node in region] == ["post"]


def test_a_furniture_name_on_a_whole_page_wrapper_does_not_hide_the_article() -> None:
    paragraphs = "".join(f"<p>{PROSE} Item {n}.</p>" for n in range(4))
    html = page(f'<div class="layout has-sidebar"><div class="article">{paragraphs}</div></div>')
    assert unsyndicate.parse(html).text.count(PROSE) == 4


def test_link_density_is_the_share_of_text_in_links() -> None:
    node = LexborHTMLParser("<div>abcd<a href='/'>efgh</a></div>").css_first("div")
    assert node is not None
    assert link_density(node) == 0.5


def test_boilerplate_removal_keeps_prose_and_drops_link_lists_and_hidden_parts() -> None:
    html = (
        f"<div id='r'><p>{PROSE}</p><p>{PROSE}</p>"
        "<div><a href='/1'>Related one</a> <a href='/2'>Related two</a></div>"
        "<div style='display: none'>Hidden promo text that nobody sees</div>"
        "<aside>Aside box</aside></div>"
    )
    tree = LexborHTMLParser(html)
    region = tree.css_first("#r")
    assert region is not None
    remove_boilerplate(region, Removed())
    text = region.text()
    assert PROSE in text
    for gone in ("Related one", "Hidden promo", "Aside box"):
        assert gone not in text


def test_furniture_taken_out_goes_back_where_it_was() -> None:
    # Taken innermost first (an aside in a nav, then siblings), and outermost first (a header
    # in a header).
    html = (
        "<div id='r'><header><h1>Title</h1><header><p>Kicker</p></header></header><p>One</p>"
        "<nav><a href='/'>Home</a><aside>Inner</aside></nav><aside>Aside</aside><p>Two</p>"
        "<footer>End</footer></div>"
    )
    region = LexborHTMLParser(html).css_first("#r")
    assert region is not None
    whole = region.html
    removed = Removed()
    remove_matching(region, "nav, aside, footer", removed)
    for part in region.css("header"):
        removed.take(part)
    without = region.html
    assert without == '<div id="r"><p>One</p><p>Two</p></div>'
    with removed.back():
        assert region.html == whole
    assert region.html == without
    removed.put_back()
    assert region.html == whole


def test_the_title_heading_is_taken_out_of_the_body() -> None:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    html = page(
        f"<article><h1>Bridge plan approved</h1>{paragraphs}</article>",
        head="<title>Bridge plan approved | The Daily Example</title>",
    )
    article = unsyndicate.parse(html)
    assert article.title == "Bridge plan approved"
    assert "Bridge plan approved" not in article.text


def test_a_page_of_a_few_words_keeps_them() -> None:
    article = unsyndicate.parse(page("<div><span>A short note.</span></div>"))
    assert article.text == "A short note."


def test_a_lead_in_a_div_beside_the_article_container_joins_it() -> None:
    body = "".join(f"<p>{PROSE} Body {n}.</p>" for n in range(5))
    html = page(
        f'<div id="col"><div class="lead">Lead: {PROSE}</div>'
        f'<div class="print-url">https://example.com/news/bridge-plan-approved-2019-11-18</div>'
        f'<div class="story">{body}</div></div>'
    )
    text = unsyndicate.parse(html).text
    assert text.startswith(f"Lead: {PROSE}")
    assert "https://example.com" not in text


def test_permalink_marks_leave_headings() -> None:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    html = page(
        f'<article>{paragraphs}<h2>Install<a href="#install">¶</a></h2>{paragraphs}</article>'
    )
    headings = [block.text for block in unsyndicate.parse(html).body if block.kind == "heading"]
    assert headings == ["Install"]


@pytest.mark.parametrize(
    "furniture",
    [
        "<p>Updated: 18 Nov 2019 9:38 pm</p>",
        "<div>First Published: Tuesday, November 19, 2019 08:38 AM</div>",
        "<p>ADVERTISEMENT</p>",
        "<p>Tempo de leitura: 2 minutos</p>",
        "<p>4 min read</p>",
        '<p class="photo-credit">Photograph by a staff photographer for the agency</p>',
    ],
)
def test_datelines_ad_labels_and_credits_leave_the_body(furniture: str) -> None:
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    article = unsyndicate.parse(page(f"<article>{paragraphs}{furniture}{paragraphs}</article>"))
    assert article.text.count(PROSE) == 6
    assert len(article.body) == 6


def test_a_paragraph_that_mentions_an_update_stays() -> None:
    line = "Updated guidance from the council, published in 2019, says the bridge must close."
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    article = unsyndicate.parse(page(f"<article>{paragraphs}<p>{line}</p></article>"))
    assert line in article.text


def test_a_short_paragraph_with_a_long_link_stays_in_prose() -> None:
    cards = "".join(f'<div class="card"><p>{PROSE} Card {n}.</p></div>' for n in range(4))
    linked = (
        '<div class="card"><p>The finding was announced on Monday in '
        '<a href="https://journal.example/x">the journal Nature Astronomy</a>.</p></div>'
    )
    related = '<div class="card"><a href="/a">Other story one</a> <a href="/b">Two</a></div>'
    article = unsyndicate.parse(page(f"<div id='story'>{cards}{linked}{related}</div>"))
    assert "journal Nature Astronomy." in article.text
    assert "Other story one" not in article.text


def test_a_cookie_prompt_leaves_the_body() -> None:
    prompt = "This website uses cookies to improve your experience. Accept Read More"
    paragraphs = "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    article = unsyndicate.parse(page(f"<article>{paragraphs}<p>{prompt}</p></article>"))
    assert "cookies" not in article.text


def test_a_photo_alone_in_a_paragraph_is_an_image_block() -> None:
    html = page(
        f"<article><p>{PROSE}</p>"
        '<p><img src="https://example.org/bridge.jpg" alt="The old bridge"></p>'
        f"<p>{PROSE} More.</p></article>"
    )
    body = unsyndicate.parse(html).body
    assert [block.kind for block in body] == ["paragraph", "image", "paragraph"]
    assert (body[1].url, body[1].text) == ("https://example.org/bridge.jpg", "The old bridge")


def test_a_related_label_takes_the_linked_headline_after_it() -> None:
    html = page(
        f"<article><p>{PROSE}</p><p>Related</p>"
        '<h2><a href="https://example.org/other-story">The other story</a></h2>'
        f"<h2>Our own section</h2><p>{PROSE} More.</p>"
        '<p>(<a href="https://example.org/third">Leggi anche su: the third story</a>)</p></article>'
    )
    article = unsyndicate.parse(html)
    assert [(n.kind, n.text, n.links) for n in article.notices] == [
        ("related", "Related\nThe other story", ("https://example.org/other-story",)),
        ("related", "(Leggi anche su: the third story)", ("https://example.org/third",)),
    ]
    assert [b.text for b in article.body if b.kind == "heading"] == ["Our own section"]


def test_a_container_inside_a_link_is_not_judged_a_link_list() -> None:
    # Only links inside a container make its text link text (a card wrapped in one link stays).
    html = f"<div id='r'><p>{PROSE}</p><a href='/card'><div>{PROSE} Card.</div></a></div>"
    tree = LexborHTMLParser(html)
    region = tree.css_first("#r")
    assert region is not None
    remove_boilerplate(region, Removed())
    assert region.text().count(PROSE) == 2


@settings(max_examples=300)
@given(st.text(alphabet="adsCOKIEfotvrw -_\u0130\u0131\u017f\u212aé’", max_size=30))
def test_words_answer_as_the_case_insensitive_pattern(text: str) -> None:
    # Alternatives sharing a first letter are grouped inside Words: the answer must not change.
    pattern = r"-ad-|\bads?\b|advert|foot\b|fad|cookies?|\bwe use cookies\b|\bwe\b|we\b"
    expected = re.search(pattern, text, re.IGNORECASE) is not None
    assert hints.Words(pattern).search(text) == expected
    assert hints.Words(r"\bwe use cookies\b|\bcookies\b", "cookies").search(text) == (
        re.search(r"\bwe use cookies\b|\bcookies\b", text, re.IGNORECASE) is not None
    )


@pytest.mark.parametrize(
    "page",
    [page for page in fixture_pages() if page.parent.name == "generic"],
    ids=lambda page: page.name,
)
def test_streamed_lengths_are_the_lengths_read_whole(page: Path) -> None:
    # On pages of more than a million characters of text, lengths are summed text node by text
    # node instead of read as one string: the two must agree, element by element.
    body = LexborHTMLParser(gzip.decompress(page.read_bytes())).body
    assert body is not None
    read, streamed = content_module._Lengths(), content_module._Lengths(streamed=True)
    for element in body.css("div, section, article, td, ul"):
        assert streamed.text(element) == read.text(element)


def test_a_paragraph_named_as_furniture_is_left_out_beside_its_siblings() -> None:
    # Its siblings give points to the same container; only the named ones are left out.
    def region(name: str) -> list[str | None]:
        mixed = f'<p>{PROSE}</p><p class="{name}">{PROSE}</p>' * 3
        html = page(f'<div id="mixed">{mixed}</div><div id="plain">{f"<p>{PROSE}</p>" * 4}</div>')
        return [node.attributes.get("id") for node in content_region(LexborHTMLParser(html))]

    assert region("sharing") == ["plain"]
    assert region("lead") == ["mixed"]


def test_alike_paragraphs_are_one_run_giving_their_points_one_by_one() -> None:
    # Seven paragraphs of one point each, kept as one record; the div two levels up gets a sixth
    # of a point from each in turn: a sum of floats, not a product, which ends a bit apart.
    line = "A plain line of text without any comma in it"
    inner = f"<p>{line}</p>" * 7
    html = page(f'<div id="outer"><div id="mid"><div id="inner">{inner}</div></div></div>')
    body = LexborHTMLParser(html).body
    assert body is not None
    scoring = content_module._Page(body)
    assert [(count, points) for _, points, _, count in scoring.runs] == [(7, 1)]
    scores = {c.node.id: c.score for c in content_module._score(scoring, True).values()}
    expected = 5.0  # a div's own score
    for _ in range(7):
        expected += 1 / 6
    assert expected != 5.0 + 7 * (1 / 6)
    assert scores == {"inner": 5.0 + 7, "mid": 5.0 + 7 / 2, "outer": expected}


def test_divs_used_as_paragraphs_are_not_scored_again_as_containers() -> None:
    # Three paragraphs (two of them divs) give their points to the post; then the post's own
    # text counts once, as a container's.
    own = "Words written straight into the post, long enough to count."
    html = page(f'<div id="post"><div>{PROSE}</div><div>{PROSE}</div><p>{PROSE}</p>{own}</div>')
    body = LexborHTMLParser(html).body
    assert body is not None
    scoring = content_module._Page(body)
    runs = [(scoring.owners[owner].id, count) for owner, _, _, count in scoring.runs]
    assert runs == [("post", 3), ("post", 1)]


# Every HTML fixture page, gzipped or not.
each_html_fixture = pytest.mark.parametrize(
    "page",
    [page for page in fixture_pages() if page.suffix in (".html", ".htm", ".gz")],
    ids=lambda page: page.name,
)


@each_html_fixture
def test_a_node_asked_alone_is_a_paragraph_as_the_query_finds_it(page: Path) -> None:
    body = fixture_body(page)
    found = {element.mem_id for element in body.css(content_module.PARAGRAPHS)}
    for element in body.traverse():
        if element.mem_id != body.mem_id:
            assert content_module._is_paragraph(element) == (element.mem_id in found)


@each_html_fixture
def test_tag_ids_name_the_tags_they_stand_for(page: Path) -> None:
    # The scoring asks an element's tag_id, not its tag: both must sort every element alike.
    body = fixture_body(page)
    groups = [
        (content_module.BLOCK_TAGS, content_module._BLOCKS),
        (content_module._STOP, content_module._STOP_IDS),
        (content_module._FURNITURE_TAGS, content_module._FURNITURE_IDS),
        (content_module._PARAGRAPH_TAGS, content_module._PARAGRAPH_IDS),
    ]
    for element in body.traverse():
        tag, number = element.tag, element.tag_id
        assert content_module._SCORE_BY_ID.get(number, 0) == content_module._TAG_SCORE.get(tag, 0)
        for names, numbers in groups:
            assert (tag in names) == (number in numbers), tag


def fixture_body(page: Path) -> LexborNode:
    """The body of a fixture page, gzipped or not."""
    data = page.read_bytes()
    body = LexborHTMLParser(gzip.decompress(data) if page.suffix == ".gz" else data).body
    assert body is not None
    return body
