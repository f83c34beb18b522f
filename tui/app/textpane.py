"""A pane of read-only text drawn line by line, for the preview and the story panel.

A `Static` in a `VerticalScroll` sizes itself to its content, so every new item laid the
whole screen out again (and rendered the item twice: once to measure, once to draw). This
pane keeps its box: `show` renders the content once into strips for the current width,
and the screen only repaints the pane's lines.
"""

from __future__ import annotations

from rich.console import RenderableType
from textual import events
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.visual import Visual, visualize


class TextPane(ScrollView, can_focus=True):
    """Scrolls with the keys of a scrollable container (up, down, page up/down, home,
    end) when focused, and with the mouse wheel."""

    # as the scrolling container these panes replace: they are read beside the queue
    ALLOW_MAXIMIZE = False

    DEFAULT_CSS = """
    TextPane {
        overflow-x: hidden;
        /* Always a scrollbar, hidden while the text fits: its coming and going would lay
           the screen out again, and change the width the text is wrapped to. */
        overflow-y: scroll;
        padding: 0 1;
    }
    TextPane.-fits {
        scrollbar-background: transparent;
        scrollbar-background-hover: transparent;
        scrollbar-background-active: transparent;
        scrollbar-color: transparent;
        scrollbar-color-hover: transparent;
        scrollbar-color-active: transparent;
    }
    """

    def __init__(self, placeholder: RenderableType = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        # the text is the wire's, never a link to follow (and styling links costs a pass)
        self.set_reactive(TextPane.auto_links, False)
        self._content: RenderableType = placeholder
        self._strips: list[Strip] = []
        #: the width the strips were rendered for; None: render again before drawing
        self._rendered_width: int | None = None
        #: and the style: they carry the colours of the theme they were rendered with
        self._rendered_style: VisualStyle | None = None

    @property
    def lines(self) -> list[Strip]:
        """The content as drawn at the pane's width, one strip per line."""
        return self._render_strips()

    def show_renderable(self, content: RenderableType) -> None:
        """Show `content` from its first line. A string is shown as its characters, never
        read as markup: wire text runs nothing here."""
        before, at_top = self._strips, self.scroll_offset.y == 0
        self._content = content
        self._rendered_width = None
        if self._render_strips() == before and at_top:
            return  # the same lines (one lone story after another): nothing to repaint
        self._fit_virtual_size()
        self.scroll_home(animate=False, immediate=True)
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        # Once per paint, not per line: the width or the theme may have changed since.
        self._render_strips()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        if row < len(self._strips):
            return self._strips[row]
        return Strip.blank(self._rendered_width or 0, self.rich_style)

    def on_resize(self, _event: events.Resize) -> None:
        # The screen may already have drawn (and so re-wrapped) the lines at the new
        # width before this event: the scrollable height follows either way.
        self._render_strips()
        self._fit_virtual_size()
        self.refresh()

    @property
    def _width(self) -> int:
        # inside the padding and the scrollbar's gutter
        return self.scrollable_content_region.width

    def _render_strips(self) -> list[Strip]:
        width, style = self._width, self.visual_style
        if self._rendered_width == width and self._rendered_style == style:
            return self._strips
        if width <= 0:
            self._strips = []  # not laid out yet: the first resize renders
            return self._strips
        visual = visualize(self, self._content, markup=False)
        self._strips = Visual.to_strips(self, visual, width, None, style, pad=True)
        self._rendered_width, self._rendered_style = width, style
        return self._strips

    def _fit_virtual_size(self) -> None:
        view = self.scrollable_content_region.size
        size = Size(view.width, len(self._strips))
        self.set_class(size.height <= view.height, "-fits")
        if size == self.virtual_size:
            return
        # The box and its scrollbar stay: only the thumb changes. Setting `virtual_size`
        # the usual way would lay the whole screen out again.
        self.set_reactive(ScrollView.virtual_size, size)
        bar = self.vertical_scrollbar
        bar.window_virtual_size = size.height
        bar.window_size = view.height
        bar.position = self.scroll_offset.y
        bar.refresh()
