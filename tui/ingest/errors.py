"""What a parser says when input cannot become items."""

from __future__ import annotations

from dataclasses import dataclass


class ParseError(Exception):
    """The input cannot be read as this format; the message is the editor's one-line reason."""


@dataclass(frozen=True, slots=True)
class Quarantined:
    """A file (or one entry of a many-item file) that yielded no item, and why."""

    path: str
    reason: str
    format: str = ""
