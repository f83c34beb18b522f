"""Read-only screens: the quarantine and the version diff."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.dedup.diff import Paragraph, VersionDiff
from tui.ingest import Quarantined
from tui.textsafe import cell, visible

_SPAN_STYLE = {"added": "bold green", "removed": "strike red", "same": ""}


class _Report(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="report.close"),
    ]

    def body(self) -> RenderableType:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="report-body"):
            yield Static(self.body())

    def action_close(self) -> None:
        self.dismiss(None)


class QuarantineScreen(_Report):
    """Files that could not be read, with the reason, so the editor can chase the feed."""

    def __init__(self, entries: list[Quarantined], roots: tuple[Path, ...] = ()) -> None:
        super().__init__()
        self.entries = entries
        self.roots = roots

    def shown_path(self, path: str) -> str:
        """The path inside the inbox folder that holds it: what the editor knows."""
        for root in self.roots:
            with contextlib.suppress(ValueError):
                return f"{root.name}/{Path(path).relative_to(root)}"
        return path

    def body(self) -> RenderableType:
        if not self.entries:
            return Text("Nothing in quarantine: every file in the inbox was read.")
        table = Table(title=f"Quarantine: {len(self.entries)} file(s) set aside", expand=True)
        table.add_column("File", overflow="fold", ratio=2)
        table.add_column("Why", overflow="fold", ratio=3)
        for entry in self.entries:
            table.add_row(Text(cell(self.shown_path(entry.path))),
                          Text(cell(entry.reason)))
        return table


class DiffScreen(_Report):
    """What this version changed against the one before it, paragraph by paragraph."""

    def __init__(self, diff: VersionDiff, title: str) -> None:
        super().__init__()
        self.diff = diff
        self.title_text = title

    def body(self) -> RenderableType:
        parts: list[RenderableType] = [
            Text(visible(self.title_text), style="bold"),
            Text(visible(self.diff.summary()), style="italic"),
            Text(""),
        ]
        if self.diff.headline.kind != "same":
            parts.append(Text.assemble(("Headline: ", "dim"), render_paragraph(
                self.diff.headline)))
        for paragraph in self.diff.paragraphs:
            parts.append(render_paragraph(paragraph))
            parts.append(Text(""))
        return Group(*parts)


def render_paragraph(paragraph: Paragraph) -> Text:
    """A paragraph with its changes marked; the marks are styles, never markup."""
    if paragraph.kind == "added":
        return Text.assemble(("+ ", "bold green"), (visible(paragraph.new), "green"))
    if paragraph.kind == "removed":
        return Text.assemble(("- ", "bold red"), (visible(paragraph.old), "strike red"))
    if paragraph.kind == "same":
        return Text("  " + visible(paragraph.new or paragraph.old), style="dim")
    text = Text("~ ", style="bold yellow")
    for index, span in enumerate(paragraph.spans):
        if index:
            text.append(" ")
        text.append(visible(span.text), style=_SPAN_STYLE.get(span.kind, ""))
    return text
