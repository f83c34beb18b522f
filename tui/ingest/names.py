"""Which files in an inbox folder are not copy: notes beside it (`MANIFEST.md`, a
README), hidden files, editor swap files and the names feeds write under before they
rename a file into place. One rule, `[inbox] ignore` in the config, matched with shell
globs against the file's name (not its folder), case-sensitively as the file system is.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fnmatch import fnmatchcase
from functools import lru_cache

#: the default of `[inbox] ignore`; a user's list replaces it
DEFAULT_IGNORE: tuple[str, ...] = (
    "MANIFEST.md", "README*", ".*", "*~", "*.swp", "*.swo", "*.tmp", "*.part",
    "*.crdownload", "#*#",
)


def ignored(name: str, patterns: Sequence[str] = DEFAULT_IGNORE) -> bool:
    """True when a file of this name is not copy."""
    return matcher(tuple(patterns))(name)


@lru_cache(maxsize=16)
def matcher(patterns: tuple[str, ...]) -> Callable[[str], bool]:
    """`ignored` for one list of patterns, for a loop over a folder's names."""
    return _Match(patterns)


class _Match:
    """The patterns split into exact names, prefixes, suffixes and the rest, so the
    listing of a folder of 100,000 files does not run every glob on every name."""

    def __init__(self, patterns: tuple[str, ...]) -> None:
        self.exact = {p for p in patterns if not _has_magic(p)}
        self.prefixes = tuple(p[:-1] for p in patterns
                              if p.endswith("*") and not _has_magic(p[:-1]))
        self.suffixes = tuple(p[1:] for p in patterns
                              if p.startswith("*") and not _has_magic(p[1:]))
        simple = self.exact | {p + "*" for p in self.prefixes} | {"*" + s for s in self.suffixes}
        self.globs = tuple(p for p in patterns if p not in simple)

    def __call__(self, name: str) -> bool:
        return (name in self.exact
                or (bool(self.prefixes) and name.startswith(self.prefixes))
                or (bool(self.suffixes) and name.endswith(self.suffixes))
                or any(fnmatchcase(name, glob) for glob in self.globs))


def _has_magic(pattern: str) -> bool:
    return any(c in pattern for c in "*?[")
