"""The desk as a desk editor expects it (issue 14): read state, marks, kills, splits."""

from __future__ import annotations

from pathlib import Path

from pilot_steps import jsonl_inbox, seeds_app
from pilot_steps import on_item as _on
from pilot_steps import started as _start
from textual.widgets import Label
from wiredesk_testdata import record_notifications

from tui.app.app import WiredeskApp
from tui.app.screens import Picker
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk

ANBAR = "urn:newsml:dpa.com:20090101:190314-99-380412@1"


async def test_read_is_its_own_field_and_never_overwrites_used_or_spiked(
        app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        assert app.desk.decision(ANBAR).unread
        await pilot.press("r")
        assert not app.desk.decision(ANBAR).unread
        assert app.desk.decision(ANBAR).status == "new"
        await pilot.press("U")
        await pilot.press("r")  # back to unread: still used
        decision = app.desk.decision(ANBAR)
        assert decision.status == "used" and decision.unread
        await pilot.press("r")
        assert app.desk.decision(ANBAR).status == "used"
        assert not app.desk.decision(ANBAR).unread
        await pilot.press("s", "r")
        decision = app.desk.decision(ANBAR)
        assert decision.status == "spiked" and decision.unread
        await pilot.press("u")  # undo takes back the `r` alone
        decision = app.desk.decision(ANBAR)
        assert decision.status == "spiked" and not decision.unread


def test_read_state_survives_the_snapshot_and_a_fresh_start(state_file: Path) -> None:
    desk = Desk(state_file, editor="ana")
    desk.set_status("a", "used")
    desk.set_read("a", False)
    desk.set_read("b", True)
    desk.compact()
    again = Desk(state_file, editor="ana")
    assert again.decision("a").status == "used" and again.decision("a").unread
    assert again.decision("b").status == "new" and not again.decision("b").unread
    assert "read = false" in state_file.read_text()
    state_file.with_name("desk.cache.json").unlink(missing_ok=True)
    for cached in state_file.parent.glob("*.cache*"):
        cached.unlink()
    third = Desk(state_file, editor="ana")
    assert third.decision("a").unread and not third.decision("b").unread


def test_a_legacy_seen_status_still_reads_as_read(state_file: Path) -> None:
    desk = Desk(state_file, editor="ana")
    desk.set_status("a", "seen")
    assert not desk.decision("a").unread


async def test_marks_are_counted_named_in_prompts_and_never_undone(app: WiredeskApp,
                                                                   state_file: Path) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.press("r")  # a decision, to be undone later
        await pilot.press("space", "space")
        await pilot.pause()
        assert "2 marked" in app.status
        await pilot.press("t")
        assert "Tag 2 marked items" in app.screen.title_text  # type: ignore[attr-defined]
        await pilot.press("escape")
        for key in ("a", "p", "e"):
            await pilot.press(key)
            assert "2 marked items" in app.screen.title_text  # type: ignore[attr-defined]
            await pilot.press("escape")
        journal = state_file.with_name("desk.journal.toml").read_text()
        assert 'action = "mark"' not in journal  # view state, not a decision
        notices = record_notifications(app)
        await pilot.press("u")
        await pilot.pause()
        assert notices[-1].startswith("Undone: read")  # the decision, not a mark
        assert len(app.marked()) == 2
        assert "2 marked" in app.status
        await pilot.press("escape")
        await pilot.pause()
        assert not app.marked() and "marked" not in app.status


def test_marks_in_an_old_journal_are_read_and_left_out(state_file: Path) -> None:
    """Journals from before marks were view state hold `mark` actions: they still load,
    change nothing and are not what `u` undoes."""
    desk = Desk(state_file, editor="ana")
    desk.tag("a", "world")
    journal = state_file.with_name("desk.journal.toml")
    journal.write_text(journal.read_text() + '''
[[event]]
seq = 2
id = "0123456789abcdef"
who = "ana"
at = "2026-12-01T10:00:00.000+00:00"
action = "mark"
summary = "mark a"

[[event.change]]
table = "items"
key = "a"
field = "marks"
add = ["ana"]
''')
    again = Desk(state_file, editor="ana")
    assert again.decision("a").tags == ("world",)
    undone = again.undo()
    assert undone is not None and undone.summary == "undo: tag world on a"


def _kill_inbox(tmp_path: Path) -> Path:
    records = [
        {"id": "ap-1", "source": "AP", "slug": "BC-US--Obit-Hollis",
         "headline": "Ray Hollis, jazz pianist, dies at 81",
         "body": "Ray Hollis, the jazz pianist, died on Tuesday in New Orleans. He was 81.",
         "created": "2019-03-14T13:10:00+00:00"},
        {"id": "ap-2", "source": "AP", "slug": "BC-US--Obit-Hollis-KILL",
         "headline": "KILL KILL KILL", "signal": ["kill"],
         "body": "Ray Hollis, the jazz pianist, is alive. The story is withdrawn.",
         "created": "2019-03-14T15:20:00+00:00"},
    ]
    return jsonl_inbox(tmp_path / "kill-inbox", records)


async def test_a_kill_notice_never_leads_and_the_banner_names_the_killed_item(
        config: Config, tmp_path: Path) -> None:
    app = build_app(config, [_kill_inbox(tmp_path)], Desk(tmp_path / "d.toml", editor="ana"),
                    poll_seconds=60)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        story = app.wire.story_of("ap-1")
        assert story is not None and set(story.members) == {"ap-1", "ap-2"}
        assert story.lead == "ap-1"
        await _on(pilot, queue, "ap-1")
        await pilot.pause(0.2)
        banner = app.kill_banner("ap-1")
        assert "Ray Hollis, jazz pianist, dies at 81" in banner
        assert "KILL KILL KILL" not in banner.split("withdrawn by")[0]
        notices = record_notifications(app)
        await pilot.press("U")
        await pilot.pause()
        assert app.desk.decision("ap-1").status == "new"
        assert any("killed" in n.lower() and "cannot be marked used" in n for n in notices)
        await _on(pilot, queue, "ap-2")
        await pilot.press("L")
        await pilot.pause()
        assert app.desk.state.leads == {}  # a kill notice is refused as lead
        assert any("kill notice cannot lead" in n for n in notices)


def _story_inbox(tmp_path: Path) -> Path:
    body = ("Firefighters fought a blaze at a chemical plant in Ludwigshafen on Monday "
            "night. Two workers were hurt, the company said.")
    records = [
        {"id": "dpa-1", "source": "dpa", "headline": "Fire at Ludwigshafen chemical plant",
         "body": body, "created": "2019-03-14T08:00:00+00:00"},
        {"id": "dpa-2", "source": "dpa", "headline": "REPEAT Fire at Ludwigshafen chemical plant",
         "body": body, "created": "2019-03-14T08:30:00+00:00"},
        {"id": "dpa-3", "source": "dpa", "headline": "REPEAT Fire at Ludwigshafen chemical plant",
         "body": body, "created": "2019-03-14T09:00:00+00:00"},
        {"id": "afp-1", "source": "AFP", "headline": "Markets close higher in Frankfurt",
         "body": "The DAX rose 1.2 percent on Thursday as bank shares gained.",
         "created": "2019-03-14T09:30:00+00:00"},
    ]
    return jsonl_inbox(tmp_path / "story-inbox", records)


async def test_split_on_the_item_that_names_its_story_keeps_the_rest_together(
        config: Config, tmp_path: Path) -> None:
    app = build_app(config, [_story_inbox(tmp_path)], Desk(tmp_path / "d.toml", editor="ana"),
                    poll_seconds=60)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        assert app.wire.stories.size_of("dpa-1") == 3
        named = app.wire.story_of("dpa-1")
        assert named is not None and named.id == "story:dpa-1"
        await _on(pilot, queue, "dpa-1")
        await pilot.press("space")  # afp-1 goes into the story by hand
        await _on(pilot, queue, "afp-1")
        await pilot.press("space")
        await _on(pilot, queue, "dpa-2")
        await pilot.press("m")
        await pilot.pause()
        assert app.wire.stories.size_of("dpa-2") == 4
        await pilot.press("escape")
        await _on(pilot, queue, "dpa-1")
        await pilot.press("M")
        await pilot.pause()
        assert app.wire.stories.size_of("dpa-1") == 1
        rest = app.wire.story_of("dpa-2")
        assert rest is not None and set(rest.members) == {"dpa-2", "dpa-3", "afp-1"}
        assert rest.id != "story:dpa-1"
        await pilot.press("u")  # one step: all back as before
        await pilot.pause()
        assert app.wire.stories.size_of("dpa-1") == 4


async def test_not_the_same_story_is_one_undo_step(config: Config, tmp_path: Path) -> None:
    app = build_app(config, [_story_inbox(tmp_path)], Desk(tmp_path / "d.toml", editor="ana"),
                    poll_seconds=60)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, "dpa-3")
        await pilot.press("x")
        await pilot.pause()
        assert app.wire.stories.size_of("dpa-3") == 1
        assert app.desk.decision("dpa-3").not_same
        await pilot.press("u")
        await pilot.pause()
        decision = app.desk.decision("dpa-3")
        assert not decision.not_same and decision.story == ""
        assert app.wire.stories.size_of("dpa-3") == 3


