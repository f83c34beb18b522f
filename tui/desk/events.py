"""Events: one per editor action, the unit that is journalled, undone and redone."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from tui.desk.state import Change

UNDO = "undo"
RECENT = 500
REDO = "redo"
#: actions that are on record but not the editor's to undo: reading an item in the
#: preview (it happens by itself), and marks in old journals (view state now)
SEEN = "seen"
NOT_UNDONE = frozenset({"mark", SEEN})


@dataclass(frozen=True, slots=True)
class Event:
    seq: int
    id: str
    who: str
    at: str
    action: str
    summary: str
    changes: tuple[Change, ...]
    #: for undo and redo: the id of the event undone or redone
    target: str = ""

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"seq": self.seq, "id": self.id, "who": self.who, "at": self.at,
                                "action": self.action, "summary": self.summary}
        if self.target:
            data["target"] = self.target
        data["change"] = [c.to_toml() for c in self.changes]
        return data

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Event:
        try:
            seq = data["seq"]
            if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
                raise ValueError("seq must be a whole number from 1")
            changes = data.get("change", [])
            if not isinstance(changes, list):
                raise ValueError("change must be an array of tables")
            texts = {name: _text(data, name) for name in _TEXTS}
            _when(texts["at"])
            return cls(seq=seq, id=texts["id"], who=texts["who"], at=texts["at"],
                       action=texts["action"], summary=texts["summary"],
                       target=texts["target"],
                       changes=tuple(Change.from_toml(c) for c in changes))
        except KeyError as exc:
            raise ValueError(f"an event is missing its {exc.args[0]!r}") from exc
        except TypeError as exc:
            raise ValueError(f"an event is malformed ({exc})") from exc


#: an event's text fields, and whether it must have each
_TEXTS = {"id": True, "who": True, "at": True, "action": True, "summary": False,
          "target": False}


def _text(data: dict[str, Any], name: str) -> str:
    value = data[name] if _TEXTS[name] else data.get(name, "")
    if not isinstance(value, str):
        raise ValueError(f"an event's {name} must be text (in quotes), not {value!r}")
    return value


def _when(at: str) -> None:
    try:
        datetime.fromisoformat(at)
    except ValueError:
        raise ValueError(f"an event's at must be a time like \"{now()}\", not {at!r}"
                         ) from None


def new_event_id() -> str:
    return uuid.uuid4().hex[:16]


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class History:
    """Each editor's undo and redo stacks, rebuilt by replaying events in journal order.

    An editor undoes their own latest action that is not undone yet; a new action clears
    their redo stack, as in any editor."""

    events: dict[str, Event] = field(default_factory=dict)
    undo: dict[str, list[str]] = field(default_factory=dict)
    redo: dict[str, list[str]] = field(default_factory=dict)
    #: the latest events as written, undos included: what compaction keeps in the journal
    recent: list[Event] = field(default_factory=list)
    #: how many actions each editor may undo (older ones are forgotten)
    depth: int = 1000

    def record(self, event: Event) -> None:
        self.recent.append(event)
        if len(self.recent) > 2 * RECENT:
            del self.recent[:-RECENT]
        undo = self.undo.setdefault(event.who, [])
        redo = self.redo.setdefault(event.who, [])
        if event.action == UNDO:
            if event.target in undo:
                undo.remove(event.target)
                redo.append(event.target)
        elif event.action == REDO:
            if event.target in redo:
                redo.remove(event.target)
                undo.append(event.target)
        elif event.action not in NOT_UNDONE:
            self.events[event.id] = event
            undo.append(event.id)
            redo.clear()
            if len(undo) > self.depth:
                for old in undo[: len(undo) - self.depth]:
                    self.events.pop(old, None)
                del undo[: len(undo) - self.depth]

    def next_undo(self, who: str) -> Event | None:
        stack = self.undo.get(who) or []
        return self.events.get(stack[-1]) if stack else None

    def next_redo(self, who: str) -> Event | None:
        stack = self.redo.get(who) or []
        return self.events.get(stack[-1]) if stack else None
