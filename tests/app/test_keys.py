"""Every key of the desk, pressed in the app, checked against the desk state after."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pilot_steps import on_item as _on
from pilot_steps import started as _start
from wiredesk_testdata import record_notifications

from tui.app.app import WiredeskApp
from tui.app.queue import QueueView
from tui.app.reports import DiffScreen, QuarantineScreen
from tui.app.screens import HelpScreen, Picker, Prompt
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk
from tui.listing import Mode

REUTERS_1 = "tag:reuters.com,2019:newsml_KCN1QV0LZ:1@1"
REUTERS_2 = "tag:reuters.com,2019:newsml_KCN1QV0LZ:2@2"
FLASH = "tag:reuters.com,2019:newsml_L3N2154RW:1@1"
ANBAR = "urn:newsml:dpa.com:20090101:190314-99-380412@1"


@pytest.fixture
def app(config: Config, inbox: Path, state_file: Path) -> WiredeskApp:
    (inbox / "future.jsonl").write_text("".join(json.dumps(r) + "\n" for r in [
        {"id": "embargoed-1", "headline": "Study out next year", "body": "Embargoed copy.",
         "embargo": "2099-01-01T00:00:00+00:00", "versioned": "2019-03-14T08:00:00+00:00"},
        {"id": "plain-1", "headline": "Plain brief", "body": "Nothing special.",
         "versioned": "2019-03-14T08:01:00+00:00"}]))
    (inbox / "broken.xml").write_bytes(b"<nitf><head>")
    return build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=60)


async def test_tag_assign_priority_note(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.press("t")
        assert isinstance(app.screen, Picker)
        await pilot.press(*"conflict", "enter")
        await pilot.press("a")
        await pilot.press(*"Chloe", "enter")
        await pilot.press("p")
        await pilot.press("down", "enter")  # the second level: 2
        await pilot.press("e")
        assert isinstance(app.screen, Prompt)
        await pilot.press(*"check casualty figure", "enter")
        await pilot.pause()
        decision = app.desk.decision(ANBAR)
        assert decision.tags == ("conflict",)
        assert decision.assignee == "Chloe Martin"
        assert decision.priority == 2
        assert decision.note == "check casualty figure"


async def test_spike_read_used_and_the_embargo(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.press("r")
        assert not app.desk.decision(ANBAR).unread
        await pilot.press("r")
        assert app.desk.decision(ANBAR).unread
        await pilot.press("s")
        assert app.desk.decision(ANBAR).status == "spiked"
        await pilot.press("s")
        assert app.desk.decision(ANBAR).status == "seen"
        await pilot.press("U")
        assert app.desk.decision(ANBAR).status == "used"
        await _on(pilot, queue, "embargoed-1")
        await pilot.press("U")
        await pilot.pause()
        assert app.desk.decision("embargoed-1").status == "new"  # refused before the lift
        assert "⏳" in queue.row_text("embargoed-1", 160)


async def test_marks_make_one_bulk_action_undone_as_one(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        first = queue.current_id
        await pilot.press("space", "space")  # marks two items, moving down each time
        marked = app.marked()
        assert len(marked) == 2 and first in marked
        await pilot.press("t", *"world", "enter")
        await pilot.pause()
        assert all("world" in app.desk.decision(k).tags for k in marked)
        await pilot.press("u")
        await pilot.pause()
        assert all("world" not in app.desk.decision(k).tags for k in marked)
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert all("world" in app.desk.decision(k).tags for k in marked)
        await pilot.press("escape")
        await pilot.pause()
        assert app.marked() == []


async def test_merge_split_not_same_and_lead(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.press("space")
        await _on(pilot, queue, REUTERS_1)
        await pilot.press("m")
        await pilot.pause()
        story = app.desk.decision(REUTERS_1).story
        assert story and app.desk.decision(ANBAR).story == story
        assert app.wire.story_of(ANBAR) is not None
        assert ANBAR in app.wire.story_of(REUTERS_1).members  # type: ignore[union-attr]
        await pilot.press("escape")
        await _on(pilot, queue, ANBAR)
        await pilot.press("M")
        await pilot.pause()
        assert app.desk.decision(ANBAR).story == "alone"
        assert ANBAR not in app.wire.story_of(REUTERS_1).members  # type: ignore[union-attr]
        await _on(pilot, queue, REUTERS_2)
        await pilot.press("L")
        await pilot.pause()
        assert REUTERS_2 in app.desk.state.leads.values()
        await pilot.press("x")
        await pilot.pause()
        assert app.desk.decision(REUTERS_2).not_same
        assert app.desk.decision(REUTERS_2).story == "alone"


async def test_diff_view_and_stories(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, REUTERS_2)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, DiffScreen)
        assert app.screen.diff.count("added") >= 1
        await pilot.press("escape")
        await pilot.press("v")
        await pilot.pause()
        assert queue.mode is Mode.STORIES
        assert len(queue.listing) < len(app.wire)
        baghuz = queue.listing.row_of.get(queue.current_id or "")
        assert baghuz is not None
        await _on(pilot, queue, app.wire.story_of(REUTERS_1).lead)  # type: ignore[union-attr]
        before = len(queue.listing)
        await pilot.press("enter")
        await pilot.pause()
        assert len(queue.listing) > before
        await pilot.press("left")
        await pilot.pause()
        assert len(queue.listing) == before
        await pilot.press("v")
        assert queue.mode is Mode.FLAT


async def test_search_filter_and_saved_views(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await pilot.press("slash", *"vanuatu", "enter")
        await pilot.pause()
        assert FLASH in queue.hits
        assert all("anuatu" in (app.wire.items[k].headline + app.wire.items[k].body)
                   for k in queue.hits)
        assert queue.current_id in queue.hits
        await pilot.press("escape")
        await pilot.pause()
        assert not queue.hits and len(queue.listing) == len(app.wire)
        await pilot.press("f", *"source:AFP", "enter")
        await pilot.pause()
        assert queue.listing.keys
        assert all(app.wire.items[k].source == "AFP" for k in queue.listing.keys)
        await pilot.press("f", "ctrl+u", *"sorce:AFP", "enter")
        await pilot.pause()
        assert isinstance(app.screen, Prompt)  # stays open with the error shown
        await pilot.press("escape")
        await pilot.press("escape")
        await pilot.press("2")  # the bundled saved view 2 = is:flash
        await pilot.pause()
        assert queue.listing.keys and all(
            (app.wire.items[k].urgency or 9) <= 2 for k in queue.listing.keys)


async def test_flash_is_pinned_until_seen_and_counts_show(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        assert queue.listing.keys[0] == FLASH or app.wire.items[
            queue.listing.keys[0]].urgency in (1, 2)
        assert "flash" in app.status and "quarantined" in app.status
        await _on(pilot, queue, FLASH)
        await pilot.press("r")
        await pilot.pause()
        assert queue.listing.row_of[FLASH] != 0 or queue.listing.keys[0] != FLASH


async def test_quarantine_help_palette_and_panes(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        await _start(app, pilot)
        await pilot.press("Q")
        await pilot.pause()
        assert isinstance(app.screen, QuarantineScreen)
        assert any("broken.xml" in q.path for q in app.screen.entries)
        await pilot.press("escape")
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        groups = {row[0] for row in app.binding_rows()}
        assert groups == {"Move", "Decide", "Stories", "Find", "Desk"}
        await pilot.press("escape")
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for needed in ("Tag (t)", "Assign (a)", "Merge marked into this story (m)",
                       "Search (/)", "Undo (u)"):
            assert needed in titles
        await pilot.press("tab")
        await pilot.pause()
        assert app.focused is not app.query_one(QueueView)


async def test_every_binding_has_an_id_and_a_description() -> None:
    from tui.app.app import KEYS

    for group in KEYS.values():
        for binding in group:
            assert binding.id and binding.description


async def test_page_keys_and_jumps(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 12)) as pilot:
        queue = await _start(app, pilot)
        await pilot.press("pagedown")
        assert queue.cursor == queue.size.height - 1
        await pilot.press("pageup")
        assert queue.cursor == 0
        await pilot.press("end")
        assert queue.cursor == len(queue.listing) - 1
        await pilot.press("home")
        assert queue.cursor == 0


async def test_story_badge_says_how_many_and_which_version(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        size = app.wire.stories.size_of(REUTERS_2)
        assert size > 1
        assert f"×{size} v2" in queue.row_text(REUTERS_2, 160)


async def test_a_kill_bans_its_story_and_names_what_was_used(
        config: Config, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    story = {"id": "ap-1", "source": "AP", "slug": "BC-US--Obit-Hollis",
             "headline": "Ray Hollis, jazz pianist, dies at 81", "body": "He died.",
             "created": "2019-03-14T13:10:00+00:00"}
    (inbox / "a.jsonl").write_text(json.dumps(story) + "\n")
    state = tmp_path / "desk.toml"
    Desk(state, editor="ana").set_status("ap-1", "used")
    app = build_app(config, [inbox], Desk(state, editor="ana"), poll_seconds=0.05)
    messages = record_notifications(app)
    async with app.run_test(size=(160, 50)) as pilot:
        await app.wait_loaded()
        kill = {"id": "ap-2", "source": "AP", "slug": "BC-US--Obit-Hollis-KILL",
                "headline": "KILL KILL KILL", "signal": ["kill"], "body": "He is alive.",
                "created": "2019-03-14T15:20:00+00:00"}
        (inbox / "b.jsonl").write_text(json.dumps(kill) + "\n")
        for _ in range(100):
            await pilot.pause(0.02)
            if "ap-2" in app.wire.items:
                break
        await pilot.pause()
        assert app.is_killed("ap-1")
        assert any("KILL from AP" in m and "Already used: Ray Hollis" in m for m in messages)
        assert "✖" in app.query_one(QueueView).row_text("ap-1", 160)


async def test_no_color_is_respected(config: Config, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = build_app(config, [tmp_path], Desk(tmp_path / "d.toml"))
    assert app.no_color


async def test_help_shows_binding_texts_literally(app: WiredeskApp) -> None:
    from rich.console import Console
    async with app.run_test(size=(160, 50)) as pilot:
        await _start(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=200, record=True, color_system=None)
        console.print(app.screen.table)
        text = console.export_text()
        assert "Binding id ([keymap] in the config)" in text
        assert "Clear marks, filter and search" in text


def test_the_readme_keys_table_and_help_list_every_binding() -> None:
    from tui.app.keys import help_rows

    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows = help_rows({}, lambda binding: binding.key)
    ids = {binding_id for _group, _keys, _text, binding_id in rows}
    assert {"queue.read_view", "queue.note", "find.next_hit", "find.previous_hit",
            "find.next_unread", "find.previous_unread", "find.next_flash", "view.sort",
            "queue.yank", "queue.yank_body", "app.zoom"} <= ids
    missing = sorted(i for i in ids if f"`{i}`" not in table
                     and not i.startswith("find.view"))
    assert not missing, f"the README's keys table lacks {missing}"
