"""`wiredesk bench parse`: how fast the wire is read.

Parse throughput per format over a generated corpus (in memory, one core), reported
against a baseline measured in the same run on the same copy: `json.loads` of each item
as a JSON line, the cheapest structured read there is. Then the cold and warm (cached)
load of a folder of files, against the floor of walking and stat-ing the same files.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.bench.corpus import WRITERS, jsonl_line, stories
from tui.ingest.cache import IngestCache
from tui.ingest.inbox import Inbox
from tui.ingest.reader import parse_bytes

PARSE_BAR_ITEMS_PER_S = 5_000
WARM_BAR_SECONDS = 2.0

Out = Callable[[str], None]


def run(items: int = 20_000, load_items: int = 100_000, out: Out = print,
        folder: Path | None = None) -> dict[str, Any]:
    report: dict[str, Any] = {"parse": _parse_throughput(items, out)}
    if load_items:
        report["load"] = _load_times(load_items, out, folder)
    return report


def _parse_throughput(items: int, out: Out) -> dict[str, Any]:
    per_format = max(items // len(WRITERS), 1)
    out(f"Parsing {per_format * len(WRITERS):,} generated items ({per_format:,} in each of "
        f"{len(WRITERS)} formats), one core, from memory:")
    out(f"{'format':18} {'items/s':>9} {'MB/s':>7} {'x baseline':>10}")
    rows: dict[str, Any] = {}
    total_items = total_seconds = total_bytes = baseline_seconds = 0.0
    for seed, (name, writer) in enumerate(WRITERS.items()):
        corpus = [writer(s) for s in stories(per_format, seed=seed)]
        lines = [jsonl_line(s) for s in stories(per_format, seed=seed)]
        size = sum(len(c) for c in corpus)
        start = time.perf_counter()
        parsed = 0
        for data in corpus:
            parsed += len(parse_bytes(data, "bench", ""))
        seconds = time.perf_counter() - start
        base_start = time.perf_counter()
        for line in lines:
            json.loads(line)
        base = time.perf_counter() - base_start
        rows[name] = {"items": parsed, "seconds": seconds, "bytes": size,
                      "items_per_s": parsed / seconds, "mb_per_s": size / seconds / 1e6,
                      "ratio_to_json_baseline": seconds / base}
        out(f"{name:18} {parsed / seconds:9,.0f} {size / seconds / 1e6:7.1f} "
            f"{seconds / base:10.1f}")
        total_items += parsed
        total_seconds += seconds
        total_bytes += size
        baseline_seconds += base
    rate = total_items / total_seconds
    out(f"{'all formats':18} {rate:9,.0f} {total_bytes / total_seconds / 1e6:7.1f} "
        f"{total_seconds / baseline_seconds:10.1f}")
    out(f"bar: {PARSE_BAR_ITEMS_PER_S:,} items/s on one core -> "
        f"{rate / PARSE_BAR_ITEMS_PER_S:.2f}x the bar "
        f"({'met' if rate >= PARSE_BAR_ITEMS_PER_S else 'NOT met'})")
    return {"formats": rows, "items_per_s": rate, "ratio_to_bar": rate / PARSE_BAR_ITEMS_PER_S}


def _load_times(count: int, out: Out, folder: Path | None) -> dict[str, Any]:
    own = folder is None
    root = Path(tempfile.mkdtemp(prefix="wiredesk-bench-")) if own else folder
    assert root is not None
    try:
        inbox = root / "inbox"
        out(f"\nWriting {count:,} files (one item each, every format in turn) to {inbox}…")
        _write_day(inbox, count)
        cache_path = root / "cache.sqlite3"
        cache_path.unlink(missing_ok=True)

        start = time.perf_counter()
        floor_files = sum(len(files) for _d, _s, files in os.walk(inbox))
        for directory, _dirs, files in os.walk(inbox):
            for name in files:
                os.stat(os.path.join(directory, name))
        floor = time.perf_counter() - start

        cold, cold_items = _timed_load(inbox, cache_path)
        warm, warm_items = _timed_load(inbox, cache_path)
        out(f"{'load of ' + format(count, ',') + ' items':28} {'seconds':>8} {'x walk+stat':>11}")
        out(f"{'walk + stat (floor)':28} {floor:8.2f} {1.0:11.1f}")
        out(f"{'cold (parse + fill cache)':28} {cold:8.2f} {cold / floor:11.1f}")
        out(f"{'warm (from the cache)':28} {warm:8.2f} {warm / floor:11.1f}")
        out(f"bar: warm reload under {WARM_BAR_SECONDS:.0f} s -> "
            f"{'met' if warm < WARM_BAR_SECONDS else 'NOT met'} ({warm:.2f} s); "
            f"items: cold {cold_items:,}, warm {warm_items:,}, files {floor_files:,}")
        return {"files": floor_files, "floor_seconds": floor, "cold_seconds": cold,
                "warm_seconds": warm, "cold_items": cold_items, "warm_items": warm_items}
    finally:
        if own:
            shutil.rmtree(root, ignore_errors=True)


def _timed_load(inbox: Path, cache_path: Path) -> tuple[float, int]:
    start = time.perf_counter()
    reader = Inbox((inbox,), IngestCache(cache_path), settle_seconds=0.0)
    items = sum(len(r.items) for batch in reader.load(batch=2000) for r in batch)
    seconds = time.perf_counter() - start
    assert reader.cache is not None
    reader.cache.close()
    return seconds, items


def _write_day(inbox: Path, count: int) -> None:
    shutil.rmtree(inbox, ignore_errors=True)
    writers = [w for name, w in WRITERS.items() if name != "jsonl"]
    long_ago = time.time() - 3600
    for n, story in enumerate(stories(count)):
        folder = inbox / f"{n // 1000:03d}"
        if n % 1000 == 0:
            folder.mkdir(parents=True)
        path = folder / f"{n:06d}.wire"
        path.write_bytes(writers[n % len(writers)](story))
        os.utime(path, (long_ago, long_ago))
