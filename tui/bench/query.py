"""`wiredesk bench query`: what a filter or a search costs on a full day's queue.

Each query is parsed and run over every item of a generated day, as the queue does on each
keystroke; the time is the median of several runs, reported against a baseline measured
in the same run on the same keys: a plain list comprehension reading one attribute of
each item, the least any filter can cost in Python.

The generated copy draws on a vocabulary of under a hundred words, so every word is in
most items: a worst case for the word index, whose lists are longest when words are common.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable
from datetime import timedelta
from functools import partial
from typing import Any

from tui.bench.corpus import stories
from tui.desk.state import Decision, DeskState
from tui.ingest.dates import epoch
from tui.model import Item
from tui.query import Context, SearchIndex, filter_keys, parse_query

BAR_MS = 150.0
EDITOR = "Ana Ferreira"
QUERIES = (
    "source:AP status:new",
    "urgency:<=3 -status:spiked",
    "tag:politics assigned:me",
    "is:dup -is:marked",
    "is:flash source:reu lang:en",
    "assigned:none -tag:sport is:update",
    "slug:oil -is:kill",
    "is:embargoed",
    "minister",
    "elect",
    '"oil prices"',
    '-"oil prices" urgency:>4',
    "source:afp ceasefire talks",
)
SEARCHES = ("government", "ceasefire talks", "oil pri", "goverment", "minister electin")
Out = Callable[[str], None]


def run(items: int = 100_000, out: Out = print, repeat: int = 5) -> dict[str, Any]:
    start = time.perf_counter()
    wire = _items(items)
    keys = [item.key for item in reversed(wire)]  # the queue: newest first
    by_key = {item.key: item for item in wire}
    state = _decisions(keys)
    sizes = {key: 1 + n % 3 for n, key in enumerate(keys) if n % 5 < 2}
    generated = time.perf_counter() - start
    start = time.perf_counter()
    index = SearchIndex()
    index.add_all(wire)
    indexed = time.perf_counter() - start
    # Half way through the day: about half the embargoes have lifted.
    now = epoch(wire[len(wire) // 2].versioned) if wire else 0.0
    ctx = Context(editor=EDITOR, now=now, story_size=lambda key: sizes.get(key, 1),
                  index=index)

    baseline, _ = _median(lambda: [k for k in keys if by_key[k].urgency == 1], repeat)
    out(f"{items:,} generated items ({generated:.1f} s), indexed in {indexed:.1f} s "
        f"({indexed / max(items, 1) * 1e6:.0f} µs an item); median of {repeat} runs:")
    out(f"{'':44} {'ms':>7} {'x baseline':>10} {'kept':>8}")
    out(f"{'baseline (one attribute, list comp.)':44} {baseline:7.1f} {1:10.1f} "
        f"{'':>8}")
    filters: dict[str, Any] = {}

    def filtered(text: str) -> list[str]:
        return filter_keys(parse_query(text), keys, by_key, state.get, ctx)

    for text in QUERIES:
        ms, kept = _median(partial(filtered, text), repeat)
        filters[text] = {"ms": ms, "ratio": ms / baseline, "kept": len(kept)}
        out(f"{'filter ' + text:44} {ms:7.1f} {ms / baseline:10.1f} {len(kept):8,}")
    searches: dict[str, Any] = {}
    for text in SEARCHES:
        ms, found = _median(partial(index.search, text, keys), repeat)
        searches[text] = {"ms": ms, "ratio": ms / baseline, "found": len(found)}
        out(f"{'search ' + text:44} {ms:7.1f} {ms / baseline:10.1f} {len(found):8,}")
    worst = max(row["ms"] for row in (*filters.values(), *searches.values()))
    out(f"bar: every filter and search under {BAR_MS:.0f} ms -> "
        f"{'met' if worst < BAR_MS else 'NOT met'} (slowest {worst:.1f} ms)")
    return {"items": items, "baseline_ms": baseline, "index_s": indexed, "filters": filters,
            "searches": searches, "slowest_ms": worst, "met": worst < BAR_MS}


def _items(count: int) -> list[Item]:
    wire = []
    for s in stories(count):
        n = s.n
        signal = ("kill",) if n % 1000 == 7 else ("correction",) if n % 97 == 3 else \
            ("update",) if n % 20 == 1 else ()
        embargo = (s.when + timedelta(hours=1)).isoformat() if n % 200 == 5 else ""
        wire.append(Item(
            id=f"urn:bench:query:{n}", path="", format="bench", source=s.agency,
            versioned=s.when.isoformat(), slug=s.slug, headline=s.headline,
            byline=s.byline, body="\n\n".join(s.paragraphs), urgency=s.urgency,
            language=("en", "en", "en", "de", "fr-CA")[n % 5], embargo=embargo,
            signal=signal))
    return wire


def _decisions(keys: list[str]) -> DeskState:
    """About the mix of a busy afternoon: most items seen, some used, spiked, tagged."""
    rng = random.Random(11)
    state = DeskState()
    tags = ((), ("politics",), ("world",), ("politics", "world"), ("sport",), ("business",))
    people = ("", "", EDITOR, "Ben Okafor", "Sports desk")
    for key in keys:
        if rng.random() < 0.3:
            continue  # never opened: the default decision
        state.put(key, Decision(status=rng.choice(("seen", "seen", "used", "spiked")),
                                read=rng.random() < 0.5 or None,
                                tags=rng.choice(tags), assignee=rng.choice(people)))
    return state


def _median(work: Callable[[], list[str]], repeat: int) -> tuple[float, list[str]]:
    """Median milliseconds of `work`, and what it returned."""
    times, result = [], []
    for _ in range(max(repeat, 1)):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1e3, result
