"""Yahoo (yahoo.com), a portal that shows partner stories under its own header.

The header names the provider (``.provider-name``) and gives the date as a ``<time datetime>``;
``og:url`` points at the provider's own page, while the canonical link points back at Yahoo
(on the fixture page, broken: it ends in ``/undefined``). Partner stories may be cut short with
a "Read More" button to the provider: that button is a ``continuation`` notice, and the Article
then warns that its body is partial. Share buttons stand above and below the story.

Fixture: tests/fixtures/yahoo/yahoo.com.html, a teaser: its body is the preview of about 120
words that Yahoo shows before "Read More", not the whole story.
"""

from ..adapter import Adapter, blocks, signature
from ..model import Publisher

ADAPTER = Adapter(
    name="yahoo",
    hosts=("yahoo.com",),
    # The app link of a Yahoo article page, for pages saved without their address.
    signatures=(signature(r'content="yahoo://article/view\?uuid='),),
    publisher=Publisher("Yahoo", "https://www.yahoo.com/"),
    content=("article.canvas-body", "article"),
    fields={
        "title": ("header.canvas-header h1", "h1"),
        "published": ((".auth-attr time", "datetime"),),
        "original_name": (".auth-attr .provider-name",),
        "original_url": (('meta[property="og:url"]', "content"),),
        "canonical": (('meta[property="og:url"]', "content"),),
    },
    notice_blocks=(
        *blocks("continuation", "article .read-more", provider=True),
        *blocks("share", ".canvas-share-buttons"),
        *blocks("other", '[id$="-Footer-Proxy"]'),
    ),
)
