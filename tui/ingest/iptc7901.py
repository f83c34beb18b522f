"""IPTC 7901, the teleprinter format of dpa, ATS/SDA and other European agencies:

    DEL SOH eca062 4 i 211 ccccb   dpa 061    service+number, priority, category, words, …
    Germany-politics/                         keyword line (dpa: slash-separated)
    STX 1ST LEAD                              version markers (REFILE, 1ST LEAD, EXTRA)
    Germany Social Democrats: Coalition … =   headline; the header ends at ` =`
    By Manuel Schwarz, dpa =                  (the byline, when there is one, ends it)
       Berlin (dpa) - Negotiations …          wrapped paragraphs
    # Notebook / ## Note to editors / - …     dpa's notebook: the editor's notes
    * * * *                                   after it: not for publication
    ETX 131137 GMT Nov 13                     day, time, month, year sent
    DEL EOT

Latin-1 / cp1252, CRLF; some copies arrive with the control characters stripped.
"""

from __future__ import annotations

import re

from tui.ingest import datelines
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import compose, month_number
from tui.ingest.errors import ParseError, Quarantined, parse_each
from tui.ingest.signals import detect, merge
from tui.ingest.textblocks import lines, paragraphs
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "iptc7901"

_HEADER = re.compile(
    r"^(?P<service>[a-z]{2,4}?)(?P<number>\d{2,5})\s+(?P<priority>\d)\s+"
    r"(?P<category>[a-z]{1,3})\s+(?P<words>\d{1,5})(?P<rest>(?:\s+\S+)*)\s*$"
)
_TRAILER = re.compile(
    r"(?P<d>\d{2})(?P<H>\d{2})(?P<M>\d{2})\s+(?P<gmt>GMT\s+|UTC\s+)?(?P<month>[^\W\d_]{3,9})\.?"
    r"\s+(?P<y>\d{2,4})\b"
)
_MARKER = re.compile(
    r"^(?:\(.{1,30}\)|[A-Z0-9ÄÖÜ .'-]{2,30}|Situation|Synthèse|Eclairage|Résumé|Portrait|"
    r"Interview|Zusammenfassung|Vorab|Hintergrund|Achtung)$"
)
_BYLINE = re.compile(r"^(?:By|Von|Par|Di|Por|Av|Door)\s+(?P<name>\S.*)$")
# dpa's closing line of initials ("dpa wsz jln npr"), ATS's "(SDA\/sj)".
_CLOSING = re.compile(
    r"^(?:dpa(?:-\w+)?(?:\s+[a-z]{1,5}(?:/[a-z]{1,5})?)+|\([A-Z]{2,5}[\\/ ][^)]*\))$"
)
_PUBLIC_END = re.compile(r"^\s*(?:\*\s*){3,}$")


def sniff(text: str) -> bool:
    rows = [r for r in lines(text[:3000]).split("\n") if r.strip("\x01\x16\x7f\x02 \t")]
    if not rows or _HEADER.match(rows[0].strip("\x01\x16\x7f \t")) is None:
        return False
    return "\x02" in text[:3000] or any(r.rstrip().endswith("=") for r in rows[1:30])


def parse(text: str, path: str, received: str) -> list[Item | Quarantined]:
    messages = [m for m in re.split(r"(?=\x01)", lines(text)) if m.strip("\x01\x04\x7f\x16\n\t ")]
    if not messages:
        raise ParseError("IPTC 7901 file with no message in it")
    return parse_each(messages, parse_message, path, received, FORMAT)


