"""Times as the desk reads them: in the desk's zone, with the date when it is not today.

Wire times come in three kinds: with a zone (most), without one (the agency's local
time, zone unknown: shown as given, never shifted by a guess), and a date alone (a
dateline, a feed that gives no time: shown as a date, never as a made-up midnight).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import date, datetime, tzinfo
from zoneinfo import ZoneInfo

#: the queue's time column: "09:30" today, "14 Mar 09:30" this year, else "14 Mar 2019"
WIDTH = 12


class DeskTime:
    """Reads wire times for one desk. `zone` None: the machine's own zone (its rules for
    each date, so summer time is right all year)."""

    def __init__(self, zone: tzinfo | None = None,
                 now: Callable[[], float] = time.time) -> None:
        self.zone = zone
        self.now = now

    @classmethod
    def named(cls, name: str) -> DeskTime:
        """From `[desk] timezone` (checked when the config was read); "" = the machine's."""
        return cls(ZoneInfo(name) if name else None)

    def _moment(self, stamp: str) -> datetime | date | None:
        """The time in the desk's zone, as given when it has no zone, or the date alone."""
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            return None
        if len(stamp) <= 10 and "T" not in stamp:
            return moment.date()
        if moment.tzinfo is None:
            return moment
        return moment.astimezone(self.zone)

    def today(self) -> date:
        return datetime.fromtimestamp(self.now(), self.zone).date()

    def short(self, stamp: str) -> str:
        """For the queue and the story panel."""
        moment = self._moment(stamp)
        if moment is None:
            return "--:--"
        today = self.today()
        if not isinstance(moment, datetime):
            return _day(moment, today)
        if moment.date() == today:
            return moment.strftime("%H:%M")
        if moment.year == today.year:
            return f"{_day(moment.date(), today)} {moment:%H:%M}"
        return _day(moment.date(), today)

    def full(self, stamp: str) -> str:
        """For the preview and the row under the mouse: the whole time and its zone."""
        moment = self._moment(stamp)
        if moment is None:
            return stamp
        if not isinstance(moment, datetime):
            return f"{moment.isoformat()} (a date only: the copy gives no time)"
        if moment.tzinfo is None:
            return f"{moment.isoformat()} (no zone given)"
        zone = moment.tzname() or ""
        said = f" (as sent: {stamp})" if moment.isoformat() != stamp else ""
        return f"{moment.isoformat()} {zone}{said}".replace("  ", " ")


def _day(day: date, today: date) -> str:
    if day.year == today.year:
        return f"{day.day} {day:%b}"
    return f"{day.day} {day:%b} {day.year}"


def clock(stamp: str) -> str:
    """`HH:MM` of an ISO time, in the zone it was given in (for notices)."""
    try:
        return datetime.fromisoformat(stamp).strftime("%H:%M")
    except ValueError:
        return "--:--"
