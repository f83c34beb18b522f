"""NITF 3.x: the News Industry Text Format, standalone or inside NewsML."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator

from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError
from tui.ingest.signals import detect, merge
from tui.ingest.xmlbody import (
    Content,
    body_text,
    byline,
    drop_repeated_headline,
    element_content,
    later,
    line,
    number,
    unique,
    urgency,
    valid_time,
)
from tui.ingest.xmlsafe import attr, child, find, find_all, lang_of, local, text_of
from tui.model import Dateline, Item, content_id, count_words

FORMAT = "nitf"

_STATUS = {"usable": "usable", "embargoed": "withheld", "withheld": "withheld",
           "canceled": "canceled", "cancelled": "canceled"}
# Letter priorities (ANPA and the agencies that kept its codes) on the 1-9 urgency scale.
_LETTER_URGENCY = {"f": 1, "b": 2, "u": 3, "r": 5, "d": 7}
_PRIORITY_METAS = ("priority", "prioridad", "aap-priority", "NTBPrioritet", "anpa-priority")
_CATEGORY_METAS = ("anpa-category", "category", "categoria", "NTBKanal")
_SLUG_METAS = ("anpa-keyword", "NTBStikkord")


def parse_root(root: ET.Element, path: str, received: str) -> list[Item]:
    if local(root.tag) != "nitf":
        raise ParseError(f"not NITF (root element <{local(root.tag)}>)")
    head = child(root, "head")
    docdata = find(head, "docdata")
    headline = headline_of(root)
    deck = line(text_of(find(find(root, "hedline"), "hl2")))
    content = body_content(root)
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not headline and not body:
        raise ParseError("NITF document with neither headline nor body")
    issued = iso(_attr(docdata, "date.issue", "norm"))
    release = valid_time(_attr(docdata, "date.release", "norm"))
    embargo = release if later(release, valid_time(issued)) else ""
    status = (attr(docdata, "management-status") or _attr(docdata, "management-status", "")
              ).lower()
    pubstatus = _STATUS.get(status, "usable")
    ednote = line(_attr(docdata, "ed-msg", "info")) or line(text_of(_editors_note(root)))
    metas = _metas(root)
    take_key = line(metas.get("anpa-takekey", ""))
    slug = line(_first_meta(metas, _SLUG_METAS) or _attr(docdata, "du-key", "key"))
    urgency_text = _attr(head, "urgency", "ed-urg")
    priority = _first_meta(metas, _PRIORITY_METAS) or urgency_text
    revisions = [line(r.get("comment", "")) for r in find_all(head, "revision-history")]
    agency_words = number(metas.get("anpa-wordcount", ""))
    pubdata = find(head, "pubdata")
    if agency_words is None and attr(pubdata, "unit-of-measure") == "word":
        agency_words = number(attr(pubdata, "item-length"))
    refers = attr(docdata, "management-doc-idref")
    return [
        Item(
            id=_attr(docdata, "doc-id", "id-string") or content_id(headline, body),
            path=path,
            format=FORMAT,
            source=source_of(root, metas),
            received=received,
            created=issued,
            versioned=issued,
            version=_version(_attr(docdata, "du-key", "version")),
            take_key=take_key,
            slug=slug,
            headline=headline,
            deck=deck if deck != headline else "",
            byline=byline_of(root),
            dateline=dateline_of(root),
            body=body,
            captions=tuple(content.captions),
            word_count=agency_words or count_words(body),
            urgency=urgency(urgency_text) or _LETTER_URGENCY.get(priority.lower()),
            priority=priority,
            category=line(_first_meta(metas, _CATEGORY_METAS)),
            subjects=unique([_subject(s) for s in find_all(head, "tobject.subject")]),
            keywords=unique([line(k.get("key") or text_of(k))
                             for k in find_all(docdata, "keyword")]),
            language=_language(root),
            pubstatus=pubstatus,
            embargo=embargo,
            ednote=ednote,
            signal=merge(
                ("kill",) if pubstatus == "canceled" else (),
                detect(headline, ednote, take_key, slug, *revisions),
                ("hold",) if embargo or pubstatus == "withheld" else (),
            ),
            refers_to=(refers,) if refers else (),
        )
    ]


def headline_of(root: ET.Element) -> str:
    return line(text_of(find(root, "hl1"))) or line(text_of(find(child(root, "head"), "title")))


def body_content(root: ET.Element) -> Content:
    # The story's body.content sits directly under <body>; an editor's <note> in the head
    # may carry a body.content of its own.
    body = child(root, "body")
    return element_content(child(body, "body.content") if body is not None
                           else find(root, "body.content"))


def byline_of(root: ET.Element) -> str:
    """`By BERNARD CONDON<byttl>AP Business Writer</byttl>` -> `BERNARD CONDON, AP Business
    Writer`; several bylines are joined with `; `."""
    found: list[str] = []
    for node in find_all(find(root, "body.head"), "byline"):
        titles = [line(text_of(t)) for t in find_all(node, "byttl")]
        parts = [node.text or ""]
        for element in node:
            if local(element.tag) != "byttl":
                parts.append(text_of(element))
            parts.append(element.tail or "")
        name = byline(" ".join(parts)).rstrip(",;/ ")
        if name.lower() == "by":
            name = ""
        text = ", ".join(part for part in (name, *titles) if part)
        if text:
            found.append(text)
    return "; ".join(unique(found))


def dateline_of(root: ET.Element) -> Dateline:
    node = find(find(root, "body.head"), "dateline")
    if node is None:
        return Dateline()
    location = find(node, "location")
    city = line(text_of(find(node, "city")))
    if not city and location is not None and len(location) == 0:
        city = line(text_of(location))
    country = line(text_of(find(node, "country"))) or line(text_of(find(node, "state")))
    story_date = find(node, "story.date")
    date = iso(attr(story_date, "norm") or text_of(story_date))
    text = ""
    if not city and not country:
        parts = [node.text or ""]
        for element in node:
            if element is not story_date:
                parts.append(text_of(element))
            parts.append(element.tail or "")
        text = line(" ".join(parts))
    return Dateline(city=city, country=country, date=date, text=text)


def source_of(root: ET.Element, metas: dict[str, str] | None = None) -> str:
    for raw in _source_candidates(root, _metas(root) if metas is None else metas):
        name = line(raw)
        if name:
            return canonical_source(name)
    return ""


def _source_candidates(root: ET.Element, metas: dict[str, str]) -> Iterator[str]:
    # in order of trust; a generator so that the first found spares the later lookups
    docdata = find(root, "docdata")
    yield _attr(docdata, "doc.copyright", "holder")
    yield _attr(docdata, "doc.rights", "agent")
    yield _attr(docdata, "doc.rights", "owner")
    yield text_of(find(root, "rights.owner"))
    yield text_of(find(root, "distributor"))
    yield metas.get("NTBKilde", "")
    yield metas.get("aap-source", "")
    yield _first_source(docdata)


def _first_source(docdata: ET.Element | None) -> str:
    # del-list names every agency that moved the story; level 1 is where it started.
    for source in find_all(docdata, "from-src"):
        if source.get("level-number", "1") == "1":
            return source.get("src-name", "")
    return ""


def _language(root: ET.Element) -> str:
    lang = find(root, "lang")
    return (lang_of(root) or root.get("baselang", "") or attr(lang, "lang")
            or lang_of(find(root, "body.content"))).strip()


def _editors_note(root: ET.Element) -> ET.Element | None:
    for note in find_all(find(root, "body.head"), "note"):
        if note.get("noteclass", "") in ("editorsnote", "advisory"):
            return note
    return None


def _subject(node: ET.Element) -> str:
    for name in ("tobject.subject.detail", "tobject.subject.matter", "tobject.subject.type",
                 "tobject.subject.refnum"):
        value = line(node.get(name, ""))
        if value:
            return value
    return ""


def _version(raw: str) -> str:
    value = number(raw)
    return str(value) if value is not None else raw


def _attr(node: ET.Element | None, name: str, attribute: str) -> str:
    element = node if node is not None and local(node.tag) == name else find(node, name)
    if element is None:
        return ""
    return attr(element, attribute) if attribute else text_of(element).strip()


def _metas(root: ET.Element) -> dict[str, str]:
    """The content of each `<meta name=…>` in the head (the first of a name counts), read
    in one walk rather than one per name asked for."""
    found: dict[str, str] = {}
    for meta in find_all(child(root, "head"), "meta"):
        name = meta.get("name")
        if name is not None:
            found.setdefault(name, (meta.get("content") or "").strip())
    return found


def _first_meta(metas: dict[str, str], names: tuple[str, ...]) -> str:
    for name in names:
        value = metas.get(name, "")
        if value:
            return value
    return ""
