"""Where the tests find the bundled seeds and the shared samples.

A module of its own, not conftest.py: test folders have conftest files of their own,
and `from conftest import` would find whichever pytest loaded last."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_ARTICLE = SEEDS / "000_b9ed3b9ded6fdf7d.txt"
WIRE_SAMPLES = ROOT.parent / "shared" / "wire-samples"


def record_notifications(app: Any) -> list[str]:
    """Every message the app shows with `notify` from now on, in order (and still shown)."""
    messages: list[str] = []
    shown = app.notify

    def notify(message: str, **options: Any) -> None:
        messages.append(message)
        shown(message, **options)

    app.notify = notify
    return messages
