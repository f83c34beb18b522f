"""One line of counts under the header: items, new, unread, flash, quarantined, the view,
the filter and what is still being prepared.

Setting the header's sub-title laid the whole screen out again, once per filter, view
toggle or batch of arrivals; this line only repaints itself.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    DEFAULT_CSS = """
    StatusLine {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = ""

    @property
    def text(self) -> str:
        return self._text

    def show(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.refresh()

    def render(self) -> Text:
        # a filter or search is the editor's words and may hold brackets: never markup
        return Text(self._text, no_wrap=True, overflow="ellipsis")
