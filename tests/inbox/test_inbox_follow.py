"""Following the inbox: files changed in place, copy that is not copy, links out of it.

Issue 12, points 1-4: a file appended to or rewritten after it was read is read again
and its items replace the old ones; an incomplete file leaves the quarantine once it
parses; notes and temporary files are not items; a link out of the inbox is not read.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tui.ingest import inbox as inbox_module
from tui.ingest.cache import IngestCache
from tui.ingest.inbox import FolderWatcher, Inbox
from tui.ingest.names import DEFAULT_IGNORE, ignored
from tui.ingest.reader import FileResult
from tui.wire import Wire

NITF = """<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>{head}</title>
<docdata><doc-id id-string="nitf-{n}"/></docdata></head>
<body><body.head><hedline><hl1>{head}</hl1></hedline></body.head>
<body.content>{paras}</body.content></body></nitf>
"""


class Clock:
    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now


def _nitf(n: int, head: str, paragraphs: int) -> str:
    paras = "".join(f"<p>Paragraph {i} of the {head.lower()} story.</p>"
                    for i in range(1, paragraphs + 1))
    return NITF.format(n=n, head=head, paras=paras)


def _at(path: Path, text: str, when: float) -> None:
    path.write_text(text, encoding="utf-8")
    os.utime(path, (when, when))


def _settled(inbox: Inbox, clock: Clock, seconds: float = 3.0) -> list[FileResult]:
    """Poll as the app does while `seconds` pass on the inbox's clock."""
    results: list[FileResult] = []
    for _ in range(int(seconds / 0.25)):
        clock.now += 0.25
        results += inbox.poll()
    return results


def _take(wire: Wire, results: list[FileResult]) -> None:
    for result in results:
        wire.add_result(result)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "inbox"
    path.mkdir()
    return path


def test_a_file_appended_in_place_is_read_again_and_replaces_its_item(folder: Path) -> None:
    clock = Clock()
    story = folder / "story.xml"
    _at(story, _nitf(1, "Flood", 1).replace("</body.content></body></nitf>\n", ""),
        clock.now - 10)
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock, rescan_seconds=1.0)
    wire = Wire(group=False)
    for batch in inbox.load():
        _take(wire, batch)
    assert wire.quarantined and not wire.items  # half written: not yet XML
    for paragraphs in range(1, 11):  # the feed writes one paragraph a second
        _at(story, _nitf(1, "Flood", paragraphs), clock.now)
        _take(wire, _settled(inbox, clock, 1.0))
    _take(wire, _settled(inbox, clock))
    assert list(wire.items) == ["nitf-1"]
    assert len(wire.items["nitf-1"].paragraphs) == 10
    assert wire.quarantined == []  # it parses now: out of the quarantine


def test_a_same_size_rewrite_in_the_same_second_is_seen(folder: Path) -> None:
    clock = Clock()
    story = folder / "story.txt"
    when = clock.now - 100
    _at(story, "Alpha\n\nThe first text.", when)
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock, rescan_seconds=1.0)
    wire = Wire(group=False)
    for batch in inbox.load():
        _take(wire, batch)
    assert [i.headline for i in wire.items.values()] == ["Alpha"]
    _at(story, "Gamma\n\nThe other text.", when)  # same size, same time
    _take(wire, _settled(inbox, clock))
    assert [wire.items[k].headline for k in wire.order] == ["Gamma"]


