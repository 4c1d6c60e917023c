"""The one pipeline every adapter runs through.

1. decode and build the neutral document (HTML tree or text nodes);
2. choose the adapter (explicit, URL host, content signature, generic);
3. take the article region, its title and header (byline, datelines, taxonomy);
4. split body from furniture, peel notices and media off the body;
5. fill each field from the adapter's rules, then the header, then the page head;
6. work out provenance (original publication, syndication) and build the Article.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import attrs
from selectolax.lexbor import LexborHTMLParser, LexborNode

from .adapter import Adapter, BlockNotice, FieldRule
from .clean import clean
from .dates import date_in_url, is_date_stamp, is_month_first, parse_date
from .decode import binary_format, decode, decode_page
from .document import Document, Head, Node, is_address
from .errors import ParseError
from .generic.authors import clean_authors, shown_bylines
from .generic.boilerplate import Removed, remove_boilerplate
from .generic.content import content_region
from .generic.loose import LOOSE_WARNING, looser_nodes
from .generic.published import (
    NearTitle,
    Shown,
    labelled_date,
    lines_around_title,
    page_text,
    published_date,
    shown_dates,
)
from .generic.title import same_title, shown_title
from .head import read_head
from .header import Header, read_header, split_authors
from .html_nodes import html_nodes
from .markup import bound_markup
from .media import host_of, media_in_html, media_in_line
from .metadata import (
    article_object,
    author_sources,
    declares_article,
    head_authors,
    head_canonical,
    head_image,
    head_language,
    head_modified,
    head_published,
    head_publisher,
    head_subtitle,
    head_tags,
    title_candidates,
)
from .model import Article, Block, Media, Notice, Original, Publisher
from .notices import GENERIC_RULES, RulePlan, body_notice, furniture_notices, plan_rules
from .provenance import (
    origin_from_canonical,
    origin_from_jsonld,
    origin_from_lines,
    origin_from_notices,
    origin_from_wire,
    original_of,
    standing_lines,
)
from .registry import Registry, default_registry
from .text_nodes import text_nodes

# Elements holding code or styles, not text.
_CODE_TAGS = ("script", "style", "template")
# Input where more than this share of characters is control or replacement characters is not
# text at all (an image, an archive) and is refused.
_MAX_NOISE = 0.1
# C0 and C1 controls (compressed data decoded as cp1252 is about 13% of them; text has none).
_NOISE = re.compile("[\ufffd\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
# The same characters as Latin-1 bytes (U+FFFD is none), deleted by bytes.translate at a few
# instructions a character, where the pattern takes some 60.
_LATIN1_NOISE = bytes([*range(0x00, 0x09), 0x0B, *range(0x0E, 0x20), *range(0x7F, 0xA0)])
# Binary data is noise throughout: its first characters tell.
_NOISE_SAMPLE = 8192
# lexbor's tree takes 100-150 bytes a node, so a page of nothing but tiny elements (10 MB of
# "<br>word") would take 30-40 times its size, and as many microseconds a node. Real pages have
# 25 characters a tag or more (the densest of the benchmarks' big pages): a big page with fewer
# than _MIN_TAG_SPAN characters a tag is refused.
_DENSE_CHECKED = 1_000_000
_MIN_TAG_SPAN = 12
_TAG_OPENING = re.compile("<[A-Za-z/]")
# The body's last paragraphs are found in the page's text by the first characters of the first
# of them; the lines from there on read for a credit line are this many, within this many
# characters.
_LAST_PARAGRAPHS = 3
_START_KEY = 16
_MIN_START_KEY = 8
_AFTER_REACH = 3000
_AFTER_LINES = 25
# A linked paragraph in capitals of fewer words may be a heading, a name or a label.
_SHOUTED_WORDS = 3


def parse(
    html: str | bytes,
    url: str | None = None,
    *,
    adapter: str | None = None,
    registry: Registry | None = None,
    charset: str | None = None,
) -> Article:
    """Parse an HTML page (``str``, or ``bytes`` in any charset) into an Article.

    ``url`` is the page's address: it picks the publisher adapter and resolves nothing over the
    network. ``adapter`` forces an adapter by name. ``charset`` is the one the page was served
    with (an HTTP ``Content-Type`` header), used to decode bytes unless the bytes say otherwise.
    Raises :class:`ParseError` when nothing can be extracted (empty input, binary data) or a
    page over 1 MB is made of tags too small to parse within bounds (a tag every 12 characters);
    lesser trouble is reported in ``Article.warnings``.
    """
    text, exact = decode_page(html, charset) if isinstance(html, bytes) else (html, False)
    _refuse_non_text(text, html)
    markup, bounded = bound_markup(text)
    _refuse_dense_markup(markup)  # once nesting past the bound is gone (100 000 <div>)
    # A page that came as bytes is kept as UTF-8 bytes, its text let go (a page's text takes up
    # to four times its UTF-8, and is decoded again only if asked for); bytes that are exactly
    # the page's UTF-8 are those bytes, no copy.
    page: str | bytes = markup
    if isinstance(html, bytes):
        page = html if exact and markup is text else markup.encode("utf-8", "surrogatepass")
    del text, markup
    tree = LexborHTMLParser(_without_nul(page))
    document = Document(page, url, read_head(tree), (), tree)
    article = _run(document, adapter, registry or default_registry())
    return attrs.evolve(article, warnings=(*article.warnings, *bounded)) if bounded else article


def _without_nul(page: str | bytes) -> str | bytes:
    """The page without NUL characters, which lexbor answers with a parse-error record each (a
    page full of them took three times its size more) and its tree builder drops from text
    anyway. Elsewhere (a title, an attribute) one would have been U+FFFD: dropped is no loss."""
    if isinstance(page, bytes):
        return page.replace(b"\x00", b"") if b"\x00" in page else page
    return page.replace("\x00", "") if "\x00" in page else page


def parse_text(
    text: str | bytes,
    url: str | None = None,
    *,
    adapter: str | None = None,
    registry: Registry | None = None,
    charset: str | None = None,
) -> Article:
    """Parse a plain-text or markdown rendering of an article page into an Article.

    The text is cleaned first (mojibake, CRLF, BOM); markdown links keep their targets. Bytes
    are decoded as :func:`parse` decodes them, ``charset`` included.
    """
    raw = text
    if isinstance(text, bytes):
        text = decode(text, declared=charset)
    _refuse_non_text(text, raw)
    cleaned = clean(text)
    document = Document(cleaned, url, Head(), tuple(text_nodes(cleaned)))
    return _run(document, adapter, registry or default_registry())


def _refuse_non_text(text: str, raw: str | bytes) -> None:
    """Refuse empty input and binary data: a known file signature, or mostly control characters."""
    if not text or text.isspace():  # (strip() would copy the page)
        raise ParseError("empty input: there is no text to extract")
    signature = binary_format(raw) if isinstance(raw, bytes) else None
    if signature:
        raise ParseError(f"binary input: {signature} data, not an HTML page or text")
    sample = text[:_NOISE_SAMPLE]
    if _noise(sample) > _MAX_NOISE * len(sample):
        raise ParseError("binary input: this is not an HTML page or text")


def _noise(sample: str) -> int:
    """How many control and replacement characters ``sample`` holds."""
    try:
        data = sample.encode("latin-1")
    except UnicodeEncodeError:  # beyond Latin-1: the pattern counts them
        return len(_NOISE.findall(sample))
    return len(data) - len(data.translate(None, _LATIN1_NOISE))


def _refuse_dense_markup(html: str) -> None:
    """Refuse a big page made of elements too small for its parse to stay bounded in memory."""
    most = len(html) // _MIN_TAG_SPAN
    if len(html) < _DENSE_CHECKED or html.count("<") <= most:
        return
    tags = sum(1 for _ in _TAG_OPENING.finditer(html))  # "<" in text is no tag
    if tags > most:
        raise ParseError(
            f"markup too dense: {tags} tags in {len(html)} characters (a real page has fewer "
            f"than one in {_MIN_TAG_SPAN}); parsing it would take many times its size"
        )


def _run(document: Document, name: str | None, registry: Registry) -> Article:
    adapter = registry.get(name) if name else registry.select(document.url, document.page)
    rules = _notice_rules(adapter, registry)
    # Field rules read the page before anything is taken out of it.
    fields = _read_fields(document, adapter)
    if document.tree is not None:
        # Code is no text: once the field rules have read the page, every text read after
        # (the dates shown, the region's scoring and furniture) is spared it.
        document.tree.strip_tags(list(_CODE_TAGS))
    text = _shown_text(document)
    publisher = _publisher(document, adapter)
    owner = publisher.name if publisher else None
    blocks = _take_notice_blocks(document, adapter, rules, owner, fields.get("original_name"))
    nodes, embeds, region_warnings = _region(document, adapter)
    title, nodes = _take_title(document, fields.get("title"), nodes)
    header, taken = read_header(nodes, adapter)
    nodes = nodes[taken:]
    body_nodes, furniture = _split_furniture(nodes, adapter)
    body, media, notices = _sort_body(body_nodes, rules, owner)
    # A notice the page repeats (a gallery's credit shown again under the open photo) is one.
    notices = list(dict.fromkeys([*notices, *furniture_notices(furniture, rules, owner), *blocks]))
    media = _unique_media([*media, *embeds])
    month_first = is_month_first(head_language(document.head, {}))
    near_title = _lines_near_title(document, text, title)
    shown = shown_dates(near_title.lines, month_first)
    article = _article(
        document, adapter, fields, title, header, shown, body, media, notices, publisher,
        shown_bylines(near_title.lines), near_title.below, _lines_after(text, body),
    )  # fmt: skip
    if article.published is None:
        # Read only now: a labelled date farther down is the last source, and reading the
        # whole page's text for it is spared every page dated otherwise.
        article = attrs.evolve(article, published=labelled_date(text, month_first))
    if region_warnings:
        article = attrs.evolve(article, warnings=(*article.warnings, *region_warnings))
    return _refined(adapter, article, document)


def _shown_text(document: Document) -> str:
    """The page's text as the reader sees it, read before furniture is taken out of the tree."""
    if document.tree is not None:
        return page_text(document.tree)
    return "\n".join(node.text for node in document.nodes)


