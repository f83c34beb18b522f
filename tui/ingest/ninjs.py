"""ninjs 1.x and 2.x: IPTC's JSON for news."""

from __future__ import annotations

import html
import re
from typing import Any

from tui.ingest.dates import iso
from tui.ingest.errors import ParseError
from tui.ingest.signals import detect, merge
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "ninjs"

_TAGS = re.compile(r"<[^>]+>")


def looks_like(data: dict[str, Any]) -> bool:
    keys = data.keys()
    return ("uri" in keys or "guid" in keys) and bool(
        keys & {"headlines", "headline", "body_text", "bodies", "body_html", "type"}
    )


def parse_object(data: dict[str, Any], path: str, received: str) -> list[Item]:
    headline = clean_line(_first_value(data.get("headlines")) or _str(data.get("headline")))
    body = _body(data)
    if not headline and not body:
        raise ParseError("ninjs object with neither headline nor body")
    uri = _str(data.get("uri") or data.get("guid"))
    ednote = clean_line(_str(data.get("ednote")))
    embargo = iso(_str(data.get("embargoed")))
    urgency = data.get("urgency")
    byline = clean_line(_str(data.get("byline")) or "; ".join(
        _str(b.get("byline") or b.get("name")) for b in _list(data.get("bylines"))
        if isinstance(b, dict)))
    located = data.get("located")
    if isinstance(located, dict):
        located = located.get("name")
    return [
        Item(
            id=uri or content_id(headline, body),
            path=path,
            format=FORMAT,
            source=clean_line(_str(data.get("copyrightholder") or data.get("provider")
                                   or _name(data.get("provider")))),
            received=received,
            created=iso(_str(data.get("firstcreated"))),
            versioned=iso(_str(data.get("versioncreated"))),
            version=_str(data.get("version")),
            slug=clean_line(_str(data.get("slugline"))),
            headline=headline,
            deck=clean_line(_second_value(data.get("headlines"))),
            byline=byline,
            dateline=Dateline(city=clean_line(_str(located))),
            body=body,
            word_count=count_words(body),
            urgency=urgency if isinstance(urgency, int) and 1 <= urgency <= 9 else None,
            priority=_str(data.get("priority") or urgency),
            subjects=tuple(clean_line(_name(s)) for s in _list(data.get("subjects"))
                           if _name(s)),
            keywords=tuple(clean_line(_str(k)) for k in _list(data.get("keywords")) if k),
            language=_str(data.get("language")),
            pubstatus=_str(data.get("pubstatus")) or "usable",
            embargo=embargo,
            ednote=ednote,
            signal=merge(detect(headline, ednote), ("hold",) if embargo else ()),
        )
    ]


def _body(data: dict[str, Any]) -> str:
    text = _str(data.get("body_text"))
    if not text:
        for body in _list(data.get("bodies")):
            if isinstance(body, dict) and body.get("value"):
                text = _str(body["value"])
                break
    if not text:
        text = _str(data.get("body_html"))
    if "<" in text:
        text = html.unescape(_TAGS.sub("\n\n", re.sub(r"(?i)<br\s*/?>", " ", text)))
    return clean_paragraphs(re.split(r"\n\s*\n|\n(?=\S)", text))


def _str(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _name(value: Any) -> str:
    if isinstance(value, dict):
        return _str(value.get("name") or value.get("code"))
    return _str(value)


def _first_value(value: Any) -> str:
    items = _list(value)
    return _str(items[0].get("value")) if items and isinstance(items[0], dict) else ""


def _second_value(value: Any) -> str:
    items = _list(value)
    return _str(items[1].get("value")) if len(items) > 1 and isinstance(items[1], dict) else ""
