"""News agencies: their names, and the wire datelines that say a story is theirs."""

from __future__ import annotations

import re

# A closing credit is looked for in the last characters of a paragraph only.
_MAX_CREDIT = 60
# Short forms as datelines and bylines write them, in the languages pages write them in -> the
# agency's usual name: one table, read by every rule below.
AGENCIES = {
    **dict.fromkeys(
        ("ap", "associated press", "the associated press", "ap news", "ap通信", "美联社",
         "美聯社", "연합ap"),
        "The Associated Press",
    ),
    **dict.fromkeys(
        ("afp", "agence france-presse", "agence france presse", "france-presse", "afp-jiji",
         "法新社", "agencia france-presse"),
        "Agence France-Presse",
    ),
    **dict.fromkeys(("reuters", "thomson reuters", "ロイター", "路透社"), "Reuters"),
    **dict.fromkeys(("dpa", "deutsche presse-agentur", "dpa-infocom"), "dpa"),
    "dpa-afx": "dpa-AFX",
    **dict.fromkeys(("efe", "agencia efe", "agencia efe s.a."), "EFE"),
    **dict.fromkeys(("ansa", "agenzia ansa"), "ANSA"),
    **dict.fromkeys(("sid", "sport-informations-dienst"), "SID"),
    **dict.fromkeys(("kna", "katholische nachrichten-agentur"), "KNA"),
    **dict.fromkeys(("epd", "evangelischer pressedienst"), "epd"),
    **dict.fromkeys(("apa", "austria presse agentur"), "APA"),
    **dict.fromkeys(("pa", "pa media", "press association", "pa wire"), "PA Media"),
    **dict.fromkeys(("pti", "press trust of india"), "Press Trust of India"),
    **dict.fromkeys(("ians", "indo-asian news service"), "IANS"),
    **dict.fromkeys(("kyodo", "共同通信", "共同"), "Kyodo News"),
    **dict.fromkeys(("jiji", "jiji press", "時事通信", "時事"), "Jiji Press"),
    **dict.fromkeys(("xinhua", "新华社", "新華社"), "Xinhua"),
    **dict.fromkeys(("yonhap", "연합뉴스"), "Yonhap"),
    **dict.fromkeys(("cna", "中央社"), "Central News Agency"),
    "upi": "UPI",
    "bloomberg": "Bloomberg",
    **dict.fromkeys(("cp", "canadian press", "the canadian press"), "The Canadian Press"),
    **dict.fromkeys(("aap", "australian associated press"), "Australian Associated Press"),
    "tass": "TASS",
    **dict.fromkeys(("sda", "keystone-sda", "keystone-ats", "ats"), "Keystone-SDA"),
    "belga": "Belga",
    "anp": "ANP",
    "lusa": "Lusa",
    "europa press": "Europa Press",
    "notimex": "Notimex",
}  # fmt: skip
# Each agency's own site: its story there is its own, not a repost of itself.
AGENCY_HOSTS = {
    "The Associated Press": ("apnews.com", "ap.org"),
    "Agence France-Presse": ("afp.com",),
    "Reuters": ("reuters.com",),
    "dpa": ("dpa.com", "dpa.de"),
    "Bloomberg": ("bloomberg.com",),
    "Xinhua": ("xinhuanet.com", "news.cn"),
    "TASS": ("tass.com", "tass.ru"),
    "PA Media": ("pamediagroup.com",),
    "The Canadian Press": ("thecanadianpress.com",),
    "Press Trust of India": ("ptinews.com",),
    "Kyodo News": ("kyodonews.net", "kyodonews.jp"),
    "Yonhap": ("yna.co.kr",),
    "ANSA": ("ansa.it",),
    "EFE": ("efe.com",),
    "UPI": ("upi.com",),
}
AGENCY_PATTERN = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
"""A regex fragment (no groups) matching any agency name in :data:`AGENCIES`."""
# "WASHINGTON (AP) — ...", "LONDON (Reuters) - ...", "MADRID (EFE).- ...": a place, the agency
# in brackets, a dash; "【ワシントン共同】"; "新华社北京2月19日电" (the agency, a place, the day).
_DATELINES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"^[^\n()]{{0,80}}?\((?P<agency>{AGENCY_PATTERN})\)\s*\.?\s*[—–-]",
        rf"^【[^】\n]{{0,20}}?(?P<agency>{AGENCY_PATTERN})】",
        rf"^[（(]?(?P<agency>{AGENCY_PATTERN})[^\d\n]{{0,16}}\d{{1,2}}月?\d{{0,2}}日[電电]",
    )
)
_NAME = re.compile(rf"^(?:{AGENCY_PATTERN})(?: news)?$", re.IGNORECASE)
# The credit closing a story: "... im Finale. (SID)", "(dpa/AFP)", "© AP", "— Reuters".
_CLOSING = re.compile(
    rf"(?:\((?P<bracketed>(?:{AGENCY_PATTERN})(?:\s*/\s*\w+)*)\)|©\s*(?P<copyright>{AGENCY_PATTERN}))"
    r"\s*$",
    re.IGNORECASE,
)
# A byline or credit line is short; a longer line is prose that may name an agency in passing.
_MAX_BYLINE = 80
# The parts of a byline: "By Reuters | VIENNA", "Tom Davies, Associated Press", "AFP · 19 Nov".
_BYLINE_PARTS = re.compile(r"\s*[|,•·]\s*|\s+[-–—]\s+")
# The word opening a byline, in the languages pages write them in (a regex fragment).
BY_WORDS = "by|von|par|por|di|door|av|af|przez"
# What opens a byline or a source line.
_CREDIT_OPENING = re.compile(
    rf"^(?:{BY_WORDS}|source|sources|quelle|fuente|fonte|bron|出典|来源|來源)"
    r"\s*[:：]?\s+|^(?:出典|来源|來源)\s*[:：]\s*",
    re.IGNORECASE,
)
# Every word of an agency's name, and what a byline's words are read as.
_WORD = re.compile(r"[\w-]+")
_AGENCY_WORDS = frozenset(word for name in AGENCIES for word in _WORD.findall(name))
# The most words an agency's name in AGENCIES has ("katholische nachrichten-agentur": 2).
_MAX_NAME_WORDS = max(len(name.split()) for name in AGENCIES)
# "AP Auto Writer", "Associated Press Writer", "Reuters correspondent": the agency's staff.
_STAFF = re.compile(
    rf"^(?P<agency>{AGENCY_PATTERN})(?:\s+\w+){{0,2}}\s+(?:writer|correspondent|reporter|staff)$",
    re.IGNORECASE,
)
# A story's last sentence, then the agency: "... the officials said. PTI".
_SIGNED_OFF = re.compile(rf"[.!?”\"]\s+(?P<agency>{AGENCY_PATTERN})\s*$", re.IGNORECASE)
# An agency's short code is written in capitals ("AFP") or, by its own house style, in small
# letters ("dpa"): "Sid" or "Pa" closing a byline is a name.
_SHORT_CODE = 4
# Agency codes that a site's sections use for other things (a state, a page kind).
_AMBIGUOUS_IN_PATH = frozenset(
    [
        "pa",
        "cp",
        "ats",
        "sid",
        "cna",
        "apa",
        "sda",
        "anp",
        "kna",
        "epd",
        "cna",
        "jiji",
        "共同",
        "時事",
    ]
)


