"""What the queue shows, in order: the rows of the flat or the stories view, after the
editor's filter or search. Pure data, so the rules are tested without a terminal.

Flat: every item, newest first, with unseen FLASH and BULLETIN items pinned on top.
Stories: one row per story (its lead, newest story first); an opened story lists its
other members under it.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from enum import Enum

from tui.dedup.groups import Story
from tui.desk.desk import Desk
from tui.wire import Wire


class Mode(Enum):
    FLAT = "flat"
    STORIES = "stories"


@dataclass
class Listing:
    keys: list[str] = field(default_factory=list)
    #: 0 for an item or a story's lead, 1 for a member listed under an opened story
    depth: list[int] = field(default_factory=list)
    row_of: dict[str, int] = field(default_factory=dict)

    def add(self, key: str, depth: int = 0) -> None:
        self.row_of.setdefault(key, len(self.keys))
        self.keys.append(key)
        self.depth.append(depth)

    def __len__(self) -> int:
        return len(self.keys)


def is_pinned(wire: Wire, desk: Desk, key: str) -> bool:
    return wire.items[key].is_flash and desk.decision(key).status == "new"


def build(wire: Wire, desk: Desk, mode: Mode, *, only: Collection[str] | None = None,
          ranked: list[str] | None = None, opened: Collection[str] = ()) -> Listing:
    """`only`: the keys a filter kept; `ranked`: search results in their own order."""
    listing = Listing()
    if ranked is not None:
        for key in ranked:
            listing.add(key)
        return listing
    keys = wire.order if only is None else [k for k in wire.order if k in only]
    if mode is Mode.FLAT:
        pinned = [k for k in keys if is_pinned(wire, desk, k)]
        pinned_set = set(pinned)
        for key in pinned:
            listing.add(key)
        for key in keys:
            if key not in pinned_set:
                listing.add(key)
        return listing
    # Every story read once (asking the detector key by key cost seconds at 100k).
    story_of: dict[str, Story] = {}
    for story in wire.stories.stories():
        for member in story.members:
            story_of[member] = story
    seen: set[str] = set()
    for key in keys:
        found = story_of.get(key)
        story_id = found.id if found is not None else key
        if story_id in seen:
            continue
        seen.add(story_id)
        members = [m for m in (found.members if found else [key]) if m in wire.items]
        lead = lead_of(wire, desk, story_id, members, found.lead if found else "")
        listing.add(lead)
        if story_id in opened:
            for member in sorted(members, key=wire.order_position):
                if member != lead:
                    listing.add(member, 1)
    return listing


def lead_of(wire: Wire, desk: Desk, story_id: str, members: list[str],
            detector_lead: str = "") -> str:
    """The editor's choice, else the detector's lead, else the newest member."""
    chosen = desk.state.leads.get(story_id)
    if chosen in members:
        return chosen
    if detector_lead in members:
        return detector_lead
    return min(members, key=wire.order_position)
