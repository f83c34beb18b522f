"""AP Media API JSON: one item (`/content`: `data.item`) or a feed (`/content/feed`:
`data.items[].item`).

The API sends metadata; the story text itself is a rendition to download (NITF or ANPA),
so most items carry no body. Some deliveries embed it (`nitf.body_html` beside `data`, or
`body_html` on the item). AP's stable id is `altids.itemid`; `uri` carries per-request
tokens. `editorialpriority` is the ANPA letter; `urgency` is already 1..9.
"""

from __future__ import annotations

import re
from typing import Any

from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.jsonvalues import body as body_text
from tui.ingest.jsonvalues import items, mapping, name, names, text, urgency
from tui.ingest.signals import detect, from_codes, merge
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line

FORMAT = "apmedia"

_PICTURE_TYPES = frozenset({"picture", "graphic", "video", "audio", "complexdata"})


def looks_like(data: dict[str, Any]) -> bool:
    inner = mapping(data.get("data"))
    if isinstance(inner.get("item"), dict) or isinstance(inner.get("items"), list):
        return True
    # A bare item, as some feeds store them one per file.
    return isinstance(data.get("altids"), dict) and "uri" in data


def parse(data: dict[str, Any], path: str, received: str) -> list[Item | Quarantined]:
    inner = mapping(data.get("data"))
    if isinstance(inner.get("items"), list):
        entries = inner["items"]
        found: list[Item | Quarantined] = []
        for index, entry in enumerate(entries):
            try:
                item = mapping(entry).get("item", entry)
                if not isinstance(item, dict):
                    raise ParseError("feed entry without an item object")
                found.append(parse_item(item, {}, path, received))
            except ParseError as exc:
                found.append(Quarantined(f"{path}#{index}", str(exc), FORMAT))
        if not found:
            raise ParseError("AP Media API feed with no items in it")
        return found
    item = inner.get("item")
    return [parse_item(item if isinstance(item, dict) else data, data, path, received)]


def parse_item(item: dict[str, Any], envelope: dict[str, Any], path: str,
               received: str) -> Item:
    altids = mapping(item.get("altids"))
    headline = clean_line(text(item.get("headline")) or text(item.get("title")))
    kind = text(item.get("type")).casefold()
    body = _body(item, envelope)
    captions: tuple[str, ...] = ()
    if kind in _PICTURE_TYPES:
        caption = clean_line(text(item.get("description_caption")))
        captions = (caption,) if caption else ()
    if not headline and not body and not captions:
        raise ParseError("AP item with neither headline nor text")
    slug, take_key = _slugline(text(item.get("slugline")))
    ednote = re.sub(r"(?i)^Eds?:\s*", "", clean_line(text(item.get("ednote"))))
    embargo = iso(text(item.get("embargoed")))
    status = text(item.get("pubstatus")).casefold()
    editorial_types = [text(t) for t in items(item.get("editorialtypes"))]
    item_id = text(altids.get("itemid")) or text(item.get("uri"))
    return Item(
        id=item_id or content_id(headline, body),
        path=path,
        format=FORMAT,
        source=canonical_source(text(item.get("provider")) or "AP"),
        received=received,
        created=iso(text(item.get("firstcreated"))),
        versioned=iso(text(item.get("versioncreated"))),
        version=clean_line(text(item.get("version"))),
        take_key=take_key,
        slug=slug,
        headline=headline or (captions[0] if captions else ""),
        deck=clean_line(text(item.get("headline_extended"))
                        or text(item.get("description_summary"))),
        byline=_byline(item),
        dateline=_dateline(item),
        body=body,
        captions=captions,
        word_count=count_words(body),
        urgency=urgency(item.get("urgency")),
        priority=clean_line(text(item.get("editorialpriority"))),
        category=", ".join(
            clean_line(text(s.get("code"))) for s in items(item.get("subject"))
            if isinstance(s, dict) and "category" in items(s.get("rels"))
        ),
        subjects=names([s for s in items(item.get("subject")) if isinstance(s, dict)
                        and "category" not in items(s.get("rels"))]),
        keywords=names(items(item.get("keywords"))),
        language=clean_line(text(item.get("language")))[:16],
        pubstatus={"usable": "usable", "withheld": "withheld", "canceled": "canceled",
                   "cancelled": "canceled", "embargoed": "withheld"}.get(status, "usable"),
        embargo=embargo,
        ednote=ednote,
        signal=merge(detect(headline, take_key, ednote), from_codes(editorial_types),
                     from_codes([status]), ("hold",) if embargo else ()),
    )


def _body(item: dict[str, Any], envelope: dict[str, Any]) -> str:
    for value in (mapping(envelope.get("nitf")).get("body_html"), item.get("body_html"),
                  item.get("body_nitf"), item.get("body_text")):
        if text(value):
            return body_text(text(value))
    return ""


def _slugline(slugline: str) -> tuple[str, str]:
    """`AP-US--Biden-Staff, 3rd Ld-Writethru` -> slug and take key."""
    slug, _, take = slugline.partition(",")
    return clean_line(slug), clean_line(take)


def _byline(item: dict[str, Any]) -> str:
    writers = []
    for entry in items(item.get("bylines")):
        by = clean_line(text(mapping(entry).get("by")) or name(entry))
        if by:
            writers.append(re.sub(r"(?i)^by\s+", "", by))
    photographer = clean_line(name(item.get("photographer")))
    if not writers and photographer:
        writers.append(photographer)
    return "; ".join(writers)


def _dateline(item: dict[str, Any]) -> Dateline:
    located = clean_line(text(item.get("located")))
    location = mapping(item.get("datelinelocation"))
    city = clean_line(text(location.get("city"))) or located
    country = clean_line(text(location.get("countryname")))
    if not (city or country):
        return Dateline()
    return Dateline(city=city, country=country, text=located)
