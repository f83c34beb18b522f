"""Which files in an inbox folder are not copy: notes beside it (`MANIFEST.md`, a
README), hidden files, editor swap files and the names feeds write under before they
rename a file into place. One rule, `[inbox] ignore` in the config, matched with shell
globs against the file's name (not its folder), case-sensitively as the file system is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from fnmatch import translate
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
    """`ignored` for one list of patterns, for a loop over a folder's names: the globs
    as one regular expression, one C-level match a name."""
    if not patterns:
        return lambda _name: False
    match = re.compile("|".join(f"(?:{translate(p)})" for p in patterns)).match
    return lambda name: match(name) is not None