def parse_message(message: str, path: str, received: str) -> Item:
    end = message.find("\x03")
    trailer = message[end + 1:] if end >= 0 else ""
    content = message[:end] if end >= 0 else message
    rows = content.split("\n")
    position = 0
    header = None
    while position < len(rows):
        candidate = rows[position].strip("\x01\x16\x7f \t")
        position += 1
        if candidate:
            header = _HEADER.match(candidate)
            break
    if header is None:
        raise ParseError("IPTC 7901 message without its header line (service, priority, …)")

    rest = rows[position:]
    keyword_line = ""
    stx = next((i for i, r in enumerate(rest) if "\x02" in r), -1)
    if stx >= 0:
        before = [r.strip() for r in rest[:stx] if r.strip("\x7f \t")]
        keyword_line = before[0] if before else ""
        rest = [rest[stx].split("\x02", 1)[1], *rest[stx + 1:]]
    else:
        while rest and not rest[0].strip("\x7f \t"):
            rest = rest[1:]
        if rest:
            keyword_line, rest = rest[0].strip(), rest[1:]

    takes, headline_parts, byline, body_start = _title_block(rest)
    body_rows, notebook = _split_notebook(rest[body_start:])
    paras = [p for p in paragraphs("\n".join(body_rows)) if p.strip()]
    if not trailer:
        # A copy stripped of ETX still ends with the time line: read it and drop it.
        while paras and _TRAILER.fullmatch(paras[-1].strip()):
            trailer = paras.pop()
        tail = [r.strip() for r in rows if r.strip("\x7f\x04 \t")][-2:]
        trailer = trailer or next((r for r in reversed(tail) if _TRAILER.fullmatch(r)), "")
    while paras and _CLOSING.match(paras[-1].strip()):
        paras.pop()

    headline = clean_line(" ".join(headline_parts).rstrip("= ").strip())
    body = clean_paragraphs(paras)
    if not headline and not body:
        raise ParseError("IPTC 7901 message with neither headline nor text")

    dateline = Dateline()
    agency = ""
    if paras and (found := datelines.find(paras[0])) is not None:
        dateline, agency = found.dateline, datelines.agency_name(found.agency)
    originator = _originator(header.group("rest"))
    notes, notebook_signals = _notes(notebook)
    ednote = clean_line(" / ".join(notes))
    take_key = clean_line(" ".join(takes))
    slug = clean_line(keyword_line.strip("/ "))
    created = _trailer_time(trailer)
    urgency = int(header.group("priority"))
    number = header.group("service") + header.group("number")
    return Item(
        id=content_id(headline, body, number, created),
        path=path,
        format=FORMAT,
        source=canonical_source(agency or originator or header.group("service")),
        received=received,
        created=created,
        take_key=take_key,
        slug=slug,
        headline=headline,
        byline=clean_line(byline),
        dateline=dateline,
        body=body,
        word_count=count_words(body),
        urgency=urgency if 1 <= urgency <= 9 else None,
        priority=header.group("priority"),
        category=header.group("category"),
        keywords=tuple(k for k in (clean_line(p) for p in keyword_line.split("/")) if k),
        ednote=ednote,
        signal=merge(detect(headline, take_key, ednote), notebook_signals),
    )


def _title_block(rows: list[str]) -> tuple[list[str], list[str], str, int]:
    """Markers, headline lines and byline up to the line that ends with `=`; and the
    index of the first row of the story."""
    takes: list[str] = []
    headline: list[str] = []
    byline = ""
    limit = min(len(rows), 14)
    closing = next((i for i in range(limit) if rows[i].rstrip().endswith("=")), -1)
    if closing < 0:
        # No ` =`: the first line of text is the headline.
        first = next((i for i in range(limit) if rows[i].strip("\x7f \t")), -1)
        if first < 0:
            return takes, headline, byline, 0
        return takes, [rows[first].strip()], byline, first + 1
    for row in rows[:closing + 1]:
        line = row.strip().rstrip("=").strip()
        if not line:
            continue
        if (match := _BYLINE.match(line)) is not None:
            byline = match.group("name")
        elif not headline and _MARKER.match(line) and line != rows[closing].strip().rstrip("= "):
            takes.append(line)
        else:
            headline.append(line)
    return takes, headline, byline, closing + 1


def _split_notebook(rows: list[str]) -> tuple[list[str], list[str]]:
    for index, row in enumerate(rows):
        stripped = row.strip()
        if re.match(r"^#\s+\S", stripped) or _PUBLIC_END.match(stripped):
            return rows[:index], rows[index:]
    return rows, []


def _notes(rows: list[str]) -> tuple[list[str], tuple[str, ...]]:
    """Editor's notes from dpa's notebook, and the signals its section headings give."""
    notes: list[str] = []
    flags: list[str] = []
    section = ""
    for row in rows:
        stripped = row.strip()
        if _PUBLIC_END.match(stripped):
            break  # what follows is not for publication (contacts)
        if stripped.startswith("##"):
            section = stripped.lstrip("#").strip().casefold()
            if section in _SECTION_SIGNALS:
                flags.append(_SECTION_SIGNALS[section])
        elif stripped.startswith("- ") and section in _NOTE_SECTIONS:
            notes.append(stripped[2:])
    return notes, tuple(flags)


_NOTE_SECTIONS = ("note to editors", "hinweis an die redaktion", "redaktionelle hinweise")
# Notebook sections that say what the item is (dpa writes "## Refile" for a repeat).
_SECTION_SIGNALS = {
    "refile": "repeat", "repeat": "repeat", "wiederholung": "repeat",
    "correction": "correction", "berichtigung": "correction", "korrektur": "correction",
    "update": "update", "aktualisierung": "update",
    "embargo": "hold", "sperrfrist": "hold",
    "withdrawal": "kill", "kill": "kill",
}


def _originator(rest: str) -> str:
    """`ccccb   dpa 061` -> `dpa`: the agency before the sequence number."""
    tokens = rest.split()
    if len(tokens) >= 2 and tokens[-1].isdigit():
        return tokens[-2]
    return ""


def _trailer_time(trailer: str) -> str:
    match = _TRAILER.search(trailer)
    if match is None:
        return ""
    month = month_number(match["month"])
    if month is None:
        return ""
    return compose(int(match["y"]), month, int(match["d"]), int(match["H"]), int(match["M"]),
                   utc=bool(match["gmt"]))
