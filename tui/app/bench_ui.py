"""`wiredesk bench ui`: the desk as the editor feels it, with a full day loaded.

The day is written as JSON Lines files (generated stories, `versioned` times, urgencies
3-6 and a FLASH in every 1,000) and read with no cache. The app is built by the same
factory as the command and run headless on a 200x60 screen through `App.run_test` (that
is `App.run(headless=True)` with a pilot).

Hooks on the app object (never its class): every screen update is caught on its way to
the terminal and turned into the bytes a terminal would receive (the headless driver
skips only that and the write), so "paint" means the compositor has drawn the changed
lines and the escape codes are ready. Screen layouts, queue rows drawn, the batches the
loading worker hands to the screen's thread, and garbage collections are counted too.

What is timed:

- load: from `run_test` starting the app to `_finish_loading` (`loaded` turning true,
  what `wait_loaded()` waits for). First paint: from then to the end of the first screen
  update after it; and, since the items are taken on the screen's thread before that,
  from the last batch reaching the screen's thread to the same paint.
- each step: a key through `pilot.press`, or a direct call (`_apply_filter(...)`;
  `search_text = ...; _relist()`), then `await pilot.pause()`.
  `1st pt` / `to paint`: from the start of the step to the end of the first / last
  screen update it caused: the cursor visibly moved / every pane redrawn. The bars are
  judged on the median `to paint`. `cpu`: the process's CPU time over the step and the
  pause. `wall`: the step plus the pause, which carries the pilot's own waits (it sleeps
  in 20 ms slices until the process looks idle), so it is never under the floor:
  `pilot.pause()` alone, and an unbound key pressed and paused for.
- memory: resident now (/proc/self/statm) with the day loaded, and the process's peak
  (`ru_maxrss`).

The same steps run first on a 1,000-item day in the same process (the baseline), so
`x 1k` shows how each cost grows with the day. Each step whose median is over its bar
(a key: 16 ms; a filter or search: 150 ms) is run once more under cProfile and its top
entries are printed; so is the load, when taking the items blocked the screen's thread
for longer than the first-paint bar.
"""

from __future__ import annotations

import asyncio
import cProfile
import gc
import json
import os
import pstats
import resource
import shutil
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.bench.corpus import Story, jsonl_line, stories

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.app.app import WiredeskApp

FIRST_PAINT_BAR_S = 1.0
MOVE_BAR_MS = 16.0
FILTER_BAR_MS = 150.0
RSS_BAR_MB = 1024.0  # "under 1 GB resident", in MiB
BASELINE_ITEMS = 1_000
SIZE = (200, 60)
FILTER = "source:AP -status:spiked"
SEARCH = "minister"
UNBOUND = "z"  # a key the desk does not use: what the pilot costs to deliver a key
MOVES = 200
REPEATS = 10
PROFILE_LINES = 14

Out = Callable[[str], None]
Step = Callable[[], Awaitable[None] | None]


# --- the day on disk ------------------------------------------------------------------
def _line(story: Story) -> bytes:
    """The corpus's JSON line, with the fields a wire item usually carries. One item in
    1,000 is a FLASH (urgency 1, pinned at the top until seen), as on a busy desk; the
    others keep the corpus's urgencies, 3 to 6."""
    record = json.loads(jsonl_line(story))
    urgency = 1 if story.n % 1000 == 0 else max(story.urgency, 3)
    record.update(urgency=urgency, slug=story.slug, byline=story.byline,
                  dateline=story.city)
    return json.dumps(record).encode()


def write_day(folder: Path, items: int) -> list[Path]:
    """`items` generated stories as JSON Lines files of up to 10,000 lines each, dated an
    hour ago so the inbox reads them at once."""
    folder.mkdir(parents=True, exist_ok=True)
    per_file = 10_000
    written: list[Path] = []
    handle = None
    long_ago = time.time() - 3600
    try:
        for story in stories(items):
            if story.n % per_file == 0:
                if handle is not None:
                    handle.close()
                path = folder / f"wire-{story.n // per_file:02d}.jsonl"
                written.append(path)
                handle = path.open("wb")
            assert handle is not None
            handle.write(_line(story) + b"\n")
    finally:
        if handle is not None:
            handle.close()
    for path in written:
        os.utime(path, (long_ago, long_ago))
    return written


# --- watching the app -----------------------------------------------------------------
@dataclass
class Paints:
    """Every screen update, as the terminal would receive it; and what made it costly."""

    ends: list[float] = field(default_factory=list)
    encode_seconds: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    #: full layouts of the screen (every widget placed and redrawn)
    layouts: int = 0
    #: queue rows drawn (`QueueView.render_line` calls)
    rows: int = 0