async def test_the_tag_picker_shows_removes_and_confirms_new_tags(app: WiredeskApp) -> None:
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.press("t", *"politics", "enter")
        await pilot.press("t", *"world", "enter")
        await pilot.pause()
        assert app.desk.decision(ANBAR).tags == ("politics", "world")
        await pilot.press("t")
        picker = app.screen
        assert isinstance(picker, Picker) and picker.current == ("politics", "world")
        assert str(picker.query_one("#picker-current", Label).render()).startswith(
            "now: politics, world")
        await pilot.press("backspace")  # on an empty line: the last tag comes off
        await pilot.pause()
        assert app.desk.decision(ANBAR).tags == ("politics",)
        await pilot.press("t", "enter")  # the first option is a tag it has: off it comes
        await pilot.pause()
        assert app.desk.decision(ANBAR).tags == ()
        await pilot.press("t", *"qqtypo", "enter")
        await pilot.pause()
        picker = app.screen
        assert isinstance(picker, Picker)  # not created yet
        hint = str(picker.query_one("#picker-hint", Label).render())
        assert "new tag 'qqtypo'? enter again to create" in hint
        assert app.desk.decision(ANBAR).tags == ()
        await pilot.press("enter")
        await pilot.pause()
        assert app.desk.decision(ANBAR).tags == ("qqtypo",)
        await pilot.press("t", *"zzother", "enter", "escape")
        await pilot.pause()
        assert app.desk.decision(ANBAR).tags == ("qqtypo",)


