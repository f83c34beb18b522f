"""Copy that arrives by email (RFC 822 / MIME): the subject is the headline, the text/plain
part the body (else the HTML part, reduced to its paragraphs), From the byline and
source, Date the time filed, Message-ID the id. Headers may carry RFC 2047 encoded words
in any charset, and some mailers put raw 8-bit bytes inside them."""

from __future__ import annotations

import base64
import binascii
import re
from email.utils import getaddresses

from tui.ingest import datelines, mailparts
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import iso
from tui.ingest.decode import decode
from tui.ingest.errors import ParseError
from tui.ingest.mailparts import MailParts
from tui.ingest.signals import detect
from tui.ingest.textblocks import html_paragraphs, paragraphs
from tui.model import Dateline, Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs

FORMAT = "email"

_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:")
_KNOWN = re.compile(rb"(?im)^(?:from|date|subject|message-id|received|mime-version|"
                    rb"return-path|delivered-to|to):")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([QqBb])\?([^?]*)\?=")
_BYLINE = re.compile(r"^By\s+(?P<name>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|de|van|von))"
                     r"{0,5})\s*(?:\((?P<agency>[^)]{1,30})\))?$")


def sniff(data: bytes) -> bool:
    """A header block first (after any blank padding): every line a header or its
    continuation, with From and at least one other header mail always has."""
    head = _skip_padding(data[:8192])
    if not _HEADER_LINE.match(head):
        return False  # the first line is no header: no need to look for the block's end
    end = re.search(rb"\r?\n\r?\n", head)
    block = head[:end.start()] if end else head
    rows = block.splitlines()
    if len(rows) < 2 or not _HEADER_LINE.match(rows[0]):
        return False
    if not all(_HEADER_LINE.match(r) or r[:1] in (b" ", b"\t") for r in rows):
        return False
    names = {m.group(0).lower() for m in _KNOWN.finditer(block)}
    return b"from:" in names and len(names) >= 2


def parse(data: bytes, path: str, received: str) -> list[Item]:
    message = mailparts.read(_skip_padding(data))
    headline = clean_line(_header(message, "Subject"))
    paras = html_paragraphs(message.text) if message.from_html else paragraphs(message.text)
    sender_name, sender_address = _sender(message)

    byline = ""
    agency = ""
    dateline = Dateline()
    # Newsroom mail carries the wire conventions inside the text: a By line and a dateline.
    for index, paragraph in enumerate(paras[:8]):
        line = clean_line(paragraph)
        if not byline and (match := _BYLINE.match(line)) is not None:
            byline = match.group("name")
            agency = agency or (match.group("agency") or "")
            continue
        if (found := datelines.find(line)) is not None:
            dateline = found.dateline
            agency = agency or datelines.agency_name(found.agency)
            del paras[:index]  # what precedes the dateline is the mail's own header talk
            break
    body = clean_paragraphs(paras)
    if not headline and not body:
        raise ParseError("email with neither a subject nor any text")
    message_id = _header(message, "Message-ID").strip().strip("<>").strip()
    return [
        Item(
            id=message_id or content_id(headline, body),
            path=path,
            format=FORMAT,
            source=canonical_source(agency or sender_name or _domain(sender_address)),
            received=received,
            created=iso(_header(message, "Date")),
            headline=headline or (clean_line(paras[0]) if paras else ""),
            byline=clean_line(byline or sender_name or sender_address),
            dateline=dateline,
            body=body,
            word_count=count_words(body),
            language=clean_line(_header(message, "Content-Language"))[:16],
            signal=detect(headline),
        )
    ]


def _skip_padding(data: bytes) -> bytes:
    # Some feeds write a line of spaces before the headers; a parser would take it for the
    # end of an empty header block.
    return data.lstrip(b" \t\r\n")


def _header(message: MailParts, name: str) -> str:
    """A header as text: encoded words decoded in their charset, raw 8-bit bytes read
    as UTF-8 or cp1252 (no mojibake)."""
    value = message.header(name)
    return _decode_words(decode(value.encode("ascii", "surrogateescape"))) if value else ""


def _decode_words(text: str) -> str:
    # Whitespace between two encoded words is folding, not text (RFC 2047 §6.2).
    text = re.sub(r"(\?=)\s+(=\?)", r"\1\2", re.sub(r"\r?\n[ \t]", " ", text))
    return _ENCODED_WORD.sub(_decode_word, text)


def _decode_word(match: re.Match[str]) -> str:
    charset, encoding, payload = match.group(1).split("*")[0], match.group(2), match.group(3)
    if encoding in "Bb":
        try:
            raw = base64.b64decode(payload + "=" * (-len(payload) % 4))
        except (binascii.Error, ValueError):
            return match.group(0)
        return decode(raw, charset)
    # Q: `_` is a space and =XX a byte; characters outside ASCII (sent raw by some
    # mailers) stay as they are.
    pieces = re.split(r"((?:=[0-9A-Fa-f]{2})+)", payload.replace("_", " "))
    out = []
    for piece in pieces:
        if piece.startswith("=") and re.fullmatch(r"(?:=[0-9A-Fa-f]{2})+", piece):
            out.append(decode(bytes.fromhex(piece.replace("=", "")), charset))
        else:
            out.append(piece)
    return "".join(out)


def _sender(message: MailParts) -> tuple[str, str]:
    value = _header(message, "From") or _header(message, "Sender")
    try:
        addresses = getaddresses([value])
    except (ValueError, IndexError, TypeError):
        return clean_line(value), ""
    for name, address in addresses:
        if name or address:
            return clean_line(name.strip("\"' ")), clean_line(address)
    return "", ""


def _domain(address: str) -> str:
    return address.rsplit("@", 1)[-1] if "@" in address else address
