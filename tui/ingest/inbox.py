"""Following the inbox folders: the first load (from the cache where it can), then a
cheap poll for files dropped in, appended to or rewritten since.

Three ways of noticing, because no one of them is enough on every file system:

- the folders' own modification times (a file added, removed or renamed changes them),
  looked at on every poll: a few stat calls;
- events from the operating system (`FolderWatcher`, inotify and its kin through
  `watchfiles`): a file written in place is seen at once;
- a full stat of every file every `rescan_seconds`, for mounts that send no events
  (NFS, some containers), comparing each file's signature (tui/ingest/signature.py),
  and the digest of a file read so soon after it was written that its signature could
  not tell a rewrite.

A file is read only once its signature has held still for `settle_seconds`, so copy a
feed is still writing is read whole; a file read again replaces what it gave before
(see `Wire.add_result`). Names that are not copy are skipped (tui/ingest/names.py), and a
link that leads out of the inbox is not followed: it is quarantined with the reason.
"""

from __future__ import annotations

import os
import stat as stat_mode
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.ingest.cache import IngestCache
from tui.ingest.errors import Quarantined
from tui.ingest.names import DEFAULT_IGNORE, matcher
from tui.ingest.reader import FileResult, file_digest, read_file
from tui.ingest.signature import RACY_NS, Signature, is_racy, signature

Progress = Callable[[int, int], None]


@dataclass
class _Listing:
    """What a walk of some folders found."""

    #: path -> signature, files to read (links inside the inbox by their target's)
    files: dict[str, Signature] = field(default_factory=dict)
    #: link path -> the real path it leads to, inside the inbox
    real: dict[str, str] = field(default_factory=dict)
    #: link path -> why it is not read
    refused: dict[str, str] = field(default_factory=dict)

    def update(self, other: _Listing) -> None:
        self.files.update(other.files)
        self.real.update(other.real)
        self.refused.update(other.refused)


