"""What the queue shows, in order: the rows of the flat or the stories view, after the
editor's filter, in the sort chosen with `o`; and where the search's hits and the next
unread are among them. Pure data, so the rules are tested without a terminal.

Flat: every item, newest first, with unseen FLASH and BULLETIN items pinned on top.
Stories: one row per story (its lead, newest story first); an opened story lists its
other members under it.

A `ListingCache` keeps what does not change with the view: the FLASH items seen so far,
and the stories view's rows until the wire's stories or the editor's leads change. With
it, switching views or filtering costs list copies, not a Python step per item.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from tui.desk.desk import Desk
from tui.wire import Wire


class Mode(Enum):
    FLAT = "flat"
    STORIES = "stories"


class Sort(Enum):
    """The queue's order, cycled with `o`; the value is what the header says."""

    NEWEST = "newest first"
    OLDEST = "oldest first"
    URGENCY = "urgency"
    SOURCE = "source"
    SIZE = "story size"

    def next(self) -> Sort:
        cycle = list(Sort)
        return cycle[(cycle.index(self) + 1) % len(cycle)]


#: urgency of copy that gives none: after every urgency given (1-9)
_NO_URGENCY = 99


@dataclass
class Listing:
    keys: list[str] = field(default_factory=list)
    #: 0 for an item or a story's lead, 1 for a member listed under an opened story
    depth: list[int] = field(default_factory=list)

    @cached_property
    def row_of(self) -> dict[str, int]:
        """Each key's row (its first, should a key be listed twice)."""
        rows = len(self.keys)
        return dict(zip(reversed(self.keys), range(rows - 1, -1, -1), strict=True))

    def row(self, key: str) -> int | None:
        """`row_of[key]` without building the whole index for one look-up."""
        if "row_of" in self.__dict__:
            return self.row_of.get(key)
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def __len__(self) -> int:
        return len(self.keys)


def is_pinned(wire: Wire, desk: Desk, key: str) -> bool:
    return wire.items[key].is_flash and desk.decision(key).unread


@dataclass
class _StoryRows:
    """The stories view before any filter: per row a story, newest story first."""

    leads: list[str] = field(default_factory=list)
    #: each story's members in the wire, newest first
    members: list[tuple[str, ...]] = field(default_factory=list)
    #: the row of each story of more than one item, by its id
    row_of_story: dict[str, int] = field(default_factory=dict)

    @cached_property
    def row_of_key(self) -> dict[str, int]:
        return {key: row for row, keys in enumerate(self.members) for key in keys}


class ListingCache:
    """What `build` may keep between calls, for one wire and one desk."""

    def __init__(self) -> None:
        self._flash: list[str] = []
        self._scanned = 0
        self._stories: _StoryRows | None = None
        self._stories_of: tuple[object, ...] = (None, None)

    def flash_keys(self, wire: Wire) -> list[str]:
        # Items are only ever added, and `wire.items` keeps the order they came in: only
        # the new ones are looked at.
        fresh = itertools.islice(wire.items.values(), self._scanned, None)
        self._flash += [item.key for item in fresh if item.is_flash]
        self._scanned = len(wire.items)
        return self._flash

    def story_rows(self, wire: Wire, desk: Desk) -> _StoryRows:
        stories = wire.stories
        # Held, not just compared: the objects stay alive, so `is` cannot be fooled by a
        # new object at an old one's address.
        state = (stories, stories.detector.overrides, len(stories.detector),
                 len(wire.order), tuple(sorted(desk.state.leads.items())))
        held = self._stories_of
        if (self._stories is None or held[0] is not state[0] or held[1] is not state[1]
                or held[2:] != state[2:]):
            self._stories = _story_rows(wire, desk)
            self._stories_of = state
        return self._stories


def build(wire: Wire, desk: Desk, mode: Mode, *, only: Collection[str] | None = None,
          opened: Collection[str] = (), cache: ListingCache | None = None,
          sort: Sort = Sort.NEWEST) -> Listing:
    """`only`: the keys a filter kept; `cache`: kept by the caller between builds over
    the same wire and desk. Every sort keeps the newest first among equals."""
    cache = cache or ListingCache()
    if mode is Mode.FLAT:
        return _flat(wire, desk, only, cache, sort)
    rows = cache.story_rows(wire, desk)
    wanted: Collection[int]
    if only is None:
        wanted = range(len(rows.leads))
    else:
        row_of_key = rows.row_of_key
        wanted = dict.fromkeys(row_of_key[key] for key in wire.order if key in only)
    if sort is not Sort.NEWEST:
        wanted = _sorted_rows(wire, rows, list(wanted), sort)
    return _stories(rows, wanted, opened)


def _sorted_keys(wire: Wire, keys: list[str], sort: Sort) -> list[str]:
    """`keys`, newest first, in the order `sort` asks for."""
    items = wire.items
    if sort is Sort.OLDEST:
        return keys[::-1]
    if sort is Sort.URGENCY:
        return sorted(keys, key=lambda k: items[k].urgency or _NO_URGENCY)
    if sort is Sort.SOURCE:
        return sorted(keys, key=lambda k: items[k].source.casefold())
    if sort is Sort.SIZE:
        size_of = wire.stories.size_of
        return sorted(keys, key=lambda k: -size_of(k))
    return keys


