"""The desk's files on disk, side by side with one stem, and the safe ways to write them.

    desk.toml           the snapshot: every decision, as of event `seq`
    desk.journal.toml   every action since (and the last few before), one [[event]] each
    desk.lock           held while an action is appended, so two editors never interleave
    desk.cache.json     a parsed copy of the two TOML files, checked by digest; a cache,
                        deleting it loses nothing
    desk.seq            the number of the last action saved (see seqfile.py), so that a
                        journal cut short is told from one a crash tore
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import secrets
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from tui.tomlio import LocatedError


class StateError(LocatedError):
    """The desk state cannot be read; the message names the file and the line."""


@dataclass(frozen=True)
class DeskFiles:
    snapshot: Path

    @property
    def journal(self) -> Path:
        return self.snapshot.with_name(f"{self.snapshot.stem}.journal.toml")

    @property
    def lock(self) -> Path:
        return self.snapshot.with_name(f"{self.snapshot.stem}.lock")

    @property
    def cache(self) -> Path:
        return self.snapshot.with_name(f"{self.snapshot.stem}.cache.json")

    @property
    def acknowledged(self) -> Path:
        return self.snapshot.with_name(f"{self.snapshot.stem}.seq")

    @contextlib.contextmanager
    def locked(self, timeout: float = 10.0) -> Iterator[None]:
        """The desk lock (flock on a companion file: local disks; not NFS)."""
        self.snapshot.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o666)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() > deadline:
                        raise TimeoutError(
                            f"another wiredesk has held {self.lock} for {timeout:.0f} s") from None
                    time.sleep(0.002)
            yield
        finally:
            os.close(fd)  # closing releases the lock


def read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise StateError(path, f"cannot read the desk state: {exc.strerror}. Nothing was "
                               "changed; check the file's permissions") from exc


def write_atomic(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Temporary file, fsync, rename, fsync of the folder: the file is whole or untouched.

    The new file keeps the mode (and, where we may, the group) of the one it replaces, so
    a desk shared by two user ids stays writable by both; a first one follows the umask
    like any file the editor makes. A temporary file left by a crash is removed at the
    next start (`remove_stale_temporaries`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = _temporary(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            _keep_mode(handle.fileno(), path)
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    if durable:
        fsync_folder(path.parent)


#: a temporary file older than this is a crash's leftover, not another writer's live one
STALE_AFTER_SECONDS = 60.0


def remove_stale_temporaries(files: DeskFiles, older_than: float = STALE_AFTER_SECONDS
                             ) -> list[Path]:
    """Remove the temporary files a crash left beside the desk's files (`.desk.toml.*.tmp`
    and the like). Only stale ones: a live one may be another wiredesk's write in
    progress, which takes milliseconds. Returns what was removed."""
    names = tuple(f".{p.name}." for p in (files.snapshot, files.journal, files.cache,
                                          files.acknowledged))
    removed: list[Path] = []
    try:
        entries = list(os.scandir(files.snapshot.parent))
    except FileNotFoundError:
        return removed  # a new desk: nothing left over
    deadline = time.time() - older_than
    for entry in entries:
        if not (entry.name.startswith(names) and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.stat(follow_symlinks=False).st_mtime < deadline:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove: harmless, tried again next start
    return removed


def _temporary(path: Path) -> tuple[int, str]:
    """A new file beside `path`, made like any other (mode 0666 less the umask), not
    mkstemp's 0600."""
    while True:
        temp = str(path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp"))
        try:
            return os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666), temp
        except FileExistsError:
            continue


def _keep_mode(fd: int, path: Path) -> None:
    try:
        old = os.stat(path)
    except FileNotFoundError:
        return
    os.fchmod(fd, stat.S_IMODE(old.st_mode))
    with contextlib.suppress(PermissionError):  # not in the file's group: it gets ours
        os.fchown(fd, -1, old.st_gid)


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
