"""The terms a query is made of, each testing one thing about an item.

A term answers for one item (`matches`) and for a whole queue at once (`keep`), which is
what filtering 100,000 items on every keystroke needs: the queue is narrowed term by
term, cheapest first, and each term memoises its test on the value it reads, since a
day's wire repeats a handful of sources, statuses and tag sets over every item.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Mapping
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from tui.desk.state import Decision
from tui.model import Item
from tui.query.search import SearchIndex, folded, has_phrase

DecisionOf = Callable[[str], Decision]
Check = Callable[[Any, "Context"], bool]


@dataclass(frozen=True, slots=True)
class Context:
    """What a query needs to know beyond the item: who asks, when, and the stories."""

    editor: str
    now: float  # epoch seconds
    story_size: Callable[[str], int]
    #: folded words of every item; without it text terms fold each item they test
    index: SearchIndex | None = None
    #: the items the editor marked on their screen (view state, not a decision)
    marked: Collection[str] = ()


class Term:
    """One condition; `negated` when the editor wrote `-` before it."""

    __slots__ = ()
    text: str
    negated: bool

    @property
    def cost(self) -> int:
        """Terms run cheapest first, so the costly ones see only what the cheap ones kept."""
        return 0

    def matches(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return bool(self.test(item, decision, ctx)) != self.negated

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        raise NotImplementedError

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        """The keys whose item this term lets through, in order."""
        raise NotImplementedError


class _Memo(dict[Hashable, bool]):
    """The check's answer per value: computed once, then a dict lookup done in C."""

    __slots__ = ("check",)

    def __init__(self, check: Callable[[Any], bool]) -> None:
        super().__init__()
        self.check = check

    def __missing__(self, value: Hashable) -> bool:
        answer = self[value] = self.check(value)
        return answer


@dataclass(frozen=True, slots=True)
class FieldTerm(Term):
    """A test on one attribute of the item, or of the desk's decision on it."""

    text: str
    negated: bool
    attr: str
    check: Check
    on_decision: bool = False

    @property
    def cost(self) -> int:
        return 2 if self.on_decision else 1

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return self.check(getattr(decision if self.on_decision else item, self.attr), ctx)

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        check = self.check
        memo = _Memo(lambda value: check(value, ctx))
        get = attrgetter(self.attr)
        if self.on_decision:
            if self.negated:
                return [k for k in keys if not memo[get(decision(k))]]
            return [k for k in keys if memo[get(decision(k))]]
        if self.negated:
            return [k for k in keys if not memo[get(items[k])]]
        return [k for k in keys if memo[get(items[k])]]


@dataclass(frozen=True, slots=True)
class MarkedTerm(Term):
    """`is:marked`: marked on this editor's screen."""

    text: str
    negated: bool

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return item.key in ctx.marked

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        marked = ctx.marked
        if self.negated:
            return [k for k in keys if k not in marked]
        return [k for k in keys if k in marked]


@dataclass(frozen=True, slots=True)
class StoryTerm(Term):
    """`is:dup`: the item's story holds other items too."""

    text: str
    negated: bool

    @property
    def cost(self) -> int:
        return 3

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return ctx.story_size(item.key) >= 2

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        size = ctx.story_size
        if self.negated:
            return [k for k in keys if size(k) < 2]
        return [k for k in keys if size(k) >= 2]


@dataclass(frozen=True, slots=True)
class SlugTerm(Term):
    """`slug:prefix`; the index keeps slugs folded, as each item has its own and a memo
    of the test per slug would only fill up."""

    text: str
    negated: bool
    start: str

    @property
    def cost(self) -> int:
        return 1

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return folded(item.slug).startswith(self.start)

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        if ctx.index is not None:
            return ctx.index.keep_slug(keys, items, self.start, self.negated)
        start, negated = self.start, self.negated
        return [k for k in keys if folded(items[k].slug).startswith(start) is not negated]


@dataclass(frozen=True, slots=True)
class TextTerm(Term):
    """Words that must appear in headline, slug or body: each at the start of a word and
    in this order; a quoted phrase must also end where a word ends."""

    text: str
    negated: bool
    tokens: tuple[str, ...]
    prefix: bool

    @property
    def cost(self) -> int:
        return 4

    def test(self, item: Item, decision: Decision, ctx: Context) -> bool:
        index = ctx.index
        found = index.has(item.key, self.tokens, self.prefix) if index is not None else None
        return has_phrase(item, self.tokens, self.prefix) if found is None else found

    def keep(self, keys: list[str], items: Mapping[str, Item], decision: DecisionOf,
             ctx: Context) -> list[str]:
        if ctx.index is not None:
            return ctx.index.keep(keys, items, self.tokens, self.prefix, self.negated)
        tokens, prefix, negated = self.tokens, self.prefix, self.negated
        return [k for k in keys if has_phrase(items[k], tokens, prefix) is not negated]
