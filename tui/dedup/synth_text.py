"""Sentence frames for the synthetic wire (see synth.py), in four languages.

Each event kind has facts; each fact has several frames, so two agencies telling the
same event use different words for the same names and numbers, while two events of one
kind told by one agency use the same words for other names and numbers. That is the
trap a shingle method falls into and the one the detector must not.
"""

from __future__ import annotations

from typing import Final

from tui.dedup.synth_de import DE
from tui.dedup.synth_en import EN
from tui.dedup.synth_es import ES
from tui.dedup.synth_fr import FR
from tui.dedup.synth_lang import Frames, KindText, Lang

__all__ = ["COUNTRIES", "LANGS", "SEISMIC_ORGS", "STAGES", "UPDATE_MARKS", "Frames",
           "KindText", "Lang"]

LANGS: Final[dict[str, Lang]] = {lang.code: lang for lang in (EN, DE, FR, ES)}

#: per language: the word for the stages of a bill, so two votes on one bill differ
STAGES: Final[dict[str, tuple[str, ...]]] = {
    "en": ("first reading", "second reading", "final vote"),
    "de": ("erster Lesung", "zweiter Lesung", "der Schlussabstimmung"),
    "fr": ("première lecture", "deuxième lecture", "vote final"),
    "es": ("primera lectura", "segunda lectura", "votación final"),
}

#: prefixes agencies put on a headline when they move a new version
UPDATE_MARKS: Final[dict[str, tuple[str, ...]]] = {
    "en": ("UPDATE {n}-", "{n}ST LD-", ""),
    "de": ("ZUSAMMENFASSUNG {n}: ", "NEU: ", ""),
    "fr": ("ACTUALISATION {n} - ", "NOUVEAU: ", ""),
    "es": ("AMPLIACIÓN {n}: ", "NUEVO: ", ""),
}

COUNTRIES: Final[tuple[str, ...]] = (
    "Turkey", "Iran", "Chile", "Peru", "Japan", "Indonesia", "Mexico", "Italy", "Greece",
    "Nepal", "Ecuador", "Philippines", "Pakistan", "Afghanistan", "Albania", "Croatia",
    "Morocco", "Algeria", "Colombia", "Guatemala", "Taiwan", "China", "India", "Romania",
    "Portugal", "Spain", "France", "Germany", "Austria", "Belgium",
)

SEISMIC_ORGS: Final[tuple[str, ...]] = ("USGS", "EMSC", "GFZ", "Kandilli", "JMA")
