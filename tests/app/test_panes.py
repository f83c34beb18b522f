"""The preview and story panel draw their own lines: a new item repaints them without
laying the screen out, long copy scrolls by key and wheel, and a resize re-wraps."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import events
from textual.app import App, ComposeResult
from wiredesk_testdata import record_refreshes

from tui.app.preview import Preview
from tui.app.story_panel import StoryPanel
from tui.wire import Wire

WORDS = " ".join(f"word{n}" for n in range(400))


class _Panes(App[None]):
    CSS = "Preview { height: 10; } StoryPanel { height: 5; }"

    def compose(self) -> ComposeResult:
        yield Preview(id="preview")
        yield StoryPanel(id="story")


def _text(preview: Preview) -> str:
    return " ".join(line.text.strip() for line in preview.lines)


async def test_a_new_item_repaints_the_pane_and_lays_nothing_out() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        preview.show(Text("first " + WORDS))
        await pilot.pause()
        layouts: list[object] = []
        app.screen.screen_layout_refresh_signal.subscribe(preview, layouts.append,
                                                          immediate=True)
        preview.show(Text("second " + WORDS + " more"))
        await pilot.pause()
        assert layouts == []
        assert _text(preview).startswith("second word0 word1")
        assert preview.virtual_size.height == len(preview.lines) > preview.size.height
        assert preview.vertical_scrollbar.window_virtual_size == len(preview.lines)
        # every line fits inside the padding and the scrollbar
        assert all(line.cell_length == preview.scrollable_content_region.width
                   for line in preview.lines)


async def test_long_copy_scrolls_by_key_and_wheel_and_starts_at_the_top() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        preview.show(Text(WORDS))
        preview.focus()
        await pilot.pause()
        await pilot.press("pagedown")
        await pilot.pause()
        assert preview.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert preview.scroll_y == preview.max_scroll_y > 0
        await pilot.press("home", "down")
        await pilot.pause()
        assert preview.scroll_y == 1
        preview.post_message(events.MouseScrollDown(preview, 1, 1, 0, 0, 0, False, False,
                                                    False))
        await pilot.pause()
        assert preview.scroll_y > 1
        preview.show(Text("short"))
        await pilot.pause()
        assert preview.scroll_y == 0
        assert preview.lines[0].text.strip() == "short"


async def test_a_resize_wraps_the_text_again() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        preview.show(Text(WORDS))
        await pilot.pause()
        wide = len(preview.lines)
        await pilot.resize_terminal(40, 20)
        await pilot.pause()
        assert len(preview.lines) > wide
        assert preview.virtual_size.height == len(preview.lines)
        assert _text(preview).split() == WORDS.split()


async def test_wire_text_is_shown_as_its_characters() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        preview.show(Text("[bold]X[/] [@click=app.quit]Y"))
        story = app.query_one(StoryPanel)
        story.show(Wire(), "missing")
        await pilot.pause()
        assert preview.lines[0].text.strip() == "[bold]X[/] [@click=app.quit]Y"
        assert app.is_running


async def test_the_scrollbar_is_hidden_while_the_text_fits_without_matching_the_css() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        matched: list[object] = []
        update_nodes = app.stylesheet.update_nodes

        def spy(nodes: Any, animate: bool = False) -> None:
            matched.append(nodes)
            update_nodes(nodes, animate=animate)

        app.stylesheet.update_nodes = spy  # type: ignore[method-assign]
        for text in ("short", WORDS, "short again", WORDS + " more"):
            preview.show(Text(text))
            await pilot.pause()
            fits = len(preview.lines) <= preview.scrollable_content_region.height
            colours = (preview.styles.scrollbar_color, preview.styles.scrollbar_background)
            # (the scrollbar draws itself in its parent's scrollbar colours)
            assert all(colour.a == 0 for colour in colours) == fits
        assert matched == []


async def test_a_hidden_scrollbar_is_not_repainted_for_text_that_fits_again() -> None:
    app = _Panes()
    async with app.run_test(size=(60, 20)) as pilot:
        preview = app.query_one(Preview)
        bar = preview.vertical_scrollbar
        preview.show(Text("one line"))
        await pilot.pause()
        repaints = record_refreshes(bar)
        preview.show(Text("two\nlines"))
        await pilot.pause()
        assert preview.virtual_size.height == 2
        assert bar.window_virtual_size == 2
        assert repaints == []
        preview.show(Text(WORDS))  # the bar shows: its thumb is drawn
        await pilot.pause()
        assert repaints
