"""The queue: one line per item, drawn line by line from the wire's own index.

A `ScrollView` with `render_line` costs the same at 100,000 rows as at 100: only the
lines on screen are drawn, and only lines that change are refreshed. Scrolling by a line
(holding `j` past the bottom) repaints every line on screen: the rows drawn are kept, so
that only the row coming in is made, and the scrollbar is repainted only when its thumb
moves by a glyph (at 100,000 rows, once in some 200 lines).
"""

from __future__ import annotations

from collections.abc import Callable
from math import ceil
from time import time
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
from textual.strip import Strip
from textual.widget import Widget

from tui.app import timefmt
from tui.app.messages import CursorMoved, SortBy
from tui.app.timefmt import DeskTime
from tui.desk.desk import Desk
from tui.listing import Listing, ListingCache, Mode, Sort, build
from tui.model import URGENT
from tui.textsafe import cell
from tui.wire import Wire

_WIDTHS = {"time": 5, "urgency": 2, "source": 14, "slug": 18, "words": 5, "status": 6,
           "tags": 16, "assignee": 12, "story": 8}


#: what the column heads call each column
_HEADS = {"time": "Time", "urgency": "!", "source": "Source", "slug": "Slug",
          "words": "Words", "status": "Status", "tags": "Tags", "assignee": "Assignee",
          "story": "Story", "headline": "Headline"}
#: the sort a click on a column's head asks for (the time's: newest, again: oldest)
SORT_OF_COLUMN = {"time": Sort.NEWEST, "urgency": Sort.URGENCY, "source": Sort.SOURCE,
                  "story": Sort.SIZE}
#: the column each sort orders by, and its arrow (▼: biggest or newest first)
_SORTED_BY = {Sort.NEWEST: ("time", "▼"), Sort.OLDEST: ("time", "▲"),
              Sort.URGENCY: ("urgency", "▼"), Sort.SOURCE: ("source", "▲"),
              Sort.SIZE: ("story", "▼")}

_GIVE_WAY = ("assignee", "tags", "slug", "words", "source", "story", "status")
_HEADLINE_MIN = 30
#: rows kept drawn (a few screens' worth; all are dropped when the listing changes)
_KEPT_ROWS = 1_000
#: seconds a drawn row is kept at most: an embargo lifting shows within this time
_ROWS_KEPT_FOR = 60