def _lines_near_title(document: Document, text: str, title: str) -> NearTitle:
    """The lines the page shows around its title: its dates and byline stand there."""
    head = document.head
    titles = (title, *head.meta.get("heading", ()), *title_candidates(head)) if title else ()
    return lines_around_title(text, titles)


def _lines_after(text: str, body: Sequence[Block]) -> list[str]:
    """The page's text lines from the body's last paragraphs on: a credit line the region did
    not take stands among or after them ("Provided by X", a last section's "Originally
    published at X"), or the owner of one they end with ("Copyright © 2019 Example News")."""
    paragraphs = [block.text for block in body if block.kind == "paragraph"]
    # Looked for from where the body starts: a footer may repeat a paragraph's opening.
    start = max(text.find(paragraphs[0][:_START_KEY]), 0) if paragraphs else 0
    # A paragraph's text runs over the page's text nodes: its opening may be split in the page's
    # text ("More information:" / "G. Petit"); the next paragraph is tried then.
    for paragraph in paragraphs[-_LAST_PARAGRAPHS:]:
        key = paragraph[:_START_KEY]
        found = text.find(key, start) if len(key) >= _MIN_START_KEY else -1
        if found >= 0:
            lines = text[found : found + _AFTER_REACH].split("\n")
            return [line for line in map(str.strip, lines) if line][:_AFTER_LINES]
    return []


