"""The app driven through Pilot, built by the same factory as the command."""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.timer import Timer
from wiredesk_testdata import record_notifications

from tui.app.app import PREVIEW_DELAY, WiredeskApp
from tui.app.dayload import COLLECT_AFTER
from tui.app.messages import CursorMoved
from tui.app.queue import QueueView
from tui.app.screens import HelpScreen, Picker
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk
from tui.listing import is_pinned

SEED_HEADLINE = "ISLAMIC STATE’S FINAL MOMENTS AS JIHADISTS FLEE LAST STRONGHOLD"


async def _loaded(app: WiredeskApp) -> None:
    await app.wait_loaded()
    await app.animator.wait_for_idle()


def _app(config: Config, inbox: Path, state_file: Path) -> WiredeskApp:
    return build_app(config, [inbox], Desk(state_file, editor="tester"))


def _seed_id(app: WiredeskApp) -> str:
    return next(i.id for i in app.wire.items.values() if i.headline == SEED_HEADLINE)


async def test_lists_the_inbox_and_previews_the_cursor_item(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        await pilot.pause()
        assert len(app.wire) >= 1
        queue = app.query_one(QueueView)
        assert queue.current_id == queue.listing.keys[0]
        assert app.loaded


async def test_tag_survives_a_restart(config: Config, inbox: Path, state_file: Path) -> None:
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        queue = app.query_one(QueueView)
        seed = _seed_id(app)
        queue.move_to(queue.listing.row_of[seed])
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, Picker)
        await pilot.press(*"politi", "enter")
        await pilot.pause()
        assert app.desk.decision(seed).tags == ("politics",)
        await pilot.press("q")

    again = _app(config, inbox, state_file)
    async with again.run_test(size=(120, 40)) as pilot:
        await _loaded(again)
        assert again.desk.decision(seed).tags == ("politics",)
        row = again.wire.order.index(seed)
        assert "politics" in again.query_one(QueueView).row_text(seed, 120)
        assert row >= 0


async def test_free_tag_and_help(config: Config, inbox: Path, state_file: Path) -> None:
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        first = app.query_one(QueueView).current_id
        assert first is not None
        await pilot.press("t", *"baghuz", "enter", "enter")  # a new tag: enter twice
        await pilot.pause()
        assert "baghuz" in app.desk.decision(first).tags
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        ids = {row[3] for row in app.binding_rows()}
        assert {"queue.tag", "app.help", "app.quit", "queue.down", "queue.up"} <= ids
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_keys_move_the_cursor(config: Config, inbox: Path, state_file: Path) -> None:
    for n in range(5):
        (inbox / f"extra{n}.txt").write_text(f"Extra story {n}\n\nBody number {n}.\n")
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        queue = app.query_one(QueueView)
        await pilot.press("j", "j")
        assert queue.cursor == 2
        await pilot.press("k")
        assert queue.cursor == 1
        await pilot.press("G")
        assert queue.cursor == len(app.wire) - 1
        await pilot.press("g")
        assert queue.cursor == 0
        await pilot.press("down")
        assert queue.cursor == 1


