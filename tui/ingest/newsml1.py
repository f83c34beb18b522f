"""NewsML 1.x (AFP, ANP, Belga, EFE, Kyodo, ANA, ATS, TASS, Business Wire…): a NewsML
envelope of NewsItems, each a tree of NewsComponents whose ContentItems hold NITF, XHTML
or plain text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

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
    html_text,
    line,
    number,
    text_content,
    unique,
    urgency,
    valid_time,
)
from tui.ingest.xmlsafe import attr, child, child_text, children, find, find_all, lang_of, local
from tui.model import Dateline, Item, content_id, count_words

FORMAT = "newsml-1"
ROOTS = frozenset({"NewsML", "NewsItem"})

_STATUS = {"usable": "usable", "withheld": "withheld", "embargoed": "withheld",
           "canceled": "canceled", "cancelled": "canceled"}
_INSTRUCTIONS = (("rectif", "correction"), ("correct", "correction"), ("update", "update"),
                 ("delete", "kill"), ("kill", "kill"), ("withdraw", "kill"), ("cancel", "kill"))
# Components that are not the story's text: stylesheets, logos, pictures, social copy,
# and parts that repeat the headline.
_SKIP_ROLES = frozenset({"stylesheet", "logo", "tweettext", "title", "headline", "caption",
                         "photo", "picture", "image", "graphic", "thumbnail", "preview",
                         "abstract", "video", "audio"})
_NON_TEXT_MEDIA = frozenset({"photo", "graphic", "video", "audio", "image", "animation"})
_ADVISORY = re.compile(r"^\s*(?:UPDATES?|ADDS|RECASTS|NEW\s+(?:LEAD|LEDE|TOP))\b")


@dataclass(frozen=True, slots=True)
class _Story:
    item: ET.Element
    chain: tuple[ET.Element, ...]  # NewsComponents from the outermost to the story's own
    variant: str  # set when one NewsItem carries several stories (language versions)


def parse_root(root: ET.Element, path: str, received: str) -> list[Item | Quarantined]:
    news_items = children(root, "NewsItem") if local(root.tag) == "NewsML" else [root]
    if not news_items:
        raise ParseError("NewsML document with no NewsItem in it")
    envelope = child(root, "NewsEnvelope")
    entries: list[_Story | Quarantined] = []
    for news_item in news_items:
        stories = _stories(news_item)
        if stories:
            entries.extend(stories)
        else:
            refs = len(find_all(news_item, "NewsItemRef"))
            what = f"links {refs} items but carries" if refs else "carries"
            entries.append(Quarantined(path, f"NewsML news item{_named(news_item)} {what} "
                                             "no story text", FORMAT))
    results: list[Item | Quarantined] = []
    for index, entry in enumerate(entries, 1):
        entry_path = path if len(entries) == 1 else f"{path}#{index}"
        if isinstance(entry, Quarantined):
            results.append(Quarantined(entry_path, entry.reason, FORMAT))
            continue
        try:
            results.append(_item(entry, envelope, path, received))
        except ParseError as exc:
            results.append(Quarantined(entry_path, f"item {index}: {exc}", FORMAT))
    return results


def _named(news_item: ET.Element) -> str:
    found = child_text(find(news_item, "NewsIdentifier"), "PublicIdentifier", "NewsItemId")
    return f" {found}" if found else ""


def _stories(news_item: ET.Element) -> list[_Story]:
    top = children(news_item, "NewsComponent")
    found: list[tuple[ET.Element, ...]] = []
    for component in top:
        _collect(component, (component,), found)
    if not found:
        found = [(c,) for c in top if _has_text(c)]
    variant = len(found) > 1
    return [_Story(news_item, chain,
                   (attr(chain[-1], "Duid") or lang_of(chain[-1]) or str(n)) if variant else "")
            for n, chain in enumerate(found, 1)]


def _collect(component: ET.Element, chain: tuple[ET.Element, ...],
             found: list[tuple[ET.Element, ...]]) -> bool:
    """Story components: the innermost with a headline of their own and text below them
    (language versions each have both; a photo with a caption headline has no text)."""
    inner = False
    for sub in children(component, "NewsComponent"):
        # A caption or photo component may carry a headline and a line of text of its own.
        if _role(sub) not in _SKIP_ROLES:
            inner = _collect(sub, (*chain, sub), found) or inner
    if not inner and _headline(component) and _has_text(component):
        found.append(chain)
        return True
    return inner


def _role(component: ET.Element) -> str:
    return attr(child(component, "Role"), "FormalName").lower()


def _headline(component: ET.Element) -> str:
    return child_text(child(component, "NewsLines"), "HeadLine")


def _has_text(component: ET.Element) -> bool:
    return any(_is_text(item) for item in find_all(component, "ContentItem"))


def _is_text(content_item: ET.Element) -> bool:
    media = attr(child(content_item, "MediaType"), "FormalName").lower()
    mime = attr(child(content_item, "MimeType"), "FormalName").lower()
    fmt = attr(child(content_item, "Format"), "FormalName").lower()
    if media in _NON_TEXT_MEDIA or mime.startswith(("image/", "video/", "audio/")) \
            or fmt == "css" or mime == "text/css":
        return False
    return child(content_item, "DataContent") is not None


def _item(story: _Story, envelope: ET.Element | None, path: str, received: str) -> Item:
    news_item, chain = story.item, story.chain
    ident = find(news_item, "NewsIdentifier")
    management = child(news_item, "NewsManagement")
    lines = [child(c, "NewsLines") for c in reversed(chain)]
    descriptive = [child(c, "DescriptiveMetadata", "DescriptiveMetada") for c in reversed(chain)]
    admin = [child(c, "AdministrativeMetadata") for c in reversed(chain)]
    content, inline_nitf, words = _content(chain[-1])
    headline = line(_first(lines, "HeadLine")) or (
        nitf.headline_of(inline_nitf) if inline_nitf is not None else "")
    body = body_text(drop_repeated_headline(content.blocks, headline))
    if not headline and not body:
        raise ParseError("NewsML news item carries neither headline nor text")
    revision = child(ident, "RevisionId")
    version = (revision.text or "").strip() if revision is not None else ""
    pubstatus = _STATUS.get(attr(child(management, "Status"), "FormalName").lower(), "usable")
    embargo = _embargo(management)
    advisories = [line(child_text(n, "NewsLineText")) for lines_node in lines
                  for n in children(lines_node, "NewsLine")
                  if "advisory" in attr(child(n, "NewsLineType"), "FormalName").lower()]
    ednote = "; ".join(unique([*advisories, *[line(p.get("Value", "")) for p in _properties(
        admin, "EditorialInfo")]]))
    label = child_text(find(news_item, "Identification"), "NameLabel")
    slug = line(_first(lines, "SlugLine") or label or _newsline(lines, "catchword"))
    urgency_node = child(management, "Urgency")
    urgency_text = attr(urgency_node, "FormalName") or (
        urgency_node.text or "" if urgency_node is not None else "").strip()
    envelope_priority = attr(child(envelope, "Priority"), "FormalName")
    source = _source(ident, admin, envelope, lines)
    return Item(
        id=_id(news_item, ident, version, headline, body, story.variant),
        path=path,
        format=FORMAT,
        source=source,
        received=received,
        created=iso(child_text(management, "FirstCreated")),
        versioned=iso(child_text(management, "ThisRevisionCreated")),
        version=version,
        slug=slug,
        headline=headline,
        deck=_deck(lines, chain[-1], headline),
        byline=_byline(lines, admin, inline_nitf, source),
        dateline=_dateline(lines, descriptive),
        body=body,
        captions=tuple(content.captions),
        word_count=words or count_words(body),
        urgency=urgency(urgency_text) or urgency(envelope_priority),
        priority=urgency_text or envelope_priority,
        category=line(_first_attr(descriptive, "Genre")),
        subjects=_subjects(descriptive),
        keywords=_keywords(news_item, lines, descriptive),
        language=_language(descriptive, chain, news_item),
        pubstatus=pubstatus,
        embargo=embargo,
        ednote=ednote,
        signal=merge(
            _structured_signals(management, revision, pubstatus),
            ("update",) if any(_ADVISORY.match(a) for a in advisories) else (),
            detect(headline, ednote, slug),
            ("hold",) if embargo or pubstatus == "withheld" else (),
        ),
        refers_to=_previous(ident, revision),
    )


def _content(component: ET.Element) -> tuple[Content, ET.Element | None, int]:
    content = Content()
    inline_nitf: ET.Element | None = None
    words = 0
    for node in _text_items(component):
        data = child(node, "DataContent")
        if data is None:
            continue
        inner = next(iter(data), None)
        if inner is not None and local(inner.tag) == "nitf":
            found = nitf.body_content(inner)
            inline_nitf = inline_nitf if inline_nitf is not None else inner
        elif inner is not None and local(inner.tag) == "html":
            found = element_content(child(inner, "body"))
        elif inner is not None:
            found = element_content(data)
        else:
            found = text_content(data.text or "")
        content.blocks.extend(found.blocks)
        content.captions.extend(found.captions)
        for prop in find_all(child(node, "Characteristics"), "Property"):
            if prop.get("FormalName", "").lower() in ("words", "wordcount"):
                words = words or number(prop.get("Value", "")) or 0
    return content, inline_nitf, words


def _text_items(component: ET.Element) -> list[ET.Element]:
    found = [c for c in children(component, "ContentItem") if _is_text(c)]
    trailing: list[ET.Element] = []
    for sub in children(component, "NewsComponent"):
        role = _role(sub)
        if role in ("contact", "contacts", "boilerplate", "about"):
            # Press releases put contacts before the text; the desk reads them last.
            trailing.extend(_text_items(sub))
        elif role not in _SKIP_ROLES:
            found.extend(_text_items(sub))
    return found + trailing


def _first(nodes: list[ET.Element | None], name: str) -> str:
    for node in nodes:
        text = child_text(node, name)
        if text:
            return text
    return ""


def _first_attr(nodes: list[ET.Element | None], name: str) -> str:
    for node in nodes:
        value = attr(child(node, name), "FormalName")
        if value:
            return value
    return ""


def _newsline(lines: list[ET.Element | None], kind: str) -> str:
    for node in lines:
        for news_line in children(node, "NewsLine"):
            if attr(child(news_line, "NewsLineType"), "FormalName").lower() == kind:
                return child_text(news_line, "NewsLineText")
    return ""


def _properties(nodes: list[ET.Element | None], name: str) -> list[ET.Element]:
    return [p for node in nodes for p in children(node, "Property")
            if p.get("FormalName", "") == name]


def _id(news_item: ET.Element, ident: ET.Element | None, version: str, headline: str,
        body: str, variant: str) -> str:
    public = child_text(ident, "PublicIdentifier")
    item_id = child_text(ident, "NewsItemId")
    if public.count(":") >= 4 or (public and not item_id):
        found = public
    elif item_id:
        # Belga sends a PublicIdentifier that names only the agency; build the NewsML 1
        # URN from its parts instead.
        provider, date = child_text(ident, "ProviderId"), child_text(ident, "DateId")
        found = f"urn:newsml:{provider}:{date}:{item_id}:{version}"
    else:
        guid = find(news_item, "guid")
        found = line("".join(guid.itertext())) if guid is not None else ""
    found = found or content_id(headline, body)
    return f"{found}#{variant}" if variant else found


def _embargo(management: ET.Element | None) -> str:
    change = child(management, "StatusWillChange")
    if change is None:
        return ""
    return valid_time(child_text(change, "DateAndTime") or attr(change, "DateAndTime"))


def _source(ident: ET.Element | None, admin: list[ET.Element | None],
            envelope: ET.Element | None, lines: list[ET.Element | None]) -> str:
    candidates = [attr(child(child(node, "Provider"), "Party"), "FormalName") for node in admin]
    candidates.append(child_text(ident, "ProviderId"))
    candidates += [attr(child(child(node, "Source"), "Party"), "FormalName") for node in admin]
    candidates.append(attr(find(child(envelope, "SentFrom"), "Party"), "FormalName"))
    candidates.append(_first(lines, "CopyrightLine"))
    for raw in candidates:
        name = line(raw)
        if name:
            return canonical_source(name)
    return ""


def _deck(lines: list[ET.Element | None], component: ET.Element, headline: str) -> str:
    deck = line(_first(lines, "SubHeadLine"))
    if not deck:
        for sub in children(component, "NewsComponent"):
            data = find(sub, "DataContent")
            if _role(sub) == "abstract" and data is not None:
                deck = html_text("".join(data.itertext()))
                break
    return deck if deck != headline else ""


def _byline(lines: list[ET.Element | None], admin: list[ET.Element | None],
            inline_nitf: ET.Element | None, source: str) -> str:
    by = byline(_first(lines, "ByLine"))
    title = line(_first(lines, "ByLineTitle"))
    if by:
        return f"{by}, {title}" if title else by
    if inline_nitf is not None:
        found = nitf.byline_of(inline_nitf)
        if found:
            return found
    for node in admin:
        for party in children(child(node, "Creator"), "Party"):
            name = line(party.get("FormalName", ""))
            if name and party.get("Topic", "AUTHOR").upper() == "AUTHOR":
                return name
    credit = line(_first(lines, "CreditLine"))
    return credit if credit and canonical_source(credit) != source else ""


def _dateline(lines: list[ET.Element | None], descriptive: list[ET.Element | None]) -> Dateline:
    city = country = ""
    for node in descriptive:
        for location in children(node, "Location"):
            for prop in children(location, "Property"):
                kind, value = prop.get("FormalName", "").lower(), line(prop.get("Value", ""))
                if kind == "city" and value and not city:
                    city = value
                elif kind == "country" and value and not country:
                    country = value
    date = ""
    for node in descriptive:
        date = date or iso(child_text(node, "DateLineDate"))
    text = line(_first(lines, "DateLine")).rstrip(" -–—")
    return Dateline(city=city, country=country, date=date, text=text)


def _subjects(descriptive: list[ET.Element | None]) -> tuple[str, ...]:
    found: list[str] = []
    for node in descriptive:
        for code in children(node, "SubjectCode"):
            found.extend(line(s.get("FormalName", "")) for s in code)
    return unique(found)


def _keywords(news_item: ET.Element, lines: list[ET.Element | None],
              descriptive: list[ET.Element | None]) -> tuple[str, ...]:
    found: list[str] = []
    for node in lines:
        for keyword_line in children(node, "KeywordLine"):
            found.extend(line(k) for k in (keyword_line.text or "").split(";"))
    for prop in _properties(descriptive, "Keyword"):
        found.extend(line(k) for k in prop.get("Value", "").split(";"))
    found.extend(line(k.text or "") for k in find_all(news_item, "item_keyword"))
    return unique(found)


def _language(descriptive: list[ET.Element | None], chain: tuple[ET.Element, ...],
              news_item: ET.Element) -> str:
    for node in descriptive:
        value = attr(child(node, "Language"), "FormalName")
        if value:
            return value.lower()
    for node in (*reversed(chain), news_item):
        if lang_of(node):
            return lang_of(node)
    return ""


def _structured_signals(management: ET.Element | None, revision: ET.Element | None,
                        pubstatus: str) -> tuple[str, ...]:
    found: list[str] = []
    for instruction in children(management, "Instruction"):
        name = attr(instruction, "FormalName").lower()
        found.extend(signal for key, signal in _INSTRUCTIONS if key in name)
    if revision is not None and ((number(revision.text or "") or 0) > 1
                                 or attr(revision, "Update").upper() in ("A", "U")):
        found.append("update")
    if pubstatus == "canceled":
        found.append("kill")
    return unique(found)


def _previous(ident: ET.Element | None, revision: ET.Element | None) -> tuple[str, ...]:
    """The public identifier of the revision this one replaces: the same URN with the
    previous revision number (`…:ANPX-101218-041:2` -> `…:ANPX-101218-041:1`)."""
    previous = number(attr(revision, "PreviousRevision"))
    public = child_text(ident, "PublicIdentifier")
    match = re.search(r":(\d+)([A-Za-z]?)$", public)
    if not previous or not match:
        return ()
    return (f"{public[:match.start()]}:{previous}",)
