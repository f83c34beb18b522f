"""dpa digitalwires JSON (`format: digitalwires@…`): one item per object, or a feed of
them under `entries`.

`urn` is the id across versions; `signal` (`sig:update`, `sig:correction`…) and the
`dnltype:signal` categories say what a version is; `ednotes[]` hold the notes, of which
only the publishable ones reach the desk (contacts never do); `embargoed` is the release
time. `kicker` is dpa's topic line (the slug), `teaser` the standfirst.
"""

from __future__ import annotations

import re
from typing import Any

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.jsonvalues import body as body_text
from tui.ingest.jsonvalues import items, mapping, names, text, urgency
from tui.ingest.signals import detect, from_codes, merge
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line

FORMAT = "digitalwires"

_NOTE_ROLES = ("dpaednoterole:embargo", "dpaednoterole:correctionshort",
               "dpaednoterole:editorialnote")
_PICTURE_OFFER = re.compile(r"(?i)^Zu diesem Text finden Sie Bilder")
_URN = re.compile(r"urn:newsml:dpa\.com:\d+:[\w-]+")


def looks_like(data: dict[str, Any]) -> bool:
    if text(data.get("format")).startswith("digitalwires"):
        return True
    if isinstance(data.get("entries"), list) and data["entries"] and \
            isinstance(data["entries"][0], dict) and looks_like(data["entries"][0]):
        return True
    return "urn" in data and ("article_html" in data or "teaser" in data)


def parse(data: dict[str, Any], path: str, received: str) -> list[Item | Quarantined]:
    if isinstance(data.get("entries"), list):
        found: list[Item | Quarantined] = []
        for index, entry in enumerate(data["entries"]):
            try:
                if not isinstance(entry, dict):
                    raise ParseError("feed entry that is not a JSON object")
                found.append(parse_item(entry, path, received))
            except ParseError as exc:
                found.append(Quarantined(f"{path}#{index}", str(exc), FORMAT))
        if not found:
            raise ParseError("digitalwires feed with no entries")
        return found
    return [parse_item(data, path, received)]


def parse_item(data: dict[str, Any], path: str, received: str) -> Item:
    urn = text(data.get("urn"))
    headline = clean_line(text(data.get("headline")))
    body = body_text(text(data.get("article_html")))
    if not headline and not body:
        raise ParseError("digitalwires entry with neither headline nor article")
    categories = [c for c in items(data.get("categories")) if isinstance(c, dict)]
    ednote = clean_line(" / ".join(_notes(data)))
    embargo = iso(text(data.get("embargoed")))
    status = text(data.get("pubstatus")).casefold()
    level = urgency(data.get("urgency")) or urgency(next(
        (c.get("name") for c in categories if c.get("type") == "dnltype:urgency"), None))
    if data.get("emergency") is True:
        level = 1
    dateline, agency = _dateline(text(data.get("dateline")))
    signal_codes = [text(data.get("signal"))] + [
        text(c.get("qcode")) or text(c.get("name")) for c in categories
        if c.get("type") == "dnltype:signal"
    ]
    return Item(
        id=urn or content_id(headline, body),
        path=path,
        format=FORMAT,
        source=canonical_source(agency or _provider(categories) or text(data.get("creditline"))
                                or "dpa"),
        received=received,
        created=iso(text(data.get("content_created"))),
        versioned=iso(text(data.get("version_created"))),
        version=clean_line(text(data.get("version"))),
        slug=clean_line(text(data.get("kicker"))),
        headline=headline,
        deck=clean_line(text(data.get("subhead")) or text(data.get("teaser"))),
        byline=re.sub(r"^(?:Von|By|Par|Di)\s+", "", clean_line(text(data.get("byline")))),
        dateline=dateline,
        body=body,
        word_count=count_words(body),
        urgency=level,
        priority=clean_line(text(data.get("urgency"))),
        category=", ".join(names(items(data.get("desk_names")))),
        subjects=names(items(data.get("dpasubject_names"))),
        keywords=names(items(data.get("keyword_names")) + items(data.get("geosubject_names"))),
        language=clean_line(text(data.get("language")))[:16],
        pubstatus={"usable": "usable", "withheld": "withheld", "canceled": "canceled",
                   "cancelled": "canceled"}.get(status, "usable"),
        embargo=embargo,
        ednote=ednote,
        signal=merge(from_codes(signal_codes), from_codes([status]), detect(headline),
                     ("hold",) if embargo else ()),
        refers_to=_refers_to(data, urn),
    )


def _notes(data: dict[str, Any]) -> list[str]:
    """The publishable notes an editor acts on: embargo, correction, editorial notes (not
    the picture titles that follow dpa's "Zu diesem Text finden Sie Bilder…" line)."""
    notes: list[str] = []
    picture_titles = False
    has_short = any(mapping(n).get("role") == "dpaednoterole:correctionshort"
                    for n in items(data.get("ednotes")))
    for entry in items(data.get("ednotes")):
        note = mapping(entry)
        role = text(note.get("role"))
        value = clean_line(text(note.get("ednote")))
        if not value or note.get("is_publishable") is False:
            continue
        if role == "dpaednoterole:correction" and not has_short:
            notes.append(value)
        elif role in _NOTE_ROLES:
            if _PICTURE_OFFER.match(value):
                picture_titles = True
                continue
            if role == "dpaednoterole:editorialnote" and picture_titles:
                continue
            notes.append(value)
    return notes


def _dateline(raw: str) -> tuple[Dateline, str]:
    """`Waghäusel (dpa) - ` -> the place, and the agency."""
    found = datelines.find(raw.strip() + " x")
    if found is None:
        return (Dateline(text=clean_line(raw.strip(" -–"))) if raw.strip(" -–") else
                Dateline()), ""
    return found.dateline, datelines.agency_name(found.agency)


def _provider(categories: list[dict[str, Any]]) -> str:
    for category in categories:
        if category.get("type") == "dnltype:provider":
            return text(category.get("name"))
    return ""


def _refers_to(data: dict[str, Any], urn: str) -> tuple[str, ...]:
    """Earlier items a correction names by their urn (not this item's own urn)."""
    found: dict[str, None] = {}
    for entry in items(data.get("ednotes")):
        for ref in _URN.findall(text(mapping(entry).get("ednote"))):
            if ref != urn:
                found.setdefault(ref, None)
    return tuple(found)
