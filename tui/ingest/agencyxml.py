"""Agencies' own XML: Canadian Press Publish XML, Ritzau RBNews (one story, or a queued
feed of several) and NTB info / Solita press releases."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.signals import detect, merge
from tui.ingest.xmlbody import (
    Block,
    body_text,
    byline,
    drop_repeated_headline,
    html_content,
    html_text,
    later,
    line,
    number,
    unique,
    urgency,
    valid_time,
)
from tui.ingest.xmlsafe import attr, child, child_text, find, find_all, local
from tui.model import Dateline, Item, content_id, count_words

ROOTS = frozenset({"Publish", "RBNews", "XMLNewsQueuedResponse", "release"})
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})(?:\s+(\d{1,2}):(\d{2}))?$")


def parse_root(root: ET.Element, path: str, received: str) -> list[Item | Quarantined]:
    name = local(root.tag)
    if name == "Publish":
        return [_cp(root, path, received)]
    if name == "release":
        return [_solita(root, path, received)]
    if name == "RBNews":
        return [_ritzau(root, path, received)]
    return _ritzau_feed(root, path, received)


def _value(node: ET.Element | None, name: str) -> str:
    """Text of a child, treating `i:nil="true"` (.NET's null) as absent."""
    found = child(node, name)
    if found is None or any(local(k) == "nil" and v == "true" for k, v in found.attrib.items()):
        return ""
    return "".join(found.itertext()).strip()


def _flag(node: ET.Element | None, name: str) -> bool:
    return _value(node, name).lower() == "true"


def _time(value: str) -> str:
    # .NET's DateTime.MinValue (`0001-01-01T00:00:00`) means "not set".
    return "" if value.startswith("0001-") else iso(value)


# Canadian Press Publish XML ------------------------------------------------------------

def _cp(root: ET.Element, path: str, received: str) -> Item:
    story = child(root, "ContentItem")
    if story is None:
        raise ParseError("CP Publish XML without a ContentItem")
    headline = line(_value(story, "Headline"))
    body = body_text(drop_repeated_headline(html_content(_value(story, "ContentText")).blocks,
                                            headline))
    if not headline and not body:
        raise ParseError("CP Publish XML with neither headline nor text")
    deck = line(_value(story, "Headline2"))
    slug = line(_value(story, "SlugProper") or _value(story, "Slug"))
    embargo = valid_time(_value(story, "EmbargoTime"))
    created = _time(_value(story, "CreatedDateTime"))
    writethru = number(_value(story, "WritethruValue")) or 0
    hold = _flag(story, "HoldFlag")
    rank = _value(story, "RankingValue")
    return Item(
        id=_value(story, "ContentItemID") or _value(root, "PublishID")
        or content_id(headline, body),
        path=path,
        format="cp-xml",
        source=canonical_source(line(_value(story, "Source") or _value(story, "Credit")
                                     or "The Canadian Press")),
        received=received,
        created=created,
        versioned=_time(_value(story, "UpdatedDateTime")) or created,
        version=str(writethru) if writethru else "",
        slug=slug,
        headline=headline,
        deck=deck if deck != headline else "",
        byline=byline(_value(story, "Byline")),
        dateline=Dateline(city=line(_value(story, "City")),
                          country=line(_value(story, "Country"))),
        body=body,
        word_count=number(_value(story, "WordCount")) or count_words(body),
        urgency=urgency(rank),
        priority=rank,
        category=line(_value(story, "Category")),
        keywords=unique([line(k) for k in _value(story, "Keyword").split(",")]),
        language={"1": "en", "2": "fr"}.get(_value(story, "Language"), ""),
        embargo=embargo,
        signal=merge(("update",) if writethru else (), detect(headline, slug),
                     ("hold",) if embargo or hold else ()),
    )


# Ritzau RBNews ----------------------------------------------------------------------

def _ritzau_feed(root: ET.Element, path: str, received: str) -> list[Item | Quarantined]:
    error = _value(find(root, "XMLNewsQueuedResult"), "error")
    if error not in ("", "0"):
        message = _value(find(root, "XMLNewsQueuedResult"), "errormsg")
        raise ParseError(f"Ritzau feed reports error {error}: {line(message) or 'no message'}")
    stories = find_all(root, "RBNews")
    if not stories:
        raise ParseError("Ritzau feed with no news in it")
    results: list[Item | Quarantined] = []
    for index, story in enumerate(stories, 1):
        try:
            results.append(_ritzau(story, path, received))
        except ParseError as exc:
            results.append(Quarantined(f"{path}#{index}", f"item {index}: {exc}", "ritzau"))
    return results


def _ritzau(story: ET.Element, path: str, received: str) -> Item:
    content = html_content(_value(story, "content"))
    headline = line(_value(story, "headline"))
    if not headline:
        # Flashes carry no headline; their short text is what the desk sees first.
        headline = line(_value(story, "ContentShort")).removesuffix("...").rstrip()
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not headline and not body:
        raise ParseError("Ritzau news with neither headline nor text")
    ednote = line(_value(story, "TilRedaktionen"))
    slug = line(_value(story, "strapline"))
    published = iso(_value(story, "PublishDate"))
    priority = _value(story, "Priority")
    refers = [_value(story, "Replaces"), _value(story, "replacedID")]
    return Item(
        id=_value(story, "NewsID") or content_id(headline, body),
        path=path,
        format="ritzau",
        source=canonical_source(line(_value(story, "origin")) or "Ritzau"),
        received=received,
        created=published,
        versioned=published,
        version=_value(story, "version"),
        slug=slug,
        headline=headline,
        deck=line(_value(story, "subtitle")),
        byline=byline(_value(story, "byLine")),
        dateline=Dateline(city=line(_value(story, "town"))),
        body=body,
        captions=tuple(content.captions),
        word_count=count_words(body),
        urgency=urgency(priority),
        priority=priority,
        category=line(_value(story, "section")),
        subjects=unique([line(s.text or "") for s in child(story, "IPTCList") or []]),
        keywords=unique([line(k.text or "") for k in child(story, "SubjectKeyword") or []]),
        ednote=ednote,
        pubstatus="canceled" if _flag(story, "Annuleret") else "usable",
        signal=merge(
            ("kill",) if _flag(story, "Annuleret") else (),
            ("correction",) if _flag(story, "Korrektion") else (),
            ("update",) if _flag(story, "NyVersion") or any(refers) else (),
            detect(headline, ednote, slug),
        ),
        refers_to=unique(refers),
    )


# NTB info / Solita press releases --------------------------------------------------------

def _solita(root: ET.Element, path: str, received: str) -> Item:
    headline = html_text(child_text(root, "title"))
    content = html_content(child_text(root, "body"))
    blocks = drop_repeated_headline(content.blocks, headline)
    for extra in (child_text(root, "boilerplate"), child_text(root, "contactsAsText")):
        # Contact lines are one per line in the source; keep them as lines.
        if extra:
            blocks.append(Block(extra, pre="\n" in extra.strip()))
    body = body_text(blocks)
    if not headline and not body:
        raise ParseError("press release with neither title nor text")
    published = _dotted(child_text(root, "publicationDate"))
    embargo = _dotted(child_text(root, "embargo"))
    if embargo and not later(embargo, published):
        embargo = ""
    captions = [line(c.text or "") for c in root.iter() if local(c.tag) == "caption"]
    return Item(
        id=attr(root, "id") or content_id(headline, body),
        path=path,
        format="ntb-pr",
        source=canonical_source("NTB info"),
        received=received,
        created=published,
        versioned=published,
        headline=headline,
        deck=html_text(child_text(root, "leadtext")),
        byline=line(child_text(child(root, "publisher"), "name")),
        body=body,
        captions=unique(captions),
        word_count=count_words(body),
        category=line(child_text(child(root, "type"), "label")),
        keywords=unique([line(k) for k in child_text(root, "keywords").split(",")]),
        language=attr(root, "lang"),
        pubstatus="withheld" if embargo else "usable",
        embargo=embargo,
        signal=merge(detect(headline), ("hold",) if embargo else ()),
    )


def _dotted(value: str) -> str:
    """`28.09.2018 11:15` (day first, local time) as ISO 8601."""
    match = _DOTTED.match(value.strip())
    if not match:
        return valid_time(value)
    day, month, year, hour, minute = match.groups()
    text = f"{year}-{int(month):02d}-{int(day):02d}"
    if hour:
        text += f"T{int(hour):02d}:{minute}:00"
    return valid_time(text)

