"""The queue: one line per item, drawn line by line from the wire's own index.

A `ScrollView` with `render_line` costs the same at 100,000 rows as at 100: only the
lines on screen are drawn, and only lines that change are refreshed.
"""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.app.messages import CursorMoved
from tui.desk.desk import Desk
from tui.textsafe import visible
from tui.wire import Wire

_WIDTHS = {"time": 5, "urgency": 2, "source": 14, "slug": 18, "words": 5, "status": 6,
           "tags": 16, "assignee": 12, "story": 4}


_GIVE_WAY = ("assignee", "tags", "slug", "words", "source", "story", "status")
_HEADLINE_MIN = 30


class QueueView(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    QueueView { background: $surface; }
    QueueView > .queue--cursor { background: $accent 40%; }
    QueueView:focus > .queue--cursor { background: $accent; color: $text; }
    QueueView > .queue--new { text-style: bold; }
    QueueView > .queue--spiked { color: $text-disabled; }
    QueueView > .queue--flash { color: $error; }
    QueueView > .queue--dup { color: $warning; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue--cursor", "queue--new", "queue--spiked", "queue--flash", "queue--dup",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "move(1)", "Down", id="queue.down", show=False),
        Binding("k,up", "move(-1)", "Up", id="queue.up", show=False),
        Binding("pagedown", "page(1)", "Page down", id="queue.page_down", show=False),
        Binding("pageup", "page(-1)", "Page up", id="queue.page_up", show=False),
        Binding("g,home", "jump('top')", "Top", id="queue.top", show=False),
        Binding("G,end", "jump('bottom')", "Bottom", id="queue.bottom", show=False),
    ]

    def __init__(self, wire: Wire, desk: Desk, columns: tuple[str, ...],
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wire = wire
        self.desk = desk
        self.columns = columns
        self.cursor = 0

    @property
    def current_id(self) -> str | None:
        order = self.wire.order
        return order[self.cursor] if 0 <= self.cursor < len(order) else None

    def rows_changed(self, inserted_above_cursor: int = 0) -> None:
        """The wire gained rows; the cursor stays on the item it was on."""
        self.cursor = min(self.cursor + inserted_above_cursor, max(len(self.wire) - 1, 0))
        self.virtual_size = Size(self.size.width, len(self.wire))
        self.refresh()
        self.post_message(CursorMoved(self.current_id))

    def refresh_item(self, item_id: str) -> None:
        # A decision changes one row: redraw that line only.
        try:
            row = self.wire.order.index(item_id)
        except ValueError:
            return
        self.refresh_line(row - self.scroll_offset.y)

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.size.height - 1, 1))

    def action_jump(self, where: str) -> None:
        self.move_to(0 if where == "top" else len(self.wire) - 1)

    def move_to(self, row: int) -> None:
        if not len(self.wire):
            return
        row = max(0, min(row, len(self.wire) - 1))
        if row == self.cursor:
            return
        old, self.cursor = self.cursor, row
        top = self.scroll_offset.y
        self.refresh_line(old - top)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self.size.height:
            self.scroll_to(y=row - self.size.height + 1, animate=False, immediate=True)
        self.refresh_line(row - self.scroll_offset.y)
        self.post_message(CursorMoved(self.current_id))

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.move_to(self.scroll_offset.y + event.y)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, len(self.wire))

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        row = self.scroll_offset.y + y
        base = self.rich_style
        if row >= len(self.wire):
            return Strip.blank(width, base)
        item_id = self.wire.order[row]
        style = base + self._row_style(item_id)
        if row == self.cursor:
            style += self.get_component_rich_style("queue--cursor")
        text = self.row_text(item_id, width)
        strip = Strip([Segment(text, style)])
        return strip.crop_extend(0, width, style)

    def row_text(self, item_id: str, width: int) -> str:
        """The row as plain characters; wire text never becomes markup here."""
        item = self.wire.items[item_id]
        decision = self.desk.decision(item_id)
        columns = self.columns_for(width)
        fixed = sum(_WIDTHS.get(c, 0) + 1 for c in columns if c != "headline")
        cells = []
        for column in columns:
            if column == "headline":
                cells.append(_fit(visible(item.headline), max(width - fixed, 10)))
                continue
            value = {
                "time": lambda: _clock(item.sort_time),
                "urgency": lambda: _urgency_mark(item.urgency, item.signal),
                "source": lambda: visible(item.source),
                "slug": lambda: visible(item.slug),
                "words": lambda: str(item.word_count or ""),
                "status": lambda: decision.status,
                "tags": lambda: visible(",".join(decision.tags)),
                "assignee": lambda: visible(decision.assignee),
                "story": lambda: self._badge(item_id),
            }[column]()
            cells.append(_fit(value, _WIDTHS[column]))
        return " ".join(cells)

    def columns_for(self, width: int) -> tuple[str, ...]:
        """The configured columns that fit: on a narrow terminal the headline keeps
        room to be read, and the least needed columns give way first."""
        columns = list(self.columns)
        for name in _GIVE_WAY:
            fixed = sum(_WIDTHS.get(c, 0) + 1 for c in columns if c != "headline")
            if width - fixed >= _HEADLINE_MIN or "headline" not in columns:
                break
            if name in columns:
                columns.remove(name)
        return tuple(columns)

    def _badge(self, item_id: str) -> str:
        size = self.wire.stories.size_of(item_id)
        return f"×{size}" if size > 1 else ""

    def _row_style(self, item_id: str) -> Style:
        item = self.wire.items[item_id]
        decision = self.desk.decision(item_id)
        style = Style()
        if decision.status == "spiked":
            return self.get_component_rich_style("queue--spiked")
        if decision.status == "new":
            style += self.get_component_rich_style("queue--new")
        if item.urgency is not None and item.urgency <= 2:
            style += self.get_component_rich_style("queue--flash")
        elif self.wire.stories.size_of(item_id) > 1:
            style += self.get_component_rich_style("queue--dup")
        return style


def _fit(text: str, width: int) -> str:
    # Measured in terminal cells, so wide (CJK) characters keep the columns aligned.
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…"
    return set_cell_size(text, width)


def _clock(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp).strftime("%H:%M")
    except ValueError:
        return "--:--"


def _urgency_mark(urgency: int | None, signal: tuple[str, ...]) -> str:
    if "kill" in signal:
        return "✖"
    if urgency is None:
        return ""
    return "‼" if urgency <= 1 else "!" if urgency <= 3 else ""
