"""The lede's and headline's tokens, read chunk by chunk from a table, are the tokens
of the whole text folded (what the detector read before the table)."""

from __future__ import annotations

import pytest

from tui.dedup.features import TOKEN, _tokens, fold
from tui.dedup.synth import generate

ODD = [
    "Magnitude 6.1 quake hits Zürich, 45,000 flee; score 3-2 at 2:1",
    "Ärger über Straße\u00a0in Köln — «Élysée» ﬁnal ½ time",
    "e\u0301te\u0301 a\u0308 \u00a8x co\u00f6perate 3rd 4th",
    "  leading and trailing\tspaces\nand lines\n\n",
    "",
    "İstanbul ΑΘΗΝΑ Москва 12.5.2024",
]


@pytest.mark.parametrize("text", ODD)
def test_tokens_match_the_whole_text(text: str) -> None:
    assert _tokens(text) == TOKEN.findall(fold(text))


def test_tokens_match_on_the_synthetic_wire() -> None:
    for item, _ in generate(300, 5):
        for text in (item.headline, item.body[:320]):
            assert _tokens(text) == TOKEN.findall(fold(text))
