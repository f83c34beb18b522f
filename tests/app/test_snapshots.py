"""What the editor sees, pinned as SVG snapshots (pytest-textual-snapshot).

Regenerate after a deliberate change with `pytest tests/app/test_snapshots.py
--snapshot-update` and look at the report before committing."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from wiredesk_testdata import SEEDS

from tui.app.app import WiredeskApp
from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk

SIZE = (160, 45)
WRITETHRU = "tag:reuters.com,2019:newsml_KCN1QV0LZ:2@2"
FIXED_TIME = 1_552_600_000  # 2019-03-14 21:46 UTC: files' times shape the queue


@pytest.fixture
def desk_app(config: Config, tmp_path: Path) -> WiredeskApp:
    return _desk_app(config, tmp_path)


@pytest.fixture
def mono_app(config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> WiredeskApp:
    """The desk under `NO_COLOR`, as a monochrome terminal shows it."""
    monkeypatch.setenv("NO_COLOR", "1")
    app = _desk_app(config, tmp_path)
    assert app.no_color
    return app


def _desk_app(config: Config, tmp_path: Path) -> WiredeskApp:
    inbox = tmp_path / "inbox"
    shutil.copytree(SEEDS, inbox)
    (inbox / "broken.xml").write_bytes(b"<nitf><head>")
    for path in inbox.iterdir():
        os.utime(path, (FIXED_TIME, FIXED_TIME))
    # the desk's zone and day fixed: the pictures are the same on any machine, any day
    # (and nothing read by resting on it while the picture is taken)
    config = dataclasses.replace(config, desk=dataclasses.replace(
        config.desk, timezone="UTC", seen_after=3600.0))
    app = build_app(config, [inbox], Desk(tmp_path / "desk.toml", editor="snap"),
                    poll_seconds=3600)
    app.times.now = lambda: FIXED_TIME
    return app


def _before(*keys: str, on: str | None = None) -> Callable[[Pilot[Any]], Awaitable[None]]:
    async def run_before(pilot: Pilot[Any]) -> None:
        app = pilot.app
        assert isinstance(app, WiredeskApp)
        await app.wait_loaded()
        await pilot.pause()
        app.clear_notifications()  # start-up toasts would make the pictures timing-bound
        await pilot.pause()
        if on is not None:
            queue = app.query_one(QueueView)
            queue.move_to(queue.listing.row_of[on])
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause()
    return run_before


def test_queue_and_preview(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before())


def test_stories_view(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before("v"))


def test_story_panel_on_a_writethru(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before(on=WRITETHRU))


def test_version_diff(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before("d", on=WRITETHRU))


def test_help(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before("question_mark"))


def test_quarantine(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=SIZE, run_before=_before("Q"))


def test_usable_at_80_by_24(snap_compare: Any, desk_app: WiredeskApp) -> None:
    assert snap_compare(desk_app, terminal_size=(80, 24), run_before=_before())


@pytest.mark.parametrize("size", [(80, 24), (200, 50)])
def test_no_color(snap_compare: Any, mono_app: WiredeskApp, size: tuple[int, int]) -> None:
    # the cursor on an ordinary row: the FLASH rows above show their own looks
    assert snap_compare(mono_app, terminal_size=size,
                        run_before=_before("j", "j", "j", "j", "j"))
