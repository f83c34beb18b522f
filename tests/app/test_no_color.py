"""`NO_COLOR` and monochrome terminals (issue 14, point 7): FLASH and urgent rows stay
distinct without colour, by their looks and by a marker glyph."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.app.app import WiredeskApp
from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk


def _looks(queue: QueueView, key: str) -> tuple[bool, bool, bool, bool]:
    style = queue._row_style(key, False)
    return (bool(style.bold), bool(style.reverse), bool(style.underline),
            bool(style.italic))


@pytest.mark.parametrize("no_color", [True, False])
async def test_flash_and_urgent_rows_stand_out_without_colour(
        config: Config, inbox: Path, state_file: Path, monkeypatch: pytest.MonkeyPatch,
        no_color: bool) -> None:
    if no_color:
        monkeypatch.setenv("NO_COLOR", "1")
    else:
        monkeypatch.delenv("NO_COLOR", raising=False)
    app: WiredeskApp = build_app(config, [inbox], Desk(state_file, editor="ana"),
                                 poll_seconds=60)
    assert app.no_color is no_color
    async with app.run_test(size=(160, 50)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        queue = app.query_one(QueueView)
        queue.refresh()
        await pilot.pause()
        items = app.wire.items
        flash = next(k for k in queue.listing.keys if items[k].urgency == 1)
        urgent = next(k for k in queue.listing.keys if items[k].urgency == 3)
        plain = next(k for k in queue.listing.keys if items[k].urgency is None
                     and app.wire.stories.size_of(k) == 1)
        looks = {_looks(queue, k) for k in (flash, urgent, plain)}
        if no_color:
            assert len(looks) == 3  # three different looks, not three greys
            assert _looks(queue, flash)[1]  # reverse
        assert " ‼ " in queue.row_text(flash, 120)
        assert " ! " in queue.row_text(urgent, 120)
        assert " ! " not in queue.row_text(plain, 120)
