"""`wiredesk bench dedup`: the story detector against two baselines on one stream.

For each size, a synthetic labelled stream (tui/dedup/synth.py) goes through:

* the detector, through `add_all` (the items' records made in a second process while
  this one adds; the process started before the clock, as the app starts it while it
  reads the day): items/s (wall clock over the whole stream, and CPU time of both
  processes, which other processes on a shared machine do not inflate), median and
  p99 time of one `add` on this side (p99 also over the last tenth, when the index is
  full), and of a live add (one item's record made here: its add plus its record,
  timed in a second pass), memory (every Python allocation it holds at the
  end, traced in a second untimed pass; and the resident set's growth during the
  timed run, which understates it when freed memory is reused), pairwise
  precision/recall/F1 overall and per relation, hard negatives glued;
* MinHashLSH on 5-word shingles (datasketch; skipped with a note when it is not
  installed: `pip install wiredesk[bench]`);
* all-pairs headline token_set_ratio (rapidfuzz), each item joined to its best earlier
  match; quadratic, so on the first 5k items of a longer stream.

Each size runs in a new process. Ratios are against the baselines of the same run, on
the same stream.
"""

from __future__ import annotations

import gc
import importlib
import multiprocessing
import os
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from rapidfuzz import fuzz, process

from tui.dedup import bulk
from tui.dedup.bulk import Prepared
from tui.dedup.detector import Detector, Link
from tui.dedup.features import extract, fold
from tui.dedup.metrics import Report, evaluate
from tui.dedup.synth import Label, generate
from tui.model import Item

ALL_PAIRS_MAX = 5000
#: baseline settings, each the best F1 of those tried on a 5k stream (seed 7): MinHash
#: threshold 0.2 / 0.3 / 0.5 gave F1 0.24 / 0.42 / 0.36; headline cutoff 70 / 80 / 90 /
#: 95 gave 0.07 / 0.16 / 0.33 / 0.50 (agencies' headlines differ; one kind's agree)
MINHASH_THRESHOLD = 0.3
MINHASH_PERM = 128
HEADLINE_CUTOFF = 95.0

Out = Callable[[str], object]

#: Above this many items memory is the resident growth alone: the traced pass adds the
#: whole stream again at a third of the speed (a 100,000-item one did not end in 13 min)
TRACED_MOST = 10_000


def run(sizes: Sequence[int] = (1000, 10000, 100000), out: Out = print,
        seed: int = 7) -> dict[str, Any]:
    results: dict[str, Any] = {"seed": seed, "python": sys.version.split()[0],
                               "cpus": os.cpu_count(), "sizes": {}}
    for n in sizes:
        out(f"generating {n} items (seed {seed})…")
        # Each size in a new process, as the app groups a day in the process that has
        # just read it: one size's leftovers (memory, a baseline's libraries) do not
        # slow the next.
        with ProcessPoolExecutor(max_workers=1,
                                 mp_context=multiprocessing.get_context("spawn")) as one:
            entry = one.submit(_one_size, n, seed).result()
        results["sizes"][n] = entry
        out(_table(n, entry))
    return results


def _one_size(n: int, seed: int) -> dict[str, Any]:
    stream = generate(n, seed)
    items = [item for item, _ in stream]
    labels = [label for _, label in stream]
    del stream
    return {"detector": _detector(items, labels), "minhash": _minhash(items, labels),
            "headline_all_pairs": _all_pairs(items, labels)}


# ---- the detector ---------------------------------------------------------------------