def _sorted_rows(wire: Wire, rows: _StoryRows, wanted: list[int], sort: Sort) -> list[int]:
    """The stories view's rows in `sort`'s order: a story is as urgent as its most
    urgent member, and as big as all its members."""
    items, members = wire.items, rows.members
    if sort is Sort.OLDEST:
        return wanted[::-1]
    if sort is Sort.URGENCY:
        return sorted(wanted, key=lambda r: min(items[k].urgency or _NO_URGENCY
                                                for k in members[r]))
    if sort is Sort.SOURCE:
        return sorted(wanted, key=lambda r: items[rows.leads[r]].source.casefold())
    if sort is Sort.SIZE:
        return sorted(wanted, key=lambda r: -len(members[r]))
    return wanted


def hit_rows(listing: Listing, hits: Collection[str], wire: Wire, desk: Desk, mode: Mode,
             cache: ListingCache) -> list[int]:
    """The rows, top to bottom, that hold a search hit: in the stories view a closed
    story's row holds its members' hits."""
    row_of = listing.row_of
    rows = {row for key in hits if (row := row_of.get(key)) is not None}
    if mode is Mode.STORIES:
        stories = cache.story_rows(wire, desk)
        of_key, leads = stories.row_of_key, stories.leads
        rows.update(row for key in hits if key not in row_of and key in of_key
                    and (row := row_of.get(leads[of_key[key]])) is not None)
    return sorted(rows)


def step(rows: list[int], cursor: int, direction: int) -> tuple[int, bool] | None:
    """The next of `rows` (sorted) after the cursor, or before it when `direction` is
    negative, going round the end as a reader's `n` does: (row, went round)."""
    if not rows:
        return None
    if direction > 0:
        at = bisect.bisect_right(rows, cursor)
        return (rows[at], False) if at < len(rows) else (rows[0], True)
    at = bisect.bisect_left(rows, cursor) - 1
    return (rows[at], False) if at >= 0 else (rows[-1], True)


def seek(keys: list[str], cursor: int, direction: int,
         wanted: Callable[[str], bool]) -> tuple[int, bool] | None:
    """The first row after the cursor (before it, when `direction` is negative) whose
    key is `wanted`, going round the end: (row, went round). Asked per key, from the
    cursor on: a jump to the next unread usually stops within a screen."""
    rows = len(keys)
    if direction > 0:
        order = itertools.chain(range(cursor + 1, rows), range(0, min(cursor + 1, rows)))
    else:
        order = itertools.chain(range(cursor - 1, -1, -1), range(rows - 1, cursor - 1, -1))
    for row in order:
        if wanted(keys[row]):
            return row, (row <= cursor) if direction > 0 else (row >= cursor)
    return None


def _flat(wire: Wire, desk: Desk, only: Collection[str] | None,
          cache: ListingCache, sort: Sort) -> Listing:
    pinned = [key for key in cache.flash_keys(wire)
              if desk.decision(key).unread and (only is None or key in only)]
    pinned.sort(key=wire.order_position)
    keys = list(wire.order) if only is None else [key for key in wire.order if key in only]
    if pinned:
        up = set(pinned)
        keys = [key for key in keys if key not in up]
    keys = pinned + _sorted_keys(wire, keys, sort)
    return Listing(keys, [0] * len(keys))


def _stories(rows: _StoryRows, wanted: Collection[int], opened: Collection[str]) -> Listing:
    """The lead of each wanted row, in the rows' order, and the other members of the
    opened stories under theirs."""
    shown = [rows.leads[row] for row in wanted]
    depth = [0] * len(shown)
    opened_rows = [rows.row_of_story[story] for story in opened
                   if story in rows.row_of_story]
    if not opened_rows:
        return Listing(shown, depth)
    at = {row: n for n, row in enumerate(wanted)}
    keys: list[str] = []
    depths: list[int] = []
    start = 0
    # in the order shown, which under a filter is not the rows' order: a story is
    # shown where the first item the filter kept is, not always its newest
    for n, row in sorted((at[row], row) for row in opened_rows if row in at):
        keys += shown[start:n + 1]
        depths += depth[start:n + 1]
        under = [m for m in rows.members[row] if m != rows.leads[row]]
        keys += under
        depths += [1] * len(under)
        start = n + 1
    keys += shown[start:]
    depths += depth[start:]
    return Listing(keys, depths)


def _story_rows(wire: Wire, desk: Desk) -> _StoryRows:
    """The wire read newest first: a story's row is where its newest item is. Only a
    story of more than one item is read whole (most stories are one item, and reading
    every story from the detector cost most of a second at 100k)."""
    stories, chosen, items = wire.stories, desk.state.leads, wire.items
    size_of, story_id = stories.size_of, stories.detector.story_id
    rows = _StoryRows()
    leads, members = rows.leads, rows.members
    for key in wire.order:
        if size_of(key) == 1:
            leads.append(key)  # a story of one, or one not built yet: nothing to choose
            members.append((key,))
            continue
        if story_id(key) in rows.row_of_story:
            continue  # listed at its newest member (asked first: a story's lead costs)
        story = stories.story_of(key)
        if story is None:
            continue
        present = sorted((m for m in story.members if m in items), key=wire.order_position)
        lead = chosen.get(story.id, "")
        if lead not in present or "kill" in items[lead].signal:  # never a kill notice
            lead = story.lead if story.lead in present else present[0]
        rows.row_of_story[story.id] = len(leads)
        leads.append(lead)
        members.append(tuple(present))
    return rows
