"""A parsed copy of the desk's TOML, so that start-up reads JSON instead of parsing TOML.

It holds the state as of some prefix of the journal, with the digests of the snapshot
and of that prefix; it is used only when both still match, and only the journal written
since is parsed. A cache, not state: it is rebuilt from the TOML whenever it is missing,
stale or unreadable, and deleting it loses nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.desk.events import RECENT, Event, History
from tui.desk.files import digest, write_atomic
from tui.desk.state import Change, Decision, DeskState

VERSION = 4


@dataclass
class Cached:
    state: DeskState
    seq: int
    history: History
    journal_length: int


def read(path: Path, snapshot_raw: bytes | None, journal_raw: bytes
         ) -> tuple[Cached | None, int]:
    """The parsed copy if it still matches both files, and the last action it knew of.

    That second number counts even when the journal no longer matches, as long as the
    snapshot does: the journal only ever grows between compactions (which write a new
    snapshot), so a journal that now ends before it was cut short."""
    try:
        data = json.loads(path.read_bytes())
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return None, 0
        if data["snapshot"] != (digest(snapshot_raw) if snapshot_raw is not None else ""):
            return None, 0
        seq = data["seq"]
        known = seq if isinstance(seq, int) and not isinstance(seq, bool) else 0
        length = data["journal_length"]
        if not isinstance(length, int) or len(journal_raw) < length or \
                data["journal"] != digest(journal_raw[:length]):
            return None, known
        return Cached(state=_state(data), seq=seq, history=_history(data),
                      journal_length=length), known
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None, 0  # missing, stale or damaged: the TOML is read instead


def write(path: Path, snapshot_raw: bytes | None, journal_prefix: bytes, state: DeskState,
          seq: int, history: History) -> None:
    document = {
        "version": VERSION,
        "snapshot": digest(snapshot_raw) if snapshot_raw is not None else "",
        "journal": digest(journal_prefix), "journal_length": len(journal_prefix), "seq": seq,
        "items": {k: [d.status, d.read, list(d.tags), d.assignee, d.priority, d.note, d.story,
                      list(d.not_same)] for k, d in state.decisions.items()},
        "leads": state.leads,
        "undo": history.undo, "redo": history.redo,
        "events": [_event(e) for e in history.events.values()],
        "recent": [_event(e) for e in history.recent[-RECENT:]],
    }
    write_atomic(path, json.dumps(document, separators=(",", ":")).encode(), durable=False)


def _state(data: dict[str, Any]) -> DeskState:
    decisions = {
        key: Decision(status, read, tuple(tags), assignee, priority, note, story, tuple(not_same))
        for key, (status, read, tags, assignee, priority, note, story, not_same)
        in data["items"].items()
    }
    return DeskState(decisions, dict(data["leads"]))


def _history(data: dict[str, Any]) -> History:
    events = {e.id: e for e in map(_from_json, data["events"])}
    return History(events=events, undo={k: list(v) for k, v in data["undo"].items()},
                   redo={k: list(v) for k, v in data["redo"].items()},
                   recent=[_from_json(e) for e in data["recent"]])


def _from_json(raw: dict[str, Any]) -> Event:
    changes = tuple(Change(c["table"], c["key"], c["field"], c.get("before"), c.get("after"),
                           tuple(c.get("add", ())), tuple(c.get("remove", ())))
                    for c in raw["changes"])
    return Event(raw["seq"], raw["id"], raw["who"], raw["at"], raw["action"], raw["summary"],
                 changes, raw.get("target", ""))


def _event(event: Event) -> dict[str, Any]:
    return {"seq": event.seq, "id": event.id, "who": event.who, "at": event.at,
            "action": event.action, "summary": event.summary, "target": event.target,
            "changes": [{"table": c.table, "key": c.key, "field": c.field, "before": c.before,
                         "after": c.after, "add": list(c.add), "remove": list(c.remove)}
                        for c in event.changes]}