def _detector(items: list[Item], labels: list[Label]) -> dict[str, Any]:
    gc.collect()
    rss_before = _rss_mb()
    times: list[float] = []
    clock, cpu = time.perf_counter, time.process_time

    class Timed(Detector):
        """Times each `add` as `add_all` makes it (on this side: the records were made
        in the second process)."""

        def add(self, item: Item, ready: Prepared | None = None) -> list[Link]:
            start = clock()
            links = super().add(item, ready)
            times.append(clock() - start)
            return links

    # The app starts the second process while it reads the day (dayload._take): its
    # start is not on the clock there either.
    bulk.warm(wait=True)
    detector = Timed()
    children0 = _children_cpu()
    wall0, cpu0 = clock(), cpu()
    detector.add_all(items)
    wall, cpu_total = clock() - wall0, cpu() - cpu0 + _children_cpu() - children0
    # a stream shorter than a bulk add leaves the started process idle: a child process
    # runs no atexit handler, and its exit would wait for that one for ever
    bulk.cool()
    gc.collect()
    rss_after = _rss_mb()
    predicted = {item.key: detector.story_id(item.key) or "" for item in items}
    links = [link for item in items for link in detector.links_of(item.key)
             if link.item == item.key]
    report = evaluate(labels, predicted, links)
    df, settings = detector.document_frequencies, detector.settings
    del detector
    # A live add (one item as it comes, its record made here): this item's add plus
    # its record, timed apart in a second pass (weighed against the whole stream's
    # counts, a little dearer than against those before it).
    live = []
    total = len(items)
    for n, (item, took) in enumerate(zip(items, times, strict=True)):
        start = clock()
        extract(item, n, df, total, settings.key_terms, settings.name_boost)
        live.append(took + clock() - start)
    traced = _traced_mb(items) if len(items) <= TRACED_MOST else None
    tail = len(times) * 9 // 10
    return {"items": len(items), "items_per_s": len(items) / wall,
            "items_per_cpu_s": len(items) / cpu_total if cpu_total else 0.0,
            "median_add_us": statistics.median(times) * 1e6,
            "p99_add_us": _p99(times) * 1e6,
            "p99_add_full_index_us": _p99(times[tail:]) * 1e6,
            "median_live_add_us": statistics.median(live) * 1e6,
            "p99_live_add_us": _p99(live) * 1e6,
            "p99_live_add_full_index_us": _p99(live[tail:]) * 1e6,
            "max_add_ms": max(times) * 1e3, "memory_mb": traced,
            "rss_growth_mb": rss_after - rss_before,
            **report.to_json()}