async def test_an_item_read_in_the_preview_becomes_read_and_R_reads_the_view(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = seeds_app(config, inbox, state_file, seen_after=0.1)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.pause(0.4)
        assert not app.desk.decision(ANBAR).unread
        notices = record_notifications(app)
        await pilot.press("u")  # reading is not an action to undo
        await pilot.pause()
        assert notices[-1] == "Nothing to undo"
        assert not app.desk.decision(ANBAR).unread
        shown = list(queue.listing.keys)
        assert any(app.desk.decision(k).unread for k in shown)
        await pilot.press("R")
        await pilot.pause()
        assert not any(app.desk.decision(k).unread for k in shown)
        assert "0 unread" in app.status
        await pilot.press("u")  # one step
        await pilot.pause()
        assert sum(app.desk.decision(k).unread for k in shown) >= len(shown) - 2


async def test_moving_on_before_seen_after_leaves_it_unread(
        config: Config, inbox: Path, state_file: Path) -> None:
    from tui.config import load_config

    assert load_config(use_user_dir=False).desk.seen_after == 2.0  # the default
    app = seeds_app(config, inbox, state_file, seen_after=1.0)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        await _on(pilot, queue, ANBAR)
        await pilot.pause(0.3)
        await pilot.press("j")
        await pilot.pause(0.3)
        assert app.desk.decision(ANBAR).unread


async def test_a_flash_stops_being_pinned_once_read_and_the_cursor_stays_on_it(
        config: Config, inbox: Path, state_file: Path) -> None:
    app = seeds_app(config, inbox, state_file, seen_after=0.1)
    async with app.run_test(size=(160, 50)) as pilot:
        queue = await _start(app, pilot)
        pinned = [k for k in queue.listing.keys if app.wire.items[k].is_flash]
        assert pinned and queue.listing.keys[:len(pinned)] == pinned
        assert len(pinned) >= 2
        flash = pinned[0]
        await _on(pilot, queue, flash)
        await pilot.pause(0.4)
        assert not app.desk.decision(flash).unread
        assert queue.current_id == flash
        keys = list(queue.listing.keys)
        still = pinned[1:]
        assert keys[:len(still)] == still and keys.index(flash) >= len(still)
