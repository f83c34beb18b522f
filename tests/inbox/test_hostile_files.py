"""Hostile files end as a quarantine reason, quickly, and take nothing else down."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

from tui.ingest import read_file, read_paths


def _reason(path: Path) -> str:
    result = read_file(path)
    assert result.items == []
    assert len(result.problems) == 1
    return result.problems[0].reason


def test_zero_byte_file(tmp_path: Path) -> None:
    (tmp_path / "empty.xml").write_bytes(b"")
    assert _reason(tmp_path / "empty.xml") == "empty file (0 bytes)"


def test_binary_junk(tmp_path: Path) -> None:
    path = tmp_path / "junk.bin"
    path.write_bytes(bytes(random.Random(1).randrange(256) for _ in range(50_000)) + b"\x00")
    path.write_bytes(b"\x00\x01\x02" + path.read_bytes())
    assert _reason(path) == "binary data, not wire copy"


def test_a_200_mb_file_is_refused_at_once(tmp_path: Path) -> None:
    path = tmp_path / "huge.xml"
    with path.open("wb") as handle:
        handle.write(b"<nitf>")
        handle.truncate(200 * 1024 * 1024)
    start = time.monotonic()
    reason = _reason(path)
    assert time.monotonic() - start < 5  # a guard against reading it, not a benchmark
    assert reason.startswith("file too large (200 MB; the limit is")


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("Head\n\nBody.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):  # root reads anything
            return
        assert _reason(path).startswith("cannot read the file: Permission denied")
    finally:
        path.chmod(0o600)


def test_names_with_colons_and_spaces_and_the_good_files_beside_bad_ones(
        tmp_path: Path) -> None:
    (tmp_path / "sub dir").mkdir()
    (tmp_path / "sub dir" / "AP: story 1.txt").write_text("Good one\n\nBody.")
    (tmp_path / "bad:file.xml").write_bytes(b"<nitf><unclosed>")
    (tmp_path / "z good.txt").write_text("Good two\n\nBody.")
    results = list(read_paths([tmp_path]))
    headlines = sorted(i.headline for r in results for i in r.items)
    assert headlines == ["Good one", "Good two"]
    problems = [p for r in results for p in r.problems]
    assert [p.path for p in problems] == [str(tmp_path / "bad:file.xml")]


def test_a_bad_line_in_json_lines_costs_only_that_line(tmp_path: Path) -> None:
    path = tmp_path / "export.jsonl"
    path.write_text('{"id": "1", "headline": "One", "body": "b"}\n'
                    '{"id": "2", "headline": \n'
                    '{"id": "3", "headline": "Three", "body": "b"}\n', encoding="utf-8")
    result = read_file(path)
    assert [i.id for i in result.items] == ["1", "3"]
    assert len(result.problems) == 1
    assert result.problems[0].reason.startswith("line 2:")


def test_utf16_xml_with_a_byte_order_mark_is_read_as_xml(tmp_path: Path) -> None:
    path = tmp_path / "utf16.xml"
    xml = ('<?xml version="1.0" encoding="UTF-16"?><nitf><head><docdata>'
           '<doc-id id-string="u16"/></docdata></head><body><body.head><hedline><hl1>Zürich '
           'talks</hl1></hedline></body.head><body.content><p>Text.</p></body.content></body>'
           '</nitf>')
    path.write_bytes(xml.encode("utf-16"))
    (item,) = read_file(path).items
    assert (item.format, item.headline, item.id) == ("nitf", "Zürich talks", "u16")
