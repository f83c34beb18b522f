"""A cursor move repaints the two lines it changes, also when the queue is scrolled."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.geometry import Region

from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk
from tui.listing import Mode


async def test_a_move_in_a_scrolled_queue_repaints_the_lines_on_screen(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = build_app(config, [inbox], Desk(state_file, editor="t"), poll_seconds=3600)
    async with app.run_test(size=(100, 14)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        queue = app.query_one(QueueView)
        queue.focus()
        queue.move_to(len(queue.listing) - 1)
        await pilot.pause()
        top = queue.scroll_offset.y
        assert top > 0
        refreshed: list[Region] = []
        refresh = queue.refresh

        def spy(*regions: Region, **options: Any) -> Any:
            refreshed.extend(regions)
            return refresh(*regions, **options)

        queue.refresh = spy  # type: ignore[method-assign]
        await pilot.press("k")
        await pilot.pause()
        assert queue.scroll_offset.y == top  # still on screen: no scroll
        lines = {region.y for region in refreshed if region.height == 1}
        # widget lines of the old and the new cursor row
        assert {queue.cursor + 1 - top, queue.cursor - top} <= lines


async def test_another_view_of_as_many_screens_repaints_the_queue_without_a_layout(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = build_app(config, [inbox], Desk(state_file, editor="t"), poll_seconds=3600)
    async with app.run_test(size=(100, 12)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        app.clear_notifications()  # a toast coming or going lays the screen out
        await pilot.wait_for_scheduled_animations()
        queue = app.query_one(QueueView)
        flat = len(queue.listing)
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(queue, layouts.append,
                                                          immediate=True)
        # the queue alone (the app's `v` also retitles the header, which lays out)
        queue.mode = Mode.STORIES
        queue.rebuild()
        await pilot.pause()
        stories = len(queue.listing)
        assert queue.size.height < stories < flat
        assert layouts == []
        assert queue.virtual_size.height == stories
        assert queue.vertical_scrollbar.window_virtual_size == stories
        queue.move_to(stories - 1)  # the last row can be reached and is on screen
        await pilot.pause()
        assert queue.scroll_offset.y == stories - queue.size.height
        await pilot.press("v")
        await pilot.pause()
        assert queue.virtual_size.height == flat
