"""The command line, run as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from wiredesk_testdata import SEED_ARTICLE, SEEDS

from tui import __version__
from tui.cli import main

REQUIRED = {"id", "path", "format", "source", "headline", "byline", "body"}


def _wiredesk(*args: str) -> subprocess.CompletedProcess[str]:
    command = Path(sys.executable).with_name("wiredesk")
    return subprocess.run([str(command), *args], capture_output=True, text=True, check=False)


def test_version() -> None:
    result = _wiredesk("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"wiredesk {__version__}"


def test_help_lists_every_subcommand() -> None:
    result = _wiredesk("--help")
    assert result.returncode == 0
    for command in ("run", "parse"):
        assert command in result.stdout


def test_parse_json_walks_a_folder(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SEEDS), "--json"]) == 0
    lines = capsys.readouterr().out.splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == len(list(SEEDS.iterdir()))
    for record in records:
        assert record.keys() >= REQUIRED
    seed = next(r for r in records if r["path"] == str(SEED_ARTICLE))
    assert seed["byline"] == "Josie Ensor and Roland Oliphant"
    assert seed["format"] == "presstext"


def test_parse_output_reads_back_as_an_inbox(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    main(["parse", str(SEEDS), "--json"])
    first = capsys.readouterr().out
    export = tmp_path / "day.jsonl"
    export.write_text(first, encoding="utf-8")
    assert main(["parse", str(export), "--json"]) == 0
    assert capsys.readouterr().out == first


def test_parse_reports_a_bad_file_and_exits_1(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "good.txt").write_text("Headline\n\nBody.\n")
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "broken.xml").write_bytes(b"<nitf><head>")
    assert main(["parse", str(tmp_path)]) == 1
    captured = capsys.readouterr()
    assert "Headline" in captured.out
    assert f"quarantined: {tmp_path / 'empty.xml'}: empty file (0 bytes)" in captured.err
    assert f"quarantined: {tmp_path / 'broken.xml'}: XML is not well-formed" in captured.err


def test_bad_config_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "c.toml"
    bad.write_text("[tags]\nlits = []\n")
    result = _wiredesk("--config", str(bad), "parse", str(SEEDS))
    assert result.returncode == 2
    assert result.stderr.startswith(f"wiredesk: {bad}:2: unknown key 'tags.lits'")


def test_dupes_json_groups_the_demo_days_stories(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", str(SEEDS), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert set(report) == {"clusters"}
    clusters = report["clusters"]
    assert clusters
    for cluster in clusters:
        assert {"id", "lead", "members"} <= cluster.keys()
        assert len(cluster["members"]) >= 2
        for member in cluster["members"]:
            assert {"id", "relation", "score", "why"} <= member.keys()
    baghuz = next(c for c in clusters if any("KCN1QV0LZ" in m["id"] for m in c["members"]))
    relations = {m["relation"] for m in baghuz["members"]}
    assert {"lead", "repeat", "correction"} <= relations
    ids = {m["id"] for c in clusters for m in c["members"]}
    assert not any("TX-PAR-RQP77" in i for i in ids)  # Afrin: same topic, another event
    assert not any("190314-99-380412" in i for i in ids)  # Anbar: likewise


def test_dupes_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["dupes", str(SEEDS)]) == 0
    out = capsys.readouterr().out
    assert "stories with more than one item" in out
    assert "kill notice for this slug" in out
