"""Text wire formats: press-reader exports and plain agency copy."""

from __future__ import annotations

from collections.abc import Sequence

from tui.ingest import plaintext, presstext
from tui.ingest.decode import decode
from tui.ingest.errors import Quarantined
from tui.model import Item


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    text = decode(data)
    if presstext.sniff(text):
        return presstext.parse(text, path, received)
    return plaintext.parse(text, path, received)
