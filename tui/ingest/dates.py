"""Agency time stamps to ISO 8601, keeping the zone they were given in."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from tui.textsafe import clean_line

_COMPACT = re.compile(
    r"^(\d{4})-?(\d{2})-?(\d{2})(?:[T ](\d{2}):?(\d{2})(?::?(\d{2}))?(?:\.\d+)?)?\s*"
    r"(Z|[+-]\d{2}:?\d{2})?$"
)

# Teleprinter trailers name the month in the agency's language (dpa: Okt, Dez; ATS: déc).
_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("jan", "jän", "janv", "gen", "ene"),
        ("feb", "fév", "fev", "févr", "fevr"),
        ("mar", "mär", "mrz", "mars", "maerz"),
        ("apr", "avr", "abr"),
        ("may", "mai", "mag"),
        ("jun", "juin", "giu"),
        ("jul", "juil", "lug"),
        ("aug", "aoû", "aou", "ago"),
        ("sep", "sept", "set"),
        ("oct", "okt", "ott"),
        ("nov",),
        ("dec", "dez", "déc", "dic"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number


def iso(value: str) -> str:
    """`20190314T093000Z`, `2019-03-14 09:30:00+0100`, RFC 822 dates… as ISO 8601.
    Unreadable input is returned as one clean line (no control characters), so nothing the
    agency said is lost and nothing it slipped in reaches the screen."""
    value = clean_line(value)
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
    except (TypeError, ValueError, IndexError, OverflowError):
        return value


def month_number(name: str) -> int | None:
    """`Okt` -> 10, `déc.` -> 12, `June` -> 6; None for anything else."""
    key = name.strip(". ").casefold()
    for candidate in (key, key[:4], key[:3]):
        if len(candidate) >= 3 and candidate in _MONTHS:
            return _MONTHS[candidate]
    return None


def compose(year: int, month: int, day: int, hour: int = 0, minute: int = 0,
            second: int = 0, utc: bool = False) -> str:
    """An ISO 8601 time from parts; without `utc` the zone is unknown and left off
    (we do not guess an agency's local time). Empty when the parts are no date."""
    if year < 100:
        # Two-digit years on the wire: 69..99 are the last century, the rest this one.
        year += 1900 if year >= 69 else 2000
    try:
        moment = datetime(year, month, day, hour, minute, second,
                          tzinfo=UTC if utc else None)
    except (ValueError, OverflowError):
        return ""
    return moment.isoformat()


#: a dateline's date with its year: "March 14, 2019", "Mar. 14 2019", "14 March 2019",
#: a weekday before it or not
_DATELINE_DATE = re.compile(
    r"^(?:[A-Za-z]+day,?\s+)?(?:(?P<month>[^\W\d_]+)\.?\s+(?P<day>\d{1,2}),?|"
    r"(?P<day2>\d{1,2})\.?\s+(?P<month2>[^\W\d_]+)\.?,?)\s+(?P<year>\d{4})$")


def dateline_date(text: str) -> str:
    """The date of a dateline (`Dateline.date`) as ISO 8601 (`2019-03-14`, a day and
    no time), or empty. Only a date with its year is read: a year taken from the file's
    arrival would put last year's copy on this year's day."""
    match = _DATELINE_DATE.match(clean_line(text))
    if match is None:
        return ""
    month = month_number(match.group("month") or match.group("month2"))
    day = int(match.group("day") or match.group("day2"))
    if month is None:
        return ""
    found = compose(int(match.group("year")), month, day)
    return found[:10]


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
