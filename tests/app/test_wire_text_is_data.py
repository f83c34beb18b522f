"""Wire text is data: never Rich/Textual markup, never terminal escape sequences."""

from __future__ import annotations

import json
from pathlib import Path

from rich.console import Console

from tui.app.preview import Preview, render_item
from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk
from tui.desk.state import Decision
from tui.ingest import read_file
from tui.textsafe import strip_controls, visible

HOSTILE = "[bold]X[/] [@click=app.quit]Y[/] [link=file:///etc/passwd]Z"


def test_controls_and_escapes_are_removed_or_shown() -> None:
    assert strip_controls("a\x1b[31mred\x1b[0m\x07b\x00c\x7f") == "aredbc"
    assert strip_controls("\x1b]0;owned\x07title") == "title"
    assert visible("esc\x1bhere\x07") == "esc\u241bhere\u2407"
    assert visible("tab\tand\nnewline") == "tab\tand\nnewline"


def test_parsed_items_carry_no_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "evil.txt"
    path.write_bytes(b"Head \x1b[2J\x1b[31mline\x07\n\nBody \x1b]0;pwned\x07 text\x04.\n")
    (item,) = read_file(path).items
    assert item.headline == "Head line"
    assert item.body == "Body text."


def test_preview_renders_markup_literally() -> None:
    (item,) = _items_from_jsonl(HOSTILE)
    console = Console(width=200, record=True, color_system=None)
    console.print(render_item(item, Decision(tags=("[red]t[/]",)), 1))
    out = console.export_text()
    assert HOSTILE in out
    assert "[red]t[/]" in out


async def test_queue_and_preview_show_markup_as_characters(
        config: Config, tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    record = {"id": "evil-1", "headline": HOSTILE + " \x1b[31mRED\x1b[0m",
              "body": "[b]not bold[/b]\n\n\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
              "source": "[i]Agency[/i]"}
    (inbox / "evil.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(
        {"id": "calm-1", "headline": "calm", "body": "calm"}) + "\n", encoding="utf-8")
    app = build_app(config, [inbox], Desk(tmp_path / "desk.toml", editor="t"))
    async with app.run_test(size=(200, 30)) as pilot:
        await app.wait_loaded()
        await pilot.pause()
        queue = app.query_one(QueueView)
        row = app.wire.order.index("evil-1")
        queue.move_to(row)
        await pilot.pause()
        line = queue.render_line(row - queue.scroll_offset.y).text
        assert "[bold]X[/] [@click=app.quit]Y" in line
        assert "\x1b" not in line
        # clicking the row runs nothing that the text names
        await pilot.click(QueueView, offset=(60, row))
        await pilot.pause()
        assert app.is_running
        plain = _plain(app.query_one(Preview).shown)
        assert HOSTILE in plain
        assert "[b]not bold[/b]" in plain


def _plain(renderable: object) -> str:
    console = Console(width=200, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def _items_from_jsonl(headline: str):  # type: ignore[no-untyped-def]
    from tui.ingest.jsonl import parse_object

    return [parse_object({"id": "x", "headline": headline, "body": "b"}, "p", "")]
