"""The report of `wiredesk bench ui`: medians per step against the 1,000-item baseline,
the bars of issue 6, memory, and where the time went in the steps over their bar."""

from __future__ import annotations

import os
import pstats
import resource
import statistics
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.app.bench_ui_hooks import Collections, Sample

FIRST_PAINT_BAR_S = 1.0
MOVE_BAR_MS = 16.0
FILTER_BAR_MS = 150.0
RSS_BAR_MB = 1024.0  # "under 1 GB resident", in MiB
PROFILE_LINES = 14
MOVE = "cursor move (j)"

Out = Callable[[str], None]


@dataclass
class Measured:
    items: int
    load_s: float
    first_paint_s: float
    first_any_paint_s: float
    take_s: list[float]
    finish_s: float
    steps: dict[str, list[Sample]]
    floor: list[Sample]
    unbound: list[Sample]
    rss_mb: float
    #: the process's peak resident set when this day's app closed
    peak_mb: float
    #: from the last batch reaching the screen's thread to the first paint after loading
    handover_to_paint_s: float
    #: garbage collection while loading, and while the steps ran
    load_gc: Collections
    steps_gc: Collections
    #: the stories view's rows built with nothing kept
    stories_cold_s: float
    #: from `loaded` to the stories (built on a worker thread) installed
    stories_ready_s: float
    profiles: dict[str, pstats.Stats] = field(default_factory=dict)


def bar_ms(name: str) -> float:
    """The cursor bar for a key, the filter bar for a filter or a search over the whole
    day (the issue sets bars for a move and a filter only; the others are judged alike)."""
    return FILTER_BAR_MS if name.startswith(("filter", "search")) else MOVE_BAR_MS


def over(samples: list[Sample], bar: float) -> bool:
    judged = [s.judged for s in samples if s.judged is not None]
    return bool(judged) and statistics.median(judged) * 1e3 > bar


