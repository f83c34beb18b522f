"""The core never loads textual: each module is imported in a fresh interpreter."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import tui


def _core_modules() -> list[str]:
    names = ["tui"]
    for info in pkgutil.walk_packages(tui.__path__, prefix="tui."):
        if not info.name.startswith("tui.app"):
            names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module", _core_modules())
def test_core_module_does_not_load_textual(module: str) -> None:
    code = (
        f"import importlib, sys; importlib.import_module({module!r}); "
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.')); "
        "print(','.join(loaded))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "", f"{module} loaded {result.stdout.strip()}"


def test_the_list_covers_every_layer() -> None:
    names = _core_modules()
    for layer in ("tui.ingest", "tui.dedup", "tui.desk", "tui.config", "tui.cli"):
        assert layer in names
