"""News agencies: their names, and the wire datelines that say a story is theirs."""

from __future__ import annotations

import re

# A closing credit is looked for in the last characters of a paragraph only.
_MAX_CREDIT = 60
# Short forms as datelines and bylines write them -> the agency's name.
AGENCIES = {
    "ap": "The Associated Press",
    "associated press": "The Associated Press",
    "the associated press": "The Associated Press",
    "afp": "Agence France-Presse",
    "agence france-presse": "Agence France-Presse",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "dpa": "dpa",
    "ansa": "ANSA",
    "efe": "EFE",
    "upi": "UPI",
    "pti": "Press Trust of India",
    "ians": "IANS",
    "xinhua": "Xinhua",
    "bloomberg": "Bloomberg",
    "pa": "PA Media",
    "press association": "PA Media",
    "cp": "The Canadian Press",
    "canadian press": "The Canadian Press",
    "aap": "Australian Associated Press",
    "kyodo": "Kyodo News",
    "yonhap": "Yonhap",
    "tass": "TASS",
    "sid": "SID",
    "kna": "KNA",
    "epd": "epd",
    "apa": "APA",
    "sda": "Keystone-SDA",
    "keystone-sda": "Keystone-SDA",
    "belga": "Belga",
    "anp": "ANP",
    "lusa": "Lusa",
    "europa press": "Europa Press",
    "ap news": "The Associated Press",
}
# Each agency's own site: its story there is its own, not a repost of itself.
AGENCY_HOSTS = {
    "The Associated Press": "apnews.com",
    "Agence France-Presse": "afp.com",
    "Reuters": "reuters.com",
    "Bloomberg": "bloomberg.com",
    "Xinhua": "xinhuanet.com",
    "TASS": "tass.com",
    "PA Media": "pamediagroup.com",
    "The Canadian Press": "thecanadianpress.com",
    "Press Trust of India": "ptinews.com",
    "Kyodo News": "kyodonews.net",
    "Yonhap": "yna.co.kr",
    "ANSA": "ansa.it",
    "EFE": "efe.com",
    "UPI": "upi.com",
}
AGENCY_PATTERN = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
"""A regex fragment (no groups) matching any agency name in :data:`AGENCIES`."""
# "WASHINGTON (AP) — ...", "LONDON (Reuters) - ...": a place, the agency in brackets, a dash.
_DATELINE = re.compile(
    rf"^[^\n()]{{0,80}}?\((?P<agency>{AGENCY_PATTERN})\)\s*[—–-]",
    re.IGNORECASE,
)
_NAME = re.compile(rf"^(?:{AGENCY_PATTERN})(?: news)?$", re.IGNORECASE)
# The credit closing a story: "... im Finale. (SID)", "(dpa/AFP)", "© AP", "— Reuters".
_CLOSING = re.compile(
    rf"(?:\((?P<bracketed>(?:{AGENCY_PATTERN})(?:\s*/\s*\w+)*)\)|©\s*(?P<copyright>{AGENCY_PATTERN}))"
    r"\s*$",
    re.IGNORECASE,
)


def agency(name: str) -> str | None:
    """The agency's full name when ``name`` is one (``AP``, ``Reuters News``), else None."""
    cleaned = " ".join(name.split()).strip(" .").casefold().removesuffix(" news")
    return AGENCIES.get(cleaned)


def is_agency(name: str) -> bool:
    return bool(_NAME.match(" ".join(name.split()).strip(" .")))


def wire_dateline(text: str) -> str | None:
    """The agency a wire dateline at the start of ``text`` names, else None."""
    match = _DATELINE.match(text)
    return agency(match["agency"]) if match else None


def wire_credit(text: str) -> str | None:
    """The agency a credit at the end of ``text`` names ("(SID)", "(dpa/AFP)": the first),
    else None."""
    match = _CLOSING.search(text[-_MAX_CREDIT:])
    if match is None:
        return None
    credit = match["bracketed"] or match["copyright"]
    return agency(re.split(r"\s*/\s*", credit)[0])