@dataclass
class Inbox:
    folders: tuple[Path, ...]
    cache: IngestCache | None = None
    settle_seconds: float = 0.5
    clock: Callable[[], float] = time.time
    #: `[inbox] ignore`: glob patterns of names that are not copy
    ignore: tuple[str, ...] = DEFAULT_IGNORE
    #: every file is stat'ed this often, for file systems that send no events
    rescan_seconds: float = 30.0
    watcher: FolderWatcher | None = None
    _seen: dict[str, Signature] = field(default_factory=dict)
    #: path -> (signature when last looked at, since when it has held)
    _pending: dict[str, tuple[Signature, float]] = field(default_factory=dict)
    #: path -> (digest read, when its signature can be trusted), see signature.py
    _racy: dict[str, tuple[str, float]] = field(default_factory=dict)
    _real: dict[str, str] = field(default_factory=dict)
    _refused: dict[str, str] = field(default_factory=dict)
    _folder_times: dict[str, int] = field(default_factory=dict)
    _last_rescan: float = 0.0

    def __post_init__(self) -> None:
        self._roots = tuple(os.path.realpath(f) for f in self.folders)

    @property
    def watching(self) -> bool:
        """The operating system tells us of changes (else only the polls and the full
        stat do, within `rescan_seconds`)."""
        return self.watcher is not None and self.watcher.running

    @property
    def watch_problem(self) -> str:
        return self.watcher.problem if self.watcher is not None else ""

    def close(self) -> None:
        if self.watcher is not None:
            self.watcher.close()

    def load(self, progress: Progress | None = None, batch: int = 500
             ) -> Iterator[list[FileResult]]:
        """Everything in the folders now, in batches: cached files first (fast), then the
        files that are new or changed since the last run."""
        if self.watcher is not None:
            self.watcher.start()  # before the walk, so a file written during it is seen
        listing = self._walk(self.folders, remember_folders=True)
        self._last_rescan = self.clock()
        files = listing.files
        self._real.update(listing.real)
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
        chunk = self._refusals(listing.refused)
        in_chunk = 0
        for path in fresh:
            sig = files[path]
            if self._too_recent(sig):
                self._pending[path] = (sig, self.clock())
                continue
            chunk.append(self._read(path, sig))
            in_chunk += len(chunk[-1].items)
            done += 1
            # by files, or by items when files are big (a feed of 10,000 a file): the
            # first rows are on screen once a batch is read, not once the day is
            if len(chunk) >= batch or in_chunk >= batch * 4:
                self._remember(chunk)
                if progress:
                    progress(done, total)
                yield chunk
                chunk, in_chunk = [], 0
        self._remember(chunk)
        if progress:
            progress(total, total)
        yield chunk

    def poll(self) -> list[FileResult]:
        """Files that appeared or changed since the last call and have settled."""
        now = self.clock()
        listing = _Listing()
        if self.watcher is not None:
            self._add_events(self.watcher.drain(), listing)
        if now - self._last_rescan >= self.rescan_seconds:
            self._last_rescan = now
            listing.update(self._walk(self.folders, remember_folders=True))
        else:
            listing.update(self._walk_changed())
        ready = self._refusals(listing.refused)
        self._real.update(listing.real)
        for path, sig in listing.files.items():
            if self._seen.get(path) != sig and path not in self._pending:
                self._pending[path] = (sig, now)
        self._check_racy(now)
        for path, (sig, since) in list(self._pending.items()):
            current = self._signature(path)
            if current is None:
                del self._pending[path]  # renamed into place under another name, or removed
                continue
            if current != sig:
                self._pending[path] = (current, now)  # still being written
                continue
            if now - since < self.settle_seconds:
                continue
            del self._pending[path]
            ready.append(self._read(path, sig))
        self._remember(ready)
        return ready

    # --- reading -----------------------------------------------------------------

    def _read(self, path: str, sig: Signature) -> FileResult:
        result = read_file(Path(path), real=self._real.get(path, path))
        self._seen[path] = signature(result.stat) if result.stat is not None else sig
        if result.digest and is_racy(result.mtime_ns, self.clock()):
            self._racy[path] = (result.digest, (result.mtime_ns + RACY_NS) / 1e9)
        else:
            self._racy.pop(path, None)
        return result

    def _remember(self, results: list[FileResult]) -> None:
        stored = [r for r in results if r.stat is not None or r.items]
        if self.cache is not None and stored:
            self.cache.store(stored, racy=self._racy)

    def _check_racy(self, now: float) -> None:
        """A file read soon after it was written, now that its time is safely past: if
        its signature still holds, its bytes tell whether it was rewritten meanwhile."""
        settled = []
        for path, (digest, trusted_from) in list(self._racy.items()):
            if now < trusted_from or path in self._pending:
                continue
            del self._racy[path]
            current = self._signature(path)
            if current is None or current != self._seen.get(path):
                continue  # gone, or changed in a way the signature shows: seen as usual
            if file_digest(self._real.get(path, path)) != digest:
                self._pending[path] = (current, now)
            else:
                settled.append(path)
        if settled and self.cache is not None:
            self.cache.settle(settled)

    def _refusals(self, refused: dict[str, str]) -> list[FileResult]:
        """A quarantine reason for each link refused, once until it leads elsewhere."""
        results = []
        for path, reason in refused.items():
            if self._refused.get(path) != reason:
                self._refused[path] = reason
                results.append(FileResult(path, problems=[Quarantined(path, reason)]))
        return results

    def _too_recent(self, sig: Signature) -> bool:
        return self.clock() - sig.mtime_ns / 1e9 < self.settle_seconds

    def _signature(self, path: str) -> Signature | None:
        try:
            return signature(os.stat(self._real.get(path, path), follow_symlinks=False))
        except OSError:
            return None

    # --- listing -----------------------------------------------------------------

    def _walk(self, folders: Iterable[Path | str], *, remember_folders: bool = False
              ) -> _Listing:
        listing = _Listing()
        for folder in folders:
            if os.path.isfile(folder):
                self._entry(str(folder), listing)
                continue
            # one listing per folder gives both its files and its sub-folders
            pending = [str(folder)]
            while pending:
                directory = pending.pop()
                if remember_folders:
                    self._folder_times[directory] = _mtime(directory)
                self._list(directory, listing, pending)
        return listing

    def _list(self, directory: str, listing: _Listing, folders: list[str]) -> None:
        """The files of one folder; its sub-folders are appended to `folders`."""
        try:
            entries = list(os.scandir(directory))
        except OSError:
            return
        skip, files = matcher(self.ignore), listing.files
        for entry in entries:
            if skip(entry.name):
                continue
            try:
                if entry.is_symlink():
                    self._entry(entry.path, listing)
                elif entry.is_dir(follow_symlinks=False):
                    folders.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    files[entry.path] = signature(entry.stat(follow_symlinks=False))
            except OSError:
                continue  # vanished between listing and stat: the next poll sees the truth

    def _entry(self, path: str, listing: _Listing) -> None:
        """One path named alone (a watcher's event, a file given as a folder) or a link:
        a plain file is listed, a link only if it stays inside the inbox."""
        st = os.lstat(path)
        if not stat_mode.S_ISLNK(st.st_mode):
            if stat_mode.S_ISREG(st.st_mode):
                listing.files[path] = signature(st)
            return
        target = os.path.realpath(path)
        if not self._inside(target):
            listing.refused[path] = (f"a link to {target}, outside the inbox: wiredesk reads "
                                     "only files inside its inbox folders; copy the file in "
                                     "instead")
            return
        try:
            target_stat = os.stat(target, follow_symlinks=False)
        except OSError:
            return  # a dangling link: nothing to read until it leads somewhere
        if stat_mode.S_ISREG(target_stat.st_mode):
            listing.files[path] = signature(target_stat)
            listing.real[path] = target
        # a link to a folder inside the inbox is not walked: its files are read where
        # they are, once

    def _inside(self, target: str) -> bool:
        return any(target == root or target.startswith(root.rstrip(os.sep) + os.sep)
                   for root in self._roots)

    def _add_events(self, paths: set[str], listing: _Listing) -> None:
        """Paths the watcher reported: files are looked at again, folders listed."""
        for reported in sorted(paths):
            path = self._as_listed(reported)
            if path is None:
                continue
            try:
                st = os.lstat(path)
            except OSError:
                continue  # removed or renamed away: nothing to read under this name
            if stat_mode.S_ISDIR(st.st_mode):
                listing.update(self._walk([path]))
            else:
                try:
                    self._entry(path, listing)
                except OSError:
                    continue

    def _as_listed(self, reported: str) -> str | None:
        """A path as the watcher reports it (absolute, perhaps through the folder's
        real path) spelt as the walk spells it, so the two name a file alike; None if
        it is not followed (outside the folders, or under a name that is not copy)."""
        skip = matcher(self.ignore)
        for folder in self.folders:
            for spelling in dict.fromkeys((os.path.abspath(folder), os.path.realpath(folder))):
                if not reported.startswith(spelling + os.sep):
                    continue
                rest = reported[len(spelling) + 1:]
                if any(skip(part) for part in rest.split(os.sep)):
                    return None
                return os.path.join(folder, rest)
        return None

    def _walk_changed(self) -> _Listing:
        """The folders whose own time moved (a file added, removed or renamed), listed
        again; a sub-folder new since is walked whole. A stat per folder known."""
        listing = _Listing()
        known = self._folder_times
        for directory in [*map(str, self.folders), *known]:
            now = _mtime(directory)
            if known.get(directory) == now or not os.path.isdir(directory):
                continue
            known[directory] = now
            subfolders: list[str] = []
            self._list(directory, listing, subfolders)
            fresh = [d for d in subfolders if d not in known]
            listing.update(self._walk(fresh, remember_folders=True))
        return listing


