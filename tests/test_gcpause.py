"""The collector's pause: off while held, as it was once the last holder is done."""

from __future__ import annotations

import gc
import threading

from tui.gcpause import collector_paused


def test_the_collector_is_off_while_held_and_on_again_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer holder still holds it
    assert gc.isenabled()


def test_a_collector_already_off_stays_off() -> None:
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_threads_overlapping_leave_it_on_when_both_are_done() -> None:
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen: list[bool] = []

    def first() -> None:
        with collector_paused():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second() -> None:
        first_in.wait(5)
        with collector_paused():
            second_in.set()
            first_out.wait(5)
            seen.append(gc.isenabled())

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert seen == [False]  # the first let go while the second held it
    assert gc.isenabled()


def test_what_the_pause_made_is_not_walked_by_the_next_collection() -> None:
    # The first collection after a pause walked every object made during it: 1.3 s at
    # the end of a 100,000-item grouping, holding the interpreter (the screen froze).
    frozen = gc.get_freeze_count()
    try:
        with collector_paused():
            kept = [[n] for n in range(10_000)]
        assert gc.get_freeze_count() >= frozen + len(kept)
        assert gc.get_count()[0] < 1_000
    finally:
        gc.unfreeze()
