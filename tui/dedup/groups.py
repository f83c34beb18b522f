"""Incremental grouping of items into stories.

For now a story is a set of exact repeats; later relations (versions, corrections,
other agencies' copy) join stories through the same `add` call.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tui.dedup.fingerprint import fingerprint
from tui.model import Item


@dataclass(slots=True)
class Story:
    id: str
    members: list[str] = field(default_factory=list)

    @property
    def lead(self) -> str:
        return self.members[0]


class StoryIndex:
    def __init__(self) -> None:
        self._by_print: dict[str, Story] = {}
        self._story_of: dict[str, Story] = {}

    def add(self, item: Item) -> Story:
        """Place one item; costs one hash lookup, never a pass over the index."""
        existing = self._story_of.get(item.id)
        if existing is not None:
            return existing
        key = fingerprint(item)
        story = self._by_print.get(key)
        if story is None:
            # The first item's id names the story, so the id is stable across restarts.
            story = Story(id=f"story:{item.id}")
            self._by_print[key] = story
        story.members.append(item.id)
        self._story_of[item.id] = story
        return story

    def story_of(self, item_id: str) -> Story | None:
        return self._story_of.get(item_id)

    def stories(self) -> list[Story]:
        return list(self._by_print.values())

    def size_of(self, item_id: str) -> int:
        story = self._story_of.get(item_id)
        return len(story.members) if story else 1
