"""Trace copies across a corpus: which pages carry the same article, and who had it first.

>>> from unsyndicate.trace import groups
>>> for group in groups(articles):  # doctest: +SKIP
...     print(group.source, [member.role for member in group.members])

Candidates come from MinHash band keys (:mod:`.sketch`); a candidate pair is verified only when
exact shingle containment says so: most of one body's shingles are found in the other, in either
direction, so a copy with furniture added, a copy cut short and an excerpt all join. Groups are
the pages linked through such verified pairs, an excerpt only to pages that are one group
(:func:`link`).

:class:`Tracer` takes sketches one at a time: each page's shingles and record go to a temporary
file, and memory holds only the band keys and a few numbers per page (about 290 bytes); the
candidates are then verified one connected set at a time.
"""

from __future__ import annotations

import pickle
import tempfile
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any, TypeVar, cast

import attrs

from .errors import ParseError
from .model import Article, Original, Publisher
from .sketch import band_keys, shingles

# A pair is verified when this share of one body's shingles is found in the other.
CONTAINED = 0.8
# A page holding less than this share of another's (its source's) shingles is an excerpt of it.
EXCERPT = 0.5
ROLES = ("source", "copy", "excerpt", "declared")
_Named = TypeVar("_Named", Publisher, Original)
# Pages whose shingles are kept at hand while groups are verified and assembled.
_CACHED = 256
# The largest candidates for a group's source weighed on completeness.
_COMPARED = 16


@attrs.frozen
class Member:
    """One page of a group: where it is, what it says of itself, and how it relates to the source.

    ``role`` is ``source``, ``copy``, ``excerpt`` (it holds a part of the source) or ``declared``
    (a copy that names its original: ``original`` is kept only when the Article says the page
    is ``syndicated``). ``containment`` is the share of the page's body shingles
    found in the source's body; null when the source is not in the corpus. A page read from a
    web archive has the archive's ``path`` and its record's ``record_id`` (the WARC-Record-ID),
    ``offset`` (its byte offset in the archive) and ``captured`` (the capture time, ISO 8601), so
    two captures of one address are told apart; null for other pages. The source says why it
    was chosen in ``source_by`` (see :func:`choose_source`); null for the other members and for
    a page in no group.
    """

    path: str | None
    url: str | None
    title: str
    publisher: Publisher | None = None
    published: str | None = None
    original: Original | None = None
    role: str = "source"
    containment: float | None = None
    record_id: str | None = None
    offset: int | None = None
    captured: str | None = None
    source_by: str | None = None


@attrs.frozen
class ExternalSource:
    """The original the members name, when no page of the corpus is it."""

    name: str
    url: str | None = None
    published: str | None = None
    in_corpus: bool = False


@attrs.frozen
class Group:
    """Pages that carry one article: its source, and every page (the source too when a member)."""

    source: Member | ExternalSource
    members: tuple[Member, ...]
    size: int


@attrs.frozen
class Sketch:
    """What tracing keeps of one article: its member record, body shingles and band keys."""

    member: Member
    shingles: bytes  # the body's distinct shingle hashes as 64-bit integers
    bands: tuple[int, ...]


def groups(
    articles: Iterable[Article | Mapping[str, Any]], *, include_single: bool = False
) -> Iterator[Group]:
    """The groups of two or more copies of one article among ``articles``, in input order.

    ``articles`` are Articles or their dicts (as ``normalize`` writes them; a dict's ``path``
    names the member). With ``include_single``, every other article comes as a group of one.
    Raises :class:`~unsyndicate.ParseError` for a dict that is not an Article.
    """
    with Tracer() as tracer:
        for article in articles:
            tracer.add(sketch(article))
        yield from tracer.groups(include_single=include_single)


