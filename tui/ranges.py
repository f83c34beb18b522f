"""The allowed range of a numeric setting, declared next to its default:

    window_hours: float = field(default=72.0, metadata=more_than(0, "hours"))

The config loader reads it (`range_of`) for every number it is given; no value outside
it, and no NaN or infinity, ever reaches the code that uses the setting.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: the key of a field's metadata that holds its Range
RANGE = "range"


@dataclass(frozen=True, slots=True)
class Range:
    low: float | None = None
    high: float | None = None
    #: True: `low` itself is out (more than 0 hours); False: it is in (0 or more)
    low_open: bool = False
    #: the unit named in the message: "hours", "seconds"
    unit: str = ""

    def problem(self, value: float) -> str | None:
        """None if `value` is finite and in range, else what is wrong with it."""
        if not math.isfinite(value):
            return "is not a finite number"
        too_low = self.low is not None and (value <= self.low if self.low_open
                                            else value < self.low)
        too_high = self.high is not None and value > self.high
        return "is out of range" if too_low or too_high else None

    def describe(self) -> str:
        """The range in words, to follow "must be": "more than 0 hours", "from 0 to 100"."""
        unit = f" {self.unit}" if self.unit else ""
        low, high = _number(self.low), _number(self.high)
        if self.low is not None and self.high is not None:
            if self.low_open:
                return f"more than {low} and at most {high}{unit}"
            return f"from {low} to {high}{unit}"
        if self.low is not None:
            return f"more than {low}{unit}" if self.low_open else f"{low}{unit} or more"
        if self.high is not None:
            return f"at most {high}{unit}"
        return "a finite number"


def _number(value: float | None) -> str:
    return f"{value:g}" if value is not None else ""


def between(low: float, high: float, unit: str = "") -> Mapping[str, Any]:
    """Field metadata: `low` to `high`, both included."""
    return {RANGE: Range(low, high, unit=unit)}


def at_least(low: float, unit: str = "") -> Mapping[str, Any]:
    """Field metadata: `low` or more."""
    return {RANGE: Range(low, unit=unit)}


def more_than(low: float, unit: str = "") -> Mapping[str, Any]:
    """Field metadata: more than `low` (not `low` itself)."""
    return {RANGE: Range(low, low_open=True, unit=unit)}


#: a score: 0 to 100, as every threshold of the story detector reads
SCORE = between(0, 100)
#: a weight of the text score
WEIGHT = between(0, 1)
#: a count of things kept or judged: at least one
COUNT = at_least(1)


def range_of(spec: dataclasses.Field[Any]) -> Range | None:
    found = spec.metadata.get(RANGE)
    return found if isinstance(found, Range) else None
