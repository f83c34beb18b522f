"""NewsML-G2: single items (newsItem, packageItem…) and news messages carrying several."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tui.ingest import nitf
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined
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
    text_content,
    unique,
    urgency,
    valid_time,
)
from tui.ingest.xmlsafe import (
    attr,
    child,
    child_text,
    children,
    find,
    find_all,
    lang_of,
    local,
    text_of,
)
from tui.model import Dateline, Item, content_id, count_words

FORMAT = "newsml-g2"
ROOTS = frozenset({"newsItem", "newsMessage", "packageItem", "knowledgeItem", "conceptItem",
                   "planningItem", "catalogItem", "conceptSet"})

_PUBSTATUS = {"usable": "usable", "withheld": "withheld", "canceled": "canceled",
              "cancelled": "canceled"}
# Signal codes (the part after the scheme) that tell the desk what an item is. Reuters'
# edStat codes are U(pdate), C(orrection) and D(elete).
_SIGNALS = {"update": "update", "updated": "update", "replace": "update",
            "correction": "correction", "correct": "correction", "withdrawal": "kill",
            "withdraw": "kill", "kill": "kill", "cancel": "kill", "hold": "hold",
            "embargo": "hold", "advisory": "advisory", "repeat": "repeat", "refile": "repeat"}
_EDSTAT = {"u": "update", "c": "correction", "d": "kill"}
_REFERS = ("previousversion", "replaces", "derivedfrom", "updates", "corrects", "supersedes")
_STORY_CLASSES = ("text", "composite")
_NON_STORY = {"packageItem": "package", "knowledgeItem": "knowledge", "conceptItem": "concept",
              "planningItem": "planning", "catalogItem": "catalog", "conceptSet": "concept set"}


def parse_root(root: ET.Element, path: str, received: str) -> list[Item | Quarantined]:
    name = local(root.tag)
    if name != "newsMessage":
        return [_entry(root, None, path, path, received)]
    header = child(root, "header", "Header")
    entries = _items(root)
    if not entries:
        raise ParseError("NewsML-G2 news message with no items in it")
    results: list[Item | Quarantined] = []
    for index, entry in enumerate(entries, 1):
        entry_path = f"{path}#{index}"
        try:
            results.append(_entry(entry, header, path, entry_path, received))
        except ParseError as exc:
            results.append(Quarantined(entry_path, f"item {index}: {exc}", FORMAT))
    return results


def _items(root: ET.Element) -> list[ET.Element]:
    item_set = child(root, "itemSet")
    return [e for e in item_set] if item_set is not None else []


def _entry(node: ET.Element, header: ET.Element | None, path: str, entry_path: str,
           received: str) -> Item | Quarantined:
    name = local(node.tag)
    if name in _NON_STORY:
        links = len(find_all(node, "itemRef"))
        what = f"links {links} item{'s' if links != 1 else ''}" if links else "carries metadata"
        return Quarantined(entry_path, f"NewsML-G2 {_NON_STORY[name]} item: {what} but "
                                       "carries no story text", FORMAT)
    if name != "newsItem":
        raise ParseError(f"<{name}> is not a NewsML-G2 item")
    return _news_item(node, header, path, entry_path, received)


def _news_item(node: ET.Element, header: ET.Element | None, path: str, entry_path: str,
               received: str) -> Item | Quarantined:
    guid = attr(node, "guid")
    meta = child(node, "itemMeta")
    cmeta = child(node, "contentMeta")
    item_class = attr(child(meta, "itemClass"), "qcode").rsplit(":", 1)[-1].lower()
    content, inline_nitf, xhtml_title, agency_words = _content(child(node, "contentSet"))
    headline, deck = _headlines(cmeta)
    headline = (headline or line(child_text(meta, "title"))
                or (nitf.headline_of(inline_nitf) if inline_nitf is not None else "")
                or xhtml_title)
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not body and item_class and item_class not in _STORY_CLASSES:
        return Quarantined(entry_path, f"NewsML-G2 {item_class} item{_named(guid)}: carries "
                                       "no story text", FORMAT)
    if not headline and not body:
        raise ParseError(f"NewsML-G2 news item{_named(guid)} carries neither headline nor text")
    pubstatus = _PUBSTATUS.get(attr(child(meta, "pubStatus"), "qcode").rsplit(":", 1)[-1]
                               .lower(), "usable")
    versioned = iso(child_text(meta, "versionCreated"))
    embargo = valid_time(child_text(meta, "embargoed"))
    if embargo and versioned and not later(embargo, valid_time(versioned)):
        embargo = ""
    ednote = _ednote(meta)
    slug = line(child_text(cmeta, "slugline"))
    urgency_text = child_text(cmeta, "urgency")
    priority = urgency_text or child_text(header, "priority")
    source = _source(node, meta, header)
    by = _byline(cmeta, inline_nitf, source)
    subjects, category = _subjects(cmeta)
    return Item(
        id=guid or content_id(headline, body),
        path=path,
        format=FORMAT,
        source=source,
        received=received,
        created=iso(child_text(meta, "firstCreated") or child_text(cmeta, "contentCreated")),
        versioned=versioned,
        version=attr(node, "version"),
        slug=slug,
        headline=headline,
        deck=deck,
        byline=by,
        dateline=_dateline(cmeta),
        body=body,
        captions=tuple(content.captions),
        word_count=agency_words or count_words(body),
        urgency=urgency(urgency_text) or urgency(child_text(header, "priority")),
        priority=priority,
        category=category,
        subjects=subjects,
        keywords=unique([line(k.text or "") for k in children(cmeta, "keyword")]),
        language=attr(child(cmeta, "language"), "tag") or lang_of(node),
        pubstatus=pubstatus,
        embargo=embargo,
        ednote=ednote,
        signal=merge(
            _structured_signals(meta, pubstatus),
            detect(headline, ednote, slug),
            ("hold",) if embargo or pubstatus == "withheld" else (),
        ),
        refers_to=_refers_to(node, meta, cmeta, guid),
    )


def _named(guid: str) -> str:
    return f" {guid}" if guid else ""


def _content(content_set: ET.Element | None) -> tuple[Content, ET.Element | None, str, int]:
    """The first rendition that carries text; also the inline NITF (for its byline and
    headline), the XHTML title and the agency's word count."""
    for rendition in content_set if content_set is not None else []:
        kind = local(rendition.tag)
        words = number(attr(rendition, "wordcount")) or 0
        if kind == "inlineXML":
            inner = next(iter(rendition), None)
            if inner is None:
                continue
            if local(inner.tag) == "nitf":
                found = nitf.body_content(inner)
                if found.blocks:
                    return found, inner, "", words
                continue
            if local(inner.tag) == "html":
                found = element_content(child(inner, "body"))
                title = line(text_of(find(inner, "title")))
            else:
                found = element_content(inner)
                title = ""
            if found.blocks:
                return found, None, title, words
        elif kind == "inlineData":
            found = text_content(rendition.text or "")
            if found.blocks:
                return found, None, "", words
    return Content(), None, "", 0


