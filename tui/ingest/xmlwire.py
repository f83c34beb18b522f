"""XML wire formats: pick the parser by the document's root element."""

from __future__ import annotations

from collections.abc import Sequence

from tui.ingest import nitf
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.xmlsafe import local, parse_xml
from tui.model import Item


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    root = parse_xml(data)
    name = local(root.tag)
    if name == "nitf":
        return nitf.parse_root(root, path, received)
    raise ParseError(f"XML with root <{name}> is not a wire format wiredesk reads yet")
