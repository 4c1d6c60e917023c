"""South Front (southfront.org), an original publisher whose articles travel widely.

Its donation appeal goes with its articles onto other sites; the rule here names South Front as
its owner wherever it is found.
"""

from ..adapter import Adapter
from ..model import Publisher
from ..notices import rules

ADAPTER = Adapter(
    name="southfront",
    hosts=("southfront.org", "southfront.press"),
    publisher=Publisher("South Front", "https://southfront.org/"),
    content=("article .entry-content", "article"),
    end_at_separator=True,
    notices=rules(
        "donation",
        r"^support south\s?front\b",
        r"southfront@list\.ru",
        r"southfront\.(?:org|press)/donate",
        r"patreon\.com/southfront",
        owner="South Front",
    ),
)
