"""The timing hooks of `wiredesk bench ui`: what the app painted, when, and what it cost.

Hooks are set on one app object (never its class). Every screen update is caught on its
way to the terminal and turned into the bytes a terminal would receive (the headless
driver skips only that and the write), so "paint" means the compositor has drawn the
changed lines and the escape codes are ready. Screen layouts, queue rows drawn, the
batches the loading worker hands to the screen's thread, the preview being shown, and
garbage collections are counted too.
"""

from __future__ import annotations

import asyncio
import cProfile
import pstats
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.pilot import Pilot

Step = Callable[[], Awaitable[None] | None]

#: how long a step may leave the preview waiting before the bench stops waiting for it
SETTLE_LIMIT_S = 5.0
_POLL_S = 0.002


@dataclass
class Paints:
    """Every screen update, as the terminal would receive it; and what made it costly."""

    ends: list[float] = field(default_factory=list)
    encode_seconds: list[float] = field(default_factory=list)
    sizes: list[int] = field(default_factory=list)
    #: layouts of the screen (every widget placed again, or a scroll reflow)
    layouts: int = 0
    #: queue rows drawn (`QueueView._draw_row` calls: a row already drawn is kept, and
    #: the screen's asking for it again is not counted)
    rows: int = 0


@dataclass
class Timeline:
    started: float = 0.0
    mounted: float = 0.0
    #: (start, end) of each batch of items taken on the screen's thread
    takes: list[tuple[float, float]] = field(default_factory=list)
    finish: tuple[float, float] = (0.0, 0.0)
    #: (start, end) of each time the preview and story panel were given an item
    shows: list[tuple[float, float]] = field(default_factory=list)
    #: (start, end) of installing the stories built on the worker thread
    installs: list[tuple[float, float]] = field(default_factory=list)


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
    #: to the end of the first screen update the step caused (a move: the cursor line)
    to_first_paint: float | None
    #: to the end of the last screen update before the preview was shown
    to_paint: float | None
    #: to the end of the screen update that drew the preview and story panel, less the
    #: debounce the app waits on purpose (`PREVIEW_DELAY`); None: no preview was shown
    to_preview: float | None
    #: from the preview being given the item to that screen update
    preview_work: float | None
    paints: int
    call: float
    layouts: int
    rows: int
    #: bytes sent to the terminal
    bytes: int
    #: garbage collection during the step
    gc: float

    @property
    def judged(self) -> float | None:
        """Until the screen shows everything the step changed, the debounce apart."""
        times = [t for t in (self.to_paint, self.to_preview) if t is not None]
        return max(times) if times else None


def watch(app: Any, paints: Paints, timeline: Timeline) -> None:
    """Hooks on this one app object: the screen updates, the items the loading worker
    hands to the screen's thread, and the preview being shown."""
    from textual._compositor import CompositorUpdate

    # `_display` is where a screen update leaves the app for the driver: Textual has no
    # public hook at that point, and none of this runs outside the benchmark.
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

    app._display = displayed
    app._take = _stamped(app._take, timeline.takes)
    app.show_item = _stamped(app.show_item, timeline.shows)
    app._install_stories = _stamped(app._install_stories, timeline.installs)
    finish = app._finish_loading

    def finished() -> None:
        start = time.perf_counter()
        finish()
        timeline.finish = (start, time.perf_counter())

    app._finish_loading = finished


def _stamped(call: Callable[..., Any], stamps: list[tuple[float, float]]) -> Callable[..., Any]:
    def stamped(*args: Any) -> Any:
        start = time.perf_counter()
        try:
            return call(*args)
        finally:
            stamps.append((start, time.perf_counter()))
    return stamped


def watch_screen(app: Any, paints: Paints) -> None:
    """Hooks on the mounted screen and queue: layouts, and queue rows drawn."""
    queue = app.queue
    draw_row = queue._draw_row

    def laid_out(_screen: object) -> None:
        paints.layouts += 1

    def row(*args: Any) -> Any:
        paints.rows += 1
        return draw_row(*args)

    app.screen.screen_layout_refresh_signal.subscribe(queue, laid_out, immediate=True)
    queue._draw_row = row


async def settle(app: Any, pilot: Pilot[None]) -> None:
    """Until the preview and story panel a step asked for are drawn: the app shows them
    once the cursor has rested `PREVIEW_DELAY`, so a step is not done before that."""
    await pilot.pause()
    deadline = time.perf_counter() + SETTLE_LIMIT_S
    while getattr(app, "_preview_timer", None) is not None:
        if time.perf_counter() > deadline:
            break
        await asyncio.sleep(_POLL_S)
    await pilot.pause()


async def timed(app: Any, pilot: Pilot[None], step: Step, paints: Paints,
                timeline: Timeline, collections: Collections, delay: float) -> Sample:
    """One step, from the call or key to the screen showing all it changed; `delay`: the
    preview's debounce, taken off the time to the preview's paint."""
    before, layouts, rows = len(paints.ends), paints.layouts, paints.rows
    shows, collected = len(timeline.shows), collections.seconds
    cpu, start = time.process_time(), time.perf_counter()
    result = step()
    if result is not None:
        await result
    call = time.perf_counter() - start
    await settle(app, pilot)
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    fresh = paints.ends[before:]
    shown = timeline.shows[shows:]
    # the last show is what the screen ends with; a paint after it drew the preview
    shown_at = shown[-1] if shown else None
    own = [end for end in fresh if shown_at is None or end < shown_at[0]]
    preview = next((end for end in fresh if shown_at and end >= shown_at[1]), None)
    return Sample(
        wall=wall, cpu=cpu,
        to_first_paint=fresh[0] - start if fresh else None,
        to_paint=own[-1] - start if own else None,
        to_preview=preview - start - delay if preview is not None else None,
        preview_work=preview - shown_at[0] if preview is not None and shown_at else None,
        paints=len(fresh), call=call, layouts=paints.layouts - layouts,
        rows=paints.rows - rows, bytes=sum(paints.sizes[before:]),
        gc=collections.seconds - collected)


async def untimed(app: Any, pilot: Pilot[None], step: Step | None) -> None:
    if step is not None:
        result = step()
        if result is not None:
            await result
        await settle(app, pilot)


async def profiled(app: Any, pilot: Pilot[None], step: Step) -> pstats.Stats:
    """One step under cProfile, the preview it leads to included."""
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        await untimed(app, pilot, step)
    finally:
        profiler.disable()
    return pstats.Stats(profiler)