def _headlines(cmeta: ET.Element | None) -> tuple[str, str]:
    headline = deck = ""
    for node in children(cmeta, "headline"):
        role = attr(node, "role").lower()
        text = line("".join(node.itertext()))
        if not text:
            continue
        if "sub" in role and not deck:
            deck = text
        elif not headline:
            headline = text
        elif not deck:
            deck = text
    return headline, deck


def _ednote(meta: ET.Element | None) -> str:
    notes: list[str] = []
    for note in children(meta, "edNote"):
        # dpa repeats its notes as an XHTML notepad and sends a closing line of desk
        # initials; the plain notes are what an editor reads.
        if len(note) or attr(note, "role").endswith("closingline"):
            continue
        notes.append(line(note.text or ""))
    return "; ".join(unique(notes))


def _source(node: ET.Element, meta: ET.Element | None, header: ET.Element | None) -> str:
    # The provider is the wire the item came on (Reuters moving Variety copy is Reuters to
    # the desk); the copyright holder and creator stand in when it is missing.
    rights = child(node, "rightsInfo")
    creator = child(child(node, "contentMeta"), "creator")
    for party in (child(meta, "provider"), child(rights, "copyrightHolder"), creator):
        name = child_text(party, "name") or attr(party, "literal") or attr(party, "qcode")
        if line(name):
            return canonical_source(line(name))
    sender = child_text(header, "sender")
    return canonical_source(line(sender)) if sender else ""


