"""Wire text is data: strip what must not reach the terminal, keep what the editor must read."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls other than tab and newline, plus DEL. Agencies pad and frame copy with
# them (SOH, STX, ETX, SYN, DEL); ESC would start a terminal escape sequence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])")
#: what `visible` shows: the controls, and lone surrogates (a byte of a file name that is
#: not UTF-8, which an output stream would write back as that raw byte, 0x9b being CSI)
_SHOWN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: bidi embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069)
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_RUN_OF_SPACES = re.compile(r" {2,}")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences and control characters (keeps tab and newline)."""
    # Most copy is clean: one C-level scan proves it before any regular expression runs.
    if not text or text.isprintable():
        return text
    if "\x1b" in text:
        text = _ANSI.sub("", text)
    return _CONTROL.sub("", text)


def clean_line(text: str) -> str:
    """One line of display text: no controls, runs of white space folded."""
    if text.isprintable():  # no controls, tabs, newlines or exotic spaces: only "  " to fold
        return (_RUN_OF_SPACES.sub(" ", text) if "  " in text else text).strip()
    return _SPACES.sub(" ", strip_controls(text).replace("\n", " ")).strip()


def clean_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs into a body: each folded to one line, empty ones dropped."""
    kept = (clean_line(p) for p in paragraphs)
    return "\n\n".join(p for p in kept if p)


def visible(text: str) -> str:
    """Last guard before the screen: any control character that got this far is shown as
    its Unicode control picture (ESC as ␛; a C1 control, or an undecodable byte of a file
    name, as �), so it is read, never executed."""
    if text.isprintable():  # most text: one C-level scan
        return text
    return _SHOWN.sub(_picture, text)


def cell(text: str) -> str:
    """A cell of a row (a queue column, a table, a line the command line prints):
    `visible`, and without bidi embeddings, overrides or isolates, which would reorder
    the cells after it. Marks (LRM, RLM, ALM) are kept: they reach only their
    neighbours, and right-to-left copy needs them."""
    if text.isprintable():
        return text
    return _BIDI.sub("", _SHOWN.sub(_picture, text))


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def fold(text: str) -> str:
    """Case- and accent-folded text for matching and searching."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
