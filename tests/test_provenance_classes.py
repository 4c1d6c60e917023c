"""Each class of republication the generic rules recognise, on small pages written for the test,
in English, German, Spanish, French, Japanese and Chinese; and what is not a repost.

The bench pages are held to ``original`` being set exactly when ``syndicated`` is (issue 19):
every fixture here, and every page of ../shared/bench when it is beside the project.
"""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

import unsyndicate
from unsyndicate.sites import same_publisher, site_keys, site_label

URL = "https://republisher.example/news/2024/the-bridge"
PROSE = (
    "The council met on Tuesday, after weeks of delay, to vote on the plan, which would "
    "rebuild the bridge, widen the road and add a cycle lane along the river."
)
ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT.parent / "shared" / "bench"


def page(
    body_end: str = "",
    below_title: str = "",
    head: str = "",
    first: str = PROSE,
    site: str = "The Republisher",
) -> str:
    paragraphs = f"<p>{first}</p>" + "".join(f"<p>{PROSE} Part {n}.</p>" for n in range(3))
    return (
        f"<html><head><title>The bridge</title>{head}"
        f"<meta property='og:site_name' content='{site}'></head><body><article>"
        f"<h1>The bridge</h1>{below_title}{paragraphs}{body_end}</article></body></html>"
    )


def original_of(html: str, url: str | None = URL) -> str | None:
    article = unsyndicate.parse(html, url)
    assert (article.original is not None) == article.syndicated
    return article.original.name if article.original else None


# Stated reposts, excerpts and translations, closing the article.
@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("The post The bridge appeared first on Riverside Notes.", "Riverside Notes"),
        ("This post originally appeared on Riverside Notes.", "Riverside Notes"),
        ("Republished with permission from Riverside Notes.", "Riverside Notes"),
        (
            "This article is republished from The Conversation under a Creative Commons "
            "license. Read the original article.",
            "The Conversation",
        ),
        (
            "Excerpted from the book Bridges of the North by Ann Lee, reprinted by permission "
            "of Harbour Press.",
            "Bridges of the North",
        ),
        ("This article was translated from Le Monde.", "Le Monde"),
        ("Provided by European Bridge Agency", "European Bridge Agency"),
        ("Der Beitrag erschien zuerst auf Flussblick.", "Flussblick"),
        ("Dieser Text ist zuerst bei Flussblick erschienen.", "Flussblick"),
        ("Originalartikel: Flussblick", "Flussblick"),
        ("Este artículo fue publicado originalmente en El Puente.", "El Puente"),
        ("Cet article a été publié initialement sur Le Pont.", "Le Pont"),
        ("原文：橋の新聞", "橋の新聞"),
        ("本記事は橋の新聞からの転載です。", "橋の新聞"),
        ("本文转载自桥梁日报", "桥梁日报"),
    ],
)
def test_a_credit_line_names_the_original(line: str, name: str) -> None:
    article = unsyndicate.parse(page(f"<p>{line}</p>"), URL)
    assert article.syndicated
    assert article.original is not None and article.original.name == name
    assert "reprint" in [notice.kind for notice in article.notices]
    assert line not in article.text


def test_a_credit_gives_the_originals_date_and_link() -> None:
    line = (
        "<p>Originally published at <a href='https://riverside.example/bridge'>"
        "riverside.example</a> on November 18, 2011.</p>"
    )
    article = unsyndicate.parse(page(line), URL)
    assert article.original is not None
    assert article.original.name == "riverside.example"
    assert article.original.url == "https://riverside.example/bridge"
    assert article.original.published == "2011-11-18"


def test_a_nameless_credit_is_named_by_its_link() -> None:
    line = "<p>Republished with <a href='https://riverside.example/a'>permission</a>.</p>"
    assert original_of(page(line)) == "riverside.example"


