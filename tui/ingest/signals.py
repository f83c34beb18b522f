"""What an item is to the desk (update, correction, kill…), read from the copy's own
conventions where the format has no structured field for it."""

from __future__ import annotations

import re

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("kill", re.compile(r"\bKILL\s+KILL\s+KILL\b|\bSTORY\s+WITHDRAWN\b|\bWITHDRAWAL\b|"
                        r"\bMANDATORY\s+KILL\b|\bELIMINATE\b", re.I)),
    ("correction", re.compile(r"\bCORRECT(?:ED|S|ION)\b|\bBERICHTIGUNG\b|\bKORREKTUR\b", re.I)),
    ("repeat", re.compile(r"\bREFILE\b|\bREPEAT(?:S|ING)?\b|\bWIEDERHOLUNG\b", re.I)),
    ("update", re.compile(r"\bLd-?Writethru\b|\bWritethru\b|\bUPDATE\s*\d+\b|\bNEW\s+LEDE\b|"
                          r"\bTOP\s+WRITETHRU\b|\bAdds\b|\bRECASTS?\b", re.I)),
    ("hold", re.compile(r"\bHOLD\s+FOR\s+RELEASE\b|\bEMBARGO(?:ED)?\b", re.I)),
    ("advisory", re.compile(r"\bADVISORY\b|\bNOTE\s+TO\s+EDITORS\b", re.I)),
)


def detect(*texts: str) -> tuple[str, ...]:
    """Signals found in headline, take key, slug and editor's note (not the body, where
    'corrected' or 'update' are ordinary words)."""
    joined = "\n".join(t for t in texts if t)
    found = [name for name, pattern in _RULES if pattern.search(joined)]
    return tuple(found)


def merge(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for group in groups:
        for name in group:
            seen.setdefault(name, None)
    return tuple(seen)
