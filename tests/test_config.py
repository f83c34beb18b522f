"""The config loader: typed, strict, and clear about where a mistake is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui import paths
from tui.config import ConfigError, load_config


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "user.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_default_loads_with_its_inbox_on_the_seeds() -> None:
    config = load_config(use_user_dir=False)
    assert config.files == (paths.bundled_config(),)
    assert config.inbox_paths == (paths.bundled_seeds().resolve(),)
    assert "politics" in config.tags.list
    assert config.roster.editors and config.roster.desks
    assert config.dedup.window_hours == 72.0
    assert config.columns.show[0] == "time"


def test_user_file_overrides_only_what_it_sets(tmp_path: Path) -> None:
    user = _write(tmp_path, '[tags]\nlist = ["a", "b"]\n\n[keymap]\n"queue.tag" = "T"\n'
                            '[inbox]\nfolders = ["wire"]\n')
    config = load_config(user)
    assert config.tags.list == ("a", "b")
    assert config.tags.allow_free is True  # from the default
    assert config.keymap == {"queue.tag": "T"}
    assert config.inbox_paths == ((tmp_path / "wire").resolve(),)
    assert config.files[-1] == user


def test_unknown_key_names_file_line_and_key(tmp_path: Path) -> None:
    user = _write(tmp_path, "[tags]\nlist = []\n\n[dedup]\nwindow_hours = 24\nthreshhold = 3\n")
    with pytest.raises(ConfigError) as caught:
        load_config(user)
    message = str(caught.value)
    assert f"{user}:6:" in message
    assert "unknown key 'dedup.threshhold'" in message
    assert caught.value.line == 6


def test_unknown_table(tmp_path: Path) -> None:
    user = _write(tmp_path, "\n[colours]\nqueue = 'red'\n")
    with pytest.raises(ConfigError, match=r"user.toml:2: unknown key 'colours'"):
        load_config(user)


def test_wrong_type_names_file_line_and_key(tmp_path: Path) -> None:
    user = _write(tmp_path, '[dedup]\nwindow_hours = "a day"\n')
    with pytest.raises(ConfigError) as caught:
        load_config(user)
    assert caught.value.line == 2
    assert "'dedup.window_hours' must be a number, not text 'a day'" in str(caught.value)


def test_list_of_wrong_things(tmp_path: Path) -> None:
    user = _write(tmp_path, "[tags]\nlist = [1, 2]\n")
    with pytest.raises(ConfigError, match=r"user.toml:2: 'tags.list' must be a list of strings"):
        load_config(user)


def test_unknown_column(tmp_path: Path) -> None:
    user = _write(tmp_path, '[columns]\nshow = ["time", "colour"]\n')
    with pytest.raises(ConfigError, match="unknown column 'colour'"):
        load_config(user)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no such config file"):
        load_config(tmp_path / "nope.toml")


def test_invalid_toml_names_the_line(tmp_path: Path) -> None:
    user = _write(tmp_path, "[tags]\nlist = [\"a\"\nallow_free = true\n")
    with pytest.raises(ConfigError) as caught:
        load_config(user)
    assert "not valid TOML" in str(caught.value)
    assert caught.value.line is not None


def test_user_config_dir_is_read_unless_told_not_to(tmp_path: Path) -> None:
    user_file = paths.user_config_file()
    user_file.parent.mkdir(parents=True, exist_ok=True)
    user_file.write_text("[editor]\nname = 'Night desk'\n", encoding="utf-8")
    assert load_config().editor.name == "Night desk"
    assert load_config(use_user_dir=False).editor.name == ""


def test_keymap_with_an_unknown_binding_id_names_the_line(tmp_path: Path) -> None:
    from tui.cli import build_app
    from tui.desk.desk import Desk

    user = _write(tmp_path, '[keymap]\n"queue.tag" = "T"\n"queue.tagg" = "x"\n')
    config = load_config(user)
    with pytest.raises(ConfigError, match=r"user.toml:3: unknown binding id 'keymap.queue.tagg'"):
        build_app(config, [tmp_path], Desk(tmp_path / "d.toml"))


async def test_keymap_remaps_a_key(tmp_path: Path) -> None:
    from tui.app.screens import Picker
    from tui.cli import build_app
    from tui.desk.desk import Desk

    (tmp_path / "inbox").mkdir()
    (tmp_path / "inbox" / "a.txt").write_text("Headline\n\nBody.\n")
    os.utime(tmp_path / "inbox" / "a.txt", (1000, 1000))  # long since written
    config = load_config(_write(tmp_path, '[keymap]\n"queue.tag" = "T"\n'))
    app = build_app(config, [tmp_path / "inbox"], Desk(tmp_path / "d.toml"))
    async with app.run_test() as pilot:
        await app.wait_loaded()
        await pilot.press("t")
        assert not isinstance(app.screen, Picker)
        await pilot.press("T")
        assert isinstance(app.screen, Picker)


def test_keymap_refuses_two_actions_on_one_key_naming_both(tmp_path: Path) -> None:
    from tui.cli import build_app
    from tui.desk.desk import Desk

    # `s` is spike's key: tag on it too would leave one of the two without a key
    user = _write(tmp_path, '[keymap]\n"queue.assign" = "A"\n"queue.tag" = "s"\n')
    config = load_config(user)
    with pytest.raises(ConfigError) as caught:
        build_app(config, [tmp_path], Desk(tmp_path / "d.toml"))
    message = str(caught.value)
    assert "user.toml:3:" in message
    assert "'s'" in message and "queue.tag" in message and "queue.spike" in message


def test_keymap_may_move_a_key_to_another_action_when_the_first_moves_away(
        tmp_path: Path) -> None:
    from tui.cli import build_app
    from tui.desk.desk import Desk

    user = _write(tmp_path, '[keymap]\n"queue.spike" = "S"\n"queue.tag" = "s"\n')
    build_app(load_config(user), [tmp_path], Desk(tmp_path / "d.toml"))


def test_keys_of_different_screens_do_not_clash(tmp_path: Path) -> None:
    from tui.cli import build_app
    from tui.desk.desk import Desk

    # escape closes the help screen and clears the queue's marks: two screens, no clash
    user = _write(tmp_path, '[keymap]\n"help.close" = "escape,q"\n')
    build_app(load_config(user), [tmp_path], Desk(tmp_path / "d.toml"))


def test_no_two_default_bindings_share_a_key() -> None:
    from tui.app.app import WiredeskApp
    from tui.config import keymap_clashes

    for scope in WiredeskApp.binding_scopes():
        assert keymap_clashes(scope, {}) == []
