"""JSON wire formats: pick the parser by the object's keys."""

from __future__ import annotations

import json
from collections.abc import Sequence

from tui.ingest import ninjs
from tui.ingest.decode import decode
from tui.ingest.errors import ParseError, Quarantined
from tui.model import Item


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    try:
        obj = json.loads(decode(data))
    except ValueError as exc:
        raise ParseError(f"not valid JSON ({exc})") from exc
    if isinstance(obj, dict) and ninjs.looks_like(obj):
        return ninjs.parse_object(obj, path, received)
    raise ParseError("JSON that is not a wire format wiredesk reads yet")
