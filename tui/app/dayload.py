"""The day coming in: the inbox read on a worker thread and followed live, the first
load's words indexed and stories built in the background, other editors' decisions
synced, and background failures shown. A base of the app (tui/app/app.py), which holds
the state these methods read and draws what they change."""

from __future__ import annotations

import gc
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import replace

from textual import work
from textual.app import App
from textual.worker import Worker, WorkerState

from tui.app.queue import QueueView
from tui.config import Config
from tui.dedup import bulk
from tui.dedup.groups import StoryIndex
from tui.dedup.stories import Overrides
from tui.desk.desk import Desk, SaveFailed
from tui.desk.files import StateError
from tui.ingest import FileResult
from tui.ingest.inbox import Inbox
from tui.listing import is_pinned
from tui.model import Item
from tui.query import SearchIndex
from tui.wire import Wire, group_items

#: seconds between redrawing the queue while the day's first load comes in (a redraw
#: of 100,000 items takes a few hundred ms)
RELIST_WHILE_LOADING = 1.0
#: items indexed for search at a time while a search may wait
INDEX_CHUNK = 500
#: objects that may come alive, once the day is loaded, before the collector looks at the
#: young ones (Python's default: 700). Each line the screen draws is a Textual `Strip`
#: with seven caches of its own: a scroll's paint holds some 5,000 objects for a moment,
#: and at 700 every key paid for several collections, some of them full ones.
COLLECT_AFTER = 10_000
#: items taken on the screen's thread at a time while a day is read
TAKE_ITEMS = 1_000
#: the interpreter's switch interval while the app runs (see `_switch_often`)
SWITCH_S = 0.0005


def _slices(batch: list[FileResult], size: int) -> Iterable[list[FileResult]]:
    """The batch's results in lists of about `size` items, a big file cut in parts (the
    parts keep its path: the wire takes them as the file's, one after another)."""
    part: list[FileResult] = []
    count = 0
    for result in batch:
        items = result.items
        for start in range(0, max(len(items), 1), size):
            piece = result if len(items) <= size else replace(
                result, items=items[start:start + size],
                problems=result.problems if start == 0 else [], continues=start > 0)
            part.append(piece)
            count += len(piece.items)
            if count >= size:
                yield part
                part, count = [], 0
    if part:
        yield part


class _Closing(Exception):
    """The app is closing: background work stops where it is."""


