"""The desk state on disk: one TOML file, replaced atomically on every change.

Writes go to a temporary file in the same folder, are fsynced, renamed over the old
file and the folder is fsynced, so the file on disk is always a whole old or a whole
new state, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
from pathlib import Path
from typing import Any

import tomli_w

from tui.desk.state import STATUSES, Decision, DeskState
from tui.tomlio import TomlSyntaxError, parse_toml

SCHEMA = 1


class StateError(Exception):
    """The state file cannot be read or written; the message names the file and line."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def load(path: Path) -> DeskState:
    """The state in `path`; a missing file is an empty desk. A broken file is an error
    and is left exactly as it is."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return DeskState()
    except OSError as exc:
        raise StateError(path, f"cannot read the desk state: {exc.strerror}") from exc
    try:
        data = parse_toml(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise StateError(path, "the desk state is not UTF-8 text; it was not changed") from exc
    except TomlSyntaxError as exc:
        raise StateError(path, f"the desk state is not valid TOML ({exc.reason}); it was not "
                               "changed: fix that line or move the file away", exc.line) from exc
    return _from_toml(path, raw.decode("utf-8"), data)


def save(path: Path, state: DeskState) -> None:
    document: dict[str, Any] = {
        "schema": SCHEMA,
        "items": {item_id: d.to_toml() for item_id, d in sorted(state.decisions.items())},
    }
    write_atomic(path, tomli_w.dumps(document).encode("utf-8"))


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _from_toml(path: Path, text: str, data: dict[str, Any]) -> DeskState:
    schema = data.get("schema")
    if schema != SCHEMA:
        raise StateError(path, f"unknown desk state schema {schema!r} (this wiredesk reads "
                               f"schema {SCHEMA}); it was not changed", _line(text, "schema"))
    state = DeskState()
    items = data.get("items", {})
    if not isinstance(items, dict):
        raise StateError(path, "'items' must be a table", _line(text, "items"))
    for item_id, entry in items.items():
        try:
            state.put(item_id, _decision(entry))
        except (TypeError, ValueError) as exc:
            raise StateError(path, f"item {item_id!r}: {exc}", _line(text, item_id)) from exc
    return state


def _decision(entry: Any) -> Decision:
    if not isinstance(entry, dict):
        raise TypeError("must be a table")
    unknown = set(entry) - {"status", "tags", "assignee", "priority", "note"}
    if unknown:
        raise ValueError(f"unknown key {sorted(unknown)[0]!r}")
    status = entry.get("status", "new")
    if status not in STATUSES:
        raise ValueError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    tags = entry.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise TypeError("tags must be a list of text")
    priority = entry.get("priority")
    if priority is not None and (not isinstance(priority, int) or isinstance(priority, bool)):
        raise TypeError("priority must be a whole number")
    return Decision(status=status, tags=tuple(tags), assignee=str(entry.get("assignee", "")),
                    priority=priority, note=str(entry.get("note", "")))


def _line(text: str, key: str) -> int | None:
    needle = re.compile(rf'^\s*(?:\[items\.)?["\']?{re.escape(key)}["\']?\]?\s*=?')
    for number, line in enumerate(text.splitlines(), start=1):
        if needle.match(line):
            return number
    return None
