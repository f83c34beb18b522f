"""Adding many items at once: analyses made in another process (tui/dedup/bulk.py)
give the same links and stories as adding one item at a time."""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator

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
        assert features(one, analyse(one), n, {}, n, 24, 2.0) == \
            extract(one, n, {}, n, 24, 2.0)


def test_precomputed_analyses_give_the_same_links_and_stories(
        stream: list[Item], one_by_one: Detector) -> None:
    detector = Detector()
    for one in stream:
        detector.add(one, analyse(one))
    assert _links(detector, stream) == _links(one_by_one, stream)
    assert detector.stories() == one_by_one.stories()


def test_analyses_from_another_process_give_the_same_links_and_stories(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    # A small stream in small chunks: the other process is used all the same, and the
    # paragraph hashes (salted per process) are taken here.
    monkeypatch.setattr(bulk, "BULK_MIN", 100)
    monkeypatch.setattr(bulk, "CHUNK", 64)
    seen: list[tuple[Item, object]] = []
    real = bulk.analysed

    def spy(items: list[Item]) -> Iterator[tuple[Item, object]]:
        for pair in real(items, 100, 64):
            seen.append(pair)
            yield pair

    monkeypatch.setattr("tui.dedup.detector.analysed", spy)
    index = StoryIndex()
    done: list[int] = []
    index.add_all(iter(stream), progress=done.append)
    assert sum(analysis is not None for _, analysis in seen) == len(stream) - 64
    assert [one for one, _ in seen] == stream
    assert _links(index.detector, stream) == _links(one_by_one, stream)
    assert index.detector.stories() == one_by_one.stories()
    assert done == [1000]


def test_a_pool_that_cannot_start_leaves_the_analyses_here(
        stream: list[Item], one_by_one: Detector, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_process(*args: object, **kwargs: object) -> None:
        raise OSError("no semaphores here")

    monkeypatch.setattr(bulk.ProcessPoolExecutor, "submit", no_process)
    pairs = list(bulk.analysed(stream, 100, 64))
    assert [one for one, _ in pairs] == stream
    assert all(analysis is None for _, analysis in pairs)
    detector = Detector()
    detector.add_all(stream)
    assert _links(detector, stream) == _links(one_by_one, stream)


def test_stopping_early_shuts_the_other_process_down(stream: list[Item]) -> None:
    pairs = bulk.analysed(stream, 100, 64)
    for _ in range(200):
        next(pairs)
    assert multiprocessing.active_children()
    pairs.close()
    assert not multiprocessing.active_children()  # joined, none left behind


def test_short_streams_are_analysed_here(stream: list[Item]) -> None:
    assert all(analysis is None for _, analysis in bulk.analysed(stream[:50]))


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
