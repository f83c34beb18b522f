"""What a parser says when input cannot become items."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.model import Item


class ParseError(Exception):
    """The input cannot be read as this format; the message is the editor's one-line reason."""


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A file (or one entry of a many-item file) that yielded no item, and why."""

    path: str
    reason: str
    format: str = ""


def parse_each(messages: list[str], parse_one: Callable[[str, str, str], Item], path: str,
               received: str, fmt: str) -> list[Item | Quarantined]:
    """Items from a file of many messages: a bad message costs only itself. A file of one
    message that cannot be read is the file's own ParseError."""
    if len(messages) == 1:
        return [parse_one(messages[0], path, received)]
    found: list[Item | Quarantined] = []
    for index, message in enumerate(messages):
        try:
            found.append(parse_one(message, path, received))
        except ParseError as exc:
            found.append(Quarantined(f"{path}#{index}", str(exc), fmt))
    return found
