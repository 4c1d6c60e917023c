"""The generic body on the shapes of page it used to miss (each page written for the test).

Every case names sentences the body must hold and furniture it must not; a page with article
text never gets an empty body.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from selectolax.lexbor import LexborHTMLParser

import unsyndicate
from unsyndicate.adapter import GENERIC, Adapter
from unsyndicate.document import Document
from unsyndicate.generic.boilerplate import Removed, remove_boilerplate
from unsyndicate.generic.content import content_region
from unsyndicate.registry import Registered, Registry

SENTENCES = [
    f"Sentence number {n} explains, at some length and with care, how the harbour wall was "
    f"rebuilt after the storm, stone by stone, over the winter of that year."
    for n in range(12)
]
MENU = '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
FOOTER = "<footer><p>Copyright the Example Company. All rights reserved, always.</p></footer>"


def page(body: str) -> str:
    return f"<html><head><title>A page</title></head><body>{MENU}{body}{FOOTER}</body></html>"


def paragraphs(numbers: range, tag: str = "p") -> str:
    return "".join(f"<{tag}>{SENTENCES[n]}</{tag}>" for n in numbers)


def teasers(count: int) -> str:
    items = "".join(
        f'<li><a href="/story/{n}">Another story about something else, number {n}</a></li>'
        for n in range(count)
    )
    return f'<div class="more"><h3>More stories</h3><ul>{items}</ul></div>'


@dataclass(frozen=True)
class Shape:
    name: str
    html: str
    present: tuple[str, ...]
    absent: tuple[str, ...] = ("Another story about", "All rights reserved")


SHAPES = [
    Shape(
        "text in divs split by <br>, no <p>",
        page(
            '<div class="main"><div class="txt">'
            + "<br><br>".join(SENTENCES[:6])
            + "</div></div>"
            + teasers(8)
        ),
        (SENTENCES[0], SENTENCES[5]),
    ),
    Shape(
        "a blog body in post-body",
        page(
            '<div class="blog-posts"><div class="post"><h1>My trip</h1>'
            f'<div class="post-body entry-content">{paragraphs(range(5))}</div></div></div>'
            + teasers(10)
        ),
        (SENTENCES[0], SENTENCES[4]),
    ),
    Shape(
        "an article that is a ranked list",
        page(
            f"<article><h1>The ten best</h1><p>{SENTENCES[0]}</p><ol>"
            + "".join(f"<li>{SENTENCES[n]}</li>" for n in range(1, 11))
            + "</ol></article>"
            + teasers(6)
        ),
        (SENTENCES[0], SENTENCES[1], SENTENCES[10]),
    ),
    Shape(
        "documentation with code blocks and a table",
        page(
            f'<main><h1>Install</h1><p>{SENTENCES[0]}</p><pre><code class="language-sh">'
            "pip install example-tool</code></pre>"
            f"<p>{SENTENCES[1]}</p><table><tr><th>Option</th><th>Meaning</th></tr>"
            "<tr><td>--fast</td><td>skips the slow checks</td></tr></table>"
            f"<p>{SENTENCES[2]}</p></main>" + teasers(5)
        ),
        (SENTENCES[0], "pip install example-tool", "skips the slow checks", SENTENCES[2]),
    ),
    Shape(
        "an article split across sibling sections, the first the longest",
        page(
            "<div class='page-builder'>"
            + "".join(
                f'<section class="builder-section"><div class="builder-column">'
                f'<div class="builder-widget widget-text">{paragraphs(numbers)}</div>'
                "</div></section>"
                for numbers in (range(5), *(range(n, n + 1) for n in range(5, 11)))
            )
            + "</div>"
            + teasers(12)
        ),
        (SENTENCES[0], SENTENCES[5], SENTENCES[10]),
    ),
    Shape(
        "the lede in a container of its own before the main one",
        page(
            f'<div class="story"><div class="standfirst"><p>{SENTENCES[0]}</p>'
            f"<p>{SENTENCES[1]}</p></div>"
            f'<div class="story-body">{paragraphs(range(2, 8))}</div></div>' + teasers(10)
        ),
        (SENTENCES[0], SENTENCES[1], SENTENCES[7]),
    ),
    Shape(
        "a content wrapper whose class names furniture",
        page(
            f'<div class="layout has-sidebar"><div class="post-with-comments">'
            f"{paragraphs(range(6))}</div></div>" + teasers(10)
        ),
        (SENTENCES[0], SENTENCES[5]),
    ),
    Shape(
        "the article inside a wrapper named sidebar, beside a comment list",
        page(
            '<div class="content-width"><header><h1>A title</h1></header>'
            f"<p>{SENTENCES[11]}</p>"
            f'<div class="sidebar-container"><div class="post-body">{paragraphs(range(6))}</div>'
            '<div class="widget-area"><p>Follow us on all the networks.</p></div></div>'
            '<ul class="comment-list"><li><p>Comment one: nice, great, yes, good, agreed, fine, '
            "well said, thanks.</p></li></ul></div>" + teasers(6)
        ),
        (SENTENCES[11], SENTENCES[0], SENTENCES[5]),
        ("Comment one", "Another story about"),
    ),
    Shape(
        "the posts of a thread inside the forum software's moderation form",
        page(
            '<div class="topic"><h1>A question</h1><form action="/moderate" method="post">'
            + "".join(
                f'<article class="post"><aside class="author">Member {n}</aside>'
                f'<div class="post-content"><p>{SENTENCES[n]}</p></div></article>'
                for n in range(5)
            )
            + '</form><form action="/reply"><textarea></textarea><p>Reply to this topic, '
            "please be nice.</p></form></div>" + teasers(6)
        ),
        (SENTENCES[0], SENTENCES[4]),
        ("Reply to this topic", "Another story about"),
    ),
    Shape(
        "documentation sections whose ids are their headings' words",
        page(
            '<div class="document"><div class="body"><h1>Guide</h1>'
            f"<p>{SENTENCES[0]}</p>"
            + "".join(
                f'<div class="section" id="{slug}"><h2>{heading}</h2>{paragraphs(numbers)}</div>'
                for slug, heading, numbers in (
                    (
                        "sharing-with-a-single-developer",
                        "Sharing with a single developer",
                        range(1, 4),
                    ),
                    ("related-work-and-comments", "Related work and comments", range(4, 7)),
                )
            )
            + "</div></div>"
            + teasers(6)
        ),
        (SENTENCES[0], SENTENCES[1], SENTENCES[6]),
    ),
    Shape(
        "a listing of cards, each with a header of its own and a hidden-from-readers link",
        (
            "<html><head><title>Topic: harbours</title></head><body>"
            '<header class="site"><nav><a href="/">Home</a></nav>'
            "<p>The harbour site, since the year 1999 and always.</p></header>"
            '<main><h1>harbours</h1><section class="latest"><h2>Latest</h2>'
            + "".join(
                f'<article class="card"><header><h2><a href="/s/{n}">Story {n}</a></h2>'
                f'<p><a href="/s/{n}" aria-hidden="true">{SENTENCES[n]}</a></p></header></article>'
                for n in range(6)
            )
            + f"</section></main>{FOOTER}</body></html>"
        ),
        (SENTENCES[0], SENTENCES[5]),
        ("since the year 1999", "All rights reserved"),
    ),
    Shape(
        "a short article beside long lists of other stories",
        page(f'<div class="article"><p>{SENTENCES[0]}</p></div>' + teasers(30)),
        (SENTENCES[0],),
    ),
    Shape(
        "a Japanese article: no spaces between words, the lede beside the body",
        page(
            '<div class="story"><p>この記事の冒頭の段落です。港の壁の再建について説明します。</p>'
            '<div class="entry">'
            + "".join(
                f"<p>これは記事の{n}番目の段落で、港の壁が嵐の後にどのように再建されたかを"
                "詳しく説明しています。石を一つずつ積み上げました。</p>"
                for n in range(6)
            )
            + "</div></div>"
            + teasers(10)
        ),
        ("この記事の冒頭の段落です", "これは記事の0番目の段落", "これは記事の5番目の段落"),
    ),
    Shape(
        "a product description laid out twice, for two screen sizes",
        page(
            '<div class="product"><h1>Stoneware mug</h1><div class="price">$24.00</div>'
            + "".join(
                f'<div class="product-description {screen}"><p>A hand-thrown stoneware mug with '
                "a speckled glaze, fired twice in a wood kiln and safe in the dishwasher.</p></div>"
                for screen in ("hidden-small", "hidden-large")
            )
            + "</div>"
            + "".join('<div class="card"><p>Add to cart and save more</p></div>' for _ in range(3))
        ),
        ("hand-thrown stoneware mug",),
        ("Add to cart and save more",),
    ),
    Shape(
        "a product page whose every block has a furniture-like class",
        page(
            '<div class="product-info"><h1>Stoneware mug</h1>'
            '<div class="product-meta">A hand-thrown stoneware mug with a speckled glaze, '
            "fired twice in a wood kiln.</div>"
            '<div class="product-meta">Holds twelve ounces of coffee and is safe in the '
            "dishwasher and the microwave.</div></div>" + teasers(4)
        ),
        ("hand-thrown stoneware mug", "safe in the dishwasher"),
    ),
]


@pytest.mark.parametrize("shape", SHAPES, ids=[shape.name for shape in SHAPES])
def test_the_body_holds_the_article_and_not_the_furniture(shape: Shape) -> None:
    text = unsyndicate.parse(shape.html).text
    for wanted in shape.present:
        assert wanted in text
    for furniture in shape.absent:
        assert furniture not in text


def test_the_loosest_step_is_said_in_a_warning() -> None:
    article = unsyndicate.parse(SHAPES[-1].html)
    assert article.body
    assert any(warning.startswith("loose body") for warning in article.warnings)


def test_a_scored_article_has_no_loose_warning() -> None:
    article = unsyndicate.parse(SHAPES[1].html)
    assert not any(warning.startswith("loose body") for warning in article.warnings)


def product_page(head: str) -> str:
    specs = "".join(
        f"<li><span>Feature {n}:</span> a glaze fired at a different heat, number {n}</li>"
        for n in range(12)
    )
    return (
        f"<html><head>{head}</head><body>{MENU}"
        f'<div class="description"><p>{SENTENCES[0]}</p><p>{SENTENCES[1]}</p></div>'
        f'<section class="specs"><h2>Details</h2><ul>{specs}</ul></section>'
        f"{FOOTER}</body></html>"
    )


def test_a_page_that_is_no_article_gives_its_main_text_not_one_container() -> None:
    article = unsyndicate.parse(product_page('<meta property="og:type" content="product">'))
    assert SENTENCES[0] in article.text
    assert "a glaze fired at a different heat, number 11" in article.text


def test_an_article_keeps_its_short_region() -> None:
    article = unsyndicate.parse(product_page('<meta property="og:type" content="article">'))
    assert SENTENCES[0] in article.text
    assert "a glaze fired at a different heat" not in article.text


# A shop's page: its title in the page's header, its text in blocks whose class names furniture.
SHOP_PAGE = (
    "<html><head><title>Stoneware mug | The Example Shop</title></head><body>"
    "<header><h1>Stoneware mug, large</h1></header>"
    '<div class="product"><p>Twenty-four dollars, shipped in two days.</p>'
    + "".join(
        f'<div class="product-meta"><p>{text}</p></div>'
        for text in (
            "A hand-thrown stoneware mug with a speckled glaze, fired twice in a wood kiln by the "
            "two potters of a small workshop on the coast.",
            "It holds twelve ounces of coffee or tea, keeps it warm for a long while, and is safe "
            "in the dishwasher and the microwave.",
            "Every mug differs a little from the next: the glaze runs its own way in the kiln.",
        )
    )
    + f"</div>{FOOTER}</body></html>"
)


def test_the_loosest_step_reads_what_the_regions_furniture_removal_took_out() -> None:
    # The region's furniture removal takes the product's description out ...
    tree = LexborHTMLParser(SHOP_PAGE)
    [region] = content_region(tree)
    remove_boilerplate(region, Removed())
    assert "speckled glaze" not in region.text()
    # ... and the loosest step, reading the page's own blocks, finds it.
    article = unsyndicate.parse(SHOP_PAGE)
    assert any(warning.startswith("loose body") for warning in article.warnings)
    assert "speckled glaze" in article.text
    assert "safe in the dishwasher" in article.text


def test_what_the_loosest_step_leaves_out_is_still_there_for_the_title() -> None:
    # The page's header is no body, but its heading is the title the reader sees.
    assert unsyndicate.parse(SHOP_PAGE).title == "Stoneware mug, large"


def test_refine_reads_the_page_without_the_regions_furniture() -> None:
    seen: list[str] = []

    def look(article: unsyndicate.Article, document: Document) -> unsyndicate.Article:
        assert document.tree is not None
        seen.append(document.tree.html or "")
        return article

    adapter = Adapter(name="looking", refine=look)
    registry = Registry.build(Registered(item, "builtin") for item in (adapter, GENERIC))
    article = unsyndicate.parse(SHOP_PAGE, adapter="looking", registry=registry)
    assert "speckled glaze" in article.text
    [html] = seen
    assert "<h1>Stoneware mug, large</h1>" in html  # what the loosest step left out is back
    assert "speckled glaze" not in html  # the region's furniture is not
