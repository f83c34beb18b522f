"""`wiredesk bench ui`: the desk as the editor feels it, with a full day loaded.

The day (tui/app/bench_ui_day.py) is written as JSON Lines files and read with no cache.
The app is built by the same factory as the command and run headless on a 200x60 screen
through `App.run_test` (that is `App.run(headless=True)` with a pilot). Hooks on the app
object (tui/app/bench_ui_hooks.py) catch every screen update on its way to the terminal.

What is timed:

- load: from `run_test` starting the app to `_finish_loading` (`loaded` turning true:
  the items are on screen; `wait_loaded()` also waits for the stories, built on a worker
  thread, timed to `_install_stories`). First paint: from then to the end of the first screen
  update after it; and, since the items are taken on the screen's thread before that,
  from the last batch reaching the screen's thread to the same paint.
- each step: a key through `pilot.press`, or a direct call (`_apply_filter(...)`;
  `search_text = ...; _relist()`), then until the screen shows all the step changed.
  The app shows the preview and story panel once the cursor has rested `PREVIEW_DELAY`
  (so holding `j` moves the cursor at full speed): a step waits for that too, and is
  timed twice: from the key to the last screen update before the preview (a move: the
  cursor line), and from the key to the update that drew the preview and story panel,
  less `PREVIEW_DELAY`. The bars judge the later of the two. `cpu`: the process's CPU
  time over the step; `wall`: the step with the pilot's own waits (it sleeps in 20 ms
  slices until the process looks idle), never under the floor: `pilot.pause()` alone,
  and an unbound key pressed and paused for.
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
import pstats
import shutil
import tempfile
import time
from collections.abc import Awaitable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.app.bench_ui_day import write_day
from tui.app.bench_ui_hooks import (
    Collections,
    Paints,
    Sample,
    Step,
    Timeline,
    profiled,
    settle,
    timed,
    untimed,
    watch,
    watch_screen,
)
from tui.app.bench_ui_report import (
    FIRST_PAINT_BAR_S,
    MOVE,
    Measured,
    Out,
    bar_ms,
    over,
    peak_mb,
    report,
    rss_mb,
)

if TYPE_CHECKING:
    from textual.pilot import Pilot

    from tui.app.app import WiredeskApp

__all__ = ["run", "write_day"]

BASELINE_ITEMS = 1_000
SIZE = (200, 60)
FILTER = "source:AP -status:spiked"
SEARCH = "minister"
UNBOUND = "z"  # a key the desk does not use: what the pilot costs to deliver a key
MOVES = 200
REPEATS = 10


def _preview_delay() -> float:
    from tui.app.app import PREVIEW_DELAY

    return PREVIEW_DELAY


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

    # as `action_search` does: a search recounts nothing
    def searched() -> None:
        app.search_text = SEARCH
        app._relist(recount=False)

    def unsearched() -> None:
        app.search_text = ""
        app._relist(recount=False)

    def toggle() -> Awaitable[None]:
        return pilot.press("v")

    return [
        _Step(MOVE, moves, lambda: pilot.press("j")),
        _Step("page down", repeats, lambda: pilot.press("pagedown")),
        _Step("view: to stories (v)", repeats, toggle, reset=toggle),
        _Step("view: back to flat (v)", repeats, toggle, setup=toggle),
        _Step("filter", repeats, filtered, reset=unfiltered),
        _Step("filter cleared", repeats, unfiltered, setup=filtered),
        _Step("search", repeats, searched, reset=unsearched),
        _Step("search cleared", repeats, unsearched, setup=searched),
    ]


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
    delay = _preview_delay()
    paints, timeline, collections = Paints(), Timeline(), Collections()
    watch(app, paints, timeline)
    gc.callbacks.append(collections)
    try:
        timeline.started = time.perf_counter()
        async with app.run_test(size=SIZE, headless=True) as pilot:
            timeline.mounted = time.perf_counter()
            watch_screen(app, paints)
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
            await settle(app, pilot)  # the first preview, before anything is timed

            async def sample(step: Step) -> Sample:
                return await timed(app, pilot, step, paints, timeline, collections, delay)

            floor = [await sample(lambda: None) for _ in range(repeats)]
            unbound = [await sample(lambda: pilot.press(UNBOUND)) for _ in range(repeats)]
            steps: dict[str, list[Sample]] = {}
            profiles: dict[str, pstats.Stats] = {}
            for step in _steps(app, pilot, moves, repeats):
                samples = []
                for _ in range(step.repeats):
                    await untimed(app, pilot, step.setup)
                    samples.append(await sample(step.act))
                    await untimed(app, pilot, step.reset)
                steps[step.name] = samples
                if profile and over(samples, bar_ms(step.name)):
                    await untimed(app, pilot, step.setup)
                    profiles[step.name] = await profiled(app, pilot, step.act)
                    await untimed(app, pilot, step.reset)
            stories_cold = _stories_cold(app)
            rss = rss_mb()
            await pilot.press("q")
    finally:
        gc.callbacks[:] = [c for c in gc.callbacks if not isinstance(c, Collections)]
    peak = peak_mb()  # before the load is profiled, which holds a second day in memory
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
        load_gc=load_gc, steps_gc=collections, stories_cold_s=stories_cold,
        stories_ready_s=(timeline.installs[0][1] if timeline.installs else loaded_at)
        - loaded_at,
        profiles=profiles)


def _stories_cold(app: WiredeskApp) -> float:
    """The stories view's rows built from nothing, as the first `v` after the stories
    changed (an item came, a merge) builds them; the timed toggles find them kept."""
    from tui.listing import ListingCache, Mode, build

    start = time.perf_counter()
    build(app.wire, app.desk, Mode.STORIES, cache=ListingCache())
    return time.perf_counter() - start


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


def run(items: int = 100_000, out: Out = print, folder: Path | None = None, *,
        profile: bool = True, moves: int = MOVES, repeats: int = REPEATS) -> dict[str, Any]:
    """`profile`: run each step that is over its bar once more under cProfile and print
    where the time goes. `moves` and `repeats`: how many cursor moves, and how many of
    each other step, are timed (fewer make a quick smoke run)."""
    root = folder or Path(tempfile.mkdtemp(prefix="wiredesk-bench-ui-"))
    try:
        before_mb = rss_mb()
        baseline_items = min(BASELINE_ITEMS, items)
        out(f"Driving the app headless ({SIZE[0]}x{SIZE[1]}) on a day of {baseline_items:,} "
            f"items (baseline), then {items:,}, written as JSON Lines to {root}…")
        base = asyncio.run(_drive(root / "baseline", baseline_items, False, moves, repeats))
        full = asyncio.run(_drive(root / "full", items, profile, moves, repeats))
        return report(base, full, before_mb, _preview_delay(), out)
    finally:
        if folder is None:
            shutil.rmtree(root, ignore_errors=True)
