"""The inbox as the configuration describes it: one place for the app, `wiredesk watch`
and the desk commands to make it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from tui.config import Config
from tui.ingest.cache import IngestCache
from tui.ingest.inbox import FolderWatcher, Inbox


def make_inbox(config: Config, folders: Sequence[Path], cache: Path | None, *,
               watch: bool = True, settle: bool = True) -> Inbox:
    """The inbox as the config describes it (the app's, `watch`'s and the desk
    commands'); `settle=False` reads files however recent (a one-off command)."""
    return Inbox(tuple(folders), IngestCache(cache) if cache else None,
                 settle_seconds=config.inbox.settle_seconds if settle else 0.0,
                 ignore=config.inbox.ignore, rescan_seconds=config.inbox.rescan_seconds,
                 watcher=FolderWatcher(folders) if watch else None)
