"""Messages between the widgets and the app."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class CursorMoved(Message):
    """The queue's cursor is on another item. Fired on every key repeat, so a burst of
    them collapses into the latest before the preview redraws."""

    item_id: str | None

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CursorMoved)