class DayLoading(App[None]):
    # the app's state, set in WiredeskApp.__init__
    config: Config
    inbox: Inbox
    desk: Desk
    wire: Wire
    search_index: SearchIndex
    loaded: bool
    poll_seconds: float
    arrived: int
    status: str
    _preparing: str
    _last_relist: float
    _stop: threading.Event
    _index_lock: threading.Lock
    #: the collector's thresholds before the app raised the first (None: not raised)
    _threshold_before: tuple[int, int, int] | None = None
    _switch_before: float | None = None

    @property
    def queue(self) -> QueueView:
        return self.query_one(QueueView)

    @property
    def grouped(self) -> bool:
        """The day's stories are built (or their building failed: each item alone)."""
        return not self.wire.grouping

    # drawn by the app
    def _relist(self, recount: bool = True) -> None:
        raise NotImplementedError

    def _update_counts(self) -> None:
        raise NotImplementedError

    def _story_keys(self, key: str) -> list[str]:
        raise NotImplementedError

    def _apply_desk_to_stories(self) -> None:
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="ingest", exit_on_error=False)
    def load_inbox(self) -> None:
        """Read the inbox (the cache first), then follow it live until the app closes."""
        for batch in self.inbox.load(progress=self._progress_from_thread):
            # in slices, so that keys are answered between them: a file of 10,000 items
            # taken at once held the screen's thread for a second
            for part in _slices(batch, TAKE_ITEMS):
                self.call_from_thread(self._take, part)
        self.call_from_thread(self._finish_loading)
        while not self._stop.wait(self.poll_seconds):
            fresh = self.inbox.poll()
            if fresh:
                self._index(fresh)
                self.call_from_thread(self._take, fresh)
            self.call_from_thread(self._sync_desk)

    def _index(self, batch: list[FileResult]) -> None:
        # Folding words for search is the costly part of taking an item: it is done off
        # the screen's thread, under the lock the searches take. A file read again may
        # bring an item's new text under its old key: indexed afresh.
        with self._index_lock:
            self.search_index.update_all(item for result in batch for item in result.items)

    def _progress_from_thread(self, done: int, total: int) -> None:
        if total:
            self.call_from_thread(self._show_progress, done, total)

    def _show_progress(self, done: int, total: int) -> None:
        if not self.loaded:
            self.status = f"loading the inbox… {done:,} of {total:,} files"

    def _take(self, batch: list[FileResult]) -> None:
        added: list[str] = []
        changed = False
        for result in batch:
            taken = self.wire.take(result)
            added += taken.added
            changed = changed or bool(taken.replaced or taken.removed or result.problems)
        if not self.loaded:
            # The day's items live until the app closes: out of the collector's walks
            # (each full one walked all taken so far, 0.2 s at 50,000 items, every
            # few seconds of a cold day's reading, on whichever thread it fell)
            gc.freeze()
        if not self.loaded and len(self.wire.items) >= bulk.CHUNK:
            # a day to group in bulk: the helper process starts while the rest is read
            bulk.warm()
        if self.loaded and added:
            self.arrived += len(added)
            self._alert(added)
        elif self.loaded and changed:
            pass  # a file read again: its new text is shown at once
        elif time.monotonic() - self._last_relist < RELIST_WHILE_LOADING:
            return  # a pass over the queue per batch of a cold day would slow the reading
        self._relist()

    def _finish_loading(self) -> None:
        self.loaded = True
        # The day's items live until the app closes: keep the collector from walking
        # them again and again (full collections took half a second at 100k items).
        gc.freeze()
        self._collect_less()
        # the last of the day listed with the cursor still on the top row (unless the
        # editor moved it), then items arriving above the cursor no longer move it
        self._relist()
        self.queue.follow_top = False
        self.prepare_day(*self.wire.take_ungrouped())
        flashes = [k for k in self.wire.flashes if is_pinned(self.wire, self.desk, k)]
        if flashes:
            self.bell()
            self.notify(f"{len(flashes)} unseen FLASH/BULLETIN item(s) pinned at the top.",
                        severity="warning", timeout=8)
        if self.inbox.watch_problem:
            self.notify(self.inbox.watch_problem, severity="warning", timeout=15,
                        markup=False)
        if self.wire.quarantined:
            count = len(self.wire.quarantined)
            self.notify(f"{count} file(s) could not be read and were set aside: press Q to "
                        "see which and why.", severity="warning")

    def _collect_less(self) -> None:
        """The collector's first threshold raised to `COLLECT_AFTER` while the app runs
        (put back when it closes: tests run many apps in one process)."""
        if self._threshold_before is None:
            self._threshold_before = gc.get_threshold()
            gc.set_threshold(max(COLLECT_AFTER, self._threshold_before[0]),
                             *self._threshold_before[1:])

    def _switch_often(self) -> None:
        """Hand the interpreter to the screen's thread within `SWITCH_S` of its asking,
        not Python's 5 ms: the day is read, indexed and grouped on worker threads that
        hold it otherwise, and a key's drawing asks for it again at every write."""
        if self._switch_before is None:
            self._switch_before = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_S)

    def _switch_as_before(self) -> None:
        if self._switch_before is not None:
            sys.setswitchinterval(self._switch_before)
            self._switch_before = None

    def _collect_as_before(self) -> None:
        if self._threshold_before is not None:
            gc.set_threshold(*self._threshold_before)
            self._threshold_before = None

    def _alert(self, keys: Iterable[str]) -> None:
        for key in keys:
            item = self.wire.items[key]
            if item.is_flash:
                self.bell()
                self.notify(f"FLASH {item.source}: {item.headline}", severity="warning",
                            timeout=20, markup=False)
            if "kill" in item.signal:
                used = [m for m in self._story_keys(key)
                        if self.desk.decision(m).status == "used"]
                text = f"KILL from {item.source}: {item.headline}"
                if used:
                    text += "\nAlready used: " + "; ".join(
                        self.wire.items[m].headline for m in used)
                self.bell()
                self.notify(text, severity="error", timeout=60, markup=False)

    # A description, or Textual writes one from the arguments: a repr of the whole day.
    @work(thread=True, exclusive=True, group="stories", description="prepare the day",
          exit_on_error=False)
    def prepare_day(self, items: list[Item], overrides: Overrides) -> None:
        """The day's first load, once it is on screen: its words indexed for search,
        then its stories built (a minute's work at 100,000 items, done off the screen's
        thread; the editor works meanwhile). Stops when the app closes."""

        def progress(what: str, done: int) -> None:
            if self._stop.is_set():
                raise _Closing  # out of the detector's loop, which ends its helper process
            self.call_from_thread(self._show_preparing, what, done, len(items))

        try:
            for start in range(0, len(items), INDEX_CHUNK):
                # in chunks, so that a search waits for one chunk at most
                with self._index_lock:
                    self.search_index.add_all(items[start:start + INDEX_CHUNK])
                progress("indexing for search", start + INDEX_CHUNK)
            stories = group_items(items, self.config.dedup, overrides,
                                  progress=lambda done: progress("grouping stories", done))
        except _Closing:
            return
        self.call_from_thread(self._install_stories, stories)

    def _show_preparing(self, what: str, done: int, total: int) -> None:
        self._preparing = f"{what}… {min(done, total) * 100 // max(total, 1)}%"
        self._update_counts()

    def _install_stories(self, stories: StoryIndex) -> None:
        self.wire.install_stories(stories)
        gc.freeze()  # the stories live as long as the items
        self._relist()

    def _sync_desk(self) -> None:
        """Other editors' decisions on this desk, within a poll of their being saved."""
        try:
            changed = self.desk.sync()
            self.desk.retry_save()
        except StateError as exc:
            self.notify(f"Could not read the other editors' decisions: {exc}",
                        severity="error", markup=False)
            return
        except SaveFailed:
            return  # still failing: the editor was told when it first failed
        if changed:
            self._apply_desk_to_stories()
            self._relist()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        # The one place a background failure becomes something the editor can see.
        if event.state == WorkerState.ERROR:
            self.notify(f"Background work failed: {event.worker.error}. The desk keeps "
                        "running; restart wiredesk to retry.", severity="error", timeout=15,
                        markup=False)
            if event.worker.group == "stories" and not self.grouped:
                # the day stays without stories (each item alone), not waiting for them
                self._install_stories(StoryIndex(self.config.dedup))
