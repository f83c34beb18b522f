"""One name per agency, whatever the format calls it, so `source:AP` finds all AP copy."""

from __future__ import annotations

import re

_ALIASES: dict[str, tuple[str, ...]] = {
    "AP": ("ap", "associated press", "the associated press", "apnews", "ap media api"),
    "Reuters": ("reuters", "thomson reuters", "rtrs", "reuters news"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "afp services"),
    "dpa": ("dpa", "deutsche presse-agentur", "dpa-afx", "dpa deutsche presse-agentur gmbh"),
    "PA": ("pa", "press association", "pa media", "pa sport", "pa mediapoint"),
    "AAP": ("aap", "australian associated press", "australian associated press pty ltd"),
    "Canadian Press": ("cp", "the canadian press", "canadian press", "la presse canadienne"),
    "ANSA": ("ansa",), "EFE": ("efe", "agencia efe"), "Belga": ("belga",),
    "NTB": ("ntb", "norsk telegrambyrå"), "STT": ("stt", "stt-info"),
    "TT": ("tt", "tt nyhetsbyrån"), "Kyodo": ("kyodo", "kyodo news"),
    "ATS": ("ats", "ats-sda", "keystone-sda", "sda"), "ANP": ("anp",),
    "TASS": ("tass", "itar-tass"), "Ritzau": ("ritzau", "ritzaus bureau"),
    "ANA": ("ana", "ana-mpa"), "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg",), "Xinhua": ("xinhua",), "Yonhap": ("yonhap",),
}
_LOOKUP = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_NOISE = re.compile(r"[\s.,©()]+")


def canonical_source(raw: str) -> str:
    """`Associated Press` -> `AP`; an agency we do not know keeps its own name."""
    cleaned = raw.strip()
    key = _NOISE.sub(" ", cleaned.casefold()).strip()
    key = re.sub(r"^(?:copyright|\d{4})\s+", "", key).strip()
    return _LOOKUP.get(key, cleaned)
