"""The journal: an append-only TOML file of [[event]] tables, one per action.

Each event is written with one `write` and fsynced before the action counts as saved,
and ends with a `# end N` comment. A reader takes only events that carry their end line,
so an event still being written by another wiredesk, or torn by a crash, is never taken
for a whole one; a torn last event is dropped with a warning and cut off before the next
append. Everything before it is valid TOML at every moment. A journal that ends before
the last action reported saved (`desk.seq`, see seqfile.py) was cut short by a disk or
copy fault, not torn by a crash: the desk refuses it.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tomli_w

from tui.desk.events import Event
from tui.desk.files import StateError
from tui.desk.snapshot import SCHEMA
from tui.tomlio import TomlSyntaxError, parse_toml

HEADER = (f"# wiredesk journal: one [[event]] per action, oldest first.\nschema = {SCHEMA}\n\n"
          ).encode()
_BLOCK = re.compile(rb"^\[\[event\]\]$", re.MULTILINE)
_END = re.compile(rb"^# end (\d+)\n", re.MULTILINE)
#: what may stand between events: blank lines and comments
_BLANK = re.compile(rb"(?:[ \t\r]*(?:#[^\n]*)?\n)*[ \t\r]*")


def encode(event: Event) -> bytes:
    return tomli_w.dumps({"event": [event.to_toml()]}).encode("utf-8") + \
        f"# end {event.seq}\n\n".encode()


@dataclass
class Tail:
    """What a read of the journal from some offset found."""

    events: list[dict[str, Any]] = field(default_factory=list)
    #: where the next unread event starts
    offset: int = 0
    #: a torn last event: its offset and a warning for the editor
    torn_at: int | None = None
    warning: str = ""


def split(path: Path, data: bytes, start: int, *, final: bool) -> Tail:
    """Parse the whole events in data[start:]. With `final`, an unfinished last event is
    torn (the writer is gone); without, it may still be being written and is left.

    Only the end of the file can be unfinished, and only by a write that stopped short:
    an event that has its end line is whole, so one that is not valid TOML is damage,
    wherever it is; so is anything but blank lines and comments between events."""
    if not data.strip():
        return Tail(offset=0)  # the next append starts the file afresh
    if start == 0:
        if len(data) < len(HEADER) and HEADER.startswith(data):
            # the journal's first write (its header and first event) stopped short
            return _torn(path, Tail(offset=0), 0) if final else Tail(offset=0)
        start = _check_header(path, data)
    tail = Tail(offset=start)
    starts = [m.start() for m in _BLOCK.finditer(data, start)]
    if not _BLANK.fullmatch(data, start, starts[0] if starts else len(data)):
        if not starts:  # an event cut short before its [[event]] line was whole
            return _torn(path, tail, start) if final else tail
        raise StateError(path, "text that is not an [[event]] before the first event; fix "
                               "it by hand or run wiredesk --recover",
                         _line_of(data, _first_text(data, start)))
    if not starts:
        return tail
    bounds = [*starts[1:], len(data)]
    line, counted = _line_of(data, starts[0]), starts[0]
    for number, (begin, end) in enumerate(zip(starts, bounds, strict=True)):
        # lines are counted as we go: counting from the top for every event is quadratic
        line += data.count(b"\n", counted, begin)
        counted = begin
        block = data[begin:end]
        last = number == len(starts) - 1
        closed = _END.search(block)
        if closed is None:
            if last:
                return _torn(path, tail, begin) if final else tail
            raise StateError(path, "an event without its '# end' line; fix it by hand or "
                                   "run wiredesk --recover", line)
        try:
            parsed = parse_toml(block[:closed.end()].decode("utf-8"))
        except (TomlSyntaxError, UnicodeDecodeError) as exc:
            inner = (exc.line or 1) - 1 if isinstance(exc, TomlSyntaxError) else \
                block.count(b"\n", 0, exc.start)
            reason = exc.reason if isinstance(exc, TomlSyntaxError) else "not UTF-8 text"
            raise StateError(path, f"the journal is not valid TOML ({reason}); nothing was "
                                   "changed: fix that line or run wiredesk --recover",
                             line + inner) from exc
        events = parsed.get("event")
        if not isinstance(events, list) or len(events) != 1 or set(parsed) != {"event"}:
            raise StateError(path, "each [[event]] must stand alone", line)
        tail.events.append({**events[0], "_line": line})
        tail.offset = begin + closed.end()
        if not _BLANK.fullmatch(block, closed.end()):
            if last:  # the next event's write stopped before its [[event]] line was whole
                return _torn(path, tail, tail.offset) if final else tail
            raise StateError(path, "text after an event's '# end' line; fix it by hand or "
                                   "run wiredesk --recover",
                             line + block.count(b"\n", 0, closed.end()))
        tail.offset = end
    return tail


def end_line(data: bytes, tail: Tail) -> int:
    """The line where what was read of the journal stops being whole: the torn event's
    first line, or else the file's last line."""
    if tail.torn_at is not None:
        return _line_of(data, tail.torn_at)
    return max(data.count(b"\n") + (0 if data.endswith(b"\n") else 1), 1)


def _torn(path: Path, tail: Tail, at: int) -> Tail:
    tail.torn_at = at
    tail.warning = (f"{path}: the last action in the journal was cut short (wiredesk was "
                    "stopped while saving it); it was dropped")
    return tail


def _first_text(data: bytes, start: int) -> int:
    match = re.compile(rb"[^\s]").search(data, start)
    return match.start() if match else start


def to_events(path: Path, raw: list[dict[str, Any]]) -> list[Event]:
    events = []
    for data in raw:
        line = data.pop("_line", None)
        try:
            events.append(Event.from_toml(data))
        except ValueError as exc:
            raise StateError(path, f"{exc}; fix it by hand or run wiredesk --recover",
                             line) from exc
    return events


def append(path: Path, data: bytes, size_before: int) -> None:
    """One write, then fsync. On failure the file is cut back to where it was, so a full
    disk leaves no half event behind (and if even that fails, the next reader drops it)."""
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o666)
    try:
        if size_before == 0:
            os.ftruncate(fd, 0)  # blank or never written: start with the header
            data = HEADER + data
        written = os.write(fd, data)
        if written != len(data):
            raise OSError(28, "No space left on device (short write)")
        os.fsync(fd)
    except OSError:
        # If even the cut fails, the next reader drops the event: it has no end line.
        with contextlib.suppress(OSError):
            os.ftruncate(fd, size_before)
        raise
    finally:
        os.close(fd)


def _check_header(path: Path, data: bytes) -> int:
    match = re.match(rb"(?:#[^\n]*\n)*schema = (\d+)\n", data)
    if not match:
        raise StateError(path, "the journal does not start with `schema = N`; nothing was "
                               "changed", 1)
    if int(match.group(1)) != SCHEMA:
        raise StateError(path, f"unknown journal schema {int(match.group(1))}",
                         data[:match.end()].count(b"\n"))
    return match.end()


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1
