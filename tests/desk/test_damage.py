"""Issue 12, "no decision lost": damage is told from a crash, refused, never overwritten,
and recovered from; what cannot be saved says so; files keep who may write them."""

from __future__ import annotations

import errno
import os
import stat
import time
import tomllib
from pathlib import Path

import pytest

from tui.cli import main
from tui.desk import journal
from tui.desk.desk import Desk, SaveFailed
from tui.desk.events import Event, now
from tui.desk.files import DeskFiles, StateError
from tui.desk.state import Change


def _files(path: Path) -> DeskFiles:
    return DeskFiles(path)


def _a_day(path: Path, actions: int = 40) -> Desk:
    """A desk with work on it: a status that ends `used`, and many tags."""
    desk = Desk(path, editor="ana")
    desk.set_status("a", "seen")
    desk.set_status("a", "used")
    for n in range(actions - 2):
        desk.tag("a" if n % 2 else "b", f"t{n}")
    return desk


def _cli(state: Path, inbox: Path, *args: str) -> int:
    return main([*args[:1], "--inbox", str(inbox), "--state", str(state), *args[1:]])


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    return folder


def _torn(seq: int) -> bytes:
    """The bytes a crash leaves of an action it stopped half way through writing."""
    event = Event(seq=seq, id="f" * 16, who="ana", at=now(), action="tag",
                  summary="tag late on z", changes=(Change("items", "z", "tags", add=("late",)),))
    whole = journal.encode(event)
    return whole[: len(whole) // 2]


def _read(path: Path) -> bytes | None:
    return path.read_bytes() if path.exists() else None


def _put(path: Path, data: bytes | None) -> None:
    if data is None:
        path.unlink(missing_ok=True)
    else:
        path.write_bytes(data)


# --- 6. a journal cut short is damage, not a crash ----------------------------------------

def _cut_points(data: bytes) -> list[int]:
    """Offsets to cut at: on an event's boundary, inside an early event, inside the last."""
    ends = [m.end() for m in journal._END.finditer(data)]
    return [ends[5] + 1, ends[3] - 7, (ends[10] + ends[11]) // 2, len(data) - 20,
            len(journal.HEADER) + 3]


def test_a_journal_cut_short_anywhere_is_refused_with_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    _a_day(path)
    log = _files(path).journal
    whole = log.read_bytes()
    for cut in _cut_points(whole):
        log.write_bytes(whole[:cut])
        with pytest.raises(StateError) as caught:
            Desk(path)
        assert caught.value.path == log, cut
        assert caught.value.line is not None, cut
        assert "cut short" in str(caught.value) and "--recover" in str(caught.value)
        assert log.read_bytes() == whole[:cut]  # never overwritten
    log.write_bytes(whole)
    assert Desk(path).decision("a").status == "used"


def test_the_parsed_cache_alone_also_knows_how_far_the_journal_went(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    _a_day(path)
    files = _files(path)
    files.cache.unlink()
    Desk(path)  # a parsed copy of the whole journal
    files.snapshot.with_name("desk.seq").unlink(missing_ok=True)
    whole = files.journal.read_bytes()
    files.journal.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(StateError, match="cut short"):
        Desk(path)


def test_the_cli_refuses_a_cut_journal_and_recover_keeps_what_is_valid(
        tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "desk.toml"
    _a_day(path)
    log = _files(path).journal
    whole = log.read_bytes()
    ends = [m.end() for m in journal._END.finditer(whole)]
    cut = whole[: ends[9] + 30]  # ten whole actions and a piece of the eleventh
    log.write_bytes(cut)
    assert _cli(path, inbox, "tag", "a", "x") == 2
    err = capsys.readouterr().err
    assert f"{log}:" in err and "cut short" in err
    assert log.read_bytes() == cut
    assert main(["--recover", "--state", str(path)]) == 0
    capsys.readouterr()
    rebuilt = Desk(path)
    assert rebuilt.warnings == []
    assert rebuilt.decision("a").status == "used"
    assert len(rebuilt.all_events()) == 10
    assert _cli(path, inbox, "tag", "a", "x") == 0  # the desk works again
    assert "x" in Desk(path).decision("a").tags


def test_a_crash_torn_final_action_loads_with_a_warning_in_the_cli_too(
        tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "desk.toml"
    desk = _a_day(path)
    log = _files(path).journal
    with log.open("ab") as handle:
        handle.write(_torn(desk.seq + 1))  # killed while writing an action not yet saved
    again = Desk(path)
    assert again.decision("a").status == "used" and len(again.all_events()) == 40
    assert "cut short" in again.warnings[0]
    assert _cli(path, inbox, "tag", "a", "x") == 0
    err = capsys.readouterr().err
    assert "cut short" in err and "dropped" in err
    final = Desk(path)
    assert final.warnings == [] and len(final.all_events()) == 41
    tomllib.loads(log.read_text())


def test_an_unfinished_action_of_a_live_writer_is_not_cut_by_the_next(tmp_path: Path) -> None:
    """Read at start while another wiredesk was half way through its write: by the time we
    act under the lock its action is whole, and must not be taken for a torn one."""
    path = tmp_path / "desk.toml"
    ana = Desk(path, editor="ana")
    ana.tag("a", "one")
    log, acknowledged = _files(path).journal, path.with_name("desk.seq")
    first = _read(acknowledged)
    ana.tag("b", "two")
    both, second = log.read_bytes(), _read(acknowledged)
    # what ben's start saw: ana's second write under way, not yet acknowledged
    log.write_bytes(both[: len(both) - 12])
    _put(acknowledged, first)
    ben = Desk(path, editor="ben")
    log.write_bytes(both)  # ana's write completes, and is acknowledged
    _put(acknowledged, second)
    ben.tag("c", "three")
    final = Desk(path)
    assert final.warnings == []
    assert [d for d in ("a", "b", "c") if final.decision(d).tags] == ["a", "b", "c"]


def test_a_damaged_last_action_with_its_end_line_is_damage_not_a_tear(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    _a_day(path, actions=4)
    log = _files(path).journal
    text = log.read_text()
    last = text.rindex("[[event]]")
    damaged = text[:last] + text[last:].replace('field = "tags"', "field = ", 1)
    log.write_text(damaged)
    _files(path).snapshot.with_name("desk.seq").unlink(missing_ok=True)  # even without the sidecar
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert caught.value.path == log and caught.value.line is not None
    assert log.read_text() == damaged


def test_an_action_saved_late_after_a_colleague_compacted_is_kept_and_undone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    ana, ben = Desk(path, editor="ana"), Desk(path, editor="ben")
    ana.tag("a", "one")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "fsync", disk_full)
    with pytest.raises(SaveFailed):
        ana.tag("a", "two")
    monkeypatch.undo()
    ben.compact()  # a new journal: ana's next save reads both files again first
    ana.retry_save()
    assert Desk(path).decision("a").tags == ("one", "two")
    ana.undo()
    assert Desk(path).decision("a").tags == ("one",)


# --- 7. a snapshot ahead of its journal; values out of range or of the wrong type ---------

def test_a_snapshot_ahead_of_its_journal_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = _a_day(path, actions=12)
    desk.compact()
    files = _files(path)
    whole = files.journal.read_bytes()
    ends = [m.end() for m in journal._END.finditer(whole)]
    files.journal.write_bytes(whole[: ends[5] + 1])  # six of the twelve, cut on a boundary
    files.snapshot.with_name("desk.seq").unlink(missing_ok=True)
    files.cache.unlink()
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert caught.value.path == files.snapshot
    assert caught.value.line == files.snapshot.read_text().splitlines().index("seq = 12") + 1
    assert "ahead" in str(caught.value) or "missing" in str(caught.value)


def test_recover_puts_a_snapshot_ahead_of_its_journal_right(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]
                                                            ) -> None:
    path = tmp_path / "desk.toml"
    desk = _a_day(path, actions=12)
    desk.compact()
    files = _files(path)
    whole = files.journal.read_bytes()
    ends = [m.end() for m in journal._END.finditer(whole)]
    files.journal.write_bytes(whole[: ends[5] + 1])
    assert main(["--state", str(path), "undo"]) == 2
    assert main(["--recover", "--state", str(path)]) == 0
    capsys.readouterr()
    rebuilt = Desk(path, editor="ana")
    assert rebuilt.state == desk.state and rebuilt.seq == 12
    rebuilt.tag("c", "after")
    assert Desk(path).decision("c").tags == ("after",)


def test_recover_keeps_every_valid_item_of_a_snapshot_with_one_bad_value(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('schema = 2\nseq = 0\n\n[items."a"]\nstatus = "used"\n\n[items."b"]\n'
                    'priority = -5\n\n[items."c"]\ntags = ["x"]\n')
    assert main(["--state", str(path), "undo"]) == 2
    assert "desk.toml:8: item 'b': priority" in capsys.readouterr().err
    assert main(["--recover", "--state", str(path)]) == 0
    assert "dropped 1 (b)" in capsys.readouterr().out
    rebuilt = Desk(path)
    assert rebuilt.decision("a").status == "used" and rebuilt.decision("c").tags == ("x",)
    assert "b" not in rebuilt.state.decisions


@pytest.mark.parametrize("entry", ["priority = -5", "priority = 0", "priority = 10",
                                   "priority = true", 'tags = "x"', "note = 3"])
def test_snapshot_values_out_of_range_or_type_name_the_line(tmp_path: Path, entry: str) -> None:
    path = tmp_path / "desk.toml"
    path.write_text(f'schema = 2\nseq = 0\n\n[items."a"]\nstatus = "seen"\n{entry}\n')
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert caught.value.path == path and caught.value.line == 6


def test_snapshot_priorities_one_to_nine_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    path.write_text('schema = 2\nseq = 0\n[items."a"]\npriority = 1\n[items."b"]\n'
                    'priority = 9\n')
    desk = Desk(path)
    assert (desk.decision("a").priority, desk.decision("b").priority) == (1, 9)


@pytest.mark.parametrize(("old", "new"), [
    ('who = "ana"', "who = [1, 2]"),
    ('who = "ana"', "who = 7"),
    ("at = ", "at = 12345\nx_at = "),
    ("at = ", "at = 2019-03-14T09:00:00Z\nx_at = "),
    ('id = "', 'id = 5\nx_id = "'),
    ('action = "tag"', "action = [\"tag\"]"),
    ('summary = "', 'summary = 1.5\nx_summary = "'),
])
def test_journal_values_of_the_wrong_type_name_the_line(tmp_path: Path, old: str,
                                                        new: str) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="ana")
    desk.tag("a", "one")
    desk.tag("b", "two")
    log = _files(path).journal
    text = log.read_text()
    second = text.rindex("[[event]]")
    damaged = text[:second] + text[second:].replace(old, new, 1)
    assert damaged != text
    if "x_" in new:  # keep the table valid TOML: the old value under a key of its own
        damaged = damaged.replace("x_at", "at_was").replace("x_id", "id_was").replace(
            "x_summary", "summary_was")
    log.write_text(damaged)
    with pytest.raises(StateError) as caught:
        Desk(path)
    assert caught.value.path == log
    assert caught.value.line == damaged[:second].count("\n") + 1


def test_a_change_to_a_priority_out_of_range_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="ana")
    desk.set_priority("a", 3)
    log = _files(path).journal
    damaged = log.read_text().replace("after = 3", "after = -5")
    log.write_text(damaged)
    with pytest.raises(StateError, match="priority") as caught:
        Desk(path)
    assert caught.value.line == damaged.splitlines().index("[[event]]") + 1


def test_a_retried_save_is_kept_for_undo_by_compaction(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """An action saved late (disk full, then freed) is the snapshot's last: the journal kept
    after compaction must end with it, or the snapshot would be ahead of its journal."""
    path = tmp_path / "desk.toml"
    desk = Desk(path, editor="ana")
    desk.tag("a", "one")

    def disk_full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(journal.os, "fsync", disk_full)
    with pytest.raises(SaveFailed, match="No space left"):
        desk.tag("a", "two")
    monkeypatch.undo()
    desk.retry_save()
    desk.compact()
    kept = tomllib.loads(_files(path).journal.read_text())["event"]
    assert [e["seq"] for e in kept] == [1, 2]
    _files(path).cache.unlink()  # from the TOML alone
    again = Desk(path, editor="ana")
    assert again.decision("a").tags == ("one", "two")
    again.undo()
    assert Desk(path).decision("a").tags == ("one",)


# --- 8. a full disk in the command line: the action was not saved --------------------------

def test_the_cli_says_an_action_it_could_not_write_was_not_saved(
        tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "desk.toml"
    Desk(path, editor="ana").tag("a", "one")
    log = _files(path).journal
    before = log.read_bytes()

    def disk_full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", disk_full)
    assert _cli(path, inbox, "tag", "a", "two") == 1
    err = capsys.readouterr().err
    monkeypatch.undo()
    assert "No space left on device" in err and "not saved" in err
    assert "kept in memory" not in err and "next action" not in err
    assert log.read_bytes() == before
    assert Desk(path).decision("a").tags == ("one",)


def test_the_cli_in_a_folder_it_cannot_write_says_not_saved(
        tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes to any folder")
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / "desk.toml"
    Desk(path, editor="ana").tag("a", "one")
    for name in os.listdir(folder):
        (folder / name).chmod(0o444)
    folder.chmod(0o555)
    try:
        assert _cli(path, inbox, "tag", "a", "two") == 1
        err = capsys.readouterr().err
        assert "not saved" in err and "kept in memory" not in err
    finally:
        folder.chmod(0o755)
        for name in os.listdir(folder):
            (folder / name).chmod(0o644)
    assert Desk(path).decision("a").tags == ("one",)


# --- 9. compaction keeps a file's mode; stale temporary files are cleaned at start ---------

def test_compaction_keeps_the_mode_of_the_files_it_replaces(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    desk = _a_day(path, actions=5)
    desk.compact()
    files = _files(path)
    for file in (files.snapshot, files.journal, files.cache):
        file.chmod(0o664)
    desk.tag("c", "more")
    desk.compact()
    for file in (files.snapshot, files.journal, files.cache):
        assert stat.S_IMODE(file.stat().st_mode) == 0o664, file


def test_new_state_files_follow_the_umask_not_0600(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        desk = _a_day(tmp_path / "desk.toml", actions=3)
        desk.compact()
    finally:
        os.umask(old)
    for name in ("desk.toml", "desk.journal.toml", "desk.cache.json"):
        assert stat.S_IMODE((tmp_path / name).stat().st_mode) == 0o644, name


def test_stale_temporary_files_are_cleaned_at_start_and_live_ones_kept(tmp_path: Path) -> None:
    path = tmp_path / "desk.toml"
    Desk(path).tag("a", "one")
    stale = [".desk.toml.k2j4.tmp", ".desk.journal.toml.x9q1.tmp", ".desk.cache.json.a7f.tmp"]
    live = ".desk.toml.fresh1.tmp"
    others = [".other.toml.old.tmp", "notes.tmp"]
    hour_ago = time.time() - 3600
    for name in (*stale, live, *others):
        (tmp_path / name).write_bytes(b"half")
        if name != live:
            os.utime(tmp_path / name, (hour_ago, hour_ago))
    Desk(path)
    left = set(os.listdir(tmp_path))
    assert not left & set(stale)
    assert live in left and set(others) <= left