def test_a_rewrite_that_keeps_every_stat_field_is_found_by_its_digest(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A file system with coarse times and no inode or change time to go by (some network
    # and FUSE mounts): only the content tells. A file read soon after it was written is
    # "racy" and its digest is checked once its time is safely past.
    monkeypatch.setattr(inbox_module, "signature",
                        lambda st: inbox_module.Signature(st.st_size, int(st.st_mtime) * 10**9,
                                                          0, 0))
    clock = Clock()
    story = folder / "story.txt"
    when = clock.now
    _at(story, "Alpha\n\nThe first text.", when)
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock, rescan_seconds=3600)
    wire = Wire(group=False)
    for batch in inbox.load():
        _take(wire, batch)
    _take(wire, _settled(inbox, clock, 1.0))
    assert [i.headline for i in wire.items.values()] == ["Alpha"]
    _at(story, "Gamma\n\nThe other text.", when)  # same size, in the same tick
    _take(wire, _settled(inbox, clock, 5.0))
    assert [wire.items[k].headline for k in wire.order] == ["Gamma"]


def test_a_file_replaced_by_a_rename_is_read_again(folder: Path) -> None:
    clock = Clock()
    _at(folder / "story.txt", "Alpha\n\nThe first text.", clock.now - 100)
    inbox = Inbox((folder,), None, settle_seconds=0.5, clock=clock, rescan_seconds=1.0)
    wire = Wire(group=False)
    for batch in inbox.load():
        _take(wire, batch)
    _at(folder / "incoming.part", "Omega\n\nThe final text.", clock.now - 100)
    os.replace(folder / "incoming.part", folder / "story.txt")
    _take(wire, _settled(inbox, clock))
    assert [wire.items[k].headline for k in wire.order] == ["Omega"]


def test_changes_seen_by_the_watcher_arrive_without_waiting_for_the_full_stat(
        folder: Path) -> None:
    story = folder / "story.txt"
    _at(story, "Alpha\n\nThe first text.", time.time() - 100)
    inbox = Inbox((folder,), None, settle_seconds=0.2, rescan_seconds=3600,
                  watcher=FolderWatcher((folder,)))
    try:
        wire = Wire(group=False)
        for batch in inbox.load():
            _take(wire, batch)
        _at(story, "Gamma\n\nThe other text.", time.time() - 100)  # stat alone would tie
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and "Gamma" not in {
                i.headline for i in wire.items.values()}:
            time.sleep(0.1)
            _take(wire, inbox.poll())
        assert [wire.items[k].headline for k in wire.order] == ["Gamma"]
        assert inbox.watching, inbox.watch_problem
    finally:
        inbox.close()


def test_the_cache_does_not_hide_a_rewrite_made_while_wiredesk_was_closed(
        folder: Path, tmp_path: Path) -> None:
    story = folder / "story.txt"
    when = time.time() - 100
    _at(story, "Alpha\n\nThe first text.", when)
    first = Inbox((folder,), IngestCache(tmp_path / "c.sqlite3"), settle_seconds=0)
    assert [i.headline for b in first.load() for r in b for i in r.items] == ["Alpha"]
    _at(story, "Gamma\n\nThe other text.", when)  # same size and time: the change time moved
    again = Inbox((folder,), IngestCache(tmp_path / "c.sqlite3"), settle_seconds=0)
    assert [i.headline for b in again.load() for r in b for i in r.items] == ["Gamma"]


def test_a_file_is_read_only_once_it_has_settled(folder: Path) -> None:
    clock = Clock()
    inbox = Inbox((folder,), None, settle_seconds=2.0, clock=clock, rescan_seconds=1.0)
    list(inbox.load())
    _at(folder / "new.txt", "Fresh\n\nCopy.", clock.now)
    clock.now += 1.0
    assert inbox.poll() == []  # seen: it must hold still for settle_seconds from now
    clock.now += 1.5
    assert inbox.poll() == []
    clock.now += 0.6
    assert [i.headline for r in inbox.poll() for i in r.items] == ["Fresh"]


def test_notes_and_temporary_files_are_not_items(folder: Path) -> None:
    names = ["MANIFEST.md", "README", "README.txt", ".hidden.xml", "story.xml.swp",
             ".story.xml.swx", "story.xml~", "upload.tmp", "upload.part",
             "file.crdownload", "#story.xml#"]
    for name in names:
        _at(folder / name, "Not copy\n\nA note beside the copy.", time.time() - 100)
    _at(folder / "copy.txt", "Copy\n\nThe real thing.", time.time() - 100)
    results = [r for batch in Inbox((folder,), None).load() for r in batch]
    assert [Path(r.path).name for r in results if r.items or r.problems] == ["copy.txt"]
    assert all(ignored(name, DEFAULT_IGNORE) for name in names)
    assert not ignored("copy.txt", DEFAULT_IGNORE)
    assert not ignored("README-from-AP.xml", ("MANIFEST.md",))


def test_the_ignore_rules_are_the_configured_ones(folder: Path) -> None:
    for name in ("a.txt", "b.log"):
        _at(folder / name, "Copy\n\nText.", time.time() - 100)
    inbox = Inbox((folder,), None, ignore=("*.log",))
    assert [Path(r.path).name for b in inbox.load() for r in b if r.items] == ["a.txt"]


def test_a_link_out_of_the_inbox_is_not_read(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("root:$6$hash:19000:0:99999:7:::\n\nprivate", encoding="utf-8")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.txt").write_text("Elsewhere\n\nNot the inbox.", encoding="utf-8")
    (folder / "link").symlink_to(secret)
    (folder / "linked-folder").symlink_to(outside, target_is_directory=True)
    _at(folder / "real.txt", "Real\n\nCopy.", time.time() - 100)
    (folder / "inside-link.txt").symlink_to(folder / "real.txt")
    results = [r for batch in Inbox((folder,), None).load() for r in batch]
    items = [i for r in results for i in r.items]
    assert sorted(i.headline for i in items) == ["Real", "Real"]
    assert not any("private" in i.body or "Elsewhere" in i.headline for i in items)
    reasons = {Path(p.path).name: p.reason for r in results for p in r.problems}
    assert set(reasons) == {"link", "linked-folder"}
    assert "outside the inbox" in reasons["link"] and str(secret) in reasons["link"]


def test_a_file_swapped_for_a_link_after_the_listing_is_not_followed(
        folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nprivate", encoding="utf-8")
    story = folder / "story.txt"
    _at(story, "Story\n\nCopy.", time.time() - 100)
    inbox = Inbox((folder,), None)
    real_read = inbox_module.read_file

    def swap_then_read(path: Path, **kwargs: object) -> FileResult:
        story.unlink()
        story.symlink_to(secret)
        return real_read(path, **kwargs)  # type: ignore[arg-type]

    inbox_module.read_file = swap_then_read  # type: ignore[assignment]
    try:
        results = [r for batch in inbox.load() for r in batch]
    finally:
        inbox_module.read_file = real_read
    assert not [i for r in results for i in r.items]
    assert [p.reason for r in results for p in r.problems]


def test_xml_whose_root_comes_after_a_long_comment_is_read_as_xml(folder: Path) -> None:
    from tui.ingest.reader import read_file

    story = folder / "long.xml"
    _at(story, '<?xml version="1.0"?>\n<!-- ' + "feed notes " * 600 + "-->\n"
        + _nitf(7, "Harbour", 2).split("\n", 1)[1], time.time() - 100)
    result = read_file(story)
    assert [i.format for i in result.items] == ["nitf"], result.problems


def test_the_watcher_names_files_as_the_walk_does_and_skips_what_is_not_copy(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder.parent)
    relative = Path(folder.name)
    (folder / ".git").mkdir()
    _at(folder / "story.txt", "Alpha\n\nThe first text.", time.time() - 100)
    inbox = Inbox((relative,), None, settle_seconds=0.2, rescan_seconds=3600,
                  watcher=FolderWatcher((relative,)))
    try:
        wire = Wire(group=False)
        for batch in inbox.load():
            _take(wire, batch)
        _at(folder / "story.txt", "Gamma\n\nThe other text.", time.time() - 100)
        _at(folder / ".git" / "note.txt", "Hidden\n\nNot copy.", time.time() - 100)
        seen: list[FileResult] = []
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not any(
                i.headline == "Gamma" for r in seen for i in r.items):
            time.sleep(0.1)
            seen += inbox.poll()
        _take(wire, seen)
        time.sleep(0.5)
        seen += inbox.poll()
        assert [r.path for r in seen] == [str(relative / "story.txt")]
        assert [wire.items[k].headline for k in wire.order] == ["Gamma"]
    finally:
        inbox.close()


def test_a_watcher_that_cannot_start_says_why_and_the_polls_go_on(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import watchfiles

    def refuse(*_args: object, **_kwargs: object) -> None:
        raise OSError(28, "inotify watch limit reached")

    monkeypatch.setattr(watchfiles, "watch", refuse)
    clock = Clock()
    inbox = Inbox((folder,), None, settle_seconds=0.2, clock=clock, rescan_seconds=1.0,
                  watcher=FolderWatcher((folder,)))
    try:
        list(inbox.load())
        assert not inbox.watching
        assert "inotify watch limit reached" in inbox.watch_problem
        assert "full stat" in inbox.watch_problem
        _at(folder / "late.txt", "Late\n\nStill found.", clock.now - 100)
        found = [i.headline for r in _settled(inbox, clock) for i in r.items]
        assert found == ["Late"]
    finally:
        inbox.close()
