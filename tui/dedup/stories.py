"""Stories from links: which item goes with which, and the desk's overrides on top.

Placement, for each item in the order it was added:

* an item the desk split out stays alone, and no link pulls anything to it;
* an item the desk merged into a story goes there (as soon as that story exists);
* otherwise it joins the story of its first target that the desk has not ruled out
  ("not the same story", or a target split out), or starts a story of its own.

An item's targets are the detector's choice of one story (its lineage, or the
event layer's story: tui/dedup/events.py), so a link never joins two stories and a
story never grows into the union of loosely related ones. The detector never splits
a story, so a manual merge is never undone; a change of overrides replays the
placement over the stored targets (no text is compared again).

Story ids: a story is named after the first item placed in it (`story:<item id>`).
The same items in the same order give the same ids, across restarts and replays.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

STORY_PREFIX = "story:"


@dataclass(slots=True)
class Overrides:
    """The desk's decisions about stories. Item and story ids are the detector's own."""

    #: (item id, story id): this item belongs to that story
    merged: set[tuple[str, str]] = field(default_factory=set)
    #: items taken out of their story: each stays alone unless merged somewhere
    split: set[str] = field(default_factory=set)
    #: pairs of items that are not the same story, whatever the text says
    not_same: set[frozenset[str]] = field(default_factory=set)


class _Story:
    __slots__ = ("id", "members")

    def __init__(self, story_id: str) -> None:
        self.id = story_id
        self.members: list[int] = []


class Placement:
    """Stories over item numbers (the order of `add`); ids come from `ids`."""

    def __init__(self, ids: Sequence[str]) -> None:
        self._ids = ids
        self._story: list[_Story] = []
        self._by_name: dict[str, _Story] = {}
        self._index: dict[str, int] = {}
        self.set_overrides(Overrides())

    def set_overrides(self, overrides: Overrides) -> None:
        self.overrides = overrides
        self._merge_to = {item: story for item, story in sorted(overrides.merged)}
        self._partners: dict[str, set[str]] = {}
        for pair in overrides.not_same:
            if len(pair) == 2:
                a, b = sorted(pair)
                self._partners.setdefault(a, set()).add(b)
                self._partners.setdefault(b, set()).add(a)
        # Items waiting for the story they were merged into to appear, by its anchor.
        self._waiting: dict[str, list[int]] = {}

    # ---- queries -------------------------------------------------------------------

    def story_of(self, n: int) -> _Story:
        return self._story[n]

    def named(self, story_id: str) -> _Story | None:
        found = self._by_name.get(story_id)
        if found is not None:
            return found
        # A story id names its first item, which may since have joined an older story.
        n = self._index.get(story_id.removeprefix(STORY_PREFIX))
        # the anchor may be the item being placed right now: its story does not exist yet
        return self._story[n] if n is not None and n < len(self._story) else None

    def stories(self) -> Iterable[_Story]:
        return self._by_name.values()

    # ---- placing -------------------------------------------------------------------

    def place(self, n: int, targets: Sequence[int]) -> None:
        """Item `n` (the next one) with the earlier items whose story it joins, in the
        order to try them."""
        item = self._ids[n]
        self._index[item] = n
        target: _Story | None = None
        ov = self.overrides
        if item not in ov.split:
            wanted = self._merge_to.get(item)
            if wanted is not None:
                target = self.named(wanted)
                if target is None:
                    self._waiting.setdefault(wanted.removeprefix(STORY_PREFIX), []).append(n)
            else:
                for other in targets:
                    if self._ids[other] in ov.split:
                        continue
                    story = self._story[other]
                    if self._allowed([n], story):
                        target = story
                        break
        if target is None:
            self._new(n)
        else:
            self._join(n, target)
        for late in self._waiting.pop(item, ()):
            self._move(late, self._story[n])

    def replay(self, targets: Sequence[Sequence[int]]) -> None:
        """Place every item again from its stored targets (after the overrides changed)."""
        self._story = []
        self._by_name = {}
        self._index = {}
        self._waiting = {}
        for n, own in enumerate(targets):
            self.place(n, own)

    def _new(self, n: int) -> None:
        story = _Story(STORY_PREFIX + self._ids[n])
        story.members.append(n)
        self._by_name[story.id] = story
        if n == len(self._story):
            self._story.append(story)
        else:
            self._story[n] = story

    def _join(self, n: int, story: _Story) -> None:
        story.members.append(n)
        if n == len(self._story):
            self._story.append(story)
        else:
            self._story[n] = story

    def _move(self, n: int, target: _Story) -> None:
        """Take one item out of its story into another (a manual merge)."""
        old = self._story[n]
        if old is target:
            return
        old.members.remove(n)
        if not old.members:
            del self._by_name[old.id]
        target.members.append(n)
        target.members.sort()
        self._story[n] = target

    def _allowed(self, items: Iterable[int], story: _Story) -> bool:
        """No "not the same story" pair between these items and that story."""
        if not self._partners:
            return True
        for m in items:
            for partner in self._partners.get(self._ids[m], ()):
                p = self._index.get(partner)
                if p is not None and p < len(self._story) and self._story[p] is story:
                    return False
        return True
