"""Times as the desk reads them."""

from __future__ import annotations

from datetime import datetime


def clock(stamp: str) -> str:
    """`HH:MM` of an ISO time, in the zone it was given in."""
    try:
        return datetime.fromisoformat(stamp).strftime("%H:%M")
    except ValueError:
        return "--:--"
