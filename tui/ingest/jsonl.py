"""JSON Lines: one normalised item per line, as `wiredesk parse --json` writes them.

Read line by line, so a 100 MB export is never held in memory twice; a bad line is
quarantined on its own and the good lines around it still load.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from tui.ingest.errors import ParseError, Quarantined
from tui.model import Item, content_id, count_words
from tui.textsafe import clean_line, clean_paragraphs, strip_controls

FORMAT = "jsonl"


def sniff(head: bytes) -> bool:
    lines = [line for line in head.split(b"\n", 3)[:3] if line.strip()]
    if len(lines) < 2 or not all(line.lstrip().startswith(b"{") for line in lines):
        return False
    try:
        return isinstance(json.loads(lines[0]), dict)
    except ValueError:
        return False


def parse_lines(lines: Iterable[bytes], path: str, received: str
                ) -> Iterator[Item | Quarantined]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield parse_object(json.loads(raw), path, received)
        except (ValueError, TypeError, ParseError) as exc:
            yield Quarantined(f"{path}:{number}", f"line {number}: {_reason(exc)}", FORMAT)


def parse_object(data: object, path: str, received: str) -> Item:
    if not isinstance(data, dict):
        raise ParseError("a line that is not a JSON object")
    headline = clean_line(str(data.get("headline") or ""))
    body = clean_paragraphs(strip_controls(str(data.get("body") or "")).split("\n\n"))
    if not headline and not body:
        raise ParseError("an object with neither headline nor body")
    fields = dict(data)
    fields.update(
        id=str(data.get("id") or content_id(headline, body)),
        path=str(data.get("path") or path),
        format=str(data.get("format") or FORMAT),
        received=str(data.get("received") or received),
        headline=headline,
        body=body,
        word_count=data.get("word_count") or count_words(body),
    )
    for key in ("source", "slug", "deck", "byline", "ednote"):
        if isinstance(fields.get(key), str):
            fields[key] = clean_line(fields[key])
    try:
        return Item.from_json(fields)
    except (TypeError, ValueError) as exc:
        raise ParseError(f"a field has the wrong type ({exc})") from exc


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    return str(exc)
