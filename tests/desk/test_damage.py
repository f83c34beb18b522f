"""Issue 12, "no decision lost": damage is told from a crash, refused, never overwritten,
and recovered from; what cannot be saved says so; files keep who may write them."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from tui.cli import main
from tui.desk import journal
from tui.desk.desk import Desk
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
