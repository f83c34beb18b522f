"""JSON wire formats, told apart by their keys:

    AP Media API    `data.item` / `data.items` (or a bare item with `altids`)   apmedia.py
    digitalwires    `format: digitalwires@…`, `urn` + `article_html`, `entries` dpawires.py
    ninjs 1.x/2.x   `uri`/`guid` with headline or body keys                     ninjs.py
    wiredesk        a normalised item (`id`, `headline`…), as `parse --json`    jsonl.py

A JSON array (or an `items` list) holds many items: a bad entry is quarantined as
`path#index` and the good ones still come back.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from tui.ingest import apmedia, dpawires, jsonl, ninjs
from tui.ingest.decode import decode
from tui.ingest.errors import ParseError, Quarantined
from tui.model import ITEM_KEYS, Item


def parse(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    try:
        obj = json.loads(decode(data))
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and exc.pos > 0:
            # One object after another: JSON Lines whose first line was too long to sniff.
            return list(jsonl.parse_lines(data.splitlines(), path, received))
        raise ParseError(f"not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
                         ) from exc
    except RecursionError as exc:
        raise ParseError("JSON nested too deeply to read") from exc
    except ValueError as exc:  # e.g. a number too long to convert
        raise ParseError(f"not valid JSON ({exc})") from exc
    if isinstance(obj, list):
        return _many(obj, path, received)
    if not isinstance(obj, dict):
        raise ParseError(f"JSON holding {_kind(obj)}, not a news item")
    if not (apmedia.looks_like(obj) or dpawires.looks_like(obj) or ninjs.looks_like(obj)
            or _normalised(obj)) and isinstance(obj.get("items"), list):
        return _many(obj["items"], path, received)
    return parse_object(obj, path, received)


def parse_object(obj: dict[str, Any], path: str, received: str) -> list[Item | Quarantined]:
    """One JSON object in any of the formats; raises ParseError when it is none."""
    if apmedia.looks_like(obj):
        return apmedia.parse(obj, path, received)
    if dpawires.looks_like(obj):
        return dpawires.parse(obj, path, received)
    if ninjs.looks_like(obj):
        return list(ninjs.parse_object(obj, path, received))
    if _normalised(obj):
        return [jsonl.parse_object(obj, path, received)]
    raise ParseError("JSON that is not a wire format wiredesk reads "
                     "(ninjs, AP Media API, dpa digitalwires or a wiredesk export)")


def _many(entries: list[Any], path: str, received: str) -> list[Item | Quarantined]:
    if not entries:
        raise ParseError("an empty JSON list: no items")
    found: list[Item | Quarantined] = []
    for index, entry in enumerate(entries):
        try:
            if not isinstance(entry, dict):
                raise ParseError(f"entry {index} is {_kind(entry)}, not an object")
            for result in parse_object(entry, path, received):
                found.append(result if isinstance(result, Item) else
                             Quarantined(f"{path}#{index}", result.reason, result.format))
        except ParseError as exc:
            found.append(Quarantined(f"{path}#{index}", str(exc)))
    return found


def _normalised(obj: dict[str, Any]) -> bool:
    """A wiredesk item (`wiredesk parse --json`, one per file)."""
    return "id" in obj and bool({"headline", "body"} & obj.keys()) and \
        len(obj.keys() & set(ITEM_KEYS)) >= 3


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "a list" if isinstance(value, list) else "an object"
