"""Global Research (globalresearch.ca), the Centre for Research on Globalization.

It reposts articles from other publishers under a header that names both: "Global Research,
<date>" for the repost, then "<original publisher> <date>" for the original. Region, Theme and
In-depth Report lines are its taxonomy; everything after the "*" rule is its furniture.
"""

from ..adapter import Adapter, pattern, signature
from ..model import Publisher

ADAPTER = Adapter(
    name="globalresearch",
    hosts=("globalresearch.ca",),
    signatures=(signature(r"Global Research,\s+{date}"),),
    publisher=Publisher("Global Research", "https://www.globalresearch.ca/"),
    content=("article", "#main .entry", ".entry-content"),
    exclude=(".sharedaddy", ".jp-relatedposts", "script"),
    fields={
        "title": ("h1.entry-title", "h1"),
        "authors": (".author-name a", 'a[href*="/author/"]'),
    },
    datelines=(pattern(r"^Global Research,\s+{date}$"),),
    origin_lines=(pattern(r"^(?P<name>[^\d,:\n]{2,80}?)\s+{date}$"),),
    taxonomy={"region": "region", "theme": "theme", "in-depth report": "report"},
    end_at_separator=True,
    body_end=(
        pattern(r"^note to readers\b"),
        pattern(r"^the original source of this article is\b"),
    ),
)
