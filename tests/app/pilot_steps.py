"""Steps the Pilot tests of the desk share: the app on the seeds, wait for the day, put
the cursor on an item, write an inbox of JSON Lines."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from textual.pilot import Pilot

from tui.app.app import WiredeskApp
from tui.app.queue import QueueView
from tui.cli import build_app
from tui.config import Config
from tui.desk.desk import Desk


def seeds_app(config: Config, inbox: Path, state_file: Path,
              seen_after: float | None = None) -> WiredeskApp:
    """The app on the seeds as editor "ana"; `seen_after`: the seconds resting on an
    item reads it (the tests' config reads nothing by resting)."""
    if seen_after is not None:
        config = dataclasses.replace(config, desk=dataclasses.replace(
            config.desk, seen_after=seen_after))
    return build_app(config, [inbox], Desk(state_file, editor="ana"), poll_seconds=60)


async def started(app: WiredeskApp, pilot: Pilot[None]) -> QueueView:
    """The queue, once the first load is done and its stories are built."""
    await app.wait_loaded()
    await pilot.pause()
    return app.query_one(QueueView)


async def on_item(pilot: Pilot[None], queue: QueueView, key: str) -> None:
    queue.move_to(queue.listing.row_of[key])
    await pilot.pause()


def jsonl_inbox(folder: Path, records: list[dict[str, Any]]) -> Path:
    """A folder holding one JSON Lines file of these records."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    return folder