def _refined(adapter: Adapter, article: Article, document: Document) -> Article:
    if adapter.refine is None:
        return article
    try:
        return adapter.refine(article, document)
    except Exception as error:  # an adapter's function must not break parsing
        problem = f"adapter {adapter.name}: refine failed: {error!r}"
        return attrs.evolve(article, warnings=(*article.warnings, problem))


def _notice_rules(adapter: Adapter, registry: Registry) -> RulePlan:
    """This adapter's rules, every publisher's own furniture, then the generic rules."""
    others = tuple(
        rule for other in registry.adapters if other is not adapter for rule in other.notices
    )
    return plan_rules((*adapter.notices, *others, *GENERIC_RULES))


def _region(document: Document, adapter: Adapter) -> tuple[list[Node], list[Media], list[str]]:
    """The article region's nodes, the media embedded in it, and warnings about it.

    The adapter's content selectors come first; a page they do not match, or a page no adapter
    knows, gets the generic region with its furniture removed, and when that leaves almost no
    text, the page's own text blocks (the loosest step, said in a warning).
    """
    tree = document.tree
    if tree is None:
        return list(document.nodes), [], []
    roots = next(
        ([found] for found in map(tree.css_first, adapter.content) if found is not None), None
    )
    generic = roots is None
    if roots is None:
        roots = content_region(tree)
    nodes: list[Node] = []
    embeds: list[Media] = []
    # The generic region's furniture: out of the tree from here on, but for the time the
    # loosest step reads the page's own blocks.
    furniture = Removed()
    for root in roots:
        for selector in adapter.exclude:
            for element in root.css(selector):
                element.decompose()
        embeds += media_in_html(root)
        if generic:
            remove_boilerplate(root, furniture)
        nodes += html_nodes(root)
    if generic:
        looser = looser_nodes(nodes, tree.body, furniture, article=declares_article(document.head))
        if looser is not None:
            return looser, embeds, [LOOSE_WARNING]
    return nodes, embeds, []


