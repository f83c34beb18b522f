"""A story's members as the desk reads them: lineage by lineage, and what to say of
a lineage's first item. One rule for the story panel and `wiredesk dupes`, which hold
members as `Member`s and as JSON objects."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")


def by_lineage(members: Sequence[T], fields: Callable[[T], tuple[str, str, str]]
               ) -> list[T]:
    """The members lineage by lineage, in the order each lineage first appears (the
    lead's first: the lead is listed first), each with its first item on top, then the
    lead, then the rest in the order they came. `fields` reads a member's (id, first
    item of its lineage, relation)."""
    groups: dict[str, list[T]] = {}
    for member in members:
        groups.setdefault(fields(member)[1], []).append(member)
    out: list[T] = []
    for lineage, group in groups.items():
        group.sort(key=lambda m: (fields(m)[0] != lineage, fields(m)[2] != "lead"))
        out += group
    return out


def lineage_why(first: bool, relation: str, joined: Sequence[str]) -> tuple[str, ...]:
    """What a member's row adds to its own reasons: for a lineage's first item that
    joined other than by the event layer's own link (whose reasons say it already),
    why its lineage is in the story."""
    if first and relation not in ("lead", "same_event") \
            and tuple(joined) not in ((), ("lead lineage",)):
        return tuple(joined)
    return ()
