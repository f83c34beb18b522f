"""Where the tests find the bundled seeds and the shared samples.

A module of its own, not conftest.py: test folders have conftest files of their own,
and `from conftest import` would find whichever pytest loaded last."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_b9ed3b9ded6fdf7d.txt"
WIRE_SAMPLES = ROOT.parent / "shared" / "wire-samples"
#: control characters a parsed text field must not keep (newline and tab aside)
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
#: UTF-8 read as Latin-1 or Windows-1252
MOJIBAKE = re.compile("Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|â€")


def wire_samples() -> Path:
    """The shared agency samples; the test is skipped where they are not."""
    if not WIRE_SAMPLES.is_dir():
        pytest.skip("../shared/wire-samples is not beside this checkout")
    return WIRE_SAMPLES


def record_notifications(app: Any) -> list[str]:
    """Every message the app shows with `notify` from now on, in order (and still shown)."""
    messages: list[str] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        messages.append(message)
        shown(message, **options)

    app.notify = notify
    return messages


def record_refreshes(widget: Any) -> list[tuple[Any, ...]]:
    """The regions of each `refresh` of the widget from now on, a call a tuple (empty:
    the whole widget)."""
    calls: list[tuple[Any, ...]] = []
    refresh = widget.refresh

    def spy(*regions: Any, **options: Any) -> Any:
        calls.append(regions)
        return refresh(*regions, **options)

    widget.refresh = spy
    return calls