def _take_title(
    document: Document, chosen: str | None, nodes: list[Node]
) -> tuple[str, list[Node]]:
    """The title, and the nodes after it when the title stands at the top of the region."""
    # Without an adapter's title, each title the head gives is tried against the headings:
    # the one the page shows is the article's (a JSON-LD headline may be a description).
    candidates = [] if chosen else title_candidates(document.head)
    if document.is_html:
        known = [chosen] if chosen else candidates
        for index, node in enumerate(nodes[:8]):
            if node.kind == "heading" and (
                node.text == chosen
                or (not chosen and any(same_title(node.text, title) for title in known))
                or (not known and node.block.level == 1)
            ):
                return node.text, nodes[index + 1 :]
    elif nodes and (nodes[0].kind == "heading" or _is_title_line(nodes[0].text)):
        return nodes[0].text, nodes[1:]
    shown = shown_title(document.tree, candidates) if document.tree and candidates else None
    return chosen or shown or next(iter(candidates), ""), nodes


def _is_title_line(text: str) -> bool:
    return "\n" not in text and len(text) < 300


def _split_furniture(nodes: list[Node], adapter: Adapter) -> tuple[list[Node], list[Node]]:
    for index, node in enumerate(nodes):
        if index == 0:
            continue
        ends = (adapter.end_at_separator and node.kind == "separator") or any(
            end.search(node.text) for end in adapter.body_end
        )
        if ends:
            return nodes[:index], nodes[index:]
    return nodes, []


def _sort_body(
    nodes: Sequence[Node], rules: RulePlan, owner: str | None
) -> tuple[list[Block], list[Media], list[Notice]]:
    body: list[Block] = []
    media: list[Media] = []
    notices: list[Notice] = []
    label: Notice | None = None  # a notice made of the node just before this one
    for node in nodes:
        # A line that only dates the page is no body: the dates are read from the page's
        # metadata and the lines near the title.
        if node.kind == "separator" or (node.kind == "paragraph" and is_date_stamp(node.text)):
            continue
        notice = body_notice(node, rules, owner) or _shouted_link(node, owner)
        if notice is None and label is not None and _is_teaser_of(node, label):
            notice = notices.pop()
            notice = attrs.evolve(
                notice,
                text=f"{notice.text}\n{node.text}",
                links=(*notice.links, *node.link_urls()),
            )
        label = notice
        if notice is not None:
            notices.append(notice)
            continue
        item = media_in_line(node.text) if node.kind == "paragraph" else None
        if item is not None:
            media.append(item)
        else:
            body.append(node.block)
    return body, media, notices


