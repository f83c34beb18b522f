"""The normalised wire item: what every parser produces and everything else reads."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

PUBSTATUSES = ("usable", "withheld", "canceled")
#: urgency 1 (FLASH) and 2 (BULLETIN): the items that ring the bell and are pinned
FLASH_URGENCY = 2
#: urgency 1 to 3: urgent copy, marked `!` (1: `‼`) in the queue
URGENT = 3
SIGNALS = ("update", "correction", "kill", "hold", "advisory", "repeat")


@dataclass(frozen=True, slots=True)
class Dateline:
    city: str = ""
    country: str = ""
    date: str = ""
    text: str = ""

    def __bool__(self) -> bool:
        return bool(self.city or self.country or self.date or self.text)

    def display(self) -> str:
        if self.text:
            return self.text
        return ", ".join(part for part in (self.city, self.country, self.date) if part)


@dataclass(frozen=True, slots=True)
class Item:
    """One story as an agency sent it, normalised.

    Text fields hold plain text (no markup, no control characters); the body holds
    paragraphs separated by a blank line.
    """

    id: str
    path: str
    format: str
    source: str = ""
    received: str = ""
    created: str = ""
    versioned: str = ""
    version: str = ""
    take_key: str = ""
    slug: str = ""
    headline: str = ""
    deck: str = ""
    byline: str = ""
    dateline: Dateline = field(default_factory=Dateline)
    body: str = ""
    captions: tuple[str, ...] = ()
    pull_quotes: tuple[str, ...] = ()
    word_count: int = 0
    urgency: int | None = None
    priority: str = ""
    category: str = ""
    subjects: tuple[str, ...] = ()
    keywords: tuple[str, ...] = ()
    language: str = ""
    pubstatus: str = "usable"
    embargo: str = ""
    ednote: str = ""
    signal: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()

    @property
    def is_flash(self) -> bool:
        return self.urgency is not None and self.urgency <= FLASH_URGENCY

    @property
    def key(self) -> str:
        return item_key(self.id, self.version)

    @property
    def paragraphs(self) -> list[str]:
        return [p for p in self.body.split("\n\n") if p]

    @property
    def sort_time(self) -> str:
        """The best time we know for ordering the queue (ISO strings sort in time order
        only when they share a zone, so parsers normalise to UTC where they can)."""
        return self.versioned or self.created or self.received

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for name, value in data.items():
            if isinstance(value, tuple):
                data[name] = list(value)
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Item:
        """Build an item from a dict with any subset of the normalised keys; unknown
        keys are ignored so that exports from newer versions still load."""
        kwargs: dict[str, Any] = {}
        for f in fields(cls):
            if f.name not in data or data[f.name] is None:
                continue
            value = data[f.name]
            if f.name == "dateline":
                value = Dateline(**{k: str(v) for k, v in value.items() if k in DATELINE_KEYS}) \
                    if isinstance(value, dict) else Dateline(text=str(value))
            elif f.name in TUPLE_FIELDS:
                value = tuple(str(v) for v in value) if isinstance(value, list) else (str(value),)
            elif f.name == "urgency" or f.name == "word_count":
                value = int(value)
            else:
                value = str(value)
            kwargs[f.name] = value
        return cls(**kwargs)


DATELINE_KEYS = frozenset(f.name for f in fields(Dateline))
TUPLE_FIELDS = frozenset(
    f.name for f in fields(Item) if str(f.type).startswith("tuple")
)
ITEM_KEYS = tuple(f.name for f in fields(Item))


def content_id(*parts: str) -> str:
    """A stable id for copy that carries no agency id: the same text gives the same id."""
    digest = hashlib.blake2b(digest_size=10)
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass"))
        digest.update(b"\x00")
    return "sha:" + digest.hexdigest()


def count_words(text: str) -> int:
    return len(text.split())


def item_key(agency_id: str, version: str) -> str:
    """What the desk calls an item: the agency's id, and its version where it has one,
    since agencies send every version of a story under one guid."""
    return f"{agency_id}@{version}" if version else agency_id
