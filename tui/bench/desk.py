"""`wiredesk bench desk`: what a decision costs to keep, and what a full day costs to load.

Each number is reported against a floor measured in the same run on the same disk: a bare
append + fsync of the same bytes for an action, a plain read of the same files for a load.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.desk import journal, snapshot
from tui.desk.desk import Desk
from tui.desk.events import Event, now
from tui.desk.files import DeskFiles
from tui.desk.state import Change, Decision, DeskState

PERSIST_BAR_MS = 5.0
LOAD_BAR_S = 1.5
Out = Callable[[str], None]


def run(actions: int = 2_000, items: int = 100_000, events: int = 100_000, out: Out = print,
        folder: Path | None = None) -> dict[str, Any]:
    root = folder or Path(tempfile.mkdtemp(prefix="wiredesk-bench-desk-"))
    try:
        report = {"persist": _persist(root / "persist", actions, out),
                  "load": _load(root / "load", items, events, out)}
    finally:
        if folder is None:
            shutil.rmtree(root, ignore_errors=True)
    return report


def _persist(root: Path, count: int, out: Out) -> dict[str, Any]:
    desk = Desk(root / "desk.toml", editor="bench")
    times = []
    for n in range(count):
        start = time.perf_counter()
        desk.tag(f"item-{n % 500}", f"tag{n}")
        times.append(time.perf_counter() - start)
    floor = _fsync_floor(root / "floor.bin", count)
    median, p99 = statistics.median(times) * 1e3, _p99(times) * 1e3
    out(f"Persisting {count:,} actions (lock, append, fsync each), on {root.parent}:")
    out(f"{'':24} {'median ms':>10} {'p99 ms':>8}")
    out(f"{'append+fsync (floor)':24} {statistics.median(floor) * 1e3:10.2f} "
        f"{_p99(floor) * 1e3:8.2f}")
    out(f"{'wiredesk action':24} {median:10.2f} {p99:8.2f}   "
        f"x floor {median / (statistics.median(floor) * 1e3):.1f}")
    verdict = "met" if median < PERSIST_BAR_MS else "NOT met"
    out(f"bar: under {PERSIST_BAR_MS:.0f} ms median -> {verdict}")
    return {"median_ms": median, "p99_ms": p99,
            "floor_median_ms": statistics.median(floor) * 1e3}


def _load(root: Path, items: int, events: int, out: Out) -> dict[str, Any]:
    files = DeskFiles(root / "desk.toml")
    root.mkdir(parents=True, exist_ok=True)
    state = DeskState()
    for n in range(items):
        state.put(f"urn:newsml:bench:{n}", Decision(status=("seen", "used", "spiked")[n % 3],
                                                     tags=("politics", "world")[: n % 3],
                                                     assignee="Ana Ferreira" if n % 4 else ""))
    files.snapshot.write_bytes(snapshot.encode(state, 0))
    stamp = now()
    body = b"".join(journal.encode(Event(
        seq=n + 1, id=f"{n:016x}", who="bench", at=stamp, action="tag", summary="tag",
        changes=(Change("items", f"urn:newsml:bench:{n % items}", "tags", add=(f"t{n}",)),)))
        for n in range(events))
    files.journal.write_bytes(journal.HEADER + body)
    size = (files.snapshot.stat().st_size + files.journal.stat().st_size) / 1e6

    start = time.perf_counter()
    files.snapshot.read_bytes()
    files.journal.read_bytes()
    floor = time.perf_counter() - start
    cold, desk = _timed(lambda: Desk(files.snapshot))
    warm, _ = _timed(lambda: Desk(files.snapshot))
    compaction, _ = _timed(desk.compact)
    after, _ = _timed(lambda: Desk(files.snapshot))
    out(f"\nLoading decisions on {items:,} items plus a {events:,}-event journal "
        f"({size:.0f} MB of TOML):")
    out(f"{'':34} {'seconds':>8} {'x read':>7}")
    for label, seconds in (("read the bytes (floor)", floor),
                           ("first load (parse the TOML)", cold),
                           ("load (parsed copy checked)", warm),
                           ("compaction", compaction),
                           ("load after compaction", after)):
        out(f"{label:34} {seconds:8.2f} {seconds / floor:7.0f}")
    out(f"bar: such a state loaded in under {LOAD_BAR_S} s -> "
        f"{'met' if warm < LOAD_BAR_S else 'NOT met'} ({warm:.2f} s; the first load after "
        f"the files change parses them: {cold:.2f} s)")
    return {"floor_s": floor, "cold_s": cold, "warm_s": warm, "compaction_s": compaction,
            "after_compaction_s": after, "megabytes": size}


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = work()
    return time.perf_counter() - start, result


def _fsync_floor(path: Path, count: int) -> list[float]:
    data = b"x" * 300
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    try:
        for _ in range(count):
            start = time.perf_counter()
            os.write(fd, data)
            os.fsync(fd)
            times.append(time.perf_counter() - start)
    finally:
        os.close(fd)
    return times


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
