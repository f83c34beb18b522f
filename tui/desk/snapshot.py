"""The snapshot file: every decision as of one event, in TOML a person can read and fix."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import tomli_w

from tui.desk.files import StateError
from tui.desk.state import (
    ITEM_SCALARS,
    LEGACY_SET_FIELDS,
    SET_FIELDS,
    STATUSES,
    Decision,
    DeskState,
    check_priority,
)

SCHEMA = 2


def encode(state: DeskState, seq: int) -> bytes:
    items: dict[str, Any] = {}
    for item_id, decision in sorted(state.decisions.items()):
        entry: dict[str, Any] = {}
        for name in (*ITEM_SCALARS, *sorted(SET_FIELDS)):
            value = getattr(decision, name)
            if value not in (None, "", ()) and not (name == "status" and value == "new"):
                entry[name] = list(value) if isinstance(value, tuple) else value
        items[item_id] = entry
    document: dict[str, Any] = {"schema": SCHEMA, "seq": seq, "items": items}
    if state.leads:
        document["stories"] = {k: {"lead": v} for k, v in sorted(state.leads.items())}
    header = ("# wiredesk desk state. Safe to read and diff; edit only while no wiredesk is\n"
              "# running on it. Actions since `seq` are in the .journal.toml beside it.\n")
    return (header + tomli_w.dumps(document)).encode("utf-8")


def decode(path: Path, text: str, data: dict[str, Any]) -> tuple[DeskState, int]:
    """The state and its seq from a parsed snapshot, migrated to this schema."""
    data = migrate(path, text, data)
    seq = data.get("seq", 0)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        raise StateError(path, "'seq' must be a whole number", _line(text, "seq"))
    state = DeskState()
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise StateError(path, "'items' must be a table", _line(text, "items"))
    for item_id, entry in items.items():
        try:
            state.put(item_id, _decision(entry))
        except _Bad as exc:
            raise StateError(path, f"item {item_id!r}: {exc}",
                             _item_line(text, item_id, exc.key) or _line(text, "items")
                             ) from exc
    stories = data.get("stories", {})
    if not isinstance(stories, dict):
        raise StateError(path, "'stories' must be a table", _line(text, "stories"))
    for story_id, entry in stories.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("lead"), str) or set(
                entry) - {"lead"}:
            raise StateError(path, f"story {story_id!r}: only `lead = \"item id\"` is kept "
                                   "for a story", _line(text, story_id) or _line(text, "stories"))
        state.leads[story_id] = entry["lead"]
    return state, seq


def salvage(data: dict[str, Any]) -> tuple[DeskState, int, list[str]]:
    """For `wiredesk --recover`: every decision of a damaged snapshot that is still valid,
    its seq if that is (else 0), and the ids of the items and stories dropped."""
    if data.get("schema") not in (1, SCHEMA):
        return DeskState(), 0, [f"all of it (unknown schema {data.get('schema')!r})"]
    seq = data.get("seq", 0)
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 0:
        seq = 0
    state, dropped = DeskState(), []
    items = data.get("items", {})
    for item_id, entry in (items.items() if isinstance(items, dict) else ()):
        try:
            state.put(item_id, _decision(entry))
        except _Bad:
            dropped.append(item_id)
    stories = data.get("stories", {})
    for story_id, entry in (stories.items() if isinstance(stories, dict) else ()):
        if isinstance(entry, dict) and isinstance(entry.get("lead"), str):
            state.leads[story_id] = entry["lead"]
        else:
            dropped.append(story_id)
    return state, seq, dropped


def migrate(path: Path, text: str, data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older snapshot to SCHEMA, one version at a time."""
    schema = data.get("schema")
    if schema == 1:
        # 0.1's file: the same [items] table, no seq and no stories.
        data = {**data, "schema": 2, "seq": 0}
        schema = 2
    if schema != SCHEMA:
        raise StateError(path, f"unknown desk state schema {schema!r} (this wiredesk reads "
                               f"schemas 1 to {SCHEMA}); nothing was changed",
                         _line(text, "schema") or 1)
    unknown = set(data) - {"schema", "seq", "items", "stories"}
    if unknown:
        key = sorted(unknown)[0]
        raise StateError(path, f"unknown key {key!r}", _line(text, key))
    return data


class _Bad(ValueError):
    """A value of an item that cannot be kept; `key` is where it is, if known."""

    def __init__(self, message: str, key: str = "") -> None:
        super().__init__(message)
        self.key = key


def _decision(entry: Any) -> Decision:
    if not isinstance(entry, dict):
        raise _Bad("must be a table")
    # `marks` was kept here before marks became view state: read past, not kept
    unknown = set(entry) - set(ITEM_SCALARS) - SET_FIELDS - LEGACY_SET_FIELDS
    if unknown:
        key = sorted(unknown)[0]
        raise _Bad(f"unknown key {key!r}", key)
    status = entry.get("status", "new")
    if not isinstance(status, str) or status not in STATUSES:
        raise _Bad(f"status {status!r} is not one of {', '.join(STATUSES)}", "status")
    sets: dict[str, tuple[str, ...]] = {}
    for name in SET_FIELDS:
        value = entry.get(name, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _Bad(f"{name} must be a list of text", name)
        sets[name] = tuple(value)
    read = entry.get("read")
    if read is not None and not isinstance(read, bool):
        raise _Bad("read must be true or false", "read")
    priority = entry.get("priority")
    if priority is not None:
        try:
            check_priority(priority)
        except ValueError as exc:
            raise _Bad(str(exc), "priority") from exc
    texts = {}
    for name in ("assignee", "note", "story"):
        value = entry.get(name, "")
        if not isinstance(value, str):
            raise _Bad(f"{name} must be text", name)
        texts[name] = value
    return Decision(status=status, read=read, priority=priority, assignee=texts["assignee"],
                    note=texts["note"], story=texts["story"], tags=sets["tags"],
                    not_same=sets["not_same"])


def seq_line(text: str) -> int | None:
    return _line(text, "seq")


def _line(text: str, key: str, *, after: int = 0) -> int | None:
    """The line that sets `key` (a top-level key, or an item's or a story's table) at or
    after line `after`; failing that, the first line that names it at all."""
    needle = re.compile(
        rf'^\s*(?:\[(?:items|stories)\.)?(["\']?){re.escape(key)}\1\s*(?:\]|=|\.)')
    lines = text.splitlines()
    for number, line in enumerate(lines[after:], start=after + 1):
        if needle.match(line):
            return number
    spellings = [k for k in (key, json.dumps(key)[1:-1]) if k]  # as typed, or escaped
    for number, line in enumerate(lines, start=1):
        if any(k in line for k in spellings):
            return number
    return None


def _item_line(text: str, item_id: str, key: str) -> int | None:
    """The line of an item's value `key`, else of the item's table."""
    table = _line(text, item_id)
    if not key or table is None:
        return table
    lines = text.splitlines()
    for number in range(table + 1, len(lines) + 1):
        line = lines[number - 1].lstrip()
        if line.startswith("["):
            break
        if re.match(rf'(["\']?){re.escape(key)}\1\s*=', line):
            return number
    return table