def test_a_credit_after_the_article_region_names_the_original() -> None:
    # A last section the region does not take, its sentence split by a link.
    after = (
        "<section><p><em>Originally published at </em><a href='https://riverside.example/b'>"
        "<em>riverside.example</em></a><em> on November 18, 2011.</em></p></section>"
    )
    html = page().replace("</article>", f"</article>{after}")
    article = unsyndicate.parse(html, URL)
    assert article.original is not None
    assert (article.original.name, article.original.published) == (
        "riverside.example",
        "2011-11-18",
    )


def test_a_provided_by_line_after_the_region_names_the_original() -> None:
    # A press release's source, between the article and a footer that repeats its opening.
    long_paragraphs = "".join(f"<p>{PROSE} {PROSE} Part {n}.</p>" for n in range(4))
    after = (
        "<div>Provided by <a href='/partners/harbour-agency/'>Harbour Agency</a></div>"
        f"<footer><p>{PROSE[:40]}</p><p>More news</p></footer>"
    )
    html = page().replace("</article>", f"{long_paragraphs}</article>{after}")
    assert original_of(html) == "Harbour Agency"


def test_a_nameless_credit_is_named_by_the_copyright_line_after_it() -> None:
    html = page("<p>This article has been adapted from its original source.</p>").replace(
        "</article>", "</article><div>Copyright © 2019 The Harbour Times. All rights reserved</div>"
    )
    assert original_of(html) == "The Harbour Times"


def test_a_date_after_originally_published_is_no_name() -> None:
    assert original_of(page("<p>Originally published on November 20, 2019.</p>")) is None


# Wire copy credited outside the "CITY (AP) —" dateline.
@pytest.mark.parametrize(
    ("below_title", "name"),
    [
        ("<p>Associated Press</p>", "The Associated Press"),
        ("<p>By <a href='/author/tom'>Tom Davies</a></p><p>Associated Press</p>", None),
        ("<p>AFP | 19 Nov 2019</p>", "Agence France-Presse"),
        ("<p>Por Agencia EFE</p>", "EFE"),
        ("<p>Quelle: dpa</p>", "dpa"),
        ("<p>Source : AFP</p>", "Agence France-Presse"),
        ("<p>来源：桥梁日报</p>", "桥梁日报"),
    ],
)
def test_a_byline_or_source_line_under_the_title_names_the_agency(
    below_title: str, name: str | None
) -> None:
    found = original_of(page(below_title=below_title))
    assert found == (name or "The Associated Press")


@pytest.mark.parametrize(
    ("head", "name"),
    [
        ('<meta name="author" content="Tom Krisher, AP Auto Writer">', "The Associated Press"),
        ('<meta name="author" content="Jill Lawless, Associated Press">', "The Associated Press"),
    ],
)
def test_an_agencys_reporter_in_the_markup_names_the_agency(head: str, name: str) -> None:
    assert original_of(page(head=head)) == name


@pytest.mark.parametrize(
    ("first", "last", "name"),
    [
        ("MADRID (EFE).- " + PROSE, "", "EFE"),
        ("【ワシントン共同】 " + PROSE, "", "Kyodo News"),
        ("新华社北京2月19日电 " + PROSE, "", "Xinhua"),
        (PROSE, "<p>Die Brücke wird im Herbst eröffnet. (KNA/lno)</p>", "KNA"),
        (PROSE, "<p>The bridge opens in the autumn, the officials said. PTI</p>", "PTI"),
        (PROSE, "<p>(dpa)</p>", "dpa"),
    ],
)
def test_wire_datelines_and_closing_credits(first: str, last: str, name: str) -> None:
    found = original_of(page(last, first=first))
    expected = {"PTI": "Press Trust of India"}.get(name, name)
    assert found == expected


def test_an_agency_story_on_the_agencys_other_site_is_its_own() -> None:
    html = page(first="WASHINGTON (AP) — " + PROSE, site="AP")
    assert original_of(html, "https://hosted.ap.org/paper/article/123/the-bridge") is None


def test_an_agency_section_in_the_address_names_the_agency() -> None:
    assert original_of(page(), "https://paper.example/news/ap/the-bridge") == (
        "The Associated Press"
    )
    # A state's section is no agency's.
    assert original_of(page(), "https://paper.example/news/pa/the-bridge") is None


