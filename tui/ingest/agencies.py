"""One name per agency, whatever the format calls it, so `source:AP` finds all AP copy."""

from __future__ import annotations

import re

from tui.textsafe import clean_line

_ALIASES: dict[str, tuple[str, ...]] = {
    "AP": ("ap", "associated press", "the associated press", "apnews", "ap media api",
           "ap org"),
    "Reuters": ("reuters", "thomson reuters", "rtrs", "reuters news", "reuters media",
                "thomsonreuters"),
    "AFP": ("afp", "agence france-presse", "agence france presse", "afp services"),
    "dpa": ("dpa", "deutsche presse-agentur", "dpa-afx", "dpa deutsche presse-agentur",
            "dpa deutsche presse agentur", "deutsche presse agentur", "dpa-international"),
    "PA": ("pa", "press association", "pa media", "pa sport", "pa mediapoint",
           "the press association", "pa sport data"),
    "AAP": ("aap", "australian associated press"),
    "Canadian Press": ("cp", "the canadian press", "canadian press", "la presse canadienne",
                       "thecanadianpress"),
    "ANSA": ("ansa", "agenzia ansa"), "EFE": ("efe", "agencia efe", "efeservicios"),
    "Belga": ("belga", "agence belga"),
    "NTB": ("ntb", "norsk telegrambyrå", "ntb info", "ntbinfo", "ntb scanpix"),
    "STT": ("stt", "stt-info", "suomen tietotoimisto"),
    "TT": ("tt", "tt nyhetsbyrån"), "Kyodo": ("kyodo", "kyodo news", "kyodonews"),
    "ATS": ("ats", "ats-sda", "keystone-sda", "sda", "sda-ats", "keystone-ats"),
    "ANP": ("anp", "algemeen nederlands persbureau"),
    "TASS": ("tass", "itar-tass"), "Ritzau": ("ritzau", "ritzaus bureau", "via ritzau"),
    "ANA": ("ana", "ana-mpa", "ana-mpe", "athens-macedonian news agency", "απε-μπε", "απε"),
    "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg",), "Xinhua": ("xinhua", "xinhua news agency"),
    "Yonhap": ("yonhap",),
    "Business Wire": ("business wire", "businesswire"),
    "GlobeNewswire": ("globenewswire", "globe newswire"),
}
_LOOKUP = {alias: name for name, aliases in _ALIASES.items() for alias in aliases}
_NOISE = re.compile(r"[\s.,©()/|]+")
_PREFIX = re.compile(r"^(?:\(c\)\s*|copyright\s+|©\s*|\d{4}\s+)+", re.IGNORECASE)
_SUFFIX = re.compile(
    r"(?:\s+(?:all rights reserved|gmbh|ltd|limited|llc|inc|pty|plc|s ?a|spa|ag|oy|as|ab))+$"
)
_DOMAIN = re.compile(r"^[\w-]+(?:\.[\w-]+)+$")
_QCODE = re.compile(r"^[a-z][\w-]*:([^\s:]+)$", re.IGNORECASE)


def canonical_source(raw: str) -> str:
    """`Associated Press` -> `AP`, `nprov:dpa` -> `dpa`, `www.itar-tass.com` -> `TASS`;
    an agency we do not know keeps its own name."""
    cleaned = clean_line(raw)  # an unknown agency is shown by its own name
    qcode = _QCODE.match(cleaned)
    if qcode and not cleaned.lower().startswith(("http", "urn")):
        # A NewsML-G2 qcode (`nprov:REUTERS`): the scheme is not part of the name.
        cleaned = qcode.group(1)
    folded = cleaned.casefold()
    if _DOMAIN.match(folded):
        # A domain (`reuters.com`, `texto.efeservicios.com`): the first label that names
        # an agency, ignoring `www` and the top-level domain.
        for label in [part for part in folded.split(".") if part != "www"][:-1]:
            if label in _LOOKUP:
                return _LOOKUP[label]
    key = _NOISE.sub(" ", folded).strip()
    key = _PREFIX.sub("", key).strip()
    key = _SUFFIX.sub("", key).strip()
    return _LOOKUP.get(key, cleaned)
