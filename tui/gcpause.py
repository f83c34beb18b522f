"""Pausing the garbage collector while a great many long-lived objects are made.

Loading a day or grouping it makes 100,000 objects that all stay alive: the collector's
passes meanwhile find nothing to free and cost more than making them. The pause counts
its holders, so two threads pausing at once (a live poll during the day's grouping)
leave the collector as it was before the first, when the last is done.

What the pause made then goes to the permanent generation (`gc.freeze`), where the
collector never walks it: those objects are the ones meant to live, and left in the
youngest generation they were all walked by the next collection, however small (1.3 s
at the end of a 100,000-item grouping, holding the interpreter: the screen froze).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class _Holders:
    lock = threading.Lock()
    count = 0
    resume = False


@contextmanager
def collector_paused() -> Iterator[None]:
    with _Holders.lock:
        if _Holders.count == 0:
            _Holders.resume = gc.isenabled()
            gc.disable()
        _Holders.count += 1
    try:
        yield
    finally:
        with _Holders.lock:
            _Holders.count -= 1
            if _Holders.count == 0:
                gc.freeze()
                if _Holders.resume:
                    gc.enable()
