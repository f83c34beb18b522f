"""Bytes to text without mojibake: BOM first, then the declared charset, then UTF-8,
then Windows-1252 (a superset of Latin-1 for every byte agencies actually send)."""

from __future__ import annotations

import codecs
import re

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""(?:encoding\s*=\s*["']|charset\s*=\s*["']?)([A-Za-z0-9._:-]+)""", re.IGNORECASE
)


def decode(data: bytes, declared: str | None = None) -> str:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    for name in (declared, _declared_in(data[:1024])):
        if name is not None:
            text = _try(data, name)
            if text is not None:
                return text
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _declared_in(head: bytes) -> str | None:
    # The case-blind search tries two words at every byte; most heads hold neither word.
    folded = head.lower()
    if b"encoding" not in folded and b"charset" not in folded:
        return None
    match = _DECLARED.search(head)
    return match.group(1).decode("ascii") if match else None


def _try(data: bytes, name: str) -> str | None:
    """The data in a declared charset, or None when the declaration cannot be right: no
    such codec, a codec that is no charset (base64, zlib, rot13, idna), or UTF-16/32 for
    bytes without a single NUL (copy re-encoded to 8 bits, its declaration left behind)."""
    try:
        codec = codecs.lookup(name)
    except LookupError:
        return None
    # Latin-1 is declared for copy that is really Windows-1252 (curly quotes in 0x80-0x9f).
    if codec.name in ("latin-1", "iso8859-1"):
        codec = codecs.lookup("cp1252")
    if codec.name.startswith(("utf-16", "utf-32")) and b"\x00" not in data[:4096]:
        return None
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError:
        if codec.name == "utf-8":
            return None
        try:
            return data.decode(codec.name, errors="replace")
        except (UnicodeError, LookupError):
            return None
    except (UnicodeError, LookupError):
        return None
