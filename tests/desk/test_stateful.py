"""Actions, undo and redo against a simple in-memory model, across restarts."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tui.desk.desk import Desk

ITEMS = st.sampled_from(["a", "b", "c", "urn:x:1"])
TAGS = st.sampled_from(["politics", "world", "sport", "it's \"quoted\""])


@dataclass
class Model:
    """The obvious implementation: whole copies of the state, a stack of them."""

    tags: dict[str, tuple[str, ...]] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    assignee: dict[str, str] = field(default_factory=dict)

    def copy(self) -> Model:
        return Model(dict(self.tags), dict(self.status), dict(self.assignee))


class DeskMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="wiredesk-stateful-"))
        self.desk = Desk(self.folder / "desk.toml", editor="ana")
        self.model = Model()
        self.undo_stack: list[Model] = []
        self.redo_stack: list[Model] = []

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _did(self, before: Model) -> None:
        if before != self.model:
            self.undo_stack.append(before)
            self.redo_stack.clear()

    @rule(items=st.lists(ITEMS, min_size=1, max_size=3), tag=TAGS)
    def tag(self, items: list[str], tag: str) -> None:
        before = self.model.copy()
        for item in items:
            have = self.model.tags.get(item, ())
            if tag not in have:
                self.model.tags[item] = (*have, tag)
        self.desk.tag(items, tag)
        self._did(before)

    @rule(item=ITEMS, tag=TAGS)
    def untag(self, item: str, tag: str) -> None:
        before = self.model.copy()
        have = self.model.tags.get(item, ())
        self.model.tags[item] = tuple(t for t in have if t != tag)
        if not self.model.tags[item]:
            del self.model.tags[item]
        self.desk.untag(item, tag)
        self._did(before)

    @rule(item=ITEMS, value=st.sampled_from(["new", "seen", "used", "spiked"]))
    def status(self, item: str, value: str) -> None:
        before = self.model.copy()
        if value == "new":  # the default: an unset field and a "new" one are the same
            self.model.status.pop(item, None)
        else:
            self.model.status[item] = value
        self.desk.set_status(item, value)
        self._did(before)

    @rule(items=st.lists(ITEMS, min_size=1, max_size=3),
          who=st.sampled_from(["", "Ben Okafor", "world desk"]))
    def assign(self, items: list[str], who: str) -> None:
        before = self.model.copy()
        for item in items:
            if who:
                self.model.assignee[item] = who
            else:
                self.model.assignee.pop(item, None)
        self.desk.assign(items, who)
        self._did(before)

    @rule()
    def undo(self) -> None:
        if self.undo_stack:
            self.redo_stack.append(self.model)
            self.model = self.undo_stack.pop()
        self.desk.undo()

    @rule()
    def redo(self) -> None:
        if self.redo_stack:
            self.undo_stack.append(self.model)
            self.model = self.redo_stack.pop()
        self.desk.redo()

    @rule()
    def restart(self) -> None:
        self.desk = Desk(self.folder / "desk.toml", editor="ana")

    @rule()
    def compact(self) -> None:
        self.desk.compact()

    @invariant()
    def matches_the_model(self) -> None:
        for item in ("a", "b", "c", "urn:x:1"):
            decision = self.desk.decision(item)
            assert set(decision.tags) == set(self.model.tags.get(item, ()))  # a set
            assert decision.status == self.model.status.get(item, "new")
            assert decision.assignee == self.model.assignee.get(item, "")


DeskMachine.TestCase.settings = settings(max_examples=60, stateful_step_count=30,
                                         deadline=None)
TestDesk = DeskMachine.TestCase
