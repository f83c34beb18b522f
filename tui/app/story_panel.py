"""The story panel: who else has this story, how each item relates, and why."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text

from tui.app.textpane import TextPane
from tui.app.timefmt import DeskTime
from tui.dedup.lineage import by_lineage, lineage_why
from tui.textsafe import cell
from tui.wire import Wire

_RELATION_STYLE = {"lead": "bold", "repeat": "dim", "version": "cyan", "correction": "yellow",
                   "other_agency": "magenta", "same_event": "magenta", "merged": "green",
                   "kill": "bold red"}


def render_story(wire: Wire, key: str, times: DeskTime | None = None) -> Table | Text:
    times = times or DeskTime()
    cluster = wire.stories.cluster_of(key)
    if cluster is None or len(cluster.members) < 2:
        return Text("A story of one: no other copy of it yet.", style="dim")
    table = Table(title=f"Story: {len(cluster.members)} items", expand=True, show_edge=False,
                  title_justify="left", pad_edge=False)
    table.add_column("time", max_width=12, no_wrap=True, overflow="ellipsis")
    table.add_column("source", max_width=14, overflow="ellipsis", no_wrap=True)
    table.add_column("relation", no_wrap=True)
    table.add_column("score", justify="right", width=5)
    table.add_column("why", ratio=1, overflow="fold")
    for member in by_lineage(cluster.members, lambda m: (m.id, m.lineage, m.relation)):
        item = wire.items.get(member.id)
        if item is None:
            continue
        here = "▶ " if member.id == key else ""
        # a lineage's first item says why the lineage is in the story; the rest of
        # the lineage sits under it, each with its relation to the item it follows
        first = member.id == member.lineage or not member.lineage
        relation = ("" if first else "└ ") + member.relation.replace("_", " ")
        why = (*member.why, *lineage_why(first, member.relation, member.joined))
        table.add_row(Text(times.short(item.sort_time)), Text(here + cell(item.source)),
                      Text(relation, style=_RELATION_STYLE.get(member.relation, "")),
                      Text(str(member.score) if member.relation != "lead" else ""),
                      Text(cell("; ".join(why))))
    return table


class StoryPanel(TextPane):
    """The story of the item under the cursor, drawn from its own lines like the
    preview."""

    def show(self, wire: Wire, key: str | None, times: DeskTime | None = None) -> None:
        self.show_renderable(render_story(wire, key, times) if key and key in wire.items
                             else Text(""))
