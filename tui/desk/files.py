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
import tempfile
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
        fd = os.open(self.lock, os.O_RDWR | os.O_CREAT, 0o644)
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
    """Temporary file, fsync, rename, fsync of the folder: the file is whole or untouched."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
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


def fsync_folder(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()