class QueueView(ScrollView, can_focus=True):
    DEFAULT_CSS = """
    /* never sideways: a horizontal scrollbar would hide the last row */
    QueueView { background: $surface; overflow-x: hidden; }
    QueueView > .queue--cursor { background: $accent 40%; }
    QueueView:focus > .queue--cursor { background: $accent; color: $text; }
    QueueView > .queue--new { text-style: bold; }
    QueueView > .queue--spiked { color: $text-disabled; }
    QueueView > .queue--flash { color: $error; }
    QueueView > .queue--dup { color: $warning; }
    QueueView > .queue--killed { color: $error; text-style: strike; }
    QueueView > .queue--hit { text-style: underline; }
    """
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "queue--cursor", "queue--new", "queue--spiked", "queue--flash", "queue--dup",
        "queue--killed", "queue--hit", "queue--urgent",
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
                 *, times: DeskTime | None = None, id: str | None = None) -> None:
        super().__init__(id=id)
        self.wire = wire
        self.desk = desk
        self.times = times or DeskTime()
        #: each column's cells; the time's follow the day (see `_time_cells`)
        self._widths = dict(_WIDTHS)
        self.columns = columns
        self.cursor = 0
        #: keep the cursor on the top row as rows come in, until the editor moves it (the
        #: day's first load: its newest items must not end up above the screen)
        self.follow_top = True
        self.listing = Listing()
        #: what the listing keeps between rebuilds (the stories view's rows, the FLASH)
        self.listing_cache = ListingCache()
        #: (width and configured columns, the columns shown, their cells)
        self._columns_at: tuple[object, tuple[str, ...], int] = (None, (), 0)
        self._width = 0
        self.mode = Mode.FLAT
        self.sort = Sort.NEWEST
        #: told when the columns shown change (the width, the time's cells)
        self.columns_changed: Callable[[], object] = lambda: None
        self.only: set[str] | None = None
        #: the items the search found: drawn underlined, stepped through with n/N
        self.hits: set[str] = set()
        self.opened: set[str] = set()
        #: the items marked for bulk work, in the order marked: view state of this
        #: editor's screen, never a decision (not journaled, not undone)
        self.marked: dict[str, None] = {}
        #: set by the app: is the item's story killed, is the item under embargo
        self.killed: Callable[[str], bool] = lambda _key: False
        self.embargoed: Callable[[str], bool] = lambda _key: False
        #: rows as drawn (without the cursor), by item, for the looks in `_drawn_for`
        self._drawn: dict[str, Strip] = {}
        self._drawn_for: object = None
        #: the widget's and the rows' styles for this paint (the theme, the focus)
        self._base_style = Style()
        self._styles: dict[str, Style] = {}

    @property
    def current_id(self) -> str | None:
        keys = self.listing.keys
        return keys[self.cursor] if 0 <= self.cursor < len(keys) else None

    def rebuild(self) -> None:
        """Lay the rows out again (new items, another view, a filter); the cursor stays on
        the item it was on, wherever that item now is."""
        before = None if self.follow_top else self.current_id
        self.listing = build(self.wire, self.desk, self.mode, only=self.only,
                             opened=self.opened, cache=self.listing_cache,
                             sort=self.sort)
        row = self.listing.row(before) if before is not None else None
        if row is None:
            row = min(self.cursor, max(len(self.listing) - 1, 0))
        shift = row - self.cursor
        self.cursor = row
        self._drawn.clear()  # decisions, stories or arrivals may have changed any row
        self._set_rows(len(self.listing))
        # keep the cursor where the editor's eyes are: scroll with the inserted rows (and
        # back inside the listing when it got shorter)
        self.scroll_to(y=self.scroll_offset.y + shift, animate=False, immediate=True)
        self.refresh()
        if self.current_id != before:
            self.post_message(CursorMoved(self.current_id))

    def _set_rows(self, rows: int) -> None:
        size = Size(self._row_width(), rows)
        if size == self.virtual_size:
            return
        if not (self.show_vertical_scrollbar and rows > self.container_size.height):
            self.virtual_size = size  # the scrollbar comes or goes: the screen is laid out
            return
        # The box and its scrollbar stay, only the thumb moves: setting `virtual_size` the
        # usual way would lay out and repaint the whole screen (most of a view toggle).
        self.set_reactive(ScrollView.virtual_size, size)
        bar = self.vertical_scrollbar
        bar.window_virtual_size = rows
        bar.position = self.scroll_offset.y
        bar.refresh()

    def action_move(self, delta: int) -> None:
        self.move_to(self.cursor + delta)

    def action_page(self, direction: int) -> None:
        self.move_to(self.cursor + direction * max(self.size.height - 1, 1))

    def action_jump(self, where: str) -> None:
        self.move_to(0 if where == "top" else len(self.listing) - 1)

    def move_to(self, row: int) -> None:
        self.follow_top = False
        if not len(self.listing):
            return
        row = max(0, min(row, len(self.listing) - 1))
        if row == self.cursor:
            return
        old, self.cursor = self.cursor, row
        top = self.scroll_offset.y
        # `refresh_line` takes the row in the listing (it subtracts the scroll itself)
        self.refresh_line(old)
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self.size.height:
            self.scroll_to(y=row - self.size.height + 1, animate=False, immediate=True)
        self.refresh_line(row)
        self.post_message(CursorMoved(self.current_id))

    def toggle_mark(self, item_id: str) -> None:
        if item_id in self.marked:
            del self.marked[item_id]
        else:
            self.marked[item_id] = None
        self.redraw(item_id)

    def clear_marks(self) -> None:
        marked, self.marked = self.marked, {}
        for item_id in marked:
            self.redraw(item_id)

    def redraw(self, item_id: str) -> None:
        """Draw one item's row again, if it is listed."""
        self._drawn.pop(item_id, None)
        row = self.listing.row(item_id)
        if row is not None:
            self.refresh_line(row)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        # the whole time, with its zone, of the row under the mouse
        row = self.scroll_offset.y + event.y
        keys = self.listing.keys
        if 0 <= row < len(keys) and keys[row] in self.wire.items:
            item = self.wire.items[keys[row]]
            self.tooltip = f"{self.times.full(item.sort_time)}\n{item.source}"
        else:
            self.tooltip = None

    def on_click(self, event: events.Click) -> None:
        self.focus()
        self.move_to(self.scroll_offset.y + event.y)

    def on_resize(self) -> None:
        self.virtual_size = Size(self._row_width(), len(self.listing))

    def _row_width(self) -> int:
        # inside the scrollbar: the right end of a row is not drawn under it
        return self.scrollable_content_region.width

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        # As `ScrollView.watch_scroll_y`, but the scrollbar is told its new position
        # without a repaint unless its thumb is drawn elsewhere: one line is a sliver of
        # a glyph at 100,000 rows, and redrawing the bar was a sixth of a scroll's paint.
        if self.show_vertical_scrollbar:
            _move_thumb(self.vertical_scrollbar, new_value)
        if round(old_value) != round(new_value):
            self.refresh(self.size.region)

    def render_lines(self, crop: Region) -> list[Strip]:
        # once per paint, not per row
        self._width = self._row_width()
        self._paint_styles()
        return super().render_lines(crop)

    def _paint_styles(self) -> None:
        self._base_style = self.rich_style
        self._styles = {name: self.get_component_rich_style(name)
                        for name in sorted(self.COMPONENT_CLASSES)}
        time_cells = self._time_cells()
        if time_cells != self._widths["time"]:
            self._widths["time"] = time_cells
            self._columns_at = (None, (), 0)
        looks = (self._width, self._base_style, tuple(self._styles.values()),
                 int(time() // _ROWS_KEPT_FOR), time_cells)
        if looks != self._drawn_for or len(self._drawn) > _KEPT_ROWS:
            self._drawn.clear()
            self._drawn_for = looks

    def _time_cells(self) -> int:
        """"09:30" while the whole wire is today's (its newest and oldest items are),
        else room for the date as well."""
        order, items = self.wire.order, self.wire.items
        ends = [items[k].sort_time for k in {order[0], order[-1]} if k in items] \
            if order else []
        today = all(len(self.times.short(stamp)) <= _WIDTHS["time"] for stamp in ends)
        return _WIDTHS["time"] if today else timefmt.WIDTH

    def render_line(self, y: int) -> Strip:
        if not self._styles:
            self._paint_styles()  # asked outside a paint
        width = self._width
        row = self.scroll_offset.y + y
        if row >= len(self.listing):
            return Strip.blank(width, self._base_style)
        item_id = self.listing.keys[row]
        strip = self._drawn.get(item_id)
        if strip is None:
            strip = self._drawn[item_id] = self._draw_row(row, item_id, width)
        if row == self.cursor:
            # over the row's own colours (`Strip.apply_style` goes under them); the row
            # as drawn is kept, ready for when the cursor leaves it
            cursor = self._styles["queue--cursor"]
            return Strip(Segment.apply_style(strip, post_style=cursor), strip.cell_length)
        return strip

    def _draw_row(self, row: int, item_id: str, width: int) -> Strip:
        # asked once per row: the app answers from the item's whole story
        killed = self.killed(item_id)
        style = self._base_style + self._row_style(item_id, killed)
        indent = "  └ " if self.listing.depth[row] else ""
        text = indent + self.row_text(item_id, width - len(indent), killed=killed)
        strip = Strip([Segment(text, style)])
        return strip.crop_extend(0, width, style)

    def row_text(self, item_id: str, width: int, *, killed: bool | None = None) -> str:
        """The row as plain characters; wire text never becomes markup here."""
        item = self.wire.items[item_id]
        decision = self.desk.decision(item_id)
        columns, fixed = self._layout(width)
        cells = []
        for column in columns:
            if column == "headline":
                cells.append(_fit(cell(item.headline), max(width - fixed, 10)))
                continue
            if column == "time":
                value = self.times.short(item.sort_time)
            elif column == "urgency":
                value = _urgency_mark(item.urgency,
                                      self.killed(item_id) if killed is None else killed,
                                      self.embargoed(item_id))
            elif column == "source":
                value = cell(item.source)
            elif column == "slug":
                value = cell(item.slug)
            elif column == "words":
                value = str(item.word_count or "")
            elif column == "status":
                value = decision.status
            elif column == "tags":
                value = cell(",".join(decision.tags))
            elif column == "assignee":
                value = cell(decision.assignee)
            else:
                value = self._badge(item_id)
            cells.append(_fit(value, self._widths[column]))
        return " ".join(cells)

    def _layout(self, width: int) -> tuple[tuple[str, ...], int]:
        """The columns at this width and the cells they take besides the headline; the
        same for every row of a paint, so worked out once per width."""
        key = (width, self.columns)
        if self._columns_at[0] != key:
            columns = self.columns_for(width)
            fixed = sum(self._widths.get(c, 0) + 1 for c in columns if c != "headline")
            self._columns_at = (key, columns, fixed)
            self.columns_changed()
        return self._columns_at[1], self._columns_at[2]

    def heads_text(self) -> str:
        """The column heads over the rows, laid out as the rows are; the sorted column
        has its arrow."""
        column, arrow = _SORTED_BY[self.sort]
        return " ".join(_fit(_HEADS.get(name, name) + (arrow if name == column else ""),
                             cells) for name, cells in self._head_cells())

    def column_at(self, x: int) -> str | None:
        """The column drawn at cell `x` of a row (a click on its head)."""
        start = 0
        for name, cells in self._head_cells():
            if start <= x < start + cells:
                return name
            start += cells + 1
        return None

    def _head_cells(self) -> list[tuple[str, int]]:
        width = self._row_width()
        columns, fixed = self._layout(width)
        return [(name, max(width - fixed, 10) if name == "headline" else self._widths[name])
                for name in columns]

    def columns_for(self, width: int) -> tuple[str, ...]:
        """The configured columns that fit: on a narrow terminal the headline keeps
        room to be read, and the least needed columns give way first."""
        columns = list(self.columns)
        for name in _GIVE_WAY:
            fixed = sum(self._widths.get(c, 0) + 1 for c in columns if c != "headline")
            if width - fixed >= _HEADLINE_MIN or "headline" not in columns:
                break
            if name in columns:
                columns.remove(name)
        return tuple(columns)

    def _badge(self, item_id: str) -> str:
        """How many items the story has, and which version this one is (●: marked)."""
        size = self.wire.stories.size_of(item_id)
        marked = "●" if item_id in self.marked else ""
        version = self.wire.items[item_id].version
        shown = f" v{version}" if version and size > 1 and len(version) <= 3 else ""
        return f"{marked}×{size}{shown}" if size > 1 else marked

    def _row_style(self, item_id: str, killed: bool) -> Style:
        item = self.wire.items[item_id]
        decision = self.desk.decision(item_id)
        styles = self._styles
        style = styles["queue--hit"] if item_id in self.hits else Style()
        if decision.status == "spiked":
            return style + styles["queue--spiked"]
        if killed:
            return style + styles["queue--killed"]
        if decision.unread:
            style += styles["queue--new"]
        if item.is_flash:
            return style + styles["queue--flash"]
        if item.urgency is not None and item.urgency <= URGENT:
            style += styles["queue--urgent"]
        if self.wire.stories.size_of(item_id) > 1:
            style += styles["queue--dup"]
        return style


class QueueHeads(Widget):
    """The column heads over the queue, as its rows lay the columns out."""

    DEFAULT_CSS = """
    QueueHeads { height: 1; width: 1fr; color: $text-muted; text-style: bold; }
    """

    def __init__(self, queue: QueueView, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.queue = queue

    def render(self) -> Text:
        return Text(self.queue.heads_text(), no_wrap=True, overflow="crop")

    def on_click(self, event: events.Click) -> None:
        # the mouse's way to `o`: a column's head sorts by it (the time's, again: the
        # other way)
        column = self.queue.column_at(event.x)
        if column is not None:
            self.post_message(SortBy(column))


def _move_thumb(bar: ScrollBar, position: float) -> None:
    """Give the scrollbar its new position; repaint it only if its thumb is drawn
    elsewhere (the position is kept exact: dragging the thumb starts from it)."""
    before = _thumb(bar)
    bar.set_reactive(ScrollBar.position, bar.validate_position(position))
    if _thumb(bar) != before:
        bar.refresh()


def _thumb(bar: ScrollBar) -> list[Segment]:
    """The bar's glyphs as its renderer draws them, sized as `ScrollBar` sizes them (in
    the renderer's default colours: the position does not change the colours)."""
    virtual = bar.window_virtual_size
    window = bar.window_size if bar.window_size < virtual else 0
    drawn = bar.renderer.render_bar(size=bar.size.height, virtual_size=ceil(virtual),
                                    window_size=ceil(window), position=bar.position,
                                    thickness=bar.thickness, vertical=bar.vertical)
    return list(drawn.segments)


def _fit(text: str, width: int) -> str:
    # Measured in terminal cells, so wide (CJK) characters keep the columns aligned.
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…"
    return set_cell_size(text, width)


def _urgency_mark(urgency: int | None, killed: bool, embargoed: bool) -> str:
    if killed:
        return "✖"
    if embargoed:
        return "⏳"
    if urgency is None:
        return ""
    return "‼" if urgency <= 1 else "!" if urgency <= URGENT else ""
