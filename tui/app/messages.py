"""Messages between the widgets and the app."""

from __future__ import annotations

from dataclasses import dataclass, field
from time import monotonic

from textual.message import Message


@dataclass
class CursorMoved(Message):
    """The queue's cursor is on another item. Fired on every key repeat, so a burst of
    them collapses into the latest before the preview redraws."""

    item_id: str | None
    #: when the cursor moved (`time.monotonic()`): the message reaches the app only after
    #: the screen has drawn the cursor line, and the preview's wait counts from the move
    at: float = field(default_factory=monotonic)

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CursorMoved)


@dataclass
class SortBy(Message):
    """A click on a column's head: sort the queue by that column."""

    column: str
