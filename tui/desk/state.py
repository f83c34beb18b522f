"""The decisions themselves, in memory: what the editor has said about each item."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

STATUSES = ("new", "seen", "used", "spiked")


@dataclass(frozen=True, slots=True)
class Decision:
    status: str = "new"
    tags: tuple[str, ...] = ()
    assignee: str = ""
    priority: int | None = None
    note: str = ""

    def is_default(self) -> bool:
        return self == Decision()

    def to_toml(self) -> dict[str, Any]:
        data: dict[str, Any] = {"status": self.status}
        if self.tags:
            data["tags"] = list(self.tags)
        if self.assignee:
            data["assignee"] = self.assignee
        if self.priority is not None:
            data["priority"] = self.priority
        if self.note:
            data["note"] = self.note
        return data


@dataclass(slots=True)
class DeskState:
    decisions: dict[str, Decision] = field(default_factory=dict)

    def get(self, item_id: str) -> Decision:
        return self.decisions.get(item_id) or Decision()

    def put(self, item_id: str, decision: Decision) -> None:
        if decision.is_default():
            self.decisions.pop(item_id, None)
        else:
            self.decisions[item_id] = decision

    def add_tags(self, item_id: str, tags: tuple[str, ...]) -> None:
        current = self.get(item_id)
        merged = tuple(dict.fromkeys((*current.tags, *tags)))
        self.put(item_id, replace(current, tags=merged))

    def remove_tags(self, item_id: str, tags: tuple[str, ...]) -> None:
        current = self.get(item_id)
        self.put(item_id, replace(current, tags=tuple(t for t in current.tags if t not in tags)))

    def set_status(self, item_id: str, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"unknown status {status!r}; use one of {', '.join(STATUSES)}")
        self.put(item_id, replace(self.get(item_id), status=status))
