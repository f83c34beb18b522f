"""NITF 3.x: the News Industry Text Format."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from tui.ingest.dates import iso
from tui.ingest.errors import ParseError
from tui.ingest.signals import detect, merge
from tui.ingest.xmlsafe import find, find_all, local, text_of
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "nitf"

_STATUS = {"usable": "usable", "embargoed": "withheld", "withheld": "withheld",
           "canceled": "canceled", "cancelled": "canceled"}
_BLOCKS = frozenset({"p", "hl2", "block.quote", "bq", "pre", "li", "td"})


def parse_root(root: ET.Element, path: str, received: str) -> list[Item]:
    if local(root.tag) != "nitf":
        raise ParseError(f"not NITF (root element <{local(root.tag)}>)")
    docdata = find(root, "docdata")
    doc_id = _attr(docdata, "doc-id", "id-string")
    headline = clean_line(text_of(find(root, "hl1"))) or clean_line(text_of(find(root, "title")))
    deck = clean_line(text_of(find(root, "hl2")))
    content = find(root, "body.content")
    body = clean_paragraphs(_paragraphs(content)) if content is not None else ""
    if not headline and not body:
        raise ParseError("NITF document with neither headline nor body")
    byline = clean_line(text_of(find(root, "byline")))
    if byline.lower().startswith("by "):
        byline = byline[3:].strip()
    dateline_node = find(root, "dateline")
    dateline = Dateline(
        city=clean_line(text_of(find(dateline_node, "city"))) if dateline_node is not None else "",
        country=clean_line(text_of(find(dateline_node, "country")))
        if dateline_node is not None else "",
        date=iso(_attr(dateline_node, "story.date", "norm")) if dateline_node is not None else "",
        text=clean_line("".join(dateline_node.itertext())) if dateline_node is not None and
        find(dateline_node, "city") is None else "",
    )
    urgency_text = _attr(docdata, "urgency", "ed-urg")
    urgency = int(urgency_text) if urgency_text.isdigit() and 1 <= int(urgency_text) <= 9 else None
    version = _attr(docdata, "du-key", "version")
    slug = _attr(docdata, "du-key", "key") or _meta(root, "anpa-keyword")
    ednote = clean_line(_attr(docdata, "ed-msg", "info"))
    status = _attr(docdata, "management-status", "").lower() or _text(docdata, "management-status")
    issued = iso(_attr(docdata, "date.issue", "norm"))
    release = iso(_attr(docdata, "date.release", "norm"))
    embargo = release if release and issued and release > issued else ""
    take_key = _meta(root, "anpa-takekey")
    source = (_attr(docdata, "doc.copyright", "holder") or _attr(root, "doc.rights", "agent")
              or _attr(root, "doc.rights", "owner"))
    keywords = tuple(
        clean_line(k.get("key", "")) for k in find_all(root, "keyword") if k.get("key")
    )
    subjects = tuple(
        clean_line(s.get("tobject.subject.matter") or s.get("tobject.subject.type") or "")
        for s in find_all(root, "tobject.subject")
    )
    return [
        Item(
            id=doc_id or content_id(headline, body),
            path=path,
            format=FORMAT,
            source=clean_line(source),
            received=received,
            created=issued,
            versioned=issued,
            version=version,
            take_key=take_key,
            slug=clean_line(slug),
            headline=headline,
            deck=deck,
            byline=byline,
            dateline=dateline,
            body=body,
            word_count=count_words(body),
            urgency=urgency,
            priority=urgency_text,
            category=_meta(root, "anpa-category"),
            subjects=tuple(s for s in subjects if s),
            keywords=keywords,
            language=(root.get("{http://www.w3.org/XML/1998/namespace}lang") or "")[:8],
            pubstatus=_STATUS.get(status, "usable"),
            embargo=embargo,
            ednote=ednote,
            signal=merge(detect(headline, ednote, take_key), ("hold",) if embargo else ()),
        )
    ]


def _paragraphs(content: ET.Element) -> list[str]:
    found = [text_of(node) for node in content.iter() if local(node.tag) in _BLOCKS]
    return found or [text_of(content)]


def _attr(node: ET.Element | None, name: str, attribute: str) -> str:
    if node is None:
        return ""
    element = node if local(node.tag) == name else find(node, name)
    if element is None:
        return ""
    return (element.get(attribute) or "").strip() if attribute else ""


def _text(node: ET.Element | None, name: str) -> str:
    if node is None:
        return ""
    return text_of(find(node, name)).strip().lower()


def _meta(root: ET.Element, name: str) -> str:
    for meta in find_all(root, "meta"):
        if meta.get("name") == name:
            return (meta.get("content") or "").strip()
    return ""
