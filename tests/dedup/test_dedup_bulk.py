"""Adding many items at once: records made in another process (tui/dedup/bulk.py)
give the same links and stories as adding one item at a time."""

from __future__ import annotations

import multiprocessing
from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest

from tui.dedup import bulk
from tui.dedup.detector import Detector
from tui.dedup.features import analyse, extract, features
from tui.dedup.groups import StoryIndex
from tui.dedup.synth import generate
from tui.model import Item


def _links(detector: Detector, items: list[Item]) -> list[tuple[object, ...]]:
    return [(link.item, link.other, link.relation, link.score, link.why)
            for one in items for link in detector.links_of(one.key)]


@pytest.fixture(scope="module")
def stream() -> list[Item]:
    return [generated for generated, _ in generate(1500, seed=3)]


@pytest.fixture(scope="module")
def one_by_one(stream: list[Item]) -> Detector:
    detector = Detector()
    for one in stream:
        detector.add(one)
    return detector


def test_features_from_an_analysis_are_extract_s(stream: list[Item]) -> None:
    for n, one in enumerate(stream[:200]):
        assert features(analyse(one), n, {}, n, 24, 2.0) == extract(one, n, {}, n, 24, 2.0)


def _spy(monkeypatch: pytest.MonkeyPatch, seen: list[tuple[Item, object]]) -> None:
    """Small chunks, from 100 items: the other process is used on a short stream."""
    real = bulk.prepared

    def spy(items: list[Item], *args: Any, **kw: Any) -> Iterator[tuple[Item, object]]:
        for pair in real(items, *args[:4], 100, 64, **kw):
            seen.append(pair)
            yield pair

    monkeypatch.setattr("tui.dedup.detector.prepared", spy)


def test_records_from_another_process_give_the_same_links_and_stories(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Item, object]] = []
    _spy(monkeypatch, seen)
    made_here: list[object] = []

    def counted(*args: Any) -> Any:
        made_here.append(args[0])
        return features(*args)

    monkeypatch.setattr("tui.dedup.detector.features", counted)
    index = StoryIndex()
    done: list[int] = []
    index.add_all(iter(stream), progress=done.append)
    # all but the first chunk, made here while the other process starts
    assert sum(ready is not None for _, ready in seen) == len(stream) - 64
    # the event layer's reading of each item comes with its record
    assert all(ready[3] is not None for _, ready in seen  # type: ignore[index]
               if ready is not None)
    assert len(made_here) == 64
    assert [one for one, _ in seen] == stream
    assert _links(index.detector, stream) == _links(one_by_one, stream)
    assert index.detector.stories() == one_by_one.stories()
    # counted a chunk at a time here: the same counts, for the items added after
    assert index.detector.document_frequencies == one_by_one.document_frequencies
    assert done == [1000]


def test_a_detector_holding_items_hands_its_counts_to_the_other_process(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Item, object]] = []
    _spy(monkeypatch, seen)
    detector = Detector()
    for one in stream[:400]:
        detector.add(one)
    # keys seen before, in the index or earlier in the stream, are not sent
    detector.add_all(stream[300:] + stream[:10] + stream[500:510])
    assert [one for one, _ in seen] == stream[400:]
    assert sum(ready is not None for _, ready in seen) == len(stream) - 400 - 64
    assert _links(detector, stream) == _links(one_by_one, stream)
    assert detector.stories() == one_by_one.stories()
    assert detector.document_frequencies == one_by_one.document_frequencies


def test_paragraph_and_lede_hashes_are_the_same_in_every_process(
        stream: list[Item]) -> None:
    # (str's own hash is salted per process: these are compared across processes)
    context = multiprocessing.get_context("spawn")
    with context.Pool(1) as pool:
        theirs = pool.map(_hashes, stream[:50])
    assert theirs == [_hashes(one) for one in stream[:50]]


def _hashes(item: Item) -> tuple[int, bytes, bytes]:
    a = analyse(item)
    return a.text_hash, a.para_hash, a.lede


