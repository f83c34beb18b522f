"""The keys of keyboard readers (newsboat, neomutt, lazygit) on the desk (issue 14,
points 10-14): search hits with n/N, next unread and next flash, sort, yank, theme."""

from __future__ import annotations

from pathlib import Path

from pilot_steps import started as _start
from wiredesk_testdata import record_notifications

from tui.app.app import WiredeskApp
from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk


def _hit_rows(app: WiredeskApp, queue: QueueView, text: str) -> list[int]:
    hits = set(app.search_index.search(text, app.wire.order))
    return sorted(row for row, key in enumerate(queue.listing.keys) if key in hits)


async def test_search_goes_to_the_first_hit_after_the_cursor_and_n_steps(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        everything = len(queue.listing)
        rows = _hit_rows(app, queue, "brexit")
        assert len(rows) >= 3
        start = rows[0]  # on a hit: the search goes on from the next one
        queue.move_to(start)
        await pilot.pause()
        await pilot.press("slash", *"brexit", "enter")
        await pilot.pause()
        assert len(queue.listing) == everything  # the queue stays whole
        assert queue.cursor == rows[1]
        assert f"hit 2 of {len(rows)}" in app.status
        await pilot.press("n")
        await pilot.pause()
        assert queue.cursor == rows[2]
        assert f"hit 3 of {len(rows)}" in app.status
        await pilot.press("N", "N")
        await pilot.pause()
        assert queue.cursor == rows[0]
        notices = record_notifications(app)
        await pilot.press("N")  # past the first: round to the last
        await pilot.pause()
        assert queue.cursor == rows[-1]
        assert any("bottom" in n for n in notices)
        await pilot.press("escape")
        await pilot.pause()
        assert "hit" not in app.status
        await pilot.press("n")
        await pilot.pause()
        assert notices[-1] == "No search: press / to search"


async def test_a_search_with_no_hits_says_so_and_leaves_the_cursor(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        queue.move_to(3)
        await pilot.pause()
        notices = record_notifications(app)
        await pilot.press("slash", *"zzqxj", "enter")
        await pilot.pause()
        assert queue.cursor == 3
        assert "no hits" in app.status
        assert notices[-1] == "No item has 'zzqxj'"


async def test_the_note_key_is_e(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        key = queue.current_id
        assert key is not None
        await pilot.press("e", *"check the figures", "enter")
        await pilot.pause()
        assert app.desk.decision(key).note == "check the figures"


async def test_J_and_K_go_to_the_next_and_previous_unread_and_F_to_the_next_flash(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        keys = queue.listing.keys
        flashes = [row for row, key in enumerate(keys) if app.wire.items[key].is_flash]
        app.desk.set_read(keys[1:6], True)
        app.desk.set_read(keys[7:9], True)
        queue.move_to(0)
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause()
        assert queue.cursor == 6
        await pilot.press("J")
        await pilot.pause()
        assert queue.cursor == 9
        await pilot.press("K", "K")
        await pilot.pause()
        assert queue.cursor == 0
        queue.move_to(flashes[0])
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert queue.cursor == flashes[1]
        notices = record_notifications(app)
        queue.move_to(flashes[-1])
        await pilot.pause()
        await pilot.press("F")
        await pilot.pause()
        assert queue.cursor == flashes[0]
        assert any("top" in n for n in notices)
        app.desk.set_read(keys, True)
        await pilot.press("J")
        await pilot.pause()
        assert notices[-1] == "Nothing unread in this view"


async def test_in_the_stories_view_J_stops_at_a_story_with_an_unread_member(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await pilot.press("v")
        await pilot.pause()
        keys = queue.listing.keys
        big = next(row for row, key in enumerate(keys) if row > 0
                   and app.wire.stories.size_of(key) > 1)
        lead = keys[big]
        members = app.wire.stories.detector.member_ids(lead)
        app.desk.set_read(keys, True)  # every lead read: the story's other members not
        assert any(app.desk.decision(m).unread for m in members)
        queue.move_to(0)
        await pilot.pause()
        await pilot.press("J")
        await pilot.pause()
        assert queue.cursor == big


def _unpinned(app: WiredeskApp, queue: QueueView) -> list[str]:
    keys = queue.listing.keys
    pinned = sum(1 for k in keys if app.wire.items[k].is_flash
                 and app.desk.decision(k).unread)
    return keys[pinned:]


async def test_o_cycles_the_sort_and_the_header_and_column_heads_say_it(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        items, size_of = app.wire.items, app.wire.stories.size_of
        heads = app.query_one("#queue-heads")
        assert "newest first" in app.sub_title
        text = str(heads.render())
        for name in ("Time", "Source", "Headline"):
            assert name in text
        newest = _unpinned(app, queue)
        times = [items[k].sort_time for k in newest]
        assert times == sorted(times, reverse=True)

        await pilot.press("o")
        await pilot.pause()
        assert "oldest first" in app.sub_title
        times = [items[k].sort_time for k in _unpinned(app, queue)]
        assert times == sorted(times)

        await pilot.press("o")
        await pilot.pause()
        assert "urgency" in app.sub_title
        urgencies = [items[k].urgency or 99 for k in _unpinned(app, queue)]
        assert urgencies == sorted(urgencies)

        await pilot.press("o")
        await pilot.pause()
        assert "source" in app.sub_title
        sources = [items[k].source.casefold() for k in _unpinned(app, queue)]
        assert sources == sorted(sources)
        assert "▲" in str(heads.render()) or "▼" in str(heads.render())

        await pilot.press("o")
        await pilot.pause()
        assert "story size" in app.sub_title
        sizes = [size_of(k) for k in _unpinned(app, queue)]
        assert sizes == sorted(sizes, reverse=True)

        await pilot.press("v")  # the stories view follows the same sort
        await pilot.pause()
        sizes = [size_of(k) for k in queue.listing.keys]
        assert sizes == sorted(sizes, reverse=True)

        await pilot.press("o")
        await pilot.pause()
        assert "newest first" in app.sub_title


async def test_y_yanks_the_headline_and_id_and_Y_the_body(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        key = queue.current_id
        assert key is not None
        item = app.wire.items[key]
        notices = record_notifications(app)
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == f"{item.headline}\n{key}"
        assert notices[-1].startswith("Copied the headline and id")
        await pilot.press("Y")
        await pilot.pause()
        assert app.clipboard == item.body
        assert notices[-1].startswith("Copied the body")


async def test_the_theme_chosen_is_used_on_the_next_start(
        config: Config, inbox: Path, state_file: Path, tmp_path: Path) -> None:
    prefs = tmp_path / "config" / "ui.toml"
    first = build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=60,
                      ui_prefs=prefs)
    async with first.run_test(size=(120, 40)) as pilot:
        await first.wait_loaded()
        assert first.theme != "nord"
        first.theme = "nord"  # as the palette's theme picker sets it
        await pilot.pause()
    assert 'theme = "nord"' in prefs.read_text()
    again = build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=60,
                      ui_prefs=prefs)
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "nord"


async def test_a_broken_ui_file_is_named_and_left_as_it_is(
        config: Config, inbox: Path, state_file: Path, tmp_path: Path) -> None:
    prefs = tmp_path / "ui.toml"
    prefs.write_text("theme = \n")
    app = build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=60,
                    ui_prefs=prefs)
    notices = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert any(f"{prefs}:1:" in n for n in notices)
        app.theme = "nord"
        await pilot.pause()
    assert prefs.read_text() == "theme = \n"


async def test_a_click_on_a_column_head_sorts_by_it(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        heads = app.query_one("#queue-heads")
        text = str(heads.render())
        await pilot.click("#queue-heads", offset=(text.index("Source") + 1, 0))
        await pilot.pause()
        assert "source" in app.sub_title
        await pilot.click("#queue-heads", offset=(1, 0))  # the time: newest first
        await pilot.pause()
        assert "newest first" in app.sub_title
        await pilot.click("#queue-heads", offset=(1, 0))  # again: the other way
        await pilot.pause()
        assert "oldest first" in app.sub_title
        assert queue.column_at(text.index("Headline") + 2) == "headline"
