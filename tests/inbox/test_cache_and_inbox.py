"""The ingest cache and the live inbox."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.ingest import cache as cache_module
from tui.ingest import inbox as inbox_module
from tui.ingest.cache import IngestCache
from tui.ingest.inbox import Inbox
from tui.ingest.reader import FileResult
from tui.ingest.signature import Signature
from tui.model import Dateline, Item

ITEM = Item(id="urn:1", path="/x/a.xml", format="nitf", source="Reuters",
            headline="Head", body="One.\n\nTwo.", dateline=Dateline(city="BAGHUZ", country="Syria"),
            keywords=("a", "b"), signal=("update",), urgency=3, word_count=2)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def _write(path: Path, text: str, when: float) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def _items(batches: list[list[FileResult]] | list[FileResult]) -> list[str]:
    flat: list[FileResult] = []
    for entry in batches:
        flat.extend(entry if isinstance(entry, list) else [entry])
    return sorted(i.headline for r in flat for i in r.items)


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = IngestCache(tmp_path / "c.sqlite3")
    empty = Item(id="e", path="/x/b.txt", format="plain", headline="h")
    cache.store([FileResult("/x/a.xml", [ITEM, empty], size=10, mtime_ns=20)])
    assert cache.unchanged({"/x/a.xml": Signature(10, 20, 0, 0),
                            "/x/c.xml": Signature(1, 1, 0, 0)}) == {"/x/a.xml"}
    assert cache.unchanged({"/x/a.xml": Signature(10, 21, 0, 0)}) == set()  # touched since
    assert cache.load_all(["/x/a.xml"]) == ([ITEM, empty], [])
    cache.close()
    again = IngestCache(tmp_path / "c.sqlite3")
    assert again.load_all(["/x/a.xml"]) == ([ITEM, empty], [])


def test_items_from_the_cache_are_whole_frozen_items(tmp_path: Path) -> None:
    import dataclasses

    cache = IngestCache(tmp_path / "c.sqlite3")
    cache.store([FileResult("/x/a.xml", [ITEM], size=10, mtime_ns=20)])
    items, problems = cache.load_all(["/x/a.xml"])
    (loaded,) = items
    assert type(loaded) is Item and isinstance(loaded, Item) and problems == []
    assert loaded == ITEM and hash(loaded) == hash(ITEM) and {loaded, ITEM} == {ITEM}
    assert dataclasses.asdict(loaded) == dataclasses.asdict(ITEM)
    assert dataclasses.replace(loaded, headline="New").headline == "New"
    with pytest.raises(dataclasses.FrozenInstanceError):
        loaded.headline = "changed"  # type: ignore[misc]


def test_new_parser_code_empties_the_cache(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    IngestCache(tmp_path / "c.sqlite3").store([FileResult("/x/a.xml", [ITEM], size=1,
                                                          mtime_ns=2)])
    monkeypatch.setattr(cache_module, "parser_version", lambda: "another")
    emptied = IngestCache(tmp_path / "c.sqlite3")
    assert emptied.unchanged({"/x/a.xml": Signature(1, 2, 0, 0)}) == set()
    assert emptied.load_all(["/x/a.xml"]) == ([], [])


def test_second_start_reads_from_the_cache(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "a.txt", "Alpha\n\nBody a.", 1000)
    _write(folder / "b.txt", "Beta\n\nBody b.", 1000)
    first = Inbox((folder,), IngestCache(tmp_path / "c.sqlite3"))
    assert _items(list(first.load())) == ["Alpha", "Beta"]

    def no_parsing(path: Path) -> FileResult:
        raise AssertionError(f"{path} was parsed again")

    monkeypatch.setattr(inbox_module, "read_file", no_parsing)
    second = Inbox((folder,), IngestCache(tmp_path / "c.sqlite3"))
    assert _items(list(second.load())) == ["Alpha", "Beta"]


def test_changed_file_is_read_again(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder / "a.txt", "Alpha\n\nBody a.", 1000)
    list(Inbox((folder,), IngestCache(tmp_path / "c.sqlite3")).load())
    _write(folder / "a.txt", "Alpha two\n\nBody a, longer.", 2000)
    assert _items(list(Inbox((folder,), IngestCache(tmp_path / "c.sqlite3")).load())) == [
        "Alpha two"]


def test_quarantine_is_cached_too(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "bad.xml").write_bytes(b"<nitf><oops")
    os.utime(folder / "bad.xml", (1000, 1000))
    list(Inbox((folder,), IngestCache(tmp_path / "c.sqlite3")).load())
    batches = list(Inbox((folder,), IngestCache(tmp_path / "c.sqlite3")).load())
    problems = [p for batch in batches for r in batch for p in r.problems]
    assert len(problems) == 1 and "not well-formed" in problems[0].reason


def test_poll_reads_a_dropped_file_once_it_has_settled(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    clock = Clock()
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock)
    assert _items(list(inbox.load())) == []
    _write(folder / "new.txt", "Fresh\n\nCopy.", clock.now)
    os.utime(folder, (clock.now + 1, clock.now + 1))  # some file systems have coarse times
    assert inbox.poll() == []  # seen, not yet settled
    clock.now += 0.2
    (folder / "new.txt").write_text("Fresh\n\nCopy, still being written.", encoding="utf-8")
    assert inbox.poll() == []  # it grew: wait again
    clock.now += 0.6
    assert _items(inbox.poll()) == ["Fresh"]
    clock.now += 5
    assert inbox.poll() == []  # read once


def test_file_still_being_written_at_start_waits(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    clock = Clock()
    _write(folder / "busy.txt", "Busy\n\nCopy.", clock.now)
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock)
    assert _items(list(inbox.load())) == []
    clock.now += 1
    assert _items(inbox.poll()) == ["Busy"]


def test_temporary_and_hidden_names_are_ignored(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in (".hidden.txt", "story.txt.part", "story.tmp", "story.txt~"):
        _write(folder / name, "Not yet\n\nCopy.", 1000)
    assert _items(list(Inbox((folder,)).load())) == []