class FolderWatcher:
    """The operating system's news of changes in some folders (inotify on Linux,
    FSEvents, ReadDirectoryChangesW), gathered on a thread of its own until drained.

    `watchfiles` because it is the maintained native watcher for Python (Rust's
    `notify`), watches folders recursively and stops on an event we set. Where it
    cannot start (no inotify, the watch limit reached) `problem` says why, and the
    inbox goes on with its polls and full stat alone.
    """

    def __init__(self, folders: Iterable[Path], debounce_ms: int = 50) -> None:
        self.folders = tuple(str(f) for f in folders if os.path.isdir(f))
        self.debounce_ms = debounce_ms
        self.problem = ""
        self._paths: set[str] = set()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._started = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive() and not self.problem

    def start(self, wait: float = 0.3) -> None:
        """Start watching (once); returns when the watch is in place or `wait` passed."""
        if self._thread is not None or not self.folders:
            return
        self._thread = threading.Thread(target=self._run, name="wiredesk-watch", daemon=True)
        self._thread.start()
        self._started.wait(wait)

    def drain(self) -> set[str]:
        """The paths reported since the last call."""
        with self._lock:
            paths, self._paths = self._paths, set()
        return paths

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=2)

    def _run(self) -> None:
        try:
            import watchfiles

            for changes in watchfiles.watch(
                    *self.folders, watch_filter=None, debounce=self.debounce_ms, step=20,
                    stop_event=self._stop, rust_timeout=200, yield_on_timeout=True,
                    raise_interrupt=False, ignore_permission_denied=True):
                self._started.set()
                if changes:
                    with self._lock:
                        self._paths.update(path for _change, path in changes)
        except Exception as exc:  # noqa: BLE001 - any failure to watch leaves the polls
            self.problem = (f"the inbox is not watched for changes ({type(exc).__name__}: "
                            f"{exc}); changes made in place are found within the full "
                            "stat instead")
        finally:
            self._started.set()


def _mtime(directory: str) -> int:
    try:
        return os.stat(directory).st_mtime_ns
    except OSError:
        return 0
