"""JSON Lines: one normalised item per line, as `wiredesk parse --json` writes them.

Read line by line, so a 100 MB export is never held in memory twice; a bad line is
quarantined on its own and the good lines around it still load. Every text field is
cleaned again on the way in (a JSONL file may come from anywhere), except `id`, which is
kept verbatim so that decisions stored against it still match.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from tui.ingest.errors import ParseError, Quarantined
from tui.model import (
    DATELINE_KEYS,
    PUBSTATUSES,
    SIGNALS,
    TUPLE_FIELDS,
    Item,
    content_id,
    count_words,
)
from tui.textsafe import clean_line, clean_paragraphs, strip_controls

FORMAT = "jsonl"

# Fields that are not one line of display text.
_NOT_LINES = frozenset({"id", "body", "dateline", "urgency", "word_count"} | TUPLE_FIELDS)


def sniff(head: bytes) -> bool:
    """JSON Lines by its first bytes: two lines that start with `{` (the first of them a
    JSON object), or a first line that is a wiredesk export record, which may be longer
    than the bytes the reader looks at."""
    head = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    rows = [row for row in head.split(b"\n") if row.strip()]
    if not rows or not rows[0].lstrip().startswith(b"{"):
        return False
    if len(rows) >= 2 and rows[1].lstrip().startswith(b"{") and b"\n" in head:
        try:
            return isinstance(json.loads(rows[0]), dict)
        except (ValueError, RecursionError):
            return False
    # Our own exporter writes `{"id": …, "path": …, "format": …` at the start of a line.
    first = rows[0].lstrip()
    return first.startswith(b'{"id": ') and b'"format": ' in first[:2048] and \
        b'"path": ' in first[:2048]


def parse_lines(lines: Iterable[bytes], path: str, received: str
                ) -> Iterator[Item | Quarantined]:
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield parse_object(json.loads(raw), path, received)
        except (ValueError, TypeError, ParseError) as exc:
            yield Quarantined(f"{path}:{number}", f"line {number}: {_reason(exc)}", FORMAT)
        except RecursionError:
            yield Quarantined(f"{path}:{number}", f"line {number}: JSON nested too deeply",
                              FORMAT)


def parse_object(data: object, path: str, received: str) -> Item:
    if not isinstance(data, dict):
        raise ParseError("a line that is not a JSON object")
    headline = clean_line(_text(data.get("headline")))
    body = clean_paragraphs(strip_controls(_text(data.get("body"))).split("\n\n"))
    if not headline and not body:
        raise ParseError("an object with neither headline nor body")
    fields: dict[str, Any] = {}
    for key, value in data.items():
        if key in _NOT_LINES or value is None:
            continue
        if isinstance(value, dict | list):
            raise ParseError(f"field {key!r} should be text, not a JSON {type(value).__name__}")
        fields[key] = clean_line(_text(value))
    for key in TUPLE_FIELDS:
        value = data.get(key)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, dict | list) for v in values):
            raise ParseError(f"field {key!r} should be a list of text")
        fields[key] = [c for c in (clean_line(_text(v)) for v in values) if c]
    fields["signal"] = [s for s in fields.get("signal", []) if s in SIGNALS]
    if fields.get("pubstatus") not in PUBSTATUSES:
        fields.pop("pubstatus", None)
    dateline = data.get("dateline")
    if isinstance(dateline, dict):
        fields["dateline"] = {k: clean_line(_text(v)) for k, v in dateline.items()
                              if k in DATELINE_KEYS}
    elif dateline is not None:
        fields["dateline"] = {"text": clean_line(_text(dateline))}
    item_id = data.get("id")
    fields.update(
        id=item_id if isinstance(item_id, str) and item_id else
        _text(item_id) or content_id(headline, body),
        path=fields.get("path") or path,
        format=fields.get("format") or FORMAT,
        received=fields.get("received") or received,
        headline=headline,
        body=body,
        urgency=_urgency(data.get("urgency")),
        word_count=_count(data.get("word_count")) or count_words(body),
    )
    try:
        return Item.from_json(fields)
    except (TypeError, ValueError, OverflowError) as exc:
        raise ParseError(f"a field has the wrong type ({exc})") from exc


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    return value if isinstance(value, str) else str(value)


def _urgency(value: Any) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return None
    text = str(value).strip()
    if not text.isdecimal() or len(text) > 2:
        return None
    number = int(text)
    return number if 1 <= number <= 9 else None


def _count(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        return 0
    text = str(value).strip()
    return int(text) if text.isdecimal() and len(text) < 10 else 0


def _reason(exc: Exception) -> str:
    if isinstance(exc, json.JSONDecodeError):
        return f"not valid JSON ({exc.msg} at column {exc.colno})"
    if isinstance(exc, UnicodeDecodeError):
        return "not UTF-8 text"
    return str(exc)
