"""Helpers for the story-detector tests (imported by name: tests/ has no packages)."""

from __future__ import annotations

import tomllib
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.model import Item

CORPUS = Path(__file__).resolve().parent / "corpus"
T0 = datetime(2025, 1, 6, 8, tzinfo=UTC)


def item(id: str, hours: float | None = 0.0, **fields: Any) -> Item:
    """An item sent `hours` after T0 (hours=None: an item with no time at all)."""
    stamp = "" if hours is None else (T0 + timedelta(hours=hours)).isoformat()
    return Item.from_json({"path": "test", "format": "test", "versioned": stamp,
                           "id": id, **fields})


def load_pairs() -> list[dict[str, Any]]:
    pairs: list[dict[str, Any]] = tomllib.loads(
        (CORPUS / "pairs.toml").read_text(encoding="utf-8"))["pair"]
    return pairs
