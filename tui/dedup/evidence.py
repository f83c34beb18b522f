"""What tells two events of one kind apart, read from an item alone, in any language.

Two shootings or two quakes share most of their words; what differs is specific: the
place (the dateline city, capitalised place names in the headline and lede), the
people (names), and the numbers with their units (ages, tallies, scores, sums of
money). Everything here is found without a language model or a word list of any one
language: capitals inside a sentence (tui/dedup/features.py), a dateline in capitals
at the top of the body, a number and the word that follows it.

Terms are folded (case and accents) and tagged so they never meet a plain word:
``@city`` for a dateline place, ``#23 year`` for a number with its unit, ``$5,000``
for a sum, ``=2-3`` for a score or tally.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from tui.dedup.features import _names, _tokens, bare_headline, fold
from tui.model import Item

#: a dateline in capitals at the top of the body: "MOUNT VERNON, N.Y. (AP) —",
#: "BERLIN (dpa) -", "PARÍS, 3 mars (AFP) -". Letters of any Latin script.
_DATELINE = re.compile(
    r"^\s*([A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ.'’\- ]{1,40}?)\s*(?:,|\(|—|–|-\s|/)")
#: a number and the word after it ("23-year-old", "5 Tote", "3 morts", "$5 million"),
#: or a number after a currency sign. Every match starts with one of those: the look-ahead
#: lets the scan skip other characters at once (3x faster on a lede, the same matches)
_NUMBER_UNIT = re.compile(r"(?=[$€£¥\d])([$€£¥]\s?)?(\d+(?:[.,:]\d+)*)(?:[\s\-]+([^\W\d_]{2,}))?")
#: the evidence is read from the headline and this much of the body (the lede)
LEDE_CHARS = 700
#: numbers that are years or clock times say little about which event: kept as plain
#: terms only
_RUN = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’\-]+(?:\s[A-ZÀ-ÖØ-Þ][\w'’\-]+)+")
#: a score, tally or vote: "3-2", "4–1", "280-147", "2:1" (not a clock time "10:30",
#: nor part of a longer run of digits: a phone number, a date). The leading look-ahead
#: spares the look-behinds at every character that is not a digit (3x faster)
_RESULT = re.compile(
    r"(?=\d)(?<![\d:/\-–])(?<!\d[.,])(?:(\d{1,3})\s?[-–]\s?(\d{1,3})|(\d{1,2}):(\d))"
    r"(?![\d:/\-–]|[.,]\d)")
_SENTENCE_END = frozenset(".!?…:\"“”«»\n")
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


class Evidence(NamedTuple):
    """The specific terms of one item: places, names, numbers with units."""

    #: the dateline city (Item.dateline, or a dateline in capitals), tagged "@"
    places: tuple[str, ...]
    #: names (capitalised inside a sentence) of the headline and lede, folded
    names: tuple[str, ...]
    #: numbers with their unit ("#23 year"), sums ("$5,000")
    numbers: tuple[str, ...]
    #: results: scores, tallies and votes, the smaller number first ("=2-3")
    results: tuple[str, ...]
    #: runs of two or three capitalised words ("~miguel maldonado", "~brighton park"):
    #: people, streets, neighbourhoods
    runs: tuple[str, ...]

    def terms(self) -> tuple[str, ...]:
        return self.places + self.names + self.numbers + self.results + self.runs


def dateline_place(item: Item) -> str:
    """The item's dateline city, folded, or ""."""
    return place_of(item.body, item.dateline.city)


def place_of(body: str, city: str) -> str:
    """The dateline city (`city` as the format gave it, else one in capitals at the
    top of the body), folded, or ""."""
    if not city:
        match = _DATELINE.match(body[:80])
        if match is None:
            return ""
        city = match.group(1).strip(" .-'’")
        # a dateline is in capitals; a lede opening with "A" or "THE" is not one
        if len(city) < 3 or not city.isupper():
            return ""
    return fold(city).strip()


def number_units(text: str) -> list[str]:
    """"#23 year", "#5 tote", "$5,000": a number with the first four letters of the
    word after it (enough to join "year"/"years", "morts"/"mort"), or a sum."""
    out = []
    for currency, number, unit in _NUMBER_UNIT.findall(text):
        if currency:
            out.append(f"${number}")
        elif unit and not _YEAR.match(number):
            out.append(f"#{number} {fold(unit)[:4]}")
    return out


def results(text: str) -> list[str]:
    """"=2-3" for "3-2", "2-3" and "3:2": a result whichever side is named first."""
    out = []
    for a, b, c, d in _RESULT.findall(text):
        x, y = (int(a), int(b)) if a else (int(c), int(d))
        out.append(f"={min(x, y)}-{max(x, y)}")
    return out


def evidence(item: Item) -> Evidence:
    return evidence_of(item.headline, item.body, item.dateline.city)


def evidence_of(headline: str, body: str, city: str) -> Evidence:
    """`evidence` from the fields it reads (the bulk helper has no `Item`)."""
    headline = bare_headline(headline)
    lede = body[:LEDE_CHARS]
    place = place_of(body, city)
    upper = sum(map(str.isupper, headline))
    in_caps = upper >= 8 and upper >= 0.8 * (upper + sum(map(str.islower, headline)))
    names = {n for n in _names("" if in_caps else headline, lede)
             if not n[0].isdigit() and len(n) > 2}
    if place:
        # the dateline's own words are names too ("mount vernon" -> mount, vernon)
        names.update(t for t in _tokens(place) if len(t) > 2)
    numbers = set(number_units(headline))
    numbers.update(number_units(lede))
    runs = set()
    for match in _RUN.finditer(lede):
        words = match.group().split()
        before = lede[:match.start()].rstrip()
        if not before or before[-1] in _SENTENCE_END:
            # a sentence's first word is capitalised whatever it is
            words = words[1:]
        if len(words) >= 2 and not match.group().isupper():
            runs.add("~" + fold(" ".join(words[:3])))
    return Evidence(
        places=(f"@{place}",) if place else (),
        names=tuple(sorted(names)),
        numbers=tuple(sorted(numbers)),
        results=tuple(sorted(set(results(headline)) | set(results(lede)))),
        runs=tuple(sorted(runs)))
