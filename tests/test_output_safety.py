"""What the command line prints is text to read, never a terminal command: file names,
ids, tags, notes and headlines reach stdout and stderr with their control characters and
escape sequences made visible, JSON with every C0/C1 control escaped, columns without
bidi overrides, and a CSV export that no spreadsheet opens as a formula."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tui.cli import main
from tui.dedup.report import dupes_report, dupes_table
from tui.desk.desk import Desk
from tui.ingest.jsonl import parse_object
from tui.termout import spreadsheet_cell
from tui.textsafe import cell, visible

#: an OSC 52 clipboard write and a screen clear
OSC52 = "\x1b]52;c;aGk=\x07"
CLEAR = "\x1b[2J"
#: the C1 control sequence introducer, which a terminal may read as ESC [
CSI = "\u009b"
HOSTILE = f"{OSC52}{CLEAR}{CSI}\x7f"
#: C0 and C1 controls and DEL, tab and newline aside; lone surrogates (an undecodable
#: byte of a file name) would be written back as that raw byte
UNSAFE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: bidi embeddings, overrides and isolates: one in a cell reorders the cells after it
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
RLO = "\u202e"
STORY = "Fighters surrendered in Baghuz on Wednesday.\n\nThe SDF said 3,000 people left."
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _clean(text: str) -> None:
    found = UNSAFE.findall(text)
    assert not found, f"control characters reach the terminal: {found!r} in {text!r}"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    _clean(captured.out)
    _clean(captured.err)
    return code, captured.out, captured.err


@pytest.fixture
def hostile_inbox(tmp_path: Path) -> Path:
    """A folder whose own name, and its files' names, carry escape sequences: one file
    read, one quarantined."""
    folder = tmp_path / f"inbox{CLEAR}"
    folder.mkdir()
    (folder / f"wire{OSC52}{CLEAR}{CSI}.txt").write_text(
        "Baghuz falls to the SDF\n\nFighters surrendered in Baghuz on Wednesday.\n")
    (folder / f"broken{OSC52}.xml").write_bytes(b"<nitf><head>")
    for path in folder.iterdir():  # written long enough ago for `watch` to read at once
        os.utime(path, (time.time() - 60, time.time() - 60))
    return folder


def _not_utf8_name(folder: Path) -> Path:
    """A file under a name that is not UTF-8 (\x9b alone, C1 CSI in Latin-1)."""
    path = Path(os.fsdecode(os.fsencode(folder) + b"/raw\x9bname.txt"))
    path.write_text("Another headline\n\nAnother body.\n")
    os.utime(path, (time.time() - 60, time.time() - 60))
    return path


@pytest.fixture
def desk_inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "desk-inbox"
    folder.mkdir()
    rows = [{"id": "reuters-1", "headline": f"Baghuz {RLO}falls", "body": STORY,
             "source": "Reuters", "versioned": "2019-03-14T09:00:00+00:00"},
            {"id": "reuters-2", "headline": "-30 degrees in =Baghuz", "body": "Cold.",
             "source": "Reuters", "versioned": "2019-03-14T09:30:00+00:00"}]
    (folder / "day.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    return folder


def test_parse_shows_hostile_file_names_as_characters(
        hostile_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _not_utf8_name(hostile_inbox)
    code, out, err = _run(capsys, "parse", str(hostile_inbox))
    assert code == 1  # the broken file
    assert "Baghuz falls to the SDF" in out and "Another headline" in out
    assert f"broken{visible(OSC52)}.xml" in err
    assert "␛]52;c;aGk=␇" in err and "␛[2J" in err  # read, not run
    code, _out, err = _run(capsys, "parse", str(hostile_inbox / f"gone{OSC52}"))
    assert code == 1 and "gone␛]52" in err and "no such file or folder" in err


def test_parse_json_escapes_every_control_and_keeps_the_path(
        hostile_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raw = _not_utf8_name(hostile_inbox)
    _code, out, _err = _run(capsys, "parse", str(hostile_inbox), "--json")
    records = [json.loads(line) for line in out.splitlines()]
    paths = {r["path"] for r in records}
    # escaped, not changed: the JSON still names the very file
    assert str(hostile_inbox / f"wire{OSC52}{CLEAR}{CSI}.txt") in paths
    assert str(raw) in paths
    assert "\\u009b" in out and "\\u001b]52" in out


def test_watch_shows_hostile_file_names_as_characters(
        hostile_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _run(capsys, "watch", "--inbox", str(hostile_inbox), "--all",
                          "--seconds", "0")
    assert code == 0
    assert "Baghuz falls to the SDF" in out
    assert "watching" in err and "inbox␛[2J" in err and "broken␛]52" in err
    code, out, _err = _run(capsys, "watch", "--inbox", str(hostile_inbox), "--all",
                           "--json", "--seconds", "0")
    assert [json.loads(line)["headline"] for line in out.splitlines()] == [
        "Baghuz falls to the SDF"]
    code, _out, err = _run(capsys, "watch", "--inbox", str(hostile_inbox / CLEAR))
    assert code == 2 and "does not exist" in err


def test_watch_reads_a_file_whose_name_is_not_utf8(
        hostile_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _not_utf8_name(hostile_inbox)
    _code, out, _err = _run(capsys, "watch", "--inbox", str(hostile_inbox), "--all",
                            "--seconds", "0")
    assert "Another headline" in out


def test_dupes_table_and_json_show_hostile_text_as_characters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "dupes"
    folder.mkdir()
    rows = [{"id": f"reuters-1{CSI}", "headline": f"Baghuz {RLO}falls{CSI}", "body": STORY,
             "source": f"Reu{RLO}ters", "versioned": "2019-03-14T09:00:00+00:00"},
            {"id": "reuters-2", "headline": f"REPEAT Baghuz {RLO}falls", "body": STORY,
             "source": "Reuters", "versioned": "2019-03-14T09:30:00+00:00"}]
    (folder / f"day{OSC52}.jsonl").write_text(
        "".join(json.dumps(r) + "\n" for r in rows))
    code, out, _err = _run(capsys, "dupes", str(folder))
    assert code == 0 and "(2 items)" in out
    assert not BIDI.search(out)  # a column never reverses the columns after it
    code, out, _err = _run(capsys, "dupes", str(folder), "--json")
    assert code == 0 and len(json.loads(out)["clusters"]) == 1
    code, _out, err = _run(capsys, "dupes", str(folder / f"gone{OSC52}"))
    assert code == 1 and "gone␛]52" in err


def test_dupes_table_neutralises_bidi_in_every_column() -> None:
    items = [parse_object({"id": "a-1", "headline": f"{RLO}Baghuz falls", "body": STORY,
                           "source": f"{RLO}AP", "versioned": "2019-03-14T09:00:00+00:00"},
                          "p", ""),
             parse_object({"id": "a-2", "headline": "\u2067Baghuz falls\u2069",
                           "body": STORY, "versioned": "2019-03-14T09:10:00+00:00"}, "p", "")]
    table = dupes_table(dupes_report(items))
    assert "Baghuz falls" in table
    assert not BIDI.search(table)


def test_desk_commands_show_hostile_tags_notes_and_ids_as_characters(
        tmp_path: Path, desk_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    common = ("--inbox", str(desk_inbox), "--state", str(state))
    tag, note = f"x{OSC52}", f"check{CLEAR}{CSI} {RLO}this"
    code, out, _err = _run(capsys, "tag", *common, "reuters-1", tag)
    assert code == 0 and "x␛]52;c;aGk=␇" in out
    code, out, _err = _run(capsys, "note", *common, "reuters-1", note)
    assert code == 0 and out.strip() == "note on reuters-1"
    code, out, _err = _run(capsys, "show", *common, "reuters-1")
    assert code == 0 and "x␛]52" in out and "check␛[2J" in out
    assert not BIDI.search(out)
    code, out, _err = _run(capsys, "show", *common, "reuters-1", "--json")
    shown = json.loads(out)
    assert shown["decision"]["tags"] == [tag] and shown["decision"]["note"] == note
    code, out, _err = _run(capsys, "log", *common, "reuters-1")
    assert code == 0 and len(out.splitlines()) == 2 and "x␛]52" in out
    assert not BIDI.search(out)
    code, out, _err = _run(capsys, "export", *common, "--format", "json")
    assert json.loads(out)[0]["tags"] == [tag]
    code, out, _err = _run(capsys, "undo", "--state", str(state))
    assert code == 0 and out.strip() == "undo: note on reuters-1"
    code, out, _err = _run(capsys, "undo", "--state", str(state))
    assert code == 0 and "x␛]52" in out
    code, _out, err = _run(capsys, "tag", *common, f"reuters{CLEAR}", "x")
    assert code == 2 and "no item 'reuters␛[2J'" in err
    code, _out, err = _run(capsys, "assign", *common, "reuters-1", f"Ben{OSC52}")
    assert code == 2 and "'Ben␛]52;c;aGk=␇' is not on the roster" in err


def test_an_id_in_the_desk_state_alone_is_shown_as_characters(
        tmp_path: Path, desk_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / "desk.toml"
    Desk(state, editor="t").note(f"gone{OSC52}", f"kept{CSI}")
    common = ("--inbox", str(desk_inbox), "--state", str(state))
    code, out, _err = _run(capsys, "show", *common, f"gone{OSC52}")
    assert code == 0 and "gone␛]52" in out
    code, out, _err = _run(capsys, "export", *common, "--format", "csv")
    assert code == 0 and "gone␛]52" in out


def test_a_broken_state_file_named_with_escapes_is_shown_as_characters(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = tmp_path / f"desk{CLEAR}.toml"
    state.write_text("schema = [\n")
    code, _out, err = _run(capsys, "undo", "--state", str(state))
    assert code == 2 and "desk␛[2J.toml" in err


def test_argument_errors_show_what_was_given_as_characters(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["parse", "x", f"--js{OSC52}"])
    captured = capsys.readouterr()
    _clean(captured.err)
    assert "--js␛]52" in captured.err


def _export_csv(tmp_path: Path, inbox: Path, capsys: pytest.CaptureFixture[str]
                ) -> tuple[str, dict[str, str]]:
    """A CSV export of decisions whose every text starts as a formula would."""
    state = tmp_path / "desk.toml"
    desk = Desk(state, editor="t")
    desk.tag("reuters-1", "=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)")
    desk.note("reuters-1", "=1+1")
    desk.note("reuters-2", "-2+3")
    desk.note("@evil", "+SUM(1)")
    # notes and tags are stripped by the desk; an id in the state keeps what it starts with
    desk.note("\ttab", "plain")
    desk.note("\rcr", "-1")
    code, out, _err = _run(capsys, "export", "--inbox", str(inbox), "--state", str(state),
                           "--format", "csv")
    assert code == 0
    expected = {"reuters-1": "'=1+1", "reuters-2": "'-2+3", "'@evil": "'+SUM(1)",
                "'\ttab": "plain", "'␍cr": "'-1"}
    return out, expected


def test_csv_export_never_starts_a_cell_with_a_formula(
        tmp_path: Path, desk_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, notes = _export_csv(tmp_path, desk_inbox, capsys)
    rows = list(csv.reader(io.StringIO(out)))  # as a spreadsheet splits it
    assert len(rows) == 6
    for row in rows:
        for value in row:
            assert not value.startswith(FORMULA_START), f"{value!r} starts a formula"
    records = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert {key: r["note"] for key, r in records.items()} == notes
    assert records["reuters-2"]["headline"] == "'-30 degrees in =Baghuz"  # per OWASP
    assert records["reuters-1"]["headline"] == "Baghuz falls"  # not a formula: as it is
    assert records["reuters-1"]["tags"] == "'=HYPERLINK(\"http://x\") +1 @SUM(A1)"
    assert records["reuters-1"]["priority"] == ""


def test_csv_export_opened_by_libreoffice_evaluates_no_formula(
        tmp_path: Path, desk_inbox: Path, capsys: pytest.CaptureFixture[str]) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice (soffice) is not installed on this machine; the CSV is "
                    "checked cell by cell with the csv module instead")
    out, _notes = _export_csv(tmp_path, desk_inbox, capsys)
    # the check itself: a formula LibreOffice evaluates comes back as its result
    assert _as_libreoffice_shows(office, tmp_path, "control", "a,b\n=1+1,x\n") == [
        ["a", "b"], ["2", "x"]]
    shown = _as_libreoffice_shows(office, tmp_path, "export", out)
    assert shown == list(csv.reader(io.StringIO(out)))  # every cell text as written


def _as_libreoffice_shows(office: str, folder: Path, name: str, text: str
                          ) -> list[list[str]]:
    """The cells of a CSV file as LibreOffice Calc shows them once it has opened it."""
    source = folder / f"{name}.csv"
    source.write_text(text, encoding="utf-8")
    # comma-separated, double-quoted, UTF-8 (76), from line 1; written back as the
    # cells' shown values
    options = "44,34,76,1"
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{folder}/lo",
                    f"--infilter=CSV:{options}", "--convert-to",
                    f"csv:Text - txt - csv (StarCalc):{options}",
                    "--outdir", str(folder / "shown"), str(source)],
                   check=True, capture_output=True, timeout=180)
    shown = (folder / "shown" / f"{name}.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(shown)))


def test_a_spreadsheet_cell_never_starts_a_formula() -> None:
    for start in FORMULA_START:
        assert str(spreadsheet_cell(f"{start}1+1")).startswith("'")
    assert spreadsheet_cell(f"{RLO}=1+1") == "'=1+1"  # a formula once the override is gone
    assert spreadsheet_cell("\r=1") == "'␍=1"
    assert spreadsheet_cell("1+1=2") == "1+1=2"
    assert spreadsheet_cell(5) == 5


def test_visible_and_cell() -> None:
    assert visible(f"a{CSI}b\x85c\udc9bd") == "a\ufffdb\ufffdc\ufffdd"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"
    assert cell(f"one {RLO}two\u2066three\u2069 \u202afour\u202c{OSC52}") == \
        "one twothree four␛]52;c;aGk=␇"
    # marks have no reach beyond their neighbours: kept for right-to-left copy
    assert cell("\u05e9\u05dc\u05d5\u05dd\u200f 1") == "\u05e9\u05dc\u05d5\u05dd\u200f 1"
    assert cell("plain") == "plain"
