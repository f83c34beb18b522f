"""What an item is to the desk (update, correction, kill…), read from the copy's own
conventions where the format has no structured field for it, and from the codes of
formats that have one.

Agencies flag copy with markers (`KILL KILL KILL`, `CORRECTED-`, `1st Ld-Writethru`,
`UPDATE 2-`, `REFILE`) in the headline, take key, slug and editor's note. The same words
are ordinary English in a headline ("Police kill suspect", "US lifts embargo"), so a word
counts only where the agency's convention puts it: in capitals, or opening a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Markers that do not occur in prose: matched in any case, anywhere.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kill", re.compile(r"\bKILL\s+KILL\s+KILL\b|\bSTORY\s+WITHDRAWN\b|\bMANDATORY\s+KILL\b",
                        re.I)),
    ("kill", re.compile(r"-KILL\b|\bMELDUNG\s+(?:WIRD\s+)?ZURÜCKGEZOGEN\b")),
    ("correction", re.compile(r"\bCORRECTED\s*[-:]|\bBERICHTIGUNG\b|\bRECTIFICATIF\b", re.I)),
    ("repeat", re.compile(r"\bREFILE\b", re.I)),
    ("update", re.compile(r"\bLd-?Writethru\b|\bWritethru\b|\bUPDATE\s*\d+\b|\bNEW\s+LEDE\b|"
                          r"\b\d+(?:ST|ND|RD|TH)\s+(?:LEAD|LD)\b|\bUPDATES:", re.I)),
    ("hold", re.compile(r"\bHOLD\s+FOR\s+RELEASE\b|\bEMBARGOED\s+(?:UNTIL|TILL|TO|FOR)\b|"
                        r"\bEMBARGO\s*:|\bSPERRFRIST\b|\bUNDER\s+EMBARGO\b", re.I)),
    ("advisory", re.compile(r"\bNOTE\s+TO\s+EDITORS\b|\bAVIS\s+AUX\s+RÉDACTIONS\b", re.I)),
)

# Marker words that agencies write in capitals; ignored in a headline set all in capitals
# (press-reader exports), where every word is.
_CAPITALS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kill", re.compile(r"\b(?:KILL|WITHDRAWN|WITHDRAWAL|ELIMINATION|ELIMINATE)\b")),
    ("correction", re.compile(r"\b(?:CORRECT(?:ED|S|ION|IVE)|KORREKTUR|BERICHTIGT)\b")),
    ("repeat", re.compile(r"\b(?:REPEAT(?:S|ED|ING)?|WIEDERHOLUNG)\b")),
    ("update", re.compile(r"\b(?:UPDATE[SD]?|RECASTS?|ADDS|NEW\s+APPROACH|AKTUALISIERUNG|"
                          r"WRITETHRU)\b")),
    ("hold", re.compile(r"\bEMBARGO(?:ED)?\b")),
    ("advisory", re.compile(r"\bADVISORY\b")),
)

# Words that flag copy when they open a note or one of its sentences ("Eds: Corrects
# spelling of name", "## Refile"), never in the middle of a sentence. Nouns count only
# as a label ("Correction:"), so that "Repeat offenders…" opening a headline is no repeat.
_OPENING = r"(?:^|[.;:(]\s*|#+\s*|\bEds?:\s*)"
_LABEL = r"(?=\s*[:.\-—]|\s*$)"
_OPENERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kill", re.compile(_OPENING + rf"(?:Kill|Withdrawn|Withdrawal|Elimination){_LABEL}")),
    ("correction", re.compile(_OPENING + rf"(?:Corrects\b|(?:Corrected|Correction){_LABEL}|"
                                         r"Korrektur\b|Berichtigung\b|Rectificatif\b)")),
    ("repeat", re.compile(_OPENING + rf"(?:Repeats\b|Repeat{_LABEL}|Refile\b|Wiederholung\b)")),
    ("update", re.compile(_OPENING + rf"(?:Updates\b|(?:Update|Updated){_LABEL}|Adds\b|"
                                     r"Recasts\b|New approach\b|Aktualisierung\b|"
                                     r"Writethru\b)")),
    ("hold", re.compile(_OPENING + r"(?:Embargo(?:ed)?(?=\s*[:.\-—]|\s+(?:until|till|for|to)\b)"
                                   r"|Hold for release\b|Sperrfrist\b)")),
    ("advisory", re.compile(_OPENING + rf"(?:Advisory{_LABEL}|Editor'?s advisory\b)")),
)

# Most copy carries no marker at all: one pass of the union of every pattern proves it
# before the patterns run one by one (each keeps its own case rule as a scoped flag).
_ANY = re.compile("|".join(
    f"(?i:{pattern.pattern})" if pattern.flags & re.I else f"(?:{pattern.pattern})"
    for _name, pattern in (*_MARKERS, *_CAPITALS, *_OPENERS)))

# Cheaper still for plain ASCII copy: every alternative of the union spells one of these
# words (in some case), so text whose lower case holds none of them cannot match it. Only
# for ASCII text, where lower case is exactly the case folding the patterns use.
_KEYWORDS = ("kill", "withdraw", "eliminat", "correct", "berichtig", "rectificatif",
             "korrektur", "refile", "repeat", "wiederholung", "update", "writethru", "lede",
             "recast", "adds", "approach", "aktualisierung", "hold", "embargo", "sperrfrist",
             "note", "avis", "advisory")
# `2nd Ld`, `3RD LEAD`: the one alternative spelt by no word of its own.
_ORDINAL_LEAD = re.compile(r"\d(?:st|nd|rd|th)\s+l(?:ea)?d")

_ORDER = ("kill", "correction", "repeat", "update", "hold", "advisory")

# Structured codes: ninjs/digitalwires `sig:…`, AP editorial types, pubstatus values.
_CODES = {
    "update": "update", "lead": "update", "writethru": "update", "add": "update",
    "adds": "update", "updated": "update", "newlede": "update",
    "correction": "correction", "corrected": "correction", "clarification": "correction",
    "cwarn": "correction",
    "kill": "kill", "killed": "kill", "withdrawal": "kill", "withdrawn": "kill",
    "elimination": "kill", "canceled": "kill", "cancelled": "kill", "retraction": "kill",
    "hold": "hold", "withhold": "hold", "withheld": "hold", "embargoed": "hold",
    "embargo": "hold",
    "advisory": "advisory", "advisories": "advisory", "note": "advisory",
    "repeat": "repeat", "refile": "repeat", "resend": "repeat",
}


def detect(*texts: str) -> tuple[str, ...]:
    """Signals found in headline, take key, slug and editor's note (not the body, where
    'corrected' or 'update' are ordinary words)."""
    found: set[str] = set()
    for text in texts:
        if not text:
            continue
        text = text[:2000]  # markers sit at the start; a runaway "headline" is not read whole
        if text.isascii() and not _may_carry_marker(text.lower()):
            continue
        if not _ANY.search(text):
            continue
        found.update(name for name, pattern in _MARKERS if pattern.search(text))
        found.update(name for name, pattern in _OPENERS if pattern.search(text))
        if not _shouting(text):
            found.update(name for name, pattern in _CAPITALS if pattern.search(text))
    return tuple(name for name in _ORDER if name in found)


def from_codes(codes: Iterable[str]) -> tuple[str, ...]:
    """Signals from a format's structured codes: `sig:update`, `Correction`, `canceled`…;
    codes that are no desk signal (AP's `newscontent`) are ignored."""
    found: dict[str, None] = {}
    for code in codes:
        key = code.rsplit(":", 1)[-1].strip().casefold().replace("-", "").replace(" ", "")
        if key in _CODES:
            found.setdefault(_CODES[key], None)
    return tuple(found)


def merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name, None)
    return tuple(seen)


def _may_carry_marker(lower: str) -> bool:
    """False when lower-cased ASCII text cannot match any marker pattern."""
    for word in _KEYWORDS:
        if word in lower:
            return True
    return ("ld" in lower or "lead" in lower) and _ORDINAL_LEAD.search(lower) is not None


def _shouting(text: str) -> bool:
    """A sentence set all in capitals (more than six words), not a marker."""
    if len(text.split()) <= 6:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) >= 0.9 * len(letters)
