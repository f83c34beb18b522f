"""Plain agency text: a headline line, an optional byline, paragraphs."""

from __future__ import annotations

import re

from tui.ingest.errors import ParseError
from tui.ingest.signals import detect
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line

FORMAT = "plain"

_BYLINE = re.compile(r"^By\s+(.+?)(?:\s*\((?P<agency>[A-Za-z][\w .&-]{1,30})\))?\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40}(?:,\s*[A-Z][A-Za-z .'-]{1,30})?)\s*"
    r"\((?P<agency>[A-Za-z][\w .&-]{1,30})\)\s*[-_–—]+\s*"
)


def parse(text: str, path: str, received: str) -> list[Item]:
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text.replace("\r\n", "\n")) if b.strip()]
    if not blocks:
        raise ParseError("the file holds no text")
    lines = blocks[0].splitlines()
    headline = clean_line(lines[0])
    rest = ["\n".join(lines[1:])] if len(lines) > 1 else []
    rest += blocks[1:]
    byline = source = ""
    if rest and (match := _BYLINE.match(clean_line(rest[0]))):
        byline = clean_line(match.group(1))
        source = match.group("agency") or ""
        rest.pop(0)
    paragraphs = [clean_line(b) for b in rest]
    dateline = Dateline()
    if paragraphs and (match := _DATELINE.match(paragraphs[0])):
        place = match.group("place")
        city, _, country = place.partition(",")
        dateline = Dateline(city=city.strip(), country=country.strip(), text=place)
        source = source or match.group("agency")
    body = "\n\n".join(p for p in paragraphs if p)
    return [
        Item(
            id=content_id(headline, body),
            path=path,
            format=FORMAT,
            source=source,
            received=received,
            headline=headline,
            byline=byline,
            dateline=dateline,
            body=body,
            word_count=count_words(body),
            signal=detect(headline),
        )
    ]
