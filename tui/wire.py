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
        self.stories = StoryIndex()

    def add_result(self, result: FileResult) -> list[str]:
        """Take one file's items; returns the ids that were new to the wire."""
        self.quarantined.extend(result.problems)
        added = []
        for item in result.items:
            if item.id in self.items:
                continue
            self.items[item.id] = item
            self.stories.add(item)
            # Sort by negated time so the newest item is row 0; the id breaks ties.
            key = (-epoch(item.sort_time), item.id)
            position = bisect.bisect_left(self._keys, key)
            self._keys.insert(position, key)
            self.order.insert(position, item.id)
            added.append(item.id)
        return added

    def story_of(self, item_id: str) -> Story | None:
        return self.stories.story_of(item_id)

    def __len__(self) -> int:
        return len(self.order)


def load_wire(paths: Iterable[Path]) -> Wire:
    wire = Wire()
    for result in read_paths(paths):
        wire.add_result(result)
    return wire
