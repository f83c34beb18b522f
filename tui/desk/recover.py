"""`wiredesk --recover`: rebuild a damaged desk state from every part of it still valid.

The damaged files are first copied aside (`desk.toml.broken-<time>`), so nothing the
editor had is thrown away; the rebuilt snapshot and journal replace them."""

from __future__ import annotations

import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

from tui.desk import journal, seqfile, snapshot
from tui.desk.events import Event
from tui.desk.files import DeskFiles, StateError, write_atomic
from tui.desk.state import DeskState
from tui.tomlio import TomlSyntaxError, parse_toml


def recover(path: Path) -> list[str]:
    files = DeskFiles(path)
    report: list[str] = []
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    with files.locked():
        for source in (files.snapshot, files.journal):
            if source.exists():
                backup = source.with_name(f"{source.name}.broken-{stamp}")
                shutil.copy2(source, backup)
                report.append(f"kept a copy of {source.name} as {backup.name}")
        state, seq = _snapshot(files.snapshot, report)
        events = _events(files.journal, report)
        for event in events:
            if event.seq > seq:
                state.apply_all(event.changes)
        last = max([seq, *(e.seq for e in events)])
        if events and events[-1].seq < seq:
            # what is left of the journal ends before the snapshot: those actions are in
            # the snapshot already, and kept they would leave it ahead of its journal
            report.append(f"the {len(events)} action(s) left in {files.journal.name} all "
                          f"come before the snapshot's seq {seq}; they are in it already and "
                          "in the backup, and undo starts afresh")
            events = []
        # the last action saved is now the last one kept: the old record would refuse it
        files.acknowledged.unlink(missing_ok=True)
        write_atomic(files.snapshot, snapshot.encode(state, last))
        kept = [e for e in events if e.seq <= last][-500:]
        write_atomic(files.journal, journal.HEADER + b"".join(journal.encode(e) for e in kept))
        files.cache.unlink(missing_ok=True)
        seqfile.write(files.acknowledged, last)
    report.append(f"rebuilt {path}: decisions on {len(state.decisions)} items, "
                  f"{len(events)} actions kept for undo and the log")
    return report


def _snapshot(path: Path, report: list[str]) -> tuple[DeskState, int]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return DeskState(), 0
    except (OSError, UnicodeDecodeError) as exc:
        report.append(f"could not read {path.name} ({exc}); starting from the journal alone")
        return DeskState(), 0
    try:
        data = parse_toml(text)
    except TomlSyntaxError as exc:
        report.append(f"{path.name} is not valid TOML (line {exc.line}: {exc.reason}); its "
                      "decisions are in the backup, the journal's are rebuilt")
        return DeskState(), 0
    try:
        return snapshot.decode(path, text, data)
    except StateError as exc:
        state, seq, dropped = snapshot.salvage(data)
        report.append(f"{path.name} is damaged ({exc}); kept the decisions on "
                      f"{len(state.decisions)} items, dropped {len(dropped)} "
                      f"({', '.join(dropped[:5])}{'…' if len(dropped) > 5 else ''}) that "
                      "are in the backup")
        return state, seq


def _events(path: Path, report: list[str]) -> list[Event]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return []
    events: list[Event] = []
    dropped = 0
    for block in re.split(rb"(?m)^(?=\[\[event\]\]$)", data):
        if not block.startswith(b"[[event]]"):
            continue
        try:
            parsed = parse_toml(block.decode("utf-8"))["event"][0]
            events.append(Event.from_toml(parsed))
        except (TomlSyntaxError, UnicodeDecodeError, ValueError, KeyError, IndexError):
            dropped += 1
    if dropped:
        report.append(f"dropped {dropped} damaged action(s) from {path.name}")
    events.sort(key=lambda e: e.seq)
    return events
