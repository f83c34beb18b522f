"""The shape of the synthetic wire's sentence frames (see synth_text.py): per language,
per event kind, facts told in several frames."""

from __future__ import annotations

from typing import TypedDict

Frames = tuple[str, ...]


class KindText(TypedDict):
    #: one tuple of frames per fact; fact 0 is the lede
    facts: tuple[Frames, ...]
    #: the urgent one-liner
    alert: Frames
    head: Frames


class Lang:
    def __init__(self, code: str, agencies: tuple[str, ...], days: tuple[str, ...],
                 roles: tuple[str, ...], common: tuple[str, ...],
                 kinds: dict[str, KindText]) -> None:
        self.code = code
        self.agencies = agencies
        self.days = days
        self.roles = roles
        #: the most frequent words of the language, most frequent first (filler text)
        self.common = common
        self.kinds = kinds
