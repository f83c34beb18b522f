"""The preview of the item under the cursor: every field an editor reads before deciding."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text

from tui.app.textpane import TextPane
from tui.app.timefmt import DeskTime
from tui.desk.state import Decision
from tui.model import Item
from tui.textsafe import visible


def render_item(item: Item, decision: Decision, story_size: int, *, killed_by: str = "",
                embargoed: bool = False, times: DeskTime | None = None) -> RenderableType:
    """Built from plain `Text` pieces: wire text is never parsed as markup."""
    times = times or DeskTime()
    parts: list[RenderableType] = []
    if killed_by:
        parts.append(Text(visible(f" KILLED: {killed_by} — do not use this story "),
                          style="bold white on red"))
    if embargoed:
        parts.append(Text(visible(f" EMBARGOED until {item.embargo} "),
                          style="bold black on yellow"))
    parts.append(Text(visible(item.headline), style="bold"))
    if item.deck:
        parts.append(Text(visible(item.deck), style="italic"))
    meta = Text()
    for label, value in (
        ("Source", item.source), ("By", item.byline), ("Dateline", item.dateline.display()),
        ("Time", times.full(item.sort_time)), ("Slug", item.slug), ("Version", item.version),
        ("Urgency", str(item.urgency) if item.urgency else ""), ("Embargo", item.embargo),
        ("Signal", ", ".join(item.signal)), ("Status", decision.status),
        ("Read", "no" if decision.unread else "yes"),
        ("Tags", ", ".join(decision.tags)), ("Assigned", decision.assignee),
        ("Priority", str(decision.priority) if decision.priority else ""),
        ("Note", decision.note), ("Words", str(item.word_count) if item.word_count else ""),
        ("Story", f"{story_size} items" if story_size > 1 else ""),
    ):
        if value:
            meta.append(f"{label}: ", style="dim")
            meta.append(visible(value))
            meta.append("\n")
    parts.append(meta)
    if item.ednote:
        parts.append(Text(visible(f"Ed. note: {item.ednote}"), style="reverse"))
    for paragraph in item.paragraphs:
        parts.append(Text(visible(paragraph) + "\n"))
    for quote in item.pull_quotes:
        parts.append(Text(visible(f"Pull quote: {quote}"), style="italic dim"))
    for caption in item.captions:
        parts.append(Text(visible(f"Caption: {caption}"), style="dim"))
    return Group(*parts)


class Preview(TextPane):
    """The item under the cursor, drawn from its own lines: a new item repaints this pane
    and lays nothing else out."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(Text("No item selected.", style="dim"), id=id)
        self.shown: RenderableType | None = None

    def show(self, renderable: RenderableType) -> None:
        self.shown = renderable
        self.show_renderable(renderable)
