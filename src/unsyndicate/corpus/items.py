"""What the corpus side passes around: one input to parse, and where reading reports.

Both :mod:`.inputs` (arguments expanded into items) and :mod:`.warc` (an archive's pages as
items) make them; they live here so that neither module imports the other at load time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import attrs

# Where expansion reports on what it read (stderr in the CLI).
Note = Callable[[str], None]
# Where reading a web archive reports each run of bytes it has read (the CLI's progress bar).
BytesRead = Callable[[int], None]


@attrs.frozen
class InputItem:
    """One input to parse.

    ``path`` says where it came from and is what output records show; ``relative`` is its name
    under the argument it came from (``-o DIR/`` mirrors it). ``data`` holds the bytes when they
    are already in memory (stdin, a record of an archive); otherwise ``path`` is read from disk.
    ``url`` is the page's address when known; ``extra`` fields are carried into the output record.
    ``charset`` is the one the page was served with; ``problem`` says why an item cannot be read
    (a damaged archive record), and reading it then raises :class:`~.inputs.UnreadableInput`.
    """

    path: str
    relative: str
    data: bytes | None = None
    url: str | None = None
    extra: Mapping[str, Any] = attrs.field(factory=dict)
    charset: str | None = None
    problem: str | None = None

    @property
    def label(self) -> str:
        """The input as a person reads it: its path, with the page's address for a record of
        an archive (whose records share the archive's path)."""
        return f"{self.path} {self.url}" if self.url else self.path
