"""The wiredesk application: the queue, the preview, the story, and the keys that decide."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable, Iterable
from typing import ClassVar

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.widgets import Footer, Header

from tui.app import keys
from tui.app.finding import Finding
from tui.app.keys import KEYS
from tui.app.messages import CursorMoved
from tui.app.preview import Preview, render_item
from tui.app.queue import QueueHeads, QueueView
from tui.app.reports import DiffScreen, QuarantineScreen
from tui.app.screens import HelpRow, HelpScreen, Picker, Prompt
from tui.app.statusline import StatusLine
from tui.app.story_panel import StoryPanel
from tui.app.timefmt import DeskTime, clock
from tui.config import Config
from tui.dedup import bulk
from tui.dedup.diff import diff_items
from tui.dedup.stories import STORY_PREFIX
from tui.desk.desk import Desk, SaveFailed
from tui.desk.files import StateError
from tui.ingest.dates import epoch
from tui.ingest.inbox import Inbox
from tui.listing import Mode, hit_rows
from tui.query import Context, SearchIndex, filter_keys, parse_query
from tui.textsafe import strip_controls
from tui.uiprefs import UiPrefs
from tui.wire import Wire

#: seconds the cursor must rest before the preview follows it
PREVIEW_DELAY = 0.06


class WiredeskApp(Finding):
    TITLE = "wiredesk"
    CSS_PATH = "wiredesk.tcss"
    #: below 100 columns the preview goes under the queue (`Screen.-narrow` in the tcss)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]  # noqa: RUF012 - Textual's
    BINDINGS: ClassVar[list[BindingType]] = [b for group in KEYS.values() for b in group]

    def __init__(self, config: Config, inbox: Inbox, desk: Desk,
                 poll_seconds: float = 0.25, prefs: UiPrefs | None = None) -> None:
        super().__init__()
        self.config = config
        self.prefs = prefs or UiPrefs()
        self.inbox = inbox
        self.desk = desk
        self.wire = Wire(settings=config.dedup)
        # The day's items are shown as soon as they are read; its stories are built on a
        # worker thread (seconds for a full day) and installed when done.
        self.wire.defer_grouping()
        self.times = DeskTime.named(config.desk.timezone)
        self.search_index = SearchIndex()
        self.loaded = False
        self._preparing = ""
        self._last_relist = 0.0
        self.poll_seconds = poll_seconds
        self.arrived = 0
        self.filter_text = ""
        self.search_text = ""
        #: the rows holding a search hit, top to bottom (as listed now)
        self._hit_rows: list[int] = []
        self._stop = threading.Event()
        self._index_lock = threading.Lock()
        self._preview_timer: Timer | None = None
        self._seen_timer: Timer | None = None
        self._counts = (0, 0)
        if config.keymap:
            self.set_keymap(dict(config.keymap))

    def compose(self) -> ComposeResult:
        yield Header()
        yield StatusLine(id="status")
        with Horizontal(id="main"):
            queue = QueueView(self.wire, self.desk, self.config.columns.show,
                              times=self.times, id="queue")
            with Vertical(id="queue-pane"):
                yield QueueHeads(queue, id="queue-heads")
                yield queue
            with Vertical(id="side"):
                yield Preview(id="preview")
                yield StoryPanel(id="story")
        yield Footer()

    @property
    def status(self) -> str:
        """The counts line under the header."""
        lines = self.query(StatusLine)
        return lines.first().text if lines else ""

    @status.setter
    def status(self, text: str) -> None:
        for line in self.query(StatusLine):  # none while the app closes
            line.show(text)

    def on_mount(self) -> None:
        self.queue.focus()
        self.queue.killed = self.is_killed
        self.queue.embargoed = self.is_embargoed
        heads = self.query_one(QueueHeads)
        self.queue.columns_changed = heads.refresh
        self._show_sort()
        for warning in self.desk.warnings:
            self.notify(warning, severity="warning", timeout=15)
        self._use_remembered_theme()
        self.status = "loading the inbox…"
        self._switch_often()
        self.load_inbox()

    def _use_remembered_theme(self) -> None:
        prefs = self.prefs
        if prefs.problem:
            self.notify(prefs.problem, severity="warning", timeout=15, markup=False)
        if prefs.theme and prefs.theme in self.available_themes:
            self.theme = prefs.theme
        elif prefs.theme:
            self.notify(f"The theme '{prefs.theme}' you chose before is not there any "
                        "more; press ctrl+p and choose another", severity="warning",
                        timeout=10, markup=False)
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def _remember_theme(self, theme: Theme) -> None:
        if theme.name == self.prefs.theme:
            return
        try:
            self.prefs.save_theme(theme.name)
        except OSError as exc:
            self.notify(f"The theme is used, but cannot be remembered for the next start "
                        f"({exc.strerror}: {self.prefs.path}). Free some space or check "
                        "the folder's permissions.", severity="warning", timeout=10,
                        markup=False)

    # --- what the queue shows ----------------------------------------------------------
    def _recount(self) -> None:
        """Unread and unseen-FLASH totals, when items or decisions change (never for a
        filter, a search or a view): a pass over the decisions and the FLASH items, not
        over the day (at 100,000 items that pass held a key back 100 ms while loading)."""
        items, decision = self.wire.items, self.desk.decision
        read = sum(1 for key, d in self.desk.state.decisions.items()
                   if not d.unread and key in items)
        flash = sum(1 for key in self.wire.flashes if decision(key).unread)
        self._counts = (len(self.wire.order) - read, flash)

    def _relist(self, recount: bool = True) -> None:
        self._last_relist = time.monotonic()
        if recount:
            self._recount()
        queue = self.queue
        with self._index_lock:
            queue.only = self._filtered() if self.filter_text else None
            queue.hits = (set(self.search_index.search(self.search_text, self.wire.order))
                          if self.search_text else set())
        queue.rebuild()
        self._hit_rows = (hit_rows(queue.listing, queue.hits, self.wire, self.desk,
                                   queue.mode, queue.listing_cache) if queue.hits else [])
        self._update_counts()
        self.post_message(CursorMoved(queue.current_id))

    def _filtered(self) -> set[str]:
        query = parse_query(self.filter_text)
        return set(filter_keys(query, self.wire.order, self.wire.items, self.desk.decision,
                               self._query_context()))

    def _query_context(self) -> Context:
        return Context(editor=self.desk.editor, now=time.time(), marked=self.queue.marked,
                       story_size=self.wire.stories.size_of, index=self.search_index)

    def _update_counts(self) -> None:
        # what changes as the editor works comes first: at 80 columns the end is cut
        unread, flash = self._counts
        parts = [f"{len(self.desk.pending)} NOT SAVED"] if self.desk.unsaved else []
        parts += [f"{len(self.wire):,} items", f"{self.arrived} new", f"{unread:,} unread"]
        marked = len(self.marked())
        if marked:
            parts.append(f"{marked:,} marked")
        if flash:
            parts.append(f"{flash} flash")
        if self.search_text:
            parts.append(f'search "{self.search_text}": {self._hit_label()}')
        if self.filter_text:
            parts.append(f"filter: {self.filter_text}")
        if self.queue.mode is Mode.STORIES:
            parts.append("stories view")
        if self.wire.quarantined:
            parts.append(f"{len(self.wire.quarantined)} quarantined")
        if not self.loaded:
            parts.append("loading…")
        elif self.wire.grouping and self._preparing:
            parts.append(self._preparing)
        self.status = " · ".join(parts)

    async def wait_loaded(self) -> None:
        """For tests and the benchmark: until the first load of the inbox is done and its
        stories are built."""
        while not (self.loaded and self.grouped):
            await asyncio.sleep(0.01)

    @on(CursorMoved)
    def cursor_moved(self, message: CursorMoved) -> None:
        # Rendering the item into the preview and story panel costs a few ms: done once
        # the cursor rests, so holding `j` moves the cursor line at full speed.
        if self._preview_timer is not None:
            self._preview_timer.stop()
        if self._seen_timer is not None:
            self._seen_timer.stop()
            self._seen_timer = None
        # Counted from the move, not from here: the message comes only after the screen
        # has drawn the cursor line (some 10 ms when the queue scrolls), which the
        # preview used to wait on top. (A Textual timer needs some interval.)
        rest = max(PREVIEW_DELAY - (time.monotonic() - message.at), 0.001)
        self._preview_timer = self.set_timer(rest, lambda: self.show_item(
            CursorMoved(message.item_id)))

    def show_item(self, message: CursorMoved) -> None:
        self._preview_timer = None
        key = message.item_id
        previews = self.query(Preview)
        if key is None or key not in self.wire.items or not previews:
            return  # nothing under the cursor, or the app is closing
        item = self.wire.items[key]
        previews.first().show(render_item(
            item, self.desk.decision(key), self.wire.stories.size_of(key),
            killed_by=self.kill_banner(key), embargoed=self.is_embargoed(key),
            times=self.times))
        self.query_one(StoryPanel).show(self.wire, key, self.times)
        if self.search_text:
            self._update_counts()  # which hit this is
        if self.desk.decision(key).unread:
            self._seen_timer = self.set_timer(max(self.config.desk.seen_after, 0.001),
                                              lambda: self._seen(key))

    def _seen(self, key: str) -> None:
        """The item stayed in the preview for `[desk] seen_after` seconds: it is read."""
        self._seen_timer = None
        if self.queue.current_id == key and self.desk.decision(key).unread:
            self.decide(lambda: self.desk.set_read(key, True, by_reading=True), "")

    def _story_keys(self, key: str) -> list[str]:
        # asked for every queue row drawn (is it killed?): the members, not the story's
        # lead as well
        return self.wire.stories.detector.member_ids(key) or [key]

    def _kill_notice(self, key: str) -> str:
        """The story's kill or withdrawal notice, if it has one ("" if not)."""
        items = self.wire.items
        for member in self._story_keys(key):
            item = items.get(member)
            if item is not None and "kill" in item.signal:
                return member
        return ""

    def is_killed(self, key: str) -> bool:
        return bool(self._kill_notice(key))

    def kill_banner(self, key: str) -> str:
        """What the preview's banner says of a killed story: the item that was killed
        (the one the notice links to, else the newest other of its agency), and who
        withdrew it."""
        notice_key = self._kill_notice(key)
        if not notice_key:
            return ""
        items = self.wire.items
        notice = items[notice_key]
        placed = self.wire.lineages(notice_key).get(notice_key)
        killed = placed.to if placed is not None and placed.to in items else ""
        if not killed or killed == notice_key:
            others = [m for m in self._story_keys(key)
                      if m in items and "kill" not in items[m].signal]
            own = [m for m in others if items[m].source == notice.source] or others
            killed = max(own, key=lambda m: items[m].sort_time) if own else ""
        when = clock(notice.sort_time)
        if not killed:
            return f"{notice.source} {when}: {notice.headline}"
        item = items[killed]
        return f"{item.source}: {item.headline} (withdrawn by {notice.source} {when})"

    def is_embargoed(self, key: str) -> bool:
        embargo = self.wire.items[key].embargo
        return bool(embargo) and epoch(embargo) > time.time()

    # --- deciding ----------------------------------------------------------------------
    def targets(self) -> list[str]:
        """The marked items (bulk work), else the item under the cursor."""
        marked = self.marked()
        if marked:
            return marked
        current = self.queue.current_id
        return [current] if current else []

    def marked(self) -> list[str]:
        """The items marked for bulk work, in the order marked."""
        items = self.wire.items
        return [k for k in self.queue.marked if k in items]

    def decide(self, change: Callable[[], object], done: str) -> bool:
        try:
            change()
        except SaveFailed as exc:
            self.notify(str(exc), severity="error", timeout=20, markup=False)
        except ValueError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return False
        else:
            if done:
                self.notify(done, timeout=2, markup=False)
        self._apply_desk_to_stories()
        self._relist()
        return True

    def _apply_desk_to_stories(self) -> None:
        try:
            self.wire.apply_desk(self.desk.state)
        except Exception as exc:  # noqa: BLE001 - a grouping bug must not close the desk
            self.notify(f"Your decision is saved, but the stories could not be regrouped "
                        f"({type(exc).__name__}: {exc}). Restart wiredesk to regroup.",
                        severity="error", timeout=20, markup=False)

    def action_tag(self) -> None:
        keys = self.targets()
        if not keys:
            return

        held = tuple(dict.fromkeys(t for k in keys for t in self.desk.decision(k).tags))

        def chosen(tag: str | None) -> None:
            if not tag:
                return
            if tag in held:
                self.decide(lambda: self.desk.untag(keys, tag), f"Took tag {tag} off")
            else:
                self.decide(lambda: self.desk.tag(keys, tag), f"Tagged {tag}")

        self.push_screen(Picker(f"Tag {_what(keys)}", self.config.tags.list,
                                self.config.tags.allow_free, "new tag", current=held,
                                confirm_free=True), chosen)

    def action_assign(self) -> None:
        keys = self.targets()
        if not keys:
            return
        roster = (*self.config.roster.editors, *self.config.roster.desks, "(nobody)")

        def chosen(who: str | None) -> None:
            if who is not None:
                name = "" if who == "(nobody)" else who
                self.decide(lambda: self.desk.assign(keys, name),
                            f"Assigned to {name or 'nobody'}")

        self.push_screen(Picker(f"Assign {_what(keys)} to", roster), chosen)

    def action_spike(self) -> None:
        keys = self.targets()
        if keys:
            spiked = all(self.desk.decision(k).status == "spiked" for k in keys)
            value = "seen" if spiked else "spiked"
            self.decide(lambda: self.desk.set_status(keys, value),
                        "Unspiked" if spiked else "Spiked")

    def action_used(self) -> None:
        keys = self.targets()
        killed = [k for k in keys if self.is_killed(k)]
        if killed:
            notice = self.wire.items[self._kill_notice(killed[0])]
            self.notify(f"Killed by {notice.source} ({notice.headline}): a killed story "
                        "cannot be marked used. Spike it, or ask the agency.",
                        severity="error", markup=False)
            return
        held = [k for k in keys if self.is_embargoed(k)]
        if held:
            item = self.wire.items[held[0]]
            self.notify(f"Embargoed until {item.embargo}: it cannot be marked used before "
                        "then.", severity="error", markup=False)
            return
        if keys:
            self.decide(lambda: self.desk.set_status(keys, "used"), "Marked used")

    def action_read(self) -> None:
        keys = self.targets()
        if keys:
            unread = all(self.desk.decision(k).unread for k in keys)
            self.decide(lambda: self.desk.set_read(keys, unread), "")

    def action_read_view(self) -> None:
        """Every item in the view (a story's members too, in the stories view) is read:
        one action, one undo step."""
        queue = self.queue
        keys = list(queue.listing.keys)
        if queue.mode is Mode.STORIES:
            keys = [m for k in keys for m in self._story_keys(k)]
        unread = [k for k in dict.fromkeys(keys) if self.desk.decision(k).unread]
        if not unread:
            self.notify("Everything in this view is read already.", timeout=3)
            return
        self.decide(lambda: self.desk.set_read(unread, True),
                    f"Marked {len(unread):,} item(s) read")

    def action_priority(self) -> None:
        keys = self.targets()
        if not keys:
            return
        levels = ("1 (highest)", "2", "3", "4", "5", "6", "7", "8", "9 (lowest)", "none")

        def chosen(level: str | None) -> None:
            if level is not None:
                value = None if level == "none" else int(level.split()[0])
                self.decide(lambda: self.desk.set_priority(keys, value),
                            f"Priority {value or 'cleared'}")

        self.push_screen(Picker(f"Priority for {_what(keys)}", levels), chosen)

    def action_note(self) -> None:
        keys = self.targets()
        if not keys:
            return
        current = self.desk.decision(keys[0]).note

        def written(text: str | None) -> None:
            if text is not None:
                self.decide(lambda: self.desk.note(keys, text), "Note saved")

        self.push_screen(Prompt(f"Note on {_what(keys)}", current,
                                "enter saves; an empty note clears it"), written)

    def action_mark(self) -> None:
        key = self.queue.current_id
        if key is None:
            return
        self.queue.toggle_mark(key)
        self._update_counts()
        self.queue.action_move(1)

    def action_zoom(self, zoom: bool | None = None) -> None:
        """`z`: the preview (and its story) on the whole screen, or back to the queue."""
        screen = self.screen
        zoomed = not screen.has_class("-zoomed") if zoom is None else zoom
        screen.set_class(zoomed, "-zoomed")
        if zoomed:
            self.query_one(Preview).focus()
        else:
            self.queue.focus()

    def action_clear(self) -> None:
        if self.screen.has_class("-zoomed"):
            self.action_zoom(False)
        elif self.filter_text or self.search_text:
            self.filter_text = self.search_text = ""
            self._relist(recount=False)
        elif self.queue.marked:
            self.queue.clear_marks()
            self._update_counts()
            self.notify("Marks cleared", timeout=2)

    def action_undo(self) -> None:
        self.decide(self._undo_or_say, "")

    def _undo_or_say(self) -> None:
        event = self.desk.undo()
        done = event.summary.removeprefix("undo: ") if event else ""
        self.notify(f"Undone: {done}" if event else "Nothing to undo", timeout=3, markup=False)

    def action_redo(self) -> None:
        def redo() -> None:
            event = self.desk.redo()
            done = event.summary.removeprefix("redo: ") if event else ""
            self.notify(f"Redone: {done}" if event else "Nothing to redo", timeout=3,
                        markup=False)

        self.decide(redo, "")

    # --- stories -----------------------------------------------------------------------
    def _story_id(self, key: str) -> str:
        return self.wire.story_id_for(key, self.desk.decision(key))

    def action_merge(self) -> None:
        key = self.queue.current_id
        if key is None:
            return
        marked = [k for k in self.marked() if k != key]
        if not marked:
            suggestion = self.wire.suggested_duplicate(key)
            if suggestion is None:
                self.notify("Mark the items to merge with space first (no other item is "
                            "suggested as the same story).", severity="warning")
                return
            marked = [suggestion]
        story = self._story_id(key)
        everyone = [key, *marked]
        self.decide(lambda: self.desk.merge(story, everyone),
                    f"Merged {len(marked)} item(s) into this story")

    def _renamed(self, leaving: list[str]) -> dict[str, tuple[str, list[str]]]:
        """Stories named after an item that leaves them, with the name they take (the
        next member's) and the members that stay."""
        renamed: dict[str, tuple[str, list[str]]] = {}
        out = set(leaving)
        for key in leaving:
            story = self.wire.story_of(key)
            if story is None or story.id != f"{STORY_PREFIX}{key}":
                continue
            staying = [m for m in story.members if m not in out]
            if staying:
                renamed[story.id] = (f"{STORY_PREFIX}{staying[0]}", staying)
        return renamed

    def action_split(self) -> None:
        keys = self.targets()
        if keys:
            renamed = self._renamed(keys)
            self.decide(lambda: self.desk.split(keys, renamed), "Taken out of its story")

    def action_not_same(self) -> None:
        key = self.queue.current_id
        if key is None:
            return
        others = [k for k in self.marked() if k != key]
        if not others:
            lead = self.wire.story_of(key)
            others = [m for m in (lead.members if lead else []) if m != key][:1]
        if not others:
            self.notify("This item stands alone already; mark the item it is not the "
                        "same as with space.", severity="warning")
            return

        renamed = self._renamed([key])
        self.decide(lambda: self.desk.keep_apart(key, others, renamed),
                    "Kept apart: they will not be grouped again")

    def action_lead(self) -> None:
        key = self.queue.current_id
        if key is None:
            return
        if "kill" in self.wire.items[key].signal:
            self.notify("A kill notice cannot lead its story: the story it killed leads, "
                        "struck through.", severity="warning", markup=False)
            return
        story = self._story_id(key)
        self.decide(lambda: self.desk.set_lead(story, key), "Lead of the story")

    def action_diff(self) -> None:
        key = self.queue.current_id
        if key is None:
            return
        previous = self.wire.previous_version(key)
        if previous is None:
            self.notify("No earlier version of this item in its story.", severity="warning")
            return
        old, new = self.wire.items[previous], self.wire.items[key]
        placed = self.wire.lineages(key)
        same = key in placed and previous in placed \
            and placed[key].lineage == placed[previous].lineage
        level = "its lineage" if same else "another lineage of the story"
        title = (f"{new.source} {new.version or ''} against {old.source} "
                 f"{old.version or ''} ({level})")
        self.push_screen(DiffScreen(diff_items(old, new), title))

    def action_view(self) -> None:
        queue = self.queue
        queue.mode = Mode.STORIES if queue.mode is Mode.FLAT else Mode.FLAT
        self._relist(recount=False)

    def action_open(self) -> None:
        queue = self.queue
        key = queue.current_id
        if queue.mode is not Mode.STORIES or key is None:
            return
        story = self._story_id(key)
        if story in queue.opened:
            queue.opened.discard(story)
        else:
            queue.opened.add(story)
        self._relist()

    def action_close_story(self) -> None:
        key = self.queue.current_id
        if key is not None and self.queue.mode is Mode.STORIES:
            self.queue.opened.discard(self._story_id(key))
            self._relist()

    def action_yank(self, what: str) -> None:
        """`y`: the headline and id, `Y`: the body, to the clipboard through the
        terminal (OSC 52); without the controls a paste would run."""
        key = self.queue.current_id
        if key is None or key not in self.wire.items:
            return
        item = self.wire.items[key]
        if what == "body":
            text, said = strip_controls(item.body), "the body"
        else:
            text, said = strip_controls(f"{item.headline}\n{key}"), "the headline and id"
        self.copy_to_clipboard(text)
        self.notify(f"Copied {said} ({len(text):,} characters) to the clipboard",
                    timeout=2, markup=False)

    # --- the rest ----------------------------------------------------------------------
    def action_quarantine(self) -> None:
        self.push_screen(QuarantineScreen(list(self.wire.quarantined), self.inbox.folders))

    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.binding_rows()))

    async def action_quit(self) -> None:
        self._stop.set()
        try:
            self.desk.compact_if_needed()  # at quit, where a few seconds do not interrupt
        except (OSError, TimeoutError, StateError) as exc:
            self.notify(f"The journal could not be folded into {self.desk.path} ({exc}); "
                        "nothing is lost, it is tried again next time.", severity="warning",
                        markup=False)
        self.exit()

    def on_unmount(self) -> None:
        self._stop.set()
        self.inbox.close()
        self._switch_as_before()
        self._collect_as_before()
        bulk.cool()  # a helper process started for a day the app did not get to group

    @classmethod
    def binding_scopes(cls) -> list[dict[str, str]]:
        """The desk's bindings by screen: a key may mean one thing on each."""
        return [keys.binding_scope((cls, QueueView)),
                *(keys.binding_scope((screen,)) for screen in (HelpScreen, Picker, Prompt,
                                                                DiffScreen, QuarantineScreen))]

    @classmethod
    def binding_ids(cls) -> set[str]:
        return {binding_id for scope in cls.binding_scopes() for binding_id in scope}

    def binding_rows(self) -> list[HelpRow]:
        """Every key as it is bound now (after the keymap), grouped for the help screen."""
        return keys.help_rows(self.config.keymap, self.get_key_display)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Every desk action in the command palette (ctrl+p), with its key."""
        yield from super().get_system_commands(screen)
        yield from keys.palette(self, self.queue, self.binding_rows())


def _what(keys: list[str]) -> str:
    return "the item" if len(keys) == 1 else f"{len(keys)} marked items"

