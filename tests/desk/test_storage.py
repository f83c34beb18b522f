"""The desk state on disk: snapshot and journal in TOML, atomic, never overwritten
when broken, readable by a person."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest

from tui.desk import journal
from tui.desk.desk import Desk, SaveFailed
from tui.desk.events import Event, now
from tui.desk.files import DeskFiles, StateError
from tui.desk.state import Change


def _files(tmp_path: Path) -> DeskFiles:
    return DeskFiles(tmp_path / "desk.toml")


def test_every_kind_of_decision_survives_a_restart(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="ana")
    desk.tag("urn:newsml:reuters.com:20190314:nL1", "politics", "world")
    desk.set_status(["a", "b"], "used")
    desk.assign("a", "Ben Okafor")
    desk.set_priority("a", 2)
    desk.note("a", 'call "the desk" [bold]now[/]')
    desk.merge("story:a", ["a", "c"])
    desk.split("d")
    desk.not_same("a", "e")
    desk.set_lead("story:a", "c")
    again = Desk(path, editor="ana")
    assert again.state == desk.state
    assert again.decision("a").note == 'call "the desk" [bold]now[/]'
    assert again.decision("e").not_same == ("a",)
    assert again.state.leads == {"story:a": "c"}


def test_the_journal_and_snapshot_are_plain_toml(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.toml", editor="ana")
    desk.tag("x", "politics")
    events = tomllib.loads(_files(tmp_path).journal.read_text())["event"]
    assert events[0]["who"] == "ana" and events[0]["action"] == "tag"
    assert events[0]["change"] == [{"table": "items", "key": "x", "field": "tags",
                                    "add": ["politics"]}]
    desk.compact()
    snap = tomllib.loads(_files(tmp_path).snapshot.read_text())
    assert snap["schema"] == 2 and snap["seq"] == 1
    assert snap["items"] == {"x": {"tags": ["politics"]}}
    assert Desk(tmp_path / "desk.toml").decision("x").tags == ("politics",)


def test_undo_and_redo_survive_a_restart_and_compaction(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="ana")
    for n in range(5):
        desk.tag(f"i{n}", "world")
    desk.compact()
    again = Desk(path, editor="ana")
    again.undo()
    again.undo()
    assert again.decision("i4").tags == () and again.decision("i3").tags == ()
    third = Desk(path, editor="ana")
    third.redo()
    assert third.decision("i3").tags == ("world",)
    assert third.decision("i4").tags == ()


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "desk.toml", editor="t")
    for n in range(5):
        desk.tag(f"id{n}", "world")
    desk.compact()
    assert sorted(os.listdir(tmp_path)) == ["desk.cache.json", "desk.journal.toml", "desk.lock",
                                            "desk.seq", "desk.toml"]


def test_missing_files_are_an_empty_desk(tmp_path: Path) -> None:
    desk = Desk(tmp_path / "nothing" / "desk.toml")
    assert desk.state.decisions == {} and desk.seq == 0


def test_empty_snapshot_file_is_an_empty_desk_of_an_unknown_schema(tmp_path: Path) -> None:
    (tmp_path / "desk.toml").write_bytes(b"")
    with pytest.raises(StateError, match="unknown desk state schema None"):
        Desk(tmp_path / "desk.toml")
    assert (tmp_path / "desk.toml").read_bytes() == b""


def test_broken_snapshot_names_the_line_and_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    broken = 'schema = 2\nseq = 0\n\n[items."a"]\nstatus = "seen"\ntags = ["x",\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert caught.value.line == 6
    assert str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == broken


def test_bad_value_names_the_item_and_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('schema = 2\nseq = 0\n[items."a"]\nstatus = "lost"\n', encoding="utf-8")
    with pytest.raises(StateError, match=r"desk.toml:4: item 'a': status 'lost'"):
        Desk(path)


def test_unknown_schema(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text("schema = 99\n", encoding="utf-8")
    with pytest.raises(StateError, match=r"desk.toml:1: unknown desk state schema 99"):
        Desk(path)


def test_schema_1_from_version_0_1_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('schema = 1\n\n[items."a"]\nstatus = "seen"\ntags = ["x"]\n')
    desk = Desk(path)
    assert desk.decision("a").tags == ("x",) and desk.decision("a").status == "seen"
    desk.tag("a", "y")
    desk.compact()
    assert tomllib.loads(path.read_text())["schema"] == 2
    assert Desk(path).decision("a").tags == ("x", "y")


def test_a_torn_last_event_is_dropped_with_a_warning_and_cut_before_the_next(
        tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    desk.tag("a", "one")
    log = _files(tmp_path).journal
    second = journal.encode(Event(seq=2, id="b" * 16, who="t", at=now(), action="tag",
                                  summary="tag two on b",
                                  changes=(Change("items", "b", "tags", add=("two",)),)))
    with log.open("ab") as handle:  # killed in the middle of the second write
        handle.write(second[: len(second) - 20])
    again = Desk(path, editor="t")
    assert again.decision("a").tags == ("one",)
    assert again.decision("b").tags == ()
    assert "cut short" in again.warnings[0]
    again.tag("c", "three")
    final = Desk(path)
    assert final.warnings == []
    assert (final.decision("a").tags, final.decision("c").tags) == (("one",), ("three",))
    tomllib.loads(log.read_text())  # the whole journal is valid TOML again


def test_a_broken_event_in_the_middle_is_an_error_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    desk.tag("a", "one")
    desk.tag("b", "two")
    log = _files(tmp_path).journal
    text = log.read_text().replace('field = "tags"', 'field = "colour"', 1)
    log.write_text(text)
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert "unknown field 'colour'" in str(caught.value)
    assert caught.value.line == text.splitlines().index("[[event]]") + 1
    assert log.read_text() == text


def test_unreadable_state_is_a_clear_error(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    Desk(path).tag("a", "x")
    Desk(path).compact()
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(StateError, match="cannot read the desk state: Permission denied"):
        Desk(path)


def test_full_disk_keeps_the_decision_in_memory_and_the_files_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    desk.tag("x", "world")
    before = _files(tmp_path).journal.read_bytes()

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "fsync", disk_full)
    with pytest.raises(SaveFailed, match=r"No space left on device.*kept in memory"):
        desk.tag("x", "politics")
    assert desk.decision("x").tags == ("world", "politics")
    assert desk.unsaved
    assert _files(tmp_path).journal.read_bytes() == before  # cut back: no half event
    monkeypatch.undo()
    desk.retry_save()
    assert not desk.unsaved
    assert Desk(path).decision("x").tags == ("world", "politics")


def test_read_only_folder_keeps_decisions_and_saves_them_later(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    real_open = os.open

    def read_only(file: str | os.PathLike[str], flags: int, *args: int) -> int:
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.EROFS, "Read-only file system")
        return real_open(file, flags, *args)

    monkeypatch.setattr(os, "open", read_only)
    with pytest.raises(SaveFailed, match="Read-only file system"):
        desk.tag("a", "one")
    with pytest.raises(SaveFailed):
        desk.tag("b", "two")
    assert desk.decision("b").tags == ("two",)
    monkeypatch.undo()
    desk.tag("c", "three")  # the next action writes what was waiting, in order
    final = Desk(path)
    assert [e.summary for e in final.all_events()] == [
        "tag one on a", "tag two on b", "tag three on c"]


def test_a_long_journal_is_folded_in_when_needed(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.desk import desk as desk_module

    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    for n in range(600):
        desk.tag(f"i{n}", "world")
    desk.compact_if_needed()
    assert not path.exists()  # far below the threshold: nothing folded
    monkeypatch.setattr(desk_module, "COMPACT_AFTER_BYTES", 1000)
    assert desk.needs_compaction()
    desk.compact_if_needed()
    assert tomllib.loads(path.read_text())["seq"] == 600
    kept = tomllib.loads(_files(tmp_path).journal.read_text())["event"]
    assert len(kept) == desk_module.KEEP_FOR_UNDO
    desk.undo()  # undo still reaches back past the fold
    assert Desk(path).decision("i599").tags == ()
