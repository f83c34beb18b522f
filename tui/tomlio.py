"""Reading TOML files people edit by hand, with errors that say where."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_AT_END = re.compile(r"\s*\(at end of document\)")


class LocatedError(Exception):
    """Something wrong in a file an editor can open: the message starts `file:line:`."""

    def __init__(self, path: Path, message: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


class TomlSyntaxError(ValueError):
    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line


def parse_toml(text: str) -> dict[str, Any]:
    """`tomllib.loads`, with the line of a syntax error as a number (an error at the end
    of the document is on its last line: an unclosed list or string)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        match = _AT_LINE.search(message)
        if match:
            line: int | None = int(match.group(1))
        elif _AT_END.search(message):
            line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
        else:
            line = None
        reason = _AT_END.sub("", _AT_LINE.sub("", message))
        raise TomlSyntaxError(reason, line) from exc
