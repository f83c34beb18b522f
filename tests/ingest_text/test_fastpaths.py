"""The shortcuts taken for speed give the same answers as the long way round."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.ingest import signals

# Fragments of every marker convention, in several cases, and the prose around them.
_FRAGMENTS = ("KILL", "kill", "Kill", "WITHDRAWN", "Withdrawal", "STORY", "CORRECTED",
              "Corrects", "Correction", "REFILE", "Refile", "Repeat", "REPEATS", "UPDATE",
              "Updates", "2nd", "3RD", "21st", "Ld", "LEAD", "lede", "NEW", "Writethru",
              "Ld-Writethru", "HOLD", "FOR", "RELEASE", "EMBARGOED", "Embargo", "until",
              "NOTE", "TO", "EDITORS", "Advisory", "Eds:", "ADDS", "Recasts", "approach",
              "SPERRFRIST", "Berichtigung", "Police", "said", "told", "world", "held", "1",
              " ", "  ", "-", ":", ".", ";", "(", "#", "\t", "\n", "\x1c", "—")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(_FRAGMENTS), max_size=12).map("".join))
def test_marker_prefilter_never_hides_a_marker(text: str) -> None:
    if text.isascii() and signals._ANY.search(text):
        assert signals._may_carry_marker(text.lower())


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x7F), max_size=80))
def test_marker_prefilter_on_any_ascii(text: str) -> None:
    if signals._ANY.search(text):
        assert signals._may_carry_marker(text.lower())


# One example of each alternative of every marker pattern.
_EACH_MARKER = (
    "KILL KILL KILL", "story withdrawn", "Mandatory Kill", "BC-Fire-KILL", "CORRECTED-Fire",
    "berichtigung", "Rectificatif", "refile", "1st Ld-Writethru", "writethru", "Update 2",
    "new lede", "2nd lead", "3RD LD", "Updates: toll", "Hold for release", "embargoed until",
    "Embargo: 10 GMT", "sperrfrist", "under embargo", "note to editors", "WITHDRAWAL",
    "ELIMINATE", "CORRECTIVE", "KORREKTUR", "BERICHTIGT", "REPEATED", "WIEDERHOLUNG",
    "UPDATED", "RECAST", "ADDS", "NEW APPROACH", "AKTUALISIERUNG", "WRITETHRU", "EMBARGOED",
    "ADVISORY", "Withdrawn.", "Eds: Corrects spelling", "Correction:", "Repeat:",
    "## Refile", "Eds: Adds quote", "Updated:", "Recasts", "New approach", "Embargoed until",
    "Hold for release", "Advisory:", "Editor's advisory",
)


@pytest.mark.parametrize("text", _EACH_MARKER)
def test_marker_prefilter_passes_every_marker(text: str) -> None:
    assert signals._ANY.search(text)
    assert signals._may_carry_marker(text.lower())
    assert signals.detect(text)