def _shouted_link(node: Node, owner: str | None) -> Notice | None:
    """A paragraph that is nothing but one link in capitals ("CLICK HERE TO GET THE APP", another
    story's headline) is the outlet's promotion of its own pages, not the article's prose."""
    links = node.links
    shouted = (
        node.kind == "paragraph"
        and len(links) == 1
        and links[0].text == node.text
        and node.text.isupper()
        and len(node.text.split()) >= _SHOUTED_WORDS
        and is_address(links[0].url)
    )
    return Notice("related", node.text, owner, (links[0].url,)) if shouted else None


def _is_teaser_of(node: Node, label: Notice) -> bool:
    """A node that is nothing but a link, right after a bare "Related" / "Leggi anche" label,
    is the headline that label points to, not the article's own heading or paragraph."""
    return (
        label.kind == "related"
        and not label.links
        and node.kind in ("paragraph", "heading")
        and any(link.text == node.text and is_address(link.url) for link in node.links)
    )


def _unique_media(items: list[Media]) -> list[Media]:
    return list({item.url: item for item in reversed(items)}.values())[::-1]


def _publisher(document: Document, adapter: Adapter) -> Publisher | None:
    if adapter.publisher is not None:
        return adapter.publisher
    found = head_publisher(document.head)
    host = host_of(document.url)
    site = f"https://{host}/" if host else None
    if found is not None:
        return attrs.evolve(found, url=found.url or site)
    return Publisher(host, site) if host else None


@attrs.frozen
class _Fields:
    """What an adapter's field rules found on the page; a field missing here is left to the
    generic rule."""

    values: Mapping[str, str]
    warnings: tuple[str, ...] = ()

    def get(self, name: str) -> str | None:
        return self.values.get(name)

    def date(self, name: str) -> str | None:
        return parse_date(self.values.get(name))


def _read_fields(document: Document, adapter: Adapter) -> _Fields:
    values: dict[str, str] = {}
    warnings: list[str] = []
    for name, rules in adapter.fields.items():
        try:
            value = _field(document, rules)
        except Exception as error:  # an adapter's function must not break parsing
            warnings.append(f"adapter {adapter.name}: {name} rule failed: {error!r}")
            continue
        if value:
            values[name] = value
    return _Fields(values, tuple(warnings))


def _field(document: Document, rules: Sequence[FieldRule]) -> str | None:
    """The first value an adapter's field rules give."""
    for rule in rules:
        if callable(rule):
            value = rule(document)
        elif document.tree is None:
            continue
        else:
            selector, attribute = (rule, None) if isinstance(rule, str) else rule
            element = document.tree.css_first(selector)
            if element is None:
                continue
            value = element.attributes.get(attribute) if attribute else element.text(deep=True)
        if value and clean(value):
            return clean(value)
    return None


def _take_notice_blocks(
    document: Document,
    adapter: Adapter,
    rules: RulePlan,
    owner: str | None,
    provider: str | None,
) -> list[Notice]:
    """The adapter's notice blocks as notices, taken out of the page so no region holds them."""
    if document.tree is None or not adapter.notice_blocks:
        return []
    found: list[tuple[BlockNotice, LexborNode]] = []
    for block in adapter.notice_blocks:
        found += [(block, element) for element in document.tree.css(block.selector)]
    # A block inside another taken block is already part of that one's notice.
    taken = {element.mem_id for _, element in found}
    outermost = [(block, element) for block, element in found if not _inside(element, taken)]
    notices: list[Notice] = []
    for block, element in outermost:
        block_owner = (provider or owner) if block.provider else owner
        nodes = html_nodes(element)
        if block.kind is None:
            notices += furniture_notices(nodes, rules, block_owner)
        else:
            # Controls (share buttons) make no nodes: their labels are the notice then.
            text = "\n".join(node.text for node in nodes if node.text) or clean(
                element.text(separator="\n", strip=True)
            )
            links = tuple(dict.fromkeys(url for node in nodes for url in node.link_urls()))
            if text:
                notices.append(Notice(block.kind, text, block_owner, links))
    for _, element in outermost:
        element.decompose()
    return notices


