"""Syndication feeds: RSS 2.0 (and 0.9x), RSS 1.0 (RDF) and Atom. Each entry is one item;
the feed's title names the source."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable

from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.signals import detect
from tui.ingest.xmlbody import (
    Block,
    Content,
    body_text,
    byline,
    drop_repeated_headline,
    element_content,
    html_content,
    html_text,
    line,
    plain_paragraphs,
    unique,
    valid_time,
)
from tui.ingest.xmlsafe import attr, child, child_text, children, lang_of, local
from tui.model import Item, content_id, count_words

ROOTS = frozenset({"rss", "RDF", "feed"})

# Month and day names feeds use in RFC 822 dates in their own language (UOL sends
# `Seg, 24 Set 2018`), mapped to the English the date parser knows.
_MONTHS = {
    "fev": "Feb", "févr": "Feb", "fevr": "Feb", "mär": "Mar", "mrz": "Mar", "mars": "Mar",
    "abr": "Apr", "avr": "Apr", "mai": "May", "mayo": "May", "juin": "Jun", "juil": "Jul",
    "ago": "Aug", "août": "Aug", "aout": "Aug", "set": "Sep", "sept": "Sep", "out": "Oct",
    "okt": "Oct", "dez": "Dec", "déc": "Dec", "dic": "Dec", "ene": "Jan", "janv": "Jan",
    "gen": "Jan", "mag": "May", "giu": "Jun", "lug": "Jul", "ott": "Oct",
}
_EMAIL_NAME = re.compile(r"^\s*\S+@\S+\s*\((.+)\)\s*$")


def parse_root(root: ET.Element, path: str, received: str) -> list[Item | Quarantined]:
    name = local(root.tag)
    if name == "feed":
        return _entries(children(root, "entry"), root, "atom", _atom_entry, path, received)
    if name == "RDF":
        return _entries(children(root, "item"), child(root, "channel"), "rss-rdf", _rss_item,
                        path, received)
    channel = child(root, "channel")
    return _entries(children(channel, "item"), channel, "rss", _rss_item, path, received)


Builder = Callable[[ET.Element, ET.Element | None, str, str, str], Item]


def _entries(nodes: list[ET.Element], channel: ET.Element | None, kind: str, build: Builder,
             path: str, received: str) -> list[Item | Quarantined]:
    if not nodes:
        raise ParseError(f"{kind.upper()} feed with no entries")
    results: list[Item | Quarantined] = []
    for index, node in enumerate(nodes, 1):
        try:
            results.append(build(node, channel, kind, path, received))
        except ParseError as exc:
            results.append(Quarantined(f"{path}#{index}", f"entry {index}: {exc}", kind))
    return results


def _rss_item(node: ET.Element, channel: ET.Element | None, kind: str, path: str,
              received: str) -> Item:
    headline = html_text(child_text(node, "title"))
    encoded = child(node, "encoded")
    description = child(node, "description")
    content = _markup(encoded) if encoded is not None and _has_text(encoded) \
        else _markup(description)
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not headline and not body:
        raise ParseError("feed item with neither title nor text")
    author = child_text(node, "creator") or child_text(node, "author")
    named = _EMAIL_NAME.match(author)
    published = _date(child_text(node, "pubDate") or child_text(node, "date"))
    identifier = child_text(node, "guid") or attr(node, "about") or child_text(node, "link")
    categories = [line(c.text or "") for c in children(node, "category")]
    subjects = [line(s) for n in children(node, "subject") for s in (n.text or "").split(",")]
    return Item(
        id=identifier or content_id(headline, body),
        path=path,
        format=kind,
        source=_source(child_text(node, "source") or child_text(channel, "title")),
        received=received,
        created=published,
        versioned=published,
        headline=headline,
        byline=byline(named.group(1) if named else author),
        body=body,
        captions=tuple(content.captions) + _media_captions(node),
        word_count=count_words(body),
        subjects=unique(subjects),
        keywords=unique(categories),
        language=(child_text(channel, "language") or lang_of(node)).lower(),
        signal=detect(headline),
    )


def _atom_entry(node: ET.Element, feed: ET.Element | None, kind: str, path: str,
                received: str) -> Item:
    headline = _atom_text(child(node, "title"))
    wenn = child(node, "ContentMetadata")
    if wenn is not None and child_text(wenn, "body"):
        content = _wenn_content(wenn)
    else:
        content = _atom_content(child(node, "content"))
        if not content.blocks:
            content = _atom_content(child(node, "summary"))
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not headline and not body:
        raise ParseError("feed entry with neither title nor text")
    author = child_text(child(node, "author"), "name") or child_text(child(feed, "author"), "name")
    updated = _date(child_text(node, "updated"))
    created = _date(child_text(node, "published")) or updated
    keywords = [line(attr(c, "term") or attr(c, "label")) for c in children(node, "category")]
    subjects: list[str] = []
    slug = ""
    if wenn is not None:
        keywords += [line(attr(t, "value")) for t in wenn.iter() if local(t.tag) == "tag"]
        subjects = [line(attr(c, "value")) for c in wenn.iter() if local(c.tag) == "catagory"]
        slug = line(child_text(wenn, "slug"))
    return Item(
        id=child_text(node, "id") or content_id(headline, body),
        path=path,
        format=kind,
        source=_source(_atom_text(child(feed, "title"))),
        received=received,
        created=created,
        versioned=updated or created,
        slug=slug,
        headline=headline,
        byline=byline(author),
        body=body,
        captions=tuple(content.captions),
        word_count=count_words(body),
        subjects=unique(subjects),
        keywords=unique(keywords),
        language=(lang_of(node) or attr(wenn, "lang") or lang_of(feed)).lower(),
        signal=detect(headline),
    )


def _has_text(node: ET.Element) -> bool:
    return bool((node.text or "").strip() or len(node))


def _markup(node: ET.Element | None) -> Content:
    """RSS text is HTML, escaped or in CDATA; a few feeds inline XHTML elements instead."""
    if node is None:
        return Content()
    if len(node):
        return element_content(node)
    return html_content(node.text or "")


def _atom_text(node: ET.Element | None) -> str:
    if node is None:
        return ""
    if attr(node, "type") == "xhtml":
        return line("".join(node.itertext()))
    return html_text(node.text or "") if attr(node, "type") == "html" else line(node.text or "")


def _atom_content(node: ET.Element | None) -> Content:
    if node is None or attr(node, "src"):
        return Content()
    kind = attr(node, "type") or "text"
    if kind == "xhtml" or len(node):
        return element_content(node)
    if kind == "html" or "html" in kind:
        return html_content(node.text or "")
    return Content([Block(p) for p in plain_paragraphs(node.text or "")])


def _wenn_content(meta: ET.Element) -> Content:
    # WENN's Atom extension carries the real story (its <content> is a placeholder).
    text = "\n\n".join(t for t in (child_text(meta, "first_line"), child_text(meta, "body")) if t)
    return Content([Block(p) for p in plain_paragraphs(text)])


def _media_captions(node: ET.Element) -> tuple[str, ...]:
    # Media RSS descriptions describe the item's pictures.
    return unique([line(d.text or "") for d in node.iter()
                   if local(d.tag) == "description" and ("mrss" in d.tag or "media:" in d.tag)])


def _source(raw: str) -> str:
    name = html_text(raw)
    return canonical_source(name) if name else ""


def _date(value: str) -> str:
    found = valid_time(value)
    if found or not value.strip():
        return found
    # `Seg, 24 Set 2018 19:42:40 -0300`: drop the day name, translate the month.
    text = re.sub(r"^\s*[^\d\s,]+,\s*", "", value.strip())
    words = text.split()
    words = [_MONTHS.get(w.casefold().rstrip("."), w) for w in words]
    return valid_time(" ".join(words)) or iso(value)