def test_a_pool_that_cannot_start_leaves_the_analyses_here(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(bulk.ProcessPoolExecutor, "submit", no_process)
    pairs = list(bulk.prepared(stream, Counter(), 0, 24, 2.5, 100, 64))
    assert [one for one, _ in pairs] == stream
    assert all(ready is None for _, ready in pairs)
    detector = Detector()
    detector.add_all(stream)
    assert _links(detector, stream) == _links(one_by_one, stream)


def test_a_process_that_dies_midway_leaves_the_rest_here_with_the_same_links(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[tuple[Item, object]] = []
    _spy(monkeypatch, seen)
    real, calls = bulk._result, []

    def dies_at_the_fifth_chunk(future: Any) -> Any:
        calls.append(future)
        return None if len(calls) >= 5 else real(future)

    monkeypatch.setattr(bulk, "_result", dies_at_the_fifth_chunk)
    detector = Detector()
    detector.add_all(stream)
    # chunks 1-3 came from the other process (chunk 0's were made here), no more
    assert sum(ready is not None for _, ready in seen) == 3 * 64
    assert _links(detector, stream) == _links(one_by_one, stream)
    assert detector.stories() == one_by_one.stories()
    assert detector.document_frequencies == one_by_one.document_frequencies


def test_a_started_process_makes_every_record_and_is_gone_after(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "CHUNK", 64)
    made_here: list[object] = []

    def counted(*args: Any) -> Any:
        made_here.append(args[0])
        return features(*args)

    monkeypatch.setattr("tui.dedup.detector.features", counted)
    bulk.warm(wait=True)
    detector = Detector()
    detector.add_all(stream)  # fewer than BULK_MIN items: only a started process is used
    assert made_here == []  # the first chunk too
    assert _links(detector, stream) == _links(one_by_one, stream)
    assert detector.stories() == one_by_one.stories()
    assert detector.document_frequencies == one_by_one.document_frequencies
    assert not multiprocessing.active_children()


def test_a_started_process_waits_for_a_stream_worth_it_and_cool_stops_it(
        stream: list[Item]) -> None:
    bulk.warm()
    detector = Detector()
    detector.add_all(stream[:10])  # under a chunk: made here
    assert multiprocessing.active_children()  # still there for the next
    bulk.cool()
    assert not multiprocessing.active_children()


def test_stopping_early_shuts_the_other_process_down(stream: list[Item]) -> None:
    pairs = bulk.prepared(stream, Counter(), 0, 24, 2.5, 100, 64)
    for _ in range(200):
        next(pairs)
    assert multiprocessing.active_children()
    pairs.close()
    assert not multiprocessing.active_children()  # joined, none left behind


def test_short_streams_are_analysed_here(stream: list[Item]) -> None:
    assert all(ready is None for _, ready in bulk.prepared(stream[:50], Counter(), 0, 24, 2.5))


def test_bench_times_the_bulk_path_and_says_so() -> None:
    from tui.bench import dedup as bench_dedup

    generated = generate(2500, seed=5)
    items = [one for one, _ in generated]
    result = bench_dedup._detector(items, [label for _, label in generated])
    assert result["items"] == 2500 and result["overall"]["recall"] > 0.9
    assert result["median_add_us"] > 0 and result["p99_live_add_us"] > 0
    table = bench_dedup._table(2500, {"detector": result, "minhash": {"skipped": "-"},
                                      "headline_all_pairs": {"skipped": "-"}})
    assert "second process" in table and "live add" in table


def test_bench_reports_resident_memory_where_a_traced_pass_would_not_end(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.bench import dedup as bench_dedup

    monkeypatch.setattr(bench_dedup, "TRACED_MOST", 100)
    generated = generate(300, seed=5)
    result = bench_dedup._detector([one for one, _ in generated],
                                   [label for _, label in generated])
    assert result["memory_mb"] is None and "rss_growth_mb" in result
    table = bench_dedup._table(300, {"detector": result, "minhash": {"skipped": "-"},
                                     "headline_all_pairs": {"skipped": "-"}})
    assert "not traced above 100 items" in table
