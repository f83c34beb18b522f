"""Adding many items at once on two cores: the items' analyses (`features.analyse`, the
part of adding that reads no other item, about half its cost) are made in a second
process while this one adds the items before them.

Items go to the other process in chunks, as tuples of the fields `analyse` reads (a
frozen dataclass of thirty fields pickles four times slower), and come back in order, at
most `AHEAD` chunks ahead of the adding (they wait in memory). The process is spawned,
not forked: the app has threads, and a fork copies their locks in whatever state. Below
`BULK_MIN` items, or when the process cannot start or dies, the analyses are made here:
the same analyses, so the same links.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Generator, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from tui.dedup.features import Analysis, analyse
from tui.model import Item

#: below this many items a second process costs more to start (~0.2 s) than it saves
BULK_MIN = 2000
#: items per message: large enough that a message's cost is small beside its work
CHUNK = 500
AHEAD = 4
#: the other process's niceness, added to this one's (see _yield_the_cpu)
NICE = 10

#: what `analyse` reads of an item: id, source, created, versioned, version, slug,
#: headline, body, language, signal, refers_to
_Row = tuple[str, str, str, str, str, str, str, str, str, tuple[str, ...], tuple[str, ...]]


def analyse_many(rows: Sequence[_Row]) -> list[Analysis]:
    """The analyses of items given as `_row`s (run in the other process)."""
    return [analyse(Item(id=id_, path="", format="", source=source, created=created,
                         versioned=versioned, version=version, slug=slug,
                         headline=headline, body=body, language=language, signal=signal,
                         refers_to=refers_to))
            for (id_, source, created, versioned, version, slug, headline, body, language,
                 signal, refers_to) in rows]


def _row(item: Item) -> _Row:
    return (item.id, item.source, item.created, item.versioned, item.version, item.slug,
            item.headline, item.body, item.language, item.signal, item.refers_to)


def analysed(items: Iterable[Item], bulk_min: int = BULK_MIN,
             chunk: int = CHUNK) -> Generator[tuple[Item, Analysis | None], None, None]:
    """Each item with its analysis, in order; None where the caller is to analyse it
    (a short stream, the first chunk while the other process starts, or all the rest
    when it cannot start or dies). Close the iterator when stopping early (the other
    process is shut down then)."""
    listed = list(items)
    if len(listed) < bulk_min:
        yield from ((item, None) for item in listed)
        return
    chunks = [listed[at:at + chunk] for at in range(0, len(listed), chunk)]
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_yield_the_cpu, initargs=(NICE,))
    pending: deque[Future[list[Analysis]]] = deque()
    try:
        later = iter(chunks[1:])
        broken = not _submit(pool, pending, later, AHEAD)
        for item in chunks[0]:
            yield item, None
        for part in chunks[1:]:
            analyses = None if broken else _result(pending.popleft())
            if analyses is None:
                broken = True
                yield from ((item, None) for item in part)
                continue
            broken = not _submit(pool, pending, later, 1)
            yield from zip(part, analyses, strict=True)
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def prepare() -> None:
    """Start multiprocessing's resource tracker now, while standard error is still the
    terminal's. A process started later starts the tracker first, handing it standard
    error's file descriptor, and an app that captures output (Textual does, while it
    runs) has a stand-in there whose descriptor is -1: the start fails and the analyses
    would all be made in this process."""
    from multiprocessing import resource_tracker

    try:
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return  # no second process then: add_all analyses in this one


def _yield_the_cpu(nice: int) -> None:
    """(In the other process.) Lower its priority: when both cores are busy (the app's
    screen, another program) this process waits, not the one that adds, which then
    waits for analyses and leaves the core to it: no slower than analysing here. On an
    idle core it runs at full speed all the same."""
    if nice and hasattr(os, "nice"):
        os.nice(nice)


def _submit(pool: ProcessPoolExecutor, pending: deque[Future[list[Analysis]]],
            later: Iterator[list[Item]], count: int) -> bool:
    """Send up to `count` more chunks; False when the other process cannot start (the
    first submit starts it) or has died."""
    try:
        for _, part in zip(range(count), later, strict=False):
            pending.append(pool.submit(analyse_many, [_row(item) for item in part]))
    except (OSError, ValueError, RuntimeError, BrokenProcessPool, ImportError,
            NotImplementedError):
        # No process (no semaphores, no file descriptors left, a pool shut down, standard
        # error captured with no descriptor to hand on, see prepare()): the caller
        # analyses the rest itself.
        return False
    return True


def _result(future: Future[list[Analysis]]) -> list[Analysis] | None:
    try:
        return future.result()
    except (BrokenProcessPool, OSError):
        # The other process died (killed, out of memory): the rest is analysed here.
        return None
