"""XML wire formats: pick the parser by the document's root element, never by file name."""

from __future__ import annotations

from collections.abc import Sequence

from tui.ingest import agencyxml, feeds, newsml1, newsmlg2, nitf
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.xmlsafe import local, parse_xml
from tui.model import Item


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    """The items in one XML file, and a reason for each entry that yielded none.
    Raises ParseError when the file as a whole cannot be read."""
    root = parse_xml(data)
    name = local(root.tag)
    if name == "nitf":
        return nitf.parse_root(root, path, received)
    if name in newsmlg2.ROOTS:
        return newsmlg2.parse_root(root, path, received)
    if name in newsml1.ROOTS:
        return newsml1.parse_root(root, path, received)
    if name in feeds.ROOTS:
        return feeds.parse_root(root, path, received)
    if name in agencyxml.ROOTS:
        return agencyxml.parse_root(root, path, received)
    raise ParseError(f"XML with root <{name}> is not a wire format wiredesk reads yet")