def _inside(element: LexborNode, taken: set[int]) -> bool:
    parent = element.parent
    while parent is not None:
        if parent.mem_id in taken:
            return True
        parent = parent.parent
    return False


def _article(
    document: Document,
    adapter: Adapter,
    fields: _Fields,
    title: str,
    header: Header,
    shown: Shown,
    body: list[Block],
    media: list[Media],
    notices: list[Notice],
    publisher: Publisher | None,
    bylines: Sequence[str],
    below_title: Sequence[str],
    after_body: Sequence[str],
) -> Article:
    head = document.head
    ld = article_object(head)
    authored = fields.get("authors")
    sites = (
        publisher.name if publisher else None,
        head.first("og:site_name"),
        host_of(document.url),
    )
    authors = (
        split_authors(authored) if authored else clean_authors(header.authors, *sites)
    ) or head_authors(head, ld, *sites, shown=bylines)
    published = fields.date("published") or published_date(
        shown, header.published, head_published(head, ld), date_in_url(document.url)
    )
    canonical = fields.get("canonical") or head_canonical(head)
    below = list(standing_lines(below_title))
    signed = (*header.authors, *(name for names in author_sources(head, ld)[:2] for name in names))
    candidates = (
        _original_field(fields),
        header.original,
        origin_from_notices(notices),
        origin_from_lines(below),
        origin_from_lines(after_body),
        origin_from_jsonld(ld),
        origin_from_wire(
            [block.text for block in body if block.kind == "paragraph"],
            signed,
            below,
            authors,
            document.url,
        ),
        origin_from_canonical(canonical, document.url),
    )
    # A page read without its address (saved pages in a folder) is at its canonical one.
    original = original_of(candidates, publisher, document.url or canonical)
    if original is not None:
        authors = _not_the_republisher(authors, sites)
    warnings = list(fields.warnings)
    if not title:
        warnings.append("no title found")
    if not body:
        warnings.append("no article body found")
    if any(notice.kind == "continuation" for notice in notices):
        warnings.append("partial body: the page shows a preview")
    return Article(
        title=title,
        subtitle=fields.get("subtitle") or head_subtitle(head, ld),
        authors=authors,
        published=published,
        modified=fields.date("modified") or head_modified(head, ld) or shown.modified,
        publisher=publisher,
        original=original,
        syndicated=original is not None,
        url=document.url,
        canonical_url=canonical,
        language=head_language(head, ld),
        image=fields.get("image") or head_image(head, ld),
        tags=(*header.tags, *head_tags(head, ld)),
        body=tuple(body),
        media=tuple(media),
        notices=tuple(notices),
        adapter=adapter.name,
        warnings=tuple(warnings),
    )


def _not_the_republisher(authors: tuple[str, ...], sites: Sequence[str | None]) -> tuple[str, ...]:
    """On a repost, the authors without the republishing site's own name: the site signing a
    story it took from another (a wire story under its own name in JSON-LD) did not write it."""
    names = {site.casefold() for site in sites if site}
    return tuple(author for author in authors if author.casefold() not in names)


def _original_field(fields: _Fields) -> Original | None:
    """The original publication as the adapter's rules give it; a bare URL names it by host."""
    url = fields.get("original_url")
    name = fields.get("original_name") or host_of(url)
    return Original(name, url, fields.date("original_published")) if name else None
