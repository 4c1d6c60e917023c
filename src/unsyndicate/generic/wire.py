"""News agencies: their names, and the wire datelines that say a story is theirs."""

from __future__ import annotations

import re

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
}
AGENCY_PATTERN = "|".join(sorted((re.escape(name) for name in AGENCIES), key=len, reverse=True))
"""A regex fragment (no groups) matching any agency name in :data:`AGENCIES`."""
# "WASHINGTON (AP) — ...", "LONDON (Reuters) - ...": a place, the agency in brackets, a dash.
_DATELINE = re.compile(
    rf"^[^\n()]{{0,80}}?\((?P<agency>{AGENCY_PATTERN})\)\s*[—–-]",
    re.IGNORECASE,
)
_NAME = re.compile(rf"^(?:{AGENCY_PATTERN})(?: news)?$", re.IGNORECASE)


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
