"""The queue's rows (tui/listing.py) against the rule written out plainly, item by item,
and the cache that keeps the stories view between builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.bench_ui_day import write_day
from tui.desk.desk import Desk
from tui.ingest import read_paths
from tui.listing import Listing, ListingCache, Mode, build, hit_rows, is_pinned, seek, step
from tui.wire import Wire, group_items


def _plain(wire: Wire, desk: Desk, mode: Mode, only: set[str] | None,
           opened: set[str]) -> list[tuple[str, int]]:
    """The rule, one item at a time."""
    keys = [k for k in wire.order if only is None or k in only]
    if mode is Mode.FLAT:
        pinned = [k for k in keys if is_pinned(wire, desk, k)]
        return [(k, 0) for k in pinned + [k for k in keys if k not in pinned]]
    rows: list[tuple[str, int]] = []
    seen: set[str] = set()
    for key in keys:
        story = wire.story_of(key)
        story_id = story.id if story is not None else key
        if story_id in seen:
            continue
        seen.add(story_id)
        members = [m for m in (story.members if story else [key]) if m in wire.items]
        lead = desk.state.leads.get(story_id)
        if lead not in members:
            lead = story.lead if story and story.lead in members else min(
                members, key=wire.order_position)
        rows.append((lead, 0))
        if story_id in opened:
            rows += [(m, 1) for m in sorted(members, key=wire.order_position) if m != lead]
    return rows


@pytest.fixture
def day(tmp_path: Path) -> Wire:
    folder = tmp_path / "day"
    write_day(folder, 2_000)
    wire = Wire()
    for result in read_paths(sorted(folder.iterdir())):
        wire.add_result(result)
    return wire


def _rows(listing: Listing) -> list[tuple[str, int]]:
    return list(zip(listing.keys, listing.depth, strict=True))


def test_every_view_lists_what_the_rule_says(day: Wire, tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.toml", editor="t")
    big = [s for s in day.stories.stories() if len(s.members) > 2]
    assert len(big) >= 3
    opened = {big[0].id, big[2].id}
    desk.set_lead(big[0].id, big[0].members[-1])
    only = {k for n, k in enumerate(day.order) if n % 3 == 0} | set(big[2].members[:1])
    cache = ListingCache()
    for mode in (Mode.FLAT, Mode.STORIES):
        for keep in (None, only):
            for shown in (set(), opened):
                got = build(day, desk, mode, only=keep, opened=shown, cache=cache)
                assert _rows(got) == _plain(day, desk, mode, keep, shown), (mode, keep, shown)
                assert all(got.row(k) == got.row_of[k] for k in got.keys[:50])


def test_search_hits_are_rows_and_a_closed_storys_row_holds_its_members(
        day: Wire, tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.toml", editor="t")
    cache = ListingCache()
    story = next(s for s in day.stories.stories() if len(s.members) > 2)
    listing = build(day, desk, Mode.STORIES, cache=cache)
    lead_row = next(row for row, key in enumerate(listing.keys) if key in story.members)
    hidden = [m for m in story.members if listing.row(m) is None]
    assert hidden
    last = listing.keys[-1]
    assert hit_rows(listing, {hidden[0], last}, day, desk, Mode.STORIES, cache) == [
        lead_row, len(listing) - 1]
    flat = build(day, desk, Mode.FLAT, cache=cache)
    assert hit_rows(flat, {hidden[0]}, day, desk, Mode.FLAT, cache) == [flat.row_of[hidden[0]]]


def test_step_goes_to_the_next_row_and_round_the_end() -> None:
    rows = [2, 5, 9]
    assert step(rows, 0, 1) == (2, False)
    assert step(rows, 2, 1) == (5, False)
    assert step(rows, 9, 1) == (2, True)
    assert step(rows, 5, -1) == (2, False)
    assert step(rows, 2, -1) == (9, True)
    assert step(rows, 7, -1) == (5, False)
    assert step([], 3, 1) is None


def test_the_stories_view_follows_merges_and_leads(day: Wire,
                                                             tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.toml", editor="t")
    cache = ListingCache()
    first = build(day, desk, Mode.STORIES, cache=cache)
    a, b = first.keys[0], first.keys[1]
    desk.merge(day.story_id_for(a, desk.decision(a)), [a, b])
    day.apply_desk(desk.state)
    merged = build(day, desk, Mode.STORIES, cache=cache)
    assert _rows(merged) == _plain(day, desk, Mode.STORIES, None, set())
    assert merged.keys != first.keys
    assert (a in merged.keys) != (b in merged.keys)  # one story, one row
    story = day.story_id_for(a, desk.decision(a))
    desk.set_lead(story, b)
    led = build(day, desk, Mode.STORIES, cache=cache)
    assert b in led.keys and a not in led.keys
    assert _rows(led) == _plain(day, desk, Mode.STORIES, None, set())


def test_items_not_yet_in_a_story_are_stories_of_one(tmp_path: Path) -> None:
    folder = tmp_path / "day"
    write_day(folder, 200)
    wire = Wire()
    wire.defer_grouping()
    for result in read_paths(sorted(folder.iterdir())):
        wire.add_result(result)
    desk = Desk(tmp_path / "desk.toml", editor="t")
    cache = ListingCache()
    assert build(wire, desk, Mode.STORIES, cache=cache).keys == wire.order
    flat = build(wire, desk, Mode.FLAT, cache=cache)
    flashes = [k for k in wire.order if wire.items[k].is_flash]
    assert flashes and flat.keys[:len(flashes)] == flashes
    items, overrides = wire.take_ungrouped()
    wire.install_stories(group_items(items, None, overrides))
    grouped = build(wire, desk, Mode.STORIES, cache=cache)
    assert len(grouped) < len(wire.order)
    assert _rows(grouped) == _plain(wire, desk, Mode.STORIES, None, set())


def test_seek_finds_the_next_wanted_row_and_goes_round() -> None:
    keys = ["a", "B", "c", "D", "e"]
    upper = str.isupper
    assert seek(keys, 0, 1, upper) == (1, False)
    assert seek(keys, 1, 1, upper) == (3, False)
    assert seek(keys, 3, 1, upper) == (1, True)
    assert seek(keys, 3, -1, upper) == (1, False)
    assert seek(keys, 1, -1, upper) == (3, True)
    assert seek(keys, 1, 1, lambda k: k == "B") == (1, True)  # only itself: round to it
    assert seek(keys, 2, 1, lambda k: False) is None
