"""The screen's own preferences (the theme), kept in the user's config folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.uiprefs import UiPrefs


def test_a_theme_is_saved_and_read_back(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "ui.toml"
    prefs = UiPrefs.load(path)
    assert prefs.theme is None and prefs.problem is None
    prefs.save_theme("nord")
    assert 'theme = "nord"' in path.read_text()
    assert UiPrefs.load(path).theme == "nord"


@pytest.mark.parametrize(("text", "said"), [
    ('theme = "nord"\ncolour = 3\n', "unknown key 'colour'"),
    ('theme = 3\n', "'theme' must be a theme's name"),
    ('theme = "nord\n', ":1:"),
])
def test_a_bad_file_is_named_with_its_line_and_never_overwritten(
        tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "ui.toml"
    path.write_text(text)
    prefs = UiPrefs.load(path)
    assert prefs.theme is None
    assert prefs.problem is not None and str(path) in prefs.problem and said in prefs.problem
    prefs.save_theme("nord")
    assert path.read_text() == text