# What is not a repost.
@pytest.mark.parametrize(
    "below_title",
    [
        # A photo's credit under the title, on a page signed by a reporter.
        "<p>By Ann Lee</p><figure><img src='/bridge.jpg'><figcaption>The old bridge at dusk, "
        "seen from the east bank.<small>Reuters</small></figcaption></figure>",
        "<p>By Ann Lee</p><p>Photo: Evan Vucci, AP</p>",
        "<p>By Ann Lee</p><p>Amr Dalsh / Reuters</p>",
    ],
)
def test_a_photo_credit_is_not_a_wire_byline(below_title: str) -> None:
    assert original_of(page(below_title=below_title)) is None


@pytest.mark.parametrize(
    "line",
    [
        "According to Reuters, the council will vote again in May.",
        "Originally published in March 2022. Last updated on December 20, 2024.",
        "Ursprünglich erstmals erschienen am 3. März 2022.",
        "Originally Posted by bridgefan99",
        "This article was reprinted on Wired.com.",
    ],
)
def test_citations_and_own_editions_are_not_reposts(line: str) -> None:
    assert original_of(page(f"<p>{line}</p>")) is None


@pytest.mark.parametrize(
    ("url", "canonical", "site"),
    [
        ("https://www.shop.de/gb/guitars.html", "https://www.shop.co.uk/guitars.html", "Shop"),
        ("https://www.notion.so/product", "https://www.notion.com/", "Notion"),
        (
            "https://economictimes.indiatimes.com/a/b/123.cms",
            "https://m.economictimes.com/a/b/123.cms",
            "The Economic Times",
        ),
        (None, "https://www.prevention.com/health/a1/", "Prevention"),
    ],
)
def test_a_canonical_on_the_publishers_other_domain_is_not_a_repost(
    url: str | None, canonical: str, site: str
) -> None:
    html = page(head=f"<link rel='canonical' href='{canonical}'>", site=site)
    assert original_of(html, url) is None


def test_a_site_crediting_itself_is_not_a_repost() -> None:
    html = page("<p>Originally published on Live Science.</p>", site="livescience.com")
    assert original_of(html, None) is None


def test_a_canonical_on_another_publisher_is_a_repost() -> None:
    html = page(head="<link rel='canonical' href='https://www.cnn.com/2024/bridge'>", site="MSN")
    assert original_of(html, "https://www.msn.com/en-us/news/bridge") == "cnn.com"


@pytest.mark.parametrize(
    ("host", "label"),
    [
        ("news.bbc.co.uk", "bbc"),
        ("jaraguadosul.sc.gov.br", "jaraguadosul"),
        ("notion.so", "notion"),
    ],
)
def test_site_label(host: str, label: str) -> None:
    assert site_label(host) == label


def test_same_publisher_compares_names_and_hosts() -> None:
    assert same_publisher(site_keys("Live Science"), site_keys(url="https://livescience.com/"))
    assert not same_publisher(site_keys("CNN"), site_keys("MSN", "https://www.msn.com/"))


def _pages() -> list[Path]:
    fixtures = [
        path
        for path in (ROOT / "tests" / "fixtures").rglob("*")
        if path.suffix in (".html", ".gz") and path.is_file()
    ]
    bench = sorted(BENCH.glob("*/html/*.html.gz")) + sorted(BENCH.glob("*/pages/*/source.html.gz"))
    return fixtures + bench


def test_original_is_set_exactly_when_syndicated_on_every_real_page() -> None:
    pages = _pages()
    assert len(pages) > 10
    wrong = []
    for path in pages:
        data = path.read_bytes()
        html = gzip.decompress(data) if path.suffix == ".gz" else data
        url_file = path.with_name(path.name.split(".")[0] + ".url")
        url = url_file.read_text().strip() if url_file.exists() else None
        try:
            article = unsyndicate.parse(html, url)
        except unsyndicate.ParseError:
            continue
        if (article.original is not None) != article.syndicated:
            wrong.append(path.name)
    assert wrong == []
