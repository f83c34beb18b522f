"""The screen's preferences the editor chooses in the app (the theme), kept in the user's
config folder as `ui.toml`, apart from the hand-edited `wiredesk.toml`: writing the theme
there would rewrite the editor's own file and lose its comments."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import tomli_w

from tui.desk.files import write_atomic
from tui.tomlio import TomlSyntaxError, parse_toml

_KEYS = ("theme",)


@dataclass
class UiPrefs:
    #: where they are kept; None: not kept (tests, the benchmarks)
    path: Path | None = None
    theme: str | None = None
    #: why the file was not read ("file:line: what"); such a file is left as it is
    problem: str | None = None

    @classmethod
    def load(cls, path: Path | None) -> UiPrefs:
        if path is None:
            return cls()
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return cls(path)
        except (OSError, UnicodeDecodeError) as exc:
            return cls(path, problem=f"{path}: cannot be read ({exc}); the theme you "
                                     "choose is not remembered until it can")
        try:
            data = parse_toml(text)
        except TomlSyntaxError as exc:
            return cls(path, problem=f"{path}:{exc.line or 1}: {exc.reason}; fix or delete "
                                     "the file to have the theme remembered")
        for key in data:
            if key not in _KEYS:
                return cls(path, problem=_located(path, text, key, f"unknown key '{key}' "
                                                  f"(known: {', '.join(_KEYS)})"))
        theme = data.get("theme")
        if theme is not None and not isinstance(theme, str):
            return cls(path, problem=_located(path, text, "theme",
                                              "'theme' must be a theme's name, in quotes"))
        return cls(path, theme)

    def save_theme(self, theme: str) -> None:
        """Keep the theme; raises OSError when it cannot be written (a full disk)."""
        self.theme = theme
        if self.path is None or self.problem is not None:
            return  # a file that was not read is not overwritten
        write_atomic(self.path, tomli_w.dumps({"theme": theme}).encode(), durable=False)


def _located(path: Path, text: str, key: str, message: str) -> str:
    line = next((n for n, row in enumerate(text.splitlines(), 1)
                 if row.lstrip().startswith(key)), 1)
    return f"{path}:{line}: {message}; fix or delete the file to have the theme remembered"
