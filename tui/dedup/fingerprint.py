"""Exact-duplicate fingerprints: the same copy, whatever its id, spacing, case or quotes."""

from __future__ import annotations

import hashlib
import re

from tui.model import Item
from tui.textsafe import fold

_NON_WORD = re.compile(r"[\W_]+")


def normalise(text: str) -> str:
    return _NON_WORD.sub(" ", fold(text)).strip()


def fingerprint(item: Item) -> str:
    """Body text decides; an item with no body (a one-line alert) is its headline."""
    text = normalise(item.body) or normalise(item.headline)
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=12).hexdigest()
