"""Where wiredesk finds its bundled files and keeps the user's."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "wiredesk"
_PACKAGE = Path(__file__).resolve().parent


def _bundled(name: str) -> Path:
    # An installed wheel carries config/ and seeds/ inside the package; a source checkout
    # (and an editable install) has them at the top of the repository.
    inside = _PACKAGE / "_bundled" / name
    return inside if inside.exists() else _PACKAGE.parent / name


def bundled_config() -> Path:
    return _bundled("config") / "wiredesk.toml"


def bundled_seeds() -> Path:
    return _bundled("seeds")


def user_config_file() -> Path:
    return Path(platformdirs.user_config_dir(APP_NAME)) / "wiredesk.toml"


def ui_prefs_file() -> Path:
    """The screen's preferences chosen in the app (the theme), beside the config."""
    return Path(platformdirs.user_config_dir(APP_NAME)) / "ui.toml"


def cache_file() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME)) / "ingest.sqlite3"


def default_state_file() -> Path:
    return Path(platformdirs.user_state_dir(APP_NAME)) / "desk.toml"
