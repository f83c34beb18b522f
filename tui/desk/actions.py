"""Every desk action as the changes it makes to the current state. Only real changes are
returned (tagging an item with a tag it has changes nothing), so undo restores exactly
what the action did."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from tui.desk.state import ALONE, STATUSES, Change, DeskState


def _scalar(state: DeskState, items: Iterable[str], name: str, value: Any) -> list[Change]:
    changes = []
    for item_id in dict.fromkeys(items):
        before = state.value("items", item_id, name)
        after = None if value in ("", None) or (name == "status" and value == "new") else value
        if before != after:
            changes.append(Change("items", item_id, name, before=before, after=after))
    return changes


def _sets(state: DeskState, items: Iterable[str], name: str, add: Iterable[str] = (),
          remove: Iterable[str] = ()) -> list[Change]:
    changes = []
    adding, removing = tuple(dict.fromkeys(add)), tuple(dict.fromkeys(remove))
    for item_id in dict.fromkeys(items):
        have = getattr(state.get(item_id), name)
        plus = tuple(v for v in adding if v not in have)
        minus = tuple(v for v in removing if v in have)
        if plus or minus:
            changes.append(Change("items", item_id, name, add=plus, remove=minus))
    return changes


def tag(state: DeskState, items: Iterable[str], tags: Iterable[str]) -> list[Change]:
    return _sets(state, items, "tags", add=[t.strip() for t in tags if t.strip()])


def untag(state: DeskState, items: Iterable[str], tags: Iterable[str]) -> list[Change]:
    return _sets(state, items, "tags", remove=tags)


def status(state: DeskState, items: Iterable[str], value: str) -> list[Change]:
    if value not in STATUSES:
        raise ValueError(f"unknown status {value!r}; use one of {', '.join(STATUSES)}")
    return _scalar(state, items, "status", value)


def read(state: DeskState, items: Iterable[str], value: bool) -> list[Change]:
    return _scalar(state, items, "read", value)


def assign(state: DeskState, items: Iterable[str], who: str) -> list[Change]:
    return _scalar(state, items, "assignee", who.strip())


def priority(state: DeskState, items: Iterable[str], value: int | None) -> list[Change]:
    if value is not None and not 1 <= value <= 9:
        raise ValueError("priority is 1 (highest) to 9, or none")
    return _scalar(state, items, "priority", value)


def note(state: DeskState, items: Iterable[str], text: str) -> list[Change]:
    return _scalar(state, items, "note", text.strip())


def merge(state: DeskState, story: str, items: Iterable[str]) -> list[Change]:
    """Put the items in `story` (the story of the item the editor merges into); the
    editor's merge holds whatever the detector later thinks."""
    return _scalar(state, items, "story", story)


#: a story renamed as its naming item leaves: old id -> (new id, the members that stay)
Renamed = Mapping[str, tuple[str, Sequence[str]]]


def split(state: DeskState, items: Iterable[str], renamed: Renamed | None = None
          ) -> list[Change]:
    """Take the items out of their story: each stands alone until merged again. A story
    is named after its first item; when that item leaves, the members that stay are put
    in the story named after the next (with its lead), so they stay one story and what
    the desk merged into the old name does not follow the item out."""
    leaving = list(dict.fromkeys(items))
    changes = _scalar(state, leaving, "story", ALONE)
    for old, (new, staying) in (renamed or {}).items():
        rest = [m for m in staying if m not in leaving]
        changes += _scalar(state, rest, "story", new)
        lead_before = state.leads.get(old)
        if lead_before is not None:
            changes.append(Change("stories", old, "lead", before=lead_before))
            if lead_before in rest:
                changes += lead(state, new, lead_before)
    return changes


def not_same(state: DeskState, first: str, others: Iterable[str]) -> list[Change]:
    """`first` and each of `others` are not the same story, recorded on both sides."""
    others = [o for o in others if o != first]
    changes = _sets(state, [first], "not_same", add=others)
    for other in others:
        changes += _sets(state, [other], "not_same", add=[first])
    return changes


def lead(state: DeskState, story: str, item_id: str) -> list[Change]:
    before = state.leads.get(story)
    return [] if before == item_id else [Change("stories", story, "lead", before=before,
                                                after=item_id)]
