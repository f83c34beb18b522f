"""The desk: every decision, kept safe on disk and shared with the other editors.

An action is applied only once its event is appended to the journal and fsynced under
the desk lock; the call returns after that. If the disk refuses, the action is kept in
memory, marked unsaved, and written with the next action or `retry_save()`.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

from tui.desk import actions, journal, loadcache, seqfile, snapshot
from tui.desk.events import REDO, SEEN, UNDO, Event, History, new_event_id, now
from tui.desk.files import (
    DeskFiles,
    StateError,
    read_bytes,
    remove_stale_temporaries,
    write_atomic,
)
from tui.desk.state import Change, Decision, DeskState
from tui.tomlio import TomlSyntaxError, parse_toml

#: the journal is folded into the snapshot once it holds this many events
COMPACT_AFTER_BYTES = 8_000_000  # about 20,000 actions
#: events kept in the journal after compaction, so undo reaches back past it
KEEP_FOR_UNDO = 500


class SaveFailed(Exception):
    """A decision was made but could not be written; it is kept in memory.

    The message is the app's: the decision stays in memory and goes with the next action.
    A command that ends at once (`wiredesk tag …`) takes `not_saved()` instead, which is
    what is true there."""

    def __init__(self, path: Path, exc: BaseException) -> None:
        self.path = path
        self.reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        super().__init__(f"Could not save to {path}: {self.reason}. The decision is kept in "
                         "memory and will be saved with your next action; free disk space "
                         "or fix the folder's permissions.")

    def not_saved(self) -> str:
        return (f"Could not save to {self.path}: {self.reason}. The action was not saved; "
                "free disk space or fix the folder's permissions, then run the command "
                "again.")


class Desk:
    def __init__(self, path: Path, editor: str = "") -> None:
        self.files = DeskFiles(path)
        self.path = path
        self.editor = editor or _login_name()
        self.warnings: list[str] = []
        self.pending: list[Event] = []
        self.listeners: list[Callable[[list[Event]], None]] = []
        remove_stale_temporaries(self.files)
        self._load()

    # --- reading -------------------------------------------------------------------
    def decision(self, item_id: str) -> Decision:
        return self.state.get(item_id)

    @property
    def unsaved(self) -> bool:
        return bool(self.pending)

    def events_for(self, item_id: str) -> list[Event]:
        """Every action still on record that touched the item (oldest first)."""
        return [e for e in self.all_events() if any(c.key == item_id for c in e.changes)]

    def _load(self) -> None:
        # the sidecar first: every action it names is in the journal read after it
        saved = seqfile.read(self.files.acknowledged)
        snap_raw = read_bytes(self.files.snapshot)
        data_j = read_bytes(self.files.journal) or b""
        cached, known = loadcache.read(self.files.cache, snap_raw, data_j)
        if cached is not None:
            self.state, self.seq, self.history = cached.state, cached.seq, cached.history
            start = cached.journal_length
        else:
            self.state, self.seq = self._read_snapshot(snap_raw)
            self.history, start = History(), 0
        self.log: list[Event] = []
        tail = journal.split(self.files.journal, data_j, start, final=True)
        events = journal.to_events(self.files.journal, tail.events)
        if cached is None and events:
            self._refuse_if_ahead(snap_raw, max(e.seq for e in events))
        self._take(events, notify=False)
        self._refuse_if_cut_short(data_j, tail, max(saved, known))
        if tail.warning:
            self.warnings.append(tail.warning)
        self._offset = tail.offset
        self._journal_inode = _inode(self.files.journal)
        if cached is None or len(tail.events) > 1000:
            self._write_cache(snap_raw, data_j[:tail.offset])

    def _refuse_if_ahead(self, snap_raw: bytes | None, journal_last: int) -> None:
        """Compaction keeps the snapshot's own last action in the journal (for undo), so a
        journal that has actions but ends before the snapshot's seq is missing some."""
        if snap_raw is None or journal_last >= self.seq:
            return
        text = _text(self.files.snapshot, snap_raw)
        raise StateError(self.files.snapshot,
                         f"seq = {self.seq}, but the journal beside it "
                         f"({self.files.journal.name}) ends at action {journal_last}: the "
                         "snapshot is ahead of its journal, whose last actions are missing "
                         "(an older copy of it, or one cut short); nothing was changed: put "
                         "back the journal that goes with this snapshot, or run wiredesk "
                         "--recover", snapshot.seq_line(text))

    def _refuse_if_cut_short(self, data: bytes, tail: journal.Tail, saved: int) -> None:
        """A crash tears at most the action being written, which was never reported
        saved; a journal that ends before an action that was is damage."""
        if self.seq >= saved:
            return
        gone = "is missing" if not data.strip() else f"ends at action {self.seq}"
        hint = (f" (to start an empty desk on purpose, delete {self.files.acknowledged.name} "
                "too)" if not data.strip() else "")
        raise StateError(self.files.journal,
                         f"the journal was cut short: it {gone}, but action {saved} was saved "
                         "(a disk or copy fault, not a crash); nothing was changed: put back "
                         f"a whole copy of {self.files.journal.name}, or run wiredesk "
                         f"--recover to keep what is still in it{hint}",
                         journal.end_line(data, tail))

    def _read_snapshot(self, raw: bytes | None) -> tuple[DeskState, int]:
        if raw is None:
            return DeskState(), 0
        text = _text(self.files.snapshot, raw)
        return snapshot.decode(self.files.snapshot, text, _toml(self.files.snapshot, text))

    def _write_cache(self, snap_raw: bytes | None, journal_prefix: bytes) -> None:
        try:
            loadcache.write(self.files.cache, snap_raw, journal_prefix, self.state, self.seq,
                            self.history)
        except OSError as exc:
            self.warnings.append(f"could not write {self.files.cache}: {exc.strerror} "
                                 "(start-up is slower; nothing is lost)")

    def all_events(self) -> list[Event]:
        """Every action still in the journal, parsed afresh (for `wiredesk log`)."""
        data = read_bytes(self.files.journal) or b""
        tail = journal.split(self.files.journal, data, 0, final=True)
        return journal.to_events(self.files.journal, tail.events) + self.pending

    def _take(self, events: list[Event], *, notify: bool = True) -> None:
        applied = []
        for event in events:
            self.log.append(event)
            self.history.record(event)
            if event.seq > self.seq:
                self.state.apply_all(event.changes)
                self.seq = event.seq
                applied.append(event)
        if self.pending and applied:
            # ours were decided after these but will be written after them: keep disk order
            for mine in self.pending:
                self.state.apply_all(mine.changes)
        if notify and applied:
            for listener in self.listeners:
                listener(applied)

    def sync(self) -> list[Event]:
        """Take the actions other editors appended since we last looked."""
        inode = _inode(self.files.journal)
        if inode != self._journal_inode and self._journal_inode:
            return self._reload()
        try:
            size = os.stat(self.files.journal).st_size
        except FileNotFoundError:
            return []
        if size == self._offset:
            return []
        if size < self._offset:
            return self._reload()
        data = read_bytes(self.files.journal) or b""
        tail = journal.split(self.files.journal, data, self._offset, final=False)
        events = journal.to_events(self.files.journal, tail.events)
        self._offset, self._journal_inode = tail.offset, inode
        before = self.log[-1].seq if self.log else 0
        self._take(events)
        return [e for e in events if e.seq > before]

    def _reload(self) -> list[Event]:
        # another wiredesk compacted the journal: read both files again
        pending = self.pending
        self._load()
        self.pending = pending
        for mine in pending:
            self.state.apply_all(mine.changes)
        for listener in self.listeners:
            listener([])
        return []

    # --- acting --------------------------------------------------------------------
    def act(self, action: str, summary: str,
            make: Callable[[DeskState], list[Change]], target: str = "") -> Event | None:
        """Compute the action against the latest state and write it. Returns the event,
        or None if it changed nothing. Raises SaveFailed if it is only in memory."""
        try:
            with self.files.locked():
                self.sync()
                self._flush_pending()
                changes = make(self.state)
                if not changes:
                    return None
                event = self._event(action, summary, changes, target)
                self._append(event)
                self._take([event], notify=False)
                return event
        except (OSError, TimeoutError) as exc:
            changes = make(self.state)
            if not changes:
                return None
            event = self._event(action, summary, changes, target, seq=0)
            self.pending.append(event)
            self.state.apply_all(event.changes)
            self.history.record(event)
            self.log.append(event)
            raise SaveFailed(self.files.journal, exc) from exc

    def retry_save(self) -> None:
        if not self.pending:
            return
        try:
            with self.files.locked():
                self.sync()
                self._flush_pending()
        except (OSError, TimeoutError) as exc:
            raise SaveFailed(self.files.journal, exc) from exc

    def _flush_pending(self) -> None:
        while self.pending:
            event = replace(self.pending[0], seq=self.seq + 1)
            self._append(event)
            self.pending.pop(0)
            self.seq = event.seq
            # as written, with its seq: compaction keeps history.recent in the journal
            if not _replace_by_id(self.log, event):
                self.log.append(event)  # the log was read again from disk since
            history = self.history
            known = event.id in history.events
            if known:
                history.events[event.id] = event
            if not _replace_by_id(history.recent, event):
                if known:
                    history.recent.append(event)  # pushed out of recent by newer ones
                else:
                    history.record(event)  # history was read again from disk since

    def _append(self, event: Event) -> None:
        """Under the lock, after sync() took every whole action written: anything past
        them was left by a writer that stopped short (it no longer holds the lock), so it
        is cut off before this event goes after it. (A tear seen at start is not cut by
        its offset then: another wiredesk may have finished that write since.)"""
        size = self._offset
        if _size(self.files.journal) > size:
            os.truncate(self.files.journal, size)
        data = journal.encode(event)
        journal.append(self.files.journal, data, size)
        self._offset = size + len(data) + (len(journal.HEADER) if size == 0 else 0)
        self._journal_inode = _inode(self.files.journal)
        try:
            seqfile.write(self.files.acknowledged, event.seq)
        except OSError as exc:
            # The action is saved; only the check for a journal cut short is weaker (the
            # sidecar still names an earlier action, which is never a false alarm).
            warning = (f"could not write {self.files.acknowledged}: {exc.strerror}; the "
                       "action is saved")
            if warning not in self.warnings:
                self.warnings.append(warning)

    def _event(self, action: str, summary: str, changes: list[Change], target: str,
               seq: int | None = None) -> Event:
        return Event(seq=self.seq + 1 if seq is None else seq, id=new_event_id(),
                     who=self.editor, at=now(), action=action, summary=summary,
                     changes=tuple(changes), target=target)

    def undo(self) -> Event | None:
        """Undo this editor's latest action that is not undone yet."""
        victim = self.history.next_undo(self.editor)
        if victim is None:
            return None
        return self.act(UNDO, f"undo: {victim.summary}",
                        lambda _s: [c.inverse() for c in reversed(victim.changes)], victim.id)

    def redo(self) -> Event | None:
        again = self.history.next_redo(self.editor)
        if again is None:
            return None
        return self.act(REDO, f"redo: {again.summary}", lambda _s: list(again.changes),
                        again.id)

    # --- the actions, by name --------------------------------------------------------
    def tag(self, items: Iterable[str] | str, *tags: str) -> Event | None:
        ids = _ids(items)
        return self.act("tag", f"tag {', '.join(tags)} on {_what(ids)}",
                        lambda s: actions.tag(s, ids, tags))

    def untag(self, items: Iterable[str] | str, *tags: str) -> Event | None:
        ids = _ids(items)
        return self.act("untag", f"untag {', '.join(tags)} on {_what(ids)}",
                        lambda s: actions.untag(s, ids, tags))

    def set_status(self, items: Iterable[str] | str, value: str) -> Event | None:
        ids = _ids(items)
        actions.status(self.state, [], value)  # reject an unknown status before locking
        return self.act("status", f"{value} {_what(ids)}",
                        lambda s: actions.status(s, ids, value))

    def set_read(self, items: Iterable[str] | str, value: bool, *, by_reading: bool = False
                 ) -> Event | None:
        """`by_reading`: the item stayed in the preview; not an action `u` undoes."""
        ids = _ids(items)
        return self.act(SEEN if by_reading else "read",
                        f"{'read' if value else 'unread'} {_what(ids)}",
                        lambda s: actions.read(s, ids, value))

    def assign(self, items: Iterable[str] | str, who: str) -> Event | None:
        ids = _ids(items)
        return self.act("assign", f"assign {_what(ids)} to {who or 'nobody'}",
                        lambda s: actions.assign(s, ids, who))

    def set_priority(self, items: Iterable[str] | str, value: int | None) -> Event | None:
        ids = _ids(items)
        actions.priority(self.state, [], value)
        return self.act("priority", f"priority {value or 'none'} on {_what(ids)}",
                        lambda s: actions.priority(s, ids, value))

    def note(self, items: Iterable[str] | str, text: str) -> Event | None:
        ids = _ids(items)
        return self.act("note", f"note on {_what(ids)}", lambda s: actions.note(s, ids, text))

    def merge(self, story: str, items: Iterable[str] | str) -> Event | None:
        ids = _ids(items)
        return self.act("merge", f"merge {_what(ids)} into {story}",
                        lambda s: actions.merge(s, story, ids))

    def split(self, items: Iterable[str] | str, renamed: actions.Renamed | None = None
              ) -> Event | None:
        ids = _ids(items)
        return self.act("split", f"take {_what(ids)} out of its story",
                        lambda s: actions.split(s, ids, renamed))

    def not_same(self, first: str, *others: str) -> Event | None:
        return self.act("notdup", f"{first} is not the same story as {_what(list(others))}",
                        lambda s: actions.not_same(s, first, others))

    def keep_apart(self, first: str, others: Iterable[str],
                   renamed: actions.Renamed | None = None) -> Event | None:
        """`first` is not the same story as `others`, and leaves its story: one action,
        undone as one."""
        rest = [o for o in others if o != first]
        return self.act("notdup", f"{first} is not the same story as {_what(rest)}",
                        lambda s: actions.not_same(s, first, rest)
                        + actions.split(s, [first], renamed))

    def set_lead(self, story: str, item_id: str) -> Event | None:
        return self.act("lead", f"{item_id} leads {story}",
                        lambda s: actions.lead(s, story, item_id))

    # --- housekeeping --------------------------------------------------------------
    def compact(self) -> None:
        """Fold the journal into the snapshot, keeping the last events for undo."""
        with self.files.locked():
            self.sync()
            self._flush_pending()
            encoded = snapshot.encode(self.state, self.seq)
            write_atomic(self.files.snapshot, encoded)
            # the latest actions as written, undos included, so undo reaches back past this
            kept = [e for e in self.history.recent if e.seq][-KEEP_FOR_UNDO:]
            if kept and kept[-1].seq != self.seq:
                # never a journal that ends before its snapshot (a load refuses that)
                on_disk = [e for e in self.all_events() if e.seq]
                kept = on_disk[-KEEP_FOR_UNDO:] if on_disk and on_disk[-1].seq == self.seq \
                    else []
            body = journal.HEADER + b"".join(journal.encode(e) for e in kept)
            write_atomic(self.files.journal, body)
            self._offset, self._journal_inode = len(body), _inode(self.files.journal)
            # the cache covers the new journal whole, so the next start reads no TOML
            self._write_cache(encoded, body)

    def needs_compaction(self) -> bool:
        """The journal has grown past the point where folding it in pays: measured in
        bytes, since the events before the parsed copy are not held in memory."""
        return self._offset > COMPACT_AFTER_BYTES

    def compact_if_needed(self) -> None:
        if self.needs_compaction():
            self.compact()

def _toml(path: Path, text: str) -> dict[str, Any]:
    try:
        return parse_toml(text)
    except TomlSyntaxError as exc:
        raise StateError(path, f"the desk state is not valid TOML ({exc.reason}); nothing was "
                               "changed: fix that line or run wiredesk --recover", exc.line
                         ) from exc


def _text(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StateError(path, "the desk state is not UTF-8 text; nothing was changed: fix "
                               "that line or run wiredesk --recover",
                         raw.count(b"\n", 0, exc.start) + 1) from exc


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except FileNotFoundError:
        return 0  # appending creates it


def _inode(path: Path) -> int:
    try:
        return os.stat(path).st_ino
    except FileNotFoundError:
        return 0


def _replace_by_id(events: list[Event], event: Event) -> bool:
    for index in range(len(events) - 1, -1, -1):  # the latest first: that is where it is
        if events[index].id == event.id:
            events[index] = event
            return True
    return False


def _ids(items: Iterable[str] | str) -> list[str]:
    return [items] if isinstance(items, str) else list(items)


def _what(ids: list[str]) -> str:
    return ids[0] if len(ids) == 1 else f"{len(ids)} items"


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "editor"
