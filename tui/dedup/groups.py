"""The app's view of stories: a thin adapter over the detector (tui/dedup/detector.py).

`StoryIndex.add` places an item as it arrives and answers with its story; the story's
id, members and lead are read from the detector each time, so they follow merges and
the desk's overrides.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from tui.dedup.detector import Cluster, Detector
from tui.dedup.settings import Settings
from tui.dedup.stories import Overrides
from tui.model import Item


@dataclass(slots=True)
class Story:
    id: str
    #: item ids in the order they were added
    members: list[str] = field(default_factory=list)
    #: the newest item of the agency that had the story first
    lead: str = ""


class StoryIndex:
    """Stories by item key (`Item.key`)."""

    def __init__(self, settings: Settings | None = None,
                 overrides: Overrides | None = None) -> None:
        self.detector = Detector(settings, overrides)

    def add(self, item: Item) -> Story:
        """Place one item; costs its candidates, never a pass over the index. An id
        seen before is not placed again."""
        self.detector.add(item)
        story = self.story_of(item.key)
        assert story is not None  # just added
        return story

    def add_all(self, items: Iterable[Item],
                progress: Callable[[int], None] | None = None) -> None:
        """Place many items (a day's first load): two cores at work, see
        `Detector.add_all`. `progress` is told the count done every thousand items."""
        self.detector.add_all(items, progress)

    def story_of(self, item_id: str) -> Story | None:
        members = self.detector.member_ids(item_id)
        story_id = self.detector.story_id(item_id)
        if story_id is None:
            return None
        return Story(story_id, members, self.detector.lead_id(item_id))

    def stories(self) -> list[Story]:
        """Every story, single items included, oldest first."""
        return [Story(story_id, members, lead)
                for story_id, members, lead in self.detector.stories()]

    def size_of(self, item_id: str) -> int:
        return self.detector.size_of(item_id)

    def cluster_of(self, item_id: str) -> Cluster | None:
        return self.detector.cluster_of(item_id)

    def apply_overrides(self, overrides: Overrides) -> None:
        self.detector.apply_overrides(overrides)