async def test_a_dropped_file_appears_live_and_the_cursor_stays(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = build_app(config, [inbox], Desk(state_file, editor="tester"), poll_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        queue = app.query_one(QueueView)
        pinned = sum(1 for k in queue.listing.keys if is_pinned(app.wire, app.desk, k))
        queue.move_to(pinned + 1)  # below the pinned FLASH items, among the others
        await pilot.pause()
        watched = queue.current_id
        before = len(app.wire)
        # newest of all, so it lands above the cursor
        (inbox / "late.jsonl").write_text(
            '{"id": "late-1", "headline": "Late news", "body": "Just in.", '
            '"versioned": "2030-01-01T00:00:00+00:00"}\n'
            '{"id": "late-2", "headline": "Later news", "body": "Just in too.", '
            '"versioned": "2030-01-01T00:01:00+00:00"}\n', encoding="utf-8")
        for _ in range(100):
            await pilot.pause(0.02)
            if len(app.wire) > before:
                break
        assert {"late-1", "late-2"} <= set(app.wire.items)
        assert app.wire.order[:2] == ["late-2", "late-1"]
        assert queue.current_id == watched
        assert queue.cursor == pinned + 3


async def test_another_editors_decision_shows_up(config: Config, inbox: Path,
                                                 state_file: Path) -> None:
    app = build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        item = app.query_one(QueueView).current_id
        assert item is not None
        Desk(state_file, editor="ben").tag(item, "from-ben")
        for _ in range(50):
            await pilot.pause(0.02)
            if app.desk.decision(item).tags:
                break
        assert app.desk.decision(item).tags == ("from-ben",)
        assert "from-ben" in app.query_one(QueueView).row_text(item, 120)


async def test_a_failure_building_stories_is_shown_and_the_desk_keeps_running(
        config: Config, inbox: Path, state_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.app.dayload as app_module

    def broken(*args: object, **kwargs: object) -> None:
        raise MemoryError("no room for the stories")

    monkeypatch.setattr(app_module, "group_items", broken)
    app = _app(config, inbox, state_file)
    messages = record_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        await pilot.pause()
        assert app.is_running and app.grouped and not app.wire.grouping
        assert any("Background work failed" in m and "no room for the stories" in m
                   for m in messages)
        await pilot.press("t")  # the desk still answers keys
        assert isinstance(app.screen, Picker)
        first = app.query_one(QueueView).listing.keys[0]
        assert app.wire.story_id_for(first, app.desk.decision(first)) == f"story:{first}"


async def test_the_cursor_stays_on_top_while_the_day_loads_then_stays_on_its_item(
        config: Config, inbox: Path, state_file: Path) -> None:
    from tui.ingest import FileResult
    from tui.model import Item

    def newer(n: int) -> Item:
        return Item(id=f"late-{n}", path="p", format="jsonl", headline=f"Late {n}",
                    body="Arrived last.", versioned=f"2030-01-0{n}T10:00:00+00:00")

    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        queue = app.query_one(QueueView)
        queue.follow_top = True  # as while the first load comes in batch by batch
        app._take([FileResult("batch", [newer(1)])])
        await pilot.pause()
        assert queue.cursor == 0 and queue.scroll_offset.y == 0
        assert queue.listing.row("late-1") is not None
        await pilot.press("j", "j")
        assert not queue.follow_top  # the editor moved it: it stays on its item
        here = queue.current_id
        app._take([FileResult("live", [newer(2)])])
        await pilot.pause()
        assert queue.current_id == here and queue.listing.row("late-2") is not None


async def test_quitting_while_the_stories_are_built_stops_building_them(
        config: Config, inbox: Path, state_file: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import threading
    import time

    import tui.app.dayload as app_module

    started, stopped = threading.Event(), threading.Event()

    def slow(items: object, settings: object, overrides: object,
             progress: Callable[[int], None]) -> None:
        started.set()
        try:
            for done in range(1000):  # ten seconds of "work", unless told to stop
                progress(done)
                time.sleep(0.01)
        finally:
            stopped.set()

    monkeypatch.setattr(app_module, "group_items", slow)
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        while not started.is_set():
            await pilot.pause(0.01)
        assert not app.grouped
        await pilot.press("q")
    assert stopped.wait(2), "the worker went on building stories after the app closed"


async def test_the_preview_waits_from_the_cursor_move_not_from_the_message(
        config: Config, inbox: Path, state_file: Path) -> None:
    # The queue's message reaches the app after the screen has drawn the cursor line: the
    # preview's wait is what is left of PREVIEW_DELAY since the move.
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        await pilot.pause()
        waits: list[float] = []
        set_timer = app.set_timer

        def spy(delay: float, *args: Any, **options: Any) -> Timer:
            if delay <= PREVIEW_DELAY:  # not the wait of `[desk] seen_after`
                waits.append(delay)
            return set_timer(delay, *args, **options)

        app.set_timer = spy  # type: ignore[method-assign]
        key = app.queue.current_id
        app.post_message(CursorMoved(key, at=time.monotonic() - PREVIEW_DELAY / 2))
        await pilot.pause()
        app.post_message(CursorMoved(key, at=time.monotonic() - 10))
        await pilot.pause()
        assert len(waits) == 2
        assert 0 < waits[0] <= PREVIEW_DELAY / 2
        assert 0 < waits[1] < 0.01  # rested long enough already: at once
        await pilot.pause(PREVIEW_DELAY)
        assert app._preview_timer is None


async def test_the_collector_runs_less_while_the_app_runs_and_as_before_after(
        config: Config, inbox: Path, state_file: Path) -> None:
    before = gc.get_threshold()
    app = _app(config, inbox, state_file)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        await pilot.pause()
        assert gc.get_threshold() == (max(COLLECT_AFTER, before[0]), *before[1:])
    assert gc.get_threshold() == before


async def test_a_file_finished_in_place_leaves_the_quarantine_and_shows_its_text(
        config: Config, inbox: Path, state_file: Path) -> None:
    half = ('<?xml version="1.0"?><nitf><head><docdata><doc-id id-string="dam-1"/>'
            '</docdata></head><body><body.head><hedline><hl1>Dam holds</hl1></hedline>'
            '</body.head><body.content><p>The dam held.</p>')
    (inbox / "dam.xml").write_text(half, encoding="utf-8")
    app = build_app(config, [inbox], Desk(state_file, editor="tester"), poll_seconds=0.05)
    async with app.run_test(size=(120, 40)) as pilot:
        await _loaded(app)
        assert [q for q in app.wire.quarantined if q.path.endswith("dam.xml")]
        quarantined = len(app.wire.quarantined)
        (inbox / "dam.xml").write_text(
            half + "<p>Engineers inspect the spillway.</p></body.content></body></nitf>",
            encoding="utf-8")
        for _ in range(200):
            await pilot.pause(0.02)
            if "dam-1" in app.wire.items:
                break
        assert "spillway" in app.wire.items["dam-1"].body
        assert not [q for q in app.wire.quarantined if q.path.endswith("dam.xml")]
        assert len(app.wire.quarantined) == quarantined - 1
        assert f"{quarantined} quarantined" not in app.status
        assert app.search_index.search("spillway", app.wire.order) == ["dam-1"]
