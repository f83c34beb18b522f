"""The desk commands, as a script would use them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tui.cli import main
from tui.desk.desk import Desk

STORY = "Fighters surrendered in Baghuz on Wednesday.\n\nThe SDF said 3,000 people left."


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    rows = [{"id": "reuters-1", "headline": "Baghuz falls", "body": STORY, "source": "Reuters",
             "versioned": "2019-03-14T09:00:00+00:00"},
            {"id": "reuters-2", "headline": "REPEAT Baghuz falls", "body": STORY,
             "source": "Reuters", "versioned": "2019-03-14T09:30:00+00:00"},
            {"id": "afp-1", "headline": "Other story", "body": "Nothing alike.",
             "source": "AFP", "versioned": "2019-03-14T10:00:00+00:00"}]
    (folder / "day.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def _run(capsys: pytest.CaptureFixture[str], inbox: Path, state: Path, *args: str
         ) -> tuple[int, str, str]:
    code = main([*args[:1], "--inbox", str(inbox), "--state", str(state), *args[1:]])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_decision_command(tmp_path: Path, inbox: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    assert _run(capsys, inbox, state, "tag", "reuters-1", "politics", "world")[0] == 0
    assert _run(capsys, inbox, state, "untag", "reuters-1", "world")[0] == 0
    assert _run(capsys, inbox, state, "assign", "reuters-1", "Ben Okafor")[0] == 0
    assert _run(capsys, inbox, state, "status", "afp-1", "spiked")[0] == 0
    assert _run(capsys, inbox, state, "note", "afp-1", "check the figures")[0] == 0
    assert _run(capsys, inbox, state, "merge", "reuters-1", "afp-1")[0] == 0
    assert _run(capsys, inbox, state, "split", "reuters-2")[0] == 0
    assert _run(capsys, inbox, state, "notdup", "reuters-2", "afp-1")[0] == 0
    desk = Desk(state)
    one = desk.decision("reuters-1")
    assert (one.tags, one.assignee, one.story) == (("politics",), "Ben Okafor",
                                                   "story:reuters-1")
    assert desk.decision("afp-1").story == "story:reuters-1"
    assert desk.decision("afp-1").status == "spiked"
    assert desk.decision("reuters-2").story == "alone"
    assert desk.decision("afp-1").not_same == ("reuters-2",)

    out = _run(capsys, inbox, state, "show", "reuters-1", "--json")[1]
    shown = json.loads(out)
    assert shown["item"]["headline"] == "Baghuz falls"
    assert shown["decision"]["tags"] == ["politics"]

    out = _run(capsys, inbox, state, "log", "reuters-1")[1]
    assert [line.split(None, 3)[-1] for line in out.splitlines()] == [
        "tag politics, world on reuters-1", "untag world on reuters-1",
        "assign reuters-1 to Ben Okafor", "merge 2 items into story:reuters-1"]

    out = _run(capsys, inbox, state, "export", "--format", "csv")[1]
    rows = list(csv.DictReader(io.StringIO(out)))
    by_id = {r["id"]: r for r in rows}
    assert by_id["afp-1"]["headline"] == "Other story" and by_id["afp-1"]["source"] == "AFP"
    assert by_id["reuters-1"]["time"] == "2019-03-14T09:00:00+00:00"
    out = _run(capsys, inbox, state, "export", "--format", "json")[1]
    assert {r["id"] for r in json.loads(out)} == set(by_id)


def test_undo_and_redo(tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    _run(capsys, inbox, state, "tag", "afp-1", "sport")
    code, out, _ = _run(capsys, inbox, state, "undo")
    assert code == 0 and out.strip() == "undo: tag sport on afp-1"
    assert Desk(state).decision("afp-1").tags == ()
    assert _run(capsys, inbox, state, "redo")[0] == 0
    assert Desk(state).decision("afp-1").tags == ("sport",)
    _run(capsys, inbox, state, "undo")
    code, _, err = _run(capsys, inbox, state, "undo")
    assert code == 1 and "nothing to undo" in err


def test_unknown_id_suggests_the_nearest(tmp_path: Path, inbox: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, inbox, tmp_path / "d.toml", "tag", "reuters-3", "x")
    assert code == 2
    assert "no item 'reuters-3'" in err and "did you mean reuters-1" in err


def test_assign_outside_the_roster(tmp_path: Path, inbox: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(capsys, inbox, tmp_path / "d.toml", "assign", "afp-1", "Ben Okafr")
    assert code == 2 and "did you mean Ben Okafor" in err


def test_recover_keeps_a_backup_and_rebuilds(tmp_path: Path, inbox: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    desk = Desk(state, editor="t")
    desk.tag("a", "one")
    desk.tag("b", "two")
    desk.tag("c", "three")
    log = state.with_name("desk.journal.toml")
    damaged = log.read_text().replace('field = "tags"', "field = ", 2)
    log.write_text(damaged)
    assert main(["--state", str(state), "tag", "a", "x"]) == 2
    assert "desk.journal.toml:" in capsys.readouterr().err  # refuses and names the line
    assert log.read_text() == damaged
    assert main(["--recover", "--state", str(state)]) == 0
    out = capsys.readouterr().out
    assert "kept a copy of desk.journal.toml" in out
    backups = list(tmp_path.glob("desk.journal.toml.broken-*"))
    assert len(backups) == 1 and backups[0].read_text() == damaged
    rebuilt = Desk(state)
    assert rebuilt.decision("c").tags == ("three",)
    assert rebuilt.decision("a").tags == ()


def test_export_names_each_items_lineage_and_why_it_is_in_its_story(
        tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    for key in ("reuters-1", "reuters-2", "afp-1"):
        assert _run(capsys, inbox, state, "tag", key, "world")[0] == 0
    out = _run(capsys, inbox, state, "export", "--format", "json")[1]
    rows = {r["id"]: r for r in json.loads(out)}
    # the repeat is in its agency's lineage, in the story of its first item
    assert rows["reuters-2"]["lineage"] == "reuters-1"
    assert rows["reuters-2"]["grouped_story"] == "story:reuters-1"
    assert rows["reuters-1"]["lineage_why"] == "lead lineage"
    assert rows["afp-1"]["lineage"] == "afp-1"
    assert rows["afp-1"]["grouped_story"] == "story:afp-1"


def test_merge_with_a_single_id_is_an_error(tmp_path: Path, inbox: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    code, _out, err = _run(capsys, inbox, state, "merge", "reuters-1")
    assert code == 2
    assert "merge takes two or more ids" in err
    assert not state.with_name("desk.journal.toml").exists()  # nothing was decided


def test_export_json_writes_tags_as_a_list(tmp_path: Path, inbox: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    assert _run(capsys, inbox, state, "tag", "afp-1", "politics", "world news")[0] == 0
    rows = {r["id"]: r for r in json.loads(_run(capsys, inbox, state, "export", "--format",
                                                "json")[1])}
    assert rows["afp-1"]["tags"] == ["politics", "world news"]  # a tag may hold a space
