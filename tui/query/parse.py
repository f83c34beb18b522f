"""The editor's filter language: `source:AP tag:politics -status:spiked "exact words"`.

Terms are separated by spaces and must all hold; `-` before a term negates it. A term is
`field:value` (the value may be quoted: `tag:"breaking news"`), a "quoted phrase", or a
bare word. Words and phrases are looked for, folded, in headline, slug and body: a bare
word as the start of a word (`elect` finds "elections"), a quoted phrase as whole words.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from tui.desk.state import STATUSES, Decision
from tui.ingest.agencies import canonical_source
from tui.ingest.dates import epoch
from tui.model import FLASH_URGENCY, Item
from tui.query.search import folded, words
from tui.query.terms import (
    Check,
    Context,
    DecisionOf,
    FieldTerm,
    MarkedTerm,
    SlugTerm,
    StoryTerm,
    Term,
    TextTerm,
)

#: each field, with an example for the messages
FIELDS: dict[str, str] = {
    "source": "source:AP", "tag": "tag:politics", "status": "status:new",
    "urgency": "urgency:<=3", "assigned": "assigned:me", "is": "is:dup",
    "slug": "slug:storm", "lang": "lang:en",
}
IS_VALUES = ("dup", "unread", "read", "flash", "kill", "embargoed", "marked", "correction",
             "update")
#: `is:flash`: urgency this high (1 is the most urgent) or higher

_FIELD = re.compile(r"([A-Za-z]+):")
_COMPARISON = re.compile(r"(<=|>=|<|>|=)?(\d+)")
_OPERATORS: dict[str, Callable[[int, int], bool]] = {
    "<=": operator.le, ">=": operator.ge, "<": operator.lt, ">": operator.gt,
    "=": operator.eq, "": operator.eq,
}


class QueryError(ValueError):
    """A query the editor has to fix; the message names the term and says how."""

    def __init__(self, message: str, term: str) -> None:
        super().__init__(message)
        self.term = term


@dataclass(frozen=True, slots=True)
class Query:
    text: str
    #: cheapest first
    terms: tuple[Term, ...]

    def __bool__(self) -> bool:
        """False for the empty query, which lets everything through."""
        return bool(self.terms)

    def matches(self, item: Item, decision: Decision, ctx: Context) -> bool:
        return all(term.matches(item, decision, ctx) for term in self.terms)

    def filter(self, keys: Sequence[str], items: Mapping[str, Item], decision: DecisionOf,
               ctx: Context) -> list[str]:
        return filter_keys(self, keys, items, decision, ctx)


def filter_keys(query: Query, keys: Sequence[str], items: Mapping[str, Item],
                decision: DecisionOf, ctx: Context) -> list[str]:
    """The keys (each one in `items`) whose item matches, in the order given. Text terms
    use `ctx.index`, which indexes any of these items it has not seen yet."""
    kept = list(keys)
    for term in query.terms:
        if not kept:
            break
        kept = term.keep(kept, items, decision, ctx)
    return kept


def parse_query(text: str) -> Query:
    terms = [term for term in map(_term, _lex(text)) if term is not None]
    terms.sort(key=lambda term: term.cost)
    return Query(text, tuple(terms))


@dataclass(frozen=True, slots=True)
class _Raw:
    text: str  # as written, for messages
    negated: bool
    field: str | None
    value: str
    quoted: bool


def _lex(text: str) -> Iterator[_Raw]:
    i, end = 0, len(text)
    while True:
        while i < end and text[i].isspace():
            i += 1
        if i == end:
            return
        start = i
        negated = text[i] == "-" and i + 1 < end and not text[i + 1].isspace()
        i += negated
        field = None
        match = _FIELD.match(text, i)
        if match:
            field, i = match.group(1).lower(), match.end()
        if i < end and text[i] == '"':
            close = text.find('"', i + 1)
            if close < 0:
                raise QueryError(f"the quote in '{text[start:]}' is not closed: add a \" "
                                 "after the words", text[start:])
            value, i, quoted = text[i + 1:close], close + 1, True
        else:
            j = i
            while j < end and not text[j].isspace() and text[j] != '"':
                j += 1
            value, i, quoted = text[i:j], j, False
        yield _Raw(text[start:i], bool(negated), field, value, quoted)


def _term(raw: _Raw) -> Term | None:
    if raw.field is None:
        tokens = tuple(words(raw.value))
        # Punctuation alone (a dash between words) asks for nothing.
        return TextTerm(raw.text, raw.negated, tokens, not raw.quoted) if tokens else None
    if raw.field not in FIELDS:
        guess = process.extractOne(raw.field, list(FIELDS), scorer=fuzz.ratio, score_cutoff=60)
        hint = f" (did you mean '{guess[0]}:'?)" if guess else ""
        raise QueryError(f"unknown field '{raw.field}:'{hint}; fields are "
                         f"{', '.join(FIELDS)}; put the term in quotes to look for the "
                         "words", raw.text)
    value = raw.value.strip()
    if not value:
        raise QueryError(f"'{raw.text}' needs a value after the colon, e.g. "
                         f"{FIELDS[raw.field]}", raw.text)
    if raw.field == "is":
        return _is(raw, value.lower())
    if raw.field == "slug":
        return SlugTerm(raw.text, raw.negated, folded(value))
    attr, check, on_decision = _BUILDERS[raw.field](raw, value)
    return FieldTerm(raw.text, raw.negated, attr, check, on_decision)


def _is(raw: _Raw, value: str) -> Term:
    if value == "dup":
        return StoryTerm(raw.text, raw.negated)
    if value == "marked":
        return MarkedTerm(raw.text, raw.negated)
    if value in ("unread", "read"):
        want = value == "unread"
        return FieldTerm(raw.text, raw.negated, "unread",
                         lambda unread, ctx: bool(unread) == want, on_decision=True)
    if value == "flash":
        return FieldTerm(raw.text, raw.negated, "urgency", _flash)
    if value == "embargoed":
        return FieldTerm(raw.text, raw.negated, "embargo", _embargoed)
    if value in ("kill", "correction", "update"):
        return FieldTerm(raw.text, raw.negated, "signal", lambda signal, ctx: value in signal)
    raise QueryError(f"'{raw.text}' is not something an item can be; is: takes "
                     f"{', '.join(IS_VALUES)}", raw.text)


def _flash(urgency: int | None, ctx: Context) -> bool:
    return urgency is not None and urgency <= FLASH_URGENCY


def _embargoed(embargo: str, ctx: Context) -> bool:
    return bool(embargo) and epoch(embargo) > ctx.now


Built = tuple[str, Check, bool]


def _source(raw: _Raw, value: str) -> Built:
    want = folded(value)
    # Agencies are stored under one name (`AP`); an alias the editor types maps to it.
    alias = folded(canonical_source(value))

    def check(source: str, ctx: Context) -> bool:
        name = folded(source)
        return name.startswith(want) or name == alias

    return "source", check, False


def _tag(raw: _Raw, value: str) -> Built:
    want = folded(value)
    return "tags", lambda tags, ctx: any(folded(tag) == want for tag in tags), True


def _status(raw: _Raw, value: str) -> Built:
    want = value.lower()
    if want not in STATUSES:
        raise QueryError(f"'{raw.text}' is not a status; status is one of "
                         f"{', '.join(STATUSES)}", raw.text)
    return "status", lambda status, ctx: bool(status == want), True


def _urgency(raw: _Raw, value: str) -> Built:
    match = _COMPARISON.fullmatch(value.replace(" ", ""))
    if not match:
        raise QueryError(f"'{raw.text}' is not an urgency comparison; write urgency:1, "
                         "urgency:<=3 or urgency:>5", raw.text)
    compare, bound = _OPERATORS[match.group(1) or ""], int(match.group(2))

    def check(urgency: int | None, ctx: Context) -> bool:
        return urgency is not None and compare(urgency, bound)

    return "urgency", check, False


def _assigned(raw: _Raw, value: str) -> Built:
    want = folded(value)
    if want == "me":
        return "assignee", _assigned_to_me, True
    if want == "none":
        return "assignee", lambda assignee, ctx: not assignee.strip(), True

    def check(assignee: str, ctx: Context) -> bool:
        # A prefix of the name or of any word in it: `assigned:ferr` finds Ana Ferreira.
        name = folded(assignee)
        return name.startswith(want) or any(part.startswith(want) for part in name.split())

    return "assignee", check, True


def _assigned_to_me(assignee: str, ctx: Context) -> bool:
    return bool(ctx.editor) and folded(assignee.strip()) == folded(ctx.editor.strip())


def _lang(raw: _Raw, value: str) -> Built:
    want = folded(value).replace("_", "-")

    def check(language: str, ctx: Context) -> bool:
        # `lang:en` takes en-GB and en-US too: the region is a detail of the same language.
        code = folded(language).replace("_", "-")
        return code == want or code.startswith(want + "-")

    return "language", check, False


_BUILDERS: dict[str, Callable[[_Raw, str], Built]] = {
    "source": _source, "tag": _tag, "status": _status, "urgency": _urgency,
    "assigned": _assigned, "lang": _lang,
}

