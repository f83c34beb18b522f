"""80x24 works (issue 14, point 8): the queue keeps headline, source and time, the
preview goes below the queue (or `z` zooms it to the whole screen, `escape` back), and
the footer shows the main keys."""

from __future__ import annotations

from pilot_steps import started
from textual.widgets import Footer

from tui.app.app import WiredeskApp
from tui.app.preview import Preview
from tui.app.story_panel import StoryPanel


async def test_at_80_by_24_the_preview_is_below_and_the_row_keeps_its_columns(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await started(app, pilot)
        preview = app.query_one(Preview)
        assert preview.region.y > queue.region.y  # below, not beside
        assert queue.region.width >= 76
        assert preview.region.height >= 6 and queue.region.height >= 8
        columns = queue.columns_for(queue.scrollable_content_region.width)
        assert {"time", "source", "headline"} <= set(columns)
        key = queue.current_id
        assert key is not None
        text = queue.row_text(key, queue.scrollable_content_region.width)
        assert app.wire.items[key].source in text
        assert app.wire.items[key].headline[:25] in text


async def test_at_160_columns_the_preview_is_beside_the_queue(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 45)) as pilot:
        queue = await started(app, pilot)
        preview = app.query_one(Preview)
        assert preview.region.x > queue.region.x and preview.region.y == queue.region.y - 1


async def test_z_zooms_the_preview_to_the_screen_and_escape_comes_back(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        queue = await started(app, pilot)
        await pilot.press("z")
        await pilot.pause()
        preview = app.query_one(Preview)
        assert not queue.display or queue.region.height == 0
        assert preview.region.width >= 78 and preview.region.height >= 12
        assert app.query_one(StoryPanel).region.height >= 5  # the story, under it
        await pilot.press("escape")
        await pilot.pause()
        assert queue.display and queue.region.height >= 8
        assert queue.has_focus


async def test_the_footer_shows_the_main_keys_at_80_columns(app: WiredeskApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        footer = app.query_one(Footer)
        shown = [w for w in footer.walk_children() if w.region.width > 0
                 and w.region.right <= 80 and hasattr(w, "key")]
        keys = {getattr(w, "key") for w in shown}  # noqa: B009 - FooterKey is private
        assert {"t", "a", "s", "u", "m", "slash", "question_mark", "q"} <= keys
