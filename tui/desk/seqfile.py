"""`desk.seq`: the number of the last action saved, so a journal cut short is told from
one a crash tore.

A crash tears at most the one action being appended, which was never reported saved.
A journal cut by a disk or copy fault loses actions that were. The journal alone cannot
tell the two apart; this sidecar can: if the journal read at start ends before the action
it names, actions reported saved are missing, and the desk refuses to start on it.

Why it is safe without an fsync of its own (an action costs one open, one pwrite and one
close more, about ten microseconds, against the fsync of the journal that an action
already waits for):

* It is written under the desk lock and only after the journal's append was fsynced. So
  any value anyone ever reads from it, from the page cache or from the disk after a
  power cut, names an action already durable in the journal. Losing the sidecar's own
  write to a power cut leaves it older (or unreadable): a weaker check, never a false
  alarm. `kill -9` between the append and the sidecar leaves it one behind: the same.
* Two wiredesk processes append one at a time under the lock, each after reading the
  other's actions, so the numbers they write only grow. A reader reads the sidecar
  before the journal, so the journal it reads next already holds every action the
  sidecar names (readers do not take the lock).
* The record has a fixed size and is written at offset 0 by one pwrite. A reader racing
  that write could in principle see old and new bytes mixed; the checksum tells such a
  mix from a value, and a mix (or garbage, or zeros after a power cut) counts as
  "unknown", which checks nothing.
* Compaction rewrites the journal keeping its latest action, so the sidecar still names
  an action at or before the journal's end; `wiredesk --recover` removes the sidecar
  before it rewrites the files, and writes it anew after.
"""

from __future__ import annotations

import os
import re
import zlib
from pathlib import Path

_RECORD = re.compile(rb"(\d{20}) ([0-9a-f]{8})\n")


def encode(seq: int) -> bytes:
    digits = b"%020d" % seq
    return digits + b" %08x\n" % zlib.crc32(digits)


def read(path: Path) -> int:
    """The last action saved, or 0 if that is unknown (no sidecar, or not a whole one)."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(len(encode(0)))
    except FileNotFoundError:
        return 0
    except OSError:
        return 0  # unreadable: the check is skipped, as for a desk that never had one
    match = _RECORD.fullmatch(raw)  # fixed size: a hand-added tail is ignored
    if match is None or int(match.group(2), 16) != zlib.crc32(match.group(1)):
        return 0
    return int(match.group(1))


def write(path: Path, seq: int) -> None:
    """Record `seq` as saved. Call only under the desk lock, after the journal's fsync."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o666)
    try:
        os.pwrite(fd, encode(seq), 0)
    finally:
        os.close(fd)
