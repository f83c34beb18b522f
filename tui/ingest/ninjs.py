"""ninjs 1.x and 2.x: IPTC's JSON for news.

1.x has `headline`, `body_text`/`body_html`, `byline`, `located`, `subject`; 2.x has
`headlines[]`, `bodies[]`, `bylines[]`, `subjects[]`. Agencies add their own fields (TT:
`body_html5`, `replacing`; AFP/AAP: `copyrightholder`, `source`). `associations` (pictures,
related items) are not part of the story and are ignored.
"""

from __future__ import annotations

import re
from typing import Any

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError
from tui.ingest.jsonvalues import body as body_text
from tui.ingest.jsonvalues import integer, items, mapping, name, names, text, urgency
from tui.ingest.signals import detect, from_codes, merge
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line

FORMAT = "ninjs"

_CONTENT_KEYS = frozenset({"headlines", "headline", "body_text", "bodies", "body_html",
                           "body_xhtml", "body_html5", "type"})
_PICTURE_TYPES = frozenset({"picture", "graphic", "video", "audio"})
_NOT_WRITERS = frozenset({"fotograf", "photographer", "photo", "ansvarig", "editor",
                          "camera", "illustrator", "graphics"})


def looks_like(data: dict[str, Any]) -> bool:
    keys = data.keys()
    return bool(keys & {"uri", "guid"} or isinstance(data.get("headlines"), list)) and bool(
        keys & _CONTENT_KEYS
    )


def parse_object(data: dict[str, Any], path: str, received: str) -> list[Item]:
    headline = clean_line(_headline(data, "main") or text(data.get("headline")))
    body = _body(data, headline)
    kind = text(data.get("type")).casefold()
    captions: tuple[str, ...] = ()
    if kind in _PICTURE_TYPES:
        caption = clean_line(text(data.get("description_text")) or body)
        captions = (caption,) if caption else ()
    if not headline and not body and not captions:
        raise ParseError("ninjs object with neither headline nor body")
    headline = headline or (captions[0] if captions else "")
    uri = text(data.get("uri")) or text(data.get("guid"))
    ednote = clean_line(text(data.get("ednote")) or "; ".join(
        text(note.get("value")) for note in items(data.get("ednotes")) if isinstance(note, dict)
    ))
    embargo = iso(text(data.get("embargoed")))
    status = text(data.get("pubstatus")).casefold()
    pubstatus = {"usable": "usable", "withheld": "withheld", "canceled": "canceled",
                 "cancelled": "canceled"}.get(status, "usable")
    dateline, agency = _dateline(data, body)
    slug = clean_line(text(data.get("slugline")) or text(data.get("slug")))
    priority = clean_line(text(data.get("priority")))
    signal_codes = [name(s) for s in items(data.get("signals"))] + \
        [name(s) for s in items(data.get("signal"))] + [text(data.get("signal"))]
    return [
        Item(
            id=uri or content_id(headline, body),
            path=path,
            format=FORMAT,
            source=canonical_source(_source(data) or agency),
            received=received,
            created=iso(text(data.get("firstcreated")) or text(data.get("contentcreated"))),
            versioned=iso(text(data.get("versioncreated"))),
            version=clean_line(text(data.get("version"))),
            slug=slug,
            headline=headline,
            deck=clean_line(_headline(data, "sub") or text(data.get("subheadline"))),
            byline=_byline(data),
            dateline=dateline,
            body=body,
            captions=captions,
            word_count=count_words(body),
            urgency=urgency(data.get("urgency")) or urgency(data.get("priority")),
            priority=priority or text(integer(data.get("urgency")) or ""),
            category=", ".join(names(data.get("service"))),
            subjects=names(items(data.get("subjects")) + items(data.get("subject"))),
            keywords=names(data.get("keywords")) if isinstance(data.get("keywords"), list)
            else names(text(data.get("keywords"))),
            language=clean_line(text(data.get("language")))[:16],
            pubstatus=pubstatus,
            embargo=embargo,
            ednote=ednote,
            signal=merge(detect(headline, ednote, slug), from_codes(signal_codes),
                         from_codes([status]), ("hold",) if embargo else ()),
            refers_to=_refers_to(data, uri),
        )
    ]


def _headline(data: dict[str, Any], role: str) -> str:
    """ninjs 2: the headline with that role; `main` falls back to the first and `sub` to
    the second, as 2.0 producers often leave roles out."""
    entries = [h for h in items(data.get("headlines")) if isinstance(h, dict)]
    for entry in entries:
        if text(entry.get("role")).casefold() == role:
            return text(entry.get("value"))
    position = 0 if role == "main" else 1
    if len(entries) > position and not text(entries[position].get("role")):
        return text(entries[position].get("value"))
    return ""


def _body(data: dict[str, Any], headline: str) -> str:
    # HTML first: it keeps the paragraphs that many producers' body_text runs together.
    for key in ("body_html", "body_xhtml", "body_html5", "body_text"):
        value = text(data.get(key))
        if value:
            found = body_text(value, frozenset({"dat", "byline"}))
            first, _, rest = found.partition("\n\n")
            # An HTML5 page repeats the headline as its <h1>.
            return rest if headline and first == headline and rest else found
    bodies = [b for b in items(data.get("bodies")) if isinstance(b, dict) and b.get("value")]
    bodies.sort(key=lambda b: text(b.get("role")).casefold() not in ("", "main"))
    for entry in bodies:
        return body_text(text(entry.get("value")))
    return ""


def _byline(data: dict[str, Any]) -> str:
    if (single := clean_line(text(data.get("byline")))):
        return re.sub(r"(?i)^by\s+", "", single)
    writers = []
    for entry in items(data.get("bylines")) + items(data.get("authors")):
        if not isinstance(entry, dict):
            continue
        if text(entry.get("role")).casefold() in _NOT_WRITERS:
            continue
        writer = clean_line(text(entry.get("byline")) or text(entry.get("name")))
        if writer:
            writers.append(re.sub(r"(?i)^by\s+", "", writer))
    return "; ".join(dict.fromkeys(writers))


def _dateline(data: dict[str, Any], body: str) -> tuple[Dateline, str]:
    located = data.get("located")
    place = text(located) or name(mapping(located)) if located else ""
    found = datelines.find(body.split("\n\n", 1)[0]) if body else None
    agency = datelines.agency_name(found.agency) if found and found.agency else ""
    if place:
        city, _, country = place.partition(",")
        return Dateline(city=clean_line(city), country=clean_line(country),
                        text=clean_line(place)), agency
    if found is not None:
        return found.dateline, agency
    return Dateline(), agency


def _source(data: dict[str, Any]) -> str:
    for key in ("copyrightholder", "source", "provider"):
        value = clean_line(name(data.get(key)))
        if value:
            return value
    return ""


def _refers_to(data: dict[str, Any], uri: str) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for key in ("replacing", "replaces", "evolvedfrom", "rewrite_of", "previous_version"):
        value = data.get(key)
        for entry in value if isinstance(value, list) else [value]:
            ref = clean_line(text(entry) or text(mapping(entry).get("uri")))
            if ref and ref != uri:
                found.setdefault(ref, None)
    return tuple(found)
