"""A cursor move repaints the two lines it changes, also when the queue is scrolled; a
scroll by a line draws the one row coming in, and the scrollbar only when its thumb moves."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.geometry import Region
from textual.pilot import Pilot
from textual.strip import Strip
from wiredesk_testdata import record_refreshes

from tui.app.app import WiredeskApp
from tui.app.bench_ui_day import write_day
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
        refreshed = record_refreshes(queue)
        await pilot.press("k")
        await pilot.pause()
        assert queue.scroll_offset.y == top  # still on screen: no scroll
        lines = {region.y for call in refreshed for region in call if region.height == 1}
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


@pytest.fixture
def busy_day(tmp_path: Path) -> Path:
    """A generated day long enough that a line is a sliver of the scrollbar's thumb."""
    folder = tmp_path / "day"
    write_day(folder, 1_500)
    return folder


async def _scrolled_to_the_bottom_row(app: WiredeskApp, pilot: Pilot[None]) -> QueueView:
    await app.wait_loaded()
    await pilot.pause()
    queue = app.query_one(QueueView)
    queue.focus()
    queue.move_to(queue.size.height - 1)  # the last row on screen
    await pilot.pause()
    assert queue.scroll_offset.y == 0
    return queue


def _on_screen(queue: QueueView) -> list[str]:
    return [queue.render_line(y).text for y in range(queue.size.height)]


def _as_drawn_fresh(queue: QueueView) -> list[str]:
    top, width = queue.scroll_offset.y, queue._width
    return [queue._draw_row(top + y, queue.listing.keys[top + y], width).text
            for y in range(queue.size.height)]


async def test_a_scroll_by_a_line_draws_only_the_row_coming_in(
        config: Config, busy_day: Path, state_file: Path) -> None:
    app = build_app(config, [busy_day], Desk(state_file, editor="t"), poll_seconds=3600)
    async with app.run_test(size=(100, 14)) as pilot:
        queue = await _scrolled_to_the_bottom_row(app, pilot)
        drawn: list[str] = []
        draw = queue._draw_row

        def spy(row: int, item_id: str, width: int) -> Strip:
            drawn.append(item_id)
            return draw(row, item_id, width)

        queue._draw_row = spy  # type: ignore[method-assign]
        for _ in range(5):
            await pilot.press("j")
            await pilot.pause()
        assert queue.scroll_offset.y == 5
        # each scroll: the row coming in (under the cursor: the row it leaves is kept)
        assert drawn == list(queue.listing.keys[queue.cursor - 4:queue.cursor + 1])
        queue._draw_row = draw  # type: ignore[method-assign]
        assert _on_screen(queue) == _as_drawn_fresh(queue)


async def test_rows_kept_drawn_follow_a_decision_and_the_focus(
        config: Config, busy_day: Path, state_file: Path) -> None:
    app = build_app(config, [busy_day], Desk(state_file, editor="t"), poll_seconds=3600)
    async with app.run_test(size=(120, 14)) as pilot:
        queue = await _scrolled_to_the_bottom_row(app, pilot)
        row = queue.cursor - queue.scroll_offset.y
        assert "spiked" not in queue.render_line(row).text
        await pilot.press("s")  # spike the item under the cursor
        await pilot.pause()
        key = queue.current_id
        assert key is not None and app.desk.decision(key).status == "spiked"
        assert "spiked" in queue.render_line(queue.listing.row_of[key]
                                             - queue.scroll_offset.y).text
        assert _on_screen(queue) == _as_drawn_fresh(queue)
        row = queue.cursor - queue.scroll_offset.y
        focused = queue.render_line(row)
        app.query_one("#preview").focus()
        await pilot.pause()
        assert queue.render_line(row).text == focused.text
        assert list(queue.render_line(row)) != list(focused)  # the cursor's colours


async def test_the_scrollbar_is_repainted_only_when_its_thumb_moves(
        config: Config, busy_day: Path, state_file: Path) -> None:
    app = build_app(config, [busy_day], Desk(state_file, editor="t"), poll_seconds=3600)
    async with app.run_test(size=(100, 14)) as pilot:
        queue = await _scrolled_to_the_bottom_row(app, pilot)
        bar = queue.vertical_scrollbar
        repaints: list[float] = []
        refresh = bar.refresh

        def spy(*regions: Region, **options: Any) -> Any:
            repaints.append(bar.position)
            return refresh(*regions, **options)

        bar.refresh = spy  # type: ignore[method-assign]
        for _ in range(10):
            await pilot.press("j")
            await pilot.pause()
        # 1,500 rows on a bar of 12 cells: the thumb moves an eighth of a cell in some
        # 15 lines
        assert len(repaints) <= 1
        assert bar.position == queue.scroll_offset.y == 10  # exact, for a drag
        await pilot.press("G")
        await pilot.pause()
        assert repaints and repaints[-1] == bar.position == queue.scroll_offset.y > 10
