"""The desk: the state of every decision plus where it is kept. Each change is on disk
before the call returns; if the disk refuses, the change stays in memory and the
caller is told, so the editor can be told."""

from __future__ import annotations

import getpass
from pathlib import Path

from tui.desk import store
from tui.desk.state import Decision, DeskState


class SaveFailed(Exception):
    """A decision was made but could not be written; it is kept in memory."""


class Desk:
    def __init__(self, path: Path, editor: str = "") -> None:
        self.path = path
        self.editor = editor or _login_name()
        self.state: DeskState = store.load(path)
        self.unsaved = False

    def decision(self, item_id: str) -> Decision:
        return self.state.get(item_id)

    def tag(self, item_id: str, *tags: str) -> None:
        self.state.add_tags(item_id, tuple(t.strip() for t in tags if t.strip()))
        self._save()

    def untag(self, item_id: str, *tags: str) -> None:
        self.state.remove_tags(item_id, tags)
        self._save()

    def set_status(self, item_id: str, status: str) -> None:
        self.state.set_status(item_id, status)
        self._save()

    def retry_save(self) -> None:
        if self.unsaved:
            self._save()

    def _save(self) -> None:
        try:
            store.save(self.path, self.state)
        except OSError as exc:
            self.unsaved = True
            raise SaveFailed(
                f"Could not save to {self.path}: {exc.strerror}. The decision is kept "
                "in memory; free disk space or fix the folder's permissions and it will "
                "be saved with your next action."
            ) from exc
        self.unsaved = False


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "editor"
