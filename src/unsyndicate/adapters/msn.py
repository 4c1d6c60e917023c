"""MSN (msn.com), a portal that republishes articles from partner publishers.

The header names the partner (its logo and name, linked to its site), the date in the US form
(month/day/year) and the author; the canonical link points at the partner's own page. After the
article come MSN's lists of its own stories, a "More from <partner>" promotion of the partner,
and MSN's footer.

Fixture: tests/fixtures/msn/msn.com.html.
"""

import re

from ..adapter import Adapter, blocks, signature
from ..document import Document
from ..model import Publisher

_US_DATE = re.compile(r"^(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4})$")


def _us_date(document: Document) -> str | None:
    """The header date, month first as msn.com/en-us writes it, as ISO 8601."""
    element = document.tree.css_first(".articlecontent .time") if document.tree else None
    found = _US_DATE.match(element.text(strip=True)) if element is not None else None
    if found is None:
        return None
    return f"{found['year']}-{int(found['month']):02d}-{int(found['day']):02d}"


ADAPTER = Adapter(
    name="msn",
    hosts=("msn.com",),
    # A page saved without its address still links to itself on msn.com as an alternate.
    signatures=(signature(r'<link rel="alternate"[^>]*href="https?://www\.msn\.com/'),),
    publisher=Publisher("MSN", "https://www.msn.com/"),
    content=(".articlecontent .richtext",),
    # Inline pictures: their credit is a notice (below), their caption repeats the standfirst.
    exclude=(".storyimage",),
    fields={
        "title": (".articlecontent h1",),
        "authors": (".articlecontent .authorname-txt",),
        "published": (_us_date,),
        "original_name": (".articlecontent .partner a",),
        "original_url": (('link[rel="canonical"]', "href"),),
    },
    notice_blocks=(
        *blocks("image_credit", ".richtext .storyimage .attribution"),
        *blocks("related", ".morefromproviderrr", provider=True),
        *blocks("other", ".back-msn-home"),
        *blocks(None, "#foot"),
    ),
)
