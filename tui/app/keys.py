"""Every key of the desk: the table the app binds, the help screen's rows and the
command palette's entries, all read from the same bindings so they never disagree."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType

from tui.app.queue import QueueView
from tui.app.screens import HelpRow

Group = str


def _b(key: str, action: str, text: str, binding_id: str, show: bool = False,
       short: str = "") -> Binding:
    """`text` is what help and the palette say; `short`, the footer's word for a key it
    shows (a footer of 80 columns holds the main keys only with one word each)."""
    return Binding(key, action, short or text, id=binding_id, show=show, tooltip=text)


def said(binding: Binding) -> str:
    """What a binding does, as help and the palette say it."""
    return binding.tooltip or binding.description


#: every key of the desk, grouped as the help screen shows them
KEYS: dict[Group, list[Binding]] = {
    "Decide": [
        _b("t", "tag", "Tag", "queue.tag", show=True),
        _b("a", "assign", "Assign", "queue.assign", show=True),
        _b("s", "spike", "Spike / unspike", "queue.spike", show=True, short="Spike"),
        _b("U", "used", "Mark used", "queue.used"),
        _b("r", "read", "Read / unread", "queue.read"),
        _b("R", "read_view", "Mark everything in the view read", "queue.read_view"),
        _b("p", "priority", "Priority", "queue.priority"),
        _b("e", "note", "Note", "queue.note"),
        _b("y", "yank('headline')", "Copy headline and id", "queue.yank"),
        _b("Y", "yank('body')", "Copy the body", "queue.yank_body"),
        _b("space", "mark", "Mark for bulk work", "queue.mark"),
        _b("escape", "clear", "Clear marks, filter and search", "queue.clear"),
        _b("u", "undo", "Undo", "desk.undo", show=True),
        _b("ctrl+r", "redo", "Redo", "desk.redo"),
    ],
    "Stories": [
        _b("m", "merge", "Merge marked into this story", "story.merge", show=True,
           short="Merge"),
        _b("M", "split", "Take out of its story", "story.split"),
        _b("x", "not_same", "Not the same story", "story.not_same"),
        _b("L", "lead", "Make this the story's lead", "story.lead"),
        _b("d", "diff", "Diff against the previous version", "story.diff",
           short="Diff"),
        _b("v", "view", "Flat / stories view", "view.toggle", short="Stories"),
        _b("o", "sort", "Sort: newest, oldest, urgency, source, story size", "view.sort"),
        _b("enter,right", "open", "Open / close a story", "view.open"),
        _b("left", "close_story", "Close a story", "view.close"),
    ],
    "Find": [
        _b("slash", "search", "Search", "find.search", show=True),
        _b("n", "next_hit(1)", "Next search hit", "find.next_hit"),
        _b("N", "next_hit(-1)", "Previous search hit", "find.previous_hit"),
        _b("J", "next_unread(1)", "Next unread", "find.next_unread"),
        _b("K", "next_unread(-1)", "Previous unread", "find.previous_unread"),
        _b("F", "next_flash", "Next FLASH or BULLETIN", "find.next_flash"),
        _b("f", "filter", "Filter", "find.filter"),
        *[_b(str(n), f"saved_view('{n}')", f"Saved view {n}", f"find.view{n}")
          for n in range(1, 10)],
    ],
    "Desk": [
        _b("z", "zoom", "Zoom the preview to the whole screen (escape: back)", "app.zoom"),
        _b("Q", "quarantine", "Quarantined files", "app.quarantine"),
        _b("tab", "focus_next", "Next pane", "app.next_pane"),
        _b("question_mark", "help", "Help", "app.help", show=True),
        _b("q", "quit", "Quit", "app.quit", show=True),
    ],
}




def binding_scope(owners: Iterable[Any]) -> dict[str, str]:
    """Binding id -> default keys, of bindings that are live together (one screen)."""
    scope = {}
    for owner in owners:
        for binding in owner.BINDINGS:
            if isinstance(binding, Binding) and binding.id:
                scope[binding.id] = binding.key
    return scope


def help_rows(keymap: dict[str, str], display: Callable[[Binding], str]) -> list[HelpRow]:
    groups: list[tuple[str, list[BindingType]]] = [("Move", QueueView.BINDINGS)]
    groups += [(group, list(bindings)) for group, bindings in KEYS.items()]
    rows: list[HelpRow] = []
    for group, bindings in groups:
        for binding in bindings:
            assert isinstance(binding, Binding)
            bound = keymap.get(binding.id or "", binding.key)
            shown = ", ".join(display(Binding(k.strip(), binding.action))
                              for k in bound.split(","))
            rows.append((group, shown, said(binding), binding.id or ""))
    return rows


def palette(app: App[None], queue: QueueView, rows: list[HelpRow]) -> Iterator[SystemCommand]:
    owners: list[tuple[App[None] | QueueView, list[BindingType]]] = [
        (app, app.BINDINGS), (queue, QueueView.BINDINGS)]
    for group, shown, description, binding_id in rows:
        for owner, bindings in owners:
            action = next((b.action for b in bindings
                           if isinstance(b, Binding) and b.id == binding_id), None)
            if action is not None:
                yield SystemCommand(f"{description} ({shown})", f"{group}: {binding_id}",
                                    functools.partial(app.run_action, action, owner))
                break
