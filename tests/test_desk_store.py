"""The desk state file: TOML written atomically, read back exactly, never overwritten
when broken."""

from __future__ import annotations

import errno
import os
import tomllib
from pathlib import Path

import pytest

from tui.desk import store
from tui.desk.desk import Desk, SaveFailed
from tui.desk.state import Decision, DeskState


def test_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    state = DeskState()
    state.put("urn:newsml:reuters.com:20190314:nL1", Decision(status="used", tags=("a", "b"),
                                                              assignee="Ana", priority=2,
                                                              note="call the desk"))
    state.put('sha:"quoted"[id]', Decision(tags=("x",)))
    store.save(path, state)
    assert store.load(path) == state
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    assert data["schema"] == store.SCHEMA
    assert data["items"]["urn:newsml:reuters.com:20190314:nL1"]["tags"] == ["a", "b"]


def test_missing_file_is_an_empty_desk(tmp_path: Path) -> None:
    assert store.load(tmp_path / "none.toml") == DeskState()


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    for n in range(5):
        desk.tag(f"id{n}", "world")
    assert sorted(os.listdir(tmp_path)) == ["desk.toml"]


def test_broken_file_is_an_error_with_a_line_and_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    broken = 'schema = 1\n\n[items."a"]\nstatus = "seen"\ntags = ["x",\n'
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(store.StateError) as caught:
        Desk(path)
    assert caught.value.line is not None
    assert str(path) in str(caught.value)
    assert path.read_text(encoding="utf-8") == broken


def test_bad_value_names_the_item(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('schema = 1\n[items."a"]\nstatus = "lost"\n', encoding="utf-8")
    with pytest.raises(store.StateError, match=r"desk.toml:2: item 'a': status 'lost'"):
        store.load(path)


def test_unknown_schema(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text("schema = 99\n", encoding="utf-8")
    with pytest.raises(store.StateError, match=r"desk.toml:1: unknown desk state schema 99"):
        store.load(path)


def test_full_disk_keeps_the_decision_in_memory_and_the_old_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="t")
    desk.tag("x", "world")
    before = path.read_bytes()
    real_fsync = os.fsync

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", disk_full)
    with pytest.raises(SaveFailed, match=r"No space left on device.*kept in memory"):
        desk.tag("x", "politics")
    assert desk.decision("x").tags == ("world", "politics")
    assert desk.unsaved
    assert path.read_bytes() == before  # the old state is whole, nothing half-written
    assert sorted(os.listdir(tmp_path)) == ["desk.toml"]
    monkeypatch.setattr(store.os, "fsync", real_fsync)
    desk.retry_save()
    assert not desk.unsaved
    assert store.load(path).get("x").tags == ("world", "politics")