def _byline(cmeta: ET.Element | None, inline_nitf: ET.Element | None, source: str) -> str:
    names = [byline(n.text or "") for n in children(cmeta, "by")]
    found = "; ".join(unique(names))
    if not found and inline_nitf is not None:
        found = nitf.byline_of(inline_nitf)
    if not found:
        # A credit line naming the agency itself ("Reuters", "dpa") is not a byline.
        credit = line(child_text(cmeta, "creditline")).rstrip(" -–—/")
        if credit and canonical_source(credit) != source:
            found = credit
    return found


def _dateline(cmeta: ET.Element | None) -> Dateline:
    located = child(cmeta, "located")
    qcode = attr(located, "qcode")
    city = line(child_text(located, "name") or attr(located, "literal")
                or (qcode.split(":", 1)[1] if qcode.startswith("city:") else ""))
    country = ""
    for broader in children(located, "broader"):
        if "country" in attr(broader, "type").lower():
            country = line(child_text(broader, "name"))
    text = line(child_text(cmeta, "dateline"))
    date = ""
    if re.match(r"^\d{4}-\d{2}-\d{2}", text):
        # Reuters puts a time stamp in the dateline (`2014-07-16 15:53:10 GMT+00:00`).
        date, text = iso(re.sub(r"\s*GMT", "", text)), ""
    return Dateline(city=city, country=country, date=date, text=text.rstrip(" -–—"))


def _subjects(cmeta: ET.Element | None) -> tuple[tuple[str, ...], str]:
    subjects: list[str] = []
    category = ""
    for node in children(cmeta, "subject"):
        qcode = attr(node, "qcode")
        name = line(child_text(node, "name")) or attr(node, "literal") or qcode
        kind = attr(node, "type").lower()
        if not category and (kind.endswith(("category", ":cat")) or
                             qcode.split(":", 1)[0].lower() in ("apcategorycode", "dpacat")):
            category = line(attr(node, "literal") or qcode.rsplit(":", 1)[-1] or name)
        subjects.append(line(name))
    return unique(subjects), category


def _structured_signals(meta: ET.Element | None, pubstatus: str) -> tuple[str, ...]:
    found: list[str] = []
    for node in children(meta, "signal"):
        scheme, _, code = attr(node, "qcode").lower().rpartition(":")
        signal = _EDSTAT.get(code) if scheme == "edstat" else _SIGNALS.get(code)
        if signal:
            found.append(signal)
    if pubstatus == "canceled":
        found.append("kill")
    return unique(found)


def _refers_to(node: ET.Element, meta: ET.Element | None, cmeta: ET.Element | None,
               guid: str) -> tuple[str, ...]:
    refs: list[str] = []
    for link in children(meta, "link") + children(cmeta, "link"):
        rel = attr(link, "rel").rsplit(":", 1)[-1].lower()
        target = attr(link, "residref") or attr(link, "guidref")
        if target and (rel in _REFERS or (not rel and attr(link, "guidref"))):
            refs.append(target)
    # TT names the item it replaces by its `uno`, which is also the tail of its own guid.
    alt_ids = {attr(a, "type").lower().rsplit(":", 1)[-1]: (a.text or "").strip()
               for a in children(cmeta, "altId")}
    old, own = alt_ids.get("refuno", ""), alt_ids.get("uno", "")
    if old:
        refs.append(guid[: -len(own)] + old if own and guid.endswith(own) else old)
    return tuple(r for r in unique(refs) if r != guid)
