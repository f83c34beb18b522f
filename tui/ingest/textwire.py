"""Text wire formats, told apart by their content (never by the file name):

    email      an RFC 822 header block first                       mail.py
    ANPA-1312  the priority/category/keyword line (`r a … BC-…`)    anpa.py
    IPTC 7901  the header line (`eca062 4 i 211 …`) and ` =`        iptc7901.py
    ZCZC       `ZCZC` on the first line                             zczc.py
    presstext  a press reader's export (publication, CAPS, `- by`)  presstext.py
    plain      anything else: headline, byline, paragraphs          plaintext.py

The order matters: the framed formats are recognised by markers no plain story has.

XML whose root element lies past the bytes the sniffer reads (behind a 100 KB entity, say)
or that is not well-formed ends here as text; its entity declarations are held to the XML
parser's limit all the same, so an entity bomb is quarantined rather than shown as copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from tui.ingest import anpa, iptc7901, mail, plaintext, presstext, zczc
from tui.ingest.decode import decode
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.xmlsafe import refuse_entity_bombs
from tui.model import Item
from tui.textsafe import strip_controls


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    refuse_entity_bombs(data)
    if mail.sniff(data):
        return mail.parse(data, path, received)
    text = decode(data)
    if not strip_controls(text).strip():
        raise ParseError("the file holds no text")
    return parse_text(text, path, received)


def parse_text(text: str, path: str, received: str) -> Sequence[Item | Quarantined]:
    """Text already decoded (for callers that read text from elsewhere)."""
    if anpa.sniff(text):
        return anpa.parse(text, path, received)
    if iptc7901.sniff(text):
        return iptc7901.parse(text, path, received)
    if zczc.sniff(text):
        return zczc.parse(text, path, received)
    if presstext.sniff(text):
        return presstext.parse(text, path, received)
    return plaintext.parse(text, path, received)


def kind(data: bytes) -> str:
    """The format name a file's bytes would be parsed as (for diagnostics and tests)."""
    if mail.sniff(data):
        return mail.FORMAT
    text = decode(data)
    for module in (anpa, iptc7901, zczc, presstext):
        if module.sniff(text):
            return str(module.FORMAT)
    return plaintext.FORMAT