def sketch(
    article: Article | Mapping[str, Any],
    *,
    path: str | None = None,
    capture: Mapping[str, Any] | None = None,
) -> Sketch:
    """The sketch of an Article or of its dict, named ``path`` unless the dict has a ``path``.

    ``capture`` gives an Article's archive record (``record_id``, ``offset``, ``captured``); a
    dict carries its own, as ``normalize`` writes them. Raises :class:`~unsyndicate.ParseError`
    for a dict that is not an Article.
    """
    try:
        if isinstance(article, Article):
            url = article.url or article.canonical_url
            member = Member(
                path,
                url,
                article.title,
                article.publisher,
                article.published,
                article.original if article.syndicated else None,
                **_capture(capture or {}),
            )
            return _sketch(member, article.text)
        return _sketch(*_read_record(article, path))
    except (KeyError, TypeError, ValueError) as error:
        raise ParseError(f"not an Article: {type(error).__name__}: {error}") from error


def _read_record(record: Mapping[str, Any], path: str | None) -> tuple[Member, str]:
    """The member and body text of an Article dict, read straight from it: building the whole
    Article with the converter took most of a worker's time."""
    own = record.get("path")
    title = record["title"]
    url = record.get("url") or record.get("canonical_url")
    published = record.get("published")
    syndicated = record.get("syndicated", False)
    strings = all(isinstance(value, str | None) for value in (url, published))
    if not isinstance(title, str) or not strings or not isinstance(syndicated, bool):
        raise TypeError("the title, the address and the date must be strings, syndicated a bool")
    original = _optional(record.get("original"), Original)
    member = Member(
        own if isinstance(own, str) else path,
        url,
        title,
        _optional(record.get("publisher"), Publisher),
        published,
        original if syndicated else None,
        **_capture(record),
    )
    blocks = record.get("body") or ()
    text = "\n\n".join(
        block["text"] for block in blocks if block["text"] and block["kind"] != "image"
    )
    return member, text


def _capture(fields: Mapping[str, Any]) -> dict[str, Any]:
    """An archive record's ``record_id``, ``offset`` and ``captured``, where ``fields`` has them."""
    found = {name: fields.get(name) for name in ("record_id", "offset", "captured")}
    texts = all(isinstance(found[name], str | None) for name in ("record_id", "captured"))
    if not texts or not isinstance(found["offset"], int | None):
        raise TypeError("record_id and captured must be strings, offset an integer")
    return found


def _optional(data: object, cls: type[_Named]) -> _Named | None:
    if data is None:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise TypeError(f"{cls.__name__.lower()} is not an object with a name")
    if not all(isinstance(value, str | None) for value in data.values()):
        raise TypeError(f"{cls.__name__.lower()} holds something other than strings")
    return cls(**data)


def _sketch(member: Member, text: str) -> Sketch:
    hashes = shingles(text)
    return Sketch(member, array("Q", set(hashes)).tobytes(), band_keys(hashes))


