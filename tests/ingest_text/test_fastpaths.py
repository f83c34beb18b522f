"""The shortcuts taken for speed give the same answers as the long way round."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.ingest import anpa, decode, mail, presstext, signals

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


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="\x16\x01\x04a \n", max_size=40))
def test_anpa_messages_cut_as_the_lookahead_split(text: str) -> None:
    assert anpa._messages(text) == re.split(r"(?=\x16*\x01)", text)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"encoding", b"ENCODING", b"Charset", b"charSET", b"=",
                                 b"'", b'"', b" ", b"utf-8", b"latin-1", b"<?xml", b"\xe9",
                                 b"x"]), max_size=10).map(b"".join))
def test_declaration_prefilter(head: bytes) -> None:
    match = decode._DECLARED.search(head)
    assert decode._declared_in(head) == (match.group(1).decode("ascii") if match else None)


def _sniff_long_way(data: bytes) -> bool:
    """mail.sniff as it was before it looked at the first line first."""
    head = data[:8192].lstrip(b" \t\r\n")
    end = re.search(rb"\r?\n\r?\n", head)
    block = head[:end.start()] if end else head
    rows = block.splitlines()
    if len(rows) < 2 or not mail._HEADER_LINE.match(rows[0]):
        return False
    if not all(mail._HEADER_LINE.match(r) or r[:1] in (b" ", b"\t") for r in rows):
        return False
    names = {m.group(0).lower() for m in mail._KNOWN.finditer(block)}
    return b"from:" in names and len(names) >= 2


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"From: a", b"Subject: b", b"To: c", b"\r\n", b"\n",
                                 b" ", b"x", b"From a", b":"]), max_size=8).map(b"".join))
def test_mail_sniff_first_line_check(data: bytes) -> None:
    assert mail.sniff(data) == _sniff_long_way(data)


_PRESS = st.text(alphabet="AbZzU.s.'’S ÉéßΣσ1\n-", max_size=40)


@settings(max_examples=500, deadline=None)
@given(_PRESS)
def test_presstext_caps_count(block: str) -> None:
    upper = sum(map(str.isupper, block))
    lower = sum(map(str.islower, block))
    assert presstext._is_caps(block) == (upper >= 3 and upper >= 0.9 * (upper + lower))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["U", ".", "s", "S", "'", "’", " ", "a", "ISIL", "x.", "é",
                                 "_"]), max_size=14).map("".join))
def test_presstext_body_case(paragraph: str) -> None:
    expected = re.sub(r"\b([A-Z])\.([a-z])\.", lambda m: f"{m.group(1)}.{m.group(2).upper()}.",
                      paragraph)
    expected = re.sub(r"\b([A-Z]{2,})([’'])S\b", lambda m: f"{m.group(1)}{m.group(2)}s",
                      expected)
    assert presstext._fix_body_case(paragraph) == expected
