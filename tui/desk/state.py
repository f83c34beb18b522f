"""The decisions themselves, in memory: what the desk has said about each item and story.

State changes only through `Change`s, each of which has an exact inverse, so every action
can be undone and redone, and so that events from two editors can be replayed in the
order the journal holds them: the later change wins a field, and tag sets merge.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

STATUSES = ("new", "seen", "used", "spiked")
#: fields that hold a set of values: changed by adding and removing, so concurrent edits merge
SET_FIELDS = frozenset({"tags", "not_same"})
#: fields journals from before marks were view state still hold: read, and left out
LEGACY_SET_FIELDS = frozenset({"marks"})
ITEM_SCALARS = ("status", "read", "assignee", "priority", "note", "story")
STORY_SCALARS = ("lead",)
#: `story` value of an item the editor took out of its story: it stands alone
ALONE = "alone"


@dataclass(frozen=True, slots=True)
class Decision:
    status: str = "new"
    #: what the editor said with `r`; None: read once decided (any status but "new")
    read: bool | None = None
    tags: tuple[str, ...] = ()
    assignee: str = ""
    priority: int | None = None
    note: str = ""
    #: the story the editor put this item in ("" = the detector decides, ALONE = split)
    story: str = ""
    #: items the editor said are "not the same story" as this one
    not_same: tuple[str, ...] = ()

    @property
    def unread(self) -> bool:
        """Read state is its own field: `r` on a used or spiked item leaves the status."""
        return not self.read if self.read is not None else self.status == "new"

    def is_default(self) -> bool:
        return self == _DEFAULT


_DEFAULT = Decision()


@dataclass(frozen=True, slots=True)
class Change:
    """One field of one record, before and after (scalars) or added and removed (sets)."""

    table: str  # "items" or "stories"
    key: str
    field: str
    before: Any = None
    after: Any = None
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()

    def inverse(self) -> Change:
        if self.field in SET_FIELDS or self.field in LEGACY_SET_FIELDS:
            return replace(self, add=self.remove, remove=self.add)
        return replace(self, before=self.after, after=self.before)

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"table": self.table, "key": self.key, "field": self.field}
        if self.field in SET_FIELDS or self.field in LEGACY_SET_FIELDS:
            if self.add:
                data["add"] = list(self.add)
            if self.remove:
                data["remove"] = list(self.remove)
        else:
            # TOML has no null: an absent before/after is "not set".
            if self.before is not None:
                data["before"] = self.before
            if self.after is not None:
                data["after"] = self.after
        return data

    @classmethod
    def from_toml(cls, data: dict[str, Any]) -> Change:
        table, key, name = data["table"], data["key"], data["field"]
        if table not in ("items", "stories") or not isinstance(key, str):
            raise ValueError(f"a change names an unknown table {table!r}")
        allowed = (ITEM_SCALARS + tuple(SET_FIELDS | LEGACY_SET_FIELDS) if table == "items"
                   else STORY_SCALARS)
        if name not in allowed:
            raise ValueError(f"a change names an unknown field {name!r}")
        if name in SET_FIELDS or name in LEGACY_SET_FIELDS:
            return cls(table, key, name, add=_strings(data.get("add", [])),
                       remove=_strings(data.get("remove", [])))
        return cls(table, key, name, before=_scalar(name, data.get("before")),
                   after=_scalar(name, data.get("after")))


def _strings(value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError("add and remove must be lists of text")
    return tuple(value)


def _scalar(name: str, value: Any) -> Any:
    if value is None:
        return None
    if name == "priority":
        check_priority(value)
        return value
    if name == "read":
        if not isinstance(value, bool):
            raise ValueError("read must be true or false")
        return value
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text")
    if name == "status" and value not in STATUSES:
        raise ValueError(f"status {value!r} is not one of {', '.join(STATUSES)}")
    return value


def check_priority(value: Any) -> None:
    """A priority on file: 1 (highest) to 9; none is written as no priority at all."""
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 9:
        raise ValueError(f"priority must be a whole number from 1 (highest) to 9, not "
                         f"{value!r}")


@dataclass(slots=True)
class DeskState:
    decisions: dict[str, Decision] = field(default_factory=dict)
    #: story id -> the item the editor chose as its lead
    leads: dict[str, str] = field(default_factory=dict)

    def get(self, item_id: str) -> Decision:
        return self.decisions.get(item_id) or _DEFAULT

    def put(self, item_id: str, decision: Decision) -> None:
        if decision.is_default():
            self.decisions.pop(item_id, None)
        else:
            self.decisions[item_id] = decision

    def value(self, table: str, key: str, name: str) -> Any:
        if table == "stories":
            return self.leads.get(key)
        value = getattr(self.get(key), name)
        default = getattr(_DEFAULT, name)
        return None if value == default and name not in SET_FIELDS else value

    def apply(self, change: Change) -> None:
        if change.table == "stories":
            if change.after is None:
                self.leads.pop(change.key, None)
            else:
                self.leads[change.key] = change.after
            return
        if change.field in LEGACY_SET_FIELDS:
            return
        current = self.get(change.key)
        if change.field in SET_FIELDS:
            values: tuple[str, ...] = getattr(current, change.field)
            kept = tuple(v for v in values if v not in change.remove)
            value: Any = kept + tuple(dict.fromkeys(a for a in change.add if a not in kept))
        else:
            value = change.after if change.after is not None else getattr(_DEFAULT, change.field)
        self.put(change.key, replace(current, **{change.field: value}))

    def apply_all(self, changes: tuple[Change, ...] | list[Change]) -> None:
        for change in changes:
            self.apply(change)

    def copy(self) -> DeskState:
        return DeskState(dict(self.decisions), dict(self.leads))