@dataclass
class Timeline:
    started: float = 0.0
    mounted: float = 0.0
    #: (start, end) of each batch of items taken on the screen's thread
    takes: list[tuple[float, float]] = field(default_factory=list)
    finish: tuple[float, float] = (0.0, 0.0)


@dataclass
class Collections:
    """Python's garbage collections (a `gc.callbacks` hook). A full collection (generation
    2) walks every object, so its pause grows with the size of the day."""

    seconds: float = 0.0
    full: int = 0
    longest_full: float = 0.0
    _start: float = 0.0

    def __call__(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._start = time.perf_counter()
            return
        took = time.perf_counter() - self._start
        self.seconds += took
        if info.get("generation") == 2:
            self.full += 1
            self.longest_full = max(self.longest_full, took)


@dataclass
class Sample:
    wall: float
    cpu: float
    #: to the end of the first and of the last screen update the step caused
    to_first_paint: float | None
    to_paint: float | None
    paints: int
    call: float
    layouts: int
    rows: int
    #: bytes sent to the terminal
    bytes: int
    #: garbage collection during the step
    gc: float


def _watch(app: Any, paints: Paints, timeline: Timeline) -> None:
    """Hooks on this one app object (not its class): the screen updates, and when the
    loading worker hands items to the screen's thread."""
    from textual._compositor import CompositorUpdate

    display = app._display

    def displayed(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if isinstance(renderable, CompositorUpdate):
            start = time.perf_counter()
            text = renderable.render_segments(app.console)
            end = time.perf_counter()
            paints.ends.append(end)
            paints.encode_seconds.append(end - start)
            paints.sizes.append(len(text.encode()))

    take = app._take

    def taken(batch: Any) -> None:
        start = time.perf_counter()
        take(batch)
        timeline.takes.append((start, time.perf_counter()))

    finish = app._finish_loading

    def finished() -> None:
        start = time.perf_counter()
        finish()
        timeline.finish = (start, time.perf_counter())

    app._display = displayed
    app._take = taken
    app._finish_loading = finished


def _watch_screen(app: Any, paints: Paints) -> None:
    """Hooks on the mounted screen and queue: layouts, and queue rows drawn."""
    screen, queue = app.screen, app.queue
    refresh_layout, render_line = screen._refresh_layout, queue.render_line

    def laid_out(*args: Any, **kwargs: Any) -> None:
        paints.layouts += 1
        refresh_layout(*args, **kwargs)

    def row(y: int) -> Any:
        paints.rows += 1
        return render_line(y)

    screen._refresh_layout = laid_out
    queue.render_line = row


async def _timed(pilot: Pilot[None], step: Step, paints: Paints,
                 collections: Collections) -> Sample:
    before, layouts, rows = len(paints.ends), paints.layouts, paints.rows
    collected = collections.seconds
    cpu, start = time.process_time(), time.perf_counter()
    result = step()
    if result is not None:
        await result
    call = time.perf_counter() - start
    await pilot.pause()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    fresh = paints.ends[before:]
    return Sample(wall=wall, cpu=cpu, to_first_paint=fresh[0] - start if fresh else None,
                  to_paint=fresh[-1] - start if fresh else None, paints=len(fresh),
                  call=call, layouts=paints.layouts - layouts, rows=paints.rows - rows,
                  bytes=sum(paints.sizes[before:]), gc=collections.seconds - collected)


async def _profiled(pilot: Pilot[None], step: Step) -> pstats.Stats:
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        result = step()
        if result is not None:
            await result
        await pilot.pause()
    finally:
        profiler.disable()
    return pstats.Stats(profiler)


# --- one app, one day -----------------------------------------------------------------
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
    profiles: dict[str, pstats.Stats] = field(default_factory=dict)


@dataclass
class _Step:
    name: str
    repeats: int
    act: Step
    #: untimed, before and after each repeat: what puts the app where the step starts
    setup: Step | None = None
    reset: Step | None = None


def _steps(app: WiredeskApp, pilot: Pilot[None], moves: int, repeats: int) -> list[_Step]:
    def filtered() -> None:
        app._apply_filter(FILTER)

    def unfiltered() -> None:
        app._apply_filter("")

    def searched() -> None:
        app.search_text = SEARCH
        app._relist()

    def unsearched() -> None:
        app.search_text = ""
        app._relist()

    def toggle() -> Awaitable[None]:
        return pilot.press("v")

    return [
        _Step("cursor move (j)", moves, lambda: pilot.press("j")),
        _Step("page down", repeats, lambda: pilot.press("pagedown")),
        _Step("view: to stories (v)", repeats, toggle, reset=toggle),
        _Step("view: back to flat (v)", repeats, toggle, setup=toggle),
        _Step("filter", repeats, filtered, reset=unfiltered),
        _Step("filter cleared", repeats, unfiltered, setup=filtered),
        _Step("search", repeats, searched, reset=unsearched),
        _Step("search cleared", repeats, unsearched, setup=searched),
    ]


def _bar_ms(name: str) -> float:
    """The cursor bar for a key, the filter bar for a filter or a search over the whole
    day (the issue sets bars for a move and a filter only; the others are judged alike)."""
    return FILTER_BAR_MS if name.startswith(("filter", "search")) else MOVE_BAR_MS


async def _untimed(pilot: Pilot[None], step: Step | None) -> None:
    if step is not None:
        result = step()
        if result is not None:
            await result
        await pilot.pause()


def _build(day: Path, desk: Path) -> WiredeskApp:
    from tui.cli import build_app
    from tui.config import load_config
    from tui.desk.desk import Desk

    return build_app(load_config(use_user_dir=False), [day], Desk(desk, editor="bench"),
                     cache=None, poll_seconds=3600)


async def _drive(folder: Path, items: int, profile: bool, moves: int,
                 repeats: int) -> Measured:
    day = folder / "inbox"
    write_day(day, items)
    app = _build(day, folder / "desk.toml")
    paints, timeline, collections = Paints(), Timeline(), Collections()
    _watch(app, paints, timeline)
    gc.callbacks.append(collections)
    try:
        timeline.started = time.perf_counter()
        async with app.run_test(size=SIZE, headless=True) as pilot:
            timeline.mounted = time.perf_counter()
            _watch_screen(app, paints)
            await app.wait_loaded()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()
            load_gc = collections
            collections = Collections()
            gc.callbacks.append(collections)
            gc.callbacks.remove(load_gc)
            loaded_at = timeline.finish[0]
            after = [end for end in paints.ends if end > timeline.finish[1]]
            first_paint_at = after[0] if after else time.perf_counter()
            floor = [await _timed(pilot, lambda: None, paints, collections)
                     for _ in range(repeats)]
            unbound = [await _timed(pilot, lambda: pilot.press(UNBOUND), paints, collections)
                       for _ in range(repeats)]
            steps: dict[str, list[Sample]] = {}
            profiles: dict[str, pstats.Stats] = {}
            for step in _steps(app, pilot, moves, repeats):
                samples = []
                for _ in range(step.repeats):
                    await _untimed(pilot, step.setup)
                    samples.append(await _timed(pilot, step.act, paints, collections))
                    await _untimed(pilot, step.reset)
                steps[step.name] = samples
                if profile and _over(samples, _bar_ms(step.name)):
                    await _untimed(pilot, step.setup)
                    profiles[step.name] = await _profiled(pilot, step.act)
                    await _untimed(pilot, step.reset)
            rss = _rss_mb()
            await pilot.press("q")
    finally:
        gc.callbacks[:] = [c for c in gc.callbacks if not isinstance(c, Collections)]
    peak = _peak_mb()  # before the load is profiled, which holds a second day in memory
    take_s = [end - start for start, end in timeline.takes]
    if profile and max(take_s, default=0.0) > FIRST_PAINT_BAR_S:
        profiles["load: taking the items on the screen's thread"] = await _profile_load(
            day, folder / "desk-profiled.toml")
    return Measured(
        items=len(app.wire), load_s=loaded_at - timeline.started,
        first_paint_s=first_paint_at - loaded_at,
        first_any_paint_s=(paints.ends[0] if paints.ends else loaded_at) - timeline.started,
        take_s=take_s, finish_s=timeline.finish[1] - timeline.finish[0],
        steps=steps, floor=floor, unbound=unbound, rss_mb=rss, peak_mb=peak,
        handover_to_paint_s=first_paint_at - (timeline.takes[-1][0] if timeline.takes
                                              else loaded_at),
        load_gc=load_gc, steps_gc=collections, profiles=profiles)


async def _profile_load(day: Path, desk: Path) -> pstats.Stats:
    """The same day loaded again, with cProfile on while the screen's thread takes items."""
    app = _build(day, desk)
    profiler = cProfile.Profile()
    take = app._take

    def taken(batch: Any) -> None:
        profiler.enable()
        try:
            take(batch)
        finally:
            profiler.disable()

    app._take = taken  # type: ignore[method-assign]
    async with app.run_test(size=SIZE, headless=True) as pilot:
        await app.wait_loaded()
        await pilot.press("q")
    return pstats.Stats(profiler)


def _over(samples: list[Sample], bar_ms: float) -> bool:
    painted = [s.to_paint for s in samples if s.to_paint is not None]
    return bool(painted) and statistics.median(painted) * 1e3 > bar_ms


# --- memory ---------------------------------------------------------------------------
def _rss_mb() -> float:
    """The resident set now, from /proc/self/statm (Linux); the peak where there is none."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return _peak_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 1024**2


def _peak_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # kilobytes on Linux, bytes on macOS
    return peak / 1024**2 if os.uname().sysname == "Darwin" else peak / 1024


# --- the report -----------------------------------------------------------------------
def run(items: int = 100_000, out: Out = print, folder: Path | None = None, *,
        profile: bool = True, moves: int = MOVES, repeats: int = REPEATS) -> dict[str, Any]:
    """`profile`: run each step that is over its bar once more under cProfile and print
    where the time goes. `moves` and `repeats`: how many cursor moves, and how many of
    each other step, are timed (fewer make a quick smoke run)."""
    root = folder or Path(tempfile.mkdtemp(prefix="wiredesk-bench-ui-"))
    try:
        before_mb = _rss_mb()
        baseline_items = min(BASELINE_ITEMS, items)
        out(f"Driving the app headless ({SIZE[0]}x{SIZE[1]}) on a day of {baseline_items:,} "
            f"items (baseline), then {items:,}, written as JSON Lines to {root}…")
        base = asyncio.run(_drive(root / "baseline", baseline_items, False, moves, repeats))
        full = asyncio.run(_drive(root / "full", items, profile, moves, repeats))
        return _report(base, full, before_mb, full.peak_mb, out)
    finally:
        if folder is None:
            shutil.rmtree(root, ignore_errors=True)


def _ms(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    return {"median_ms": statistics.median(ordered) * 1e3,
            "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1e3,
            "max_ms": ordered[-1] * 1e3}


def _summary(samples: list[Sample]) -> dict[str, Any]:
    painted = [s.to_paint for s in samples if s.to_paint is not None]
    first = [s.to_first_paint for s in samples if s.to_first_paint is not None]
    return {
        "count": len(samples),
        "unpainted": len(samples) - len(painted),
        "wall": _ms([s.wall for s in samples]),
        "to_first_paint": _ms(first) if first else None,
        "to_paint": _ms(painted) if painted else None,
        "cpu": _ms([s.cpu for s in samples]),
        "call": _ms([s.call for s in samples]),
        "paints_per_step": statistics.mean(s.paints for s in samples),
        "gc": _ms([s.gc for s in samples]),
        "layouts_per_step": statistics.mean(s.layouts for s in samples),
        "rows_per_step": statistics.mean(s.rows for s in samples),
        "bytes_per_step": statistics.mean(s.bytes for s in samples),
    }


_NAN = {"median_ms": float("nan"), "p99_ms": float("nan"), "max_ms": float("nan")}


def _row(name: str, row: dict[str, Any], ratio: float | None) -> str:
    first, last = row["to_first_paint"], row["to_paint"]
    painted = (f"{first['median_ms']:7.1f} {last['median_ms']:8.1f} {last['p99_ms']:7.1f}"
               if first and last else f"{'-':>7} {'-':>8} {'-':>7}")
    return (f"{name:24} {painted} {row['cpu']['median_ms']:7.1f} "
            f"{row['wall']['median_ms']:7.1f} {row['paints_per_step']:6.1f} "
            f"{row['layouts_per_step']:7.1f} {row['rows_per_step']:5.0f} "
            + (f"{ratio:6.1f}" if ratio is not None else ""))


def _report(base: Measured, full: Measured, before_mb: float, peak_mb: float,
            out: Out) -> dict[str, Any]:
    floor, unbound = _summary(full.floor), _summary(full.unbound)
    longest_take = max(full.take_s, default=0.0)
    out(f"\nLoad: {full.items:,} items in {full.load_s:.2f} s from start (baseline "
        f"{base.items:,} in {base.load_s:.2f} s). The screen's thread took them in "
        f"{len(full.take_s)} batch(es), the longest blocking it {longest_take:.2f} s; "
        f"finishing the load took {full.finish_s * 1e3:.0f} ms.")
    out(f"First paint of the app (before the items): {full.first_any_paint_s:.2f} s after "
        f"start. First paint after loading: {full.first_paint_s * 1e3:.0f} ms (baseline "
        f"{base.first_paint_s * 1e3:.0f} ms); after the last batch reached the screen's "
        f"thread: {full.handover_to_paint_s:.2f} s.")
    out(f"Garbage collection: {full.load_gc.seconds:.2f} s while loading "
        f"({full.load_gc.full} full collections); during the steps {full.steps_gc.full} "
        f"full collections, the longest {full.steps_gc.longest_full * 1e3:.0f} ms (baseline "
        f"{base.steps_gc.full}, {base.steps_gc.longest_full * 1e3:.0f} ms).")
    out(f"\n{'at ' + format(full.items, ',') + ' items':24} {'1st pt':>7} {'to paint':>8} "
        f"{'p99':>7} {'cpu':>7} {'wall':>7} {'paints':>6} {'layouts':>7} {'rows':>5} "
        f"{'x 1k':>6}")
    out(_row("pilot.pause() (floor)", floor, None))
    out(_row("unbound key + pause", unbound, None))
    steps: dict[str, Any] = {}
    for name, samples in full.steps.items():
        row = _summary(samples)
        baseline = _summary(base.steps[name])
        ratio = (row["to_paint"] or _NAN)["median_ms"] / (baseline["to_paint"] or _NAN)[
            "median_ms"]
        row["baseline"] = baseline
        row["ratio_to_baseline"] = ratio
        steps[name] = row
        out(_row(name, row, ratio))
    out("(ms, medians. `1st pt` / `to paint`: from the key or call to the end of the first "
        "/ last screen update it caused; p99 of `to paint`; `cpu`: the process's CPU time; "
        "`wall`: the step plus pilot.pause(); per step: `paints` screen updates, `layouts` "
        "full layouts of the screen, `rows` queue rows drawn; `x 1k`: to paint against "
        f"the {base.items:,}-item day.)")
    for name in ("filter", "filter cleared", "search", "search cleared"):
        if name in steps:
            out(f"{name}: the call alone holds the screen's thread "
                f"{steps[name]['call']['median_ms']:.1f} ms (median; baseline "
                f"{steps[name]['baseline']['call']['median_ms']:.1f} ms)")
    out(f"Memory: resident {full.rss_mb:,.0f} MiB with {full.items:,} items loaded "
        f"(baseline day {base.rss_mb:,.0f} MiB, the process before any app "
        f"{before_mb:,.0f} MiB); peak {peak_mb:,.0f} MiB.")

    move = steps["cursor move (j)"]["to_paint"] or _NAN
    filt = steps["filter"]["to_paint"] or _NAN
    move_ms, filter_ms = move["median_ms"], filt["median_ms"]
    bars = {
        "first_paint": full.first_paint_s < FIRST_PAINT_BAR_S,
        "cursor_move": move_ms < MOVE_BAR_MS,
        "filter": filter_ms < FILTER_BAR_MS,
        "memory": peak_mb < RSS_BAR_MB,
    }

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    out(f"bar: first paint within {FIRST_PAINT_BAR_S:.0f} s of the items being loaded -> "
        f"{verdict(bars['first_paint'])} ({full.first_paint_s * 1e3:.0f} ms after "
        f"`loaded`; {full.handover_to_paint_s:.2f} s after the items reached the screen's "
        "thread)")
    out(f"bar: a cursor move in under {MOVE_BAR_MS:.0f} ms -> "
        f"{verdict(bars['cursor_move'])} (median {move_ms:.1f} ms to the last paint, p99 "
        f"{move['p99_ms']:.1f} ms)")
    out(f"bar: a filter over {full.items:,} items in under {FILTER_BAR_MS:.0f} ms -> "
        f"{verdict(bars['filter'])} (median {filter_ms:.1f} ms to paint)")
    out(f"bar: under {RSS_BAR_MB / 1024:.0f} GiB resident -> {verdict(bars['memory'])} "
        f"(peak {peak_mb:,.0f} MiB)")
    for name, stats in full.profiles.items():
        why = (f"the screen's thread was blocked {longest_take:.1f} s"
               if name.startswith("load") else
               f"its median is over {_bar_ms(name):.0f} ms to paint")
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
        "rss_mb": full.rss_mb,
        "baseline_rss_mb": base.rss_mb,
        "start_rss_mb": before_mb,
        "peak_rss_mb": peak_mb,
        "bars": bars,
        "profiled": sorted(full.profiles),
    }


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
    ours = sorted((r for r in rows if "/tui/" in r[0][0] and "/bench/" not in r[0][0]),
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
