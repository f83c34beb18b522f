"""Shared fixtures. Every test runs with its own config and state folders, so no test
ever reads or writes the developer's own wiredesk files."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from wiredesk_testdata import SEEDS

from tui.config import Config, load_config


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory,
                   monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    home = tmp_path_factory.mktemp("home")
    for variable in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    monkeypatch.setenv("HOME", str(home))
    yield


@pytest.fixture
def config() -> Config:
    """The bundled default, except that files written by a test are read at once rather
    than after the usual wait for a feed to finish writing them, and that resting on an
    item does not read it (a slow machine would change a test's counts) unless the test
    sets `[desk] seen_after` itself."""
    loaded = load_config(use_user_dir=False)
    return dataclasses.replace(
        loaded, inbox=dataclasses.replace(loaded.inbox, settle_seconds=0.0),
        desk=dataclasses.replace(loaded.desk, seen_after=3600.0))


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    """A private copy of the bundled seeds, so a test can add or break files."""
    folder = tmp_path / "inbox"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture
def state_file(tmp_path: Path) -> Path:
    return tmp_path / "state" / "desk.toml"

