"""The benchmarks run end to end on a small scale (their numbers are not asserted:
speed is measured by `wiredesk bench`, never by a timed test)."""

from __future__ import annotations

from pathlib import Path

from tui.bench import parse as bench_parse
from tui.bench.corpus import WRITERS, stories
from tui.ingest.reader import parse_bytes


def test_every_generated_format_is_read_as_itself() -> None:
    story = next(stories(1))
    formats = {}
    for name, writer in WRITERS.items():
        (item,) = parse_bytes(writer(story), "bench", "")
        formats[name] = getattr(item, "format", "quarantined")
        assert getattr(item, "headline", "").lower() == story.headline.lower(), name
    assert len(set(formats.values())) == len(WRITERS), formats


def test_parse_bench_reports_every_format_and_both_loads(tmp_path: Path) -> None:
    lines: list[str] = []
    report = bench_parse.run(items=len(WRITERS) * 3, load_items=40, out=lines.append,
                             folder=tmp_path)
    assert set(report["parse"]["formats"]) == set(WRITERS)
    assert report["load"]["cold_items"] == report["load"]["warm_items"] == 40
    assert any("x baseline" in line for line in lines)


def test_desk_bench_reports_persist_and_load(tmp_path: Path) -> None:
    from tui.bench import desk as bench_desk

    lines: list[str] = []
    report = bench_desk.run(actions=20, items=50, events=60, out=lines.append, folder=tmp_path)
    assert report["persist"]["median_ms"] > 0
    assert set(report["load"]) >= {"cold_s", "warm_s", "compaction_s", "floor_s"}
    assert any(line.startswith("bar:") for line in lines)
