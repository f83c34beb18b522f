"""The dateline that opens a story's first paragraph, in the conventions agencies use:

    CHATHAM, Mass. (AP) _            AP (ANPA writes the dash as `_`)
    LONDON (Reuters) -               Reuters, dpa, AFP, PA: the agency in brackets
    Paris (ats afp)                  ATS: no dash at all
    SAITAMA, Japan, Dec. 9 Kyodo -   Kyodo, AAP: the agency after the date, no brackets
    AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --   press-release wires
    QUEBEC CITY —                    Canadian Press: the place in capitals and a dash
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from tui.model import Dateline

_DASH = r"(?:--?|_|–|—)"
_PLACE = r"[A-ZÀ-Þ][\w.'’ -]{0,40}?(?:,\s*[\w.'’ -]{1,40}?){0,3}"
# Words only an agency name is made of, so that "In 2010 (estimate) -" is no dateline.
_AGENCY_IN_BRACKETS = r"[A-Za-z][A-Za-z0-9 .&/-]{0,28}"
_BARE_AGENCIES = (r"AAP|AP|AFP|Kyodo|KYODO|Reuters|dpa|DPA|PA|Xinhua|Yonhap|ANSA|EFE|UPI|"
                  r"Bernama|PTI|IANS|CNA|NZPA|CP|TASS|Belga|ANP|NTB|STT|TT|Ritzau|ATS|SDA")

_BRACKETED = re.compile(
    rf"^(?P<place>{_PLACE})\s*\((?P<agency>{_AGENCY_IN_BRACKETS})\)\s*{_DASH}\s*"
)
# ATS writes no dash; without one, only a known agency makes "X (Y)" a dateline and not
# "The European Central Bank (ECB) said".
_BRACKETED_NO_DASH = re.compile(
    rf"^(?P<place>{_PLACE})\s*\((?P<agency>(?i:{_BARE_AGENCIES})(?:[ /][a-z]+)*)\)\s+"
)
_BARE = re.compile(
    rf"^(?P<place>{_PLACE})\s+(?P<agency>{_BARE_AGENCIES})\s*{_DASH}\s*"
)
_RELEASE = re.compile(rf"^(?P<place>{_PLACE})\s*/(?P<agency>[A-Za-z][\w .&-]{{1,40}})/\s*"
                      rf"(?:{_DASH}\s*)?")
_CAPITAL_PLACE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}[A-Z.](?:,\s*[A-Z][\w.'’ -]{1,30})?)\s+(?:—|–|--)\s+"
)
_MARKS = ("(", "/", "-", "_", "–", "—")
_DATE_PART = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|January|February|March|"
    r"April|June|July|August|September|October|November|December|Jän|Mär|Okt|Dez)\b\.?|"
    r"^\d{1,4}\.?$|^(?:Mon|Tues?|Wed|Thu|Thurs|Fri|Sat|Sun)day\b"
)


@dataclass(frozen=True, slots=True)
class Found:
    dateline: Dateline
    agency: str
    #: the paragraph after the dateline
    rest: str


def find(paragraph: str) -> Found | None:
    """The dateline at the start of a paragraph, or None."""
    text = paragraph.lstrip()
    # Every convention puts a bracket, a slash or a dash after the place: most paragraphs
    # (every one after the first) hold none and need not be tried against five patterns.
    if not any(mark in text for mark in _MARKS):
        return None
    for pattern in (_BRACKETED, _BRACKETED_NO_DASH, _RELEASE, _BARE):
        match = pattern.match(text)
        if match and _plausible(match.group("place")):
            return Found(_split(match.group("place")), match.group("agency").strip(),
                         text[match.end():])
    match = _CAPITAL_PLACE.match(text)
    if match and _plausible(match.group("place")):
        return Found(_split(match.group("place")), "", text[match.end():])
    return None


def agency_name(raw: str) -> str:
    """The first agency of a dateline credit: `ats afp` -> `ats`, `tca/dpa` -> `dpa`
    (the agency that moved the copy is the last of a slash, the first of a list)."""
    if "/" in raw:
        return raw.rsplit("/", 1)[-1].strip()
    return raw.split()[0] if raw.split() else ""


def _plausible(place: str) -> bool:
    words = place.replace(",", " ").split()
    city = place.split(",", 1)[0].split()
    # A place is a few capitalised words ("Rio de Janeiro"); "Some people said (AP)" is not.
    return 0 < len(words) <= 9 and 0 < len(city) <= 4 and all(
        w[0].isupper() or w in _PARTICLES for w in city
    )


_PARTICLES = frozenset({"de", "da", "do", "das", "dos", "del", "della", "di", "am", "an",
                        "der", "im", "la", "le", "les", "el", "sur", "upon", "on", "of", "au",
                        "aux", "en", "van", "von", "bei"})


def _split(place: str) -> Dateline:
    parts = [p.strip() for p in place.split(",") if p.strip()]
    city = parts[0] if parts else ""
    regions: list[str] = []
    dates: list[str] = []
    for part in parts[1:]:
        # Once a date has started ("Feb. 1, 2017") the year that follows belongs to it.
        if dates or _DATE_PART.search(part):
            dates.append(part)
        else:
            regions.append(part)
    return Dateline(city=city, country=", ".join(regions), date=", ".join(dates),
                    text=", ".join(parts))
