"""Adding many items at once on two cores: each item's record (`features.analyse` and
`features.features`: all of adding an item but the look-ups in the index, about half
its cost) is made in a second process while this one adds the items before it.

The weights in a record read the document frequencies of the items before it. The
other process keeps its own count: it starts from the detector's (empty for a new
day) and counts every item it is sent, as the detector counts every item it adds, so
its records are the ones `add` would make here. Items go in chunks, as tuples of the
fields `analyse` reads (a frozen dataclass of thirty fields pickles four times
slower), and come back in order, at most `AHEAD` chunks ahead of the adding (they
wait in memory). The process is spawned, not forked: the app has threads, and a fork
copies their locks in whatever state. Below `BULK_MIN` items, or when the process
cannot start or dies, the records are made here: the same records, so the same links.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import Counter, deque
from collections.abc import Generator, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import ClassVar

from tui.dedup.features import Features, analyse, features
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


#: a record made in the other process, the terms its item adds to the counts, and the
#: weights of its key terms
Prepared = tuple[Features, tuple[str, ...], tuple[float, ...]]


class _Counts:
    """(In the other process.) The document frequencies and the count of items so far."""

    df: ClassVar[Counter[str]] = Counter()
    n_docs = 0
    key_terms = 0
    name_boost = 0.0


def prepare_many(rows: Sequence[_Row]) -> list[Prepared]:
    """(In the other process.) The records of the items given as `_row`s, in order,
    each counted in the document frequencies before the next is weighed."""
    out = []
    df = _Counts.df
    for (id_, source, created, versioned, version, slug, headline, body, language,
         signal, refers_to) in rows:
        item = Item(id=id_, path="", format="", source=source, created=created,
                    versioned=versioned, version=version, slug=slug, headline=headline,
                    body=body, language=language, signal=signal, refers_to=refers_to)
        n = _Counts.n_docs
        f, weights = features(analyse(item), n, df, n, _Counts.key_terms,
                              _Counts.name_boost)
        df.update(weights.keys())
        _Counts.n_docs = n + 1
        out.append((f, tuple(weights), tuple(map(weights.__getitem__, f.keys))))
    return out


def _row(item: Item) -> _Row:
    return (item.id, item.source, item.created, item.versioned, item.version, item.slug,
            item.headline, item.body, item.language, item.signal, item.refers_to)


def prepared(items: Sequence[Item], df: Mapping[str, int], n_docs: int, key_terms: int,
             name_boost: float, bulk_min: int = BULK_MIN, chunk: int = CHUNK
             ) -> Generator[tuple[Item, Prepared | None], None, None]:
    """Each item with its record, in order; None where the caller is to make it (a short
    stream, the first chunk while the other process starts, or all the rest when it
    cannot start or dies). Every item is to be added, in this order, to a detector
    holding `n_docs` items counted in `df`. Close the iterator when stopping early (the
    other process is shut down then)."""
    if len(items) < bulk_min:
        yield from ((item, None) for item in items)
        return
    chunks = [items[at:at + chunk] for at in range(0, len(items), chunk)]
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start,
                               initargs=(NICE, dict(df), n_docs, key_terms, name_boost))
    pending: deque[Future[list[Prepared]]] = deque()
    try:
        # The first chunk is made here while the other process starts, and there too,
        # since its counts must hold every item.
        broken = not _submit(pool, pending, iter(chunks), AHEAD + 1)
        if not broken:
            pending.popleft()
        later = iter(chunks[AHEAD + 1:])
        for item in chunks[0]:
            yield item, None
        for part in chunks[1:]:
            made = None if broken else _result(pending.popleft())
            if made is None:
                broken = True
                yield from ((item, None) for item in part)
                continue
            broken = not _submit(pool, pending, later, 1)
            yield from zip(part, made, strict=True)
    finally:
        for future in pending:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def prepare() -> None:
    """Start multiprocessing's resource tracker now, while standard error is still the
    terminal's. A process started later starts the tracker first, handing it standard
    error's file descriptor, and an app that captures output (Textual does, while it
    runs) has a stand-in there whose descriptor is -1: the start fails and the records
    would all be made in this process."""
    from multiprocessing import resource_tracker

    try:
        resource_tracker.ensure_running()
    except (OSError, ValueError):
        return  # no second process then: add_all makes every record in this one


def _start(nice: int, df: dict[str, int], n_docs: int, key_terms: int,
           name_boost: float) -> None:
    """(In the other process.) Take the detector's counts, and lower the priority: when
    both cores are busy (the app's screen, another program) this process waits, not the
    one that adds, which then waits for records and leaves the core to it: no slower
    than making them there. On an idle core it runs at full speed all the same."""
    _Counts.df = Counter(df)
    _Counts.n_docs, _Counts.key_terms, _Counts.name_boost = n_docs, key_terms, name_boost
    if nice and hasattr(os, "nice"):
        os.nice(nice)


def _submit(pool: ProcessPoolExecutor, pending: deque[Future[list[Prepared]]],
            later: Iterator[Sequence[Item]], count: int) -> bool:
    """Send up to `count` more chunks; False when the other process cannot start (the
    first submit starts it) or has died."""
    try:
        for _, part in zip(range(count), later, strict=False):
            pending.append(pool.submit(prepare_many, [_row(item) for item in part]))
    except (OSError, ValueError, RuntimeError, BrokenProcessPool, ImportError,
            NotImplementedError):
        # No process (no semaphores, no file descriptors left, a pool shut down, standard
        # error captured with no descriptor to hand on, see prepare()): the caller
        # makes the rest itself.
        return False
    return True


def _result(future: Future[list[Prepared]]) -> list[Prepared] | None:
    try:
        return future.result()
    except (BrokenProcessPool, OSError):
        # The other process died (killed, out of memory): the rest is made here.
        return None
