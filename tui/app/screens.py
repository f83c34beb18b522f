"""Modal screens for the editor's input: help, the fuzzy picker and a one-line prompt."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rapidfuzz import fuzz, process
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

HelpRow = tuple[str, str, str, str]


class HelpScreen(ModalScreen[None]):
    """Every key, read from the live bindings so that a remapped key shows as remapped."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Close", id="help.close"),
    ]

    def __init__(self, rows: list[HelpRow]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        # Rich reads a column's header as markup: `[keymap]` would vanish as a tag
        table = Table(title=Text("wiredesk keys"), expand=True, show_edge=False)
        table.add_column(Text("Where"), style="dim")
        table.add_column(Text("Key"), style="bold")
        table.add_column(Text("Action"))
        table.add_column(Text("Binding id ([keymap] in the config)"), style="dim")
        group = ""
        for where, keys, description, binding_id in self.rows:
            if where != group and group:
                table.add_section()
            group = where
            table.add_row(Text(where), Text(keys), Text(description), Text(binding_id))
        self.table = table
        with VerticalScroll(id="help-body"):
            yield Static(table)

    def action_close(self) -> None:
        self.dismiss(None)


class Picker(ModalScreen[str | None]):
    """Pick one of the choices; typing filters fuzzily. With `allow_free`, whatever was
    typed can be chosen too (a new tag)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("down", "cursor(1)", "Next", id="picker.next", show=False),
        Binding("up", "cursor(-1)", "Previous", id="picker.previous", show=False),
        # before the input's own backspace: on an empty line it takes the last held off
        Binding("backspace", "remove_last", "Remove the last", id="picker.remove_last",
                show=False, priority=True),
    ]

    def __init__(self, title: str, choices: tuple[str, ...], allow_free: bool = False,
                 free_label: str = "new", *, current: tuple[str, ...] = (),
                 confirm_free: bool = False) -> None:
        """`current`: what the item holds now (the tags), listed first with a tick;
        choosing one of them, or backspace on an empty line for the last, gives it back
        for the caller to take off. `confirm_free`: a new choice needs a second enter."""
        super().__init__()
        self.title_text = title
        self.current = current
        self.choices = (*current, *(c for c in choices if c not in current))
        self.allow_free = allow_free
        self.free_label = free_label
        self.confirm_free = confirm_free
        self._shown_for = ""
        self._confirming: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="picker"):
            yield Label(Text(self.title_text), id="picker-title")
            if self.current:
                yield Label(Text(f"now: {', '.join(self.current)} (choose one, or backspace, "
                                 "to take it off)", style="dim"), id="picker-current")
            yield Input(placeholder="type to filter, enter to choose", id="picker-input")
            yield OptionList(*[Option(self._label(c), id=c) for c in self.choices],
                             id="picker-options")
            yield Label(Text(""), id="picker-hint")

    def _label(self, choice: str, shown: str | None = None) -> Text:
        return Text(("✓ " if choice in self.current else "") + (shown or choice))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            options.highlighted = 0

    def ranked(self, query: str) -> list[tuple[str, str]]:
        """(choice, label) in the order offered for what was typed."""
        if not query:
            return [(c, c) for c in self.choices]
        ranked = process.extract(query, self.choices, scorer=fuzz.WRatio, limit=None,
                                 score_cutoff=60)
        found = [(name, name) for name, _score, _index in ranked]
        if self.allow_free and query not in self.choices:
            free = (query, f"{self.free_label}: {query}")
            strong = bool(ranked) and ranked[0][1] >= 85
            found = [*found, free] if strong else [free, *found]
        return found

    def on_input_changed(self, event: Input.Changed) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self._shown_for = event.value.strip()
        options.add_options([Option(self._label(choice, label), id=choice)
                             for choice, label in self.ranked(self._shown_for)])
        if options.option_count:
            options.highlighted = 0
        self._confirming = None
        self.query_one("#picker-hint", Label).update(Text(""))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        choice: str | None = None
        if typed != self._shown_for:
            # typed faster than the list followed: choose from what was typed, not from
            # a list that still shows an earlier query
            best = self.ranked(typed)
            choice = best[0][0] if best else None
        else:
            options = self.query_one(OptionList)
            if options.highlighted is not None and options.option_count:
                choice = options.get_option_at_index(options.highlighted).id
            elif self.allow_free and typed:
                choice = typed
        if choice is not None:
            self._choose(choice)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self._choose(event.option.id)

    def _choose(self, choice: str) -> None:
        if self.confirm_free and choice not in self.choices and choice != self._confirming:
            # a typo must not become a tag by itself: say so, and take a second enter
            self._confirming = choice
            self.query_one("#picker-hint", Label).update(Text(
                f"{self.free_label} '{choice}'? enter again to create it, escape to cancel",
                style="bold"))
            return
        self.dismiss(choice)

    def action_remove_last(self) -> None:
        field = self.query_one(Input)
        if field.value:
            field.action_delete_left()
        elif self.current:
            self.dismiss(self.current[-1])

    def action_cursor(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -1
            options.highlighted = (current + delta) % options.option_count

    def action_cancel(self) -> None:
        self.dismiss(None)


class Prompt(ModalScreen[str | None]):
    """One line of text: a note, a filter, a search. Escape cancels; an error from the
    caller is shown under the input and the prompt stays open."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel"),
    ]

    def __init__(self, title: str, value: str = "", hint: str = "",
                 check: Callable[[str], str | None] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.check = check

    def compose(self) -> ComposeResult:
        with Vertical(id="prompt"):
            yield Label(Text(self.title_text), id="prompt-title")
            yield Input(value=self.value, id="prompt-input")
            yield Label(Text(self.hint, style="dim"), id="prompt-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        problem = self.check(event.value) if self.check else None
        if problem:
            self.show_error(problem)
        else:
            self.dismiss(event.value)

    def show_error(self, message: str) -> None:
        self.query_one("#prompt-hint", Label).update(Text(message, style="bold red"))

    def action_cancel(self) -> None:
        self.dismiss(None)
