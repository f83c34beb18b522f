"""The day's wire: queue order and exact duplicates grouped and marked."""

from __future__ import annotations

import json
from pathlib import Path

from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk
from tui.wire import Wire, load_wire

BODY = "Fighters surrendered in Baghuz on Wednesday.\n\nThe SDF said 3,000 people left."


def _jsonl(path: Path, *records: dict[str, object]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_exact_duplicates_share_a_story(tmp_path: Path) -> None:
    _jsonl(tmp_path / "a.jsonl",
           {"id": "a1", "headline": "Baghuz falls", "body": BODY,
            "versioned": "2019-03-14T09:00:00+00:00"},
           {"id": "a2", "headline": "REPEAT Baghuz falls",
            "body": BODY.replace("Wednesday", "WEDNESDAY").replace(" ", "  "),
            "versioned": "2019-03-14T10:00:00+00:00"},
           {"id": "b1", "headline": "Other story", "body": "Nothing alike.",
            "versioned": "2019-03-14T11:00:00+00:00"})
    wire = load_wire([tmp_path])
    assert wire.order == ["b1", "a2", "a1"]  # newest first
    story = wire.story_of("a1")
    assert story is not None and story == wire.story_of("a2")
    assert story.members == ["a1", "a2"]
    assert wire.stories.size_of("b1") == 1


async def test_queue_marks_grouped_items(config: Config, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    _jsonl(inbox / "a.jsonl", {"id": "a1", "headline": "One", "body": BODY},
           {"id": "a2", "headline": "One again", "body": BODY},
           {"id": "c1", "headline": "Alone", "body": "Other copy."})
    app = build_app(config, [inbox], Desk(tmp_path / "d.toml"))
    async with app.run_test(size=(120, 20)):
        await app.wait_loaded()
        queue = app.query_one(QueueView)
        assert "×2" in queue.row_text("a1", 120)
        assert "×2" in queue.row_text("a2", 120)
        assert "×" not in queue.row_text("c1", 120)


def test_queue_order_is_the_same_for_a_big_first_load_and_single_arrivals() -> None:
    from tui.ingest import FileResult
    from tui.model import Item
    from tui.wire import Wire

    def item(n: int) -> Item:
        minute = (n * 37) % 60
        return Item(id=f"i{n:03d}", path="p", format="jsonl", headline=f"h{n}",
                    body=f"Body number {n} about item {n}.",
                    versioned=f"2019-03-14T{10 + n % 5:02d}:{minute:02d}:00+00:00")

    items = [item(n) for n in range(200)]
    at_once = Wire()
    at_once.add_result(FileResult("day", items[:150]))  # sorted in as one batch
    for one in items[150:]:
        at_once.add_result(FileResult("late", [one]))  # each inserted in place
    one_by_one = Wire()
    for one in items:
        one_by_one.add_result(FileResult("x", [one]))
    assert at_once.order == one_by_one.order
    times = [at_once.items[k].versioned for k in at_once.order]
    assert times == sorted(times, reverse=True)


def test_stories_built_on_another_thread_match_stories_built_in_place() -> None:
    import threading

    from tui.dedup.stories import Overrides
    from tui.ingest import FileResult
    from tui.model import Item
    from tui.wire import Wire, group_items

    def item(key: str, body: str, headline: str = "Storm warning") -> Item:
        return Item(id=key, path="p", format="jsonl", headline=headline, body=body,
                    versioned="2019-03-14T10:00:00+00:00")

    day = [item("a1", BODY), item("b1", "Nothing alike at all here.", "Bake sale"),
           item("a2", BODY.replace("Wednesday", "WEDNESDAY"))]
    late = item("a3", BODY + "\n\nA new paragraph of the writethru.")

    in_place = Wire()
    in_place.add_result(FileResult("day", day))
    in_place.add_result(FileResult("late", [late]))

    deferred = Wire()
    deferred.defer_grouping()
    deferred.add_result(FileResult("day", day))
    assert deferred.grouping and deferred.story_of("a1") is None
    items, overrides = deferred.take_ungrouped()
    built: list[object] = []
    worker = threading.Thread(target=lambda: built.append(
        group_items(items, None, overrides)))
    worker.start()
    deferred.add_result(FileResult("late", [late]))  # arrives while the stories are built
    worker.join()
    from tui.dedup.groups import StoryIndex
    assert isinstance(built[0], StoryIndex)
    deferred.install_stories(built[0])
    assert not deferred.grouping
    for key in ("a1", "a2", "a3", "b1"):
        assert deferred.story_of(key) == in_place.story_of(key)
    assert deferred.stories.size_of("a1") == 3
    assert overrides == Overrides()


def test_a_file_taken_in_parts_is_not_a_second_reading() -> None:
    from tui.ingest.reader import FileResult as Result
    from tui.model import Item as WireItem

    items = [WireItem(id=f"sha:{n:04d}", path="/in/feed.xml", format="rss",
                      headline=f"Entry {n}", received="2024-01-01T00:00:00+00:00")
             for n in range(10)]
    wire = Wire(group=False)
    wire.take(Result("/in/feed.xml", items[:5]))
    wire.take(Result("/in/feed.xml", items[5:], continues=True))
    assert len(wire) == 10
    again = wire.take(Result("/in/feed.xml", items[:3]))  # read again: the file shrank
    assert sorted(again.removed) == [i.key for i in items[3:]]
    assert len(wire) == 3
