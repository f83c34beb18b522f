"""A bidi override in wire text or a tag cannot reverse the rest of a queue row: every
text cell is drawn without embeddings, overrides or isolates."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rich.cells import cell_len

from tui.app.queue import QueueView
from tui.config import Config
from tui.desk.desk import Desk
from tui.ingest import read_file
from tui.wire import Wire

BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
COLUMNS = ("time", "source", "slug", "headline", "status", "tags", "assignee")


def test_a_bidi_override_in_a_headline_does_not_reverse_the_row(
        config: Config, tmp_path: Path) -> None:
    rows = [{"id": "evil-1", "headline": "Baghuz \u202efalls", "slug": "\u2067slug",
             "source": "\u202dAP", "body": "b"},
            {"id": "calm-1", "headline": "Baghuz falls", "slug": "slug", "source": "AP",
             "body": "b"}]
    path = tmp_path / "day.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    wire = Wire(config.dedup, group=False)
    wire.add_result(read_file(path))
    desk = Desk(tmp_path / "desk.toml", editor="t")
    for key in ("evil-1", "calm-1"):
        desk.tag(key, "\u202eworld")
        desk.assign(key, "Ben Okafor")
    queue = QueueView(wire, desk, COLUMNS)
    evil, calm = queue.row_text("evil-1", 160), queue.row_text("calm-1", 160)
    assert not BIDI.search(evil)
    assert "Baghuz falls" in evil and "world" in evil
    # the same cells as the row without the overrides, at the same places
    assert evil == calm
    assert cell_len(evil) == 160
