"""ANPA-1312, the teletypesetter framing AP and Kyodo still send:

    SYN SYN SOH W2870 US asian                      service letter, message number, selector
    f l DC3 DC1 BC-LT--Argentina-CancerB  11-13 1049 priority, category, keyword, take, date
    STX ^BC-LT--Argentina-Cancer Beauty,466<         slug, take key, word count
    ^For Argentine chemo patients, mirrors can hurt <   headline (`<` ends a line)
    ^Eds: With AP Photos.<                           editor's note
    ^By PAUL BYRNE=                                  byline (`=` ends a centred line)
    TAB   BUENOS AIRES, Argentina (AP) _ For …       paragraphs, tab-indented
    BS Tampa DLE Bay US RS 73 …                      agate rows: BS starts, US/RS split cells
    ETX AP-WF-11-13-13 1509GMT< FF EOT               trailer with the time sent (GMT)

AP writes an em dash as ` _ ` and quotes as ``…''; `{` in agate is a half.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import compose
from tui.ingest.errors import ParseError, Quarantined, parse_each
from tui.ingest.signals import detect
from tui.ingest.textblocks import lines
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "anpa1312"

#: ANPA priority letters, most urgent first, on the 1 (flash) … 9 scale.
URGENCY = {"f": 1, "b": 2, "u": 3, "r": 4, "d": 5, "a": 6, "s": 7}

_SERVICE = re.compile(r"\x01\s*(?P<letter>[A-Za-z])(?P<number>\d{4})(?P<agency>[A-Z]{2,12})?"
                      r"[\x1f ]?(?P<selector>[^\n]*)")
_KEYWORD_LINE = re.compile(
    r"^(?P<priority>[a-z])\s(?P<category>[a-z]{1,2})[\x11-\x14]*\s*"
    r"(?P<keyword>(?:AP|BC|AM|PM)-\S+|\S+)(?P<take>(?:\s+\S+)*?)\s+"
    r"(?P<date>\d{2}-\d{2})(?:\s+(?P<words>\d{1,5}))?\s*$"
)
_SNIFF_KEYWORD = re.compile(r"[a-z] [a-z]{1,2}[\x11-\x14]*\s*(?:AP|BC|AM|PM)-\S+.*"
                            r"\d{2}-\d{2}")
_SLUG = re.compile(r"(?:^|\^|<\s*)(?P<slug>(?:AP|BC|AM|PM)-[^,<\n]*)(?P<tail>[^<\n]*)")
_AP_TRAILER = re.compile(r"(?P<svc>[A-Z]{2,4})-[A-Z]{2,4}-(?P<m>\d{2})-(?P<d>\d{2})-(?P<y>\d{2})\s+"
                         r"(?P<H>\d{2})(?P<M>\d{2})\s*GMT")
_KYODO_TRAILER = re.compile(r"(?P<svc>[A-Z]{2,4})-(?P<H>\d{2}):(?P<M>\d{2})-(?P<d>\d{2})-"
                            r"(?P<m>\d{2})-(?P<y>\d{2})")
_TITLE = re.compile(r"(?i)\b(?:associated press|press|writer|correspondent|reporter|editor|"
                    r"columnist|critic|contributor|news)\b")
_PHOTO = re.compile(r"(?i)^AP (?:Photos?|Video|Graphics?|Audio|Interactive)\b")
_EDNOTE = re.compile(r"(?i)^\(?(?:Eds?:|EDITOR'?S NOTE\b|Editor's Note\b)")
_RULE = re.compile(r"^[_\s]*$")
_DASH = re.compile(r"(?:(?<=\s)|^)_(?=\s)")


def sniff(text: str) -> bool:
    """The priority/category/keyword line among the first lines, framed or stripped."""
    head = lines(text[:1024]).lstrip("\x16\x7f \n").split("\n", 3)[:3]
    return any(_SNIFF_KEYWORD.match(row.lstrip("\x16\x01")) for row in head)


def parse(text: str, path: str, received: str) -> list[Item | Quarantined]:
    messages = [m for m in _messages(lines(text)) if m.strip("\x16\x04\x7f\x0c\n ")]
    if not messages:
        raise ParseError("ANPA-1312 file with no message in it")
    return parse_each(messages, parse_message, path, received, FORMAT)


def _messages(text: str) -> list[str]:
    """The text cut before each SOH and the SYN run that leads up to it (the SYN runs
    come out as pieces of their own, for the caller to drop as padding)."""
    pieces: list[str] = []
    last = 0
    at = text.find("\x01")
    while at >= 0:
        cut = at
        while cut > last and text[cut - 1] == "\x16":
            cut -= 1
        pieces.append(text[last:cut])
        pieces.extend("\x16" * (at - cut))
        last = at
        at = text.find("\x01", at + 1)
    pieces.append(text[last:])
    return pieces


@dataclass(slots=True)
class _Header:
    headline: str = ""
    deck: str = ""
    ednotes: list[str] = field(default_factory=list)
    byline: str = ""
    byline_title: str = ""
    #: centred lines among the header that belong to the story (table headings)
    extra: list[str] = field(default_factory=list)


def parse_message(message: str, path: str, received: str) -> Item:
    service = _SERVICE.search(message[:200])
    rows = message.split("\n")
    keyword = None
    for row in rows[:4]:
        keyword = _KEYWORD_LINE.match(row.strip("\x16\x01 "))
        if keyword:
            break
    start = message.find("\x02")
    end = message.find("\x03", max(start, 0))
    if start < 0:
        # A copy with the framing stripped: the text starts after the keyword line.
        if keyword is None:
            raise ParseError("ANPA-1312 message with neither STX nor keyword line")
        start = message.find(keyword.group(0)) + len(keyword.group(0))
    text = message[start + 1:end if end > start else len(message)]
    trailer = message[end + 1:] if end > start else ""
    if not trailer:
        # Without ETX the trailer is the last line of text: take it out of the story.
        kept = text.rstrip("\x04\x0c\r\n \t").rsplit("\n", 1)
        if len(kept) == 2 and _trailer(kept[1])[0]:
            text, trailer = kept

    text_rows = text.split("\n")
    slug, take_key = "", ""
    first = text_rows[0] if text_rows else ""
    if (match := _SLUG.search(first)) is not None:
        slug, take_key = _slug_and_take(match.group("slug") + match.group("tail"))
        text_rows = text_rows[1:]
    elif keyword is not None and first.strip().rstrip("<=").strip() == keyword.group(
            "keyword").strip():
        text_rows = text_rows[1:]
    if keyword is not None:
        slug = slug or keyword.group("keyword")
        take_key = take_key or " ".join(keyword.group("take").split())

    header, body_rows = _header(text_rows, carets="^" in text)
    paragraphs, source_marks = _paragraphs(body_rows)
    dateline = Dateline()
    agency = ""
    if paragraphs and (found := datelines.find(paragraphs[0])) is not None:
        dateline, agency = found.dateline, datelines.agency_name(found.agency)
    headline = clean_line(_typography(header.headline))
    if not headline and 0 < len(paragraphs) <= 2:
        # A NewsAlert has no headline line: the alert is the sentence after the dateline.
        found_rest = datelines.find(paragraphs[0])
        headline = clean_line(found_rest.rest if found_rest else paragraphs[0])
    # Agate and tables without a headline line go by the slug's words.
    headline = headline or clean_line(re.sub(r"^(?:AP|BC|AM|PM)-(?:[A-Z]{1,5}--)?", "", slug))
    body = clean_paragraphs(paragraphs)
    if not headline and not body:
        raise ParseError("ANPA-1312 message with neither headline nor text")

    created, trailer_agency = _trailer(trailer)
    source = canonical_source(
        agency or (service.group("agency") or "" if service else "") or trailer_agency
        or (source_marks[0] if source_marks else "")
        or ("AP" if "Associated Press" in header.byline_title else "")
    )
    priority = keyword.group("priority") if keyword else ""
    ednote = clean_line(" ".join(_typography(n) for n in header.ednotes))
    number = (service.group("letter") + service.group("number")) if service else ""
    return Item(
        id=content_id(headline, body, number, created, ednote),
        path=path,
        format=FORMAT,
        source=source,
        received=received,
        created=created,
        take_key=clean_line(take_key),
        slug=clean_line(slug),
        headline=headline,
        deck=clean_line(_typography(header.deck)),
        byline=clean_line(header.byline),
        dateline=dateline,
        body=body,
        word_count=count_words(body),
        urgency=URGENCY.get(priority),
        priority=priority,
        category=keyword.group("category") if keyword else "",
        ednote=ednote,
        signal=detect(headline, take_key, slug, ednote),
    )


def _slug_and_take(line: str) -> tuple[str, str]:
    """`BC-US--Ethanol-Losing Grassland, 1st Ld-Writethru,1140` -> slug, take key."""
    parts = [p.strip() for p in line.strip().rstrip("<=").split(",")]
    if parts and parts[-1].isdigit():
        parts = parts[:-1]  # the word count
    parts = [p for p in parts if p]
    if not parts:
        return "", ""
    return parts[0], ", ".join(parts[1:])


def _header(rows: list[str], carets: bool) -> tuple[_Header, list[str]]:
    """Read the caret lines before the story (headline, notes, byline); return the rest."""
    header = _Header()
    index = 0
    while index < len(rows):
        raw = rows[index].rstrip()
        if not raw.strip():
            index += 1
            continue
        if not carets:
            # Kyodo: one unmarked headline line (ending in `+`), then indented paragraphs.
            if not header.headline and not raw[:1].isspace():
                header.headline = raw.strip().rstrip("+").strip()
                index += 1
            break
        if not raw.startswith("^") or raw.startswith("\x08"):
            break
        line = raw[1:].strip()
        closed = line.endswith(("<", "="))
        line = line.rstrip("<=").strip()
        if not closed:
            break  # a caret line that runs on is text (a list of headlines)
        if _EDNOTE.match(line):
            header.ednotes.append(re.sub(r"(?i)^Eds?:\s*", "", line.strip("()").strip()))
        elif _PHOTO.match(line):
            pass  # picture references: the desk gets the pictures on their own service
        elif re.match(r"(?i)^By\s+\S", line):
            header.byline = line[3:].strip()
        elif header.byline and not header.byline_title and _TITLE.search(line) and \
                len(line.split()) <= 6:
            header.byline_title = line
        elif not header.headline:
            header.headline = line
        elif not header.deck and raw.rstrip().endswith("<") and not header.byline:
            header.deck = line
        else:
            header.extra.append("^" + line)
        index += 1
    return header, header.extra + rows[index:]


def _paragraphs(rows: list[str]) -> tuple[list[str], list[str]]:
    """Story paragraphs; also any `==Agency` sign-off seen (Kyodo)."""
    found: list[str] = []
    marks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            found.append(_typography(" ".join(current)))
            current.clear()

    for raw in rows:
        row = raw.rstrip().rstrip("<=").rstrip()
        stripped = row.strip()
        if not stripped or _RULE.match(stripped):
            flush()
            continue
        if stripped.startswith("=="):
            flush()
            marks.append(stripped.strip("= "))
            continue
        if row.startswith("\x08"):
            flush()
            found.append(_agate(row))
            continue
        if row.startswith("^"):
            flush()
            if stripped.lstrip("^").strip() not in ("END", "MORE"):
                found.append(stripped.lstrip("^").strip())
            continue
        if row[:1] == "\t" or row.startswith("  "):
            flush()
        current.append(stripped)
    flush()
    return [p for p in found if p.strip()], marks


def _agate(row: str) -> str:
    # BS opens the row; US/RS separate cells, DLE is a space inside a name; `{` is ½.
    cells = re.split(r"[\x1e\x1f]+", row.replace("\x08", "").replace("\x10", " "))
    text = "  ".join(c.strip().strip("^").strip() for c in cells if c.strip().strip("^"))
    return re.sub(r"(?<=[\d\s;])\{", "½", text)


def _typography(text: str) -> str:
    text = text.replace("``", "“").replace("''", "”")
    return _DASH.sub("—", text) if "_" in text else text


def _trailer(trailer: str) -> tuple[str, str]:
    """The time sent and the agency prefix, from `AP-WF-11-13-13 1509GMT` (GMT) or Kyodo's
    `KWS-21:37-09-12-18` (day first, local time so no zone)."""
    if (match := _AP_TRAILER.search(trailer)) is not None:
        created = compose(int(match["y"]), int(match["m"]), int(match["d"]), int(match["H"]),
                          int(match["M"]), utc=True)
        return created, match["svc"]
    if (match := _KYODO_TRAILER.search(trailer)) is not None:
        created = compose(int(match["y"]), int(match["m"]), int(match["d"]), int(match["H"]),
                          int(match["M"]))
        return created, ""
    return "", ""