class Tracer:
    """Sketches in, one at a time; then :meth:`groups`. A context manager for its temporary file."""

    def __init__(self) -> None:
        self._spool = tempfile.TemporaryFile()  # noqa: SIM115 (closed in close)
        self._starts = array("Q")  # where each page's record begins in the spool
        self._lengths = array("L")  # its record's length, and its number of shingles
        self._counts = array("L")
        self._banded = array("L")  # the pages with band keys, and their keys
        self._keys = array("Q")

    def __enter__(self) -> Tracer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._spool.close()

    def __len__(self) -> int:
        return len(self._starts)

    def add(self, sketch: Sketch) -> None:
        record = pickle.dumps(sketch.member)
        self._starts.append(self._write(record + sketch.shingles))
        self._lengths.append(len(record))
        self._counts.append(len(sketch.shingles) // 8)
        if sketch.bands:
            self._banded.append(len(self) - 1)
            self._keys.extend(sketch.bands)

    def groups(self, *, include_single: bool = False) -> Iterator[Group]:
        """Every group, in the order of its first member; singles too with ``include_single``.

        The candidates are verified one connected set at a time, so that a page's shingles are
        read once (the last few hundred read are kept at hand); each group waits in the spool
        for its turn.
        """
        shingles = lru_cache(maxsize=_CACHED)(self._read_shingles)
        kept: dict[int, tuple[int, int]] = {}  # each group's first page: where the group is
        grouped = bytearray(len(self))
        for buckets in self.candidate_sets():
            for indices in link(map(unpacked, buckets), shingles):
                record = pickle.dumps(assemble(indices, self.member, shingles))
                kept[indices[0]] = (self._write(record), len(record))
                for index in indices:
                    grouped[index] = 1
        for index in range(len(self)):
            if index in kept:
                yield cast(Group, self._read(*kept[index]))
            elif include_single and not grouped[index]:
                yield single(self.member(index))

    def candidate_sets(self) -> list[list[bytes]]:
        """The distinct buckets, in sets that share no page: all of a page's candidates are in
        its set. Each bucket is packed, 8 bytes a page (:func:`unpacked` reads one)."""
        buckets = dict.fromkeys(array("L", bucket).tobytes() for bucket in self.buckets())
        joined = Sets()
        for packed in buckets:
            bucket = unpacked(packed)
            for index in bucket[1:]:
                joined.join(bucket[0], index)
        sets: dict[int, list[bytes]] = {}
        for packed in buckets:
            sets.setdefault(joined.root(unpacked(packed)[0]), []).append(packed)
        return list(sets.values())

    def buckets(self) -> Iterator[list[int]]:
        """The pages sharing each band key, when two or more do; one band at a time."""
        bands = len(self._keys) // max(len(self._banded), 1)
        for band in range(bands):
            bucket: dict[int, list[int]] = {}
            for key, index in zip(self._keys[band::bands], self._banded, strict=True):
                bucket.setdefault(key, []).append(index)
            yield from (indices for indices in bucket.values() if len(indices) > 1)

    def member(self, index: int) -> Member:
        return cast(Member, self._read(self._starts[index], self._lengths[index]))

    def _read_shingles(self, index: int) -> frozenset[int]:
        self._spool.seek(self._starts[index] + self._lengths[index])
        return shingle_set(self._spool.read(8 * self._counts[index]))

    def _write(self, data: bytes) -> int:
        """Append to the spool; where the data begins."""
        start = self._spool.seek(0, 2)
        self._spool.write(data)
        return start

    def _read(self, start: int, length: int) -> object:
        self._spool.seek(start)
        return pickle.loads(self._spool.read(length))


@attrs.frozen
class Verified:
    """A verified pair: the smaller body (``size`` shingles) is mostly held by the larger;
    ``copies`` when it also holds half or more of the larger (else it is an excerpt of it)."""

    small: int
    large: int
    size: int
    copies: bool


class Sets:
    """Disjoint sets of pages (union-find): pages joined, directly or through others."""

    def __init__(self) -> None:
        self._parent: dict[int, int] = {}

    def root(self, index: int) -> int:
        parent = self._parent
        while parent.setdefault(index, index) != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    def join(self, first: int, second: int) -> None:
        self._parent[self.root(second)] = self.root(first)

    def sets(self) -> list[list[int]]:
        """The sets of two or more pages, each sorted, in the order of their first page."""
        joined: dict[int, list[int]] = {}
        for index in sorted(self._parent):
            joined.setdefault(self.root(index), []).append(index)
        return [indices for indices in joined.values() if len(indices) > 1]


def unpacked(bucket: bytes) -> memoryview:
    """A packed bucket's pages."""
    return memoryview(bucket).cast("L")


def shingle_set(data: bytes) -> frozenset[int]:
    """A sketch's shingles as a set."""
    hashes = array("Q")
    hashes.frombytes(data)
    return frozenset(hashes)


def link(
    buckets: Iterable[Sequence[int]], shingles: Callable[[int], frozenset[int]]
) -> list[list[int]]:
    """The pages joined by verified pairs among the candidates, each list sorted, in order.

    A pair is verified by :func:`verify`; :func:`join` makes the groups. Pairs already joined
    by the time their turn comes are not verified again.
    """
    joined = Sets()
    pairs = candidate_pairs(buckets, joined)
    found = (checked for pair in pairs if (checked := verify(*pair, shingles)) is not None)
    return join(found, joined)


def verify(first: int, second: int, shingles: Callable[[int], frozenset[int]]) -> Verified | None:
    """The pair, when one body holds most (:data:`CONTAINED`) of the other's shingles."""
    small, large = sorted((first, second), key=lambda page: len(shingles(page)))
    small_shingles, large_shingles = shingles(small), shingles(large)
    # What the smaller body does not share is the smaller set to build, when it is a copy.
    shared = len(small_shingles) - len(small_shingles - large_shingles)
    if shared < CONTAINED * len(small_shingles):
        return None
    return Verified(small, large, len(small_shingles), shared >= EXCERPT * len(large_shingles))


def join(verified: Iterable[Verified], joined: Sets | None = None) -> list[list[int]]:
    """The groups verified pairs make, each list sorted, in order (joined to ``joined``).

    Copies, pages holding half or more (:data:`EXCERPT`) of each other, are joined first. An
    excerpt (a page held by another that it holds less than half of) then joins the group of
    the pages holding it, longer excerpts first, but only when those pages are all in one
    group: text that two different articles hold (a consent banner, a passage both quote) does
    not say which of them a page copies, and must not make them one group.
    """
    joined = Sets() if joined is None else joined
    holders: dict[int, list[int]] = {}  # each excerpt, and the pages found holding it
    sizes: dict[int, int] = {}
    for pair in verified:
        if pair.copies:
            joined.join(pair.small, pair.large)
        else:
            holders.setdefault(pair.small, []).append(pair.large)
            sizes[pair.small] = pair.size
    _join_excerpts(joined, holders, sizes)
    return joined.sets()


def candidate_pairs(buckets: Iterable[Sequence[int]], joined: Sets) -> Iterator[tuple[int, int]]:
    """Each pair of pages sharing a bucket, once, unless joined by the time its turn comes."""
    seen: set[tuple[int, int]] = set()
    for bucket in buckets:
        for position, index in enumerate(bucket):
            for earlier in bucket[:position]:
                pair = (earlier, index)
                if pair in seen:
                    continue
                seen.add(pair)
                if joined.root(earlier) != joined.root(index):
                    yield pair


def _join_excerpts(
    joined: Sets, holders: Mapping[int, list[int]], sizes: Mapping[int, int]
) -> None:
    """Join each excerpt, with the copies it has, to the one group holding it (see :func:`link`)."""
    held_by: dict[int, set[int]] = {}  # each set of copies with an excerpt: the pages holding it
    longest: dict[int, int] = {}
    for excerpt, pages in holders.items():
        root = joined.root(excerpt)
        held_by.setdefault(root, set()).update(pages)
        longest[root] = max(longest.get(root, 0), sizes[excerpt])
    for root in sorted(held_by, key=lambda root: (-longest[root], root)):
        own = joined.root(root)
        groups = {joined.root(page) for page in held_by[root]} - {own}
        if len(groups) == 1:
            joined.join(groups.pop(), own)


def assemble(
    indices: Sequence[int],
    member: Callable[[int], Member],
    shingles: Callable[[int], frozenset[int]],
) -> Group:
    """The group of these pages: its source chosen, each member's role and containment set."""
    members = [member(index) for index in indices]
    bodies = [shingles(index) for index in indices]
    source, reason = choose_source(members, bodies)
    if isinstance(source, ExternalSource):
        roles = [
            attrs.evolve(page, role="declared" if page.original else "copy") for page in members
        ]
        return Group(source, tuple(roles), len(roles))
    placed = [
        _placed(page, body, bodies[source]) for page, body in zip(members, bodies, strict=True)
    ]
    placed[source] = attrs.evolve(members[source], role="source", containment=1.0, source_by=reason)
    return Group(placed[source], tuple(placed), len(placed))


def single(member: Member) -> Group:
    """A page in no group, as ``--all`` prints it."""
    alone = attrs.evolve(member, role="source", containment=1.0)
    return Group(alone, (alone,), 1)


def choose_source(
    members: Sequence[Member], bodies: Sequence[frozenset[int]]
) -> tuple[int | ExternalSource, str]:
    """The group's source, and what chose it: ``declared``, ``date`` or ``completeness``.

    The original the copies name (pages declared copies never are it) comes first: the one page
    of the corpus that is it (by address or publisher name), else, when no page is, the original
    outside the corpus. Among the pages left, the earliest published day decides, a page's date
    bounded by its capture from an archive. A page with no date is not taken as later than a
    dated one: with the pages of the earliest day, it contends on completeness
    (:func:`most_complete`), which also settles a day that several pages share.
    """
    named = _declared_original(members)
    candidates: Sequence[int] = [index for index, page in enumerate(members) if not page.original]
    if named is not None:
        candidates = [index for index in candidates if _is_original(members[index], named)]
        if not candidates:
            return ExternalSource(named.name, named.url, named.published), "declared"
    days = {index: _day(members[index]) for index in candidates}
    dated = [day for day in days.values() if day is not None]
    first = min(dated, default=None)
    contenders = [index for index, day in days.items() if day is None or day == first]
    chosen = most_complete(contenders, members, bodies)
    if named is not None:
        return chosen, "declared"
    return chosen, "date" if len(contenders) == 1 else "completeness"


def most_complete(
    contenders: Sequence[int], members: Sequence[Member], bodies: Sequence[frozenset[int]]
) -> int:
    """The contender the others are copies of: it holds most of the group's pages (80 % of their
    shingles), then it shows a date, then it has the larger body, then it comes first. Pages
    that hold each other carry one body, give or take a title line or a notice, which does not
    say which is the source; their dates do. Only the :data:`_COMPARED` largest contenders are
    weighed, so a group of thousands costs a bounded number of comparisons."""
    if len(contenders) == 1:
        return contenders[0]
    weighed = sorted(contenders, key=lambda index: (-len(bodies[index]), index))[:_COMPARED]
    shared: dict[tuple[int, int], int] = {}  # each pair's shared shingles, counted once

    def holds(index: int, other: int) -> bool:
        if len(bodies[index]) < CONTAINED * len(bodies[other]):
            return False  # too small to hold it
        pair = (min(index, other), max(index, other))
        if pair not in shared:
            shared[pair] = len(bodies[index] & bodies[other])
        return shared[pair] >= CONTAINED * len(bodies[other])

    def completeness(index: int) -> tuple[int, bool, int, int]:
        held = sum(holds(index, other) for other in range(len(bodies)) if other != index)
        return (-held, members[index].published is None, -len(bodies[index]), index)

    return min(weighed, key=completeness)


def _day(page: Member) -> str | None:
    """The day a page was published (its first ten characters, ``YYYY-MM-DD``), no later than
    its capture; None when it shows no date."""
    if page.published is None:
        return None
    return min(page.published[:10], (page.captured or page.published)[:10])


def _declared_original(members: Sequence[Member]) -> Original | None:
    """The original the members name most often (the first named, on a tie), with the most said
    of it: its URL and date where some member gives them."""
    named = [page.original for page in members if page.original is not None]
    if not named:
        return None
    counts = Counter(original.name.casefold() for original in named)
    name = max(counts, key=lambda key: (counts[key], -_first(named, key)))
    same = [original for original in named if original.name.casefold() == name]
    return max(
        same, key=lambda original: (original.url is not None, original.published is not None)
    )


def _first(named: Sequence[Original], name: str) -> int:
    return next(index for index, original in enumerate(named) if original.name.casefold() == name)


def _is_original(page: Member, original: Original) -> bool:
    if page.original is not None:
        return False  # a page that names its own original is a copy of it
    if original.url and page.url and _address(page.url) == _address(original.url):
        return True
    publisher = page.publisher.name if page.publisher else None
    return publisher is not None and publisher.casefold() == original.name.casefold()


def _address(url: str) -> str:
    """A URL without its scheme, ``www.`` and trailing slash, for comparing addresses."""
    rest = url.split("://", 1)[-1].removeprefix("www.")
    return rest.rstrip("/").casefold()


def _placed(page: Member, own: frozenset[int], source: frozenset[int]) -> Member:
    shared = len(own & source)
    containment = round(shared / len(own), 3) if own else 0.0
    if page.original is not None:
        role = "declared"
    elif shared < EXCERPT * len(source):
        role = "excerpt"
    else:
        role = "copy"
    return attrs.evolve(page, role=role, containment=containment)