def agency(name: str) -> str | None:
    """The agency's usual name when ``name`` is one (``AP``, ``Reuters News``, ``Agencia
    EFE``), else None."""
    cleaned = " ".join(name.split()).strip(" .").casefold().removesuffix(" news")
    return AGENCIES.get(cleaned)


def is_agency(name: str) -> bool:
    return bool(_NAME.match(" ".join(name.split()).strip(" .")))


def wire_dateline(text: str) -> str | None:
    """The agency a wire dateline at the start of ``text`` names, else None."""
    for dateline in _DATELINES:
        match = dateline.match(text)
        if match:
            return agency(match["agency"])
    return None


def wire_credit(text: str) -> str | None:
    """The agency a credit at the end of ``text`` names ("(SID)", "(dpa/AFP)": the first),
    else None."""
    end = text[-_MAX_CREDIT:]
    match = _CLOSING.search(end)
    if match is not None:
        return agency(re.split(r"\s*/\s*", match["bracketed"] or match["copyright"])[0])
    signed = _SIGNED_OFF.search(end)
    return agency(signed["agency"]) if signed and _written_as_code(signed["agency"]) else None


def byline_agency(line: str) -> str | None:
    """The agency a byline or source line credits: "Associated Press", "By Reuters | VIENNA",
    "Tom Davies, Associated Press", "AFP | 19 Nov 2019", "Por Agencia EFE", "Quelle: dpa"."""
    if len(line) > _MAX_BYLINE:
        return None
    # Most lines have no word of an agency's name: a set lookup tells them.
    if line.isascii() and _AGENCY_WORDS.isdisjoint(_WORD.findall(line.casefold())):
        return None
    for part in _BYLINE_PARTS.split(line.strip()):
        opening = _CREDIT_OPENING.match(part)
        part = part[opening.end() :] if opening else part
        staff = _STAFF.match(part)
        found = agency(staff["agency"]) if staff else _trailing_agency(part)
        if found:
            return found
    return None


def _trailing_agency(part: str) -> str | None:
    """The agency ``part`` is or ends with: "Reuters", "Tom Davies Associated Press"."""
    words = part.split()
    for count in range(1, min(len(words), _MAX_NAME_WORDS) + 1):
        name = " ".join(words[-count:])
        found = agency(name) if _written_as_code(name) else None
        if found:
            return found
    return None


def agency_in_path(url: str | None) -> str | None:
    """The agency a section of the page's address names: ``/news/ap/...``, ``/reuters/...``
    (not a code that is also a place's or a page's: ``/pa/`` is Pennsylvania's news)."""
    if not url:
        return None
    path = url.split("://", 1)[-1].split("?", 1)[0].split("/")[1:-1]
    segments = (part.casefold().replace("-", " ") for part in path)
    return next(
        (agency(part) for part in segments if agency(part) and part not in _AMBIGUOUS_IN_PATH),
        None,
    )


def _written_as_code(name: str) -> bool:
    name = name.strip(" .")
    return len(name) > _SHORT_CODE or not name.isascii() or name.isupper() or name.islower()
