"""The day's wire in memory: every item read from the inbox, in queue order, with its
story and the files that could not be read."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.dedup.detector import Member
from tui.dedup.groups import Story, StoryIndex
from tui.dedup.settings import Settings
from tui.dedup.stories import Overrides
from tui.desk.state import ALONE, Decision, DeskState
from tui.ingest import FileResult, Quarantined, read_paths
from tui.ingest.dates import epoch
from tui.model import Item


@dataclass(slots=True)
class Taken:
    """What one file did to the wire."""

    #: keys new to the wire
    added: list[str] = field(default_factory=list)
    #: keys whose item the file, read again, gave with new text
    replaced: list[str] = field(default_factory=list)
    #: keys the file, read again, no longer holds (see `Wire.take`)
    removed: list[str] = field(default_factory=list)


class Wire:
    def __init__(self, settings: Settings | None = None, *, group: bool = True) -> None:
        """`group=False` keeps the items without placing them in stories (the detector
        is most of the cost of taking a day), for commands that need only the items.
        `defer_grouping()` keeps them aside until a story index built elsewhere (on
        another thread) is installed with `install_stories`."""
        self.items: dict[str, Item] = {}
        #: (negated time, key) of every item, newest first: the queue order
        self._keys: list[tuple[float, str]] = []
        #: the keys of `_keys`, made when asked for (None: `_keys` changed since)
        self._order: list[str] | None = []
        self.quarantined: list[Quarantined] = []
        #: agency id -> the keys of its versions
        self.by_id: dict[str, list[str]] = {}
        self.stories = StoryIndex(settings)
        self._group = group
        self._overrides = Overrides()
        #: items taken while grouping is deferred, in the order they came
        self.ungrouped: list[Item] | None = None
        #: file path -> the keys its items have, to replace them when it is read again
        self._file_keys: dict[str, list[str]] = {}
        #: the keys of the FLASH and BULLETIN items
        self.flashes: set[str] = set()
        self._problem_paths: set[str] = set()

    @property
    def order(self) -> list[str]:
        """Item keys, newest first."""
        if self._order is None:
            self._order = [key for _time, key in self._keys]
        return self._order

    def add_result(self, result: FileResult) -> list[str]:
        """Take one file's items; returns the ids that were new to the wire."""
        return self.take(result).added

    def take(self, result: FileResult) -> Taken:
        """Take one file's items. A file read again (appended to, rewritten, completed)
        replaces what it gave before: its quarantine reasons go, an item of the same
        key shows its new text, and an item whose id was made from its text (the file
        held no agency id) and that the file no longer holds leaves the wire, as the
        file's earlier text. Items with an agency id stay when a feed file drops them.
        The stories keep the place the item's first text gave it."""
        taken = Taken()
        if result.path and not result.continues and (
                result.path in self._file_keys or result.path in self._problem_paths):
            self._forget_file(result, taken)
        self.quarantined.extend(result.problems)
        self._problem_paths.update(p.path for p in result.problems)
        added = taken.added
        fresh: list[tuple[float, str]] = []
        for item in result.items:
            old = self.items.get(item.key)
            if old is not None:
                if old.path == item.path and old != item:
                    self._replace(old, item)
                    taken.replaced.append(item.key)
                continue  # the same transmission again (a resend or a re-read file)
            self.items[item.key] = item
            self.by_id.setdefault(item.id, []).append(item.key)
            if item.is_flash:
                self.flashes.add(item.key)
            if item.path:
                self._file_keys.setdefault(item.path, []).append(item.key)
            if self.ungrouped is not None:
                self.ungrouped.append(item)
            elif self._group:
                self.stories.add(item)
            # Sort by negated time so the newest item is row 0; the key breaks ties.
            fresh.append((-epoch(item.sort_time), item.key))
            added.append(item.key)
        if len(fresh) > 64:
            # a big batch (the day's first load) is sorted in once, not inserted item by
            # item: each insert moves the rows below it
            self._keys.extend(fresh)
            self._keys.sort()
            # listed when next asked for: while a day is read, a slice at a time, the
            # queue asks once a second, and a list of 100,000 keys made for each slice
            # held the screen's thread
            self._order = None
        else:
            for sort_key in fresh:
                self._list(sort_key)
        return taken

    def _forget_file(self, result: FileResult, taken: Taken) -> None:
        path = result.path
        self.quarantined = [q for q in self.quarantined if q.path != path]
        self._problem_paths.discard(path)
        still = {item.key for item in result.items}
        keys = self._file_keys.get(path, [])
        for key in [k for k in keys if k not in still and self.items[k].id.startswith("sha:")]:
            self._remove(key)
            taken.removed.append(key)

    def _replace(self, old: Item, new: Item) -> None:
        moved = old.sort_time != new.sort_time
        if moved:
            self._unlist(old.key)
        self.items[new.key] = new
        if moved:
            self._list(self.order_position(new.key))
        if new.is_flash:
            self.flashes.add(new.key)
        else:
            self.flashes.discard(new.key)
        if self.ungrouped is not None:
            self.ungrouped = [new if i.key == new.key else i for i in self.ungrouped]

    def _remove(self, key: str) -> None:
        item = self.items[key]
        self._unlist(key)
        del self.items[key]
        self.flashes.discard(key)
        self.by_id[item.id].remove(key)
        if not self.by_id[item.id]:
            del self.by_id[item.id]
        self._file_keys[item.path].remove(key)
        if self.ungrouped is not None:
            self.ungrouped = [i for i in self.ungrouped if i.key != key]

    def _list(self, sort_key: tuple[float, str]) -> None:
        """One item into the queue order, where its sort key puts it."""
        position = bisect.bisect_left(self._keys, sort_key)
        self._keys.insert(position, sort_key)
        if self._order is not None:
            self._order.insert(position, sort_key[1])

    def _unlist(self, key: str) -> None:
        position = bisect.bisect_left(self._keys, self.order_position(key))
        if position < len(self._keys) and self._keys[position][1] == key:
            del self._keys[position]
            if self._order is not None:
                del self._order[position]

    def defer_grouping(self) -> None:
        """From now on items are kept aside, not placed in stories, until
        `install_stories`: a day's first load shows its items before its stories."""
        if self.ungrouped is None:
            self.ungrouped = []

    def take_ungrouped(self) -> tuple[list[Item], Overrides]:
        """The items kept aside so far (they leave the list) and the editor's overrides,
        to build a story index from with `group_items`, on any thread."""
        items, self.ungrouped = self.ungrouped or [], []
        return items, self._overrides

    def install_stories(self, stories: StoryIndex) -> None:
        """Use a story index built by `group_items`; the items that came since it was
        started are placed now, and the desk's overrides of now apply."""
        late, self.ungrouped = self.ungrouped or [], None
        self.stories = stories
        for item in late:
            stories.add(item)
        stories.apply_overrides(self._overrides)

    @property
    def grouping(self) -> bool:
        """True while stories are being built elsewhere and not yet installed."""
        return self.ungrouped is not None

    def resolve(self, identifier: str) -> str | None:
        """An item key from a key or a bare agency id (its newest version)."""
        if identifier in self.items:
            return identifier
        keys = self.by_id.get(identifier)
        if not keys:
            return None
        return max(keys, key=lambda k: epoch(self.items[k].sort_time))

    def order_position(self, key: str) -> tuple[float, str]:
        """A sort key that puts the newest item first, as the queue does."""
        return (-epoch(self.items[key].sort_time), key)

    def apply_desk(self, state: DeskState) -> None:
        """The editor's merges, splits and "not the same story" pairs override the
        detector; re-placing the stories costs a pass over links, so only on a change."""
        overrides = Overrides()
        for key, decision in state.decisions.items():
            if decision.story == ALONE:
                overrides.split.add(key)
            elif decision.story:
                overrides.merged.add((key, decision.story))
            for other in decision.not_same:
                overrides.not_same.add(frozenset((key, other)))
        if overrides != self._overrides:
            self._overrides = overrides
            self.stories.apply_overrides(overrides)

    def story_id_for(self, key: str, decision: Decision) -> str:
        """The story the editor put the item in, else the detector's, else its own."""
        if decision.story and decision.story != ALONE:
            return decision.story
        story = self.story_of(key)
        return story.id if story is not None else f"story:{key}"

    def suggested_duplicate(self, key: str) -> str | None:
        """The item the detector found most like this one but did not put in its story."""
        story = self.story_of(key)
        members = set(story.members) if story is not None else {key}
        for link in self.stories.detector.links_of(key):
            other = link.other if link.item == key else link.item
            if other not in members and other in self.items:
                return other
        return None

    def previous_version(self, key: str) -> str | None:
        """The item this one follows in its story: the latest earlier item of its
        lineage (its agency's repeats, versions, corrections), else of its agency,
        else the story's latest earlier item."""
        story = self.story_of(key)
        if story is None:
            return None
        mine = self.items[key]
        earlier = [m for m in story.members if m != key and m in self.items
                   and self.order_position(m) > self.order_position(key)]
        placed = self.lineages(key)
        mine_lineage = placed[key].lineage if key in placed else None
        same_lineage = [m for m in earlier
                        if m in placed and placed[m].lineage == mine_lineage]
        same_source = [m for m in earlier if self.items[m].source == mine.source]
        pool = same_lineage or same_source or earlier
        return min(pool, key=self.order_position) if pool else None

    def lineages(self, key: str) -> dict[str, Member]:
        """Each member of the item's story -> its place there: its lineage (`lineage`,
        the lineage's first item) and why that lineage is in the story (`joined`)."""
        cluster = self.stories.cluster_of(key)
        return {} if cluster is None else {m.id: m for m in cluster.members}

    def story_of(self, item_id: str) -> Story | None:
        return self.stories.story_of(item_id)

    def __len__(self) -> int:
        return len(self._keys)


def group_items(items: Iterable[Item], settings: Settings | None, overrides: Overrides,
                progress: Callable[[int], None] | None = None) -> StoryIndex:
    """A story index over `items`, built apart from any Wire (so on another thread than
    the one that reads the wire), for `Wire.install_stories`."""
    stories = StoryIndex(settings, overrides)
    # In bulk: the items' analyses are made in a second process while this thread adds.
    stories.add_all(items, progress)
    return stories


def load_wire(paths: Iterable[Path]) -> Wire:
    wire = Wire()
    for result in read_paths(paths):
        wire.add_result(result)
    return wire
