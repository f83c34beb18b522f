"""A pane of read-only text drawn line by line, for the preview and the story panel.

A `Static` in a `VerticalScroll` sizes itself to its content, so every new item laid the
whole screen out again (and rendered the item twice: once to measure, once to draw). This
pane keeps its box: `show` renders the content once into strips for the current width,
and the screen only repaints the pane's lines.
"""

from __future__ import annotations

from rich.console import RenderableType
from textual import events
from textual.color import Color
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.scrollbar import ScrollBar
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
        /* Always a scrollbar, hidden while the text fits (see `_hide_bar`): its coming
           and going would lay the screen out again, and change the width the text is
           wrapped to. */
        overflow-y: scroll;
        padding: 0 1;
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
        self._bar_hidden = False

    @property
    def lines(self) -> list[Strip]:
        """The content as drawn at the pane's width, one strip per line."""
        return self._render_strips()

    @property
    def text(self) -> str:
        """What the pane shows, as plain characters."""
        return "\n".join(strip.text.rstrip() for strip in self.lines)

    def show_renderable(self, content: RenderableType) -> None:
        """Show `content` from its first line. A string is shown as its characters, never
        read as markup: wire text runs nothing here."""
        before, at_top = self._strips, self.scroll_offset.y == 0
        self._content = content
        self._rendered_width = None
        if self._render_strips() == before and at_top:
            return  # the same lines (one lone story after another): nothing to repaint
        self._fit_virtual_size()
        if not at_top:
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
        was_hidden = self._bar_hidden
        self._hide_bar(size.height <= view.height)  # repaints the bar if it changes
        if size == self.virtual_size:
            return
        # The box and its scrollbar stay: only the thumb changes. Setting `virtual_size`
        # the usual way would lay the whole screen out again.
        self.set_reactive(ScrollView.virtual_size, size)
        # the bar told all at once and repainted once (each of its reactives set the usual
        # way asks for a repaint of its own)
        bar = self.vertical_scrollbar
        bar.set_reactive(ScrollBar.window_virtual_size, size.height)
        bar.set_reactive(ScrollBar.window_size, view.height)
        bar.set_reactive(ScrollBar.position, bar.validate_position(self.scroll_offset.y))
        if not (was_hidden and self._bar_hidden):
            bar.refresh()  # (a hidden bar looks the same wherever its thumb is)

    def _hide_bar(self, hidden: bool) -> None:
        """The scrollbar drawn in transparent colours while the text fits. Set as the
        pane's own style: a CSS class would match the stylesheet against the pane and
        its scrollbars again (a millisecond, for every other item in the preview)."""
        if hidden == self._bar_hidden:
            return
        self._bar_hidden = hidden
        for rule in _BAR_COLOURS:
            setattr(self.styles, rule, _TRANSPARENT if hidden else None)


_BAR_COLOURS = ("scrollbar_background", "scrollbar_background_hover",
                "scrollbar_background_active", "scrollbar_color", "scrollbar_color_hover",
                "scrollbar_color_active")
_TRANSPARENT = Color(0, 0, 0, 0)