# --- memory ---------------------------------------------------------------------------
def rss_mb() -> float:
    """The resident set now, from /proc/self/statm (Linux); the peak where there is none."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return peak_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2


def peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / 1024**2 if os.uname().sysname == "Darwin" else peak / 1024


# --- steps ----------------------------------------------------------------------------
def _ms(values: list[float | None]) -> dict[str, float] | None:
    ordered = sorted(v for v in values if v is not None)
    if not ordered:
        return None
    return {"median_ms": statistics.median(ordered) * 1e3,
            "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3,
            "max_ms": ordered[-1] * 1e3}


def summary(samples: list[Sample]) -> dict[str, Any]:
    return {
        "count": len(samples),
        "unpainted": sum(s.judged is None for s in samples),
        "wall": _ms([s.wall for s in samples]),
        "to_first_paint": _ms([s.to_first_paint for s in samples]),
        "to_paint": _ms([s.to_paint for s in samples]),
        "to_preview": _ms([s.to_preview for s in samples]),
        "preview_work": _ms([s.preview_work for s in samples]),
        "judged": _ms([s.judged for s in samples]),
        "cpu": _ms([s.cpu for s in samples]),
        "call": _ms([s.call for s in samples]),
        "paints_per_step": statistics.mean(s.paints for s in samples),
        "gc": _ms([s.gc for s in samples]),
        "layouts_per_step": statistics.mean(s.layouts for s in samples),
        "rows_per_step": statistics.mean(s.rows for s in samples),
        "bytes_per_step": statistics.mean(s.bytes for s in samples),
    }


def _median(row: dict[str, Any], measure: str) -> float:
    found = row.get(measure)
    return found["median_ms"] if found else float("nan")


def _cell(row: dict[str, Any], measure: str, key: str = "median_ms") -> str:
    found = row.get(measure)
    return f"{found[key]:.1f}" if found else "-"


def _line(name: str, row: dict[str, Any], ratio: float | None) -> str:
    return (f"{name:24} {_cell(row, 'to_first_paint'):>7} {_cell(row, 'to_paint'):>8} "
            f"{_cell(row, 'to_preview'):>7} {_cell(row, 'judged', 'p99_ms'):>7} "
            f"{_cell(row, 'cpu'):>7} {_cell(row, 'wall'):>7} {row['paints_per_step']:6.1f} "
            f"{row['layouts_per_step']:7.1f} {row['rows_per_step']:5.0f} "
            + (f"{ratio:6.1f}" if ratio is not None else ""))


_LEGEND = (
    "(ms, medians. From the key or call: `1st pt` to the end of the first screen update "
    "(a move: the cursor line), `to paint` to the last one before the preview, `preview` "
    "to the update that drew the preview and story panel less the {delay:.0f} ms the app "
    "waits for the cursor to rest; `p99`: of the later of `to paint` and `preview`, what "
    "the bars judge; `cpu`: the process's CPU time; `wall`: the step until the preview is "
    "drawn, with the pilot's own waits; per step: `paints` screen updates, `layouts` "
    "screen layouts, `rows` queue rows drawn (a row drawn before is kept: a scroll by a "
    "line draws the row coming in); `x 1k`: what the bars judge, against the "
    "{base:,}-item day.)")


def report(base: Measured, full: Measured, before_mb: float, delay: float,
           out: Out) -> dict[str, Any]:
    floor, unbound = summary(full.floor), summary(full.unbound)
    longest_take = max(full.take_s, default=0.0)
    out(f"\nLoad: {full.items:,} items in {full.load_s:.2f} s from start (baseline "
        f"{base.items:,} in {base.load_s:.2f} s). The screen's thread took them in "
        f"{len(full.take_s)} batch(es), the longest blocking it {longest_take:.2f} s; "
        f"finishing the load took {full.finish_s * 1e3:.0f} ms.")
    out(f"First paint of the app (before the items): {full.first_any_paint_s:.2f} s after "
        f"start. First paint after loading: {full.first_paint_s * 1e3:.0f} ms (baseline "
        f"{base.first_paint_s * 1e3:.0f} ms); after the last batch reached the screen's "
        f"thread: {full.handover_to_paint_s:.2f} s.")
    out(f"Stories: built on a worker thread while the editor works, ready "
        f"{full.stories_ready_s:.2f} s after loading (baseline {base.stories_ready_s:.2f} s).")
    out(f"Garbage collection: {full.load_gc.seconds:.2f} s while loading "
        f"({full.load_gc.full} full collections); during the steps {full.steps_gc.full} "
        f"full collections, the longest {full.steps_gc.longest_full * 1e3:.0f} ms (baseline "
        f"{base.steps_gc.full}, {base.steps_gc.longest_full * 1e3:.0f} ms).")
    out(f"\n{'at ' + format(full.items, ',') + ' items':24} {'1st pt':>7} {'to paint':>8} "
        f"{'preview':>7} {'p99':>7} {'cpu':>7} {'wall':>7} {'paints':>6} {'layouts':>7} "
        f"{'rows':>5} {'x 1k':>6}")
    out(_line("pilot.pause() (floor)", floor, None))
    out(_line("unbound key + pause", unbound, None))
    steps: dict[str, Any] = {}
    for name, samples in full.steps.items():
        row = summary(samples)
        baseline = summary(base.steps[name])
        ratio = _median(row, "judged") / _median(baseline, "judged")
        row["baseline"] = baseline
        row["ratio_to_baseline"] = ratio
        steps[name] = row
        out(_line(name, row, ratio))
    out(_LEGEND.format(delay=delay * 1e3, base=base.items))
    out(f"The stories view's rows built cold (the first `v` after the stories change): "
        f"{full.stories_cold_s * 1e3:.0f} ms (baseline {base.stories_cold_s * 1e3:.1f} ms); "
        "the toggles above find them kept.")
    for name in ("filter", "filter cleared", "search", "search cleared"):
        if name in steps:
            out(f"{name}: the call alone holds the screen's thread "
                f"{_median(steps[name], 'call'):.1f} ms (median; baseline "
                f"{_median(steps[name]['baseline'], 'call'):.1f} ms)")
    out(f"Memory: resident {full.rss_mb:,.0f} MiB with {full.items:,} items loaded "
        f"(baseline day {base.rss_mb:,.0f} MiB, the process before any app "
        f"{before_mb:,.0f} MiB); peak {full.peak_mb:,.0f} MiB.")
    bars = _bars(full, steps, longest_take, out)
    for name, stats in full.profiles.items():
        why = (f"the screen's thread was blocked {longest_take:.1f} s"
               if name.startswith("load") else
               f"its median is over {bar_ms(name):.0f} ms")
        out(f"\nProfile of one '{name}' at {full.items:,} items ({why}):")
        for line in profile_lines(stats):
            out(line)
    return {
        "items": full.items,
        "baseline_items": base.items,
        "load_s": full.load_s,
        "baseline_load_s": base.load_s,
        "longest_take_s": longest_take,
        "finish_loading_s": full.finish_s,
        "stories_ready_s": full.stories_ready_s,
        "first_any_paint_s": full.first_any_paint_s,
        "first_paint_s": full.first_paint_s,
        "baseline_first_paint_s": base.first_paint_s,
        "handover_to_paint_s": full.handover_to_paint_s,
        "gc": {"load_s": full.load_gc.seconds, "load_full": full.load_gc.full,
               "steps_s": full.steps_gc.seconds, "steps_full": full.steps_gc.full,
               "steps_longest_full_ms": full.steps_gc.longest_full * 1e3,
               "baseline_steps_full": base.steps_gc.full,
               "baseline_steps_longest_full_ms": base.steps_gc.longest_full * 1e3},
        "floor": floor,
        "unbound_key": unbound,
        "steps": steps,
        "preview_delay_ms": delay * 1e3,
        "stories_cold_ms": full.stories_cold_s * 1e3,
        "baseline_stories_cold_ms": base.stories_cold_s * 1e3,
        "rss_mb": full.rss_mb,
        "baseline_rss_mb": base.rss_mb,
        "start_rss_mb": before_mb,
        "peak_rss_mb": full.peak_mb,
        "bars": bars,
        "profiled": sorted(full.profiles),
    }


def _bars(full: Measured, steps: dict[str, Any], longest_take: float,
          out: Out) -> dict[str, bool]:
    move = steps[MOVE]
    cursor_ms, preview_ms = _median(move, "to_paint"), _median(move, "to_preview")
    filter_ms = _median(steps["filter"], "judged")
    bars = {
        "first_paint": full.first_paint_s < FIRST_PAINT_BAR_S,
        # NaN (never painted) compares false: not met
        "cursor_move": cursor_ms < MOVE_BAR_MS and preview_ms < MOVE_BAR_MS,
        "filter": filter_ms < FILTER_BAR_MS,
        "memory": full.peak_mb < RSS_BAR_MB,
    }

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    out(f"bar: first paint within {FIRST_PAINT_BAR_S:.0f} s of the items being loaded -> "
        f"{verdict(bars['first_paint'])} ({full.first_paint_s * 1e3:.0f} ms after "
        f"`loaded`; {full.handover_to_paint_s:.2f} s after the items reached the screen's "
        "thread)")
    out(f"bar: a cursor move in under {MOVE_BAR_MS:.0f} ms -> "
        f"{verdict(bars['cursor_move'])} (medians: key to cursor line painted "
        f"{cursor_ms:.1f} ms; key to preview and story panel painted, less the debounce, "
        f"{preview_ms:.1f} ms; p99 of the later {_cell(move, 'judged', 'p99_ms')} ms)")
    out(f"bar: a filter over {full.items:,} items in under {FILTER_BAR_MS:.0f} ms -> "
        f"{verdict(bars['filter'])} (median {filter_ms:.1f} ms to paint, the preview "
        "included)")
    out(f"bar: under {RSS_BAR_MB / 1024:.0f} GiB resident -> {verdict(bars['memory'])} "
        f"(peak {full.peak_mb:,.0f} MiB)")
    return bars


# --- profiles -------------------------------------------------------------------------
#: Textual's whole-screen work, the usual cost of a step that redraws everything
_SCREEN_WORK = ("_refresh_layout", "_compositor_refresh", "reflow", "render_update",
                "_arrange_root", "render_widget")


def profile_lines(stats: pstats.Stats, count: int = PROFILE_LINES) -> list[str]:
    """Where a step's time went: our functions by cumulative time, Textual's screen work,
    then every function by its own time (the event loop's idle wait apart)."""
    entries: dict[tuple[str, int, str], tuple[int, int, float, float, Any]] = \
        stats.stats  # type: ignore[attr-defined]
    rows = [(where, calls, own, cumulative)
            for where, (_prim, calls, own, cumulative, _callers) in entries.items()]
    idle = sum(own for where, _c, own, _cum in rows if _is_idle(where))
    ours = sorted((r for r in rows if "/tui/" in r[0][0] and "/bench" not in r[0][0]),
                  key=lambda r: -r[3])
    screen = sorted((r for r in rows if "/textual/" in r[0][0] and r[0][2] in _SCREEN_WORK),
                    key=lambda r: -r[3])
    busy = sorted((r for r in rows if not _is_idle(r[0])), key=lambda r: -r[2])
    lines = [f"  {'cumulative s':>12} {'own s':>8} {'calls':>8}  wiredesk function"]
    lines += [f"  {cum:12.4f} {own:8.4f} {calls:8}  {_where(where)}"
              for where, calls, own, cum in ours[:count]]
    lines.append(f"  {'cumulative s':>12} {'own s':>8} {'calls':>8}  Textual screen work")
    lines += [f"  {cum:12.4f} {own:8.4f} {calls:8}  {_where(where)}"
              for where, calls, own, cum in screen[:len(_SCREEN_WORK)]]
    lines.append(f"  {'own s':>12} {'cum. s':>8} {'calls':>8}  any function, by own time "
                 f"(idle in the event loop: {idle:.4f} s, not listed)")
    lines += [f"  {own:12.4f} {cum:8.4f} {calls:8}  {_where(where)}"
              for where, calls, own, cum in busy[:count]]
    return lines


def _is_idle(where: tuple[str, int, str]) -> bool:
    return where[0] == "~" and where[2].startswith("<method 'poll' of 'select.")


def _where(where: tuple[str, int, str]) -> str:
    path, line, name = where
    for marker in ("/site-packages/", "/tui/"):
        if marker in path:
            path = ("tui/" if marker == "/tui/" else "") + path.split(marker, 1)[1]
            break
    return f"{path}:{line}({name})" if line else name
