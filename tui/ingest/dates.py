"""Agency time stamps to ISO 8601, keeping the zone they were given in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

_COMPACT = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)


def iso(value: str) -> str:
    """`20190314T093000Z`, `2019-03-14 09:30:00+0100`, RFC 822 dates… as ISO 8601.
    Unreadable input is returned stripped, so nothing the agency said is lost."""
    value = value.strip()
    if not value:
        return ""
    match = _COMPACT.match(value)
    if match:
        year, month, day, hour, minute, second, zone = match.groups()
        text = f"{year}-{month}-{day}"
        if hour:
            text += f"T{hour}:{minute}:{second or '00'}"
            if zone:
                text += "+00:00" if zone == "Z" else f"{zone[:3]}:{zone[-2:]}"
        try:
            datetime.fromisoformat(text)
        except ValueError:
            return value
        return text
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def epoch(value: str) -> float:
    """Seconds since 1970 for ordering; a time without a zone is taken as UTC, and an
    unreadable one sorts first."""
    if not value:
        return 0.0
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return 0.0
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.timestamp()


def from_timestamp(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds")
