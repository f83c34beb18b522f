"""Adding many items at once on two cores: each item's record (`features.analyse` and
`features.features`: all of adding an item but the look-ups in the index, about half
its cost) is made in a second process while this one adds the items before it.

The weights in a record read the document frequencies of the items before it. The
other process keeps its own count: it starts from the detector's (empty for a new
day) and counts every item it is sent, as the detector counts every item it adds, so
its records are the ones `add` would make here; it sends the chunk's counts back, and
words as numbers (each string once). Items go in chunks, as tuples of the
fields `analyse` reads (a frozen dataclass of thirty fields pickles four times
slower), and come back in order, at most `AHEAD` chunks ahead of the adding (they
wait in memory). The process is spawned, not forked: the app has threads, and a fork
copies their locks in whatever state; `warm` starts it ahead of need (the app does
while it reads a day). Below `BULK_MIN` items (a chunk with a started process), or when
the process cannot start or dies, the records are made here: the same records, so the
same links.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import multiprocessing
import os
import threading
from array import array
from collections import Counter, deque
from collections.abc import Generator, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from sys import intern
from typing import ClassVar, NamedTuple

from tui.dedup.features import (
    Analysis,
    Features,
    analyse,
    assemble,
    lede_weights,
    terms,
    weigh,
)
from tui.dedup.reading import Reading, read
from tui.model import Item, item_key

#: below this many items a second process costs more to start (~0.2 s) than it saves
BULK_MIN = 2000
#: items per message: large enough that a message's cost is small beside its work
CHUNK = 500
#: ... and the smallest, for short streams
SMALL_CHUNK = 100
AHEAD = 4
#: the other process's niceness, added to this one's (see _start)
NICE = 10

class _Copy(NamedTuple):
    """What `analyse` reads of an item (a `features.Copy`): sent as a plain tuple, made
    here without the checks and the thirty fields of an `Item`."""

    id: str
    source: str
    created: str
    versioned: str
    version: str
    slug: str
    headline: str
    body: str
    language: str
    signal: tuple[str, ...]
    refers_to: tuple[str, ...]
    #: the dateline city as the format gave it (the event layer's reading)
    city: str

    @property
    def key(self) -> str:
        return item_key(self.id, self.version)


_Row = tuple[str, str, str, str, str, str, str, str, str, tuple[str, ...], tuple[str, ...],
             str]


#: a record, the terms its item adds to the counts (none when `prepared` counted them
#: already), the weights of its key terms, and the event layer's reading of it (None
#: when not asked for)
Prepared = tuple[Features, tuple[str, ...], tuple[float, ...], Reading | None]
#: an item as the other process sends it: its number, its analysis with the words
#: (labels, terms, names, numbers) left out and sent as numbers into the chunk's word
#: list, its key terms' weights, its lede names' weights, and how many names and lede
#: numbers it has (see _pack)
_Packed = tuple[int, Analysis, bytes, tuple[float, ...], tuple[float, ...], int, int,
                Reading | None]
#: a chunk's items, the words first used in them, and the chunk's counts of terms as
#: two arrays: word numbers, and in how many of the chunk's items each is
_Chunk = tuple[list[str], list[_Packed], bytes, bytes]


class _Words(dict[str, int]):
    """(In the other process.) Each word sent so far -> its number, in the order sent;
    `new` holds those not yet sent, `df` the document frequency of each, by number."""

    def __init__(self) -> None:
        super().__init__()
        self.new: list[str] = []
        self.df = array("i")

    def __missing__(self, word: str) -> int:
        number = self[word] = len(self)
        self.new.append(word)
        self.df.append(0)
        return number


class _Counts:
    """(In the other process.) The words with their document frequencies, and the count
    of items so far."""

    words: ClassVar[_Words] = _Words()
    n_docs = 0
    key_terms = 0
    name_boost = 0.0
    #: the event layer's headline and lede weights and fact boost, or None: no
    #: reading made
    reading: tuple[float, float, float] | None = None


def prepare_many(rows: Sequence[_Row]) -> _Chunk:
    """(In the other process.) The items given as `_row`s analysed and weighed, in
    order, each counted in the document frequencies before the next is weighed."""
    out = []
    words = _Counts.words
    df = words.df
    counted: Counter[int] = Counter()
    for row in rows:
        n = _Counts.n_docs
        a = analyse(_Copy._make(row))
        # A term is looked up once, by its number: counts are an array, not a table.
        numbers = list(map(words.__getitem__, terms(a)))
        keys, weights = weigh(a, list(map(df.__getitem__, numbers)), n,
                              _Counts.key_terms, _Counts.name_boost)
        for number in numbers:
            df[number] += 1
        counted.update(numbers)
        _Counts.n_docs = n + 1
        reading = None
        if _Counts.reading is not None:
            reading = read(row[6], row[7], row[11], *_Counts.reading)
        out.append(_pack(n, a, keys, weights, words, reading))
    new, words.new = words.new, []
    return (new, out, array("i", counted.keys()).tobytes(),
            array("i", counted.values()).tobytes())


def _pack(n: int, a: Analysis, keys: list[str], weights: dict[str, float],
          words: _Words, reading: Reading | None) -> _Packed:
    """Words go as numbers: each string sent once, not once an item, and that side
    neither hashes nor interns a string it has seen already."""
    said = (a.source, a.language, *keys, *a.names, *a.lede_names, *a.lede_numbers)
    bare = a._replace(source="", language="", plain=(), key_names=(), names=(),
                      lede_names=(), lede_numbers=())
    return (n, bare, array("i", map(words.__getitem__, said)).tobytes(),
            tuple(map(weights.__getitem__, keys)),
            lede_weights(a, weights, _Counts.name_boost), len(a.names), len(a.lede_numbers),
            reading)


def _unpack(packed: _Packed, words: list[str]) -> Prepared:
    n, bare, numbers, key_weights, lede_names_weights, names, lede_numbers, reading = packed
    said = list(map(words.__getitem__, memoryview(numbers).cast("i")))
    keys = 2 + len(key_weights)
    lede_names = keys + names
    lede_numbers += (terms := lede_names + len(lede_names_weights))
    a = bare._replace(source=said[0], language=said[1], names=tuple(said[keys:lede_names]),
                      lede_names=tuple(said[lede_names:terms]),
                      lede_numbers=tuple(said[terms:lede_numbers]))
    return assemble(a, n, tuple(said[2:keys]), key_weights, lede_names_weights), (), \
        key_weights, reading


def _row(item: Item) -> _Row:
    return (item.id, item.source, item.created, item.versioned, item.version, item.slug,
            item.headline, item.body, item.language, item.signal, item.refers_to,
            item.dateline.city)


def prepared(items: Sequence[Item], df: Counter[str], n_docs: int, key_terms: int,
             name_boost: float, bulk_min: int = BULK_MIN, chunk: int = CHUNK,
             reading: tuple[float, float, float] | None = None
             ) -> Generator[tuple[Item, Prepared | None], None, None]:
    """Each item with its record, in order; None where the caller is to make it (a short
    stream, the first chunk while the other process starts, or all the rest when it
    cannot start or dies). A process `warm` started is taken (from a chunk of items;
    when it has started, it makes the first chunk too). Every item is to be added, in
    this order, to a detector holding `n_docs` items counted in `df`; the terms of the
    records made there are counted in `df` here, a chunk at a time (a detector stopped
    in the middle of a chunk has counted all of it). Close the iterator when stopping
    early (the other process is shut down then)."""
    warmed = _Warm.take()
    if len(items) < (CHUNK if warmed else bulk_min):
        _Warm.put_back(warmed)
        yield from ((item, None) for item in items)
        return
    # Smaller chunks for a short stream: this side starts on the first sooner.
    chunk = min(chunk, max(SMALL_CHUNK, len(items) // 16))
    chunks = [items[at:at + chunk] for at in range(0, len(items), chunk)]
    pool = warmed[0] if warmed else _new_pool()
    # a started process that is ready makes the first chunk too
    ready = warmed is not None and warmed[1].done() and warmed[1].exception() is None
    pending: deque[Future[_Chunk]] = deque()
    #: the other side's words by number, interned
    words: list[str] = []
    try:
        broken = not _submit(pool, pending, iter(chunks), AHEAD + 1,
                             first=(dict(df), n_docs, key_terms, name_boost, reading))
        later = iter(chunks[AHEAD + 1:])
        if not ready:
            # The first chunk is made here while the other process starts, and there
            # too, since its counts must hold every item (its records are not read,
            # its words are).
            yield from ((item, None) for item in chunks[0])
        for at, part in enumerate(chunks[0 if ready else 1:]):
            made = None if broken else _records(pending, words, df,
                                                first=at == 0 and not ready)
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


def warm(wait: bool = False) -> None:
    """Start the other process now, for the next bulk add to take: a new interpreter
    importing the detector takes 0.15-0.3 s, which then overlaps other work (the app
    starts it when it finds a day to read). `wait`: until it has started."""
    with _Warm.lock:
        if _Warm.pool is None:
            if not _Warm.cooled_at_exit:
                # atexit runs newest first: before multiprocessing joins its children,
                # which would wait for ever on a started process that no add took
                atexit.register(cool)
                _Warm.cooled_at_exit = True
            pool = _new_pool()
            try:
                _Warm.started = pool.submit(_reset, {}, 0, 0, 0.0, None)
            except _NO_PROCESS:
                pool.shutdown(wait=False)
                return
            _Warm.pool = pool
        started = _Warm.started
    if wait and started is not None:
        with contextlib.suppress(*_NO_PROCESS):
            started.result()


def cool() -> None:
    """Stop a started process that no bulk add took."""
    taken = _Warm.take()
    if taken is not None:
        taken[0].shutdown(wait=True, cancel_futures=True)


class _Warm:
    """The process `warm` started, until a bulk add takes it."""

    lock = threading.Lock()
    pool: ClassVar[ProcessPoolExecutor | None] = None
    started: ClassVar[Future[None] | None] = None
    cooled_at_exit: ClassVar[bool] = False

    @classmethod
    def take(cls) -> tuple[ProcessPoolExecutor, Future[None]] | None:
        with cls.lock:
            pool, started, cls.pool, cls.started = cls.pool, cls.started, None, None
        return None if pool is None or started is None else (pool, started)

    @classmethod
    def put_back(cls, taken: tuple[ProcessPoolExecutor, Future[None]] | None) -> None:
        if taken is None:
            return
        with cls.lock:
            if cls.pool is None:
                cls.pool, cls.started = taken
                return
        taken[0].shutdown(wait=False)  # another was started meanwhile


def _new_pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_start, initargs=(NICE,))


def _records(pending: deque[Future[_Chunk]], words: list[str], df: Counter[str],
             first: bool) -> list[Prepared] | None:
    """The next chunk's records, its terms counted in `df` (after the first chunk's
    words, when `first`: its items were made and counted here), or None when the other
    process has died. A chunk is counted at once, not item by item as it is added: only
    records made here read the counts, and they are made after every chunk before
    them is counted."""
    for counts in (False, True) if first else (True,):
        made = _result(pending.popleft())
        if made is None:
            return None
        new, packed, numbers, times = made
        words.extend(map(intern, new))
        if counts:
            for number, count in zip(memoryview(numbers).cast("i"),
                                     memoryview(times).cast("i"), strict=True):
                df[words[number]] += count
    return [_unpack(one, words) for one in packed]


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


def _start(nice: int) -> None:
    """(In the other process.) Lower the priority: when both cores are busy (the app's
    screen, another program) this process waits, not the one that adds, which then
    waits for records and leaves the core to it: no slower than making them there. On
    an idle core it runs at full speed all the same."""
    # This process makes records and counts, nothing that refers to itself: the
    # collector's passes would find no garbage.
    gc.disable()
    if nice and hasattr(os, "nice"):
        os.nice(nice)


def _reset(df: dict[str, int], n_docs: int, key_terms: int, name_boost: float,
           reading: tuple[float, float, float] | None) -> None:
    """(In the other process.) Take a detector's counts, before its items are sent."""
    _Counts.words = words = _Words()
    for term, count in df.items():
        words.df[words[term]] = count
    _Counts.n_docs, _Counts.key_terms, _Counts.name_boost = n_docs, key_terms, name_boost
    _Counts.reading = reading


def _submit(pool: ProcessPoolExecutor, pending: deque[Future[_Chunk]],
            later: Iterator[Sequence[Item]], count: int,
            first: tuple[dict[str, int], int, int, float, tuple[float, float, float] | None]
            | None = None) -> bool:
    """Send up to `count` more chunks (after the counts to start from, `first`); False
    when the other process cannot start (the first submit starts it) or has died."""
    try:
        if first is not None:
            pool.submit(_reset, *first)
        for _, part in zip(range(count), later, strict=False):
            pending.append(pool.submit(prepare_many, [_row(item) for item in part]))
    except _NO_PROCESS:
        return False  # the caller makes the rest itself
    return True


#: what starting or sending to the other process raises when it cannot be had: no
#: semaphores, no file descriptors left, a pool shut down, standard error captured with
#: no descriptor to hand on (see prepare())
_NO_PROCESS = (OSError, ValueError, RuntimeError, BrokenProcessPool, ImportError,
               NotImplementedError)


def _result(future: Future[_Chunk]) -> _Chunk | None:
    try:
        return future.result()
    except (BrokenProcessPool, OSError):
        # The other process died (killed, out of memory): the rest is made here.
        return None
