"""The desk the app tests drive: the bundled seeds, a private state file."""

from __future__ import annotations

from pathlib import Path

import pytest
from pilot_steps import seeds_app

from tui.app.app import WiredeskApp
from tui.config import Config


@pytest.fixture
def app(config: Config, inbox: Path, state_file: Path) -> WiredeskApp:
    """A module of tests may give its own (test_keys.py adds files to the inbox)."""
    return seeds_app(config, inbox, state_file)
