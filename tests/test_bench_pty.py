"""`wiredesk bench pty` end to end on a small day: the real command in a pseudo-terminal
(its numbers are not asserted: speed is measured by the benchmark, never by a test)."""

from __future__ import annotations

import pytest

from tui.app import bench_pty

pytest.importorskip("pyte")


def test_pty_bench_sees_every_key_it_sends() -> None:
    lines: list[str] = []
    report = bench_pty.run(items=300, out=lines.append, idle_keys=6)
    assert report["items"] == 300
    assert report["ready_s"] > 0
    keys = sum(len(v) for v in report["full"].values())
    # a key may be lost when the rows move under it (the day's stories arriving): it is
    # counted, not timed; most are seen
    assert keys >= 6 and report["lost"] < keys
    assert all(v > 0 for values in report["full"].values() for v in values)
    assert any(line.startswith("bar: a cursor key on screen within 50 ms") for line in lines)
