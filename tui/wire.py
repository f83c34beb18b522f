"""The day's wire in memory: every item read from the inbox, in queue order, with its
story and the files that could not be read."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from pathlib import Path

from tui.dedup.groups import Story, StoryIndex
from tui.ingest import FileResult, Quarantined, read_paths
from tui.ingest.dates import epoch
from tui.model import Item


class Wire:
    def __init__(self) -> None:
        self.items: dict[str, Item] = {}
        #: item ids, newest first
        self.order: list[str] = []
        self._keys: list[tuple[float, str]] = []
        self.quarantined: list[Quarantined] = []
        #: agency id -> the keys of its versions
        self.by_id: dict[str, list[str]] = {}
        self.stories = StoryIndex()

    def add_result(self, result: FileResult) -> list[str]:
        """Take one file's items; returns the ids that were new to the wire."""
        self.quarantined.extend(result.problems)
        added = []
        for item in result.items:
            if item.key in self.items:
                continue  # the same transmission again (a resend or a re-read file)
            self.items[item.key] = item
            self.by_id.setdefault(item.id, []).append(item.key)
            self.stories.add(item)
            # Sort by negated time so the newest item is row 0; the key breaks ties.
            sort_key = (-epoch(item.sort_time), item.key)
            position = bisect.bisect_left(self._keys, sort_key)
            self._keys.insert(position, sort_key)
            self.order.insert(position, item.key)
            added.append(item.key)
        return added

    def resolve(self, identifier: str) -> str | None:
        """An item key from a key or a bare agency id (its newest version)."""
        if identifier in self.items:
            return identifier
        keys = self.by_id.get(identifier)
        if not keys:
            return None
        return max(keys, key=lambda k: epoch(self.items[k].sort_time))

    def story_of(self, item_id: str) -> Story | None:
        return self.stories.story_of(item_id)

    def __len__(self) -> int:
        return len(self.order)


def load_wire(paths: Iterable[Path]) -> Wire:
    wire = Wire()
    for result in read_paths(paths):
        wire.add_result(result)
    return wire