def _children_cpu() -> float:
    """CPU seconds of the ended children (the second process, once add_all is done)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---- baselines ----------------------------------------------------------------------------

MINHASH_MISSING = "datasketch is not installed (pip install wiredesk[bench])"


def _minhash(items: list[Item], labels: list[Label]) -> dict[str, Any]:
    try:
        roots, elapsed = minhash_groups(items)
    except ImportError:
        return {"skipped": MINHASH_MISSING}
    report = _baseline_report(items, labels, roots)
    return {"items_per_s": len(items) / elapsed, "threshold": MINHASH_THRESHOLD,
            "num_perm": MINHASH_PERM, **report.to_json()}


def minhash_groups(items: Sequence[Item]) -> tuple[list[int], float]:
    """The MinHashLSH baseline (5-word shingles of the body, else the headline): each
    item, in order, is joined to every earlier item the index finds for it, then
    inserted. Returns each item's group (the number of its group's first item) and the
    seconds the stream took. ImportError when datasketch is not installed (an optional
    extra; the message to show is MINHASH_MISSING)."""
    # By name: an optional extra, without type information.
    datasketch = importlib.import_module("datasketch")
    MinHash, MinHashLSH = datasketch.MinHash, datasketch.MinHashLSH
    lsh = MinHashLSH(threshold=MINHASH_THRESHOLD, num_perm=MINHASH_PERM)
    template = MinHash(num_perm=MINHASH_PERM)
    groups = _UnionFind()
    start = time.perf_counter()
    for n, item in enumerate(items):
        words = fold(item.body or item.headline).split()
        shingles = {" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))}
        signature = MinHash(num_perm=MINHASH_PERM, permutations=template.permutations,
                            scheme=getattr(template, "scheme", None))
        signature.update_batch(list(shingles))
        for other in lsh.query(signature):
            groups.union(n, int(other))
        lsh.insert(str(n), signature)
    elapsed = time.perf_counter() - start
    return [groups.find(n) for n in range(len(items))], elapsed


def _all_pairs(items: list[Item], labels: list[Label]) -> dict[str, Any]:
    # Quadratic: on a longer stream, its first ALL_PAIRS_MAX items only.
    items, labels = items[:ALL_PAIRS_MAX], labels[:ALL_PAIRS_MAX]
    groups = _UnionFind()
    seen: list[str] = []
    start = time.perf_counter()
    for n, item in enumerate(items):
        headline = fold(item.headline)
        # Each item against every earlier one, joined to its best match: linking to all
        # matches above the cutoff chains template headlines into a few huge clusters.
        best = process.extractOne(headline, seen, scorer=fuzz.token_set_ratio,
                                  score_cutoff=HEADLINE_CUTOFF)
        if best is not None:
            groups.union(n, best[2])
        seen.append(headline)
    elapsed = time.perf_counter() - start
    report = _baseline_report(items, labels, [groups.find(n) for n in range(len(items))])
    return {"items_per_s": len(items) / elapsed, "cutoff": HEADLINE_CUTOFF,
            "items": len(items), **report.to_json()}


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, n: int) -> int:
        root = n
        while self.parent.get(root, root) != root:
            root = self.parent[root]
        while n != root:  # path compression
            self.parent[n], n = root, self.parent.get(n, n)
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _baseline_report(items: list[Item], labels: list[Label], roots: Sequence[int]) -> Report:
    predicted = {item.key: str(root) for item, root in zip(items, roots, strict=True)}
    return evaluate(labels, predicted, ())


# ---- output -----------------------------------------------------------------------------

def _table(n: int, entry: dict[str, Any]) -> str:
    d = entry["detector"]
    rows = [f"\n== {n} items ==",
            f"{'method':<26}{'items/s':>9}{'P':>8}{'R':>8}{'F1':>8}",
            _row("detector", d)]
    for key, name in (("minhash", "MinHashLSH 5-shingles"),
                      ("headline_all_pairs", "all-pairs headline TSR")):
        b = entry[key]
        if "skipped" in b:
            rows.append(f"{name:<26}  skipped: {b['skipped']}")
            continue
        note = f"  (first {b['items']} items)" if b.get("items", n) < n else ""
        rows.append(_row(name, b) + note)
    rows.append("detector: items/s over the whole stream with add_all: the items' records "
                "(features and weights) are made on a second process while this one adds")
    rows.append(f"detector: median add {d['median_add_us']:.0f} µs, "
                f"p99 {d['p99_add_us']:.0f} µs (full index {d['p99_add_full_index_us']:.0f} µs), "
                f"max {d['max_add_ms']:.1f} ms, with the record made on the second process; "
                f"a live add (record made here) median {d['median_live_add_us']:.0f} µs, "
                f"p99 {d['p99_live_add_us']:.0f} µs "
                f"(full index {d['p99_live_add_full_index_us']:.0f} µs)")
    traced = (f"{d['memory_mb']:.0f} MB traced" if d["memory_mb"] is not None
              else f"not traced above {TRACED_MOST:,} items")
    rows.append(f"detector: {d['items_per_cpu_s']:.0f} items per CPU second (both processes), "
                f"memory resident +{d['rss_growth_mb']:.0f} MB ({traced})")
    rows.append("per relation (P / R): " + ", ".join(
        f"{k} {v['precision']:.3f}/{v['recall']:.3f}" for k, v in d["relations"].items()))
    rows.append("hard negatives glued: " + ", ".join(
        f"{k} {glued}/{total}" for k, (glued, total) in d["hard_negatives_glued"].items()))
    for key, name in (("minhash", "MinHashLSH"), ("headline_all_pairs", "all-pairs headline")):
        b = entry[key]
        if "skipped" not in b:
            rows.append(f"vs {name}: {d['items_per_s'] / b['items_per_s']:.1f}× items/s, "
                        f"F1 {d['overall']['f1'] - b['overall']['f1']:+.3f}")
    return "\n".join(rows)


def _row(name: str, r: dict[str, Any]) -> str:
    o = r["overall"]
    return (f"{name:<26}{r['items_per_s']:>9.0f}{o['precision']:>8.3f}{o['recall']:>8.3f}"
            f"{o['f1']:>8.3f}")


def _traced_mb(items: list[Item]) -> float:
    """What the detector holds after the stream, every Python allocation counted (a
    second, untimed pass: tracing slows adding threefold)."""
    gc.collect()
    tracemalloc.start()
    try:
        detector = Detector()
        for item in items:
            detector.add(item)
        gc.collect()
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del detector
    return held / 2**20


def _p99(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] if ordered else 0.0


def _rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far (other systems)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)
