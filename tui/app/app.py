"""The wiredesk application: the queue, the preview, and the keys that decide."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from typing import ClassVar

from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Footer, Header
from textual.worker import Worker, WorkerState

from tui.app.messages import CursorMoved
from tui.app.preview import Preview, render_item
from tui.app.queue import QueueView
from tui.app.screens import HelpScreen, TagPicker
from tui.config import Config
from tui.desk.desk import Desk, SaveFailed
from tui.desk.files import StateError
from tui.ingest import FileResult
from tui.ingest.inbox import Inbox
from tui.wire import Wire


class WiredeskApp(App[None]):
    TITLE = "wiredesk"
    CSS_PATH = "wiredesk.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("t", "tag", "Tag", id="queue.tag"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    def __init__(self, config: Config, inbox: Inbox, desk: Desk,
                 poll_seconds: float = 0.5) -> None:
        super().__init__()
        self.config = config
        self.inbox = inbox
        self.desk = desk
        self.wire = Wire()
        self.loaded = False
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        if config.keymap:
            self.set_keymap(dict(config.keymap))

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="main"):
            yield QueueView(self.wire, self.desk, self.config.columns.show, id="queue")
            yield Preview(id="preview")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(QueueView).focus()
        self.sub_title = "loading the inbox…"
        self.load_inbox()

    @work(thread=True, exclusive=True, group="ingest")
    def load_inbox(self) -> None:
        """Read the inbox (the cache first), then follow it live until the app closes."""
        for batch in self.inbox.load(progress=self._progress_from_thread):
            self.call_from_thread(self._take, batch)
        self.call_from_thread(self._finish_loading)
        while not self._stop.wait(self.poll_seconds):
            fresh = self.inbox.poll()
            if fresh:
                self.call_from_thread(self._take, fresh)
            self.call_from_thread(self._sync_desk)

    def _sync_desk(self) -> None:
        """Other editors' decisions on this desk, within a poll of their being saved."""
        try:
            changed = self.desk.sync()
        except StateError as exc:
            self.notify(f"Could not read the other editors' decisions: {exc}", severity="error")
            return
        if changed:
            self.query_one(QueueView).refresh()
            self.post_message(CursorMoved(self.query_one(QueueView).current_id))

    def _progress_from_thread(self, done: int, total: int) -> None:
        if total:
            self.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        if not self.loaded:
            self.sub_title = f"loading the inbox… {done:,} of {total:,} files"

    async def action_quit(self) -> None:
        self._stop.set()
        self.exit()

    def on_unmount(self) -> None:
        self._stop.set()

    def _take(self, batch: list[FileResult]) -> None:
        queue = self.query_one(QueueView)
        before = queue.current_id
        for result in batch:
            self.wire.add_result(result)
        shift = 0
        if before is not None:
            shift = self.wire.order.index(before) - queue.cursor
        queue.rows_changed(shift)
        self._update_counts()

    def _finish_loading(self) -> None:
        self.loaded = True
        self._update_counts()
        if self.wire.quarantined:
            count = len(self.wire.quarantined)
            self.notify(f"{count} file{'s' * (count != 1)} could not be read and "
                        f"{'were' if count != 1 else 'was'} set aside.", severity="warning")

    def _update_counts(self) -> None:
        new = sum(1 for i in self.wire.order if self.desk.decision(i).status == "new")
        parts = [f"{len(self.wire)} items", f"{new} new"]
        if self.wire.quarantined:
            parts.append(f"{len(self.wire.quarantined)} quarantined")
        if not self.loaded:
            parts.append("loading…")
        self.sub_title = " · ".join(parts)

    async def wait_loaded(self) -> None:
        """For tests and the benchmark: until the first load of the inbox is done."""
        while not self.loaded:
            await asyncio.sleep(0.01)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The one place a background failure becomes something the editor can see.
        if event.state == WorkerState.ERROR:
            self.notify(f"Background work failed: {event.worker.error}. The desk keeps "
                        "running; restart wiredesk to retry.", severity="error", timeout=15)

    @on(CursorMoved)
    def show_preview(self, message: CursorMoved) -> None:
        preview = self.query_one(Preview)
        if message.item_id is None or message.item_id not in self.wire.items:
            return
        item = self.wire.items[message.item_id]
        preview.show(render_item(item, self.desk.decision(item.key),
                                 self.wire.stories.size_of(item.key)))

    def action_tag(self) -> None:
        item_id = self.query_one(QueueView).current_id
        if item_id is None:
            return

        def chosen(tag: str | None) -> None:
            if tag:
                self.decide(item_id, lambda: self.desk.tag(item_id, tag), f"Tagged {tag}")

        self.push_screen(TagPicker("Tag the item", self.config.tags.list,
                                   self.config.tags.allow_free), chosen)

    def decide(self, item_id: str, change: Callable[[], object], done: str) -> None:
        try:
            change()
        except SaveFailed as exc:
            self.notify(str(exc), severity="error", timeout=20)
        else:
            self.notify(done, timeout=2)
        self.query_one(QueueView).refresh_item(item_id)
        self.post_message(CursorMoved(self.query_one(QueueView).current_id))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_rows()))

    @classmethod
    def binding_ids(cls) -> set[str]:
        ids = set()
        for owner in (cls, QueueView, HelpScreen, TagPicker):
            for binding in owner.BINDINGS:
                if isinstance(binding, Binding) and binding.id:
                    ids.add(binding.id)
        return ids

    def binding_rows(self) -> list[tuple[str, str, str, str]]:
        rows = []
        keymap = self._keymap_for_display()
        for group, bindings in (("Everywhere", self.BINDINGS), ("Queue", QueueView.BINDINGS)):
            for binding in bindings:
                assert isinstance(binding, Binding)
                keys = keymap.get(binding.id or "", binding.key)
                rows.append((group, self.get_key_display(Binding(keys, binding.action)),
                             binding.description, binding.id or ""))
        return rows

    def _keymap_for_display(self) -> dict[str, str]:
        return dict(self.config.keymap)
