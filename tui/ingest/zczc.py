"""AAP teleprinter copy framed by `ZCZC` … `NNNN`, in its dialects:

    ZCZC AAP                      start of message (the agency after it)
    %A                            selector / category codes
    #Legionella_BC1               slug (keyword)
    $Legionella found in Qld …    headline ($ and a single letter is a category: `$T`)
    :(BRISBANE)                   dateline place (`:Motor V8` without brackets: a keyword)
    =Sydney NRMA 500              take key
    ^MOTOR: Collated results …    headline (results dialect)
    *07000000  +15039001          IPTC subject codes (`*X`/`*T`: text or tabular)
    @QLD  ~AM Service             region, service
    Legionella bacteria has …     one paragraph per line
    AAP RTV                       sign-off (agency and operator)
    NNNN

News Bites copy uses two-letter tags instead (`TI#` title, `AB#` abstract, `TX#` text,
`PD#` date, `AN#` number, `BY#` byline, `KY#` keywords). CRLF, or CR alone; cp1252.
"""

from __future__ import annotations

import re

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.errors import ParseError, Quarantined, parse_each
from tui.ingest.signals import detect
from tui.ingest.textblocks import lines
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "zczc"

_START = re.compile(r"(?im)^[ \t]*ZCZC\b[ \t]*(?P<agency>[^\n]*)$")
_TAG = re.compile(r"^(?P<tag>[%#$:&*@~=^+])(?P<value>.*)$")
_FIELD = re.compile(r"^(?P<tag>[A-Z]{2})#(?P<value>.*)$")
_SIGN_OFF = re.compile(r"^(?P<agency>AAP|AFP|AP|Reuters|PA)(?:\s+[A-Za-z]{1,6}(?:/)?)?/?$")


def sniff(text: str) -> bool:
    return _START.match(lines(text[:200]).lstrip("\n")) is not None


def parse(text: str, path: str, received: str) -> list[Item | Quarantined]:
    text = lines(text)
    starts = [m.start() for m in _START.finditer(text)]
    if not starts:
        raise ParseError("no ZCZC start-of-message line")
    messages = [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]
    return parse_each(messages, parse_message, path, received, FORMAT)


def parse_message(message: str, path: str, received: str) -> Item:
    start = _START.match(message)
    agency = start.group("agency").strip() if start else ""
    rows = message.split("\n")[1:]
    end = next((i for i, r in enumerate(rows) if r.strip() == "NNNN"), len(rows))
    rows = rows[:end]
    if any(_FIELD.match(r) for r in rows[:3]):
        return _news_bites(rows, path, received)
    return _aap(rows, agency, path, received)


def _aap(rows: list[str], agency: str, path: str, received: str) -> Item:
    fields: dict[str, list[str]] = {}
    index = 0
    while index < len(rows):
        match = _TAG.match(rows[index].rstrip())
        if match is None:
            if rows[index].strip():
                break
            index += 1
            continue
        fields.setdefault(match.group("tag"), []).append(match.group("value").strip())
        index += 1
    paragraphs = [r.strip() for r in rows[index:] if r.strip()]
    while paragraphs and (sign_off := _SIGN_OFF.match(paragraphs[-1])) is not None:
        agency = agency or sign_off.group("agency")
        paragraphs.pop()

    headline = ""
    category = ""
    for value in fields.get("$", []):
        if len(value) <= 2 and value.isalpha() and value.isupper():
            category = category or value  # `$T`: the results dialect's category
        else:
            headline = headline or value
    headline = headline or next(iter(fields.get("^", [])), "")
    selectors = " ".join(fields.get("%", []))
    if not category and len(selectors) <= 2:
        category = selectors
    slug = next(iter(fields.get("#", [])), "")
    take_key = next(iter(fields.get("=", [])), "")
    place = ""
    for value in fields.get(":", []):
        if value.startswith("(") and value.endswith(")"):
            place = place or value.strip("()")
        elif value and not slug:
            slug = value
        elif value and not take_key and slug != value:
            take_key = value
    if not headline and paragraphs:
        # Media releases carry their title as the first line of text.
        headline = paragraphs.pop(0)

    dateline = Dateline(city=place, text=place) if place else Dateline()
    if paragraphs and (found := datelines.find(paragraphs[0])) is not None:
        dateline = found.dateline
        agency = agency or found.agency
    headline = clean_line(headline)
    body = clean_paragraphs(paragraphs)
    if not headline and not body:
        raise ParseError("ZCZC message with neither headline nor text")
    subjects = tuple(v for v in fields.get("*", []) + fields.get("+", []) if v.isdigit())
    keywords = tuple(clean_line(v) for v in fields.get("@", []) + fields.get("~", []) if v)
    if len(selectors) > 2:
        keywords += tuple(selectors.split())
    slug = clean_line(slug)
    take_key = clean_line(take_key)
    return Item(
        id=content_id(headline, body, slug, take_key),
        path=path,
        format=FORMAT,
        source=canonical_source(agency.split()[0] if agency.split() else ""),
        received=received,
        take_key=take_key,
        slug=slug,
        headline=headline,
        dateline=dateline,
        body=body,
        word_count=count_words(body),
        category=category,
        subjects=subjects,
        keywords=keywords,
        signal=detect(headline, slug, take_key),
    )


def _news_bites(rows: list[str], path: str, received: str) -> Item:
    fields: dict[str, str] = {}
    text: list[str] = []
    current = ""
    for row in rows:
        match = _FIELD.match(row.rstrip())
        if match is not None:
            current = match.group("tag")
            value = match.group("value").strip()
            if current == "TX":
                if value:
                    text.append(value)
            else:
                fields[current] = value
        elif current == "TX" and row.strip():
            text.append(row.strip())
        elif row.strip() and current:
            fields[current] = f"{fields.get(current, '')} {row.strip()}".strip()
    headline = clean_line(fields.get("TI", ""))
    body = clean_paragraphs(text)
    if not headline and not body:
        raise ParseError("tagged ZCZC message with neither TI# title nor TX# text")
    keywords = tuple(k for k in (clean_line(k) for k in fields.get("KY", "").split()) if k)
    companies = tuple(c for c in (clean_line(c) for c in fields.get("CO", "").split()) if c)
    return Item(
        id=fields.get("AN", "").strip() or content_id(headline, body),
        path=path,
        format=FORMAT,
        source=canonical_source(fields.get("KN", "")),
        received=received,
        created=iso(fields.get("PD", "")),
        headline=headline,
        deck=clean_line(fields.get("AB", "")),
        byline=clean_line(fields.get("BY", "")),
        body=body,
        word_count=count_words(body),
        keywords=keywords + tuple(c for c in companies if c not in keywords),
        signal=detect(headline),
    )
