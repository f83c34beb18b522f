"""Fixtures for the story-detector tests."""

from __future__ import annotations

import pytest

from tui.dedup.synth import generate
from tui.model import Item


@pytest.fixture(scope="session")
def background() -> list[Item]:
    """Synthetic copy of 2024, far outside the window of the tests' items (2025), so
    that term rarity means something: a detector holding two items finds every word
    rare."""
    return [generated for generated, _ in generate(300, seed=1)]
