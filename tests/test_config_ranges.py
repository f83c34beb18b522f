"""Values the loader checks beyond their type: numeric ranges, key names in [keymap],
saved views that must parse, the [inbox] ignore patterns, and a --config that is a folder."""

from __future__ import annotations

import dataclasses
import math
import typing
from pathlib import Path
from typing import Any

import pytest

from tui import config as config_module
from tui.config import Config, ConfigError, InboxConfig, load_config
from tui.dedup.settings import Settings
from tui.keynames import key_problem
from tui.ranges import Range, range_of

DEFAULT_IGNORE = ("MANIFEST.md", "README*", ".*", "*~", "*.swp", "*.swo", "*.tmp", "*.part",
                  "*.crdownload", "#*#")


def _write(tmp_path: Path, text: str, name: str = "user.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _error(path: Path) -> ConfigError:
    with pytest.raises(ConfigError) as caught:
        load_config(path, use_user_dir=False)
    return caught.value


# ---- numeric ranges ------------------------------------------------------------------

@pytest.mark.parametrize(("table", "key", "value", "message"), [
    ("dedup", "window_hours", "-5",
     "dedup.window_hours = -5 is out of range: must be more than 0 hours"),
    ("dedup", "window_hours", "0",
     "dedup.window_hours = 0 is out of range: must be more than 0 hours"),
    ("dedup", "window_hours", "nan",
     "dedup.window_hours = nan is not a finite number: must be more than 0 hours"),
    ("dedup", "window_hours", "inf",
     "dedup.window_hours = inf is not a finite number: must be more than 0 hours"),
    ("dedup", "event_min", "inf",
     "dedup.event_min = inf is not a finite number: must be from 0 to 100"),
    ("dedup", "event_min", "100.5",
     "dedup.event_min = 100.5 is out of range: must be from 0 to 100"),
    ("dedup", "w_names", "1.5", "dedup.w_names = 1.5 is out of range: must be from 0 to 1"),
    ("dedup", "key_terms", "0", "dedup.key_terms = 0 is out of range: must be 1 or more"),
    ("inbox", "settle_seconds", "-1e308",
     "inbox.settle_seconds = -1e+308 is out of range: must be 0 seconds or more"),
    ("inbox", "settle_seconds", "-inf",
     "inbox.settle_seconds = -inf is not a finite number: must be 0 seconds or more"),
    ("inbox", "rescan_seconds", "0",
     "inbox.rescan_seconds = 0 is out of range: must be more than 0 seconds"),
])
def test_out_of_range_names_file_line_key_and_range(tmp_path: Path, table: str, key: str,
                                                    value: str, message: str) -> None:
    user = _write(tmp_path, f"# mine\n\n[{table}]\n\n{key} = {value}\n", "wiredesk.toml")
    error = _error(user)
    assert str(error) == f"{user}:5: {message}"
    assert error.line == 5


def test_the_range_is_found_on_a_dotted_key_too(tmp_path: Path) -> None:
    user = _write(tmp_path, "dedup.window_hours = -5\n")
    assert str(_error(user)).startswith(f"{user}:1: dedup.window_hours = -5 is out of range")


NumericField = tuple[str, dataclasses.Field[Any], type]


def _numeric_fields(cls: type, where: tuple[str, ...] = ()) -> list[NumericField]:
    found: list[NumericField] = []
    hints = typing.get_type_hints(cls)
    for f in dataclasses.fields(cls):
        kind = hints[f.name]
        if dataclasses.is_dataclass(kind):
            found += _numeric_fields(typing.cast(type, kind), (*where, f.name))
        elif kind in (int, float):
            found.append((".".join((*where, f.name)), f, kind))
    return found


NUMERIC = _numeric_fields(Config)


def test_the_schema_has_numeric_keys_in_every_numeric_table() -> None:
    names = {name for name, _, _ in NUMERIC}
    assert "inbox.settle_seconds" in names
    assert {f"dedup.{f.name}" for f in dataclasses.fields(Settings)} <= names


@pytest.mark.parametrize(("dotted", "spec", "kind"), NUMERIC, ids=[n for n, _, _ in NUMERIC])
def test_every_numeric_key_has_a_range_its_default_is_in(
        dotted: str, spec: dataclasses.Field[Any], kind: type) -> None:
    rng = range_of(spec)
    assert isinstance(rng, Range), f"{dotted} has no range next to its default"
    assert rng.problem(spec.default) is None, f"{dotted}'s default is out of its own range"


@pytest.mark.parametrize(("dotted", "spec", "kind"), NUMERIC, ids=[n for n, _, _ in NUMERIC])
def test_every_numeric_key_rejects_values_past_its_range(
        tmp_path: Path, dotted: str, spec: dataclasses.Field[Any], kind: type) -> None:
    rng = range_of(spec)
    assert rng is not None
    table, key = dotted.split(".")
    outside: list[float] = []
    if rng.low is not None:
        outside.append(rng.low if rng.low_open else rng.low - 1)
    if rng.high is not None:
        outside.append(rng.high + 1)
    if kind is float:
        outside += [math.nan, math.inf, -math.inf]
    assert outside
    for value in outside:
        shown = str(int(value)) if kind is int else repr(value)
        user = _write(tmp_path, f"[{table}]\n{key} = {shown}\n")
        message = str(_error(user))
        assert message.startswith(f"{user}:2: {dotted} = ")
        assert f"must be {rng.describe()}" in message


def test_values_on_the_edges_of_their_range_load(tmp_path: Path) -> None:
    user = _write(tmp_path, "[inbox]\nsettle_seconds = 0\n[dedup]\nwindow_hours = 0.5\n"
                            "event_min = 100\ntext_min = 0\nw_keys = 1\ncontain_anchor = 0\n"
                            "links_kept = 1\n")
    config = load_config(user, use_user_dir=False)
    assert config.inbox.settle_seconds == 0.0
    assert config.dedup.window_hours == 0.5
    assert config.dedup.event_min == 100.0
    assert config.dedup.contain_anchor == 0


def test_a_range_check_does_not_change_a_default() -> None:
    assert load_config(use_user_dir=False).dedup == Settings()
    assert Settings().window_hours == 72.0 and Settings().event_min == 12.0
    assert InboxConfig().settle_seconds == 0.5


# ---- [keymap] key names --------------------------------------------------------------

@pytest.mark.parametrize("keys", [
    "T", "/", "?", "ctrl+x", "f1", "f24", "shift+tab", "pageup", "pagedown", "escape",
    "enter", "space", "backspace", "home", "end", "delete", "insert", "up", "left",
    "alt+x", "meta+x", "super+x", "ctrl+shift+left", "alt+shift+a", "question_mark",
    "slash", "T, x", "ctrl+@", "é",
])
def test_keys_a_terminal_sends_load(tmp_path: Path, keys: str) -> None:
    user = _write(tmp_path, f'[keymap]\n"queue.tag" = "{keys}"\n')
    assert load_config(user, use_user_dir=False).keymap == {"queue.tag": keys}


@pytest.mark.parametrize(("keys", "bad", "hint"), [
    ("ctrl-t", "ctrl-t", "ctrl+t"),
    ("Ctrl+T", "Ctrl+T", "lower case"),
    ("F1", "F1", "f1"),
    ("pgup", "pgup", "pageup"),
    ("T,esc", "esc", "escape"),
    ("shift+ctrl+x", "shift+ctrl+x", "ctrl+shift+x"),
    ("control+x", "control+x", "ctrl"),
    ("ctrl+", "ctrl+", "plus"),
    ("shift+t", "shift+t", "T"),
    ("f25", "f25", "f1 to f24"),
    ("T,", "", "comma"),
    ("", "", "remove the line"),
])
def test_a_key_no_terminal_sends_names_file_line_id_key_and_hint(
        tmp_path: Path, keys: str, bad: str, hint: str) -> None:
    user = _write(tmp_path, f'[keymap]\n# mine\n"queue.tag" = "{keys}"\n')
    error = _error(user)
    message = str(error)
    assert message.startswith(f"{user}:3: keymap 'queue.tag' = '{keys}': ")
    assert f"'{bad}'" in message
    assert hint in message
    assert error.line == 3


def test_key_problem_is_none_for_a_good_key() -> None:
    assert key_problem("ctrl+shift+pageup") is None
    assert key_problem("ctrl+shift") is not None
    assert key_problem("ctrl+ctrl+x") is not None


def test_unknown_binding_ids_are_still_caught(tmp_path: Path) -> None:
    from tui.cli import build_app
    from tui.desk.desk import Desk

    user = _write(tmp_path, '[keymap]\n"queue.tagg" = "x"\n')
    config = load_config(user, use_user_dir=False)
    with pytest.raises(ConfigError, match=r"user.toml:2: unknown binding id 'keymap.queue.tagg'"):
        build_app(config, [tmp_path], Desk(tmp_path / "d.toml"))


# ---- [views] ---------------------------------------------------------------------------

def test_a_saved_view_that_does_not_parse_is_an_error_at_start(tmp_path: Path) -> None:
    user = _write(tmp_path, '[views]\n"1" = "status:new"\n"2" = "urgency:abc"\n')
    error = _error(user)
    message = str(error)
    assert message.startswith(f"{user}:3: saved view '2' = 'urgency:abc' does not parse: ")
    assert "'urgency:abc' is not an urgency comparison" in message
    assert error.line == 3


def test_an_unclosed_quote_in_a_saved_view(tmp_path: Path) -> None:
    user = _write(tmp_path, "[views]\n\"5\" = 'tag:\"breaking'\n")
    assert "is not closed" in str(_error(user))


@pytest.mark.parametrize("name", ["0", "10", "a", ""])
def test_saved_views_are_named_1_to_9(tmp_path: Path, name: str) -> None:
    user = _write(tmp_path, f'[views]\n"{name}" = "status:new"\n')
    error = _error(user)
    assert f"saved view '{name}' must be named 1 to 9" in str(error)
    assert error.line == 2


def test_the_bundled_views_all_parse() -> None:
    views = load_config(use_user_dir=False).views
    assert views["1"] == "status:new" and len(views) >= 7


# ---- a --config that is a folder ------------------------------------------------------

def test_a_config_path_that_is_a_folder_says_so(tmp_path: Path) -> None:
    error = _error(tmp_path)
    assert str(error) == (f"{tmp_path}: is a folder, not a config file; give the path of a "
                          ".toml file")


def test_a_folder_config_through_the_command_is_one_line(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    from tui.cli import main

    assert main(["--config", str(tmp_path), "parse", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err == (f"wiredesk: {tmp_path}: is a folder, not a config file; give the path of a "
                   ".toml file\n")


def test_a_folder_where_the_user_config_file_should_be_says_so(tmp_path: Path) -> None:
    from tui import paths

    folder = paths.user_config_file()
    folder.mkdir(parents=True, exist_ok=True)
    with pytest.raises(ConfigError, match="is a folder, not a config file"):
        load_config()


# ---- [inbox] ignore ------------------------------------------------------------------

def test_inbox_ignore_has_its_default_in_the_schema_and_the_bundled_file() -> None:
    assert InboxConfig().ignore == DEFAULT_IGNORE
    assert load_config(use_user_dir=False).inbox.ignore == DEFAULT_IGNORE
    text = config_module.paths.bundled_config().read_text(encoding="utf-8")
    assert config_module.locate_key(text, ("inbox", "ignore")) is not None


def test_inbox_ignore_is_replaced_by_the_users_list(tmp_path: Path) -> None:
    user = _write(tmp_path, '[inbox]\nignore = ["*.bak", "NOTES*"]\n')
    assert load_config(user, use_user_dir=False).inbox.ignore == ("*.bak", "NOTES*")
    user = _write(tmp_path, "[inbox]\nignore = []\n")
    assert load_config(user, use_user_dir=False).inbox.ignore == ()


@pytest.mark.parametrize(("value", "message"), [
    ('"*.tmp"', "'inbox.ignore' must be a list of strings, not text '*.tmp'"),
    ("[1, 2]", "'inbox.ignore' must be a list of strings"),
    ('["*.tmp", ""]', "inbox.ignore: an empty pattern"),
])
def test_inbox_ignore_rejects_what_is_not_a_list_of_patterns(tmp_path: Path, value: str,
                                                            message: str) -> None:
    user = _write(tmp_path, f"[inbox]\nfolders = []\nignore = {value}\n")
    error = _error(user)
    assert message in str(error)
    assert error.line == 3


# ---- what stays as it was --------------------------------------------------------------

def test_columns_and_tags_are_checked_as_before(tmp_path: Path) -> None:
    user = _write(tmp_path, '[columns]\nshow = ["time", "colour"]\n')
    assert "unknown column 'colour' in columns.show" in str(_error(user))
    user = _write(tmp_path, '[tags]\nlist = ["a", "b"]\nallow_free = false\n')
    config = load_config(user, use_user_dir=False)
    assert config.tags.list == ("a", "b") and config.tags.allow_free is False
