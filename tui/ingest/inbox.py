"""Following the inbox folders: the first load (from the cache where it can), then a
cheap poll for files dropped in since.

A file is read only once its size and modification time have held still for
`settle_seconds`, so copy a feed is still writing is never read half-way. A folder is
listed again only when its own modification time changes (adding, removing or renaming
a file changes it), so a poll over a day of 100,000 files costs a few stat calls.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from tui.ingest.cache import IngestCache
from tui.ingest.reader import FileResult, read_file, skip_name

Progress = Callable[[int, int], None]


class _Seen(NamedTuple):
    size: int
    mtime_ns: int


@dataclass
class Inbox:
    folders: tuple[Path, ...]
    cache: IngestCache | None = None
    settle_seconds: float = 0.5
    clock: Callable[[], float] = time.time
    _seen: dict[str, _Seen] = field(default_factory=dict)
    _pending: dict[str, tuple[int, int, float]] = field(default_factory=dict)
    _folder_times: dict[str, int] = field(default_factory=dict)

    def load(self, progress: Progress | None = None, batch: int = 500
             ) -> Iterator[list[FileResult]]:
        """Everything in the folders now, in batches: cached files first (fast), then the
        files that are new or changed since the last run."""
        files = self._scan_all()
        unchanged = self.cache.unchanged(files) if self.cache else set()
        cached = list(unchanged)
        fresh = sorted(p for p in files if p not in unchanged)
        total, done = len(files), 0
        if cached and self.cache is not None:
            # The cached day comes as a few results of many items each: a result object
            # per file cost more than reading the items themselves.
            items, problems = self.cache.load_all(cached)
            for path in cached:
                self._seen[path] = files[path]
            size = max(batch, 1) * 10
            for start in range(0, max(len(items), 1), size):
                part = FileResult("", items[start:start + size],
                                  problems if start == 0 else [])
                done = min(total, done + len(cached) * len(part.items) // max(len(items), 1))
                if progress:
                    progress(done, total)
                yield [part]
            done = len(cached)
        chunk = []
        for path in fresh:
            stat = files[path]
            if self._too_recent(stat):
                self._pending[path] = (stat.size, stat.mtime_ns, self.clock())
                continue
            chunk.append(self._read(path, stat))
            done += 1
            if len(chunk) >= batch:
                self._remember(chunk)
                if progress:
                    progress(done, total)
                yield chunk
                chunk = []
        self._remember(chunk)
        if progress:
            progress(total, total)
        yield chunk

    def poll(self) -> list[FileResult]:
        """Files that appeared or changed since the last call and have settled."""
        for folder in self._changed_folders():
            for path, stat in _list(folder).items():
                seen = self._seen.get(path)
                if seen == stat:
                    continue
                if path not in self._pending:
                    self._pending[path] = (stat.size, stat.mtime_ns, self.clock())
        ready: list[FileResult] = []
        now = self.clock()
        for path, (size, mtime_ns, since) in list(self._pending.items()):
            try:
                st = os.stat(path)
            except FileNotFoundError:
                del self._pending[path]  # renamed into place under another name, or removed
                continue
            if (st.st_size, st.st_mtime_ns) != (size, mtime_ns):
                self._pending[path] = (st.st_size, st.st_mtime_ns, now)  # still being written
                continue
            if now - since < self.settle_seconds:
                continue
            del self._pending[path]
            ready.append(self._read(path, _Seen(size, mtime_ns)))
        self._remember(ready)
        return ready

    def _read(self, path: str, stat: _Seen) -> FileResult:
        self._seen[path] = stat
        return read_file(Path(path))

    def _remember(self, results: list[FileResult]) -> None:
        if self.cache is not None and results:
            self.cache.store((r, r.size, r.mtime_ns) for r in results)

    def _too_recent(self, stat: _Seen) -> bool:
        return self.clock() - stat.mtime_ns / 1e9 < self.settle_seconds

    def _scan_all(self) -> dict[str, _Seen]:
        files: dict[str, _Seen] = {}
        for folder in self.folders:
            if folder.is_file():
                st = folder.stat()
                files[str(folder)] = _Seen(st.st_size, st.st_mtime_ns)
                continue
            # one listing per folder gives both its files and its sub-folders
            pending = [str(folder)]
            while pending:
                directory = pending.pop()
                self._folder_times[directory] = _mtime(directory)
                files.update(_list(directory, pending))
        return files

    def _changed_folders(self) -> list[str]:
        changed = []
        for folder in self.folders:
            if not folder.is_dir():
                continue
            for directory, dirs, _names in os.walk(folder):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                now = _mtime(directory)
                if self._folder_times.get(directory) != now:
                    self._folder_times[directory] = now
                    changed.append(directory)
        return changed


def _list(directory: str, folders: list[str] | None = None) -> dict[str, _Seen]:
    """The files of one folder with their size and time; its sub-folders (not hidden)
    are appended to `folders` when given."""
    found: dict[str, _Seen] = {}
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return found
    for entry in entries:
        if skip_name(entry.name):
            continue
        try:
            if folders is not None and entry.is_dir():
                folders.append(entry.path)
            elif entry.is_file():
                st = entry.stat()
                found[entry.path] = _Seen(st.st_size, st.st_mtime_ns)
        except OSError:
            continue  # vanished between listing and stat: the next poll sees the truth
    return found


def _mtime(directory: str) -> int:
    try:
        return os.stat(directory).st_mtime_ns
    except OSError:
        return 0
