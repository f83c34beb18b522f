"""Items already read, kept so that reopening a day of wire costs a table read, not a
parse. Keyed by path, size and modification time; any change to a file or to the parsers
reads the file again. A cache, not state: deleting it loses nothing.

SQLite (standard library) because it is crash-safe, lets two wiredesk processes share one
cache, and reads 100,000 rows of plain columns far faster than re-decoding JSON.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import fields
from pathlib import Path

from tui.ingest.errors import Quarantined
from tui.ingest.reader import FileResult
from tui.model import Dateline, Item

# Columns in the order of Item's own fields (the dateline spread over four at the end),
# so a row becomes an Item positionally: a day of 100,000 is read in well under a second.
_FIELDS = [f.name for f in fields(Item)]
_ITEM_COLUMNS = [name for name in _FIELDS if name != "dateline"]
_TUPLE_AT = [i for i, f in enumerate(f for f in fields(Item) if f.name != "dateline")
             if str(f.type).startswith("tuple")]
_DATELINE_AT = _FIELDS.index("dateline")
_DATELINE = [f"dateline_{f.name}" for f in fields(Dateline)]
_COLUMNS = [*_ITEM_COLUMNS, *_DATELINE]
_SEP = "\x1f"  # unit separator: never left in parsed text, which has its controls removed


def parser_version() -> str:
    """A digest of the ingest code itself, so a fixed parser re-reads every file."""
    digest = hashlib.blake2b(digest_size=8)
    for source in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(source.read_bytes())
    return digest.hexdigest()


class IngestCache:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self.db = sqlite3.connect(path, timeout=10, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        version = parser_version()
        self._create()
        stored = self.db.execute("SELECT value FROM meta WHERE key='parser'").fetchone()
        if stored is None or stored[0] != version:
            with self.db:
                self.db.execute("DELETE FROM files")
                self.db.execute("DELETE FROM items")
                self.db.execute("DELETE FROM problems")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('parser', ?)", (version,))

    def _create(self) -> None:
        columns = ", ".join(f'"{c}"' for c in _COLUMNS)
        with self.db:
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS files (path TEXT PRIMARY KEY, "
                            "size INTEGER, mtime_ns INTEGER)")
            self.db.execute(f"CREATE TABLE IF NOT EXISTS items (file TEXT, seq INTEGER, "
                            f"{columns})")
            self.db.execute("CREATE INDEX IF NOT EXISTS items_file ON items (file)")
            self.db.execute("CREATE TABLE IF NOT EXISTS problems (file TEXT, path TEXT, "
                            "reason TEXT, format TEXT)")
            self.db.execute("CREATE INDEX IF NOT EXISTS problems_file ON problems (file)")

    def known(self) -> dict[str, tuple[int, int]]:
        """Every cached file with the size and time it had when it was read."""
        rows = self.db.execute("SELECT path, size, mtime_ns FROM files")
        return {path: (size, mtime) for path, size, mtime in rows}

    def load(self, paths: Iterable[str]) -> dict[str, FileResult]:
        wanted = set(paths)
        results = {p: FileResult(p) for p in wanted}
        names = ", ".join(f'"{c}"' for c in _COLUMNS)
        end = len(_ITEM_COLUMNS) + 1
        # rowid order is the order items were stored in: file by file, in file order
        for row in self.db.execute(f"SELECT file, {names} FROM items ORDER BY rowid"):
            result = results.get(row[0])
            if result is None:
                continue
            values = list(row[1:end])
            for at in _TUPLE_AT:
                values[at] = tuple(values[at].split(_SEP)) if values[at] else ()
            values.insert(_DATELINE_AT, Dateline(*row[end:]))
            result.items.append(Item(*values))
        for file, path, reason, fmt in self.db.execute("SELECT * FROM problems"):
            if file in results:
                results[file].problems.append(Quarantined(path, reason, fmt))
        return results

    def store(self, entries: Iterable[tuple[FileResult, int, int]]) -> None:
        """Remember files just read, with the size and time they were read at."""
        placeholders = ", ".join("?" for _ in range(len(_COLUMNS) + 2))
        with self.db:
            for result, size, mtime_ns in entries:
                self.db.execute("DELETE FROM items WHERE file=?", (result.path,))
                self.db.execute("DELETE FROM problems WHERE file=?", (result.path,))
                self.db.execute("INSERT OR REPLACE INTO files VALUES (?, ?, ?)",
                                (result.path, size, mtime_ns))
                self.db.executemany(f"INSERT INTO items VALUES ({placeholders})",
                                    [(result.path, seq, *_row(item))
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


def _row(item: Item) -> list[object]:
    values: list[object] = []
    for name in _ITEM_COLUMNS:
        value = getattr(item, name)
        values.append(_SEP.join(value) if isinstance(value, tuple) else value)
    values += [getattr(item.dateline, f.name) for f in fields(Dateline)]
    return values
