"""The Article and its parts: small frozen attrs classes, serialised by :mod:`.serialize`.

Dates are kept as ISO 8601 strings (``2020-03-16`` or ``2020-03-16T09:30:00+00:00``): a page often
gives only a day, and a string keeps exactly the precision the page gave.
"""

from __future__ import annotations

import attrs


@attrs.frozen
class Publisher:
    """The site a page is on: the republisher when the page is a repost."""

    name: str
    url: str | None = None


@attrs.frozen
class Original:
    """The publication an article first appeared in, when the page is a repost."""

    name: str
    url: str | None = None
    published: str | None = None


@attrs.frozen
class Tag:
    """A taxonomy entry: ``kind`` is region, theme, report, category, section, keyword..."""

    kind: str
    name: str
    url: str | None = None


@attrs.frozen
class Block:
    """One block of the article body.

    ``kind`` is paragraph, heading, quote, list, image, code or table. Only the fields a kind
    needs are set: ``level`` for headings, ``items`` for lists (``ordered`` says which sort),
    ``url`` and ``caption`` for images, ``rows`` for tables, ``language`` for code.
    """

    kind: str
    text: str
    level: int | None = None
    items: tuple[str, ...] = ()
    ordered: bool = False
    url: str | None = None
    caption: str | None = None
    rows: tuple[tuple[str, ...], ...] = ()
    language: str | None = None


@attrs.frozen
class Media:
    """An embedded or linked media item: ``kind`` is video, audio, image or embed."""

    kind: str
    url: str
    provider: str | None = None
    caption: str | None = None


@attrs.frozen
class Notice:
    """A piece of publisher furniture, kept and labelled instead of thrown away.

    ``kind`` is reprint, copyright, disclaimer, fair_use, donation, share, membership, comments,
    newsletter, contact, author_box, related, editor_note, image_credit, translation,
    continuation (a link to the rest of a story the page shows only the start of) or other;
    ``owner`` is the publisher the furniture belongs to, when known.
    """

    kind: str
    text: str
    owner: str | None = None
    links: tuple[str, ...] = ()


@attrs.frozen
class Article:
    """A clean, structured article with its provenance."""

    title: str
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    publisher: Publisher | None = None
    original: Original | None = None
    syndicated: bool = False
    url: str | None = None
    canonical_url: str | None = None
    language: str | None = None
    image: str | None = None
    tags: tuple[Tag, ...] = ()
    body: tuple[Block, ...] = ()
    media: tuple[Media, ...] = ()
    notices: tuple[Notice, ...] = ()
    adapter: str = "generic"
    warnings: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The body's prose as plain text, one block per paragraph; images (their alt text and
        captions describe a picture, not the story) are left out."""
        return "\n\n".join(
            block.text for block in self.body if block.text and block.kind != "image"
        )
