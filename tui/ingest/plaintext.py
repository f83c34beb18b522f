"""Plain agency text: a headline line, an optional byline, paragraphs.

Besides the bare shape it reads the conventions plain copy carries in its text:

    By Emma Corrigan (PA)                    byline, and the agency in brackets
    LONDON (Reuters) - …  BERLIN (dpa) - …   dateline and agency (see datelines.py)
    LONDON, March 14, 2019 (PA) - …          ... and the day it was filed (`created`)
    (Reporting by Tom Smith; Editing by …)   Reuters' trailer, when there is no By line
    Source: ORG / MEDIA RELEASE PR67276      Asianet (PR Newswire) press releases
    HEADLINE ** HEADLINE ** HEADLINE **      a news ticker: one headline after another
"""

from __future__ import annotations

import re

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import dateline_date
from tui.ingest.errors import ParseError
from tui.ingest.signals import detect
from tui.ingest.textblocks import block_paragraphs, blocks, lines
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "plain"

_NAME = r"[A-ZÀ-Þ][\w.'’-]*"
_BYLINE = re.compile(
    rf"^(?:By|BY|Von|Par|Por)\s+(?P<name>{_NAME}(?:(?:\s+|\s*,\s*)(?:{_NAME}|and|und|et|y|de|"
    rf"da|del|van|von|der|le|la|bin|al)){{0,7}})\s*(?:[(,]\s*(?P<agency>[A-Za-z][\w .&-]{{1,30}}?)"
    rf"\)?)?\s*$"
)
_REPORTING = re.compile(r"^\(?Reporting by (?P<names>[^;)]+)")
_RELEASE_HEAD = re.compile(r"^Source:\s*(?P<org>.+)$")
_RELEASE_ID = re.compile(r"^MEDIA RELEASE\s+(?P<id>PR\d+)\s*$")
_TICKER = re.compile(r"\s\*\*\s")


def parse(text: str, path: str, received: str) -> list[Item]:
    text = lines(text)
    parts = blocks(text)
    if not parts:
        raise ParseError("the file holds no text")
    first_line = parts[0].split("\n", 1)[0]
    if len(_TICKER.findall(first_line)) >= 3:
        return [_ticker(first_line, path, received)]
    if _RELEASE_HEAD.match(first_line.strip()):
        return [_release(parts, path, received)]

    rows = parts[0].split("\n")
    headline = clean_line(rows[0])
    rest: list[str] = []
    if len(rows) > 1:
        rest.extend(block_paragraphs("\n".join(rows[1:])))
    for block in parts[1:]:
        rest.extend(block_paragraphs(block))
    byline = source = ""
    if rest and (match := _byline(rest[0])) is not None:
        byline, source = match
        rest.pop(0)
    paragraphs = [clean_line(p) for p in rest]
    paragraphs = [p for p in paragraphs if p]
    dateline = Dateline()
    if paragraphs and (found := datelines.find(paragraphs[0])) is not None:
        dateline = found.dateline
        source = source or datelines.agency_name(found.agency)
    # Plain copy carries no time stamp: its dateline's date ("LONDON, March 14, 2019
    # (PA) -") is the day it was filed, where it gives one with its year; else the item
    # has no time of its own (sort_time falls back to the file's arrival).
    created = dateline_date(dateline.date)
    if not byline and paragraphs and (match_r := _REPORTING.match(paragraphs[-1])) is not None:
        byline = clean_line(match_r.group("names").replace(" and ", ", "))
        source = source or "Reuters"
    body = clean_paragraphs(paragraphs)
    if not headline and not body:
        raise ParseError("the file holds no text")
    return [
        Item(
            id=content_id(headline, body),
            path=path,
            format=FORMAT,
            source=canonical_source(source),
            received=received,
            created=created,
            headline=headline,
            byline=byline,
            dateline=dateline,
            body=body,
            word_count=count_words(body),
            signal=detect(headline),
        )
    ]


def _byline(paragraph: str) -> tuple[str, str] | None:
    """`By Emma Corrigan (PA)` -> (`Emma Corrigan`, `PA`); None for a sentence that
    merely starts with "By" ("By the end of the year, …")."""
    line = clean_line(paragraph)
    if len(line) > 90:
        return None
    match = _BYLINE.match(line)
    if match is None:
        return None
    return clean_line(match.group("name")), clean_line(match.group("agency") or "")


def _ticker(line: str, path: str, received: str) -> Item:
    headlines = [clean_line(h) for h in _TICKER.split(f" {line} ")]
    headlines = [h.strip("* ") for h in headlines if h.strip("* ")]
    body = clean_paragraphs(headlines)
    headline = headlines[0] if headlines else ""
    if not headline:
        raise ParseError("a news ticker with no headline in it")
    return Item(
        id=content_id(headline, body),
        path=path,
        format=FORMAT,
        received=received,
        slug="ticker",
        headline=headline,
        body=body,
        word_count=count_words(body),
        keywords=("ticker",),
        signal=detect(*headlines),
    )


def _release(parts: list[str], path: str, received: str) -> Item:
    """An Asianet / PR Newswire release: `Source:` and `MEDIA RELEASE PRnnnnn` lines, the
    title (wrapped), then `PLACE, Date /PRNewswire/ --` and the release."""
    rows = parts[0].split("\n")
    head = _RELEASE_HEAD.match(rows[0].strip())
    organisation = clean_line(head.group("org")) if head else ""
    release_id = ""
    title_rows = rows[1:]
    if title_rows and (match := _RELEASE_ID.match(title_rows[0].strip())) is not None:
        release_id = match.group("id")
        title_rows = title_rows[1:]
    headline = clean_line(" ".join(title_rows))
    paragraphs: list[str] = []
    for block in parts[1:]:
        paragraphs.extend(block_paragraphs(block))
    paragraphs = [p for p in (clean_line(p) for p in paragraphs) if p]
    if not headline and paragraphs:
        headline = paragraphs.pop(0)
    dateline = Dateline()
    wire = ""
    if paragraphs and (found := datelines.find(paragraphs[0])) is not None:
        dateline, wire = found.dateline, found.agency
        if not found.rest.strip() and len(paragraphs) > 1:
            # The dateline stands alone above the first paragraph: it opens that paragraph.
            paragraphs[:2] = [f"{paragraphs[0]} {paragraphs[1]}"]
    body = clean_paragraphs(paragraphs)
    if not headline and not body:
        raise ParseError("press release with neither title nor text")
    return Item(
        id=release_id or content_id(headline, body),
        path=path,
        format=FORMAT,
        source=canonical_source(wire or "Asianet"),
        received=received,
        headline=headline,
        dateline=dateline,
        body=body,
        word_count=count_words(body),
        category="media release",
        keywords=(organisation,) if organisation else (),
        signal=detect(headline),
    )
