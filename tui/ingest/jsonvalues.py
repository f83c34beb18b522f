"""Reading values out of agency JSON whose shape varies by version and by agency: a field
may be missing, null, a string, a number, a list or an object."""

from __future__ import annotations

from typing import Any

from tui.ingest.textblocks import html_paragraphs, looks_like_html, paragraphs
from tui.textsafe import clean_line, clean_paragraphs


def text(value: Any) -> str:
    """A scalar as text; containers and null are empty (never `{'a': 1}` on screen)."""
    if value is None or isinstance(value, dict | list | bool):
        return ""
    return value if isinstance(value, str) else str(value)


def items(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def name(value: Any) -> str:
    """`{"name": …}` / `{"code": …}` / a plain string -> its text."""
    if isinstance(value, dict):
        return text(value.get("name")) or text(value.get("code")) or text(value.get("qcode"))
    return text(value)


def names(value: Any) -> tuple[str, ...]:
    """Names of a list of named things (or of one), cleaned, deduplicated, in order."""
    values = value if isinstance(value, list) else [value]
    seen: dict[str, None] = {}
    for entry in values:
        cleaned = clean_line(name(entry))
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def integer(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdecimal():
        return int(value.strip())
    return None


def urgency(value: Any) -> int | None:
    number = integer(value)
    return number if number is not None and 1 <= number <= 9 else None


def body(value: str, skip_classes: frozenset[str] = frozenset()) -> str:
    """A body given as plain text or HTML, as clean paragraphs."""
    if looks_like_html(value):
        return clean_paragraphs(html_paragraphs(value, skip_classes))
    return clean_paragraphs(paragraphs(value))
