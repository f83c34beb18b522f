"""One entry point for every file: sniff the format from the content, parse, and turn
every failure into a quarantine reason. Nothing raised by a parser escapes from here."""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import BinaryIO

from tui.ingest import jsonl, jsonwire, textwire, xmlwire
from tui.ingest.dates import from_timestamp
from tui.ingest.errors import ParseError, Quarantined
from tui.ingest.names import DEFAULT_IGNORE, ignored
from tui.model import Item

#: Files larger than this are refused (except JSON Lines, which stream).
MAX_FILE_BYTES = 50 * 1024 * 1024
_MAX_LINE = 16 * 1024 * 1024
_XML_ROOT = re.compile(rb"<([A-Za-z_][\w.:-]*)")
_XML_PROLOGUE = (b"<?xml", b"<!DOCTYPE", b"<!--")


@dataclass(slots=True)
class FileResult:
    path: str
    items: list[Item] = field(default_factory=list)
    problems: list[Quarantined] = field(default_factory=list)
    #: the size and modification time the file had when it was read
    size: int = 0
    mtime_ns: int = 0
    #: the open file's own stat, and the digest of the bytes read: the inbox tells a
    #: rewrite that kept size and times by them (tui/ingest/signature.py)
    stat: os.stat_result | None = None
    digest: str = ""
    #: more items of a file whose first part was taken already (not a second reading)
    continues: bool = False


def read_file(path: Path, *, real: str | None = None) -> FileResult:
    """The items of one file. With `real`, the bytes are read from that path without
    following a link there (the inbox names the file it checked, so a link swapped in
    after the check is refused), and reported under `path`."""
    result = FileResult(str(path))
    try:
        # O_NONBLOCK: a named pipe dropped in the inbox must not hang the reader
        flags = os.O_RDONLY | os.O_NONBLOCK | (os.O_NOFOLLOW if real is not None else 0)
        try:
            fd = os.open(real if real is not None else path, flags)
        except OSError as exc:
            if real is not None and exc.errno == getattr(os, "ELOOP", -1):
                raise ParseError("became a link while it was being read; it is read "
                                 "again once it is a plain file") from exc
            raise
        with os.fdopen(fd, "rb") as handle:
            stat = os.fstat(fd)
            if not S_ISREG(stat.st_mode):
                raise ParseError("not a plain file (a folder, pipe or device)")
            result.size, result.mtime_ns, result.stat = stat.st_size, stat.st_mtime_ns, stat
            received = from_timestamp(stat.st_mtime)
            if stat.st_size == 0:
                raise ParseError("empty file (0 bytes)")
            lines = _is_json_lines(handle)
            handle.seek(0)
            if lines:
                result.digest = hashlib.file_digest(handle, _hasher).hexdigest()
                handle.seek(0)
                for entry in jsonl.parse_lines(handle, str(path), received):
                    if isinstance(entry, Item):
                        result.items.append(entry)
                    else:
                        result.problems.append(entry)
                return result
            if stat.st_size > MAX_FILE_BYTES:
                raise ParseError(f"file too large ({stat.st_size // 1_048_576} MB; "
                                 f"the limit is {MAX_FILE_BYTES // 1_048_576} MB)")
            data = handle.read()
        result.digest = _hasher(data).hexdigest()
        for entry in parse_bytes(data, str(path), received):
            if isinstance(entry, Item):
                result.items.append(entry)
            else:
                result.problems.append(entry)
    except ParseError as exc:
        result.problems.append(Quarantined(str(path), str(exc)))
    except OSError as exc:
        result.problems.append(Quarantined(str(path), f"cannot read the file: {exc.strerror}"))
    except RecursionError:
        result.problems.append(Quarantined(str(path), "structure nested too deeply to read"))
    except Exception as exc:  # noqa: BLE001 - a parser bug must cost one file, not the desk
        result.problems.append(
            Quarantined(str(path), f"could not be read (internal error {type(exc).__name__}: "
                                   f"{exc}); please report this file"))
    return result


def _is_json_lines(handle: BinaryIO) -> bool:
    """Two lines that each hold a whole JSON object. Decided from the lines themselves, as
    one exported item can be longer than any fixed-size head."""
    first = handle.readline(_MAX_LINE).strip().removeprefix(b"\xef\xbb\xbf")
    if not (first.startswith(b"{") and first.endswith(b"}")):
        return False
    second = handle.readline(_MAX_LINE)
    while second and not second.strip():
        second = handle.readline(_MAX_LINE)
    return second.lstrip().startswith(b"{")


def parse_bytes(data: bytes, path: str, received: str) -> Sequence[Item | Quarantined]:
    """The items in one file's bytes, and a reason for each entry that yielded none.
    Raises ParseError when the file as a whole cannot be read."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte-order mark: re-encode once so every parser sees UTF-8.
        text = data.decode("utf-16", errors="replace")
        text = re.sub(r"""^(<\?xml[^>]*encoding\s*=\s*["'])[Uu][Tt][Ff]-?16(?:[LlBb][Ee])?""",
                      r"\1UTF-8", text, count=1)
        data = text.encode("utf-8")
    kind = sniff(data)
    if kind == "xml":
        return xmlwire.parse(data, path, received)
    if kind == "json":
        return jsonwire.parse(data, path, received)
    if kind == "jsonl":
        return list(jsonl.parse_lines(data.splitlines(), path, received))
    if kind == "binary":
        raise ParseError("binary data, not wire copy")
    return textwire.parse(data, path, received)


def sniff(data: bytes) -> str:
    """The family of a file by its first bytes: xml, json, jsonl, binary or text."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "binary"
    if head.startswith(b"<") and (_XML_ROOT.search(head) or head.startswith(_XML_PROLOGUE)):
        return "xml"  # a long DTD or comment can push the root past the head
    if jsonl.sniff(head):
        return "jsonl"
    if head.startswith((b"{", b"[")):
        return "json"
    return "text"


def _hasher(data: bytes = b"") -> hashlib.blake2b:
    return hashlib.blake2b(data, digest_size=16)


def file_digest(path: str) -> str:
    """The digest `read_file` gives the same bytes; "" if the file cannot be read."""
    try:
        with open(path, "rb") as handle:
            return hashlib.file_digest(handle, _hasher).hexdigest()
    except OSError:
        return ""


def walk(paths: Iterable[Path]) -> Iterator[Path]:
    """Every file under the given files and folders, in name order, skipping what is
    not copy (notes, hidden files, names a feed writes under before renaming)."""
    for path in paths:
        if path.is_dir():
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not skip_name(name):
                        yield Path(folder) / name
        else:
            yield path


def skip_name(name: str) -> bool:
    """Not copy by the default rule (`tui.ingest.names`)."""
    return ignored(name, DEFAULT_IGNORE)


def read_paths(paths: Iterable[Path]) -> Iterator[FileResult]:
    for path in walk(paths):
        yield read_file(path)
