"""`wiredesk bench ui` end to end on a small day (its numbers are not asserted: speed is
measured by the benchmark, never by a timed test)."""

from __future__ import annotations

import json
from pathlib import Path

from tui.app import bench_ui


def test_ui_bench_reports_every_measure(tmp_path: Path) -> None:
    lines: list[str] = []
    report = bench_ui.run(items=300, out=lines.append, folder=tmp_path, profile=False,
                          moves=20, repeats=2)

    assert report["items"] == 300
    assert report["baseline_items"] == 300  # the baseline is never bigger than the day
    for key in ("load_s", "baseline_load_s", "first_paint_s", "baseline_first_paint_s",
                "first_any_paint_s", "handover_to_paint_s", "longest_take_s",
                "finish_loading_s", "stories_ready_s", "rss_mb",
                "baseline_rss_mb", "start_rss_mb", "peak_rss_mb"):
        assert report[key] > 0, key
    assert set(report["steps"]) == {
        "cursor move (j)", "page down", "view: to stories (v)", "view: back to flat (v)",
        "filter", "filter cleared", "search", "search cleared"}
    for name, step in report["steps"].items():
        assert step["count"] > 0, name
        assert step["to_paint"] is not None, f"{name}: no screen update was seen"
        assert step["unpainted"] == 0, name
        for measure in ("wall", "cpu", "call", "gc", "to_first_paint", "to_paint",
                        "judged", "to_preview", "preview_work"):
            if measure.startswith(("to_preview", "preview")) and step[measure] is None:
                continue  # the cursor stayed on its item: the preview had nothing to draw
            assert set(step[measure]) == {"median_ms", "p99_ms", "max_ms"}, (name, measure)
        assert step["baseline"]["count"] == step["count"]
        assert step["ratio_to_baseline"] > 0
    move = report["steps"]["cursor move (j)"]
    assert move["count"] == 20
    # every move is timed until the preview it leads to is drawn
    assert move["to_preview"] is not None and move["paints_per_step"] >= 2
    assert report["preview_delay_ms"] > 0
    assert report["stories_cold_ms"] > 0
    for floor in ("floor", "unbound_key"):
        assert report[floor]["wall"]["median_ms"] > 0
    assert set(report["gc"]) >= {"load_s", "steps_full", "steps_longest_full_ms"}
    assert set(report["bars"]) == {"first_paint", "cursor_move", "filter", "memory"}
    assert report["profiled"] == []
    assert sum(line.startswith("bar:") for line in lines) == 4
    assert any("pilot.pause() (floor)" in line for line in lines)
    json.dumps(report)  # plain numbers, for whoever keeps them


def test_the_day_is_json_lines_with_urgencies(tmp_path: Path) -> None:
    files = bench_ui.write_day(tmp_path, 2_500)
    assert len(files) == 1
    records = [json.loads(line) for line in files[0].read_text().splitlines()]
    assert len(records) == 2_500
    assert all(r["versioned"] and r["urgency"] in range(1, 7) for r in records)
    assert sum(r["urgency"] <= 2 for r in records) == 3  # a FLASH in every 1,000
    assert len({r["urgency"] for r in records}) >= 3
