"""Items already read, kept so that reopening a day of wire costs a table read, not a
parse. Keyed by path and the file's signature (size, modification and change times,
inode); a file read so soon after it was written that a rewrite could keep all of those
("racy", as git calls it) is also checked by the digest of its bytes. Any change to a
file or to the parsers reads the file again. A cache, not state: deleting it loses
nothing.

SQLite (standard library) because it is crash-safe, lets two wiredesk processes share one
cache, and reads 100,000 rows of plain columns far faster than re-decoding JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from tui.gcpause import collector_paused
from tui.ingest.errors import Quarantined
from tui.ingest.reader import FileResult, file_digest
from tui.ingest.signature import Signature, signature
from tui.model import Dateline, Item

# An item is stored as its body and one string of every other field in Item's own order,
# separated by RS (tuples' values by US): a row is split in C and becomes an Item
# positionally, where three dozen SQLite columns cost a conversion each.
_FIELDS = [f.name for f in fields(Item)]
_PACKED = [name for name in _FIELDS if name not in ("dateline", "body")]
_TUPLE_AT = [_PACKED.index(f.name) for f in fields(Item) if str(f.type).startswith("tuple")]
_WORDS_AT = _PACKED.index("word_count")
_URGENCY_AT = _PACKED.index("urgency")
_DATELINE_AT = _FIELDS.index("dateline")
_BODY_AT = _FIELDS.index("body")
_DATELINE_FIELDS = [f.name for f in fields(Dateline)]
_FIELD_SEP = "\x1e"  # record separator: parsed text has its control characters removed
_SEP = "\x1f"  # unit separator, between the values of a tuple


def _item_maker() -> Callable[..., Item]:
    """`Item(*values)` at the cost of a plain class, for the cache's 100,000 rows.

    A frozen dataclass sets each field through `object.__setattr__`, a function call per
    field: most of the time it took to turn a cached day into Items. This stores the
    slots on a twin class with plain attribute stores, then gives the object its real
    class (Python allows it: the two have the same slot layout). What comes out is an
    Item in every way: its class, equality, hash and immutability.
    """
    twin = type("_ItemBeingMade", (), {"__slots__": Item.__slots__})
    source = (f"def make({', '.join(_FIELDS)}):\n    item = new(twin)\n"
              + "".join(f"    item.{name} = {name}\n" for name in _FIELDS)
              + "    item.__class__ = Item\n    return item\n")
    namespace: dict[str, Any] = {"new": object.__new__, "twin": twin, "Item": Item}
    exec(source, namespace)  # the source is made from Item's own field names
    make: Callable[..., Item] = namespace["make"]
    return make


_make_item = _item_maker()


def parser_version() -> str:
    """A digest of the code that makes an item (the parsers, the text cleaning, the
    item's own fields), so a fixed parser or a new field re-reads every file."""
    digest = hashlib.blake2b(digest_size=8)
    package = Path(__file__).parent.parent
    sources = [*sorted(Path(__file__).parent.glob("*.py")),
               package / "textsafe.py", package / "model.py"]
    for source in sources:
        digest.update(source.read_bytes())
    return digest.hexdigest()


class IngestCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=10, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        # a day's cache is read whole at start: mapped, not copied page by page
        self.db.execute("PRAGMA mmap_size=2147483648")
        self.db.execute("PRAGMA cache_size=-65536")
        version = parser_version()
        self._create()
        stored = self.db.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
        if stored is None or stored[0] != version:
            with self.db:
                # dropped, not emptied: a new version may have new columns
                for table in ("files", "items", "problems"):
                    self.db.execute(f"DROP TABLE IF EXISTS {table}")
            self._create()
            with self.db:
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('parser', ?)", (version,))

    def _create(self) -> None:
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, "
                            "size INTEGER, mtime_ns INTEGER, inode INTEGER, ctime_ns INTEGER, "
                            "digest TEXT, racy INTEGER)")
            self.db.execute("CREATE TABLE IF NOT EXISTS items (file TEXT, seq INTEGER, "
                            "fields TEXT, body TEXT)")
            self.db.execute("CREATE INDEX IF NOT EXISTS items_file ON items (file)")
            self.db.execute("CREATE TABLE IF NOT EXISTS problems (file TEXT, path TEXT, "
                            "reason TEXT, format TEXT)")
            self.db.execute("CREATE INDEX IF NOT EXISTS problems_file ON problems (file)")

    def unchanged(self, files: Mapping[str, Signature]) -> set[str]:
        """The paths of `files` (path -> signature now) cached as they are. A racy
        file is read and its digest compared; one found unchanged is settled."""
        same, settled = set(), []
        for path, size, mtime, inode, ctime, digest, racy in self.db.execute(
                "SELECT path, size, mtime_ns, inode, ctime_ns, digest, racy FROM files"):
            if files.get(path) != (size, mtime, inode, ctime):
                continue
            if racy:
                if file_digest(path) != digest:
                    continue
                settled.append(path)
            same.add(path)
        self.settle(settled)
        return same

    def settle(self, paths: Iterable[str]) -> None:
        """These files were found unchanged long enough after their time: their
        signature alone tells from now on."""
        with self.db:
            self.db.executemany("UPDATE files SET racy=0 WHERE path=?", ((p,) for p in paths))

    def load_all(self, paths: Iterable[str]) -> tuple[list[Item], list[Quarantined]]:
        """The items and quarantine reasons of these files, in file order."""
        wanted = set(paths)
        with collector_paused():
            items = [item for file, item in self._rows() if file in wanted]
        problems = [Quarantined(path, reason, fmt) for file, path, reason, fmt
                    in self.db.execute("SELECT * FROM problems") if file in wanted]
        return items, problems

    def _rows(self) -> Iterator[tuple[str, Item]]:
        n_fields = len(_PACKED)
        # most items share a handful of datelines (many have none): one object each
        datelines: dict[tuple[str, ...], Dateline] = {}
        # rowid order is the order items were stored in: file by file, in file order
        for file, packed, body in self.db.execute(
                "SELECT file, fields, body FROM items ORDER BY rowid"):
            values: list[Any] = packed.split(_FIELD_SEP)
            parts = tuple(values[n_fields:])
            dateline = datelines.get(parts)
            if dateline is None:
                dateline = datelines[parts] = Dateline(*parts)
            del values[n_fields:]
            for at in _TUPLE_AT:
                value = values[at]
                values[at] = tuple(value.split(_SEP)) if value else ()
            values[_WORDS_AT] = int(values[_WORDS_AT])
            urgency = values[_URGENCY_AT]
            values[_URGENCY_AT] = int(urgency) if urgency else None
            values.insert(_DATELINE_AT, dateline)
            values.insert(_BODY_AT, body)
            yield file, _make_item(*values)

    def store(self, results: Iterable[FileResult], racy: Collection[str] = ()) -> None:
        """Remember files just read, with the signature and digest they were read at;
        `racy` names those read too soon after their time for the signature to tell."""
        with self.db:
            for result in results:
                if not _storable(result.path):
                    continue  # a name that is not UTF-8: SQLite keeps text; read it each time
                self.db.execute("DELETE FROM items WHERE file=?", (result.path,))
                self.db.execute("DELETE FROM problems WHERE file=?", (result.path,))
                sig = signature(result.stat) if result.stat is not None else \
                    Signature(result.size, result.mtime_ns, 0, 0)
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)",
                                (result.path, *sig, result.digest, int(result.path in racy)))
                self.db.executemany("INSERT INTO items VALUES (?, ?, ?, ?)",
                                    [(result.path, seq, _pack(item), item.body)
                                     for seq, item in enumerate(result.items)])
                self.db.executemany("INSERT INTO problems VALUES (?, ?, ?, ?)",
                                    [(result.path, p.path, p.reason, p.format)
                                     for p in result.problems])

    def forget(self, paths: Iterable[str]) -> None:
        with self.db:
            for path in paths:
                for table, column in (("files", "path"), ("items", "file"),
                                      ("problems", "file")):
                    self.db.execute(f"DELETE FROM {table} WHERE {column}=?", (path,))

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.db.close()


def _storable(path: str) -> bool:
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _pack(item: Item) -> str:
    parts: list[str] = []
    for name in _PACKED:
        value = getattr(item, name)
        if isinstance(value, tuple):
            parts.append(_SEP.join(value))
        else:
            parts.append("" if value is None else str(value))
    parts += [getattr(item.dateline, name) for name in _DATELINE_FIELDS]
    return _FIELD_SEP.join(parts)
